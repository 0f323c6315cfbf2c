"""Solving a relation for one of its figures: the values the likely-typo search (typos.py) tries.

An additive relation — a sum (FC101–FC105, FC401), a case flow (FC104), a table's balance (FC405), the
changes of a total's parts (FC308), a named difference (FC305), a repeated figure (FC501) — proposes the one
value that makes its written figures agree exactly (撤销9件 in 「审结25件：撤销9件、驳回…」 → 8). A ratio — a
rate with any number of numerator and denominator terms (FC201, FC202), a share (FC204) or a table's share or
rate column (FC402, FC404), a named quotient (FC206), a change between two figures in percent or points (FC301,
FC403) — pins a figure only within an interval, since its stated figure is rounded: 败诉率20.7% over 82 cases
asks for a numerator between 16.93 and 17.02. It proposes every value at the figure's written precision within
that interval (reaching half a last digit further up, where a truncated stated figure reaches). Proposals are
only proposals: typos.py keeps those that make every relation the figure is in hold, rechecked as written — and
where an additive relation pins a value, tries only that one (a value one last digit away may pass too, within
the figures' rounding, but only one makes them agree).
"""

from __future__ import annotations

import math
from fractions import Fraction

from figcheck.checks.tolerance import exact, interval
from figcheck.claims.model import (
    BalanceClaim,
    ChangeClaim,
    ChangePartsClaim,
    Claim,
    FlowClaim,
    FormulaClaim,
    RateClaim,
    RepeatClaim,
    ShareClaim,
    SumClaim,
)
from figcheck.figures import Figure
from figcheck.figures.numerals import ratio_factor

MOST_PROPOSALS = 200  # an interval holding more values at the figure's precision pins nothing

Signed = list[tuple[Figure, int]]  # figures with their signs in a relation that reads Σ sign·value = 0


def solve(claim: Claim, target: Figure) -> list[Fraction]:
    """The values of `target` (at its written precision) that may make `claim` hold; [] when none is known."""
    terms = _additive(claim)
    if terms is not None:
        return _balance(terms, target)
    if isinstance(claim, RateClaim):
        return [
            value
            for option in claim.options
            for value in _ratio(
                claim.stated.figure,
                ratio_factor(claim.stated.figure.unit),
                [(t.placed.figure, t.sign) for t in option.numerator],
                [(t.placed.figure, t.sign) for t in option.denominator],
                target,
            )
        ]
    if isinstance(claim, ShareClaim):
        factor = ratio_factor(claim.unit or claim.stated.figure.unit)
        return _ratio(claim.stated.figure, factor, [(claim.part.figure, 1)], [(claim.base.figure, 1)], target)
    if isinstance(claim, FormulaClaim) and claim.operation == "quotient" and claim.first is not None:
        factor = claim.factor or ratio_factor(claim.stated.figure.unit)
        return _ratio(claim.stated.figure, factor, [(claim.first.figure, 1)], [(claim.second.figure, 1)], target)
    if isinstance(claim, ChangeClaim):
        return _change(claim, target)
    return []


def pins(claim: Claim) -> bool:
    """Whether the relation is additive: its proposal is the one value that makes its written figures agree."""
    return _additive(claim) is not None


def _additive(claim: Claim) -> Signed | None:
    """The figures of a relation that reads Σ sign·value = 0, or None for any other relation."""
    if isinstance(claim, SumClaim):
        return [(claim.stated.figure, 1)] + [(placed.figure, -1) for placed in claim.parts]
    if isinstance(claim, FlowClaim):  # new + carried in − concluded − pending = 0
        inflows = [(placed.figure, 1) for placed in claim.inflows]
        return inflows + [(claim.concluded.figure, -1), (claim.stated.figure, -1)]
    if isinstance(claim, BalanceClaim):  # left − right − stated = 0
        left = [(placed.figure, 1) for placed in claim.left]
        return left + [(placed.figure, -1) for placed in claim.right] + [(claim.stated.figure, -1)]
    if isinstance(claim, ChangePartsClaim):
        changes = [(placed.figure, -sign * claim.direction) for placed, sign in claim.changes]
        return [(claim.stated.figure, 1)] + changes
    if isinstance(claim, FormulaClaim) and claim.operation == "difference":
        return [(claim.stated.figure, 1), (claim.first.figure, -1), (claim.second.figure, 1)]
    if isinstance(claim, RepeatClaim):
        return [(claim.stated.figure, 1), (claim.earlier.figure, -1)]
    return None


