"""Rows ranked by their numbering (claims/table_tree.py): paths from numbered labels, and the law that a table
whose every parent is the sum of its rows beneath never fails."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.claims.table_tree import label_paths
from figcheck.pipeline import check_text


def test_paths_follow_the_numbering_across_label_columns():
    labels = {
        1: ["三、本年度办理结果", "（一）予以公开", ""],
        2: ["", "（三）不予公开", "1.属于国家秘密"],
        3: ["", "", "2.其他法律行政法规禁止公开"],
        4: ["", "（七）总计", ""],
        5: ["四、结转下年度继续办理", "", ""],
    }
    paths = label_paths(labels, {4})
    assert paths[3] == ("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开")
    assert paths[4] == ("三、本年度办理结果", "（七）总计")
    assert paths[5] == ("四、结转下年度继续办理",)


def test_a_numbered_label_inside_a_cell_opens_a_rank_of_its_own():
    paths = label_paths({1: ["三、本年度办理结果（一）予以公开"], 2: ["（二）部分公开"], 3: ["四、结转"]}, set())
    assert paths == {
        1: ("三、本年度办理结果", "（一）予以公开"),
        2: ("三、本年度办理结果", "（二）部分公开"),
        3: ("四、结转",),
    }


def test_one_kind_of_numbering_is_no_hierarchy():
    assert label_paths({1: ["1.工业"], 2: ["2.建筑业"], 3: ["合计"]}, {3}) is None


_CHINESE = "一二三四五六七八九"
# an outline: top items, each a value or a list of values beneath it (whose parent row is printed or not)
_OUTLINE = st.lists(
    st.one_of(
        st.integers(0, 500),
        st.tuples(st.booleans(), st.lists(st.integers(0, 500), min_size=2, max_size=4)),
    ),
    min_size=2,
    max_size=5,
)


def _table(outline, slip: int = 0) -> str:
    rows, total = [], 0
    for i, item in enumerate(outline):
        if isinstance(item, int):
            rows.append(f"| （{_CHINESE[i]}）项目{i} | {item} |")
            total += item
            continue
        printed, values = item
        rows.append(f"| （{_CHINESE[i]}）项目{i} | {sum(values)} |" if printed else f"| （{_CHINESE[i]}）项目{i} | |")
        rows += [f"| {n}.子项{i}-{n} | {value} |" for n, value in enumerate(values, 1)]
        total += sum(values)
    return "| 项目 | 件数 |\n| --- | --- |\n" + "\n".join(rows) + f"\n| 合计 | {total + slip} |\n"


@settings(max_examples=60, deadline=None)
@given(_OUTLINE)
def test_a_numbered_table_whose_parents_are_sums_never_fails(outline):
    result = check_text(_table(outline), "table.md")
    assert [f for f in result.findings if f.code == "FC401"] == [], _table(outline)


@settings(max_examples=40, deadline=None)
@given(_OUTLINE, st.integers(1, 9))
def test_a_slip_in_the_total_of_a_numbered_table_is_found(outline, slip):
    text = _table(outline, slip)
    found = [f for f in check_text(text, "table.md").findings if f.code == "FC401"]
    assert found and all(f.stated.raw == text.split("| 合计 | ")[1].split(" ")[0] for f in found), text
