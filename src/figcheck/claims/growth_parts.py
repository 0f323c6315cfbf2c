"""Growth of a total and of all its parts: 「农民工总量19.41万人，增长8.55%，其中外出农民工7.97万人，增长10.28%，
本地农民工11.44万人，增长122.93%」. A total's growth is a weighted mean of its parts' growth, whatever the weights
and the price basis, so it lies between the lowest and the highest of them.

Read from a breakdown whose every part, and its total, is followed directly by its own growth (增长p%, 下降p%)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import pairwise

from figcheck import patterns
from figcheck.claims.common import cues
from figcheck.claims.model import GrowthPartsClaim, SumClaim
from figcheck.layout import Layout, Placed

# The words between a figure and its growth: 「，比上年增长」「，同比下降」「，增长」.
# The words between a figure and its change as an amount: 「，比上年增收」「，增加」.
_AMOUNT = patterns.compile(r"^[，,]?(?:比上年|同比|比上年末|较上年|比年初)?(?P<verb>增加|减少|增收|减收|增支|减支)了?$")
DOWN = ("下降", "降低", "减少", "减收", "减支", "减产")  # the verbs of a fall
_SPACES = patterns.compile(r"\s+")  # PDF text spaces figures out: 「88 项，比上年增长 66.0%」
_GROWTH = patterns.compile(r"^[，,]?(?:比上年|同比|比上年末|较上年)?(?P<verb>增长|下降|减少|增加|增产|减产)了?$")
# 「出口2395万美元，进口221万美元，分别比上年下降48.2%、85.2%」: the parts' growth in turn, after the last.
_RESPECTIVE = patterns.compile(
    r"^[，,]?分别(?:比上年|同比|比上年末|较上年)?(?P<verb>增长|下降|减少|增加|增产|减产)了?$"
)
_BETWEEN = frozenset(("、", "，", ",", "和", "与", "及"))


def growth_parts_claims(layout: Layout, sums: list[SumClaim]) -> list[GrowthPartsClaim]:
    found = read_breakdowns(sums, partial(growth_of, layout), partial(respective_growth, layout))
    return [
        GrowthPartsClaim(total[0], claim.stated, claim.parts, total[1], tuple(parts), _weighted(layout, claim))
        for claim, total, parts in found
    ]


_Read = tuple[Placed, int]  # the figure stated right after another, and its direction


def read_breakdowns(
    sums: list[SumClaim],
    read: Callable[[Placed], _Read | None],
    read_parts: Callable[[tuple[Placed, ...]], list[_Read]] | None = None,
) -> list[tuple[SumClaim, _Read, list[_Read]]]:
    """The breakdowns in prose of two parts or more whose total and every part `read` finds a figure after
    (their growth, their change), with what it found: the parts' may be read together (`read_parts`)."""
    found = []
    for claim in sums:
        if claim.table or len(claim.parts) < 2:
            continue
        total = read(claim.stated)
        parts = [read(part) for part in claim.parts]
        if read_parts is not None and not any(parts):
            parts = read_parts(claim.parts)
        if total is not None and parts and all(parts):
            found.append((claim, total, parts))
    return found


def _weighted(layout: Layout, claim: SumClaim) -> bool:
    """Whether last year's values the growth rates imply must add up too: not for value added and GDP (their
    growth is at comparable prices), for samples that change every year (规模以上, 限额以上), or where the text
    names another basis (可比价, 扣除价格因素)."""
    words = cues(layout.book).not_weighted
    start = layout.sentences[claim.stated.sentence][0]
    end = layout.sentences[claim.parts[-1].sentence][1]
    return not any(word in layout.text[start:end] for word in words)


def respective_growth(layout: Layout, parts: tuple[Placed, ...]) -> list[tuple[Placed, int]]:
    """The parts' growth as one list after the last of them, in their order (分别增长/下降 p%、q%)."""
    last = parts[-1]
    growths = layout.placed[last.index + 1 : last.index + 1 + len(parts)]
    if len(growths) != len(parts) or any(g.sentence != last.sentence or g.figure.unit != "%" for g in growths):
        return []
    found = _RESPECTIVE.match(_SPACES.sub("", layout.text[last.figure.end : growths[0].figure.start]))
    listed = layout.placed[last.index + 1 : last.index + 2 + len(parts)]  # one more: the list must end with the parts
    joints = [_SPACES.sub("", layout.text[a.figure.end : b.figure.start]) for a, b in pairwise(listed)]
    if found is None or any(joint not in _BETWEEN for joint in joints[: len(parts) - 1]):
        return []
    if len(joints) == len(parts) and joints[-1] in _BETWEEN and listed[-1].sentence == last.sentence:
        return []
    sign = -1 if found.group("verb") in DOWN else 1
    return [(growth, sign) for growth in growths]


def amount_change(layout: Layout, placed: Placed) -> tuple[Placed, int] | None:
    """The change as an amount stated right after a figure, with its sign: (1.4亿元, +1) in
    「17.9亿元，比上年增收1.4亿元」."""
    following = placed.index + 1
    if following >= len(layout.placed):
        return None
    change = layout.placed[following]
    if change.figure.unit != placed.figure.unit or change.sentence != placed.sentence:
        return None
    found = _AMOUNT.match(_SPACES.sub("", layout.text[placed.figure.end : change.figure.start]))
    if found is None:
        return None
    return change, (-1 if found.group("verb") in DOWN else 1)


def growth_of(layout: Layout, placed: Placed) -> tuple[Placed, int] | None:
    """The growth stated right after a figure, with its sign: (8.55%, +1); after its change as an amount too
    (「税收收入11.1亿元，比上年增收0.1亿元，增长1.2%」)."""
    change = amount_change(layout, placed)
    if change is not None:
        placed = change[0]  # the change as an amount, then as a percent
    following = placed.index + 1
    if following >= len(layout.placed):
        return None
    growth = layout.placed[following]
    if growth.sentence != placed.sentence or growth.figure.unit not in ("%", "倍") or growth.figure.high is not None:
        return None
    found = _GROWTH.match(_SPACES.sub("", layout.text[placed.figure.end : growth.figure.start]))
    if found is None:
        return None
    down = found.group("verb") in DOWN
    if growth.figure.unit == "倍" and down:
        return None  # 「下降N倍」 is no rate (FC601 says why)
    return growth, (-1 if down else 1)
