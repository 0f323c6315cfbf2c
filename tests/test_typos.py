"""The likely-typo search (checks/typos.py): one figure whose correction makes every failing relation it is in
hold is named in each of them; several figures or several values that could each do it name none. Below, the
values each kind of relation proposes for one of its figures (checks/solve.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from figcheck.checks import check
from figcheck.checks.solve import MOST_PROPOSALS, solve
from figcheck.claims.model import (
    BalanceClaim,
    ChangeClaim,
    ChangePartsClaim,
    FlowClaim,
    FormulaClaim,
    RateClaim,
    RateOption,
    ShareClaim,
    Term,
)
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


def _placed(written: str) -> list[Placed]:
    """The figures of a short passage in the order written, placed as a claim holds them."""
    return [Placed(f, i, 0, 0, -1, "") for i, f in enumerate(find_figures(written))]


def _shares(written: str) -> list:
    """One figure (the first) and its share of each following base: 「102个，占500个的24.0%，占400个的30.0%」."""
    part, *rest = _placed(written)
    results, _ = check([ShareClaim(share, part, base) for base, share in zip(rest[::2], rest[1::2], strict=True)])
    return results


def _named(results: list) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(f.code, f.stated.raw, "failed" if not f.passed else "held", *_typo(f)) for f in results]


def _typo(finding) -> tuple[str | None, str | None]:
    params = dict(finding.params)
    return params.get("typo"), params.get("typo_count")


def test_a_zero_that_fixes_both_relations_is_named():
    table = """| 类别 | 件数 | 占比（%） |
