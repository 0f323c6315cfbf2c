"""Checking named formulas (rules/formulas.toml): a difference (FC305) or a quotient (FC206) of two stated
figures against the figure the text names as it.

Both inputs are intervals of their written precision; a difference spans first.lo − second.hi to
first.hi − second.lo, a quotient the corners of its two intervals (both inputs positive)."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.share import quotient
from figcheck.checks.shown import in_scale_of, params, shown
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import FormulaClaim
from figcheck.figures.numerals import ratio_factor
from figcheck.findings import Finding, Involved

QUOTIENT_MISMATCH, DIFFERENCE_MISMATCH = "FC206", "FC305"


def check(claim: FormulaClaim, truncation: bool) -> Finding | None:
    stated, second = claim.stated.figure, claim.second.figure
    if claim.first is None and claim.whole is not None:
        return _rest_quotient(claim, truncation)
    first = claim.first.figure
    if claim.operation == "difference":
        point = exact(first.value) - exact(second.value)
        span = interval(first) + -interval(second)
        computed = shown(point, stated) + stated.unit if stated.unit in ("%", "‰") else in_scale_of(point, stated)
        formula = f"{first.numeral}{_unit(first)} − {second.numeral}{_unit(second)} = {computed}"
        roles, code = ("minuend", "subtrahend"), DIFFERENCE_MISMATCH
    else:
        factor = claim.factor or ratio_factor(stated.unit)
        if exact(second.value) <= 0:
            return None
        point = exact(first.value) / exact(second.value) * factor
        below = interval(second)
        if claim.spread and below.lo is not None and below.hi is not None:
            below = Interval(below.lo * (1 - claim.spread), below.hi * (1 + claim.spread))
        span = quotient(interval(first), below, factor)
        if span.lo is None:
            return None
        computed = shown(point, stated) + stated.unit
        times = f" × {factor}" if factor != ratio_factor(stated.unit) else ""
        formula = f"{first.numeral} / {second.numeral}{times} = {computed}"
        roles, code = ("numerator", "denominator"), QUOTIENT_MISMATCH
    involved = (Involved(stated, "stated"), Involved(first, roles[0]), Involved(second, roles[1]))
    name = claim.name
    values = dict(stated=stated.raw, computed=computed, formula=formula, name=name, name_en=claim.name_en)
    reading, doubt = decide(stated, span, Fraction(point), truncation)
    passed = bool(reading) and not doubt
    return Finding(code, passed, stated, computed, formula, involved, params(values), reading, doubt)


def _rest_quotient(claim: FormulaClaim, truncation: bool) -> Finding | None:
    """(whole − second) / second × factor: 「初婚人数11.89万人，其中女性6.00万人，性别比为98.17」."""
    stated, second, whole = claim.stated.figure, claim.second.figure, claim.whole.figure
    factor = claim.factor or ratio_factor(stated.unit)
    if exact(second.value) <= 0:
        return None
    point = (exact(whole.value) - exact(second.value)) / exact(second.value) * factor
    span = quotient(interval(whole) + -interval(second), interval(second), factor)
    if span.lo is None:
        return None
    computed = shown(point, stated) + stated.unit
    times = f" × {factor}" if factor != ratio_factor(stated.unit) else ""
    formula = f"({whole.numeral} − {second.numeral}) / {second.numeral}{times} = {computed}"
    involved = (Involved(stated, "stated"), Involved(whole, "whole"), Involved(second, "denominator"))
    values = dict(stated=stated.raw, computed=computed, formula=formula, name=claim.name, name_en=claim.name_en)
    reading, doubt = decide(stated, span, Fraction(point), truncation)
    return Finding(
        QUOTIENT_MISMATCH,
        bool(reading) and not doubt,
        stated,
        computed,
        formula,
        involved,
        params(values),
        reading,
        doubt,
    )


def _unit(figure) -> str:
    return figure.unit if figure.unit in ("%", "‰") else ""
