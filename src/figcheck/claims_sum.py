"""Sum claims: a total and its parts.

Three wordings assert one:
- 其中 (or 分别为): 「共办理建议86件，其中主办52件、协办34件」 — the parts follow the cue, the total
  stands before it in the same clause chain (or ends the previous sentence when the sentence opens
  with 其中);
- 合计 after the parts: 「市本级413件，区县1207件，合计1620件」;
- a category set that partitions a whole (rules/categories.toml): 「行政应诉案件25件，撤销8件，驳回起诉11件…」.

A parts list ends at a semicolon, at a nested 其中/分别为, or at a clause that opens a new statement
(全县…, 共有…, or the same opening word as the total's own label). Figures in parentheses belong to
a nested breakdown; changes, bases, shares and amounts per head are never parts.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from figcheck.claims import (
    COMPLETE,
    OPEN,
    PARTIAL,
    Claim,
    Term,
    cues,
    family,
    is_count,
    states_other_relation,
)
from figcheck.clauses import Layout, Placed

_SEMICOLONS = "；;"
_NEAREST = 8  # totals are sought among the nearest counts before a 其中
_MOST_PARTS = 200  # no breakdown in a report lists more parts; bounds the work on pathological input
_SCAN = 200  # figures looked at before a 其中 for its total
_WINDOW = 3000  # characters a breakdown may span around its 其中
_LIST_MARKS = frozenset("、，,")


def sum_claims(layout: Layout) -> list[Claim]:
    claims: list[Claim] = []
    by_sentence: dict[int, list[Placed]] = {}
    for placed in layout.placed:
        by_sentence.setdefault(placed.sentence, []).append(placed)
    breakdown = regex.compile("|".join(map(regex.escape, cues().breakdown)))
    taken: set[int] = set()  # figures already a total or a part
    for sentence, (start, end) in enumerate(layout.sentences):
        figures = by_sentence.get(sentence, [])
        if not figures:
            continue
        starts = [p.figure.start for p in figures]
        depth_at = _DepthScanner(layout.text, start)
        for match in breakdown.finditer(layout.text, start, end):
            where = _Cue(match.start(), match.end(), *depth_at(match.start()))
            claim = _breakdown_claim(layout, by_sentence, sentence, where, taken, starts)
            if claim is not None:
                claims.append(claim)
                taken.add(claim.stated.index)
                taken.update(term.placed.index for term in claim.parts)
        claims += _total_after_parts(layout, figures, taken)
        claims += _category_claims(layout, by_sentence, sentence, taken)
    return claims


class _DepthScanner:
    """Parenthesis depth at increasing offsets of one sentence, in one pass over its text."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.position, self.opened = text, start, []

    def __call__(self, offset: int) -> tuple[int, int]:
        for at in range(self.position, offset):
            ch = self.text[at]
            if ch in "（([":
                self.opened.append(at)
            elif ch in "）)]" and self.opened:
                self.opened.pop()
        self.position = max(self.position, offset)
        return len(self.opened), (self.opened[-1] if self.opened else -1)


@dataclass(frozen=True, slots=True)
class _Cue:
    """Where a 其中 (or 分别为) stands: its span, parenthesis depth and innermost opening parenthesis."""

    at: int
    end: int
    depth: int
    paren_start: int


def _usable(placed: Placed) -> bool:
    return is_count(placed) and not states_other_relation(placed)


_LEADING_PERIOD = regex.compile(r"^[，,、：:\s]*(?:(?:19|20)\d\d年(?:度|末|底)?|上半年|全年)?")


def _opening(label: str) -> str:
    """The first word of a label, a leading year left out: 「2015年全县完成…」 → 「全县」."""
    return _LEADING_PERIOD.sub("", label)[:2]