| --- | --- | --- |
| 行政许可 | 120 | 60.0 |
| 行政强制 | 3 | 0.0 |
| 行政处罚 | 80 | 40.0 |
| 合计 | 200 | 100.0 |"""
    typo = "「3」同时出现在 2 个不成立的关系中，改为 0 时均成立，可能是笔误；"
    assert _suggestions(table, "report.md") == [
        ("FC402", typo + "按计数，占比应为 1.5%"),
        ("FC401", typo + "若各项无误，合计应为 203；否则请核对各项"),
    ]


def test_a_qualified_figure_is_no_typo():
    results, _ = _ratios("医院约102个，机构500个，占24.0%，上年100个，增长20.0%")  # 约120 would fit both
    assert [(f.code, f.passed, _typo(f)) for f in results] == [
        ("FC204", False, (None, None)),
        ("FC301", False, (None, None)),
    ]


@pytest.mark.parametrize(("relations", "named"), [(6, ("102个", "6")), (7, (None, None))])
def test_a_figure_in_up_to_six_failing_relations_may_be_named(relations, named):
    bases = [("400", "30.0"), ("600", "20.0"), ("240", "50.0"), ("1200", "10.0"), ("300", "40.0"), ("800", "15.0")]
    bases.append(("150", "80.0"))
    written = "医院102个，" + "，".join(f"占{base}个的{share}%" for base, share in bases[:relations])
    results = _shares(written)  # 120 fits every share
    assert len(results) == relations and {_typo(f) for f in results} == {named}


def test_a_relation_that_held_and_is_left_undecided_does_not_keep_the_figure_from_being_named():
    # 102 of 0.10万 (950 to 1050) is 11% within the base's rounding; 120 of it reaches 11% only at a corner
    results = _shares("医院102个，占500个的24.0%，占400个的30.0%，占0.10万个的11%")
    assert _named(results) == [
        ("FC204", "24.0%", "failed", "102个", "2"),
        ("FC204", "30.0%", "failed", "102个", "2"),
        ("FC204", "11%", "held", None, None),
    ]


def test_a_failing_relation_the_correction_only_leaves_undecided_keeps_the_figure_from_being_named():
    # 120 of 0.10万 reaches 13% only at a corner of the base's rounding: that relation is not shown to hold
    results = _shares("医院102个，占500个的24.0%，占400个的30.0%，占0.10万个的13%")
    assert _named(results) == [
        ("FC204", "24.0%", "failed", None, None),
        ("FC204", "30.0%", "failed", None, None),
        ("FC204", "13%", "failed", None, None),
    ]


def test_as_many_values_as_a_ratio_may_propose_are_all_tried():
    # 24% of 13300 allows the MOST_PROPOSALS counts 3126 to 3325; 80.00% of 4000 only 3200, which fits both
    results = _shares("项目2300个，占13300个的24%，占4000个的80.00%")
    assert _named(results) == [("FC204", "24%", "failed", "2300个", "2"), ("FC204", "80.00%", "failed", "2300个", "2")]
    part, base, share = _placed("项目2300个，占13300个的24%")
    assert solve(ShareClaim(share, part, base), part.figure) == list(range(3126, 3326))
    assert len(range(3126, 3326)) == MOST_PROPOSALS
    part, base, share = _placed("项目2300个，占13340个的24%")  # 3135 to 3335: one value too many, pins nothing
    assert solve(ShareClaim(share, part, base), part.figure) == []


def _proposals(claim, placed: list[Placed]) -> list[list[Fraction]]:
    """What a relation proposes for each of its figures in turn (solve.py)."""
    return [solve(claim, p.figure) for p in placed]


def test_additive_relations_propose_the_one_value_that_makes_them_agree():
    new, carried, concluded, pending = figures = _placed("新收64件，上年结转5件，审结62件，尚未审结8件")
    assert _proposals(FlowClaim(pending, (new, carried), concluded), figures) == [[65], [6], [61], [7]]
    figures = _placed("年初结转和结余10万元，本年收入100万元，本年支出95万元，年末结转和结余16万元")
    opening, income, spending, closing = figures
    balance = BalanceClaim(closing, (opening, income), (spending,), "收支平衡")
    assert _proposals(balance, figures) == [[110000], [1010000], [940000], [150000]]
    birth, death, natural = figures = _placed("出生率为7.19‰，死亡率为6.94‰，自然增长率为0.35‰")
    difference = FormulaClaim(natural, "difference", birth, death, 0, "自然增长率", "natural growth rate")
    assert _proposals(difference, figures) == [[Fraction("7.29")], [Fraction("6.84")], [Fraction("0.25")]]


@pytest.mark.parametrize(
    ("written", "direction", "signs", "expected"),
    [
        (  # 1.6 − 0.3 = 1.3
            "收入17.9亿元，比上年增收1.4亿元。其中税收收入11.1亿元，增收1.6亿元；非税收入6.8亿元，减收0.3亿元",
            1,
            (1, -1),
            [130000000, 170000000, 20000000],
        ),
        (  # 0.8 − 0.3 = 0.5, a fall
            "收入15.2亿元，比上年减收0.6亿元。其中税收收入9.5亿元，减收0.8亿元；非税收入5.7亿元，增收0.3亿元",
            -1,
            (-1, 1),
            [50000000, 90000000, 20000000],
        ),
        (  # 2.99 + 2.86 = 5.85, exactly half way: 5.9 at the stated figure's one decimal
            "人均支出1205.30元，比上年增加5.8元。其中食品支出512.47元，增加2.99元；衣着支出692.83元，增加2.86元",
            1,
            (1, 1),
            [Fraction("5.9"), Fraction("2.94"), Fraction("2.81")],
        ),
    ],
)
def test_the_changes_of_a_totals_parts_propose_the_change_that_makes_them_agree(written, direction, signs, expected):
    total, change, first, first_change, second, second_change = _placed(written)
    changes = ((first_change, signs[0]), (second_change, signs[1]))
    claim = ChangePartsClaim(change, total, (first, second), direction, changes)
    assert _proposals(claim, [change, first_change, second_change]) == [[value] for value in expected]


def _rate(written: str, numerator: tuple[int, ...], denominator: tuple[int, ...], signs=None) -> tuple:
    """A rate stated last in `written`, over the figures at the given positions (a denominator term may be
    subtracted: `signs`)."""
    *figures, stated = placed = _placed(written)
    signs = signs or (1,) * len(denominator)
    bottom = tuple(Term(figures[i], "denominator", sign) for i, sign in zip(denominator, signs, strict=True))
    option = RateOption(tuple(Term(figures[i], "numerator") for i in numerator), bottom)
    return RateClaim(stated, (option,), True), placed


def test_a_rate_proposes_every_count_its_stated_rounding_allows():
    # 撤销 + 确认违法 over 审结: (12 + 5) / 82 = 20.73%
    claim, figures = _rate("审结82件，撤销21件，确认违法5件，败诉率为20.7%", (1, 2), (0,))
    assert _proposals(claim, figures) == [[125], [12], [-4], [Fraction("31.7")]]
    # 办结 over 受理 − 撤回: 116 / (155 − 10) = 116 / (150 − 5) = 80.0%; 112 / 140 too
    claim, figures = _rate("受理150件，撤回10件，办结116件，办结率为80.0%", (2,), (0, 1), (1, -1))
    assert _proposals(claim, figures) == [[155], [5], [112], [Fraction("82.9")]]


def test_a_share_and_a_quotient_propose_every_value_their_stated_rounding_allows():
    part, base, share = figures = _placed("医院102个，占医疗机构500个的24%")  # 23.5% to 25% (a truncated 24%)
    assert _proposals(ShareClaim(share, part, base), figures) == [
        list(range(118, 126)),
        list(range(408, 435)),
        [20],
    ]
    urban, resident, rate = figures = _placed("城镇人口80.23万人，常住人口120.51万人，城镇化率为65.6%")
    claim = FormulaClaim(rate, "quotient", urban, resident, 0, "城镇化率", "urbanisation rate")
    assert _proposals(claim, figures) == [
        list(range(790000, 791800, 100)),
        list(range(1221200, 1224000, 100)),
        [Fraction("66.6")],
    ]
    men, women, ratio = figures = _placed("男性51.2万人，女性48.8万人，性别比为105.92")  # its factor is 100
    claim = FormulaClaim(ratio, "quotient", men, women, 100, "性别比", "sex ratio")
    assert _proposals(claim, figures) == [[], [], [Fraction("104.92")]]


@pytest.mark.parametrize(
    ("written", "part_base_share", "expected"),
    [
        ("外资企业1家，占全部企业的0.8%，共200家", (0, 2, 1), [[], list(range(112, 134)), [Fraction("0.5")]]),
        ("外资企业0家，占全部企业的5%，共200家", (0, 2, 1), [list(range(9, 13)), [], [0]]),  # no base gives 5%
        ("外资企业3家，占比近1%，共200家", (0, 2, 1), [list(range(4)), [], [2]]),  # 0% to 1%: any base
        ("外资企业3家，占比超过1%，共200家", (0, 2, 1), [[], [], [2]]),  # open-ended: pins nothing
        ("新建学校1所，其中公办1所，占100%", (1, 0, 2), [[1], [1], [100]]),
        ("新建学校0所，其中公办0所，占0%", (1, 0, 2), [[0], [], []]),  # no share of nothing
    ],
)
def test_a_share_that_pins_nothing_proposes_nothing(written, part_base_share, expected):
    figures = _placed(written)
    part, base, share = (figures[i] for i in part_base_share)
    assert _proposals(ShareClaim(share, part, base), [part, base, share]) == expected


@pytest.mark.parametrize(
    ("written", "relation", "direction", "expected"),
    [
        ("由1200件增加到1320件，增长12.0%", "percent", 1, [[1178, 1179], [1344, 1345], [10]]),
        ("由1320件减少到1200件，下降10.0%", "percent", -1, [[1333, 1334], [1187, 1188], [Fraction("9.1")]]),
        (
            "由35.2%提高到37.5%，提高2.5个百分点",
            "points",
            1,
            [[Fraction("34.9"), 35], [Fraction("37.7"), Fraction("37.8")], [Fraction("2.3")]],
        ),
        ("由0件增加到5件，增加6件", "difference", 1, [[-1], [6], [5]]),
        ("由0件增加到120件，增长20%", "percent", 1, [[100], [0], []]),  # no percent from nothing
        ("由1所增加到3所，增长100%", "percent", 1, [[], [2], [200]]),
        ("由200起下降到2起，下降99%", "percent", -1, [[], list(range(4)), [99]]),  # a fall of 100% is from any base
        ("由1320件变为1200件，变化10.0%", "percent", 0, [[], [], []]),  # no direction written
        ("由30个增加到120个，增长到4倍", "multiple-total", 1, [[], [], []]),
    ],
)
def test_a_change_proposes_its_base_result_or_stated_figure(written, relation, direction, expected):
    base, result, stated = figures = _placed(written)
    assert _proposals(ChangeClaim(stated, base, result, relation, direction), figures) == expected
