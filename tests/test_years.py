"""Across years (years/, FC309): a document's identity, its values and statements, and the stage that meets two
documents — in one run, in input order, and from a results store. The rule's cases are in
rules/checks/FC309-across-years-mismatch.toml; the fixtures are two budgets of one body (fixtures/years/)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from figcheck.cli import app
from figcheck.config import Config
from figcheck.figures import find_figures
from figcheck.layout import layout
from figcheck.pipeline import check_text
from figcheck.results import FileResult
from figcheck.rulebook import BUNDLED
from figcheck.run import check_iter
from figcheck.store import codec
from figcheck.store.database import Store
from figcheck.years import link
from figcheck.years.facts import DIFFERENCE, LEVEL, PERCENT, normalised, year_facts
from figcheck.years.identity import Identity, identify

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "years"
EARLIER, LATER = sorted(FIXTURES.glob("*.txt"))
runner = CliRunner()


# -- identity: whose document of which year and kind ---------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        ("某区2024年区级部门预算\n预算主管部门：某区城市管理局\n", "某区城市管理局"),
        ("某区2024年区级部门预算\n主管部门：某区城市管理局\n", "某区城市管理局"),
        ("某区2024年区级部门预算\n预算单位：某区城市管理局\n", "某区城市管理局"),
        ("某区2024年区级部门预算\n部门名称：某区城市管理局\n", "某区城市管理局"),
        ("某区2024年区级部门预算\n单位名称：某区城市管理局\n", "某区城市管理局"),
        ("某区2024年区级部门预算\n编制部门：某区城市管理局 单位：元\n", "某区城市管理局"),
        ("某区2024年区级部门预算\n编制单位：某区城市管理局\n", "某区城市管理局"),
    ],
)
def test_an_issuer_line_names_the_body(head, issuer):
    assert identify(head) == Identity(issuer, 2024, "预算")


@pytest.mark.parametrize("level", ["省级", "市级", "区级", "县级"])
def test_a_title_shared_by_every_department_names_no_body(level):
    assert identify(f"某地2024年{level}部门预算\n目录\n") is None
    assert identify(f"某地2024年{level}部门预算\n预算主管部门：某地财政局\n") == Identity("某地财政局", 2024, "预算")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("某市财政局2024年部门决算\n", Identity("某市财政局", 2024, "决算")),
        ("“某县交通运输局” 2023年度部门预算\n", Identity("某县交通运输局", 2023, "预算")),
        ("关于某县2023年预算执行情况和2024年预算草案的报告\n", None),
        ("2024年某县政府工作报告\n", None),
        ("某县2024年国民经济和社会发展统计公报\n", None),
        ("\n\n某市财政局2024年部门预算\n", Identity("某市财政局", 2024, "预算")),
        ("关于1955年国家决算和1956年国家预算的报告\n", None),
        ("某市财政局2024年部门预算执行情况\n", None),
        ("某市财政局2024年部门预算（草案）\n", Identity("某市财政局", 2024, "预算")),
        ("某市 财政局2024年部门预算\n", Identity("某市财政局", 2024, "预算")),
        ("", None),
        ("2024\n", None),
        ("第1页 某市财政局\n2024年部门预算\n", None),
        ("某市财政局\n2024年部门预算\n", Identity("某市财政局", 2024, "预算")),
    ],
)
def test_the_title_gives_year_and_kind(title, expected):
    assert identify(title) == expected


def test_only_the_first_line_is_the_title():
    assert identify("工作总结\n某市财政局2024年部门预算\n") is None


# -- labels: an item's name as both years write it ------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("其中：财政拨款收入", "财政拨款收入"),
        ("本部门政府采购预算", "政府采购预算"),
        ("本单位政府采购预算", "政府采购预算"),
        ("全年财政拨款收入", "财政拨款收入"),
        ("本年财政拨款收入", "财政拨款收入"),
        ("当年财政拨款收入", "财政拨款收入"),
        ("2024年“三公”经费预算数为", "三公经费预算数"),
        ("“三公”经费预算数是", "三公经费预算数"),
        ("公务接待费达", "公务接待费"),
        ("（二）公务车购置及运行费", "公务用车购置及运行费"),
        ("公务车用车运行费", "公务用车运行费"),
        ("二、政府采购预算", "政府采购预算"),
        ("3. 政府采购预算", "政府采购预算"),
        ("某区某局收入预算", "收入预算"),
        ("收入总计", "收入总计"),
        ("收入", "收入"),
        ("本部门2024年政府采购预算", "政府采购预算"),
        ("为", ""),
    ],
)
def test_labels_are_normalised(label, name):
    assert normalised(BUNDLED, label, "某区某局") == name


# -- facts: what a document offers and asks -------------------------------------------------------------------


def _facts(text: str):
    figures = find_figures(text, BUNDLED)
    return year_facts(check_text(text).document, layout(text, figures, BUNDLED), identify(text))


def test_statements_of_change_are_read():
    facts = _facts(
        "某局2024年部门预算\n财政拨款收入1310.90万元，比2023年预算增加60.50万元；事业收入20.00万元，比上年预算增长5.2%。"
        "公务接待费3.20万元。比2023年预算持平，主要原因是无变化。\n"
    )
    read = [(s.label, s.change.raw, s.relation, s.direction, s.year, s.kind) for s in facts.statements]
    assert read == [
        ("财政拨款收入", "60.50万元", DIFFERENCE, 1, 2023, "预算"),
        ("事业收入", "5.2%", PERCENT, 1, 2023, "预算"),
        ("公务接待费", "持平", LEVEL, 0, 2023, "预算"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "财政拨款支出预算1310.90万元，比2023年预算执行数增加60.50万元。",  # an estimate
        "事业收入20.00万元，比2025年预算减少1.00万元。",  # a later year
        "事业收入20.00万元，比2024年预算减少1.00万元。",  # the document's own year
        "事业收入20.00万元，比预算减少1.00万元。",  # no year
        "财政拨款收入1310.90万元，比2023年预算增加5项。",  # a count
        "财政拨款收入1310.90万元，比2023年预算增加60.50~61.00万元。",  # a range
        "事业收入比上年增加20.00万元，比2023年预算增加5.00万元。",  # a change of a change
        "公务接待费1.35万元，与其他单位持平。",  # 持平 with no year
        "财政拨款收入1310.90万元。比2023年预算增加60.50万元。",  # another sentence
    ],
)
def test_no_statement_across_years(sentence):
    assert _facts("某局2024年部门预算\n" + sentence + "\n").statements == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "财政拨款收入1310.90万元, 比2023年预算增加60.50万元。",
        "财政拨款收入1310.90万元，比2023年（上一年度，下同）预算增加60.50万元。",
        "财政拨款收入1310.90万元， 比 2023 年预算增加60.50万元。",
    ],
)
def test_statements_as_written(sentence):
    (statement,) = _facts("某局2024年部门预算\n" + sentence + "\n").statements
    assert (statement.label, statement.change.raw, statement.year) == ("财政拨款收入", "60.50万元", 2023)


@pytest.mark.parametrize("change", ["比上年增加", "较上年增长", "与上年相比增加", "同比增加", "比年初预算增加"])
def test_a_comparison_is_no_value(change):
    facts = _facts(f"某局2024年部门预算\n事业收入20.00万元，{change}3.00万元。\n")
    assert [value.label for value in facts.values] == ["事业收入"]


def test_the_figure_of_a_level_statement():
    (statement,) = _facts("某局2024年部门预算\n公务接待费1.35万元，比2023年预算持平。\n").statements
    level = statement.change
    text = "某局2024年部门预算\n公务接待费1.35万元，比2023年预算持平。\n"
    assert (text[level.start : level.end], level.raw, level.unit) == ("持平", "持平", "元")
    assert (level.value, level.resolution, level.numeral) == (0, 0, "0万")


def test_tables_counts_bounds_and_kind_words_are_not_values():
    text = (
        "某局2024年部门预算\n\n| 项目 | 金额 |\n|---|---|\n| 财政拨款收入 | 1310.90万元 |\n\n"
        "2023年当年预算执行数为60.13万元。受理申请20件。事业收入超过10万元。（其中公务接待费1.20万元）"
        "政府采购预算8.00万元。\n"
    )
    result = check_text(text, path="r.md")
    assert [(value.label, value.figure.raw) for value in result.year_facts.values] == [("政府采购预算", "8.00万元")]


def test_values_after_a_statement_are_read_with_the_issuer_left_out():
    facts = _facts("某局2024年部门预算\n某局财政拨款收入1310.90万元，比2023年预算增加60.50万元；事业收入20.00万元。\n")
    assert [value.label for value in facts.values] == ["财政拨款收入", "事业收入"]
    assert [statement.label for statement in facts.statements] == ["财政拨款收入"]


def test_a_result_with_year_facts_is_stored_and_read_back():
    result = check_text(EARLIER.read_text(encoding="utf-8"), path="a.txt")
    assert result.year_facts is not None and result.year_facts.values
    assert codec.loads(codec.dumps(result)) == result


# -- the fixtures: two budgets of one body, through the command line --------------------------------------------


def _json(*args: str) -> dict:
    outcome = runner.invoke(app, ["check", "--jobs", "1", "--format", "json", "--show-passed", *args])
    assert outcome.exit_code in (0, 1), outcome.output
    return json.loads(outcome.output)


def test_the_fixtures_hold_once_broken_once_per_kind():
    report = _json(str(EARLIER), str(LATER), "--select", "FC309")
    earlier, later = report["files"]
    assert earlier["findings"] == [] and earlier["passed"] == []
    (broken,) = later["findings"]
    assert (broken["code"], broken["stated"], broken["computed"], broken["line"]) == ("FC309", "8000", "0万", 11)
    assert broken["elsewhere"] == {
        "path": str(EARLIER),
        "label": "公务接待费",
        "text": "6.20万元",
        "line": 11,
        "column": 100,
        "start": broken["elsewhere"]["start"],
        "end": broken["elsewhere"]["end"],
        "location": "",
    }
    text = EARLIER.read_text(encoding="utf-8")
    assert text[broken["elsewhere"]["start"] : broken["elsewhere"]["end"]] == "6.20万元"
    assert broken["suggestion"] == "按2023年预算，变化应为 持平"
    held = sorted((p["line"], p["stated"], p["formula"]) for p in later["passed"])
    assert held[0] == (5, "13565000", "37566.65万 − 36210.15万 = 1356.5万")
    assert (7, "3.8", "(37166.65万 − 35810.15万) / 35810.15万 = 3.79%") in held
    assert len(held) == 7


def test_findings_of_other_rules_have_no_elsewhere():
    report = _json(str(FIXTURES))
    assert all(
        "elsewhere" not in finding
        for file in report["files"]
        for finding in file["passed"]
        if finding["code"] != "FC309"
    )


def test_a_verified_statement_is_no_longer_unverifiable():
    alone = _json(str(LATER))["files"][0]["coverage"]
    together = _json(str(EARLIER), str(LATER))["files"][1]["coverage"]
    assert together["verified"] == alone["verified"] + 7
    assert together["failed"] == alone["failed"] + 1
    # the percent (增长3.8%) was the one statement no rule could verify alone; the amounts FC304 bounds already
    assert (alone["unverifiable"], together["unverifiable"]) == (1, 0)


# -- the stage: input order, the window, the store ---------------------------------------------------------------


def _result(path: str, text: str) -> FileResult:
    return check_text(text, path=path)


def test_the_earlier_document_later_in_the_input_is_waited_for(tmp_path):
    results = [_result("later.txt", LATER.read_text(encoding="utf-8")), _result("x.txt", "无关。")]
    results.append(_result("earlier.txt", EARLIER.read_text(encoding="utf-8")))
    out = list(link.linked(results, link.Ledger(), True))
    assert [r.path for r in out] == ["later.txt", "x.txt", "earlier.txt"]
    assert sum(f.code == "FC309" for f in out[0].results) == 8


def test_no_more_than_the_window_waits(tmp_path):
    between = [_result(f"x{n}.txt", "无关。") for n in range(5)]
    results = [_result("later.txt", LATER.read_text(encoding="utf-8")), *between]
    results.append(_result("earlier.txt", EARLIER.read_text(encoding="utf-8")))
    waiting = []

    def counted():
        for number, result in enumerate(results):
            waiting.append(number - len(released))
            yield result

    released: list[FileResult] = []
    for result in link.linked(counted(), link.Ledger(), True, window=3):
        released.append(result)
    assert [r.path for r in released] == [r.path for r in results]
    assert max(waiting) <= 4  # the window and the one just read
    assert not any(f.code == "FC309" for f in released[0].results), "the earlier document came too late"


def test_the_store_holds_the_earlier_year(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(EARLIER, folder / EARLIER.name)
    store = tmp_path / "results.sqlite"
    assert _json(str(folder), "--store", str(store))["summary"]["findings"] == 0
    later = tmp_path / "new" / LATER.name
    later.parent.mkdir()
    shutil.copy(LATER, later)
    (entry,) = _json(str(later), "--store", str(store), "--select", "FC309")["files"]
    assert [f["elsewhere"]["path"] for f in entry["findings"]] == [str(folder / EARLIER.name)]
    reported = runner.invoke(app, ["report", "--store", str(store), "--format", "json", "--select", "FC309"])
    files = json.loads(reported.output)["files"]
    assert [len(file["findings"]) for file in files] == [0, 1], "report --store meets the two whatever their order"
    identity = list(Store(str(store))._db.execute("SELECT issuer, year, kind FROM inputs ORDER BY year"))
    assert identity == [("江城区教育局", 2023, "预算"), ("江城区教育局", 2024, "预算")]


def test_a_run_with_one_document_adds_nothing():
    (result,) = check_iter([str(LATER)], Config())
    assert not any(f.code == "FC309" for f in result.results)


# -- carried over: this year's 上年结转 is last year's 结转下年度 ------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("洪泽区人民政府", "淮安市洪泽区人民政府", True),
        ("洪泽区人民政府", "洪泽区人民政府", True),
        ("某县政府", "某市某县政府", True),
        ("县政府", "某市县政府", False),
        ("某县人民政府", "某省某县人民政府", True),
        ("某县人民政府", "某自治区某县人民政府", True),
        ("某县人民政府", "某自治州某县人民政府", True),
        ("某县人民政府", "某州某县人民政府", True),
        ("某县人民政府", "某地区某县人民政府", True),
        ("某旗人民政府", "某盟某旗人民政府", True),
        ("北京市朝阳区人民政府", "长春市朝阳区人民政府", False),
        ("财政局", "某市财政局", False),
        ("某县人民政府", "某县某乡人民政府", False),
    ],
)
def test_a_body_with_or_without_the_place_above_it(one, other, same):
    from figcheck.years.identity import same_body

    assert same_body(one, other) is same and same_body(other, one) is same


def test_a_name_two_bodies_could_have_finds_none():
    from figcheck.years.identity import the_body

    documents = [("北京市朝阳区人民政府", "b"), ("长春市朝阳区人民政府", "c")]
    assert the_body("朝阳区人民政府", documents) == []
    assert the_body("北京市朝阳区人民政府", documents) == ["b"]
    assert the_body("朝阳区人民政府", documents[:1]) == ["b"]
    assert the_body("朝阳区人民政府", [*documents[:1], ("北京市朝阳区人民政府", "b2")]) == ["b", "b2"]
    assert the_body("朝阳区人民政府", [("朝阳区人民政府", "a"), *documents]) == ["a"], "its own name first"


def test_the_short_title_of_a_disclosure_report():
    assert identify("某县人民政府2024年政府信息公开年度报告\n") == Identity("某县人民政府", 2024, "信息公开年报")


def _carried(text: str):
    result = check_text(text, path="r.md")
    return [(row.side, row.name, [figure.raw for figure in row.figures]) for row in result.year_facts.carried]


def test_short_row_names_are_carried_rows():
    table = "某县人民政府2024年政府信息公开工作年度报告\n\n| 项目 | 总计 |\n|---|---|\n"
    table += "| 上年结转 | 3 |\n| 结转下年度 | 2 |\n"
    assert _carried(table) == [("into", "上年结转", ["3"]), ("out", "上年结转", ["2"])]


def test_two_names_in_one_row_are_two_rows():
    table = (
        "某区财政局2024年度部门决算\n\n| 项目 | 决算数 | 项目 | 决算数 |\n|---|---|---|---|\n"
        "| 本年收入 | 1,000.00 | 本年支出 | 950.00 |\n| 年初结转和结余 | 120.50 | 年末结转和结余 | 170.50 |\n"
    )
    assert _carried(table) == [("into", "年初结转和结余", ["120.50"]), ("out", "年初结转和结余", ["170.50"])]


def test_a_tables_rows_are_read_once():
    from figcheck.load import load_bytes
    from figcheck.pipeline import check_document

    page = (
        "<html><body><h1>某县人民政府2024年政府信息公开工作年度报告</h1><table>"
        "<tr><td>项目</td><td>自然人</td><td>总计</td></tr>"
        "<tr><td>二、上年结转政府信息公开申请数量</td><td>3</td><td>4</td></tr>"
        "<tr><td>四、结转下年度继续办理</td><td>2</td><td>2</td></tr></table>"
        "<p>上年结转政府信息公开申请数量5件。</p></body></html>"
    )
    result = check_document(load_bytes("r.html", page.encode()))
    rows = [(row.side, [figure.raw for figure in row.figures]) for row in result.year_facts.carried]
    assert rows == [("into", ["3", "4"]), ("out", ["2", "2"]), ("into", ["5件"])], (
        "the table's cells not again as prose"
    )


def test_rows_of_each_length_are_compared_apart():
    """An ambiguous pair of one-figure rows (the prose names two amounts) does not stop the table's row."""
    table = "| 项目 | 自然人 | 总计 |\n|---|---|---|\n"
    earlier = check_text(
        "某县人民政府2023年政府信息公开工作年度报告\n\n结转下年度继续办理3件；结转下年度继续办理2件。\n\n"
        + table
        + "| 四、结转下年度继续办理 | 3 | 5 |\n",
        path="2023.md",
    )
    later = check_text(
        "某县人民政府2024年政府信息公开工作年度报告\n\n上年结转3件。\n\n" + table + "| 二、上年结转 | 3 | 4 |\n",
        path="2024.md",
    )
    _, checked = link.linked([earlier, later], link.Ledger(), True)
    carried = [(f.stated.raw, f.passed, f.elsewhere.text) for f in checked.results if f.code == "FC310"]
    assert carried == [("3", True, "3"), ("4", False, "5")]
    (broken,) = [f for f in checked.results if f.code == "FC310" and not f.passed]
    text = earlier.document.text
    assert text[broken.elsewhere.start : broken.elsewhere.end] == "5"
    assert (broken.elsewhere.line, broken.elsewhere.column) == earlier.document.line_col(broken.elsewhere.start)