def _starts_statement(placed: Placed, total: Placed, others: list[Placed]) -> bool:
    """A clause that is not one more part: it opens like a new statement, names a whole, opens with
    the total's own first word, or repeats the wording of another figure before the cue (「…完成工业
    增加值644350万元。其中规模以上企业完成工业总产值…，完成工业增加值…」)."""
    label = placed.label.lstrip("，,、：: ")
    if label.startswith(cues().new_statement) or any(word in label for word in cues().whole_words):
        return True
    if len(_opening(total.label)) == 2 and _opening(label) == _opening(total.label):
        return True
    own = _common_run(total.label, label)
    return any(
        _common_run(other.label, label) >= max(4, own + 1)
        for other in others
        if other is not total and other.figure.unit == total.figure.unit
    )


def _breakdown_claim(
    layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int, cue: _Cue, taken: set[int], starts: list[int]
) -> Claim | None:
    _, end = layout.sentences[sentence]
    figures = by_sentence.get(sentence, [])
    cue_end, depth = cue.end, cue.depth
    limit = _breakdown_end(layout.text, cue_end, end, depth)
    best: tuple[tuple[bool, int, int], Placed, list[Placed]] | None = None
    candidates = _totals_before(layout, by_sentence, sentence, cue, taken, starts)
    for rank, total in enumerate(candidates):
        parts = _parts(layout, figures, total, cue_end, limit, depth, candidates, starts)
        if parts:
            score = max(_common_run(total.label, part.label) for part in parts)
            key = (score >= 2, score, rank)
            if best is None or key > best[0]:
                best = (key, total, parts)
    if best is None:
        return None
    _, total, parts = best
    completeness, evidence = _completeness(layout, total, parts, cue_end)
    tight = _is_tight(layout, figures, parts)
    return Claim("sum", total, tuple(Term(p, "part") for p in parts), completeness, evidence, tight=tight)


def _parts(
    layout: Layout,
    figures: list[Placed],
    total: Placed,
    after: int,
    limit: int,
    depth: int,
    others: list[Placed],
    starts: list[int],
) -> list[Placed]:
    kind = family(layout, total)
    parts: list[Placed] = []
    for position in range(bisect.bisect_left(starts, after), len(figures)):
        placed = figures[position]
        if placed.figure.start >= limit or len(parts) >= _MOST_PARTS:
            break
        if not (after <= placed.figure.start) or placed.depth != depth:
            continue
        if parts and (_starts_statement(placed, total, others) or _verb_after_comma(layout, parts, placed)):
            break
        if not _usable(placed) or family(layout, placed) != kind or _modifies_next(layout, figures, position):
            continue
        parts.append(placed)
    return parts


def _verb_after_comma(layout: Layout, parts: list[Placed], placed: Placed) -> bool:
    """「新增营造林148万亩、其中…43万亩，修复治理退化草原517万亩」: after a comma, a clause opening
    with a statement verb (修复, 完成, 开展 …) is a new statement — unless the parts themselves open
    with such verbs."""
    gap = layout.text[parts[-1].figure.end : placed.figure.start]
    if not any(mark in gap for mark in "，,"):
        return False
    verbs = cues().statement_verbs
    return _opening_text(placed.label).startswith(verbs) and not _opening_text(parts[0].label).startswith(verbs)


def _opening_text(label: str) -> str:
    text = _LEADING_PERIOD.sub("", label)
    return text[2:] if text.startswith("其中") else text


def _common_run(first: str, second: str) -> int:
    """Length of the longest common substring (labels are short)."""
    best = 0
    for i in range(len(first)):
        for j in range(len(second)):
            k = 0
            while i + k < len(first) and j + k < len(second) and first[i + k] == second[j + k]:
                k += 1
            best = max(best, k)
    return best


