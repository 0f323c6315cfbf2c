"""Checking shares: part / base against the stated share, in prose (FC204) and table columns (FC402, FC404)."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import params, shown, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import ShareClaim
from figcheck.figures.numerals import ratio_factor
from figcheck.findings import Finding, Involved

SHARE_MISMATCH, TABLE_SHARE_MISMATCH, TABLE_RATE_MISMATCH = "FC204", "FC402", "FC404"
NUDGED = "nudged"  # the allowance of a composition's term nudged so the shares add up to 100


def check(claim: ShareClaim, truncation: bool) -> Finding | None:
    share = claim.stated.figure
    part, base = claim.part.figure, claim.base.figure
    if exact(base.value) <= 0:
        return None
    unit = claim.unit or share.unit
    factor = ratio_factor(unit)
    point = exact(part.value) / exact(base.value) * factor
    span = quotient(interval(part), interval(base), factor)
    if span.lo is None or span.hi is None:
        return None  # 超过1.9万 of 12.1万: an open-ended part bounds nothing
    computed = shown(point, share) + unit
    formula = f"{part.numeral} / {base.numeral} = {computed}"
    involved = (Involved(share, "share"), Involved(part, "part"), Involved(base, "whole"))
    values = dict(stated=share.raw, computed=computed, formula=formula)
    reading, doubt = decide(share, span, point, truncation)
    if not reading and _nudged(claim, span):
        reading, doubt = NUDGED, ""
    code = {"share": TABLE_SHARE_MISMATCH, "rate": TABLE_RATE_MISMATCH}.get(claim.table, SHARE_MISMATCH)
    passed = bool(reading) and not doubt
    if not passed:
        values["suggested"] = suggested(point, share, computed.removesuffix(unit)) + unit
    return Finding(code, passed, share, computed, formula, involved, params(values), reading, doubt)


def _nudged(claim: ShareClaim, span: Interval) -> bool:
    """A term of a composition whose written shares add up to exactly 100, one last digit off its value: the
    published convention of nudging a term so the structure sums to 100 (12.90:56.87:30.24 → 12.89)."""
    terms = [placed.figure for placed in claim.composition]
    if not terms or sum((exact(term.value) for term in terms), Fraction(0)) != 100:
        return False
    share = claim.stated.figure
    step = Fraction(share.resolution)
    widened = Interval(exact(share.value) - step * 3 / 2, exact(share.value) + step * 3 / 2)
    return bool(step) and widened.meets(span)


def quotient(part: Interval, whole: Interval, factor: int) -> Interval:
    """Every value part / whole × factor can take, both as intervals; unbounded when either is."""
    if None in (part.lo, part.hi, whole.lo, whole.hi) or whole.lo <= 0:
        return Interval(None, None)
    return Interval(part.lo / whole.hi * factor, part.hi / whole.lo * factor)
