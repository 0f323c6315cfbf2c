"""PDF tables as the document has them: a table continued on the next page is one table (issue 13)."""

from __future__ import annotations

import pytest

import builders
from figcheck.load import load
from figcheck.pipeline import check_path


def _flawed() -> list[list[str]]:
    rows = [list(row) for row in builders.LONG_TABLE]
    rows[38][2] = "173"  # 第38所's 基本支出, printed on page 2: 137 typed as 173
    return rows


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "no-header"])
def test_a_table_across_pages_is_one_table(tmp_path, repeat_header):
    path = builders.split_table_pdf(tmp_path / "budget.pdf", builders.LONG_TABLE, repeat_header)
    document = load(str(path))
    assert [(table.number, table.rows, table.cols) for table in document.tables] == [(1, 42, 4), (2, 4, 2)]
    first_page, last_page = (
        document.locate(document.tables[0].cells[4].start),
        document.locate(document.tables[0].cells[-1].start),
    )
    assert first_page == "第1页 表1 第2行第1列" and last_page.startswith("第2页 表1 第42行"), (first_page, last_page)
    assert [s.locator for s in document.segments if s.kind == "table"] == ["第1—2页 表1", "第2页 表2"]
    result = check_path(str(path))
    assert result.findings == ()
    totals = [f for f in result.passed if f.code == "FC401"]
    assert {f.stated.raw for f in totals} >= {*builders.LONG_TABLE[-1][1:], "5"}, [f.formula for f in totals]


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "no-header"])
def test_a_slip_on_the_second_page_is_found_in_its_cell(tmp_path, repeat_header):
    path = builders.split_table_pdf(tmp_path / "budget.pdf", _flawed(), repeat_header)
    result = check_path(str(path))
    found = [(f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings]
    assert ("FC401", builders.LONG_TABLE[-1][2], "第2页 表1 第42行第3列") in found, found
    assert all(code == "FC401" for code, _, _ in found), found


def test_a_new_table_opening_the_next_page_stays_a_table_of_its_own(tmp_path):
    # same number of columns, nothing between them but the page break: its own header row says it is new
    other = [
        ["地区", "户数", "人口", "面积"],
        ["东城", "12", "30", "8"],
        ["西城", "10", "25", "7"],
        ["合计", "22", "55", "15"],
    ]
    short = builders.LONG_TABLE[:5] + [
        ["合计", *(str(sum(int(row[c]) for row in builders.LONG_TABLE[1:5])) for c in (1, 2, 3))]
    ]
    path = builders.split_table_pdf(tmp_path / "two.pdf", short, False, next_page=other)
    document = load(str(path))
    assert [(table.rows, table.cols) for table in document.tables] == [(6, 4), (4, 4)]
    assert [s.locator for s in document.segments if s.kind == "table"] == ["第1页 表1", "第2页 表2"]
    assert check_path(str(path)).findings == ()


def test_a_total_row_drawn_apart_is_the_last_row_of_its_table(tmp_path):
    clean = check_path(str(builders.total_apart_pdf(tmp_path / "clean.pdf", "350")))
    assert [(t.number, t.rows) for t in clean.document.tables] == [(1, 4)]
    assert clean.findings == () and "350" in {f.stated.raw for f in clean.passed if f.code == "FC401"}
    flawed = check_path(str(builders.total_apart_pdf(tmp_path / "flawed.pdf", "530")))
    found = [(f.code, f.stated.raw, flawed.document.locate(f.start)) for f in flawed.findings]
    assert ("FC401", "530", "第1页 表1 第4行第2列") in found, found


def test_tables_keep_the_numbers_their_captions_give(tmp_path):
    import docx as python_docx

    document = python_docx.Document()
    for caption, rows in (
        ("表2 办理结果（单位：件）", [["办理结果", "件数"], ["予以公开", "5"], ["不予公开", "3"], ["总计", "8"]]),
        ("表5 复议情况", [["结果", "件数"], ["维持", "2"], ["纠正", "1"], ["总计", "3"]]),
        ("下表为诉讼情况。", [["结果", "件数"], ["维持", "4"], ["纠正", "1"], ["总计", "6"]]),
    ):
        document.add_paragraph(caption)
        grid = document.add_table(rows=len(rows), cols=2)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    document.save(str(tmp_path / "r.docx"))
    result = check_path(str(tmp_path / "r.docx"))
    assert [table.number for table in result.document.tables] == [2, 5, 6]
    found = [(f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings]
    assert found == [("FC401", "6", "表6 第4行第2列")], found


@pytest.mark.parametrize("lines", ["none", "three-line"])
def test_a_table_without_a_grid_is_read_from_its_columns(tmp_path, lines):
    path = builders.unruled_table_pdf(tmp_path / "bulletin.pdf", builders.POPULATION, lines)
    document = load(str(path))
    assert [(t.number, t.rows, t.cols) for t in document.tables] == [(1, 6, 3)]
    grid = document.tables[0].grid()
    assert [cell.text for cell in grid[2]] == ["城镇", "165.43", "33.8"], "figures set in smaller type are kept"
    assert "编制单位" not in " ".join(cell.text for row in grid for cell in row), "a line with a wide gap is no table"
    result = check_path(str(path))
    assert result.findings == ()
    assert len([f for f in result.passed if f.code == "FC402"]) == 4


def test_a_slip_in_a_table_without_a_grid_is_found_in_its_cell(tmp_path):
    rows = [list(row) for row in builders.POPULATION]
    rows[3][2] = "62.2"  # 乡村's share: 324.50 / 489.93 = 66.2%
    result = check_path(str(builders.unruled_table_pdf(tmp_path / "bulletin.pdf", rows, "three-line")))
    found = [(f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings]
    assert found == [("FC402", "62.2", "第1页 表1 第4行第3列")], found


def test_a_table_without_a_grid_goes_on_over_the_page(tmp_path):
    rows = builders.POPULATION + [[f"第{n}组", "1.00", "0.2"] for n in range(1, 31)]
    path = builders.unruled_table_pdf(tmp_path / "long.pdf", rows, "none", lead=5)
    document = load(str(path))
    assert [(t.number, t.rows, t.cols) for t in document.tables] == [(1, 36, 3)]
    assert [s.locator for s in document.segments if s.kind == "table"] == ["第1—2页 表1"]
    assert document.locate(document.tables[0].grid()[-1][1].start).startswith("第2页 表1 第36行")


def test_prose_lines_with_wide_gaps_are_never_a_table(tmp_path):
    rows = [
        ["说明", "内容"],
        ["一、综 合", "全州经济运行总体平稳，人口结构持续优化。"],
        ["二、农 业", "粮食生产稳定。"],
    ]
    document = load(str(builders.unruled_table_pdf(tmp_path / "notes.pdf", rows, "none", lead=2)))
    assert document.tables == ()


INDUSTRIES = [
    ["指标", "增加值（亿元）"],
    ["第一产业", "120.5"],
    ["第二产业", "310.2"],
    ["工业", "250.0"],
    ["建筑业", "60.2"],
    ["第三产业", "402.1"],
    ["合计", "832.8"],
]


def test_labels_set_in_rank_beneath_the_row_above(tmp_path):
    path = builders.unruled_table_pdf(tmp_path / "gdp.pdf", INDUSTRIES, "none", indented=(3, 4))
    result = check_path(str(path))
    assert result.findings == ()
    assert {"310.2", "832.8"} <= {f.stated.raw for f in result.passed if f.code == "FC401"}
    rows = [list(row) for row in INDUSTRIES]
    rows[4][1] = "66.2"
    flawed = check_path(str(builders.unruled_table_pdf(tmp_path / "bad.pdf", rows, "none", indented=(3, 4))))
    found = [(f.code, f.stated.raw, flawed.document.locate(f.start)) for f in flawed.findings]
    assert found == [("FC401", "310.2", "第1页 表1 第3行第2列")], found
