"""Checking case flows: what came in (new + carried in) less what was concluded is what is pending (FC104)."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import exact_text, in_scale_of, params, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import FlowClaim
from figcheck.findings import Finding, Involved

FLOW_MISMATCH = "FC104"


def check(claim: FlowClaim, truncation: bool) -> Finding:
    pending, concluded = claim.stated.figure, claim.concluded.figure
    inflows = [placed.figure for placed in claim.inflows]
    incoming = sum((exact(f.value) for f in inflows), Fraction(0))
    point = incoming - exact(concluded.value)
    span = Interval.point(Fraction(0))
    for figure in inflows:
        span = span + interval(figure)
    span = span + -interval(concluded)
    computed = in_scale_of(point, pending)
    formula = " + ".join(f.numeral for f in inflows) + f" − {concluded.numeral} = {computed}"
    involved = (
        Involved(pending, "pending"),
        *(Involved(f, role) for f, role in zip(inflows, ("new", "carried_in"), strict=True)),
        Involved(concluded, "concluded"),
    )
    values = dict(
        stated=pending.raw,
        computed=computed,
        incoming=in_scale_of(incoming, pending),
        concluded=concluded.raw,
        outgoing=in_scale_of(exact(concluded.value) + exact(pending.value), pending),
    )
    reading, doubt = decide(pending, span, point, truncation)
    passed = bool(reading) and not doubt
    if not passed:
        values["suggested"] = suggested(point, pending, computed)
    return Finding(FLOW_MISMATCH, passed, pending, exact_text(point), formula, involved, params(values), reading, doubt)
