"""Checking change claims: A → B against the stated percent, points, amount or multiple.

Both endpoints are intervals (as written); the change computed from them is an interval too, taken
at the corners (every relation here is monotonic in A and in B), and must meet the stated change's
interval. A doubling (翻N番) is a round statement: it holds within 5% of 2^N.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product

from figcheck.checks.shown import at_precision, decimal, exact_text, in_scale_of, params, shown, suggested
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.claims.model import ChangeClaim
from figcheck.figures import Figure
from figcheck.figures.numerals import format_decimal
from figcheck.findings import Finding, Involved

CHANGE_MISMATCH, POINTS_AS_PERCENT, MULTIPLE_READING, TABLE_GROWTH_MISMATCH = "FC301", "FC302", "FC303", "FC403"

_DOUBLING_SLACK = Fraction(5, 100)


def _ends(figure: Figure) -> tuple[Fraction, Fraction]:
    span = interval(figure)
    value = exact(figure.value)
    return (value if span.lo is None else span.lo), (value if span.hi is None else span.hi)


def _computed(relation: str, direction: int, base: Figure, result: Figure) -> tuple[Fraction, Interval] | None:
    """The change the endpoints give (a point) and every value their rounding allows."""
    a, b = exact(base.value), exact(result.value)
    if relation in ("percent", "fraction", "multiple-net", "multiple-total", "multiple", "doubling") and a <= 0:
        return None
    sign = -1 if direction < 0 else 1

    def value(a: Fraction, b: Fraction) -> Fraction:
        if relation == "percent":
            return sign * (b - a) / a * 100
        if relation == "fraction":
            return sign * (b - a) / a
        if relation in ("points", "difference"):
            return sign * (b - a)
        if relation == "multiple-net":
            return b / a - 1
        return b / a  # multiple-total, doubling, and the total reading of an ambiguous multiple

    corners = [
        value(x, y) for x, y in product(_ends(base), _ends(result)) if x > 0 or relation in ("points", "difference")
    ]
    if not corners:
        return None
    return value(a, b), Interval(min(corners), max(corners))


def check(claim: ChangeClaim, truncation: bool) -> Finding | None:
    change = claim.stated.figure
    base, result = claim.base.figure, claim.result.figure
    involved = (Involved(change, "change"), Involved(base, "base"), Involved(result, "result"))
    readings = ["multiple-net", "multiple-total"] if claim.relation == "multiple" else [claim.relation]
    code = TABLE_GROWTH_MISMATCH if claim.table else CHANGE_MISMATCH
    first: Finding | None = None
    doubtful: Finding | None = None
    for relation in readings:
        computed = _computed(relation, claim.direction, base, result)
        if computed is None:
            return None
        point, span = computed
        formula = _formula(relation, claim.direction, base, result, point, change)
        reading, doubt = _allowance(relation, change, span, point, truncation)
        written = in_scale_of(point, change) if relation == "difference" else shown(point, change)
        values = dict(stated=change.raw, computed=written + _unit_word(relation, change), formula=formula)
        exact_value = exact_text(point) if relation == "difference" else shown(point, change)
        if reading and not doubt:
            if relation == "percent" and not interval(change).contains(point):
                confusion = _points_as_written(claim, base, result, change, involved, truncation)
                if confusion is not None:
                    return confusion  # 44% → 45%「提高1%」: the points as written, not the rounding's corner
            return Finding(code, True, change, exact_value, formula, involved, params(values), reading)
        if doubt and doubtful is None:
            doubtful = Finding(code, False, change, exact_value, formula, involved, params(values), undecided=doubt)
        if first is None:
            values["suggested"] = _suggested(relation, point, change, written)
            first = Finding(code, False, change, exact_value, formula, involved, params(values))
    return doubtful or _diagnose(claim, base, result, change, involved, truncation) or first


def _points_as_written(
    claim: ChangeClaim, base: Figure, result: Figure, change: Figure, involved, truncation: bool
) -> Finding | None:
    """A percent change of two percentages that holds only through their rounding, while the
    difference in points gives the stated figure as written: the points are what the text means."""
    points = _computed("points", claim.direction, base, result) if base.unit in ("%", "‰") else None
    if points is None or not interval(change).contains(points[0]):
        return None
    return _diagnose(claim, base, result, change, involved, truncation)


def _diagnose(
    claim: ChangeClaim, base: Figure, result: Figure, change: Figure, involved, truncation: bool
) -> Finding | None:
    """The likely confusion behind a failing change: percent for points, or the two readings of 倍."""
    if claim.relation == "percent" and base.unit in ("%", "‰"):
        points = _computed("points", claim.direction, base, result)
        if points is not None and _allowance("points", change, points[1], points[0], truncation)[0]:
            formula = _formula("points", claim.direction, base, result, points[0], change)
            relative = _computed("percent", claim.direction, base, result)
            values = dict(
                stated=change.raw,
                points=format_decimal(decimal(points[0])),
                suggested=at_precision(points[0], change),
                relative=shown(relative[0], change) + "%",
                formula=formula,
            )
            return Finding(
                POINTS_AS_PERCENT, False, change, shown(points[0], change), formula, involved, params(values)
            )
    other = {"multiple-net": "multiple-total", "multiple-total": "multiple-net"}.get(claim.relation)
    if other:
        computed = _computed(other, claim.direction, base, result)
        if computed is not None and _allowance(other, change, computed[1], computed[0], truncation)[0]:
            formula = _formula(
                claim.relation,
                claim.direction,
                base,
                result,
                _computed(claim.relation, claim.direction, base, result)[0],
                change,
            )
            ratio = exact(result.value) / exact(base.value)
            values = dict(stated=change.raw, ratio=shown(ratio, change), net=shown(ratio - 1, change), formula=formula)
            values.update(suggested_ratio=at_precision(ratio, change), suggested_net=at_precision(ratio - 1, change))
            return Finding(MULTIPLE_READING, False, change, shown(ratio, change), formula, involved, params(values))
    return None


def _allowance(relation: str, change: Figure, span: Interval, point: Fraction, truncation: bool) -> tuple[str, str]:
    """(allowance, doubt) as tolerance.decide gives them; a doubling is a round statement of its own."""
    if relation == "doubling":
        target = Fraction(2) ** int(exact(change.value))
        near = Interval(target * (1 - _DOUBLING_SLACK), target * (1 + _DOUBLING_SLACK))
        return ("exact" if point == target else ("qualifier" if near.meets(span) else "")), ""
    return decide(change, span, point, truncation)


def _formula(relation: str, direction: int, base: Figure, result: Figure, point: Fraction, change: Figure) -> str:
    a, b = base.numeral, result.numeral
    first, second = (a, b) if direction < 0 else (b, a)
    written = shown(point, change)
    if relation == "percent":
        return f"({first} − {second}) / {a} = {written}%"
    if relation == "fraction":
        return f"({first} − {second}) / {a} = {_fraction_text(point)}"
    if relation == "points":
        return f"{first} − {second} = {written}个百分点"
    if relation == "difference":
        return f"{first} − {second} = {in_scale_of(point, change)}"
    if relation == "multiple-net":
        return f"{b} / {a} − 1 = {written}倍"
    if relation == "doubling":
        return f"{b} / {a} = {written}（翻{change.numeral}番 = {2 ** int(exact(change.value))}倍）"
    return f"{b} / {a} = {written}倍"


def _fraction_text(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}" if value.denominator != 1 else str(value.numerator)


def _suggested(relation: str, point: Fraction, change: Figure, written: str) -> str:
    """The change a suggestion names, as the text writes its figure; a doubling's multiple stays as computed (the
    text writes 番, not the multiple)."""
    return (written if relation == "doubling" else suggested(point, change, written)) + _unit_word(relation, change)


def _unit_word(relation: str, change: Figure) -> str:
    return {"percent": "%", "points": "个百分点", "multiple-net": "倍", "multiple-total": "倍"}.get(relation, "")
