"""Growth of a count of whole things: 「全年发生生产安全事故27起，下降27.0%」. A year before there was a whole
number of accidents, and 27 over it, less one, must round to −27.0% (37 before: −27.03%). For a small count
and a precise rate few whole numbers qualify, so a slip in the rate or the count shows (GRIM, applied to
growth). Read only where the check can fail: where the growth rates that whole numbers of things give, near
the stated one, lie further apart than the stated rate's precision."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from figcheck import rulebook
from figcheck.claims.common import states_change
from figcheck.claims.growth_parts import growth_of
from figcheck.claims.model import GrowthGrimClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook


@rulebook.derived
def _count_units(book: Rulebook) -> frozenset[str]:
    """What a count of whole things is counted in (units.toml [units] count): not money, time, measures."""
    data = book.load("units.toml")
    aliases = data.get("aliases", {})
    return frozenset(aliases.get(unit, unit) for unit in data["units"]["count"])


def growth_grim_claims(layout: Layout) -> list[GrowthGrimClaim]:
    claims = []
    units = _count_units(layout.book)
    for placed in layout.placed:
        if not _whole_things(placed, units):
            continue
        growth = growth_of(layout, placed)
        if growth is None or growth[0].index != placed.index + 1 or states_change(layout, placed):
            continue  # only the growth right after the count: 「27起，下降27.0%」
        rate, direction = growth
        if (
            rate.figure.unit == "%"
            and rate.figure.qualifier == "none"
            and _informative(placed.figure.value, rate.figure, direction)
        ):
            claims.append(GrowthGrimClaim(rate, placed, direction))
    return claims


def _whole_things(placed: Placed, units: frozenset[str]) -> bool:
    figure = placed.figure
    return (
        figure.unit in units
        and not figure.measured
        and figure.high is None
        and figure.qualifier == "none"
        and figure.resolution == 1
        and isinstance(figure.value, Decimal)
        and figure.value == figure.value.to_integral_value()
        and 1 <= figure.value <= 1_000_000
    )


def _informative(count: Decimal, rate, direction: int) -> bool:
    """Whether the growth rates whole earlier counts give, around the stated one, are further apart than the
    stated rate's precision: else every rate passes and nothing is verified."""
    growth = Fraction(rate.value) / 100 * direction
    if growth <= -1 or not rate.resolution:
        return False
    before = int(Fraction(count) / (1 + growth))
    if before < 1:
        return False
    spacing = Fraction(count) / before - Fraction(count) / (before + 1)
    return spacing * 100 > Fraction(rate.resolution)
