"""Checking sums: the parts against their total, each figure an interval as written.

A complete breakdown (合计, a remainder class, a category set) must add up (FC101, FC401 in a
table); parts can never exceed their total (FC102); a tight open list that falls short is only a
note (FC103): it may list only some of the parts — unless the gap is exactly what one slip in one
figure explains (slips.py: two digits swapped, a digit changed, the point moved), a warning naming
that figure and the value that makes the sum hold (FC105).
"""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks import slips
from figcheck.checks.shown import exact_text, in_scale_of, params, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import COMPLETE, OPEN, SumClaim
from figcheck.findings import Finding, Involved

SUM_MISMATCH, PARTS_EXCEED_TOTAL, BREAKDOWN_SHORT, TABLE_SUM_MISMATCH = "FC101", "FC102", "FC103", "FC401"
BREAKDOWN_SLIP = "FC105"
_SLIP_KINDS = {
    slips.SWAP: ("两位数字颠倒", "two digits swapped"),
    slips.DIGIT: ("一位数字写错", "one digit wrong"),
    slips.POINT: ("小数点错位", "decimal point misplaced"),
}
PART_OF_WHOLE = "part-of-whole"  # the allowance of a partial list: parts ≤ total holds


def check(claim: SumClaim, truncation: bool) -> Finding | None:
    total = claim.stated.figure
    parts = [placed.figure for placed in claim.parts]
    point = sum((exact(p.value) for p in parts), Fraction(0))
    span = Interval.point(Fraction(0))
    for part in parts:
        span = span + interval(part)
    computed = in_scale_of(point, total)
    formula = " + ".join(p.numeral or p.raw for p in parts) + f" = {computed}"
    if len(parts) == 1:
        formula = f"{parts[0].numeral} ≤ {total.numeral}"
    involved = (Involved(total, "total"),) + tuple(Involved(p, "part") for p in parts)
    values = dict(stated=total.numeral, computed=computed)
    stated_span = interval(total)
    excess = stated_span.hi is not None and span.lo is not None and span.lo > stated_span.hi
    reading, doubt = decide(total, span, point, truncation)
    if doubt and _part_of_whole(claim, excess):
        reading = PART_OF_WHOLE  # parts of an open list that need not add up: only part ≤ whole is asserted
    elif doubt:
        code = TABLE_SUM_MISMATCH if claim.table else SUM_MISMATCH
        return Finding(code, False, total, exact_text(point), formula, involved, params(values), undecided=doubt)
    reading = reading or _part_of_whole(claim, excess)
    if reading:
        code = TABLE_SUM_MISMATCH if claim.table else PARTS_EXCEED_TOTAL if reading == PART_OF_WHOLE else SUM_MISMATCH
        return Finding(code, True, total, exact_text(point), formula, involved, params(values), reading)
    code = _failing_code(claim, excess)
    if code is None:
        return None
    gap = in_scale_of(abs(point - exact(total.value)), total)
    values.update(gap=gap, evidence=claim.evidence, suggested=suggested(point, total, computed))
    if claim.completeness == COMPLETE:
        values["difference"] = f"多 {gap}" if excess else f"少 {gap}"
        values["difference_en"] = f"{gap} too many" if excess else f"{gap} short"
    slip = slips.only_slip(total, parts, truncation) if code == BREAKDOWN_SHORT else None
    if slip is not None:
        code = BREAKDOWN_SLIP
        kind, kind_en = _SLIP_KINDS[slip.kind]
        values.update(slip=slip.figure.raw, slip_value=slips.shown(slip), slip_kind=kind, slip_kind_en=kind_en)
    return Finding(code, False, total, exact_text(point), formula, involved, params(values))


def _part_of_whole(claim: SumClaim, excess: bool) -> str:
    """A single part, or a list marked 等/主要 or loose, that does not exceed the total: it holds."""
    if excess or claim.completeness == COMPLETE:
        return ""
    if claim.tight and len(claim.parts) > 1 and claim.completeness == OPEN:
        return ""
    return PART_OF_WHOLE


def _failing_code(claim: SumClaim, excess: bool) -> str | None:
    if claim.completeness == COMPLETE:
        return TABLE_SUM_MISMATCH if claim.table else SUM_MISMATCH
    if excess and (claim.tight or _first_part_exceeds(claim)):
        return PARTS_EXCEED_TOTAL
    if not excess:
        return BREAKDOWN_SHORT  # a tight open list that falls short: a note, it may list only some parts
    return None  # a loose list (other figures between its parts) that overshoots may be two statements


def _first_part_exceeds(claim: SumClaim) -> bool:
    """The part right after 其中 is surely a part: on its own it must not exceed the total."""
    first = interval(claim.parts[0].figure)
    stated = interval(claim.stated.figure)
    return first.lo is not None and stated.hi is not None and first.lo > stated.hi
