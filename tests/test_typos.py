"""The likely-typo search (checks/typos.py): one figure whose correction makes every failing relation it is in
hold is named in each of them; several figures or several values that could each do it name none."""

from __future__ import annotations

from figcheck.checks import check
from figcheck.claims.model import ChangeClaim, ShareClaim
from figcheck.figures import find_figures
from figcheck.layout import Placed
from figcheck.pipeline import check_text
from figcheck.report import suggestion

TABLE_47_FOR_74 = """| 类别 | 件数 | 占比（%） |
| --- | --- | --- |
| 行政许可 | 120 | 27.5 |
| 行政处罚 | 47 | 17.0 |
| 行政强制 | 242 | 55.5 |
| 合计 | 436 | 100.0 |"""
LOSS_RATE = "全县受理行政复议案件100件，审结82件，其中维持{}件、撤销{}件、确认违法5件、驳回5件，败诉率为{}%。"


def _suggestions(text: str, path: str = "<text>") -> list[tuple[str, str]]:
    return [(f.code, suggestion(f, "zh")) for f in check_text(text, path).findings]


def _typos(text: str, path: str = "<text>") -> set[tuple[str, str, str]]:
    named = [dict(f.params) for f in check_text(text, path).findings if "typo" in dict(f.params)]
    return {(p["typo"], p["typo_value"], p["typo_count"]) for p in named}


def test_a_table_digit_swap_behind_a_sum_and_a_share_is_named_in_both():
    typo = "「47」同时出现在 2 个不成立的关系中，改为 74 时均成立，可能是笔误；"
    assert _suggestions(TABLE_47_FOR_74, "report.md") == [
        ("FC402", typo + "按计数，占比应为 10.8%"),
        ("FC401", typo + "若各项无误，合计应为 409；否则请核对各项"),
    ]


def test_one_numerator_of_a_two_term_rate_is_solved_for():
    typo = "「21件」同时出现在 2 个不成立的关系中，改为 12 时均成立，可能是笔误；"
    assert _suggestions(LOSS_RATE.format(60, 21, "20.7")) == [
        ("FC101", typo + "若各分项无误，总数应为 91；若总数无误，请核对各分项"),
        ("FC201", typo + "按计数，比率应为 31.7%"),
    ]


def test_two_figures_that_could_each_fix_everything_name_none():
    # 撤销 7 → 12 or 确认违法 5 → 10: the sum and the rate over their sum hold either way, neither is a slip
    findings = check_text(LOSS_RATE.format(60, 7, "20.7")).findings
    assert sorted(f.code for f in findings) == ["FC101", "FC201"]
    assert not any("typo" in dict(f.params) for f in findings)


def test_among_figures_that_could_each_fix_everything_the_only_slip_is_named():
    # 撤销 12 → 21 (two digits swapped) or 确认违法 5 → 14 (not a slip)
    assert _typos(LOSS_RATE.format(51, 12, "31.7")) == {("12件", "21", "2")}


def test_a_relation_that_holds_as_written_keeps_its_figure_from_being_named():
    # 21 is also the total of its own breakdown (10 + 11), which would fail with 12
    text = (
        "全县受理行政复议案件100件，审结82件，其中维持60件、撤销21件（其中区政府10件、部门11件）、"
        "确认违法5件、驳回5件，败诉率为20.7%。"
    )
    assert _typos(text) == set()


def test_the_value_is_written_to_the_figures_precision_and_scale():
    text = (
        "12. “卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）”24.99万元，主要用于事业单位医疗。"
        "2024年执行数为22.10万元，2025年预算数为24.90万元，比2024年执行数增加13.08%。"
    )
    assert _typos(text) == {("24.90万元", "24.99万", "2")}


def _ratios(written: str) -> list:
    """A share and a change sharing their part: hospitals this year, of all institutions and against last year."""
    part, whole, share, base, growth = (Placed(f, i, 0, 0, -1, "") for i, f in enumerate(find_figures(written)))
    return check([ShareClaim(share, part, whole), ChangeClaim(growth, base, part, "percent", 1)])


def test_rates_alone_name_a_figure_only_when_one_value_fits_both():
    results, _ = _ratios("医院102个，机构500个，占24.0%，上年100个，增长20.0%")  # 120 alone: 24.0% of 500, 1.2 × 100
    assert {(dict(f.params)["typo"], dict(f.params)["typo_value"]) for f in results} == {("102个", "120")}


def test_rates_alone_that_leave_several_counts_name_none():
    results, _ = _ratios("医院1020个，机构5000个，占24%，上年1000个，增长20%")  # 1195 to 1205 all fit both
    assert len(results) == 2 and not any(f.passed for f in results)
    assert not any("typo" in dict(f.params) for f in results)
