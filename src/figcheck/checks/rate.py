"""Checking rates: the stated rate against each way of computing it from the counts (rates.toml)."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from figcheck.checks.shown import params, shown, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import RateClaim, RateOption, Term
from figcheck.figures.numerals import ratio_factor
from figcheck.findings import Finding, Involved

NAMED_RATE_MISMATCH, INFERRED_RATE_MISMATCH = "FC201", "FC202"


def check(claim: RateClaim, truncation: bool) -> Finding | None:
    """The first definition the stated rate meets passes, saying which; when none does, the first
    fails and its message gives what the others compute too."""
    failures = []
    for option in claim.options:
        result = _by_option(claim, option, truncation)
        if result is not None and result.passed:
            return result
        if result is not None:
            failures.append(result)
    if not failures:
        return None
    first = next((f for f in failures if f.undecided), failures[0])  # a definition that cannot decide wins
    values = dict(first.params)
    others = [dict(f.params) for f in failures if f is not first]
    values["also"] = "".join(f"；按{other['definition']}计算为 {other['computed']}" for other in others)
    values["also_en"] = "".join(f"; by {other['definition_en']} it is {other['computed']}" for other in others)
    return replace(first, params=params(values))


def _by_option(claim: RateClaim, option: RateOption, truncation: bool) -> Finding | None:
    code = NAMED_RATE_MISMATCH if claim.named else INFERRED_RATE_MISMATCH
    rate = claim.stated.figure
    factor = ratio_factor(rate.unit)
    denominator = _total(option.denominator)
    if denominator <= 0:
        return None
    point = _total(option.numerator) / denominator * factor
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
    passed = bool(reading) and not doubt
    if not passed:
        values["suggested"] = suggested(point, rate, shown(point, rate)) + rate.unit
    allowed = reading if passed else ""
    return Finding(code, passed, rate, shown(point, rate), formula, involved, params(values), allowed, doubt)


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
    for position, term in enumerate(option.denominator):
        label = term.placed.label.lstrip("，,、：:（( ")
        joint = " − " if term.sign < 0 else " + " if position else ""
        words += joint + label[-16:].lstrip("0123456789０１２３４５６７８９") + term.placed.figure.raw
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
