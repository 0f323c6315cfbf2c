"""Headers of several rows as column paths (claims/table_headers.py), as a PDF prints them: a spanning cell
once, over its first column."""

from __future__ import annotations

import regex

from figcheck.claims.table_headers import column_paths, sibling_parts

TOTAL = regex.compile(r"^(?:合计|总计|小计)$")
OF_WHICH = regex.compile(r"^(?:其中|#)")

THREE_PUBLIC = [
    ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
    ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
    ["", "", "", "小计", "购置费", "运行费", ""],
]
SUMMARY = [
    ["本年收入", "", "本年支出", "", "", "", ""],
    ["项目", "预算数", "项目", "预算数", "", "", ""],
    ["", "", "", "合计", "基本支出", "", "项目支出"],
    ["", "", "", "", "人员经费", "公用经费", ""],
]


def test_a_spanning_cell_covers_the_columns_with_sub_headers_beneath():
    paths = column_paths(THREE_PUBLIC, 3)
    assert paths[3] == ("“三公”经费预算数", "公务用车购置及运行费", "小计")
    assert paths[5] == ("“三公”经费预算数", "公务用车购置及运行费", "运行费")
    assert paths[6] == ("机关运行经费预算数",), "no sub-header beneath: the cell on its left does not span it"
    summary = column_paths(SUMMARY, 4)
    assert summary[5] == ("本年支出", "预算数", "基本支出", "公用经费")
    assert summary[1] == ("本年收入", "预算数")


def test_a_total_first_sums_one_column_per_sibling_group():
    paths = column_paths(THREE_PUBLIC, 3)
    assert sibling_parts(paths, 0, range(7), TOTAL, OF_WHICH) == [1, 2, 3], "the group's 小计, not 购置费 + 运行费"
    summary = column_paths(SUMMARY, 4)
    assert sibling_parts(summary, 3, [1, 3, 4, 5, 6], TOTAL, OF_WHICH) == [4, 5, 6], "基本支出 has no column of its own"


def test_no_sum_over_of_which_columns():
    paths = column_paths([["单位", "合计", "其中：党员", "女性"]], 1)
    assert sibling_parts(paths, 1, [1, 2, 3], TOTAL, OF_WHICH) == []


def test_a_table_without_header_rows_has_an_empty_path_per_column():
    assert column_paths([["本年新收", "5", "7"], ["上年结转", "1", "0"]], 0) == [(), (), ()]


def test_cells_spanning_rows_and_columns_spread_over_the_headers_beneath_until_a_new_group_starts():
    texts = [
        ["合计", "", "因公出国（境）费", "", "公务用车购置及运行费", "", "", "", "", "", "公务接待费", ""],
        ["", "", "", "", "小计", "", "购置费", "", "运行费", "", "", ""],
        ["预算数", "决算数"] * 6,
    ]
    paths = column_paths(texts, 3)
    assert paths[1] == ("合计", "决算数")
    assert paths[5] == ("公务用车购置及运行费", "小计", "决算数")
    assert paths[7] == ("公务用车购置及运行费", "购置费", "决算数")
    assert paths[9] == ("公务用车购置及运行费", "运行费", "决算数")
    assert paths[10] == ("公务接待费", "预算数")
    assert paths[11] == ("公务接待费", "决算数")
