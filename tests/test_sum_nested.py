"""Laws of reading a part broken down within its total's list (claims/sum_nested.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from figcheck.claims.sum_nested import nested_breakdowns
from figcheck.figures import find_figures
from figcheck.layout import layout
from figcheck.pipeline import check_text

_COUNTS = st.lists(st.integers(min_value=1, max_value=500), min_size=2, max_size=7)


def _placed(total: int, parts: list[int]):
    text = f"全年共{total}件，" + "，".join(f"第{i}类{value}件" for i, value in enumerate(parts)) + "。"
    placed = layout(text, find_figures(text)).placed
    return placed[0], [p for p in placed[1:] if p.figure.unit == "件"]


@given(st.integers(min_value=1, max_value=5000), _COUNTS)
def test_a_list_that_can_be_siblings_is_never_nested(total, parts):
    head, figures = _placed(max(total, sum(parts)), parts)
    assert nested_breakdowns(head, figures) == (figures, [])


@given(st.integers(min_value=1, max_value=500), _COUNTS)
def test_the_total_keeps_its_parts_in_order_and_each_run_adds_up_to_its_head(total, parts):
    head, figures = _placed(total, parts)
    kept, nested = nested_breakdowns(head, figures)
    runs = {part.index: run for part, run in nested}
    rebuilt = [p for part in kept for p in (part, *runs.get(part.index, []))]
    assert rebuilt == figures
    for part, run in nested:
        assert len(run) >= 2 and sum(p.figure.value for p in run) == part.figure.value


def test_a_part_and_its_own_parts_are_checked_apart():
    text = "全年受理案件30件，其中行政案件20件，一审12件，二审8件；民事案件10件，一审6件，二审4件。"
    passed = {(f.code, f.stated.raw) for f in check_text(text).passed}
    assert {("FC101", "30件"), ("FC101", "20件"), ("FC101", "10件")} <= passed


def _rounded(total: str, parts: list[str]):
    text = f"全省参保{total}万人，其中" + "，".join(f"第{i}类{value}万人" for i, value in enumerate(parts)) + "。"
    placed = layout(text, find_figures(text)).placed
    return placed[0], list(placed[1:])


def test_a_run_adds_up_within_half_a_last_digit_of_each_figure():
    # 50.00 + 31.33 + 24.24 = 105.57 for 105.55: four figures to 0.01 allow 0.02
    head, figures = _rounded("138.96", ["105.55", "50.00", "31.33", "24.24", "33.41"])
    kept, nested = nested_breakdowns(head, figures)
    assert [p.figure.raw for p in kept] == ["105.55万人", "33.41万人"]
    assert [[p.figure.raw for p in run] for _, run in nested] == [["50.00万人", "31.33万人", "24.24万人"]]


def test_a_run_off_by_more_than_its_rounding_is_no_breakdown():
    # 81.33 + 24.27 = 105.60 for 105.55: three figures to 0.01 allow 0.015, not 0.05
    head, figures = _rounded("138.96", ["105.55", "81.33", "24.27", "33.41"])
    assert nested_breakdowns(head, figures) == (figures, [])


def test_whole_counts_have_no_rounding_to_lean_on():
    head, figures = _placed(30, [20, 12, 9, 10])  # 12 + 9 = 21, one more than 20: no breakdown of 20
    assert nested_breakdowns(head, figures) == (figures, [])
