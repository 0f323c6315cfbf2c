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
    # claims/lists.py makes a sequence claim only where a number continues no list: a repeat or a skip
    if claim.number == claim.expected:
        why, add = ("与前一项编号重复", "repeats the number before it"), ("", "")
    else:  # a skip (claims/lists.py reads no number below the list's last)
        missing = "、".join(str(n) for n in range(claim.expected + 1, claim.number))
        why = (f"跳过了第{missing}项", f"skips item {missing.replace('、', ', ')}")
        add = ("，或补上缺少的项", ", or add the missing items")
    return _finding(claim, LIST_NUMBERING, why, str(claim.expected + 1), or_add=add[0], or_add_en=add[1])


def _count(claim: ListClaim) -> Finding:
    why = (f"其后列出了{claim.expected}项", f"{claim.expected} items follow it")
    return _finding(claim, COUNT_VS_LIST, why, str(claim.expected))


def _finding(claim: ListClaim, code: str, why: tuple[str, str], expected: str, **more: str) -> Finding:
    figure = claim.stated.figure
    at = claim.at.figure  # the item before, or the list's last
    values = dict(stated=figure.raw, why=why[0], why_en=why[1], expected=expected, listed=str(claim.expected), **more)
    involved = (Involved(figure, "marker"), Involved(at, "last" if claim.kind == "count" else "before"))
    return Finding(code, False, figure, expected, why[0], involved, params(dict(values, at=at.raw)))
