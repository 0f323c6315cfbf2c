"""Suggestions name values at the precision the text writes (issue 15, item 4): 「变化应为 23.9%」 beside a stated
25.9%, not 23.86%; one decimal more only where that rounding would give back the stated figure."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from figcheck.checks.shown import at_precision, in_scale_of, suggested, written_decimals
from figcheck.figures import find_figures
from figcheck.pipeline import check_text
from figcheck.report import suggestion


def _suggestions(text: str, path: str = "<text>") -> list[tuple[str, str, str]]:
    return [(f.code, f.stated.raw, suggestion(f, "zh")) for f in check_text(text, path).findings]


def _figure(text: str):
    (figure,) = find_figures(text)
    return figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 23.857%: the text writes its change to one decimal
            "全年一般公共预算收入由100.6万元增加到124.6万元，增长25.9%。",
            ("FC301", "25.9%", "按前后两个数，变化应为 23.9%"),
        ),
        (  # 97.546%: a rate stated to one decimal
            "全年调解矛盾纠纷326件，调解成功318件，调解成功率96.5%。",
            ("FC201", "96.5%", "按计数，比率应为 97.5%"),
        ),
        (  # 98.5% rounds to the 99 the text states: one decimal more
            "全年受理群众诉求1000件，办结985件，办结率超过99%。",
            ("FC201", "超过99%", "按计数，比率应为 98.5%"),
        ),
        (  # 40% of 1200: an integer percent stays an integer
            "全年办理事项1200件，其中网上办理480件，占35%。",
            ("FC204", "35%", "按部分与整体，占比应为 40%"),
        ),
        (  # an amount keeps the total's scale word and its two decimals
            "全年支出总计1,366.50万元，其中：基本支出1,025.30万元，项目支出350.20万元。",
            ("FC102", "1,366.50万元", "若各分项无误，总数至少应为 1375.50万；否则请核对各分项"),
        ),
        (  # a compound of scale words in its larger one (GB/T 15835: 3亿4千5百万 is 3.45亿)
            "高速公路通车里程增加到2万5千公里。",
            ("FC612", "2万5千", "改为「2.5万」"),
        ),
        (
            "全年完成投资3亿5千万元。",
            ("FC612", "3亿5千万", "改为「3.5亿」"),
        ),
        (  # 「多」 before the last scale word stays after the suggested one
            "出境旅游人次由8300万增加到1亿3千多万。",
            ("FC612", "1亿3千多万", "改为「1.3亿多」"),
        ),
        (  # 「多」 after the whole number is left where it is
            "日均新设企业由5千多户增加到1万6千多户。",
            ("FC612", "1万6千", "改为「1.6万」"),
        ),
        (
            "全年新增座位1万2千5百个。",
            ("FC612", "1万2千5百", "改为「1.25万」"),
        ),
        (  # a count in Chinese digits among Arabic ones keeps its scale word and unit
            "图书总流通量12万人次，观众人数达十万人次。",
            ("FC615", "十万人次", "改为「10万人次」"),
        ),
        (
            "城镇人口占百分之五十二，乡村人口占48%。",
            ("FC615", "百分之五十二", "改为「52%」"),
        ),
        (  # a multiple rewritten as the text writes it: 4倍, not 4.0倍
            "全年引进项目由30个增加到120个，增长了4倍。",
            ("FC303", "4倍", "改为「增长到4倍」或「增长了3倍」"),
        ),
    ],
)
def test_suggested_value_is_written_as_the_stated_figure(text, expected):
    assert expected in _suggestions(text)


def test_table_share_is_suggested_to_the_cells_decimals():
    table = """| 指标名称 | 总量（户） | 比重（%） |
| --- | --- | --- |
| 新登记市场主体总量 | 57802 | 100.0 |
| #内资企业 | 1243 | 2.2 |
| 私营企业 | 10374 | 18.0 |
| 个体工商户 | 45930 | 79.5 |"""
    assert _suggestions(table, "report.md") == [("FC402", "18.0", "按计数，占比应为 17.9%")]


def test_english_suggestion_uses_the_same_value():
    (finding,) = check_text("全年一般公共预算收入由100.6万元增加到124.6万元，增长25.9%。").findings
    assert suggestion(finding, "en") == "by the endpoints the change should be 23.9%"
    assert finding.computed == "23.86" and finding.formula.endswith("= 23.86%"), "the arithmetic keeps its precision"


@pytest.mark.parametrize(
    ("written", "decimals"), [("23.9%", 1), ("3.12亿元", 2), ("7000万元", 0), ("25件", 0), ("18.0%", 1)]
)
def test_written_decimals(written, decimals):
    assert written_decimals(_figure(written)) == decimals


def test_at_precision_keeps_decimals_and_scale_word():
    assert at_precision(Fraction(14500), _figure("1.35万元")) == "1.45万"
    assert at_precision(Fraction(312345678), _figure("3.10亿元")) == "3.12亿"
    assert at_precision(Fraction(1, 8) * 100, _figure("12%")) == "13"  # 12.5: half up


def test_suggested_steps_off_the_stated_figure():
    stated = _figure("超过50%")
    assert suggested(Fraction(496, 10), stated, "?") == "49.6"
    assert suggested(Fraction(499996, 10000), stated, "?") == "49.9996"
    assert suggested(Fraction(48), stated, "?") == "48"
    assert suggested(Fraction(-21, 10), _figure("2.0%"), "?", sign=-1) == "-2.1", "a fall read negated"
    assert suggested(Fraction(-20, 10) - Fraction(1, 100), _figure("2.0%"), "?", sign=-1) == "-2.01"
    assert suggested(Fraction(13504), _figure("1.35万元"), "?") == "1.3504万", "compared in the scale word"


def test_suggested_steps_off_a_stated_range_at_either_end():
    stated = _figure("15%~20%")
    assert suggested(Fraction("14.96"), stated, "?") == "14.96"
    assert suggested(Fraction("20.04"), stated, "?") == "20.04"


def test_suggested_takes_at_most_six_decimals_more():
    stated = _figure("超过50%")
    assert suggested(Fraction("49.999996"), stated, "?") == "49.999996"
    assert suggested(Fraction("49.9999999"), stated, "?") == "50.000000", "it gives up: the last rounding stands"


def test_values_are_never_written_with_an_exponent():
    assert at_precision(Fraction(1, 10**7), _figure("0.0000002元")) == "0.0000001"
    assert suggested(Fraction(1, 10**8), _figure("0.0%"), "?") == "0.0000000"


def test_an_amount_is_shown_in_the_stated_scale_word_to_four_decimals_at_most():
    assert in_scale_of(Fraction(312345678), _figure("3.12亿元")) == "3.1235亿"
    assert in_scale_of(Fraction(1, 3), _figure("25件")) == "0.3333"
    assert in_scale_of(Fraction(25), _figure("25件")) == "25"


def test_suggested_falls_back_without_a_written_resolution():
    (half,) = find_figures("三分之二")
    assert suggested(Fraction(1, 2), half, "0.50") == "0.50"
    assert at_precision(Fraction(2, 3), half) == "0.6667", "exact, to four decimals"
    assert Decimal(at_precision(Fraction(1, 3), _figure("25件"))) == 0
