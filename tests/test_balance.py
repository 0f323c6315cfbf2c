"""The balance check (FC405) on its own: sides of any length, as a user's identity may have them."""

from __future__ import annotations

from figcheck.checks.balance import check
from figcheck.claims.model import BalanceClaim
from figcheck.figures import find_figures
from figcheck.layout import layout


def test_every_term_on_the_right_is_taken_away():
    text = "50 30 20 25 36"
    a, b, c, d, e = layout(text, find_figures(text)).placed
    finding = check(BalanceClaim(e, (a, b), (c, d), "五项", "five", ("甲", "乙", "丙", "丁", "戊")), True)
    assert finding.formula == "50 + 30 − 20 − 25 = 35"
    assert not finding.passed and finding.computed == "35"
    params = dict(finding.params)
    assert (params["left"], params["right"], params["left_total"]) == ("甲 50 + 乙 30", "丙 20 + 丁 25 + 戊 36", "80")
