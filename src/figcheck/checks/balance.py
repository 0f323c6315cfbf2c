"""Checking a table's balance (FC405): the terms on the left of an identity its headers name add up to the
terms on the right (rules/tables.toml), within the precision each cell is written to."""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import exact_text, in_scale_of, params, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import BalanceClaim
from figcheck.findings import Finding, Involved

TABLE_BALANCE_MISMATCH = "FC405"


def check(claim: BalanceClaim, truncation: bool) -> Finding:
    stated = claim.stated.figure
    left = [placed.figure for placed in claim.left]
    right = [placed.figure for placed in claim.right]
    incoming = sum((exact(f.value) for f in left), Fraction(0))
    point = incoming - sum((exact(f.value) for f in right), Fraction(0))
    span = Interval.point(Fraction(0))
    for figure in left:
        span = span + interval(figure)
    for figure in right:
        span = span + -interval(figure)
    computed = in_scale_of(point, stated)
    names = (
        list(claim.labels) if len(claim.labels) == len(left) + len(right) + 1 else [""] * (len(left) + len(right) + 1)
    )

    def named(figure, name: str) -> str:
        return f"{name} {figure.numeral}" if name else figure.numeral

    left_text = " + ".join(named(f, n) for f, n in zip(left, names, strict=False))
    right_names = names[len(left) :]
    formula = " + ".join(f.numeral for f in left) + "".join(f" − {f.numeral}" for f in right) + f" = {computed}"
    involved = (
        Involved(stated, "right"),
        *(Involved(f, "left") for f in left),
        *(Involved(f, "right") for f in right),
    )
    values = dict(
        identity=claim.name,
        identity_en=claim.name_en or claim.name,
        stated=stated.raw,
        stated_name=right_names[-1] or stated.raw,
        computed=computed,
        left=left_text,
        left_total=in_scale_of(incoming, stated),
        right=" + ".join(named(f, n) for f, n in zip([*right, stated], right_names, strict=False)),
    )
    reading, doubt = decide(stated, span, point, truncation)
    passed = bool(reading) and not doubt
    if not passed:
        values["suggested"] = suggested(point, stated, computed)
    return Finding(
        TABLE_BALANCE_MISMATCH, passed, stated, exact_text(point), formula, involved, params(values), reading, doubt
    )