def test_an_inline_directive_suppresses_a_finding_across_years(tmp_path):
    earlier = tmp_path / "2023.md"
    earlier.write_text("某区某局2023年部门预算\n\n公务接待费6.20万元。\n", encoding="utf-8")
    later = tmp_path / "2024.md"
    later.write_text(
        "某区某局2024年部门预算\n\n<!-- figcheck: ignore FC309 -->\n公务接待费6.20万元，比2023年预算减少0.80万元。\n",
        encoding="utf-8",
    )
    _, together = check_iter([str(earlier), str(later)], Config())
    assert [f.code for f in together.findings] == [], "suppressed, and the directive was used"
    (alone,) = check_iter([str(later)], Config())
    assert [f.code for f in alone.findings] == ["FC701"], "without the earlier year the directive suppresses nothing"
    unsuppressed = tmp_path / "2024b.md"
    unsuppressed.write_text(later.read_text(encoding="utf-8").replace("FC309", "FC301"), encoding="utf-8")
    _, plain = check_iter([str(earlier), str(unsuppressed)], Config())
    assert sorted(f.code for f in plain.findings) == ["FC309", "FC701"]


@pytest.mark.parametrize(
    ("row", "side"),
    [
        ("二、上年结转 政府信息公开申请数量", "into"),
        ("“上年结转政府信息公开申请数量”", "into"),
        ("（二）、上年结转政府信息公开申请数量", "into"),
        ("(四)结转下年度继续办理", "out"),
        ("其中：上年结转政府信息公开申请数量", None),
    ],
)
def test_row_names_are_read_as_written(row, side):
    text = f"某县人民政府2024年政府信息公开工作年度报告\n\n| 项目 | 总计 |\n|---|---|\n| {row} | 3 |\n"
    assert [found[0] for found in _carried(text)] == ([side] if side else [])


