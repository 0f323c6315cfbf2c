"""Checking named formulas (rules/formulas.toml): a difference (FC305) or a quotient (FC206) of two stated
figures against the figure the text names as it.

Both inputs are intervals of their written precision; a difference spans first.lo − second.hi to
first.hi − second.lo, a quotient the corners of its two intervals (both inputs positive)."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.share import quotient
from figcheck.checks.shown import in_scale_of, params, shown, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import FormulaClaim
from figcheck.figures.numerals import ratio_factor
from figcheck.findings import Finding, Involved

QUOTIENT_MISMATCH, DIFFERENCE_MISMATCH = "FC206", "FC305"


def check(claim: FormulaClaim, truncation: bool) -> Finding | None:
    stated, second = claim.stated.figure, claim.second.figure
    if claim.operation == "difference":
        first = claim.first.figure
        point = exact(first.value) - exact(second.value)
        span = interval(first) + -interval(second)
        unit = stated.unit if stated.unit in ("%", "‰") else ""
        computed = shown(point, stated) + unit if unit else in_scale_of(point, stated)
        formula = f"{first.numeral}{_unit(first)} − {second.numeral}{_unit(second)} = {computed}"
        inputs, code = (Involved(first, "minuend"), Involved(second, "subtrahend")), DIFFERENCE_MISMATCH
    else:
        factor = claim.factor or ratio_factor(stated.unit)
        if exact(second.value) <= 0:
            return None
        top, top_span, top_text, top_role = _numerator(claim)
        point = top / exact(second.value) * factor
        below = interval(second)
        if claim.spread and below.lo is not None and below.hi is not None:
            below = Interval(below.lo * (1 - claim.spread), below.hi * (1 + claim.spread))
        span = quotient(top_span, below, factor)
        if span.lo is None:
            return None
        unit = stated.unit
        computed = shown(point, stated) + unit
        times = f" × {factor}" if factor != ratio_factor(stated.unit) else ""
        formula = f"{top_text} / {second.numeral}{times} = {computed}"
        inputs, code = (top_role, Involved(second, "denominator")), QUOTIENT_MISMATCH
    involved = (Involved(stated, "stated"), *inputs)
    values = dict(stated=stated.raw, computed=computed, formula=formula, name=claim.name, name_en=claim.name_en)
    reading, doubt = decide(stated, span, Fraction(point), truncation)
    passed = bool(reading) and not doubt
    if not passed:
        values["suggested"] = suggested(Fraction(point), stated, computed.removesuffix(unit)) + unit
    return Finding(code, passed, stated, computed, formula, involved, params(values), reading, doubt)


def _numerator(claim: FormulaClaim) -> tuple[Fraction, Interval, str, Involved]:
    """A quotient's numerator: the first input, or the rest of a whole after the second (「初婚人数11.89万人，其中女性
    6.00万人，性别比为98.17」: men are 11.89万 − 6.00万)."""
    if claim.first is not None:
        first = claim.first.figure
        return exact(first.value), interval(first), first.numeral, Involved(first, "numerator")
    whole, part = claim.whole.figure, claim.second.figure
    rest = exact(whole.value) - exact(part.value)
    return rest, interval(whole) + -interval(part), f"({whole.numeral} − {part.numeral})", Involved(whole, "whole")


def _unit(figure) -> str:
    return figure.unit if figure.unit in ("%", "‰") else ""
