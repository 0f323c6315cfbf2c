"""Checking a change stated twice after one value: the percent against the amount over the implied
earlier value (value − amount for an increase, value + amount for a decrease), reported as FC301.

The percent p = N / (V ∓ N) × 100 grows with the amount N and falls with the value V, so the corners of
their intervals bound every value it can take; an earlier value that is not positive bounds nothing
(「比上年增加0.39万元，增长100%」 from nothing), and the claim is left unverified.
"""

from __future__ import annotations

from figcheck.checks.change import CHANGE_MISMATCH
from figcheck.checks.shown import in_scale_of, params, shown, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import EarlierValueClaim, ImpliedChangeClaim
from figcheck.findings import Finding, Involved


def check(claim: ImpliedChangeClaim, truncation: bool) -> Finding | None:
    change, amount, value = claim.stated.figure, claim.amount.figure, claim.result.figure
    sign = claim.direction
    point_earlier = exact(value.value) - sign * exact(amount.value)
    amounts, values = interval(amount), interval(value)
    if None in (amounts.lo, amounts.hi, values.lo, values.hi) or point_earlier <= 0:
        return None
    corners = [(n, v - sign * n) for n in (amounts.lo, amounts.hi) for v in (values.lo, values.hi)]
    if any(earlier <= 0 for _, earlier in corners):
        return None
    quotients = [n / earlier * 100 for n, earlier in corners]
    point = exact(amount.value) / point_earlier * 100
    span = Interval(min(quotients), max(quotients))
    operator = "−" if sign > 0 else "+"
    written = shown(point, change)
    formula = f"{amount.numeral} / ({value.numeral} {operator} {amount.numeral}) = {written}%"
    involved = (Involved(change, "change"), Involved(amount, "amount"), Involved(value, "result"))
    values_shown = dict(stated=change.raw, computed=written + "%", formula=formula)
    reading, doubt = decide(change, span, point, truncation)
    passed = bool(reading) and not doubt
    if not passed:
        values_shown["suggested"] = suggested(point, change, written) + "%"
    values = params(values_shown)
    return Finding(CHANGE_MISMATCH, passed, change, written, formula, involved, values, reading, doubt)


INCREASE_EXCEEDS_VALUE = "FC304"


def check_earlier(claim: EarlierValueClaim, truncation: bool) -> Finding:
    """The earlier value V − N of an increase N to V must not be negative, within the figures' rounding."""
    amount, value = claim.stated.figure, claim.result.figure
    earlier = exact(value.value) - exact(amount.value)
    lowest, highest = interval(amount).lo, interval(value).hi
    possible = lowest is None or highest is None or highest - lowest >= 0
    written = in_scale_of(earlier, value)
    formula = f"{value.numeral} − {amount.numeral} = {written}" + ("" if possible else " < 0")
    involved = (Involved(amount, "change"), Involved(value, "result"))
    values = params(dict(stated=amount.raw, value=value.raw, computed=written, formula=formula))
    reading = "exact" if earlier >= 0 else ("half-up" if possible else "")
    return Finding(INCREASE_EXCEEDS_VALUE, possible, amount, written, formula, involved, values, reading)
