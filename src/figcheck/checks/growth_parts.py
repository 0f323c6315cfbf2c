"""Checking a total's growth against its parts' (FC306): a weighted mean lies between the lowest and the highest
of what it averages, whatever the weights or the price basis. Only a breakdown whose parts add up to the total
(within rounding) is its whole; otherwise the relation is not checked."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import params, shown
from figcheck.checks.tolerance import Interval, interval
from figcheck.claims.model import GrowthPartsClaim
from figcheck.findings import Finding, Involved

GROWTH_PARTS_MISMATCH = "FC306"


def check(claim: GrowthPartsClaim, truncation: bool) -> Finding | None:
    total = claim.total.figure
    whole = Interval.point(Fraction(0))
    for part in claim.parts:
        whole = whole + interval(part.figure)
    if not whole.meets(interval(total)):
        return None  # the parts are not the whole total
    stated = claim.stated.figure
    growth = _signed(interval(stated), claim.direction)
    spans = [_signed(interval(placed.figure), sign) for placed, sign in claim.growths]
    if growth.lo is None or growth.hi is None or any(span.lo is None or span.hi is None for span in spans):
        return None
    low, high = min(span.lo for span in spans), max(span.hi for span in spans)
    rates = "、".join(_written(placed.figure.raw, sign) for placed, sign in claim.growths)
    computed = f"{shown(low, stated)}%~{shown(high, stated)}%"
    formula = f"分项增速 {rates} → 总数增速应在 {computed}"
    involved = (Involved(stated, "growth"), Involved(total, "total")) + tuple(
        Involved(placed.figure, "part-growth") for placed, _ in claim.growths
    )
    values = params(dict(stated=stated.raw, computed=computed, formula=formula, rates=rates))
    passed = Interval(low, high).meets(growth)
    return Finding(
        GROWTH_PARTS_MISMATCH, passed, stated, computed, formula, involved, values, "half-up" if passed else ""
    )


def _signed(span: Interval, sign: int) -> Interval:
    return span if sign > 0 else -span


def _written(raw: str, sign: int) -> str:
    return raw if sign > 0 else f"-{raw}"
