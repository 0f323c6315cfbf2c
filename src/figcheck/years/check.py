"""One statement of change against the earlier document's value of the same item (FC309).

「财政拨款收入15621.11万元，比2023年预算减少876.75万元」 with the 2023 budget's 「财政拨款收入16497.86万元」:
16497.86 − 15621.11 = 876.75 ✓. Each figure is the interval its written precision allows (checks/tolerance.py),
the two documents' values included, and only what rounding cannot explain fails. 「持平」 is a change of exactly
0: the two values must meet. A percent is the change over the earlier value; an earlier value that may be 0 or
less bounds nothing, and the statement stays unverified.

The earlier value is the one amount the earlier document states under the item's name. A name it gives to
amounts that cannot be one figure (两处「一般行政管理事务」, 45.41万元 and 65.69万元) names nothing, and the
statement is not checked.
"""

from __future__ import annotations

from fractions import Fraction

from figcheck.checks.shown import at_precision, in_scale_of, params, shown
from figcheck.checks.tolerance import Interval, decide, exact, interval
from figcheck.figures import Figure
from figcheck.findings import Elsewhere, Finding, Involved
from figcheck.rulebook import BUNDLED
from figcheck.years.carried import Carried, name_en
from figcheck.years.facts import LEVEL, PERCENT, YearFacts, YearStatement, YearValue

ACROSS_YEARS = "FC309"
_KIND_EN = {"预算": "budget", "决算": "final account"}


def earlier_value(statement: YearStatement, earlier: YearFacts) -> YearValue | None:
    """The earlier document's one amount of the statement's item; None when it states none, or two that differ."""
    found = [value for value in earlier.values if value.label == statement.label]
    if not found:
        return None
    spans = [interval(value.figure) for value in found]
    if not all(span.meets(other) for span in spans for other in spans):
        return None
    return min(found, key=lambda value: _width(interval(value.figure)))  # the most precise of one figure's copies


def check(statement: YearStatement, earlier: YearValue, path: str, truncation: bool) -> Finding | None:
    """The statement against the earlier value found at `path`; None when the values cannot decide it."""
    now, then, change = statement.value, earlier.figure, statement.change
    nows, thens = interval(now), interval(then)
    if None in (nows.lo, nows.hi, thens.lo, thens.hi):
        return None
    up = statement.direction >= 0  # an increase, or 持平 (read as the later amount less the earlier)
    first, second = (now, then) if up else (then, now)  # the larger, as the statement reads the change
    point = exact(first.value) - exact(second.value)
    if statement.relation == PERCENT:
        if thens.lo <= 0:
            return None
        corners = [(n - t) / t * (100 if up else -100) for n in (nows.lo, nows.hi) for t in (thens.lo, thens.hi)]
        span = Interval(min(corners), max(corners))
        point = point / exact(then.value) * 100
        written = shown(point, change) + "%"
        formula = f"({first.numeral} − {second.numeral}) / {then.numeral} = {written}"
    else:
        span = nows + -thens if up else thens + -nows
        written = in_scale_of(point, change)  # 持平's figure is written in the amounts' scale word
        formula = f"{first.numeral} − {second.numeral} = {written}"
    reading, doubt = decide(change, span, point, truncation)
    passed = bool(reading) and not doubt
    values = dict(
        stated=change.raw,
        computed=written,
        formula=formula,
        year=str(statement.year),
        kind=statement.kind,
        kind_en=_KIND_EN[statement.kind],
        label=earlier.label,
        earlier=then.raw,
        path=path,
    )
    if not passed:
        values["suggested"] = _suggested(statement, then)
    involved = (Involved(change, "change"), Involved(now, "result"))
    elsewhere = Elsewhere(
        path, earlier.label, then.raw, then.start, then.end, earlier.line, earlier.column, earlier.locator
    )
    return Finding(ACROSS_YEARS, passed, change, written, formula, involved, params(values), reading, doubt, elsewhere)


def _suggested(statement: YearStatement, earlier: Figure) -> str:
    """The change as it should read, in words, at the precision the statement writes: 「减少0.30万元」, 「增长4.8%」,
    「持平」 (a change the other way, or none, is said as such)."""
    change, now = statement.change, statement.value
    delta = exact(now.value) - exact(earlier.value)
    if delta == 0:
        return "持平"
    if statement.relation == PERCENT:
        percent = abs(delta) / exact(earlier.value) * 100
        return ("增长" if delta > 0 else "下降") + at_precision(percent, change) + "%"
    written = at_precision(abs(delta), now if statement.relation == LEVEL else change)
    return ("增加" if delta > 0 else "减少") + written + now.unit


def _width(span: Interval) -> Fraction:
    return span.hi - span.lo  # values are bounded on both sides (facts.py leaves out 超过…, 不足…)


CARRIED_OVER = "FC310"


def check_carried(into: list[Carried], out: list[Carried], path: str, year: int, truncation: bool) -> list[Finding]:
    """This year's carried-in rows against last year's carried-out rows of the same pair, column by column: a row
    of each length, where each document has one (rows of one name and length that differ name none)."""
    findings = []
    for length in sorted({len(row.figures) for row in into}):
        now, then = _one(into, length), _one(out, length)
        if now is None or then is None:
            continue
        for figure, earlier, place in zip(now.figures, then.figures, then.places, strict=True):
            findings.append(_carried_finding(now, figure, then, earlier, place, path, year, truncation))
    return findings


def _one(rows: list[Carried], length: int) -> Carried | None:
    values = {tuple(exact(figure.value) for figure in row.figures): row for row in rows if len(row.figures) == length}
    return next(iter(values.values())) if len(values) == 1 else None


def _carried_finding(
    now: Carried,
    figure: Figure,
    then: Carried,
    earlier: Figure,
    place: tuple[int, int, str],
    path: str,
    year: int,
    truncation: bool,
) -> Finding:
    span = interval(earlier)
    point = exact(earlier.value)
    # two figures of one quantity: equal within their precision, never a matter of coarse inputs
    reading, _ = decide(figure, span, point, truncation)
    passed = bool(reading)
    written = in_scale_of(point, figure)
    formula = f"{figure.numeral} {'=' if passed else '≠'} {earlier.numeral}"
    values = dict(
        stated=figure.raw,
        computed=written,
        formula=formula,
        name=now.name,
        name_en=name_en(BUNDLED, now.name),
        label=then.label,
        earlier=earlier.raw,
        path=path,
        year=str(year),
    )
    if not passed:
        values["suggested"] = written
    elsewhere = Elsewhere(path, then.label, earlier.raw, earlier.start, earlier.end, *place)
    involved = (Involved(figure, "carried"),)
    return Finding(CARRIED_OVER, passed, figure, written, formula, involved, params(values), reading, "", elsewhere)
