"""The arithmetic across years (years/check.py), pinned finding by finding: the verdict, the computed value, the
formula, the suggestion, and what is left undecided or unchecked. The rule cases (FC309, FC310) say which
statements are checked; these say what is reported about them."""

from __future__ import annotations

import pytest

from figcheck.pipeline import check_text
from figcheck.report import message, suggestion
from figcheck.years import link

HEAD_2023, HEAD_2024 = "某区某局2023年部门预算\n", "某区某局2024年部门预算\n"


def _across(earlier: str, later: str, truncation: bool = True, head: tuple[str, str] = (HEAD_2023, HEAD_2024)):
    first = check_text(head[0] + earlier, path="2023.txt")
    second = check_text(head[1] + later, path="2024.txt")
    _, checked = link.linked([first, second], link.Ledger(), truncation)
    found = [f for f in checked.results if f.code in ("FC309", "FC310")]
    found += [f for f in checked.undecided if f.code in ("FC309", "FC310")]
    assert all(bool(f.undecided) == (f in checked.undecided) for f in found), "an undecided relation apart"
    return [(f.passed, f.computed, f.formula, suggestion(f, "zh"), f.undecided) for f in found]


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        (  # an increase that holds
            "财政拨款收入1250.40万元。",
            "财政拨款收入1310.90万元，比2023年预算增加60.50万元。",
            (True, "60.5万", "1310.90万 − 1250.40万 = 60.5万", "", ""),
        ),
        (  # a decrease that holds: the earlier amount first
            "财政拨款收入1250.40万元。",
            "财政拨款收入1190.30万元，比2023年预算减少60.10万元。",
            (True, "60.1万", "1250.40万 − 1190.30万 = 60.1万", "", ""),
        ),
        (  # a decrease that was an increase
            "财政拨款收入1250.40万元。",
            "财政拨款收入1310.90万元，比2023年预算减少60.50万元。",
            (False, "-60.5万", "1250.40万 − 1310.90万 = -60.5万", "按2023年预算，变化应为 增加60.50万元", ""),
        ),
        (  # an increase of the wrong amount
            "财政拨款收入1250.40万元。",
            "财政拨款收入1310.90万元，比2023年预算增加65.50万元。",
            (False, "60.5万", "1310.90万 − 1250.40万 = 60.5万", "按2023年预算，变化应为 增加60.50万元", ""),
        ),
        (  # a decrease where nothing changed
            "财政拨款收入1250.40万元。",
            "财政拨款收入1250.40万元，比2023年预算减少0.80万元。",
            (False, "0万", "1250.40万 − 1250.40万 = 0万", "按2023年预算，变化应为 持平", ""),
        ),
        (  # 持平 that holds
            "公务接待费3.20万元。",
            "公务接待费3.20万元，比2023年预算持平。",
            (True, "0万", "3.20万 − 3.20万 = 0万", "", ""),
        ),
        (  # 持平 over an increase
            "公务接待费3.20万元。",
            "公务接待费3.50万元，比2023年预算持平。",
            (False, "0.3万", "3.50万 − 3.20万 = 0.3万", "按2023年预算，变化应为 增加0.30万元", ""),
        ),
        (  # 持平 over a decrease
            "公务接待费3.50万元。",
            "公务接待费3.20万元，比2023年预算持平。",
            (False, "-0.3万", "3.20万 − 3.50万 = -0.3万", "按2023年预算，变化应为 减少0.30万元", ""),
        ),
        (  # a percent increase
            "财政拨款收入1250.40万元。",
            "财政拨款收入1310.90万元，比2023年预算增长4.8%。",
            (True, "4.84%", "(1310.90万 − 1250.40万) / 1250.40万 = 4.84%", "", ""),
        ),
        (  # a percent decrease, wrong
            "财政拨款收入1250.40万元。",
            "财政拨款收入1190.30万元，比2023年预算下降5.8%。",
            (False, "4.81%", "(1250.40万 − 1190.30万) / 1250.40万 = 4.81%", "按2023年预算，变化应为 下降4.8%", ""),
        ),
        (  # a percent decrease that holds
            "财政拨款收入1250.40万元。",
            "财政拨款收入1190.30万元，比2023年预算下降4.81%。",
            (True, "4.806%", "(1250.40万 − 1190.30万) / 1250.40万 = 4.806%", "", ""),
        ),
        (  # the suggestion at the change's own precision, not the amounts'
            "财政拨款收入1250.40万元。",
            "财政拨款收入1310.90万元，比2023年预算增加65.5万元。",
            (False, "60.5万", "1310.90万 − 1250.40万 = 60.5万", "按2023年预算，变化应为 增加60.5万元", ""),
        ),
        (  # a percent decrease that was an increase
            "财政拨款收入1250.40万元。",
            "财政拨款收入1310.90万元，比2023年预算下降4.8%。",
            (False, "-4.84%", "(1250.40万 − 1310.90万) / 1250.40万 = -4.84%", "按2023年预算，变化应为 增长4.8%", ""),
        ),
        (  # a percent below what the amounts give
            "财政拨款收入1250.40万元。",
            "财政拨款收入1310.90万元，比2023年预算增长3.8%。",
            (False, "4.84%", "(1310.90万 − 1250.40万) / 1250.40万 = 4.84%", "按2023年预算，变化应为 增长4.8%", ""),
        ),
        (  # the change in another scale word than the amounts: computed in the change's
            "财政拨款收入16497.86万元。",
            "财政拨款收入15621.11万元，比2023年预算减少0.09亿元。",
            (True, "0.0877亿", "16497.86万 − 15621.11万 = 0.0877亿", "", ""),
        ),
        (  # the earlier amount as a coarse round figure, its precise copy beside it: the precise one is taken
            "财政拨款收入1.64亿元。其中：财政拨款收入16447.86万元。",
            "财政拨款收入15621.11万元，比2023年预算减少826.75万元。",
            (True, "826.75万", "16447.86万 − 15621.11万 = 826.75万", "", ""),
        ),
        (  # the earlier amount only as a coarse round figure: rounding cannot decide
            "财政拨款收入1.65亿元。",
            "财政拨款收入15621.11万元，比2023年预算减少876.75万元。",
            (False, "878.89万", "1.65亿 − 15621.11万 = 878.89万", "", "coarse-inputs"),
        ),
    ],
)
def test_a_statement_against_the_earlier_year(earlier, later, expected):
    assert _across(earlier, later) == [expected]


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("财政拨款收入0.00万元。", "财政拨款收入25.00万元，比2023年预算增长100%。"),  # over nothing: no percent
        ("财政拨款收入0元。", "财政拨款收入25.00万元，比2023年预算增长100%。"),  # exactly nothing
        ("财政拨款收入不足1万元。", "财政拨款收入25.00万元，比2023年预算增长100%。"),  # unbounded below
    ],
)
def test_a_percent_over_an_earlier_amount_that_may_be_nothing_is_not_checked(earlier, later):
    assert _across(earlier, later) == []


