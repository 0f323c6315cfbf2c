"""What a written figure can stand for: an interval, given its precision and qualifier.

Published figures are rounded. A figure written to resolution r stands for [v − r/2, v + r/2] when
rounded half up (or half even), and [v, v + r] when truncated; an integer count (25件) stands for
itself. Qualifiers direct the interval, measured in the place of the last non-zero digit p
(300 → 100, 1500 → 100, 20 → 10):
  约/左右/上下 (approx)  [v − p/2, v + p/2]
  近/将近 (near)          [v − p, v]
  余/多 (over, inside)    [v, v + p]          1500余 ∈ [1500, 1600], 20多 ∈ [20, 30]
  以上/超过/逾 (over)     [v, ∞)
  不足/不到/以下 (under)  (−∞, v]
Without a qualifier a figure's precision is its last written digit, round or not: 7000万 is
[6999.5万, 7000.5万], 31700公里 is [31699.5, 31700.5]. A check that a round measurement passes only when
read at its last non-zero digit is undecided, not failed (see `decide`).
Intervals are closed: at the boundary we give the benefit of the doubt, as statcheck does.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from figcheck.figures import Figure
from figcheck.figures.numerals import format_decimal, scale_of

HALF_UP, TRUNCATION = "half-up", "truncation"
# Why a check cannot decide (the statement is counted as unverifiable, never ✓ nor an error):
COARSE_INPUTS = "coarse-inputs"  # the inputs are so coarse that their interval covers pass and fail alike
ROUND_STATED = "round-stated"  # the stated figure is a round measurement (31700公里): exact or rounded?


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Fraction | None  # None: unbounded below
    hi: Fraction | None  # None: unbounded above

    def __add__(self, other: Interval) -> Interval:
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi)

    def __neg__(self) -> Interval:
        return Interval(None if self.hi is None else -self.hi, None if self.lo is None else -self.lo)

    def meets(self, other: Interval) -> bool:
        below = self.hi is not None and other.lo is not None and self.hi < other.lo
        above = self.lo is not None and other.hi is not None and self.lo > other.hi
        return not (below or above)

    def contains(self, value: Fraction) -> bool:
        return (self.lo is None or self.lo <= value) and (self.hi is None or value <= self.hi)

    def scaled(self, factor: Fraction) -> Interval:
        return Interval(None if self.lo is None else self.lo * factor, None if self.hi is None else self.hi * factor)

    @staticmethod
    def point(value: Fraction) -> Interval:
        return Interval(value, value)


@functools.lru_cache(maxsize=8192)
def exact(value: Decimal | Fraction) -> Fraction:
    """The value as a fraction. Remembered: a document repeats few distinct values, and building a
    Fraction from a Decimal is the costliest step of most checks."""
    return Fraction(value)


def last_place(figure: Figure) -> Fraction:
    """Place value of the last non-zero digit, never finer than the written resolution."""
    value = abs(Fraction(figure.value))
    resolution = Fraction(figure.resolution) if figure.resolution else Fraction(0)
    if value == 0 or value.denominator != 1:
        return resolution
    number, place = value.numerator, 1
    while number % 10 == 0:
        number //= 10
        place *= 10
    return max(Fraction(place), resolution)


def interval(figure: Figure, rounding: str = HALF_UP) -> Interval:
    """The values a written figure is consistent with."""
    value = exact(figure.value)
    resolution = exact(figure.resolution)
    if figure.high is not None:
        half = resolution / 2
        return Interval(value - half, exact(figure.high) + half)
    if isinstance(figure.value, Fraction) and figure.high is None:
        # 三分之二 stands for what rounds to it among thirds: [1.5/3, 2.5/3]; 约占 widens nothing more
        half = Fraction(1, 2 * value.denominator)
        low, high = value - half, value + half
        if figure.qualifier == "over":
            return Interval(value, None if "以上" in figure.raw else high)
        if figure.qualifier == "under":
            return Interval(None, value)
        return Interval(low, high)
    if figure.qualifier == "none":
        if (figure.is_exact and not figure.measured) or resolution == 0:
            return Interval.point(value)
        if rounding == TRUNCATION:
            return Interval(value, value + resolution) if value >= 0 else Interval(value - resolution, value)
        return Interval(value - resolution / 2, value + resolution / 2)
    place = last_place(figure)
    if figure.qualifier == "approx":
        return Interval(value - place / 2, value + place / 2)
    if figure.qualifier == "near":
        return Interval(value - place, value)
    if figure.qualifier == "over":
        bounded = any(mark in figure.raw for mark in ("余", "多"))
        return Interval(value, value + place if bounded else None)
    if figure.qualifier == "under":
        return Interval(None, value)
    return Interval.point(value)


def allowance(stated: Figure, computed: Interval, point: Fraction | None, truncation: bool) -> str:
    """Which reading of the stated figure the computed value meets — exact, half-up, truncation (when
    the configuration accepts truncated figures: 40.54% written 40%), or what its qualifier allows —
    or "" when none does."""
    value = exact(stated.value)
    if point is not None and stated.qualifier == "none" and stated.high is None and point == value:
        return "exact"
    if stated.qualifier != "none" or isinstance(stated.value, Fraction):
        return "qualifier" if interval(stated).meets(computed) else ""
    if interval(stated, HALF_UP).meets(computed):
        return HALF_UP
    if truncation and not stated.is_exact and _meets_truncated(value, Fraction(stated.resolution), computed):
        return TRUNCATION
    return ""


def decide(stated: Figure, computed: Interval, point: Fraction | None, truncation: bool) -> tuple[str, str]:
    """(allowance, doubt): what a pass relied on (see `allowance`), or why the check cannot decide.

    A figure's precision is its last written digit (7000万 is 6999.5万~7000.5万); only a qualifier widens
    it. A pass that needs the inputs' rounding (the figures as written miss the stated value) while
    almost every value the inputs allow fails is no verification: 「由1.2亿元降至1.1亿元，下降16%」 computes
    8.3%, and only a corner of 1.2亿 and 1.1亿 reaches 16% (COARSE_INPUTS). Where a fair part of those
    values passes — three parts in 万元 to two decimals adding to one hundredth more than their total —
    the rounding explains the difference and the relation holds. A failure that disappears when a round
    measurement is read at its last non-zero digit (31700公里 against parts adding to 31701) may be a
    total rounded on purpose (ROUND_STATED)."""
    reading = allowance(stated, computed, point, truncation)
    if reading:
        return reading, (COARSE_INPUTS if reading != "exact" and _too_coarse(stated, computed, point, reading) else "")
    rounded = _round_measurement(stated)
    if rounded is not None and rounded.meets(computed):
        return "", ROUND_STATED
    return "", ""


def _too_coarse(stated: Figure, computed: Interval, point: Fraction | None, reading: str) -> bool:
    own = interval(stated, TRUNCATION if reading == TRUNCATION else HALF_UP)
    if point is None or own.lo is None or own.hi is None or own.contains(point):
        return False  # the figures as written already give the stated value: the inputs' rounding is not needed
    if computed.lo is None or computed.hi is None:
        return True
    width = computed.hi - computed.lo
    if _finer_than_inputs(own, width) and width <= abs(point) * _NARROW:
        return False
    overlap = max(Fraction(0), min(computed.hi, own.hi) - max(computed.lo, own.lo))
    return overlap < width * _LEAST_PASSING


def _finer_than_inputs(own: Interval, width: Fraction) -> bool:
    """A stated figure written far more precisely than its inputs (a sex ratio 98.04 from counts in 万 to two
    decimals) was computed from unrounded counts: only a sliver of the inputs' interval can meet it, however
    right it is. It is decided by where it lies, when that interval is narrow (`_NARROW`)."""
    return own.lo is not None and own.hi is not None and (own.hi - own.lo) * _FINER <= width


# The least part of the values the inputs allow that must meet the stated figure for a pass that relies
# on the inputs' rounding. Measured on the corpus: sums off by one last digit pass a third to a quarter of
# their values; the examples of coarse inputs (1.2亿 → 1.1亿 for 16%, 7000万 + 1.6亿 for 2.4亿) pass 3% and less.
_LEAST_PASSING = Fraction(1, 5)
# A stated figure whose interval is at least _FINER times narrower than the inputs' is finer than they are
# (eight: a sum of six parts written to the same digit as its total is not). It passes as rounding when the
# inputs pin the value within _NARROW of itself (98.17 ± 0.25 for 98.04: one part in 400), and stays
# undecided when they do not ((0.14万 − 0.03万) / 0.03万 spans 286~480).
_FINER = 8
_NARROW = Fraction(1, 50)


def _round_measurement(figure: Figure) -> Interval | None:
    """A measurement written as a round integer, read at its last non-zero digit; None when the figure is
    not one (or that reading is its written one)."""
    value = exact(figure.value)
    place = last_place(figure)
    if not figure.measured or figure.qualifier != "none" or value.denominator != 1 or place <= figure.resolution:
        return None
    return Interval(value - place / 2, value + place / 2)


def _meets_truncated(value: Fraction, resolution: Fraction, computed: Interval) -> bool:
    """Truncation keeps [s, s + r) (toward zero for negatives): 32.0 truncates to 32, never to 31."""
    low, high = computed.lo, computed.hi
    if value >= 0:
        return (high is None or high >= value) and (low is None or low < value + resolution)
    return (low is None or low <= value) and (high is None or high > value - resolution)


def describe(figure: Figure) -> str:
    """The stated figure's interval as the reader would write it: 32% → 31.5~32.5, 3.12亿 → 3.115亿~3.125亿."""
    scale, word = scale_of(figure.numeral)
    span = interval(figure)

    def shown(value: Fraction) -> str:
        amount = Decimal(value.numerator) / Decimal(value.denominator) / scale
        return format_decimal(amount.quantize(Decimal("0.000001"))) + word

    if span.lo is None and span.hi is None:
        return "—"
    if span.lo is None:
        return f"≤ {shown(span.hi)}"
    if span.hi is None:
        return f"≥ {shown(span.lo)}"
    if span.lo == span.hi:
        return shown(span.lo)
    return f"{shown(span.lo)}~{shown(span.hi)}"