def test_a_range_is_no_carried_row():
    assert _carried("某县人民政府2024年政府信息公开工作年度报告\n\n上年结转3~5件。\n") == []


def test_the_earlier_document_within_the_window_and_beyond():
    def run(between: int) -> bool:
        results = [_result("later.txt", LATER.read_text(encoding="utf-8"))]
        results += [_result(f"x{n}.txt", "无关。") for n in range(between)]
        results.append(_result("earlier.txt", EARLIER.read_text(encoding="utf-8")))
        first = next(iter(link.linked(results, link.Ledger(), True, window=3)))
        return any(f.code == "FC309" for f in first.results)

    assert run(3) and not run(4), "three inputs between wait; four do not"


def test_carried_rows_wait_for_the_earlier_year_too():
    table = "\n\n| 项目 | 总计 |\n|---|---|\n"
    later = check_text("某县人民政府2024年政府信息公开工作年度报告" + table + "| 二、上年结转 | 4 |\n", path="b.md")
    earlier = check_text("某县人民政府2023年政府信息公开工作年度报告" + table + "| 四、结转下年度 | 5 |\n", path="a.md")
    first, _ = link.linked([later, earlier], link.Ledger(), True)
    assert [(f.code, f.passed) for f in first.results if f.code == "FC310"] == [("FC310", False)]


