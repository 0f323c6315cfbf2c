"""A budget template's empty lines after the parts have reached their total still belong to the list."""

from __future__ import annotations

from figcheck.pipeline import check_text

TEMPLATE = (
    "2024年，部门收入预算3121.42万元，其中：财政拨款收入3121.42万元，比上年增加107.62万元；"
    "事业收入0万元；事业单位经营收入0万元；其他收入0万元。"
)


def _sum_formulas(text: str) -> list[str]:
    return [r.formula for r in check_text(text).results if r.code in ("FC101", "FC102")]


def test_zero_lines_after_the_total_is_reached_are_parts():
    assert _sum_formulas(TEMPLATE) == ["3121.42万 + 0万 + 0万 + 0万 = 3121.42万"]


def test_a_nonzero_line_after_the_total_is_reached_is_a_new_statement():
    text = (
        "全年粮食总产量241.5万吨，其中：夏粮产量114.6万吨，增长1.2%；秋粮产量126.9万吨，增长0.8%；小麦产量114.6万吨。"
    )
    assert _sum_formulas(text) == ["114.6万 + 126.9万 = 241.5万"]
