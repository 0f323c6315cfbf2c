"""Checking the growth of a count of whole things (FC307): some whole earlier count gives the stated rate."""

from __future__ import annotations

import math
from fractions import Fraction

from figcheck.checks.shown import params, shown
from figcheck.checks.tolerance import HALF_UP, TRUNCATION, interval
from figcheck.claims.model import GrowthGrimClaim
from figcheck.findings import Finding, Involved

IMPOSSIBLE_GROWTH = "FC307"


def check(claim: GrowthGrimClaim, truncation: bool) -> Finding | None:
    rate, count = claim.stated.figure, claim.count.figure
    now = Fraction(count.value)
    readings = [HALF_UP] + ([TRUNCATION] if truncation else [])
    involved = (Involved(rate, "growth"), Involved(count, "total"))
    for reading in readings:
        span = interval(rate, reading)
        earlier = _earlier_counts(now, span.lo, span.hi, claim.direction)
        if earlier:
            before = earlier[0]
            formula = _formula(count.numeral, now, before, rate)
            values = dict(stated=rate.raw, count=count.raw, formula=formula)
            return Finding(IMPOSSIBLE_GROWTH, True, rate, str(before), formula, involved, params(values), reading)
    point = Fraction(rate.value) / 100 * claim.direction
    below = math.floor(now / (1 + point))
    nearest = [n for n in (below, below + 1) if n >= 1]
    formula = "，".join(_formula(count.numeral, now, n, rate) for n in nearest)
    values = dict(stated=rate.raw, count=count.raw, formula=formula)
    return Finding(IMPOSSIBLE_GROWTH, False, rate, "", formula, involved, params(values))


def _earlier_counts(now: Fraction, low, high, direction: int) -> list[int]:
    """The whole earlier counts n ≥ 1 with (now − n) / n, signed by the direction, within [low, high] %."""
    if low is None or high is None:
        return []
    growths = sorted((low / 100 * direction, high / 100 * direction))
    if growths[0] <= -1:
        return []
    first = math.ceil(now / (1 + growths[1]))
    last = math.floor(now / (1 + growths[0]))
    return [n for n in range(max(1, first), last + 1)]


def _formula(numeral: str, now: Fraction, before: int, rate) -> str:
    growth = (now - before) / before * 100
    return f"{numeral} / {before} − 1 = {shown(growth, rate)}%"
