"""Suggestions: the likely typo, one written figure whose correction makes every failing relation it is in hold.

If 撤销9件 makes both a sum and a 败诉率 fail, and 8件 makes both hold, 撤销 is the likely typo and 8 the likely
value; in a table, 47 typed for 74 fails both its column's 合计 (FC401) and its row's 占比 (FC402), and both
findings name 「47」 → 74 instead of two corrections that fix one relation each. How a figure is named:

1. A candidate is a figure in two to six failing relations (a typo shows in two or three; a figure in dozens is
   no single typo), written plainly: a qualified (约, 超过), ranged or fractional figure is no typo.
2. Each failing relation it is in proposes values for it, at its written precision (solve.py): an additive
   relation (sums, flows, balances, repeated figures) the one value that makes its written figures agree; a
   rate, share or change the values its stated rounding allows — a rate stated to 0.1% pins a count only within
   an interval, so several counts may be proposed. Where an additive relation proposes a value, only its
   proposals are tried: amounts to two decimals one last digit apart may both pass within rounding, but only one
   makes the written figures agree.
3. A proposal is kept when, with the figure corrected to it (written to the same precision), every relation the
   figure is in, checked again, holds if it failed and does not fail if it held or could not be decided. The
   figure has a fix only when exactly one proposal is kept: when two counts both satisfy every relation, which
   was meant is a guess and nothing is named.
4. Each failing relation names the figure in it that has a fix. When several do — 撤销 and 确认违法 both in a sum
   of outcomes and in a 败诉率 over their sum: raising either fixes both — it names the one whose fix is a slip
   of its written form (two adjacent digits swapped, one digit changed, the point moved: slips.py), if exactly
   one is; otherwise none (ambiguous).

The value is written as the figure is: its decimals and its scale word (1.35万 → 1.45万).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from fractions import Fraction

from figcheck.checks import slips
from figcheck.checks.shown import at_precision, decimal
from figcheck.checks.tolerance import exact
from figcheck.claims.model import Claim
from figcheck.figures import Figure
from figcheck.findings import Finding

_FEWEST_RELATIONS, _MOST_RELATIONS = 2, 6

Recheck = Callable[[Claim], Finding | None]
Checked = list[tuple[Claim, Finding | None]]  # every claim with what its check gave (None: not checked)


def name_likely_typos(results: list[Finding], checked: Checked, recheck: Recheck) -> list[Finding]:
    """Add `typo`, `typo_value` and `typo_count` to the failing findings that one corrected figure would all fix.

    `checked` pairs every claim with its result (`results` holds the decided ones); `recheck` checks a claim
    again, under the same configuration, once a figure in it is corrected."""
    failing = [result for result in results if not result.passed]
    members = _members(failing)
    fixes = _fixes(members, checked, recheck)
    named: dict[int, dict[str, str]] = {}
    for finding in failing:
        chosen = _choose(finding, fixes)
        if chosen is not None:
            figure, value = chosen
            count = str(len(members[figure.start][1]))
            named[id(finding)] = {"typo": figure.raw, "typo_value": at_precision(value, figure), "typo_count": count}
    out = []
    for result in results:
        if id(result) in named:
            params = dict(result.params) | named[id(result)]
            result = dataclasses.replace(result, params=tuple(sorted(params.items())))
        out.append(result)
    return out


def _members(failing: list[Finding]) -> dict[int, tuple[Figure, list[Finding]]]:
    """Each figure in a failing relation (by its offset), with the failing relations it is in."""
    members: dict[int, tuple[Figure, list[Finding]]] = {}
    for finding in failing:
        for start in dict.fromkeys(involved.figure.start for involved in finding.figures):
            figure = next(involved.figure for involved in finding.figures if involved.figure.start == start)
            members.setdefault(start, (figure, []))[1].append(finding)
    return members


def _fixes(
    members: dict[int, tuple[Figure, list[Finding]]], checked: Checked, recheck: Recheck
) -> dict[int, tuple[Figure, Fraction]]:
    """The figures that have exactly one value making every relation they are in hold, with that value."""
    wanted = {
        start
        for start, (figure, findings) in members.items()
        if _FEWEST_RELATIONS <= len(findings) <= _MOST_RELATIONS and _plain(figure)
    }
    if not wanted:
        return {}
    claims = {id(result): claim for claim, result in checked if result is not None}
    around: dict[int, Checked] = {start: [] for start in wanted}
    for claim, result in checked:
        for start in _starts(claim) & wanted:
            around[start].append((claim, result))
    fixes = {}
    for start in sorted(wanted):
        figure, findings = members[start]
        failing = [claims[id(finding)] for finding in findings if id(finding) in claims]
        value = _only_fix(figure, failing, around[start], recheck)
        if value is not None:
            fixes[start] = (figure, value)
    return fixes


def _plain(figure: Figure) -> bool:
    """A figure written as a plain number to a known precision: the only kind a slip of the hand is read in."""
    return (
        figure.qualifier == "none"
        and figure.high is None
        and not isinstance(figure.value, Fraction)
        and bool(figure.resolution)
    )


def _only_fix(figure: Figure, failing: list[Claim], around: Checked, recheck: Recheck) -> Fraction | None:
    """The one value proposed by the failing relations that makes every relation around the figure hold."""
    from figcheck.checks.solve import MOST_PROPOSALS, pins, solve  # only for a figure in two failing relations

    pinning = [claim for claim in failing if pins(claim)]
    proposed = {value for claim in pinning or failing for value in solve(claim, figure)}
    candidates = sorted(value for value in proposed if value >= 0 and value != exact(figure.value))
    if len(candidates) > MOST_PROPOSALS:
        return None
    kept = [value for value in candidates if _holds(_corrected(figure, value), around, recheck)]
    return kept[0] if len(kept) == 1 else None


def _holds(corrected: Figure, around: Checked, recheck: Recheck) -> bool:
    """Whether, with the figure corrected, each relation it is in that failed holds and none that did not fails."""
    for claim, before in around:
        after = recheck(_substitute(claim, corrected))
        if _failed(before):
            if after is None or not after.passed or after.undecided:
                return False
        elif _failed(after):
            return False
    return True


def _failed(result: Finding | None) -> bool:
    return result is not None and not result.passed and not result.undecided


def _choose(finding: Finding, fixes: dict[int, tuple[Figure, Fraction]]) -> tuple[Figure, Fraction] | None:
    """The figure a failing relation names: its only figure with a fix, or among several the only slip."""
    starts = dict.fromkeys(involved.figure.start for involved in finding.figures if involved.figure.start in fixes)
    explaining = [fixes[start] for start in starts]
    if len(explaining) > 1:
        explaining = [(figure, value) for figure, value in explaining if _is_slip(figure, value)]
    return explaining[0] if len(explaining) == 1 else None


def _is_slip(figure: Figure, value: Fraction) -> bool:
    """Whether `value` is the figure as written with one slip of the hand (slips.py)."""
    return any(exact(slip.corrected.value) == value for slip in slips.slips(figure))


def _corrected(figure: Figure, value: Fraction) -> Figure:
    """The figure as it would be written with `value`, to its written precision."""
    numeral = at_precision(value, figure)
    raw = figure.raw.replace(figure.numeral, numeral, 1) if figure.numeral else numeral
    return dataclasses.replace(figure, value=decimal(value), numeral=numeral, raw=raw)


def _starts(node: object) -> set[int]:
    """The offsets of every figure in a claim (its placed figures, terms, options …)."""
    if isinstance(node, Figure):
        return {node.start}
    if isinstance(node, tuple):
        return set().union(*(_starts(item) for item in node))
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        return set().union(*(_starts(getattr(node, field.name)) for field in dataclasses.fields(node)))
    return set()


def _substitute(node: object, corrected: Figure) -> object:
    """A claim (or a part of one) with the figure at `corrected`'s offset replaced by it."""
    if isinstance(node, Figure):
        return corrected if node.start == corrected.start else node
    if isinstance(node, tuple):
        return tuple(_substitute(item, corrected) for item in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changed = {field.name: _substitute(getattr(node, field.name), corrected) for field in dataclasses.fields(node)}
        return dataclasses.replace(node, **changed)
    return node
