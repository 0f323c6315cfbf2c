"""How computed values are written in findings: one formatter for every kind.

A computed value is shown to one more decimal than the stated figure it is compared with (at least
one; two when the stated figure has no written resolution), so the reader sees why it does or does
not round to the stated one. Amounts are shown in the scale word of the figure they are compared
with (3.12亿, not 312000000).

A suggestion names a value the text could print instead: `suggested` writes it as the stated figure is
written — its decimals, rounded half up, and its scale word (变化应为 23.9%, not 23.86%, beside a stated
25.9%). Should that rounding give back what the text states (「超过50%」 failing against 49.6%), it takes one
decimal more, so the suggestion never repeats the figure it corrects.
"""

from __future__ import annotations

import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from figcheck.figures import Figure
from figcheck.figures.numerals import format_decimal, scale_of

_MORE_DECIMALS = 6  # at most this many decimals beyond the stated figure's, to step off a rounding edge


def decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def shown(value: Fraction, stated: Figure) -> str:
    """「40.5」 for 15/37 as a percent beside a stated 「41%」; 「32.0」 for 8/25."""
    decimals = max(1, -Decimal(stated.resolution).as_tuple().exponent + 1) if stated.resolution else 2
    return str(decimal(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))


def in_scale_of(value: Fraction, stated: Figure) -> str:
    """An amount written in the stated figure's scale word: 312000000 beside 3.12亿 → 3.12亿."""
    scale, word = scale_of(stated.numeral)
    amount = decimal(value) / scale
    if value.denominator != 1 or scale != 1:
        amount = amount.quantize(Decimal("0.0001"))
    return sys.intern(format_decimal(amount) + word)


def exact_text(value: Fraction) -> str:
    """The exact value, for the `computed` field: 25, 40.54054054054054054054054054."""
    # interned, as in_scale_of's: every finding keeps both, passed ones too, and they repeat (0, 100, 25)
    return sys.intern(format_decimal(decimal(value)))


def params(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """A finding's message parameters, in a stable order."""
    return tuple(sorted(values.items()))


def written_decimals(figure: Figure) -> int | None:
    """The decimals a figure is written to in its own scale word: 23.9% → 1, 3.12亿 → 2, 7000万 → 0; None when
    it has no written resolution (持平, 三分之二)."""
    if not figure.resolution or not isinstance(figure.value, Decimal):
        return None
    scale, _ = scale_of(figure.numeral)
    return max(0, -(Decimal(figure.resolution) / scale).normalize().as_tuple().exponent)


def _rounded(value: Fraction, figure: Figure, decimals: int) -> Decimal:
    """`value` in `figure`'s scale word, rounded half up to `decimals` more decimals than the figure is written to."""
    scale, _ = scale_of(figure.numeral)
    return (decimal(value) / scale).quantize(Decimal(1).scaleb(-(written_decimals(figure) + decimals)), ROUND_HALF_UP)


def at_precision(value: Fraction, figure: Figure) -> str:
    """`value` written as `figure` is: its decimals, half up, and its scale word — 14500 beside 1.35万 → 1.45万;
    exact when the figure has no written resolution."""
    if written_decimals(figure) is None:
        return in_scale_of(value, figure)
    return format(_rounded(value, figure, 0), "f") + scale_of(figure.numeral)[1]


def suggested(value: Fraction, stated: Figure, otherwise: str, sign: int = 1) -> str:
    """The value a suggestion names, at the stated figure's precision (`at_precision`), one decimal more while
    that rounding is a value the stated figure is written as (its value, or its range; times `sign` when
    the relation reads it negated); `otherwise` when the stated figure has no written resolution."""
    if written_decimals(stated) is None:
        return otherwise
    scale, word = scale_of(stated.numeral)
    high = stated.value if stated.high is None else stated.high
    ends = sorted(Fraction(end) * sign / scale for end in (stated.value, high))
    for more in range(_MORE_DECIMALS + 1):
        rounded = _rounded(value, stated, more)
        if not ends[0] <= Fraction(rounded) <= ends[1]:
            break
    return format(rounded, "f") + word
