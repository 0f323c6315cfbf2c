"""Budget item explanations: an item's amounts of two years, the change stated between them, and its heading.

Department budgets (部门预算) and final accounts (决算) explain every expenditure item in one paragraph:
  「16. “社会保障和就业支出（类）…（款）机关事业单位职业年金缴费支出（项）”220.63万元，主要用于……。
   2022年当年预算执行数为132.59万元，2023年预算安排220.63万元，比2022年预算执行数增加66.40%。」
- the stated change (增加/减少 p%, an amount, or 持平) is a ChangeClaim from last year's amount to this
  year's: each amount is found by its own year and kind (执行数, 预算数, 决算数 …), the base by the amount
  the change names (比2022年预算执行数), so a change 比年初预算 is never checked against last year's 执行数;
- the heading amount and the body's amount of the latest year are one quantity stated twice (RepeatClaim).
Only the item's paragraph is looked back in: its line, and for a heading the lines that continue it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims import budget_words
from figcheck.claims.budget_words import Reference, Stance
from figcheck.claims.common import family, is_count
from figcheck.claims.model import ChangeClaim, RepeatClaim, ShareClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_LIST_MARK = patterns.compile(
    r"^\s*(?:\d{1,3}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)
_STOPS = "。；;"
_LOOK_BACK = 6  # figures: the two amounts, and a few ratios between them and the change (完成…的100.00%)


class _Region(NamedTuple):
    """An item's paragraph: a line, or an item's first line and the (at most two) lines continuing it."""

    start: int
    end: int
    item: bool = False  # opens with an item (「（款）…（项）」), so the lines after it may continue it
    heading: Placed | None = None
    name: str = ""


class _Pair(NamedTuple):
    """Last year's and this year's amount of one item, as a change measured between them."""

    base: Placed
    result: Placed
    direction: int


def budget_item_claims(layout: Layout) -> list[ChangeClaim | RepeatClaim | ShareClaim]:
    """The stated changes of every item explanation, and each heading against its body."""
    kinds = _kind_words(layout.book)
    if kinds.search(layout.text) is None:
        return []  # no 预算, 执行数 or 决算 anywhere: no item explanation to read
    regions = _regions(layout)
    starts = [region.start for region in regions]
    pairs: dict[int, _Pair] = {}
    claims: list[ChangeClaim | RepeatClaim | ShareClaim] = []
    by_region: dict[int, list[Placed]] = {}
    for placed in layout.placed:
        by_region.setdefault(bisect_right(starts, placed.figure.start) - 1, []).append(placed)
    for number, figures in by_region.items():
        region = regions[number]
        if kinds.search(layout.text, region.start, region.end) is None:
            continue  # a change is always measured from an amount of a kind (执行数, 预算数 …)
        region_claims = _changes(layout, figures, pairs) + _levels(layout, region, figures)
        claims += region_claims
        if region.heading is not None:
            claims += _heading(region, region_claims)
    return claims


@rulebook.derived
def _kind_words(book: Rulebook) -> regex.Pattern[str]:
    return patterns.compile(rulebook.alternation(budget_words.cues(book).kinds))


def _changes(layout: Layout, figures: list[Placed], pairs: dict[int, _Pair]) -> list[ChangeClaim | ShareClaim]:
    claims: list[ChangeClaim | ShareClaim] = []
    for position, placed in enumerate(figures):
        if placed.figure.unit != "%" and not is_count(placed) or position == 0:
            continue  # a change is a percent or an amount, after the amounts it compares
        clause = _clause(layout, figures[position - 1].figure.end, placed.figure.start)
        completed = budget_words.completion(layout.book, clause) if placed.figure.unit == "%" else None
        if completed is not None:
            pair = _pair(layout, figures, position, completed, placed.figure.start)
            if pair is not None:  # 「年初预算为X万元，支出决算为Y万元，完成年初预算的Z%」: Y / X
                claims.append(ShareClaim(placed, pair.result, pair.base))
            continue
        pair = _pair(layout, figures, position, budget_words.reference(layout.book, clause), placed.figure.start)
        if pair is None and figures[position - 1].figure.start in pairs:
            pair = _inherited(layout, clause, pairs[figures[position - 1].figure.start])
        if pair is None:
            continue
        relation = _relation(layout, placed, pair.base)
        if relation is not None and pair.direction != 0:
            pairs[placed.figure.start] = pair
            claims.append(ChangeClaim(placed, pair.base, pair.result, relation, pair.direction))
    return claims


def _levels(layout: Layout, region: _Region, figures: list[Placed]) -> list[ChangeClaim]:
    """「比2022年预算执行数持平」: no change between the two amounts, a difference of 0 in their unit."""
    claims: list[ChangeClaim] = []
    ends: list[int] = []
    for match in budget_words.cues(layout.book).level.finditer(layout.text, region.start, region.end):
        ends = ends or [placed.figure.end for placed in figures]
        count = bisect_right(ends, match.start())
        clause = _clause(layout, figures[count - 1].figure.end if count else region.start, match.end())
        pair = _pair(layout, figures, count, budget_words.reference(layout.book, clause), match.start())
        if pair is not None and pair.direction == 0 and is_count(pair.base):
            stated = budget_words.level_figure(layout, match, pair.base)
            claims.append(ChangeClaim(stated, pair.base, pair.result, "difference", 0))
    return claims


def _clause(layout: Layout, start: int, end: int) -> str:
    """The words stating a change: from the figure before it, cut at the last sentence end or semicolon."""
    text = layout.text[start:end]
    cut = max(text.rfind(mark) for mark in _STOPS + "\n")
    return text[cut + 1 :].lstrip("，,、：: ")


def _pair(layout: Layout, figures: list[Placed], count: int, reference: Reference | None, end: int) -> _Pair | None:
    """The two amounts a change compares (among the first `count` figures): the one its reference names
    (year and kind) and the other."""
    if reference is None:
        return None
    found = _last_two_amounts(layout, figures[max(0, count - _LOOK_BACK) : count], end)
    if found is None:
        return None
    (first, first_stance), (second, second_stance) = found
    if second_stance.prefix and second_stance.prefix != first_stance.prefix:
        return None  # 「行政运行2024年执行数为…，一般行政管理事务2025年预算安排…」: two items
    fits = [
        (base, result)
        for (base, base_stance), (result, result_stance) in (found, found[::-1])
        if budget_words.measured_from(reference, base_stance, result_stance)
    ]
    if len(fits) != 1 or family(layout, fits[0][0]) != family(layout, fits[0][1]):
        return None
    return _Pair(fits[0][0], fits[0][1], reference.direction)


def _last_two_amounts(layout: Layout, before: list[Placed], end: int) -> tuple[tuple[Placed, Stance], ...] | None:
    """The two nearest amounts before a change, each named by a year or kind; None when an amount
    without such a name, or a semicolon, stands between."""
    found: list[tuple[Placed, Stance]] = []
    for placed in reversed(before):
        if not is_count(placed):
            continue  # 「完成年初预算的98.61%」 between the amounts and 「决算数同预算数持平」
        stance = budget_words.stance(layout.book, placed.label)
        if stance is None or placed.depth:
            return None
        found.append((placed, stance))
        if len(found) == 2:
            break
    if len(found) != 2:
        return None
    if any(mark in layout.text[found[1][0].figure.end : end] for mark in "；;"):
        return None
    return found[1], found[0]


def _inherited(layout: Layout, clause: str, pair: _Pair) -> _Pair | None:
    """「比2024年执行数增加3.2万元，增长4.5%」: a bare verb after a change takes that change's amounts."""
    direction = budget_words.bare_verb(layout.book, clause)
    return pair if direction and direction == pair.direction else None


