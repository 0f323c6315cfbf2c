"""Tables written as plain text (load/text_tables.py): captioned, a header line, whitespace-separated rows."""

from __future__ import annotations

from figcheck.load.text_tables import text_tables
from figcheck.pipeline import check_path


def check_text(tmp_path, text: str):
    path = tmp_path / "bulletin.txt"
    path.write_text(text, encoding="utf-8")
    return check_path(str(path))


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
    flawed = check_text(tmp_path, TABLE.format(share="18.0"))
    found = [(f.code, f.stated.raw, flawed.document.locate(f.start)) for f in flawed.findings]
    assert ("FC402", "18.0", "表9 第5行第3列") in found, found


def test_what_is_no_text_table():
    uncaptioned = "指标名称 总量（户） 比重（%）\n新登记市场主体总量 57802 100.0\n私营企业 10374 18.0\n"
    glued = "表6 2023年主要工业产品产量产品名称 单位 产量\n原煤 万吨 12.5\n水泥 万吨 330.2\n"
    one_row = "表2 主要指标\n指标 数值\n全年完成投资 120.5\n其中基础设施投资 40.2 亿元 增长5% 快于上年\n"
    assert text_tables(uncaptioned) == ((), ())
    assert text_tables(glued) == ((), ())
    assert text_tables(one_row) == ((), ()), "a header and one row are no table; a line of words ends it"
