"""Tables written as plain text (load/text_tables.py): captioned, a header line, whitespace-separated rows."""

from __future__ import annotations

import pytest

from figcheck.load.text_tables import text_tables
from figcheck.pipeline import check_path


def check_text(tmp_path, text: str):
    path = tmp_path / "bulletin.txt"
    path.write_text(text, encoding="utf-8")
    return check_path(str(path))


def located(result) -> list[tuple[str, str, str]]:
    """Each failing finding's code, figure and location."""
    return [(f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings]


TABLE = """全年新登记市场主体情况如下。
表9 2023年新登记市场主体总量及其构成
指标名称 总量（户） 比重（%）
新登记市场主体总量 57802 100.0
#内资企业 1243 2.2
外商投资企业 12 0.0

— 12 —
私营企业 10374 {share}
个体工商户 45930 79.5
农民专业合作社 243 0.4
全年全州社会消费品零售总额658.36亿元，比上年增长4.9%。
"""


def test_a_captioned_text_table_keeps_its_number_and_cells():
    text = TABLE.format(share="17.9")
    tables, segments = text_tables(text)
    assert [(t.number, t.rows, t.cols) for t in tables] == [(9, 7, 3)]
    grid = tables[0].grid()
    assert [cell.text for cell in grid[0]] == ["指标名称", "总量（户）", "比重（%）"]
    assert [cell.text for cell in grid[4]] == ["私营企业", "10374", "17.9"], "the page mark and blank line are skipped"
    cell = grid[4][2]
    assert text[cell.start : cell.end] == "17.9"
    assert any(s.locator == "表9 第5行第3列" and s.start == cell.start for s in segments)


def test_a_share_in_a_text_table_is_checked_against_the_whole_row(tmp_path):
    clean = check_text(tmp_path, TABLE.format(share="17.9"))
    assert not [f for f in clean.findings if f.code == "FC402"]
    assert len([f for f in clean.passed if f.code == "FC402"]) == 5
    found = located(check_text(tmp_path, TABLE.format(share="18.0")))
    assert ("FC402", "18.0", "表9 第5行第3列") in found, found


NOT_TABLES = {
    "uncaptioned-single-spaces": "指标名称 总量（户） 比重（%）\n新登记市场主体总量 57802 100.0\n私营企业 10374 18.0\n",
    "caption-glued-to-header": "表6 2023年主要工业产品产量产品名称 单位 产量\n原煤 万吨 12.5\n水泥 万吨 330.2\n",
    # a header and one row are no table; a line of words ends it
    "one-row": "表2 主要指标\n指标 数值\n全年完成投资 120.5\n其中基础设施投资 40.2 亿元 增长5% 快于上年\n",
    "sentences-after-tabs": "一是\t加强领导，压实责任。\n二是\t完善制度，规范程序。\n三是\t强化监督，严格考核。\n",
    "two-rows-without-header": "全年  新收案件  120件\n审结  115件  结案率95.8%\n",
    "rows-without-labels": "2021\t2022\t2023\n120\t135\t150\n98\t101\t110\n",
}


@pytest.mark.parametrize("text", NOT_TABLES.values(), ids=NOT_TABLES.keys())
def test_what_is_no_text_table(text):
    assert text_tables(text) == ((), ())


PASTED = """全年财政收支情况见下表。

项目\t预算数\t执行数\t上年结转
一般公共预算收入\t52300\t53120\t
政府性基金收入\t18000\t{fund}\t—
合计\t70300\t69620\t0
"""


def test_a_tab_separated_table_without_caption_is_read_with_blank_cells(tmp_path):
    tables, segments = text_tables(PASTED.format(fund="16500"))
    assert [(t.number, t.rows, t.cols, t.caption) for t in tables] == [(1, 4, 4, "")]
    grid = tables[0].grid()
    assert [cell.text for cell in grid[1]] == ["一般公共预算收入", "52300", "53120", ""], "a blank cell stays a cell"
    assert [cell.text for cell in grid[3]] == ["合计", "70300", "69620", "0"]
    assert any(s.locator == "表1 第3行第3列" and s.start == grid[2][2].start for s in segments)
    clean = check_text(tmp_path, PASTED.format(fund="16500"))
    assert not clean.findings and len([f for f in clean.passed if f.code == "FC401"]) == 2
    found = located(check_text(tmp_path, PASTED.format(fund="16050")))
    assert found == [("FC401", "69620", "表1 第4行第3列")], found


SPACED = """表1 主要指标
指标 数值
全年完成投资 120.5
其中基础设施投资 40.2

分区县情况
区县      户数      人口（人）
城关镇    1,204     3,610
河西乡      830     {people}
合  计    2,034     6,130
"""


def test_space_aligned_columns_are_a_table_numbered_after_the_captioned_ones(tmp_path):
    tables, _ = text_tables(SPACED.format(people="2,520"))
    assert [(t.number, t.rows, t.cols) for t in tables] == [(1, 3, 2), (2, 4, 3)]
    assert [cell.text for cell in tables[1].grid()[3]] == ["合  计", "2,034", "6,130"], "a spaced-out label is one cell"
    found = located(check_text(tmp_path, SPACED.format(people="2,250")))
    assert ("FC401", "6,130", "表2 第4行第3列") in found, found
