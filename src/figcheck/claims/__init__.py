"""What the text asserts between its figures: one recognizer module per kind, typed claims in model.py."""

from __future__ import annotations

from figcheck.claims.budget_item import budget_item_claims
from figcheck.claims.change import change_claims
from figcheck.claims.change_parts import change_parts_claims
from figcheck.claims.composition import composition_claims
from figcheck.claims.dates import date_claims
from figcheck.claims.flow import flow_claims
from figcheck.claims.formula import formula_claims
from figcheck.claims.growth_gap import growth_gap_claims
from figcheck.claims.growth_grim import growth_grim_claims
from figcheck.claims.growth_parts import growth_parts_claims
from figcheck.claims.growth_shares import growth_share_claims
from figcheck.claims.implied_change import implied_change_claims
from figcheck.claims.lists import list_claims
from figcheck.claims.model import (
    ChangeClaim,
    Claim,
    EarlierValueClaim,
    ImpliedChangeClaim,
    RateClaim,
    ShareClaim,
    SumClaim,
)
from figcheck.claims.number_usage import number_usage_claims
from figcheck.claims.rate import rate_claims
from figcheck.claims.repeat import repeat_claims
from figcheck.claims.share import share_claims
from figcheck.claims.sum import sum_claims
from figcheck.claims.table import table_claims
from figcheck.layout import Layout


def find_claims(layout: Layout, tables: tuple = ()) -> list[Claim]:
    """Every claim in the document, in text order of their stated figure."""
    claims: list[Claim] = table_claims(layout, tables)
    claims += sum_claims(layout)
    sums = [claim for claim in claims if isinstance(claim, SumClaim)]
    flows = flow_claims(layout)
    claims += flows
    claims += rate_claims(layout, sums, flows)
    claims += share_claims(layout, sums)
    claims += composition_claims(layout, {claim.stated.index for claim in claims if isinstance(claim, ShareClaim)})
    claims += change_claims(layout)
    claims += _new(claims, budget_item_claims(layout))
    claims += _new(claims, implied_change_claims(layout))
    # a share or a named rate already checks its figure; a formula's definition wins over an inferred rate
    ratios = {
        claim.stated.figure.start
        for claim in claims
        if isinstance(claim, ShareClaim) or (isinstance(claim, RateClaim) and claim.named)
    }
    formulas = [claim for claim in formula_claims(layout) if claim.stated.figure.start not in ratios]
    formulas += growth_gap_claims(layout)
    defined = {claim.stated.figure.start for claim in formulas}
    claims = [claim for claim in claims if not (isinstance(claim, RateClaim) and claim.stated.figure.start in defined)]
    claims += formulas
    claims += growth_parts_claims(layout, sums)
    claims += _new(claims, growth_share_claims(layout))
    claims += change_parts_claims(layout, sums)
    claims += growth_grim_claims(layout)
    parts = {part.index for claim in claims if isinstance(claim, SumClaim) for part in claim.parts}
    claims += repeat_claims(layout, parts)
    claims += date_claims(layout)
    claims += list_claims(layout, tables)
    claims += number_usage_claims(layout, tables)
    return sorted(claims, key=lambda claim: (claim.stated.figure.start, _KIND_ORDER[type(claim).__name__]))


def _new(claims: list[Claim], found: list) -> list[Claim]:
    """The claims in `found` on a figure no claim of the kind states yet; a change already read in full
    (「比…的」, 由…到…) leaves no room for the implied readings of the same figure."""
    stated = {(type(claim), claim.stated.figure.start) for claim in claims}
    changes = {start for kind, start in stated if kind is ChangeClaim}
    return [
        claim
        for claim in found
        if (type(claim), claim.stated.figure.start) not in stated
        and not (isinstance(claim, (ImpliedChangeClaim, EarlierValueClaim)) and claim.stated.figure.start in changes)
    ]


# Claims on one figure sort as the old string kinds did (change < grim < rate < repeat < share < sum < usage),
# so the report order stays what users and golden files know; a flow sorts first.
_KIND_ORDER = {
    "FlowClaim": -1,
    "BalanceClaim": -1,
    "ChangeClaim": 0,
    "GrimClaim": 1,
    "ImpliedChangeClaim": 0,
    "EarlierValueClaim": 0,
    "FormulaClaim": 1,
    "GrowthPartsClaim": 1,
    "ChangePartsClaim": 1,
    "GrowthGrimClaim": 1,
    "CompositionClaim": 4,
    "RateClaim": 2,
    "RepeatClaim": 3,
    "ShareClaim": 4,
    "SumClaim": 5,
    "UsageClaim": 6,
    "DateClaim": 7,
    "ListClaim": 7,
    "NumberUsageClaim": 7,
}