def test_a_word_drafts_figures_are_placed_by_paragraph(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某区财政局2024年度部门决算")
    document.add_paragraph("年初结转和结余140.30万元。政府采购预算8.00万元。")
    path = tmp_path / "d.docx"
    document.save(path)
    (result,) = check_iter([str(path)], Config())
    (value,) = result.year_facts.values[-1:]
    assert value.locator == "第2段" and value.line >= 1
    assert result.year_facts.carried[0].places[0][2] == "第2段"


def test_carried_rows_from_the_store(tmp_path):
    table = "\n\n| 项目 | 总计 |\n|---|---|\n"
    earlier, later = tmp_path / "a" / "2023.md", tmp_path / "b" / "2024.md"
    earlier.parent.mkdir(), later.parent.mkdir()
    earlier.write_text(
        "某县人民政府2023年政府信息公开工作年度报告" + table + "| 四、结转下年度 | 5 |\n", encoding="utf-8"
    )
    later.write_text("某县人民政府2024年政府信息公开工作年度报告" + table + "| 二、上年结转 | 4 |\n", encoding="utf-8")
    store = tmp_path / "results.sqlite"
    _json(str(earlier), "--store", str(store))
    (entry,) = _json(str(later), "--store", str(store), "--select", "FC310")["files"]
    assert [(f["code"], f["elsewhere"]["text"]) for f in entry["findings"]] == [("FC310", "5")]