def _totals_before(
    layout: Layout,
    by_sentence: dict[int, list[Placed]],
    sentence: int,
    cue: _Cue,
    taken: set[int],
    starts: list[int],
) -> list[Placed]:
    """The figures a 其中 may break down, the nearest last: counts before it in its clause chain.
    Of these the one whose label shares most wording with the parts wins, the nearest on a tie."""
    start, _ = layout.sentences[sentence]
    figures = by_sentence.get(sentence, [])
    at, depth = cue.at, cue.depth
    opens_sentence = not layout.text[start:at].strip(" \t\u3000\xa0，,：:")
    if opens_sentence and depth == 0 and sentence > 0:
        before = [p for p in by_sentence.get(sentence - 1, [])[-_SCAN:] if p.depth == 0]
    else:
        boundary = cue.paren_start if depth > 0 else _previous_boundary(layout.text, start, at)
        wanted = depth - 1 if depth > 0 else depth
        before = [
            p
            for p in figures[max(0, bisect.bisect_left(starts, at) - _SCAN) : bisect.bisect_left(starts, at)]
            if p.figure.end <= at
            and p.depth == wanted
            and (p.figure.end <= boundary if depth > 0 else boundary <= p.figure.start)
        ]
        if depth > 0:  # 「来信218件（其中网上信访156件）」: the total is the figure before the parenthesis
            before = before[-1:]
    return [p for p in before if _usable(p) and p.index not in taken and p.label][-_NEAREST:]


def _previous_boundary(text: str, sentence_start: int, at: int) -> int:
    """A 其中's total is sought in its own clause chain: after the previous 其中 or semicolon."""
    window = max(sentence_start, at - _WINDOW)
    marks = [text.rfind(mark, window, at) for mark in ("其中", *_SEMICOLONS)]
    return max(sentence_start, *marks)


def _breakdown_end(text: str, after: int, sentence_end: int, depth: int) -> int:
    """Where a breakdown's parts stop: a semicolon, a nested 其中/分别, or a closing parenthesis."""
    limit = min(sentence_end, after + _WINDOW)
    for mark in (*_SEMICOLONS, "其中", "分别"):
        found = text.find(mark, after, limit)
        if found >= 0:
            limit = found
    if depth > 0:
        level = depth
        for at in range(after, limit):
            if text[at] in "（(":
                level += 1
            elif text[at] in "）)":
                level -= 1
                if level < depth:
                    return at
    return limit


def _modifies_next(layout: Layout, figures: list[Placed], position: int) -> bool:
    """「10亿元项目2个」: a figure followed by a noun and another figure with no mark between
    describes that figure's things; it is not an amount of its own."""
    if position + 1 >= len(figures):
        return False
    gap = layout.text[figures[position].figure.end : figures[position + 1].figure.start]
    return 0 < len(gap) <= 8 and not any(ch in gap for ch in "，,、；;：:。（()）")


def _is_tight(layout: Layout, figures: list[Placed], parts: list[Placed]) -> bool:
    """Parts that follow each other directly, joined by 、 or ，, with no other figure between."""
    indices = [p.index for p in parts]
    if indices != list(range(indices[0], indices[0] + len(indices))):
        return False
    for first, second in zip(parts, parts[1:], strict=False):
        gap = layout.text[first.figure.end : second.figure.start]
        if any(mark in gap for mark in _SEMICOLONS):
            return False
    return True


def _completeness(layout: Layout, total: Placed, parts: list[Placed], cue_end: int) -> tuple[str, str]:
    last = parts[-1].figure
    after_last = layout.text[last.end : last.end + 2]
    if any(after_last.startswith(word) for word in cues().not_exhaustive_after):
        return PARTIAL, "等"
    opening = layout.text[cue_end : parts[0].figure.start].lstrip("，,：: ")
    if any(opening.startswith(word) for word in cues().not_exhaustive_before):
        return PARTIAL, opening[:2]
    for part in parts:
        for word in cues().remainder:
            if word in part.label:
                return COMPLETE, word
    category = _category_of(layout, total, parts)
    if category and len(parts) >= 2:
        return COMPLETE, category
    return OPEN, ""


