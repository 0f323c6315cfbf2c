"""The parts after a 其中 in running prose: where the list stops, and when it goes on past a semicolon.

A parts list ends at a nested 其中/分别, at a closing parenthesis, at a clause that opens a new
statement (全县…, 共有…, the same opening word as the total's own label), and at a semicolon —
unless the clause after the semicolon is one more part of the same shape: its first figure counts
what the total counts and its label ends like the first part's (「其中：财政拨款收入1,036.50万元，比上年
增加12.40万元；事业收入318.00万元，比上年减少2.00万元；其他收入12.00万元」). A part's own change,
share or rate between the parts (比上年增加12.40万元) is never a part.
"""

from __future__ import annotations

import bisect
from fractions import Fraction

from figcheck import patterns
from figcheck.claims.common import common_run, cues, family, is_count, states_other_relation
from figcheck.claims.sum_clauses import breakdown_end, next_clause
from figcheck.claims.sum_listed import MOST_PARTS, SEMICOLONS, modifies_next, partition_of, usable
from figcheck.claims.sum_nested import adds_up, nested_breakdowns
from figcheck.layout import Layout, Placed

_LEADING_PERIOD = patterns.compile(r"^[，,、：:\s]*(?:(?:19|20)\d\d年(?:度|末|底)?|上半年|全年)?")


def _opening(label: str) -> str:
    """The first word of a label, a leading year left out: 「2015年全县完成…」 → 「全县」."""
    return _LEADING_PERIOD.sub("", label)[:2]


def starts_statement(
    layout: Layout, placed: Placed, total: Placed, others: list[Placed], first: Placed | None = None
) -> bool:
    """A clause that is not one more part: it opens like a new statement, names a whole, opens with
    the total's own first word (unless the first part does too: 「公务用车购置及运行费…其中：公务用车
    购置费…；公务用车运行费…」), or repeats the wording of another figure before the cue (「…完成工业
    增加值644350万元。其中规模以上企业完成工业总产值…，完成工业增加值…」)."""
    label = placed.label.lstrip("，,、：: ")
    if label.startswith(cues(layout.book).new_statement) or any(
        word in label for word in cues(layout.book).whole_words
    ):
        return True
    opening = _opening(total.label)
    if len(opening) == 2 and _opening(label) == opening and (first is None or _bare(first.label)[:2] != opening):
        return True
    own = common_run(total.label, label)
    return any(
        common_run(other.label, label) >= max(4, own + 1)
        for other in others
        if other is not total and other.figure.unit == total.figure.unit
    )


def chain_parts(
    layout: Layout,
    figures: list[Placed],
    starts: list[int],
    total: Placed,
    cue: tuple[int, int, int, bool, bool],
    others: list[Placed],
) -> list[Placed]:
    """The parts of `total` after a 其中 ending at `cue` = (end, sentence end, depth, announced, by a header): a clause
    chain, continued past each semicolon by a clause of the same shape when the 其中 announces a list (it opens its
    sentence, or a colon follows it) and the parts so far fall short of the total (once they reach it, only parts
    of 0 go on). A 其中 inside a part (「城镇1615亿元，其中城区861亿元；乡村339亿元」) is an aside; a semicolon
    closes it."""
    after, sentence_end, depth, announced, header = cue
    parts: list[Placed] = []
    reached = False
    skipped = 0
    while True:
        limit = breakdown_end(layout.text, after, sentence_end, depth)
        chunk, whole = _gather(layout, figures, total, (after, limit, depth), others, starts)
        interrupted = parts and not chunk and announced and skipped < _MOST_SKIPPED and limit < sentence_end
        if interrupted and _other_kind_only(layout, figures, starts, total, (after, limit), others):
            skipped += 1  # 「其中：接待国内旅游者…万人次…；国内旅游收入…亿元…；接待入境旅游者…万人次」
            after = limit + 1
            continue
        if parts and not (
            chunk
            and (
                _goes_on(layout, figures, parts[0], chunk[0], total, others, starts, after)
                or (
                    announced
                    and header
                    and _unlike_part_fits(layout, figures, starts, total, parts, chunk, others, after)
                )
            )
        ):
            break
        if reached and any(part.figure.value for part in chunk):
            break  # past the total only the template's empty lines go on (「事业收入0万元；其他收入0万元」)
        if parts and layout.text.startswith(("其中", "分别"), limit):
            break  # the clause breaks its own figure down: a new total, not one more part
        parts += chunk
        limit = next_clause(layout.text, limit, sentence_end, announced and header) if chunk and whole else -1
        if limit < 0:
            break
        if not announced and not _list_follows(layout, figures, starts, total, parts, limit + 1):
            break
        reached = _reached(total, parts) and _reached(total, nested_breakdowns(total, parts)[0])
        after = limit + 1
    return parts


