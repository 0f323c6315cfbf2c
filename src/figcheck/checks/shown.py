"""How computed values are written in findings: one formatter for every kind.

A computed value is shown to one more decimal than the stated figure it is compared with (at least
one; two when the stated figure has no written resolution), so the reader sees why it does or does
not round to the stated one. Amounts are shown in the scale word of the figure they are compared
with (3.12亿, not 312000000).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from figcheck.figures import Figure
from figcheck.figures.numerals import format_decimal, scale_of


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
    return format_decimal(amount) + word


def exact_text(value: Fraction) -> str:
    """The exact value, for the `computed` field: 25, 40.54054054054054054054054054."""
    return format_decimal(decimal(value))


def params(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """A finding's message parameters, in a stable order."""
    return tuple(sorted(values.items()))
