"""Changes of a total and of all its parts, as amounts: 「一般公共预算收入17.9亿元，比上年增收1.4亿元。其中税收收入
11.1亿元，增收0.1亿元；非税收入6.8亿元，增收1.3亿元」. What the parts gained, less what they lost, is what the
total gained: 0.1 + 1.3 = 1.4.

Read from a breakdown whose every part, and its total, is followed directly by its change as an amount
(比上年增加/减少…, 增收, 减支 …; growth_parts.amount_change)."""

from __future__ import annotations

from functools import partial

from figcheck.claims.growth_parts import amount_change, read_breakdowns
from figcheck.claims.model import ChangePartsClaim, SumClaim
from figcheck.layout import Layout


def change_parts_claims(layout: Layout, sums: list[SumClaim]) -> list[ChangePartsClaim]:
    return [
        ChangePartsClaim(total[0], claim.stated, claim.parts, total[1], tuple(changes))
        for claim, total, changes in read_breakdowns(sums, partial(amount_change, layout))
    ]