@pytest.mark.parametrize(
    ("earlier", "computed"), [("财政拨款收入1.00万元。", "2400.0%"), ("其他收入0.5元。", "4999900.0%")]
)
def test_a_percent_over_a_small_earlier_amount_is_checked(earlier, computed):
    later = (
        "财政拨款收入25.00万元，比2023年预算增长2400%。"
        if "1.00" in earlier
        else "其他收入2.5万元，比2023年预算增长4999900%。"
    )
    (found,) = _across(earlier, later.replace("财政拨款收入", "财政拨款收入") if "1.00" in earlier else later)
    assert found[1] == computed


def test_truncation_is_the_runs_choice():
    earlier, later = "财政拨款收入1250.40万元。", "财政拨款收入1310.98万元，比2023年预算增加60.5万元。"
    assert [found[0] for found in _across(earlier, later, truncation=True)] == [True]
    assert [found[0] for found in _across(earlier, later, truncation=False)] == [False]


def test_the_english_message_names_the_final_account():
    heads = ("某区某局2023年度部门决算\n", "某区某局2024年度部门决算\n")
    first = check_text(heads[0] + "本年收入合计1250.40万元。", path="2023.txt")
    second = check_text(heads[1] + "本年收入合计1310.90万元，比2023年决算增加65.50万元。", path="2024.txt")
    _, checked = link.linked([first, second], link.Ledger(), True)
    (found,) = [f for f in checked.findings if f.code == "FC309"]
    assert "the 2023 final account" in message(found, "en")
    assert "比2023年决算的变化 65.50万元" in message(found, "zh")