def _category_of(layout: Layout, total: Placed, parts: list[Placed]) -> str:
    """The name of a category set whose members label every part, if the total names its whole."""
    around_total = total.label + layout.text[total.figure.end : total.figure.end + 4]
    for category in cues().categories:
        if not any(word in around_total for word in category["totals"]):
            continue
        if all(any(member in part.label for member in category["members"]) for part in parts):
            return category["name"]
    return ""


def _is_total_after(placed: Placed) -> bool:
    label = placed.label.lstrip("，,、：: ")
    for cue in cues().total_after_parts:
        if len(cue) >= 2 and cue in label:
            return True
    return label.startswith("共") and label[1:2] not in cues().total_after_parts_not_before


def _total_after_parts(layout: Layout, figures: list[Placed], taken: set[int]) -> list[Claim]:
    """「413件，区县受理1207件，合计1620件」: the counts directly before, back to a semicolon or 其中."""
    claims = []
    for position, total in enumerate(figures):
        if total.index in taken or not is_count(total) or not _is_total_after(total):
            continue
        kind = family(layout, total, with_noun=True)
        parts: list[Placed] = []
        for placed in reversed(figures[max(0, position - _MOST_PARTS) : position]):
            gap = layout.text[placed.figure.end : total.figure.start]
            if any(mark in gap for mark in _SEMICOLONS) or "其中" in gap or _is_total_after(placed):
                break
            if placed.depth != total.depth or not is_count(placed):
                continue
            if family(layout, placed, with_noun=True) != kind and _modifies_next(
                layout, figures, figures.index(placed)
            ):
                continue  # 「安排二千六百万人就业的支出一百零五亿元」: 2600万人 describes the 105亿
            if family(layout, placed, with_noun=True) != kind or not _usable(placed) or placed.index in taken:
                break
            parts.insert(0, placed)
        if len(parts) >= 2:
            taken.add(total.index)
            taken.update(p.index for p in parts)
            tail = layout.text[parts[-1].figure.end : total.figure.start]
            completeness = PARTIAL if any(word in tail for word in cues().not_exhaustive_after) else COMPLETE
            claims.append(Claim("sum", total, tuple(Term(p, "part") for p in parts), completeness, "合计", tight=True))
    return claims


def _category_claims(
    layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int, taken: set[int]
) -> list[Claim]:
    """「行政应诉案件25件（败诉率32%），撤销8件，驳回起诉11件…」: parts named by a category set."""
    figures = [p for p in by_sentence.get(sentence, []) if p.depth == 0 and is_count(p)]
    claims = []
    position = 0
    while position < len(figures):
        run = _member_run(layout, figures, position, taken)
        if len(run) >= 2:
            total = figures[position - 1] if position > 0 else _previous_sentence_total(by_sentence, sentence)
            if (
                total is not None
                and total.index not in taken
                and not _is_member(total)
                and family(layout, total) == family(layout, run[0])
            ):
                name = _category_of(layout, total, run)
                if name:
                    taken.add(total.index)
                    taken.update(p.index for p in run)
                    claims.append(Claim("sum", total, tuple(Term(p, "part") for p in run), COMPLETE, name, tight=True))
            position += len(run)
        else:
            position += 1
    return claims


def _member_run(layout: Layout, figures: list[Placed], position: int, taken: set[int]) -> list[Placed]:
    run: list[Placed] = []
    for index in range(position, len(figures)):
        placed = figures[index]
        if (
            placed.index in taken
            or not _is_member(placed)
            or (run and family(layout, placed) != family(layout, run[0]))
        ):
            break
        run.append(placed)
    return run


def _is_member(placed: Placed) -> bool:
    return any(member in placed.label for category in cues().categories for member in category["members"])


def _previous_sentence_total(by_sentence: dict[int, list[Placed]], sentence: int) -> Placed | None:
    previous = [p for p in by_sentence.get(sentence - 1, []) if p.depth == 0 and is_count(p)]
    return previous[-1] if previous else None
