"""Change claims: a figure changes from A to B, and the text states by how much.

- 「由8.5个工作日压缩至1个工作日，压缩了88.2%」 — A after 由/从, B after a to-verb (压缩至, 提高到 …),
  then the change after a change verb: a percent, 个百分点, an amount, or a multiple (倍, 番);
- 「1387.4亿元，比1952年的827.1亿元增长68%」 — B, then the base A after 比…的, then the change;
- 「降低了3倍」 — a decrease by a multiple is a usage error whatever the figures (FC601).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.common import family
from figcheck.claims.model import ChangeClaim, UsageClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_PERCENT_UNITS = ("%", "‰")
_CLAUSE_MARKS = "，,、；;：:（()）。"


class _ChangeCues(NamedTuple):
    from_at_end: regex.Pattern[str]
    to_up: tuple[str, ...]
    to_down: tuple[str, ...]
    to_either: tuple[str, ...]
    up: tuple[str, ...]
    down: tuple[str, ...]
    comparison: regex.Pattern[str]
    multiple_net: tuple[str, ...]
    multiple_total: tuple[str, ...]
    not_comparable: tuple[str, ...]
    real_terms_subjects: tuple[str, ...]
    allowed_before_verb: frozenset[str]


@rulebook.derived
def _cues(book: Rulebook) -> _ChangeCues:
    data = book.load("cues.toml")["change"]
    longest = rulebook.longest_first
    froms = "|".join(map(regex.escape, data["from_words"]))
    comparison = "|".join(map(regex.escape, data["comparison"]))
    return _ChangeCues(
        # 由 / 从, then at most a period or a few words before A: 「由2018年的」, 「从原有」
        from_at_end=patterns.compile(rf"(?:{froms})[^，,、；;。]{{0,10}}$"),
        to_up=tuple(longest(data["to_verbs_up"])),
        to_down=tuple(longest(data["to_verbs_down"])),
        to_either=tuple(longest(data["to_verbs_either"])),
        up=tuple(longest(data["up_verbs"])),
        down=tuple(longest(data["down_verbs"])),
        comparison=patterns.compile(rf"^(?:{comparison})[^，,、；;。]{{0,12}}的$"),
        multiple_net=tuple(longest(data["multiple_net"])),
        multiple_total=tuple(longest(data["multiple_total"])),
        not_comparable=tuple(data["not_comparable"]),
        real_terms_subjects=tuple(data["real_terms_subjects"]),
        allowed_before_verb=frozenset(data["allowed_before_verb"]),
    )


def change_claims(layout: Layout) -> list[ChangeClaim | UsageClaim]:
    claims: list[ChangeClaim | UsageClaim] = []
    by_sentence: dict[int, list[Placed]] = {}
    for placed in layout.placed:
        by_sentence.setdefault(placed.sentence, []).append(placed)
    for figures in by_sentence.values():
        for position, placed in enumerate(figures):
            claim = _from_to(layout, figures, position) or _compared(layout, figures, position)
            if claim is not None:
                claims.append(claim)
                claims += _further_changes(layout, figures, claim)
            usage = _decrease_by_multiple(_cues(layout.book), placed)
            if usage is not None:
                claims.append(usage)
    return claims


def _verb_at_end(label: str, verbs: tuple[str, ...]) -> str:
    """The change verb a label ends with (「，压缩了」 → 压缩), allowing 了/达/为/约 after it."""
    stripped = label.lstrip("，,、 ").rstrip("了达为约近超逾")
    return next((verb for verb in verbs if stripped.endswith(verb)), "")


def _direction(cues: _ChangeCues, label: str) -> int:
    if _verb_at_end(label, cues.down):
        return -1
    if _verb_at_end(label, cues.up):
        return 1
    return 0


def _from_to(layout: Layout, figures: list[Placed], position: int) -> ChangeClaim | None:
    """由A至B, then the change: 「由12个精简为5个，减少7个」."""
    cues = _cues(layout.book)
    if position + 2 >= len(figures):
        return None
    base, result, change = figures[position], figures[position + 1], figures[position + 2]
    if not cues.from_at_end.search(base.label):
        return None
    gap = layout.text[base.figure.end : result.figure.start]
    if any(mark in gap for mark in _CLAUSE_MARKS) or len(gap) > 12:
        return None
    if gap.endswith(cues.to_down):
        moves = -1
    elif gap.endswith(cues.to_up):
        moves = 1
    elif gap.endswith(cues.to_either):
        moves = 0
    else:
        return None
    return _change_claim(layout, base, result, change, moves)


def _compared(layout: Layout, figures: list[Placed], position: int) -> ChangeClaim | None:
    """B，比…的A 增长C: 「1387.4亿元，比1952年的827.1亿元增长68%」."""
    if position < 1 or position + 1 >= len(figures):
        return None
    result, base, change = figures[position - 1], figures[position], figures[position + 1]
    if not _cues(layout.book).comparison.search(base.label.lstrip("，,、 ")):
        return None
    if layout.text[result.figure.end : base.figure.start].strip("，, ") != base.label.lstrip("，,、 "):
        return None  # something other than the 比…的 clause stands between B and A
    return _change_claim(layout, base, result, change, 0)


def _change_claim(
    layout: Layout, base: Placed, result: Placed, change: Placed, moves: int, after: Placed | None = None
) -> ChangeClaim | None:
    """The claim for A → B with the stated change, if the units fit one of the relations. `after`: the
    change stated just before this one, where the clause states the change twice."""
    if base.depth != result.depth or base.figure.high is not None or result.figure.high is not None:
        return None
    if change.figure.high is not None or change.figure.qualifier == "range":
        return None
    between = layout.text[(after or result).figure.end : change.figure.start]
    if between.count("，") + between.count(",") > 1:
        return None
    label = change.label
    cues = _cues(layout.book)
    if not _names_only_the_change(cues, label):
        return None
    direction = _direction(cues, label)
    unit_a, unit_b, unit_c = base.figure.unit, result.figure.unit, change.figure.unit
    rates = unit_a in _PERCENT_UNITS and unit_b == unit_a
    if not rates and family(layout, base) != family(layout, result):
        return None
    if unit_c == "倍":
        relation = _multiple_relation(cues, label)
        if relation is None or direction < 0:
            return None
    elif unit_c == "番":
        if not layout.text[max(0, change.figure.start - 2) : change.figure.start].endswith(("翻", "翻了")):
            return None
        relation, direction = "doubling", 1
    elif direction == 0:
        return None
    elif unit_c == "" and change.figure.resolution == 0:
        relation = "fraction"  # 减少了三分之二
    elif unit_c == "百分点":
        if not rates:
            return None
        relation = "points"
    elif unit_c in _PERCENT_UNITS:
        if any(word in result.label or word in base.label for word in cues.real_terms_subjects):
            return None  # GDP growth is at comparable prices, the amounts at current ones
        relation = "percent"
    elif family(layout, change) == family(layout, base) and not rates:
        relation = "difference"
    else:
        return None
    if moves and direction and moves != direction and relation not in ("doubling",):
        return None  # 「由A增至B，…下降…」: the change belongs to something else
    return ChangeClaim(change, base, result, relation, direction or moves)


def _further_changes(layout: Layout, figures: list[Placed], first: ChangeClaim) -> list[ChangeClaim]:
    """「由120件增加到132件，增加12件、增长10%」: each further change that follows the first directly,
    joined by 、 or a comma, states the same change of A → B once more (in an amount, a percent …)."""
    claims: list[ChangeClaim] = []
    previous = first.stated
    for placed in figures[first.stated.index - figures[0].index + 1 :]:
        gap = layout.text[previous.figure.end : placed.figure.start]
        if len(gap) > 12 or any(mark in gap for mark in "；;。（()）") or gap.count("，") + gap.count(",") > 1:
            break
        claim = _change_claim(layout, first.base, first.result, placed, first.direction, after=previous)
        if claim is None or claim.relation == first.relation:
            break
        claims.append(claim)
        previous = placed
    return claims


def _names_only_the_change(cues: _ChangeCues, label: str) -> bool:
    """「，压缩了」 or 「，同比增长」 introduce the change of A → B; 「按可比价格计算增长」, 「年均增长」 or
    「县城建成区面积分别提高」 state another quantity."""
    if any(word in label for word in cues.not_comparable):
        return False
    stripped = label.lstrip("，,、 ").rstrip("了达为约近超逾")
    verbs = cues.up + cues.down + cues.multiple_net + cues.multiple_total + ("翻", "翻了")
    verb = next((verb for verb in sorted(verbs, key=len, reverse=True) if stripped.endswith(verb)), None)
    if verb is None:
        return False
    rest = stripped[: len(stripped) - len(verb)]
    return rest in cues.allowed_before_verb or rest.rstrip("了") in cues.allowed_before_verb


def _multiple_relation(cues: _ChangeCues, label: str) -> str | None:
    """增长了N倍 (net), 增长到N倍 / 是…的N倍 (total), 增长N倍 (either reading)."""
    stripped = label.lstrip("，,、 ").rstrip("约近超逾")
    if stripped.endswith(("原来的", "原先的", "上年的", "的")) or stripped.endswith(cues.multiple_total):
        return "multiple-total"
    if stripped.endswith(cues.multiple_net):
        return "multiple-net"
    if _verb_at_end(stripped, cues.up):
        return "multiple"
    return None


def _decrease_by_multiple(cues: _ChangeCues, placed: Placed) -> UsageClaim | None:
    """降低/减少/缩短…N倍: a quantity cannot fall by a multiple of itself (GB/T 15835 usage)."""
    if placed.figure.unit != "倍" or not _verb_at_end(placed.label, cues.down):
        return None
    return UsageClaim(placed, "decrease-by-multiple")
