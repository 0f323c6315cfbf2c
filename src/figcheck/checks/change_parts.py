"""Checking a total's change against its parts' changes, as amounts (FC308).

When the parts are the whole total (they add up to it within rounding), last year's parts were last year's
whole too, so the changes add up: the total's change is the signed sum of its parts'. Each change is an
interval of its written precision. When the parts do not add up to the total they may not be all of it,
and nothing is checked."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import exact_text, in_scale_of, params, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import ChangePartsClaim
from figcheck.findings import Finding, Involved

CHANGE_PARTS_MISMATCH = "FC308"


def check(claim: ChangePartsClaim, truncation: bool) -> Finding | None:
    whole = Interval.point(Fraction(0))
    for part in claim.parts:
        whole = whole + interval(part.figure)
    if not whole.meets(interval(claim.total.figure)):
        return None  # the parts are not the whole total
    stated = claim.stated.figure
    point, span = Fraction(0), Interval.point(Fraction(0))
    for placed, sign in claim.changes:
        # the sum is read in the direction the total's change is written: a 减少 of 6.42 against −7.31 + 0.90
        signed = sign * claim.direction
        point += signed * exact(placed.figure.value)
        span = span + (interval(placed.figure) if signed > 0 else -interval(placed.figure))
    computed = in_scale_of(point, stated)
    terms = " ".join(_term(placed, sign, first=index == 0) for index, (placed, sign) in enumerate(claim.changes))
    # the terms are written with their own signs, so their sum is point × direction, signed by itself (−6.42万)
    formula = f"{terms} = {in_scale_of(point * claim.direction, stated).replace('-', '−', 1)}"
    involved = (Involved(stated, "change"), Involved(claim.total.figure, "total")) + tuple(
        Involved(placed.figure, "part-change") for placed, _ in claim.changes
    )
    reading, doubt = decide(stated, span, point, truncation)
    values = dict(stated=_signed(claim.direction, stated.numeral or stated.raw), computed=computed, formula=formula)
    if not reading and not doubt:
        values["suggested"] = suggested(point, stated, computed)
    values = params(values)
    if doubt:
        return Finding(
            CHANGE_PARTS_MISMATCH, False, stated, exact_text(point), formula, involved, values, undecided=doubt
        )
    return Finding(CHANGE_PARTS_MISMATCH, bool(reading), stated, exact_text(point), formula, involved, values, reading)


def _term(placed, sign: int, first: bool) -> str:
    written = placed.figure.numeral or placed.figure.raw
    if first:
        return _signed(sign, written)
    return f"{'+' if sign > 0 else '−'} {written}"


def _signed(sign: int, written: str) -> str:
    return written if sign > 0 else f"−{written}"
