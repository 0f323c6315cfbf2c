"""Recomputing each claim exactly and comparing within the precision written.

Arithmetic is on `Fraction`s built from the figures' exact decimals; a relation holds when the
interval computed from the inputs meets the stated figure's interval (see tolerance.py). Each pass
records the allowance it relied on: exact, half-up rounding, truncation, or a qualifier (约, 余 …).
One module per kind; the check for a kind accepts exactly its claim type.
"""

from __future__ import annotations

import functools

from figcheck.checks import (
    balance,
    change,
    change_parts,
    composition,
    dates,
    flow,
    formula,
    grim,
    growth_grim,
    growth_parts,
    implied_change,
    lists,
    number_usage,
    rate,
    repeat,
    share,
    usage,
)
from figcheck.checks import sum as sums
from figcheck.checks.typos import name_likely_typos
from figcheck.claims.model import (
    BalanceClaim,
    ChangeClaim,
    ChangePartsClaim,
    Claim,
    CompositionClaim,
    DateClaim,
    EarlierValueClaim,
    FlowClaim,
    FormulaClaim,
    GrimClaim,
    GrowthGrimClaim,
    GrowthPartsClaim,
    ImpliedChangeClaim,
    ListClaim,
    NumberUsageClaim,
    RateClaim,
    RepeatClaim,
    ShareClaim,
    SumClaim,
    UsageClaim,
)
from figcheck.findings import Finding

_CHECKS = {
    SumClaim: sums.check,
    FlowClaim: flow.check,
    BalanceClaim: balance.check,
    RateClaim: rate.check,
    ShareClaim: share.check,
    CompositionClaim: composition.check,
    GrimClaim: grim.check,
    ChangeClaim: change.check,
    ImpliedChangeClaim: implied_change.check,
    EarlierValueClaim: implied_change.check_earlier,
    FormulaClaim: formula.check,
    GrowthPartsClaim: growth_parts.check,
    ChangePartsClaim: change_parts.check,
    GrowthGrimClaim: growth_grim.check,
    UsageClaim: usage.check,
    RepeatClaim: repeat.check,
    DateClaim: dates.check,
    ListClaim: lists.check,
    NumberUsageClaim: number_usage.check,
}


def check(claims: list[Claim], accept_truncation: bool = True) -> tuple[list[Finding], list[Finding]]:
    """A Finding per claim: failed relations and passed ones alike (reports choose what to show), and
    apart from them the relations the figures as written cannot decide (`Finding.undecided`).

    `accept_truncation`: whether a truncated figure (40.54% written 40%) passes, as well as a rounded one."""
    results, undecided, checked = [], [], []
    for claim in claims:
        result = _check_one(claim, accept_truncation)
        checked.append((claim, result))
        if result is not None:
            (undecided if result.undecided else results).append(result)
    recheck = functools.partial(_check_one, truncation=accept_truncation)
    return name_likely_typos(results, checked, recheck), undecided


def _check_one(claim: Claim, truncation: bool) -> Finding | None:
    return _CHECKS[type(claim)](claim, truncation)