_MOST_SKIPPED = 2  # clauses of another kind a list of parts may run past


def _other_kind_only(
    layout: Layout, figures: list[Placed], starts: list[int], total: Placed, span: tuple[int, int], others: list[Placed]
) -> bool:
    """A clause ending at a semicolon whose figures are all of another kind than the total (an amount of money
    among counts of visitors), opening no new statement: the list of parts may run past it."""
    after, limit = span
    if layout.text[limit] not in SEMICOLONS:
        return False
    inside = [p for p in figures[bisect.bisect_left(starts, after) :] if p.figure.start < limit]
    kind = family(layout, total)
    return (
        bool(inside)
        and all(family(layout, p) != kind for p in inside)
        and not starts_statement(layout, inside[0], total, others)
    )


def _unlike_part_fits(
    layout: Layout,
    figures: list[Placed],
    starts: list[int],
    total: Placed,
    parts: list[Placed],
    chunk: list[Placed],
    others: list[Placed],
    after: int,
) -> bool:
    """After a semicolon in a breakdown a header announced (「按消费类型统计，商品零售11530.2亿元…；餐饮收入
    1323.3亿元…」), a clause opening with a figure of the total's kind is one more part though labelled unlike
    the first — as long as the parts stay within the total: one that would pass it belongs to something else."""
    opening = _clause_head(figures, starts, after, chunk[0].depth)
    if opening is not chunk[0] or starts_statement(layout, chunk[0], total, others, parts[0]):
        return False
    most = Fraction(total.figure.value) + Fraction(total.figure.resolution) / 2
    return sum((Fraction(part.figure.value) for part in [*parts, chunk[0]]), Fraction(0)) <= most


def _partition_follows(layout: Layout, figures: list[Placed], starts: list[int], first: Placed, after: int) -> bool:
    """The clause after a semicolon opens with the other member of a partition the first part belongs to
    (「其中外贸出口总额474.78亿元…；外贸进口总额33.34亿元」): the list goes on though no 其中： announced it."""
    head = _clause_head(figures, starts, after, first.depth)
    return head is not None and bool(partition_of(layout, [first, head]))


def _list_follows(
    layout: Layout, figures: list[Placed], starts: list[int], total: Placed, parts: list[Placed], after: int
) -> bool:
    """Without a 其中 announcing it, a list goes on past a semicolon with a partition's other member or a part
    completing the total."""
    return _partition_follows(layout, figures, starts, parts[0], after) or _completes(
        layout, figures, starts, total, parts, after
    )


def _completes(
    layout: Layout, figures: list[Placed], starts: list[int], total: Placed, parts: list[Placed], after: int
) -> bool:
    """The clause after a semicolon opens with a part labelled like the first that makes the parts add up to the
    total (「粮食总产量133.77万吨…，其中，夏粮产量16.38万吨，下降1.7%；秋粮产量117.39万吨」): the list goes on."""
    head = _clause_head(figures, starts, after, parts[0].depth)
    if head is None or not parallel(parts[0].label, head.label) or family(layout, head) != family(layout, total):
        return False
    return adds_up(total, [*nested_breakdowns(total, parts)[0], head])  # a part's own parts are not the total's


def _clause_head(figures: list[Placed], starts: list[int], after: int, depth: int) -> Placed | None:
    """The first figure at `depth` from offset `after`: the one a clause after a semicolon opens with."""
    position = bisect.bisect_left(starts, after)
    return next((p for p in figures[position:] if p.depth == depth), None)


def _reached(total: Placed, parts: list[Placed]) -> bool:
    """The parts so far add up to the total, allowing for each figure's rounding: a clause after the
    next semicolon is a new statement (「夏粮114.6万吨…；秋粮126.9万吨…；小麦114.6万吨」 under 241.5万吨)."""
    figures = [total.figure, *(part.figure for part in parts)]
    slack = sum((Fraction(f.resolution) / 2 for f in figures if not f.is_exact), Fraction(0))
    return sum((Fraction(part.figure.value) for part in parts), Fraction(0)) >= Fraction(total.figure.value) - slack


