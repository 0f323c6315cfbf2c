"""Suggestions: the likely typo where several failing relations share one figure.

If 撤销9件 makes both a sum and a 败诉率 fail, and 8件 makes both hold, 撤销 is the likely typo and
8 the likely value. For each failing finding we solve for each of its figures the value that would
make it hold; a figure whose solutions agree across two or more failing findings is named.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from fractions import Fraction

from figcheck.checks import balance, rate, share
from figcheck.checks import sum as sums
from figcheck.figures import Figure
from figcheck.figures.numerals import format_decimal, ratio_factor
from figcheck.findings import Finding

_SUM_CODES = (
    sums.SUM_MISMATCH,
    sums.PARTS_EXCEED_TOTAL,
    sums.BREAKDOWN_SHORT,
    sums.BREAKDOWN_SLIP,
    sums.TABLE_SUM_MISMATCH,
)
_RATIO_CODES = (rate.NAMED_RATE_MISMATCH, rate.INFERRED_RATE_MISMATCH, share.SHARE_MISMATCH)


def _value(figure: Figure) -> Fraction:
    return Fraction(figure.value)


def _solve(finding: Finding, target: Figure) -> Fraction | None:
    """The value of `target` that makes the finding's relation hold exactly, if it has one."""
    roles = [(involved.figure, involved.role) for involved in finding.figures]
    if finding.code in _SUM_CODES:
        total = next(f for f, role in roles if role == "total")
        parts = [f for f, role in roles if role == "part"]
        if target is total:
            return sum((_value(p) for p in parts), Fraction(0))
        others = sum((_value(p) for p in parts if p is not target), Fraction(0))
        return _value(total) - others
    if finding.code == balance.TABLE_BALANCE_MISMATCH:  # left = right: solve for the target on its side
        sides = {
            side: sum((_value(f) for f, role in roles if role == side and f is not target), Fraction(0))
            for side in ("left", "right")
        }
        own = next(role for f, role in roles if f is target)
        return sides["right" if own == "left" else "left"] - sides[own]
    if finding.code in _RATIO_CODES:
        stated = next(f for f, role in roles if role in ("rate", "share"))
        numerators = [f for f, role in roles if role in ("numerator", "part")]
        denominators = [f for f, role in roles if role in ("denominator", "whole")]
        pending = [f for f, role in roles if role == "pending"]
        if len(numerators) != 1 or len(denominators) != 1 or stated.value == 0:
            return None
        factor = ratio_factor(stated.unit)
        whole = _value(denominators[0]) - sum((_value(p) for p in pending), Fraction(0))
        if target is numerators[0]:
            return round(_value(stated) * whole / factor)
        if target is denominators[0]:
            return round(_value(numerators[0]) * factor / _value(stated)) + sum(
                (_value(p) for p in pending), Fraction(0)
            )
    return None


def name_likely_typos(results: list[Finding]) -> list[Finding]:
    """Add `typo` and `typo_value` to the failing findings that one corrected figure would all fix."""
    failing = [r for r in results if not r.passed]
    shared: dict[int, list[Finding]] = {}
    figures: dict[int, Figure] = {}
    for finding in failing:
        for involved in finding.figures:
            shared.setdefault(involved.figure.start, []).append(finding)
            figures[involved.figure.start] = involved.figure
    named: dict[int, tuple[str, str, str]] = {}
    for start, findings in shared.items():
        if not 2 <= len(findings) <= 6:
            continue  # a typo shows in two or three relations; a figure in dozens is no single typo
        figure = figures[start]
        solutions = {_solve(f, figure) for f in findings}
        if len(solutions) == 1 and None not in solutions:
            value = solutions.pop()
            if value != _value(figure) and value >= 0:
                shown = format_decimal(Decimal(value.numerator) / Decimal(value.denominator))
                for finding in findings:
                    named[id(finding)] = (figure.raw, shown, str(len(findings)))
    out = []
    for result in results:
        if id(result) in named:
            typo, value, count = named[id(result)]
            params = dict(result.params) | {"typo": typo, "typo_value": value, "typo_count": count}
            result = dataclasses.replace(result, params=tuple(sorted(params.items())))
        out.append(result)
    return out
