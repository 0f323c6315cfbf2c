"""GRIM for shares of a small count: some whole number k of the n things must give the stated share."""

from __future__ import annotations

import math
from fractions import Fraction

from figcheck.checks.shown import params, shown
from figcheck.checks.tolerance import HALF_UP, TRUNCATION, Interval, exact, interval
from figcheck.claims.model import GrimClaim
from figcheck.figures.numerals import ratio_factor
from figcheck.findings import Finding, Involved

IMPOSSIBLE_SHARE = "FC203"


def check(claim: GrimClaim, truncation: bool) -> Finding:
    """「对11家企业…，其中已完成整改的企业占50%」: no k of 11 is 50%, rounded or truncated."""
    share = claim.stated.figure
    whole = claim.whole.figure
    n = int(whole.value)
    factor = ratio_factor(share.unit)
    readings = [(HALF_UP, interval(share, HALF_UP))] + (
        [(TRUNCATION, interval(share, TRUNCATION))] if truncation else []
    )
    candidates = [
        (k, name)
        for name, span in readings
        for k in _near(span, n, factor)
        if span.meets(Interval.point(Fraction(k * factor, n)))
    ]
    involved = (Involved(share, "share"), Involved(whole, "whole"))
    below = math.floor(exact(share.value) * n / factor)
    nearest = [k for k in (below, below + 1) if 0 <= k <= n]
    formula = "，".join(f"{k} / {whole.numeral} = {shown(Fraction(k * factor, n), share)}{share.unit}" for k in nearest)
    values = dict(stated=share.raw, whole=whole.raw, formula=formula)
    if candidates:
        k, reading = candidates[0]
        formula = f"{k} / {whole.numeral} = {shown(Fraction(k * factor, n), share)}{share.unit}"
        return Finding(IMPOSSIBLE_SHARE, True, share, str(k), formula, involved, params(values), reading)
    return Finding(IMPOSSIBLE_SHARE, False, share, "", formula, involved, params(values))


def _near(span: Interval, n: int, factor: int) -> range:
    if span.lo is None or span.hi is None:
        return range(0, n + 1)
    low = max(0, math.ceil(span.lo * n / factor))
    high = min(n, math.floor(span.hi * n / factor))
    return range(low, high + 1)
