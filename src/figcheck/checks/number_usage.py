"""Numbers written against GB/T 15835-2011 (claims/number_usage.py): style notes (info), each with the spelling the
standard asks for. The recognizer finds only numbers so written; each is reported."""

from __future__ import annotations

from figcheck.checks.shown import params
from figcheck.claims.model import NumberUsageClaim
from figcheck.findings import Finding, Involved


def check(claim: NumberUsageClaim, truncation: bool) -> Finding:
    figure = claim.stated.figure
    values = params(dict(stated=figure.raw, suggested=claim.suggestion, count=str(claim.count)))
    return Finding(claim.code, False, figure, claim.suggestion, figure.raw, (Involved(figure, "number"),), values)
