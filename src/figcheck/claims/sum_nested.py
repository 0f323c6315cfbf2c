"""A part broken down in the same list: 「其中，企业职工参保105.55万人，参保在职职工81.33万人，参保离退休人员
24.22万人；机关事业单位参保33.41万人，…」 under 138.96万人. Read as siblings, the parts pass their total; the
figures right after 105.55 add up to it, so they are its breakdown, and the total's parts are 105.55 and 33.41.

Only a list that cannot be siblings (it passes its total beyond rounding) is so read: 5, 2, 3 under a total of
10 are three parts, though 2 + 3 = 5."""

from __future__ import annotations

from decimal import Decimal

from figcheck.layout import Placed

_LEAST_RUN = 2  # figures that break down the one before them


def nested_breakdowns(total: Placed, parts: list[Placed]) -> tuple[list[Placed], list[tuple[Placed, list[Placed]]]]:
    """The total's own parts, and each part broken down by the run of parts right after it."""
    if not _passes(total, parts):
        return parts, []
    kept: list[Placed] = []
    nested: list[tuple[Placed, list[Placed]]] = []
    at = 0
    while at < len(parts):
        head = parts[at]
        run = _run_adding_to(head, parts[at + 1 :])
        kept.append(head)
        if run:
            nested.append((head, run))
        at += 1 + len(run)
    return (kept, nested) if nested else (parts, [])


def _run_adding_to(head: Placed, after: list[Placed]) -> list[Placed]:
    """The shortest run of at least two figures right after `head` that adds up to it within rounding."""
    total = Decimal(0)
    for length, part in enumerate(after, start=1):
        total += part.figure.value
        if length >= _LEAST_RUN and _meets(head, after[:length], total):
            return after[:length]
        if total > head.figure.value + _slack([head, *after[:length]]):
            return []
    return []


def _passes(total: Placed, parts: list[Placed]) -> bool:
    added = sum((part.figure.value for part in parts), Decimal(0))
    return added > total.figure.value + _slack([total, *parts])


def adds_up(total: Placed, parts: list[Placed]) -> bool:
    """The parts add up to the total, allowing for each figure's rounding."""
    return _meets(total, parts, sum((part.figure.value for part in parts), Decimal(0)))


def _meets(head: Placed, run: list[Placed], added: Decimal) -> bool:
    return abs(added - head.figure.value) <= _slack([head, *run])


def _slack(figures: list[Placed]) -> Decimal:
    return sum((p.figure.resolution / 2 for p in figures if not p.figure.is_exact), Decimal(0))
