"""Amounts the text restates from its tables (claims/table_restated.py, table_totals.py; rules/tables.toml):
each name and header spelling, and each scope word, has a row here that fails without its entry."""

from __future__ import annotations

import pytest

from figcheck.pipeline import check_text

# how the text names the amount, the header cell of its column, the amount in the table
SPELLINGS = [
    ("“三公”经费", "合计", "45.50"),
    ('"三公"经费', "合计", "45.50"),
    ("三公经费", "合计", "45.50"),
    ("因公出国（境）费", "因公出国（境）费", "12.00"),
    ("因公出国(境)费", "因公出国（境）费", "12.00"),
    ("因公出国（境）经费", "因公出国（境）经费", "12.00"),
    ("公务接待费", "公务接待费", "3.50"),
    ("公务用车购置及运行费", "公务用车购置及运行费", "30.00"),
    ("公务用车购置及运行维护费", "公务用车购置及运行维护费", "30.00"),
    ("公务车购置及运行费", "公务用车购置及运行费", "30.00"),
    ("公务用车购置费", "公务用车购置费", "30.00"),
    ("公务用车运行费", "公务用车运行费", "30.00"),
    ("公务用车运行维护费", "公务用车运行维护费", "30.00"),
    ("机关运行经费", "机关运行经费", "213.28"),
]


def _budget(name: str, header: str, amount: str) -> str:
    """A 三公 table (合计 | 因公出国 | 公务接待 | a vehicle column) and a 机关运行经费 table, then the text."""
    travel = header if "因公出国" in header else "因公出国（境）费"
    vehicle = header if "公务用车" in header else "公务用车购置及运行费"
    three = f"| 合计 | {travel} | 公务接待费 | {vehicle} |\n| --- | --- | --- | --- |\n| 45.50 | 12.00 | 3.50 | 30.00 |"
    running = "| 机关运行经费 |\n| --- |\n| 213.28 |"
    return (
        f"2025年“三公”经费预算表 单位：万元\n\n{three}\n\n2025年机关运行经费预算表 单位：万元\n\n{running}\n\n"
        f"2025年，{name}预算为{amount}万元。\n"
    )


# ASCII ids: mutmut hands the ids of the tests it runs back to pytest, which escapes Chinese ones
@pytest.mark.parametrize(("name", "header", "amount"), SPELLINGS, ids=[f"spelling-{n}" for n in range(len(SPELLINGS))])
def test_each_spelling_is_read_against_its_column(name, header, amount):
    clean = check_text(_budget(name, header, amount), "budget.md")
    assert clean.findings == ()
    assert f"{amount}万元" in {f.stated.raw for f in clean.passed if f.code == "FC501"}
    wrong = amount.replace(".", "1.", 1)  # 45.50 → 451.50: a digit too many
    found = [(f.code, f.stated.raw) for f in check_text(_budget(name, header, wrong), "budget.md").findings]
    assert found == [("FC501", f"{wrong}万元")], found


SCOPES = ["财政拨款", "一般公共预算", "政府性基金", "国有资本经营", "基本支出", "项目支出", "三公", "非财政"]


def _two_tables(second: str, unit: str = "万元") -> str:
    """A two-sided 收支 table and a spending table (its label spaced as a PDF prints it), both with 支出总计."""
    first = (
        "| 项目 | 预算数 | 项目 | 预算数 |\n| --- | --- | --- | --- |\n"
        "| 一般公共预算拨款收入 | 110 | 一般公共服务支出 | 110 |\n| 收入总计 | 110 | 支出总计 | 110 |"
    )
    other = "| 项目 | 预算数 |\n| --- | --- |\n| 一般公共服务支出 | 100 |\n| 支出 总计 | 100 |\n| 收入总计 | — |"
    return (
        f"表1 2025年部门收支预算表 单位：万元\n\n{first}\n\n表2 2025年部门{second}支出预算表 单位：{unit}\n\n{other}\n"
    )


@pytest.mark.parametrize("scope", SCOPES, ids=[f"scope-{n}" for n in range(len(SCOPES))])
def test_tables_of_other_funds_are_not_compared(scope):
    assert not [f for f in check_text(_two_tables(scope), "budget.md").findings if f.code == "FC501"]


def test_tables_of_the_same_scope_are_compared():
    found = [(f.code, f.stated.raw) for f in check_text(_two_tables(""), "budget.md").findings]
    assert found == [("FC501", "100")], found


def test_tables_of_other_years_are_not_compared():
    text = _two_tables("").replace("表2 2025年", "表2 2024年")
    assert not [f for f in check_text(text, "budget.md").findings if f.code == "FC501"]


def test_tables_in_other_units_are_not_compared():
    assert not [f for f in check_text(_two_tables("", "元"), "budget.md").findings if f.code == "FC501"]
