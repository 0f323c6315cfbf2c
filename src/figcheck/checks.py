"""Recomputing each claim exactly and comparing within the precision written.

Arithmetic is on `Fraction`s built from the figures' exact decimals; a relation holds when the
interval computed from the inputs meets the stated figure's interval (see tolerance.py). Each pass
records the allowance it relied on: exact, half-up rounding, truncation, or a qualifier (约, 余 …).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from figcheck.claims import COMPLETE, OPEN, Claim, RateOption, Term
from figcheck.figures import Figure
from figcheck.findings import Finding, Involved
from figcheck.numerals import BIG_UNITS, format_decimal
from figcheck.tolerance import HALF_UP, Interval, exact, interval
from figcheck.tolerance import allowance as reading

_PERCENT_FACTOR = {"%": 100, "‰": 1000}


def check(claims: list[Claim]) -> list[Finding]:
    """A Finding per claim: failed relations and passed ones alike (reports choose what to show)."""
    from figcheck.checks_change import check_change, check_usage
    from figcheck.checks_share import check_grim, check_share

    checkers = {
        "sum": _check_sum,
        "rate": _check_rate,
        "share": check_share,
        "grim": check_grim,
        "change": check_change,
        "usage": check_usage,
        "repeat": _check_repeat,
    }
    results = []
    for claim in claims:
        result = checkers[claim.kind](claim)
        if result is not None:
            results.append(result)
    from figcheck.suggest import name_likely_typos

    return name_likely_typos(results)


def _check_sum(claim: Claim) -> Finding | None:
    total = claim.stated.figure
    parts = [term.placed.figure for term in claim.parts]
    point = sum((exact(p.value) for p in parts), Fraction(0))
    span = Interval.point(Fraction(0))
    for part in parts:
        span = span + interval(part)
    computed_text = in_scale_of(point, total)
    formula = " + ".join(p.numeral or p.raw for p in parts) + f" = {computed_text}"
    involved = (Involved(total, "total"),) + tuple(Involved(p, "part") for p in parts)
    if len(parts) == 1:
        formula = f"{parts[0].numeral} ≤ {total.numeral}"
    allowance = reading(total, span, point)
    base = dict(stated=total.numeral, computed=computed_text)
    stated_span = interval(total)
    excess = stated_span.hi is not None and span.lo is not None and span.lo > stated_span.hi
    if (
        not allowance
        and not excess
        and claim.completeness != COMPLETE
        and not (claim.tight and len(parts) > 1 and claim.completeness == OPEN)
    ):
        allowance = "part-of-whole"  # a single part, or a list marked 等/主要 or loose: parts ≤ total holds
    if allowance:
        return Finding(
            "FC401" if claim.table else "FC102" if allowance == "part-of-whole" else "FC101",
            True,
            total,
            format_decimal(Decimal(point.numerator) / point.denominator),
            formula,
            involved,
            _params(base),
            allowance,
        )
    gap = abs(point - exact(total.value))
    base.update(gap=in_scale_of(gap, total), evidence=claim.evidence)
    if claim.completeness == COMPLETE:
        code = "FC401" if claim.table else "FC101"
        base["difference"] = f"多 {base['gap']}" if excess else f"少 {base['gap']}"
        base["difference_en"] = f"{base['gap']} too many" if excess else f"{base['gap']} short"
    elif excess and (claim.tight or _first_part_exceeds(claim)):
        code = "FC102"
    elif not excess:
        code = "FC103"  # a tight open list that falls short: a note, it may list only some parts
    else:
        return None  # a loose list (other figures between its parts) that overshoots may be two statements
    return Finding(
        code,
        False,
        total,
        format_decimal(Decimal(point.numerator) / point.denominator),
        formula,
        involved,
        _params(base),
    )


def _check_repeat(claim: Claim) -> Finding | None:
    """The same quantity twice: the two statements must agree within their rounding."""
    later, earlier = claim.stated.figure, claim.parts[0].placed.figure
    involved = (Involved(later, "repeated"), Involved(earlier, "earlier"))
    agree = interval(later).meets(interval(earlier))
    formula = f"{earlier.raw} = {later.raw}" if agree else f"{earlier.raw} ≠ {later.raw}"
    params = dict(stated=later.raw, earlier=earlier.raw, subject=claim.evidence, formula=formula)
    allowance = ("exact" if earlier.value == later.value else HALF_UP) if agree else ""
    return Finding("FC501", agree, later, earlier.value_text, formula, involved, _params(params), allowance)


def _first_part_exceeds(claim: Claim) -> bool:
    """The part right after 其中 is surely a part: on its own it must not exceed the total."""
    first = interval(claim.parts[0].placed.figure)
    stated = interval(claim.stated.figure)
    return first.lo is not None and stated.hi is not None and first.lo > stated.hi


def _check_rate(claim: Claim) -> Finding | None:
    rate = claim.stated.figure
    factor = _PERCENT_FACTOR.get(rate.unit, 100)
    first_finding: Finding | None = None
    for option in claim.options:
        numerator = sum((exact(t.placed.figure.value) * t.sign for t in option.numerator), Fraction(0))
        denominator = sum((exact(t.placed.figure.value) * t.sign for t in option.denominator), Fraction(0))
        if denominator <= 0:
            continue
        point = numerator / denominator * factor
        computed = _rate_interval(option, factor)
        shown = _shown_rate(point, rate)
        formula = f"{_side(option.numerator)} / {_side(option.denominator)} = {shown}{rate.unit}"
        allowance = reading(rate, computed, point)
        involved = (Involved(rate, "rate"),) + tuple(
            Involved(t.placed.figure, t.role) for t in option.numerator + option.denominator
        )
        params = dict(
            rate=claim.stated.label.rstrip("为是达到约仅高保持稳定在提升至降上下") or "比率",
            stated=rate.raw,
            computed=f"{shown}{rate.unit}",
            formula=formula,
            definition=_definition_zh(option.definition),
            definition_en=_definition_en(option.definition),
        )
        if allowance:
            return Finding(claim_code(claim), True, rate, shown, formula, involved, _params(params), allowance)
        if first_finding is None:
            first_finding = Finding(claim_code(claim), False, rate, shown, formula, involved, _params(params))
    return first_finding


def claim_code(claim: Claim) -> str:
    return "FC201" if claim.named else "FC202"


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


def _shown_rate(value: Fraction, stated: Figure) -> str:
    """The computed rate to one more decimal than the stated one (at least one): 40.5."""
    decimals = max(1, -Decimal(stated.resolution).as_tuple().exponent + 1) if stated.resolution else 2
    quantum = Decimal(1).scaleb(-decimals)
    return str((Decimal(value.numerator) / Decimal(value.denominator)).quantize(quantum, ROUND_HALF_UP))


def in_scale_of(value: Fraction, total: Figure) -> str:
    """A computed amount written in the total's scale word: 312000000 beside 3.12亿 → 3.12亿."""
    scale, word = 1, ""
    for ch in reversed(total.numeral):
        if ch not in BIG_UNITS:
            break
        scale, word = scale * BIG_UNITS[ch], ch + word
    amount = Decimal(value.numerator) / Decimal(value.denominator) / scale
    return (
        format_decimal(amount.quantize(Decimal("0.0001"))) + word
        if value.denominator != 1 or scale != 1
        else format_decimal(amount) + word
    )


def _params(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(values.items()))
