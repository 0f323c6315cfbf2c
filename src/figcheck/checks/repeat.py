"""Checking repeated figures: two statements of one quantity must agree within their rounding."""

from __future__ import annotations

from figcheck.checks.shown import params
from figcheck.checks.tolerance import HALF_UP, interval
from figcheck.claims.model import RepeatClaim
from figcheck.findings import Finding, Involved

REPEATED_FIGURE_DIFFERS = "FC501"


def check(claim: RepeatClaim, truncation: bool) -> Finding:
    later, earlier = claim.stated.figure, claim.earlier.figure
    involved = (Involved(later, "repeated"), Involved(earlier, "earlier"))
    agree = interval(later).meets(interval(earlier))
    formula = f"{earlier.raw} = {later.raw}" if agree else f"{earlier.raw} ≠ {later.raw}"
    values = dict(stated=later.raw, earlier=earlier.raw, subject=claim.subject, formula=formula)
    reading = ("exact" if earlier.value == later.value else HALF_UP) if agree else ""
    return Finding(
        REPEATED_FIGURE_DIFFERS, agree, later, earlier.value_text, formula, involved, params(values), reading
    )
