"""The usage rules' messages (FC602–FC615) in both languages: each names what is wrong in words a proofreader
reads without the rule's documentation — the items skipped, the days a month has, the other end of a period."""

from __future__ import annotations

import pytest

from figcheck.pipeline import check_text
from figcheck.report import message, suggestion


def _only(text: str):
    (finding,) = check_text(text, "<text>").findings
    return finding


@pytest.mark.parametrize(
    ("text", "code", "zh", "en"),
    [
        (
            "一、总体情况\n二、主要工作\n五、存在问题\n",
            "FC603",
            "编号「五、」跳过了第3、4项（前一项为「二、」）",
            "the number 「五、」 skips item 3, 4 (the item before is 「二、」)",
        ),
        (
            "一是加强领导；二是完善制度；二是强化监督。",
            "FC603",
            "编号「二是」与前一项编号重复（前一项为「二是」）",
            "the number 「二是」 repeats the number before it (the item before is 「二是」)",
        ),
        (
            "主要有以下三个方面：一是加强领导；二是完善制度。",
            "FC602",
            "所述「三」项与列出的项数不符：其后列出了2项，至「二是」止",
            "「三」 items announced: 2 items follow it, the last 「二是」",
        ),
        (
            "1至13月累计完成投资12.5亿元。",
            "FC604",
            "「13月」不存在：一年只有12个月，没有13月",
            "「13月」 does not exist: a year has 12 months, not 13",
        ),
        (
            "专项检查于2月30日结束。",
            "FC604",
            "「2月30日」不存在：2月最多29天",
            "「2月30日」 does not exist: month 2 has at most 29 days",
        ),
        (
            "《方案》于2023年2月29日印发。",
            "FC604",
            "「2023年2月29日」不存在：2023年2月只有28天",
            "「2023年2月29日」 does not exist: month 2 of 2023 has 28 days",
        ),
        (
            "集中整治于2025年9月至6月开展。",
            "FC605",
            "时间段的终点「6月」早于起点：2025年9月之后是2025年6月",
            "the period's end 「6月」 comes before its start: 2025年9月 is followed by 2025年6月",
        ),
        (
            "截至2025年12月31日，共受理申请56件。\n\n某县人民政府办公室\n2025年1月20日\n",
            "FC606",
            "「截至2025年12月31日」晚于报告的落款日期2025年1月20日",
            "「截至2025年12月31日」 is after the report's own date, 2025年1月20日",
        ),
        (
            "全年完成投资12,345万元，上年为11987万元，服务20000人次。",
            "FC614",
            "正文中有 1 处五位以上的数如「12,345」这样分节，与其余的写法不同，宜统一（如「12345」）",
            "「12,345」 groups thousands unlike the rest of the prose (numbers so written: 1): "
            "write 「12345」 and so on",
        ),
        (
            "全年审结案件12件，其中撤诉三件。",
            "FC615",
            "「三件」与同一句中同类的数量写法不同，宜写作「3件」",
            "「三件」 is written unlike the other counts of its kind in the sentence: better 「3件」",
        ),
    ],
)
def test_message_names_what_is_wrong(text, code, zh, en):
    finding = _only(text)
    assert (finding.code, message(finding, "zh"), message(finding, "en")) == (code, zh, en)


@pytest.mark.parametrize(
    ("text", "count", "last"),
    [
        ("工作有以下三个方面：\n一是加强领导；\n二是完善制度。\n", "三", "二是"),
        ("工作有以下两点：首先，强化监督；其次，完善制度；最后，加强队伍。", "两", "最后"),
        ("工作有以下两点：第一，强化监督；第二，完善制度；第三，加强队伍。", "两", "第三"),
    ],
)
def test_a_list_finding_shows_where_the_list_ends(text, count, last):
    finding = _only(text)
    roles = [(one.role, one.figure.raw, one.figure.start) for one in finding.figures]
    assert roles == [("marker", count, text.index(count)), ("last", last, text.index(last))]


def test_a_list_suggestion_names_the_number_expected():
    skip = _only("一、总体情况\n二、主要工作\n五、存在问题\n")
    assert suggestion(skip, "zh") == "应为第 3 项，或补上缺少的项"
    assert suggestion(skip, "en") == "item 3 expected, or add the missing items"
    repeat = _only("一是加强领导；二是完善制度；二是强化监督。")
    assert (suggestion(repeat, "zh"), suggestion(repeat, "en")) == ("应为第 3 项", "item 3 expected")


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("一、总体情况\n二、主要工作\n五、存在问题\n", "五、", 5),
        ("①加强领导\n②完善制度\n④强化监督\n", "④", 4),
        ("主要有以下三个方面：一是加强领导；二是完善制度。", "三", 3),
        ("专项检查于2月30日结束。", "2月30日", 30),
        ("1至13月累计完成投资12.5亿元。", "13月", 13),
        ("接待游客3千人次。", "3千", 3000),
    ],
)
def test_a_note_stands_on_the_marker_or_date_as_written(text, raw, value):
    finding = _only(text)
    figure = finding.stated
    assert (text[figure.start : figure.end], figure.raw, figure.numeral, figure.value) == (raw, raw, raw, value)


def test_a_long_list_skips_past_the_last_circled_number():
    # the skipped 21 has no circled form (⑳ is the last): a long Arabic list is read all the same
    text = "".join(f"{n}.第{n}项工作\n" for n in range(1, 21)) + "22.第22项工作\n"
    finding = _only(text)
    assert (finding.code, finding.stated.raw, message(finding, "zh")) == (
        "FC603",
        "22.",
        "编号「22.」跳过了第21项（前一项为「20.」）",
    )
