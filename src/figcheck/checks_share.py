"""Checking shares: part / whole against the stated share, and GRIM for shares of a small count."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from figcheck.claims import Claim
from figcheck.figures import Figure
from figcheck.findings import Finding, Involved
from figcheck.tolerance import HALF_UP, TRUNCATION, Interval, exact, interval
from figcheck.tolerance import allowance as tolerance_allowance

_FACTOR = {"%": 100, "‰": 1000, "成": 10}


def _factor(share: Figure, unit: str = "") -> int:
    return _FACTOR.get(unit or share.unit, 1)


def _shown(value: Fraction, share: Figure, unit: str = "") -> str:
    unit = unit or share.unit
    if unit == "":
        return f"{float(value):.3f}".rstrip("0").rstrip(".")  # display only; the check is exact
    decimals = max(1, -Decimal(share.resolution).as_tuple().exponent + 1)
    shown = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal(1).scaleb(-decimals), ROUND_HALF_UP
    )
    return f"{shown}{unit}"


def check_share(claim: Claim) -> Finding | None:
    share = claim.stated.figure
    part, whole = claim.parts[0].placed.figure, claim.parts[1].placed.figure
    if exact(whole.value) <= 0:
        return None
    point = exact(part.value) / exact(whole.value) * _factor(share, claim.relation)
    span = _quotient(interval(part), interval(whole), _factor(share, claim.relation))
    if span.lo is None or span.hi is None:
        return None  # 超过1.9万 of 12.1万: an open-ended part bounds nothing
    formula = f"{part.numeral} / {whole.numeral} = {_shown(point, share, claim.relation)}"
    involved = (Involved(share, "share"), Involved(part, "part"), Involved(whole, "whole"))
    params = dict(stated=share.raw, computed=_shown(point, share, claim.relation), formula=formula)
    allowance = tolerance_allowance(share, span, point)
    return Finding(
        ("FC404" if claim.evidence == "rate" else "FC402") if claim.table else "FC204",
        bool(allowance),
        share,
        _shown(point, share, claim.relation),
        formula,
        involved,
        tuple(sorted(params.items())),
        allowance,
    )


def _quotient(part: Interval, whole: Interval, factor: int) -> Interval:
    if None in (part.lo, part.hi, whole.lo, whole.hi) or whole.lo <= 0:
        return Interval(None, None)
    return Interval(part.lo / whole.hi * factor, part.hi / whole.lo * factor)


def check_grim(claim: Claim) -> Finding | None:
    """Some whole number k of the n things must give the stated share: k / n within its rounding."""
    share = claim.stated.figure
    whole = claim.parts[0].placed.figure
    n = int(whole.value)
    factor = _factor(share)
    stated = interval(share, HALF_UP)
    truncated = interval(share, TRUNCATION)
    candidates = [k for k in _near(stated, n, factor) if stated.meets(Interval.point(Fraction(k * factor, n)))]
    candidates += [k for k in _near(truncated, n, factor) if truncated.meets(Interval.point(Fraction(k * factor, n)))]
    involved = (Involved(share, "share"), Involved(whole, "whole"))
    below = math.floor(exact(share.value) * n / factor)
    nearest = [k for k in (below, below + 1) if 0 <= k <= n]
    formula = "，".join(f"{k} / {whole.numeral} = {_shown(Fraction(k * factor, n), share)}" for k in nearest)
    params = dict(stated=share.raw, whole=whole.raw, formula=formula)
    if candidates:
        k = candidates[0]
        formula = f"{k} / {whole.numeral} = {_shown(Fraction(k * factor, n), share)}"
        return Finding("FC203", True, share, str(k), formula, involved, tuple(sorted(params.items())), "half-up")
    return Finding("FC203", False, share, "", formula, involved, tuple(sorted(params.items())))


def _near(span: Interval, n: int, factor: int) -> range:
    if span.lo is None or span.hi is None:
        return range(0, n + 1)
    low = max(0, math.ceil(span.lo * n / factor))
    high = min(n, math.floor(span.hi * n / factor))
    return range(low, high + 1)
