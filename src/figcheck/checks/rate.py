"""Checking rates: the stated rate against each way of computing it from the counts (rates.toml)."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import params, shown
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import RateClaim, RateOption, Term
from figcheck.figures.numerals import ratio_factor
from figcheck.findings import Finding, Involved

NAMED_RATE_MISMATCH, INFERRED_RATE_MISMATCH = "FC201", "FC202"


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
        reading, doubt = decide(rate, _rate_interval(option, factor), point, truncation)
        involved = (Involved(rate, "rate"),) + tuple(
            Involved(t.placed.figure, t.role) for t in option.numerator + option.denominator
        )
        values = dict(
            rate=claim.name,
            stated=rate.raw,
            computed=computed,
            formula=formula,
            definition=_definition_zh(option),
            definition_en=_definition_en(option),
        )
        if reading and not doubt:
            return Finding(code, True, rate, shown(point, rate), formula, involved, params(values), reading)
        if first_finding is None or (doubt and not first_finding.undecided):
            first_finding = Finding(
                code, False, rate, shown(point, rate), formula, involved, params(values), undecided=doubt
            )
    return first_finding


def _total(terms: tuple[Term, ...]) -> Fraction:
    return sum((exact(t.placed.figure.value) * t.sign for t in terms), Fraction(0))


def _definition_zh(option: RateOption) -> str:
    """The definition used, naming its denominator: 败诉率（分母为已审结80件）."""
    if not option.definition:
        return "计数之比"
    return f"{option.definition}（分母为{_denominator_words(option)}）"


def _definition_en(option: RateOption) -> str:
    if not option.definition:
        return "the ratio of the counts"
    return f"the {option.definition_en} over {_denominator_words(option)}"


def _denominator_words(option: RateOption) -> str:
    """「行政应诉案件25件」, or 「25件 − 尚未审结2件」 when pending cases are left out."""
    words = ""
    for term in option.denominator:
        label = term.placed.label.lstrip("，,、：:（( ")
        words += (" − " if term.sign < 0 else "") + label[-10:] + term.placed.figure.raw
    return words


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
