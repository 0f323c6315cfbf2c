"""Checking compositions (FC205): the shares of one whole, stated together, add up to 100.

Each share is the interval its written precision allows (7.6 is 7.55~7.65), so a ratio summing to 100.1 when
written (4.7:40.3:55.1) holds: its terms can be values adding up to exactly 100. With truncation accepted, a list
that falls short by less than a last digit per term holds too (each term may have lost up to one)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from figcheck.checks.shown import params
from figcheck.checks.tolerance import HALF_UP, TRUNCATION, Interval, exact, interval
from figcheck.claims.model import CompositionClaim
from figcheck.findings import Finding, Involved

COMPOSITION_NOT_WHOLE = "FC205"
_WHOLE = Fraction(100)


def check(claim: CompositionClaim, truncation: bool) -> Finding:
    figures = [placed.figure for placed in claim.terms]
    point = sum((exact(figure.value) for figure in figures), Fraction(0))
    computed = str(sum((Decimal(figure.value) for figure in figures), Decimal(0)))
    formula = " + ".join(figure.numeral or figure.raw for figure in figures) + f" = {computed}"
    involved = tuple(Involved(figure, "share") for figure in figures)
    reading = _reading(figures, point, truncation)
    if reading != "exact":
        formula += " ≈ 100" if reading else " ≠ 100"
    values = dict(stated="100", computed=computed, formula=formula, name=claim.name or "构成")
    stated = claim.stated.figure
    return Finding(COMPOSITION_NOT_WHOLE, bool(reading), stated, computed, formula, involved, params(values), reading)


def _reading(figures, point: Fraction, truncation: bool) -> str:
    if point == _WHOLE:
        return "exact"
    if _span(figures, HALF_UP).contains(_WHOLE):
        return HALF_UP
    if truncation and _span(figures, TRUNCATION).contains(_WHOLE):
        return TRUNCATION
    return ""


def _span(figures, rounding: str) -> Interval:
    span = Interval.point(Fraction(0))
    for figure in figures:
        span = span + interval(figure, rounding)
    return span