def _balance(terms: Signed, target: Figure) -> list[Fraction]:
    signs = [sign for figure, sign in terms if figure.start == target.start]
    if len(signs) != 1:
        return []
    rest = sum((exact(f.value) * sign for f, sign in terms if f.start != target.start), Fraction(0))
    return _nearest(-rest / signs[0], target)


def _ratio(stated: Figure, factor: int, top: Signed, bottom: Signed, target: Figure) -> list[Fraction]:
    """Values of `target` within reach of Σtop / Σbottom × factor = stated, the stated figure as an interval."""
    numerator = sum((exact(f.value) * sign for f, sign in top), Fraction(0))
    denominator = sum((exact(f.value) * sign for f, sign in bottom), Fraction(0))
    if target.start == stated.start:
        return _nearest(numerator / denominator * factor, target) if denominator > 0 else []
    low, high = _reach(stated)
    if low is None or high is None:
        return []
    for side, own in ((top, True), (bottom, False)):
        signs = [sign for figure, sign in side if figure.start == target.start]
        if len(signs) != 1:
            continue
        if own:  # numerator ∈ [low, high] × denominator / factor
            bounds = [low * denominator / factor, high * denominator / factor]
            rest = numerator - signs[0] * exact(target.value)
        elif low > 0 and numerator > 0:  # denominator ∈ numerator × factor / [high, low]
            bounds = [numerator * factor / high, numerator * factor / low]
            rest = denominator - signs[0] * exact(target.value)
        else:
            return []
        return _between([(bound - rest) / signs[0] for bound in bounds], target)
    return []


def _change(claim: ChangeClaim, target: Figure) -> list[Fraction]:
    """The base or the result that gives the stated change in percent or points (a direction must be written)."""
    base, result, stated = claim.base.figure, claim.result.figure, claim.stated.figure
    if claim.relation not in ("percent", "points", "difference") or not claim.direction:
        return []
    a, b = exact(base.value), exact(result.value)
    if target.start == stated.start and (a > 0 or claim.relation != "percent"):
        return _nearest(claim.direction * (b - a) * (100 / a if claim.relation == "percent" else 1), target)
    low, high = _reach(stated)
    if low is None or high is None or target.start not in (base.start, result.start):
        return []
    changes = [claim.direction * low, claim.direction * high]
    if claim.relation != "percent":  # b − a = change
        ends = [a + change for change in changes] if target.start == result.start else [b - c for c in changes]
    elif target.start == result.start:  # b = a × (1 + change / 100)
        ends = [a * (1 + change / 100) for change in changes]
    elif min(changes) > -100:  # a = b / (1 + change / 100)
        ends = [b / (1 + change / 100) for change in changes]
    else:
        return []
    return _between(ends, target)


def _reach(stated: Figure) -> tuple[Fraction | None, Fraction | None]:
    """The stated figure's interval, one last digit wider above (a truncated figure reaches that far)."""
    span = interval(stated)
    if span.lo is None or span.hi is None:
        return None, None
    return span.lo, span.hi + Fraction(stated.resolution) / 2


def _nearest(value: Fraction, target: Figure) -> list[Fraction]:
    """`value` at the target's written precision, half up."""
    step = Fraction(target.resolution)
    return [math.floor(value / step + Fraction(1, 2)) * step] if step else []


def _between(ends: list[Fraction], target: Figure) -> list[Fraction]:
    """Every value at the target's written precision between two ends (in either order)."""
    step = Fraction(target.resolution)
    if not step:
        return []
    first, last = math.ceil(min(ends) / step), math.floor(max(ends) / step)
    if last - first >= MOST_PROPOSALS:
        return []
    return [k * step for k in range(first, last + 1)]
