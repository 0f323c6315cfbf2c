"""One slip in one written figure that would make a breakdown add up.

「共1960件，其中A 1250件、B 380件、C 270件」 falls 60 short; written 1900 the total would hold, and
1960 is 1900 with one digit changed. The slips tried on a figure written in Arabic digits are the
ones a hand makes: two adjacent digits swapped (1520 for 1250), one digit changed (1960 for 1900),
the decimal point moved (5.693 for 56.93). A corrected figure keeps its written precision, and the
relation must then hold as every relation does: within the rounding of each figure.

A slip names a figure only when it is specific. Changing the last written digit explains any
shortfall under ten units of that digit, so it never names a figure on its own; and when slips in
two different figures (or two different values of one) would each explain the gap, none is named:
which figure to correct is then a guess.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from figcheck import patterns
from figcheck.checks.tolerance import Interval, allowance, exact, interval
from figcheck.figures import Figure
from figcheck.figures.numerals import format_decimal, scale_of

SWAP, DIGIT, POINT = "swap", "digit", "point"
_WIDE = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_ARABIC = patterns.compile(r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<decimals>\d+))?")


class Slip(NamedTuple):
    """A figure as it may have been meant: the corrected figure and the kind of slip."""

    figure: Figure  # as written in the text
    corrected: Figure
    kind: str  # swap | digit | point
    specific: bool  # not a change of the last written digit


def _digits(figure: Figure) -> tuple[str, int, int] | None:
    """(digits, decimals, scale) of a figure written in Arabic digits and an optional scale word."""
    if figure.qualifier != "none" or figure.high is not None or not isinstance(figure.value, Decimal):
        return None
    scale, word = scale_of(figure.numeral)
    core = figure.numeral[: len(figure.numeral) - len(word)].translate(_WIDE)
    match = _ARABIC.fullmatch(core)
    if match is None:
        return None
    digits = match["whole"].replace(",", "") + (match["decimals"] or "")
    decimals = len(match["decimals"] or "")
    if Decimal(int(digits)).scaleb(-decimals) * scale != figure.value:
        return None  # not the plain reading of its digits: leave it alone
    return digits, decimals, scale


def _figure(figure: Figure, digits: str, decimals: int, scale: int) -> Figure | None:
    """The figure written with other digits (or another decimal point), its precision as written."""
    whole = digits[: len(digits) - decimals] or "0"
    if len(whole) > 1 and whole.startswith("0"):
        return None  # nobody writes 0250
    numeral = whole + ("." + digits[len(digits) - decimals :] if decimals else "")
    _, word = scale_of(figure.numeral)
    value = Decimal(numeral) * scale
    resolution = Decimal(1).scaleb(-decimals) * scale
    raw = figure.raw.replace(figure.numeral, numeral + word, 1)
    # built directly, not by dataclasses.replace, which reads the fields anew for each of the many candidates
    return Figure(
        figure.start, figure.end, raw, value, figure.unit, figure.qualifier, resolution, figure.high,
        numeral + word, figure.rounded, figure.measured,
    )  # fmt: skip


def slips(figure: Figure, near: Interval | None = None) -> list[Slip]:
    """Every figure one slip away from `figure` (none for Chinese numerals and qualified figures); with
    `near`, only those whose value lies within a resolution of it (the others cannot explain a gap, and
    building a figure for each of them is most of the cost)."""
    read = _digits(figure)
    if read is None:
        return []
    digits, decimals, scale = read
    found: list[tuple[str, str, int, bool]] = []
    for at in range(len(digits) - 1):
        if digits[at] != digits[at + 1]:
            swapped = digits[:at] + digits[at + 1] + digits[at] + digits[at + 2 :]
            found.append((SWAP, swapped, decimals, True))
    for at, digit in enumerate(digits):
        for other in "0123456789":
            if other != digit:
                found.append((DIGIT, digits[:at] + other + digits[at + 1 :], decimals, at < len(digits) - 1))
    if decimals:
        found += [(POINT, digits, moved, True) for moved in range(len(digits) + 1) if moved != decimals]
    out = []
    bounds: dict[int, tuple[int | None, int | None]] = {}
    for kind, written, places, specific in found:
        if near is not None:
            if places not in bounds:
                bounds[places] = _digit_bounds(near, scale, places)
            low, high = bounds[places]
            if (low is not None and int(written) < low) or (high is not None and int(written) > high):
                continue
        corrected = _figure(figure, written, places, scale)
        if corrected is not None:
            out.append(Slip(figure, corrected, kind, specific))
    return out


def _digit_bounds(near: Interval, scale: int, places: int) -> tuple[int | None, int | None]:
    """The digits (as one integer) a value written to `places` decimals in units of `scale` may have and still
    meet `near` within one last place: integer bounds, so that each candidate is two comparisons and no
    fraction is built for the many that cannot explain the gap."""
    step = Fraction(10**places, scale)  # written digits per unit of value
    low = None if near.lo is None else math.ceil(near.lo * step) - 1
    high = None if near.hi is None else math.floor(near.hi * step) + 1
    return low, high


def _sum(parts: list[Figure]) -> tuple[Interval, Fraction]:
    span = Interval.point(Fraction(0))
    for part in parts:
        span = span + interval(part)
    return span, sum((exact(p.value) for p in parts), Fraction(0))


def _running_sums(parts: list[Figure]) -> list[Interval]:
    """The interval sums of the first 0, 1, … len(parts) parts: each part's others in linear time."""
    sums = [Interval.point(Fraction(0))]
    for part in parts:
        sums.append(sums[-1] + interval(part))
    return sums


def _reach(total: Figure, truncation: bool) -> Interval:
    """The values the stated total may stand for: its rounding, and with truncated figures accepted (35.3 for
    35.38) up to one last digit above it — where a part's corrected value must bring the sum."""
    stated = interval(total)
    if not truncation or total.is_exact or stated.hi is None:
        return stated
    return Interval(stated.lo, exact(total.value) + Fraction(total.resolution))


def only_slip(total: Figure, parts: list[Figure], truncation: bool) -> Slip | None:
    """The one slip that makes the parts add up to the total, if exactly one figure (with one value)
    explains the gap and that slip is specific; None when none or several do."""
    span, point = _sum(parts)
    explaining = [slip for slip in slips(total, span) if allowance(slip.corrected, span, point, truncation)]
    stated = _reach(total, truncation)
    before, after = _running_sums(parts), _running_sums(parts[::-1])[::-1]
    for position, part in enumerate(parts):
        others, rest = before[position] + after[position + 1], point - exact(part.value)
        for slip in slips(part, stated + -others):
            corrected = slip.corrected
            if allowance(total, others + interval(corrected), rest + exact(corrected.value), truncation):
                explaining.append(slip)
    figures = {slip.figure.start for slip in explaining}
    values = {slip.corrected.value for slip in explaining}
    if len(figures) != 1 or len(values) != 1 or not any(slip.specific for slip in explaining):
        return None
    return next(slip for slip in explaining if slip.specific)


def shown(slip: Slip) -> str:
    """The corrected figure as it would be written: 「1900件」, 「56.93万元」."""
    return slip.corrected.raw or format_decimal(slip.corrected.value)