def _goes_on(
    layout: Layout,
    figures: list[Placed],
    first: Placed,
    head: Placed,
    total: Placed,
    others: list[Placed],
    starts: list[int],
    after: int,
) -> bool:
    """After a semicolon: the clause's first figure is its part, and it is labelled like the first."""
    opening = _clause_head(figures, starts, after, head.depth)
    if opening is not head:
        return False
    if partition_of(layout, [first, head]):
        return True  # 「出口总值194.1亿元…；进口总值45.9亿元」: the other member, whatever words name a whole
    alike = parallel(first.label, head.label) or _qualified_alike(first.label, head.label, total.label)
    return alike and not starts_statement(layout, head, total, others, first)


def _qualified_alike(first: str, second: str, total: str) -> bool:
    """Two labels opening with the total's own qualifier, each then naming a kind (「新登记市场主体19.91万户。其中
    新登记企业…；新登记个体工商户…；新登记农民专业合作社…」)."""
    one, two = _bare(first), _bare(second)
    shared = 0
    while shared < min(len(one), len(two)) and one[shared] == two[shared]:
        shared += 1
    return shared >= 2 and one[:shared] in total and shared < min(len(one), len(two))


def _bare(label: str) -> str:
    text = _LEADING_PERIOD.sub("", label.lstrip("，,、：:；; "))
    return text[2:].lstrip("：: ") if text.startswith("其中") else text


def parallel(first: str, second: str) -> bool:
    """Two labels of the same shape: they end with the same word (财政拨款收入, 事业收入), or with the
    same character and share a longer run of wording (公务用车购置费, 公务用车运行费)."""
    one, two = _bare(first), _bare(second)
    tail = 0
    while tail < min(len(one), len(two)) and one[-1 - tail] == two[-1 - tail]:
        tail += 1
    return tail >= 2 or (tail == 1 and common_run(one, two) >= 2)


def _gather(
    layout: Layout,
    figures: list[Placed],
    total: Placed,
    span: tuple[int, int, int],
    others: list[Placed],
    starts: list[int],
) -> tuple[list[Placed], bool]:
    """The parts in one clause chain [after, limit), and whether it ran to the limit (no new statement)."""
    after, limit, depth = span
    kind = family(layout, total)
    parts: list[Placed] = []
    for position in range(bisect.bisect_left(starts, after), len(figures)):
        placed = figures[position]
        if placed.figure.start >= limit or len(parts) >= MOST_PARTS:
            break
        if placed.depth != depth:
            continue
        if (
            parts
            and not partition_of(layout, [parts[0], placed])
            and (starts_statement(layout, placed, total, others, parts[0]) or _verb_after_comma(layout, parts, placed))
        ):
            return parts, False
        if not usable(layout, placed) or family(layout, placed) != kind or modifies_next(layout, figures, position):
            continue
        parts.append(placed)
    return parts, True


def _verb_after_comma(layout: Layout, parts: list[Placed], placed: Placed) -> bool:
    """「新增营造林148万亩、其中…43万亩，修复治理退化草原517万亩」: after a comma, a clause opening
    with a statement verb (修复, 完成, 开展 …) is a new statement — unless the parts themselves open
    with such verbs."""
    gap = layout.text[parts[-1].figure.end : placed.figure.start]
    if not any(mark in gap for mark in "，,"):
        return False
    verbs = cues(layout.book).statement_verbs
    return _opening_text(placed.label).startswith(verbs) and not _opening_text(parts[0].label).startswith(verbs)


def _opening_text(label: str) -> str:
    text = _LEADING_PERIOD.sub("", label)
    return text[2:] if text.startswith("其中") else text


def is_tight(layout: Layout, figures: list[Placed], starts: list[int], parts: list[Placed]) -> bool:
    """Parts that follow each other directly, joined by 、 or ，: no semicolon between them, and no
    figure between them but a part's own change, share or rate (「A 600件，同比增长12%，B 300件」)."""
    for first, second in zip(parts, parts[1:], strict=False):
        gap = layout.text[first.figure.end : second.figure.start]
        if any(mark in gap for mark in SEMICOLONS):
            return False
        low, high = bisect.bisect_right(starts, first.figure.start), bisect.bisect_left(starts, second.figure.start)
        if high - low != second.index - first.index - 1:
            return False  # a figure of another sentence between them
        for between in figures[low:high]:
            if between.depth != first.depth or (is_count(between) and not states_other_relation(layout, between)):
                return False
    return True
