"""Plain text copied out of a PDF: line breaks inside a sentence and footnote marks on lines of their own."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from figcheck.cli import app
from figcheck.load import text as text_loader
from figcheck.load.rewrap import soft_breaks
from figcheck.pipeline import check_document

# One sentence of a bulletin as a PDF extractor leaves it: a footnote mark after 常住人口, the unit of
# 969.57 on the next line, and the sentence's full stop after another mark.
FROM_PDF = (
    "人口规模与性别比\n"
    "2021年，全市常住人口\n"
    "1\n"
    "1761.48万人，其中男性969.57\n"
    "万人，占全市人口的55.0%；女性791.91万人，占全市人口的45.0%，常住人口性别比\n"
    "2\n"
    "为122.44\n"
    "3\n"
    "。\n"
)


def _document(text: str):
    return text_loader.load("r.txt", text.encode("utf-8"))


def test_a_sentence_broken_across_lines_reads_as_one():
    joined = soft_breaks(FROM_PDF)
    assert joined.split("\n")[:2] == [
        "人口规模与性别比",
        "2021年，全市常住人口   1761.48万人，其中男性969.57 万人，占全市人口的55.0%；女性791.91万人，"
        "占全市人口的45.0%，常住人口性别比   为122.44   。",
    ]


def test_the_joined_sentence_is_checked_and_located_on_the_files_own_lines():
    result = check_document(_document(FROM_PDF))
    passed = {(finding.code, finding.stated.raw) for finding in result.passed}
    assert {("FC101", "1761.48万人"), ("FC204", "55.0%"), ("FC204", "45.0%"), ("FC206", "122.44")} <= passed
    (ratio,) = [finding for finding in result.passed if finding.code == "FC206"]
    assert result.document.line_col(ratio.start) == (7, 2)  # 「为122.44」 is line 7 of the file


def test_a_broken_sentence_with_a_wrong_figure_is_flagged_at_its_line(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(FROM_PDF.replace("969.57", "996.57"), encoding="utf-8")
    out = CliRunner().invoke(app, ["check", str(path), "--format", "json"]).output
    findings = json.loads(out)["files"][0]["findings"]
    wrong = [(f["code"], f["stated"], f["line"]) for f in findings if f["code"] == "FC101"]
    assert wrong == [("FC101", "17614800", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "（一）着力扩大内需，稳住经济增长\n全年社会消费品零售总额增长5.2%。",  # a heading, comma or not
        "全年地区生产总值增长5.2%。\n其中第一产业增长3.1%。",  # a sentence that ended
        "主要指标\n全年地区生产总值增长5.2%。",  # no comma: a heading, not a sentence in progress
        "批发和零售业、住宿业\t164665\t43.6\n交通运输业\t777397\t34.3",  # rows of a table
        "饮料、酒类 吨 107267 31.1\n服装 万件 7938 0.3",  # rows laid out with spaces
        "全年建成道路，共计12\n35家单位参与。",  # two digits are never brought together
        "全市共有学校，其中小学\n一、基本情况",  # the next line opens an item
        "全年出生人口，其中男孩\n\n女孩人数另计。",  # a blank line ends a paragraph
        "养老保险人数13.96万人。其中，\n\n企业职工10.55万人。",  # …when no page number stands in it
        "批发业零售额27.3亿元；\n零售业零售额124.7亿元。",  # a line ending with a semicolon, no page between
        "附件1：\n2023年主要指标",  # a colon after a figure, but no ratio goes on
        "养老保险人数13.96万人。\n\n- 11 -\n企业职工10.55万人。",  # a page break after a sentence's end
    ],
)
def test_breaks_that_end_something_stay(text):
    assert soft_breaks(text) == text


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("全年进出口总额9.01亿元，比上年下降\n5.2%。", "全年进出口总额9.01亿元，比上年下降 5.2%。"),
        ("常住人口1761.48万人，其中男性969.57\n万人。", "常住人口1761.48万人，其中男性969.57 万人。"),
        ("房产户主145.82万人，其中女\n性74.83万人。", "房产户主145.82万人，其中女 性74.83万人。"),
        ("常住人口性别比为122.44，比上年提高\n。", "常住人口性别比为122.44，比上年提高 。"),
        ("全市常住人口，其中城镇\n1\n人口300万人。", "全市常住人口，其中城镇   人口300万人。"),
        ("全市常住人口，性别比为122.44\n3\n。", "全市常住人口，性别比为122.44   。"),
        (
            "按行业分，批发业零售额27.3亿元；\n- 8 -\n住宿业零售额2.3亿元。",
            "按行业分，批发业零售额27.3亿元；       住宿业零售额2.3亿元。",
        ),
        ("三次产业投资占比为4.0：\n23.1：72.9。", "三次产业投资占比为4.0： 23.1：72.9。"),
        ("幼儿园2275所，毕业生\n- 9 -\n1.85万人。", "幼儿园2275所，毕业生       1.85万人。"),
        (
            "养老保险人数13.96万人。其中，\n\n— 11 —\n企业职工10.55万人。",
            "养老保险人数13.96万人。其中，  " + " " * 6 + " 企业职工10.55万人。",
        ),
    ],
)
def test_breaks_inside_a_sentence_become_spaces(text, joined):
    assert soft_breaks(text) == joined


def test_a_lone_figure_after_a_figure_is_not_a_footnote_mark():
    # 「122.44\n3\n5.2%」 could be a column of figures: the 3 stays a figure
    text = "全年常住人口，性别比为122.44\n3\n5.2%"
    assert soft_breaks(text).split("\n")[1] == "3"


_LINES = st.lists(st.text(alphabet="，。、；：12３4.%万人口男女\t （一）", max_size=12), min_size=1, max_size=8).map(
    "\n".join
)


@given(_LINES)
def test_the_text_keeps_its_length_and_changes_only_breaks_and_marks(text):
    joined = soft_breaks(text)
    assert len(joined) == len(text)
    for before, after in zip(text, joined, strict=True):
        assert before == after or (before in "\n-" or before.isdigit()) and after == " "


@given(_LINES)
def test_no_two_digits_meet_across_a_joined_break(text):
    joined = soft_breaks(text)
    for at, (before, after) in enumerate(zip(text, joined, strict=True)):
        if before == "\n" and after == " ":
            left, right = joined[:at].rstrip(), joined[at + 1 :].lstrip()
            assert not (left[-1:].isdigit() and right[:1].isdigit())
