"""Checking a total's growth against its parts' (FC306).

A weighted mean lies between the lowest and the highest of what it averages, whatever the weights or the price
basis: the total's growth must lie within its parts' range. Where the values and their rates are on one basis
(nominal amounts, counts: `GrowthPartsClaim.weighted`), last year's values they imply, value / (1 + rate), must
also add up: the total's growth is then the one their sum gives. Only a breakdown whose parts add up to the
total (within rounding) is its whole; otherwise the relation is not checked. A rate in 倍 (增长5.0倍) is +500%."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import params, shown, suggested
from figcheck.checks.tolerance import Interval, interval
from figcheck.claims.model import GrowthPartsClaim
from figcheck.figures import Figure
from figcheck.findings import Finding, Involved

GROWTH_PARTS_MISMATCH = "FC306"


def check(claim: GrowthPartsClaim, truncation: bool) -> Finding | None:
    total = claim.total.figure
    whole = Interval.point(Fraction(0))
    for part in claim.parts:
        whole = whole + interval(part.figure)
    if not whole.meets(_whole(claim)):
        return None  # the parts are not the whole total
    stated = claim.stated.figure
    growth = _percent(claim.stated, claim.direction)
    spans = [_percent(placed, sign) for placed, sign in claim.growths]
    if growth.lo is None or growth.hi is None or any(span.lo is None or span.hi is None for span in spans):
        return None
    low, high = min(span.lo for span in spans), max(span.hi for span in spans)
    rates = "、".join(_written(placed.figure.raw, sign) for placed, sign in claim.growths)
    computed = f"{shown(low, stated)}%~{shown(high, stated)}%"
    formula = f"分项增速 {rates} → 总数增速应在 {computed}"
    passed, range_ = Interval(low, high).meets(growth), Interval(low, high)
    if passed and claim.weighted:
        implied = _implied(claim, spans)
        if implied is not None and not implied.meets(growth):
            passed, computed, range_ = False, f"{shown(implied.lo, stated)}%~{shown(implied.hi, stated)}%", implied
            formula = f"上年数 Σ 分项 ÷ (1 + 增速) → 总数增速应为 {computed}"
    total_role = () if claim.by_shares else (Involved(total, "total"),)
    involved = (Involved(stated, "growth"), *total_role) + tuple(
        Involved(placed.figure, "part-growth") for placed, _ in claim.growths
    )
    values = dict(stated=stated.raw, computed=computed, formula=formula, rates=rates)
    if not passed:
        values["suggested"] = _suggested(range_, stated, claim.direction) if stated.unit == "%" else computed
    values = params(values)
    return Finding(
        GROWTH_PARTS_MISMATCH, passed, stated, computed, formula, involved, values, "half-up" if passed else ""
    )


def _suggested(range_: Interval, stated: Figure, direction: int) -> str:
    """The range a suggestion names, each end at the precision of the stated growth: 12.8%~14.4% beside 11.7%."""
    low, high = (suggested(end, stated, shown(end, stated), direction) for end in (range_.lo, range_.hi))
    return f"{low}%~{high}%"


def _implied(claim: GrowthPartsClaim, spans: list[Interval]) -> Interval | None:
    """The total's growth that last year's values of the parts give: total / Σ value_i / (1 + rate_i) − 1, in %."""
    before = Interval.point(Fraction(0))
    for part, span in zip(claim.parts, spans, strict=True):
        value = interval(part.figure)
        if value.lo is None or value.hi is None or span.lo <= -100:
            return None
        before = before + Interval(value.lo / (1 + span.hi / 100), value.hi / (1 + span.lo / 100))
    total = _whole(claim)
    if total.lo is None or total.hi is None or before.lo <= 0:
        return None
    return Interval((total.lo / before.hi - 1) * 100, (total.hi / before.lo - 1) * 100)


def _whole(claim: GrowthPartsClaim) -> Interval:
    """What the parts add up to: the total's value, or 100 when the parts are its shares in %."""
    return Interval.point(Fraction(100)) if claim.by_shares else interval(claim.total.figure)


def _percent(placed, sign: int) -> Interval:
    """A rate as an interval in percent, signed: 增长5.0倍 is +495% ~ +505%."""
    span = interval(placed.figure)
    if placed.figure.unit == "倍":
        span = span.scaled(Fraction(100))
    return span if sign > 0 else -span


def _written(raw: str, sign: int) -> str:
    return raw if sign > 0 else f"-{raw}"
