"""Checking rates: the stated rate against each way of computing it from the counts (rates.toml)."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import params, shown
from figcheck.checks.tolerance import Interval, allowance, exact, interval
from figcheck.claims.model import RateClaim, RateOption, Term
from figcheck.findings import Finding, Involved
from figcheck.numerals import ratio_factor

NAMED_RATE_MISMATCH, INFERRED_RATE_MISMATCH = "FC201", "FC202"
# Words that end a rate's label without naming it: 「败诉率为」 → 败诉率.
_LABEL_TAIL = "为是达到约仅高保持稳定在提升至降上下"


def check(claim: RateClaim, truncation: bool) -> Finding | None:
    """The first definition the stated rate meets passes; otherwise the first definition fails."""
    code = NAMED_RATE_MISMATCH if claim.named else INFERRED_RATE_MISMATCH
    rate = claim.stated.figure
    factor = ratio_factor(rate.unit)
    first_finding: Finding | None = None
    for option in claim.options:
        numerator = _total(option.numerator)
        denominator = _total(option.denominator)
        if denominator <= 0:
            continue
        point = numerator / denominator * factor
        computed = f"{shown(point, rate)}{rate.unit}"
        formula = f"{_side(option.numerator)} / {_side(option.denominator)} = {computed}"
        reading = allowance(rate, _rate_interval(option, factor), point, truncation)
        involved = (Involved(rate, "rate"),) + tuple(
            Involved(t.placed.figure, t.role) for t in option.numerator + option.denominator
        )
        values = dict(
            rate=claim.stated.label.rstrip(_LABEL_TAIL) or "比率",
            stated=rate.raw,
            computed=computed,
            formula=formula,
            definition=_definition_zh(option.definition),
            definition_en=_definition_en(option.definition),
        )
        if reading:
            return Finding(code, True, rate, shown(point, rate), formula, involved, params(values), reading)
        if first_finding is None:
            first_finding = Finding(code, False, rate, shown(point, rate), formula, involved, params(values))
    return first_finding


def _total(terms: tuple[Term, ...]) -> Fraction:
    return sum((exact(t.placed.figure.value) * t.sign for t in terms), Fraction(0))


def _definition_zh(definition: str) -> str:
    name, _, kind = definition.partition(":")
    return {"total": f"{name}（分母为全部案件或事项）", "concluded": f"{name}（分母为已审结的案件）"}.get(
        kind, "计数之比"
    )


def _definition_en(definition: str) -> str:
    _, _, kind = definition.partition(":")
    return {"total": "the definition over all cases", "concluded": "the definition over concluded cases"}.get(
        kind, "the ratio of the counts"
    )


def _rate_interval(option: RateOption, factor: int) -> Interval:
    numerator = Interval.point(Fraction(0))
    for term in option.numerator:
        numerator = numerator + interval(term.placed.figure)
    denominator = Interval.point(Fraction(0))
    for term in option.denominator:
        span = interval(term.placed.figure)
        denominator = denominator + (span if term.sign > 0 else -span)
    if None in (numerator.lo, numerator.hi, denominator.lo, denominator.hi) or denominator.lo <= 0:
        return Interval(None, None)
    return Interval(numerator.lo / denominator.hi * factor, numerator.hi / denominator.lo * factor)


def _side(terms: tuple[Term, ...]) -> str:
    if len(terms) == 1:
        return terms[0].placed.figure.numeral
    text = terms[0].placed.figure.numeral
    for term in terms[1:]:
        text += (" + " if term.sign > 0 else " − ") + term.placed.figure.numeral
    return f"({text})"
