"""Checking repeated figures: two statements of one quantity must agree within their rounding."""

from __future__ import annotations

from figcheck.checks.shown import params
from figcheck.checks.tolerance import HALF_UP, TRUNCATION, allowance, interval
from figcheck.claims.model import RepeatClaim
from figcheck.findings import Finding, Involved

REPEATED_FIGURE_DIFFERS = "FC501"


def check(claim: RepeatClaim, truncation: bool) -> Finding:
    later, earlier = claim.stated.figure, claim.earlier.figure
    involved = (Involved(later, "repeated"), Involved(earlier, "earlier"))
    agree = interval(later).meets(interval(earlier))
    # 877,080.00元 written 87.70万元: an amount converted to a coarser unit is often cut, not rounded
    truncated = bool(not agree and claim.converted) and allowance(later, interval(earlier), None, True) == TRUNCATION
    shown = earlier.raw + claim.converted  # 873,617.00元: a table's cell gets its table's unit
    formula = f"{shown} = {later.raw}" if agree or truncated else f"{shown} ≠ {later.raw}"
    values = dict(stated=later.raw, earlier=shown, subject=claim.subject, formula=formula)
    reading = ("exact" if earlier.value == later.value else HALF_UP) if agree else TRUNCATION if truncated else ""
    agree = agree or truncated
    return Finding(
        REPEATED_FIGURE_DIFFERS, agree, later, earlier.value_text, formula, involved, params(values), reading
    )