def _relation(layout: Layout, change: Placed, base: Placed) -> str | None:
    if change.figure.high is not None:
        return None
    if change.figure.unit == "%":
        return "percent"
    if is_count(change) and family(layout, change) == family(layout, base):
        return "difference"
    return None


def _heading(region: _Region, claims: list) -> list[RepeatClaim]:
    """The heading amount against the body's amount of the latest year (the year the heading states)."""
    dated = []
    for claim in claims:
        if isinstance(claim, ChangeClaim):
            year = budget_words.year_of(claim.result.label)
            if year and year > budget_words.year_of(claim.base.label):
                dated.append((year, claim.result.figure.start, claim.result))
    if not dated or region.heading is None:
        return []
    year, _, result = max(dated, key=lambda entry: entry[:2])
    if result.figure.unit != region.heading.figure.unit:
        return []
    return [RepeatClaim(result, region.heading, f"{region.name}（{year}年）")]


def _regions(layout: Layout) -> list[_Region]:
    """Every line is a region; an item's first line takes in the next two lines unless they open a new
    item (PDF text breaks an item's paragraph at page and column ends)."""
    text = layout.text
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    firsts = _first_figures(layout, lines)
    regions: list[_Region] = []
    continued = 0
    for number, (start, end) in enumerate(lines):
        heading = budget_words.heading(layout, start, firsts.get(number))
        line = text[start:end]
        item = heading is not None or budget_words.opens_item(layout.book, line)
        if not item and regions and regions[-1].item and continued < 2 and line.strip() and not _LIST_MARK.match(line):
            last = regions[-1]
            regions[-1] = _Region(last.start, end, True, last.heading, last.name)
            continued += 1
            continue
        continued = 0
        placed, name = heading if heading is not None else (None, "")
        regions.append(_Region(start, end, item, placed, name))
    return regions


def _first_figures(layout: Layout, lines: list[tuple[int, int]]) -> dict[int, Placed]:
    starts = [start for start, _ in lines]
    firsts: dict[int, Placed] = {}
    for placed in layout.placed:
        firsts.setdefault(bisect_right(starts, placed.figure.start) - 1, placed)
    return firsts
