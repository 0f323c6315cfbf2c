"""Usage errors: wordings that are wrong whatever the figures (GB/T 15835 spirit)."""

from __future__ import annotations

from figcheck.checks.shown import params
from figcheck.claims.model import UsageClaim
from figcheck.findings import Finding, Involved

DECREASE_BY_MULTIPLE = "FC601"


def check(claim: UsageClaim, truncation: bool) -> Finding:
    """降低N倍: always reported; the fix is a fraction or a percent (降低了三分之二)."""
    figure = claim.stated.figure
    values = dict(stated=claim.stated.label.lstrip("，,、 ") + figure.raw)
    return Finding(
        DECREASE_BY_MULTIPLE, False, figure, "", values["stated"], (Involved(figure, "change"),), params(values)
    )
