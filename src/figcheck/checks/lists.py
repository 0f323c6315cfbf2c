"""Numbered lists (claims/lists.py): a number that skips or repeats (FC603), and a count that announces
more or fewer items than follow it (FC602). A list in order passes silently: it is no relation between figures."""

from __future__ import annotations

from figcheck.checks.shown import params
from figcheck.claims.model import ListClaim
from figcheck.findings import Finding, Involved

COUNT_VS_LIST, LIST_NUMBERING = "FC602", "FC603"


def check(claim: ListClaim, truncation: bool) -> Finding | None:
    if claim.kind == "count":
        return None if claim.number == claim.expected else _count(claim)
    if claim.number == claim.expected + 1:
        return None
    if claim.number == claim.expected:
        why = ("与前一项编号重复", "repeats the number before it")
    else:  # a skip (claims/lists.py reads no number below the list's last)
        missing = "、".join(str(n) for n in range(claim.expected + 1, claim.number))
        why = (f"跳过了第{missing}项", f"skips item {missing.replace('、', ', ')}")
    return _finding(claim, LIST_NUMBERING, why, str(claim.expected + 1))


def _count(claim: ListClaim) -> Finding:
    why = (f"其后列出了{claim.expected}项", f"{claim.expected} items follow it")
    return _finding(claim, COUNT_VS_LIST, why, str(claim.expected))


def _finding(claim: ListClaim, code: str, why: tuple[str, str], expected: str) -> Finding:
    figure = claim.stated.figure
    values = dict(stated=figure.raw, why=why[0], why_en=why[1], expected=expected, listed=str(claim.expected))
    return Finding(code, False, figure, expected, why[0], (Involved(figure, "marker"),), params(values))