def test_the_elsewhere_of_a_pdf_names_its_page():
    from figcheck.years.check import check as check_statement
    from figcheck.years.facts import YearStatement, YearValue

    value = check_text("财政拨款收入1250.40万元。").figures[0]
    now, change = check_text("财政拨款收入1310.90万元，增加60.50万元。").figures
    statement = YearStatement("财政拨款收入", now, change, "difference", 1, 2023, "预算")
    found = check_statement(statement, YearValue("财政拨款收入", value, 3, 7, "第2页"), "a.pdf", True)
    assert (found.elsewhere.line, found.elsewhere.column, found.elsewhere.locator) == (3, 7, "第2页")
    assert (found.elsewhere.start, found.elsewhere.end) == (value.start, value.end)


def test_an_undecided_statement_is_counted_unverifiable_for_that_reason():
    first = check_text(HEAD_2023 + "财政拨款收入1.65亿元。", path="2023.txt")
    second = check_text(HEAD_2024 + "财政拨款收入15621.11万元，比2023年预算下降5.1%。", path="2024.txt")
    assert list(second.unverified_reasons) == ["change-base"]
    _, checked = link.linked([first, second], link.Ledger(), True)
    (undecided,) = checked.undecided
    assert undecided.undecided == "coarse-inputs"
    assert (checked.unverifiable, list(checked.unverified)) == (1, [undecided.start])
    assert list(checked.unverified_reasons) == ["coarse-inputs"]


def test_a_document_waiting_for_its_earlier_year_is_checked_with_the_runs_truncation():
    first = check_text(HEAD_2024 + "财政拨款收入1310.98万元，比2023年预算增加60.5万元。", path="2024.txt")
    second = check_text(HEAD_2023 + "财政拨款收入1250.40万元。", path="2023.txt")
    checked, _ = link.linked([first, second], link.Ledger(), True)
    assert [(f.code, f.passed, f.allowance) for f in checked.results if f.code == "FC309"] == [
        ("FC309", True, "truncation")
    ]


def test_a_verified_statement_leaves_the_unverified_list():
    first = check_text(HEAD_2023 + "财政拨款收入1250.40万元。", path="2023.txt")
    second = check_text(HEAD_2024 + "财政拨款收入1310.90万元，比2023年预算增长4.8%。", path="2024.txt")
    percent = second.document.text.index("4.8%")
    assert list(second.unverified) == [percent]
    _, checked = link.linked([first, second], link.Ledger(), True)
    assert (checked.unverified, checked.unverified_reasons, checked.unverifiable) == ((), (), 0)


def test_a_document_held_to_the_end_is_checked_with_the_runs_truncation():
    """Its statement against 2022 finds no document, so it waits to the end of the run; the one against 2023 is
    checked then, with the run's choice of truncation."""
    first = check_text(HEAD_2023 + "财政拨款收入1250.40万元。", path="2023.txt")
    text = "财政拨款收入1310.98万元，比2023年预算增加60.5万元；事业收入20.00万元，比2022年预算增加5.00万元。"
    second = check_text(HEAD_2024 + text, path="2024.txt")
    _, checked = link.linked([first, second], link.Ledger(), True)
    assert [(f.passed, f.allowance) for f in checked.results if f.code == "FC309"] == [(True, "truncation")]
