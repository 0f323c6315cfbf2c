"""The terminal report as people and CI logs meet it: colour, width, table excerpts, the concise format,
statistics and the unverifiable statements listed with their reasons (issue 15, items 2 and 3)."""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from figcheck.cli import app
from pty_run import on_a_terminal

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
TABLE = """表1 2024年各类案件情况

| 类别 | 件数 | 占比(%) |
| --- | --- | --- |
| 行政复议 | 150 | 36.67 |
| 行政诉讼 | 47 | 11.49 |
| 信访 | 212 | 51.83 |
| 合计 | 409 | 100 |
"""
FLAWED = "市本级受理政府信息公开申请413件，区县受理1207件，合计1602件。全年受理案件由352件增加到436件，增长24.5%。\n"
RESTATED = (
    "全市共受理行政复议申请212件，较上年有所增加。\n二、主要做法\n全市受理的221件行政复议申请中，涉及市场监管的46件。\n"
)
UNVERIFIABLE = (
    "全市法院审结案件1200件，结案率95.2%。全年税收收入50亿元，占一般公共预算收入的比重为60.6%。"
    "出口总额增长12.5%。其中民营企业占45%。由1.2亿元降至1.1亿元，下降16%。\n"
)


def _file(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(*args: str, env: dict[str, str] | None = None):
    base = {"NO_COLOR": "", "FORCE_COLOR": "", "COLUMNS": ""}
    return CliRunner().invoke(app, list(args), env=base | (env or {}))


# ── colour ──────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("flag", "env", "escapes"),
    [
        ("always", {}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {}, False),  # CliRunner's output is no terminal
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ("always", {"NO_COLOR": "1"}, True),
    ],
)
def test_color_choice(tmp_path, flag, env, escapes):
    result = _run("check", _file(tmp_path, "a.txt", FLAWED), "--color", flag, env=env)
    assert result.exit_code == 1, result.output
    assert bool(ESCAPE.search(result.output)) is escapes, result.output


def test_forced_colour_marks_the_total_red(tmp_path):
    output = _run("check", _file(tmp_path, "a.txt", FLAWED), "--color", "always").output
    assert "\x1b[1;31m1602件" in output, repr(output)


def _in_a_terminal(args: list[str], columns: int, env: dict[str, str], cwd=None) -> str:
    """Run figcheck with its output on a pseudo-terminal of `columns` columns; what the terminal received."""
    return on_a_terminal(args, env, columns, cwd)[0]


def test_no_color_on_a_terminal_means_no_escapes_at_all(tmp_path):
    path = _file(tmp_path, "a.txt", FLAWED)
    coloured = _in_a_terminal(["check", path], 100, {})
    plain = _in_a_terminal(["check", path], 100, {"NO_COLOR": "1"})
    assert ESCAPE.search(coloured), "a terminal gets colour by default"
    assert not ESCAPE.search(plain), repr(plain)  # not even bold or dim


def test_a_terminal_report_wraps_to_its_width_keeping_the_gutter(tmp_path):
    _file(tmp_path, "a.txt", FLAWED)
    output = _in_a_terminal(["check", "a.txt", "--color", "never"], 50, {}, cwd=tmp_path)
    lines = output.rstrip("\n").split("\n")
    assert all(cell_len(line) <= 50 for line in lines), [line for line in lines if cell_len(line) > 50]
    summary = next(index for index, line in enumerate(lines) if line.startswith("检查了"))
    body = [line for line in lines[:summary] if not line.startswith(("a.txt:", "    "))]
    assert len(body) > 4, "the excerpt, the arithmetic and the suggestion wrap onto more lines"
    assert all(line.startswith("  │ ") for line in body), [line for line in body if not line.startswith("  │ ")]


# ── width ───────────────────────────────────────────────────────────────────
def test_columns_wraps_without_cutting_a_number(tmp_path):
    output = _run("check", _file(tmp_path, "a.txt", FLAWED), env={"COLUMNS": "40"}).output
    lines = output.rstrip("\n").split("\n")
    assert all(cell_len(line) <= 40 for line in lines), lines
    assert sum("1602件" in line for line in lines) >= 2, "a number is moved whole to the next line, never cut"
    assert sum("23.86%" in line for line in lines) >= 2
    assert not any(line.startswith("  │ ，") or line.startswith("  │ 。") for line in lines), "no line opens with ，"


def test_a_pipe_is_not_wrapped(tmp_path):
    output = _run("check", _file(tmp_path, "a.txt", FLAWED)).output
    assert "  │ 市本级受理政府信息公开申请413件，区县受理1207件，合计1602件。" in output
    assert max(cell_len(line) for line in output.split("\n")) > 80


# ── what a finding is shown with ────────────────────────────────────────────
def test_a_table_finding_shows_the_header_and_its_rows_aligned(tmp_path):
    broken = TABLE.replace("| 行政诉讼 | 47 |", "| 行政诉讼 | 74 |")
    output = _run("check", _file(tmp_path, "t.md", broken), "--select", "FC402").output
    excerpt = [line[4:] for line in output.split("\n") if line.startswith("  │ ")]
    assert excerpt[0].split() == ["类别", "件数", "占比(%)"], excerpt
    assert excerpt[1].split() == ["行政诉讼", "74", "11.49"], excerpt
    assert excerpt[2].split() == ["合计", "409", "100"], "the whole the share is of"
    assert "信访" not in output and "行政复议 " not in output, "rows the finding does not involve are left out"
    # aligned: every column ends where its header ends
    assert cell_len(excerpt[0][: excerpt[0].index("件数") + 2]) == cell_len(excerpt[1][: excerpt[1].index("74") + 2])


def test_a_restated_figure_shows_both_sentences_on_their_own_lines(tmp_path):
    output = _run("check", _file(tmp_path, "r.txt", RESTATED)).output
    excerpt = [line[4:] for line in output.split("\n") if line.startswith("  │ ")]
    assert excerpt[0] == "全市共受理行政复议申请212件，较上年有所增加。"
    assert excerpt[1] == "全市受理的221件行政复议申请中，涉及市场监管的46件。"
    assert "主要做法" not in output


# ── concise and statistics ──────────────────────────────────────────────────
def test_concise_is_one_line_per_finding(tmp_path):
    flawed = _file(tmp_path, "a.txt", FLAWED)
    table = _file(tmp_path, "t.md", TABLE.replace("| 行政诉讼 | 47 |", "| 行政诉讼 | 74 |"))
    result = _run("check", flawed, table, "--format", "concise")
    assert result.exit_code == 1
    lines = result.output.rstrip("\n").split("\n")
    assert lines[-1].startswith("检查了 2 个文件：错误 4")
    findings = lines[:-1]
    assert len(findings) == 4, lines
    for line in findings:
        assert re.fullmatch(r".+:\d+:\d+: FC\d{3} .+", line), line
    assert findings[0].startswith(f"{flawed}:1:{FLAWED.index('1602') + 1}: FC101 分项之和为 1620，与所述总数 1602 不符")
    assert findings[1].startswith(f"{flawed}:1:{FLAWED.index('24.5%') + 1}: FC301 ")
    assert f"{table}:6:15: FC402 [表1 第3行第3列] 表中占比 11.49 与计数不符" in result.output


def test_statistics_count_per_code_most_first(tmp_path):
    flawed = _file(tmp_path, "a.txt", FLAWED * 2)
    table = _file(tmp_path, "t.md", TABLE.replace("| 行政诉讼 | 47 |", "| 行政诉讼 | 74 |"))
    result = _run("check", flawed, table, "--statistics")
    rows = [line.split() for line in result.output.split("\n") if re.match(r"\s*\d+\s+FC", line)]
    assert [row[:2] for row in rows] == [["2", "FC101"], ["2", "FC301"], ["1", "FC401"], ["1", "FC402"]], rows
    assert rows[0][2:4] == ["error", "sum-mismatch"]
    assert "│" not in result.output, "statistics replace the findings"
    assert result.exit_code == 1, "the exit code is that of the findings counted"
    data = json.loads(_run("check", flawed, "--statistics", "--format", "json").output)
    assert data == [
        {"code": "FC101", "name": "sum-mismatch", "severity": "error", "count": 2, "summary": "分项之和与合计不符"},
        {"code": "FC301", "name": "change-mismatch", "severity": "error", "count": 2, "summary": data[1]["summary"]},
    ]


def test_statistics_with_a_format_it_cannot_join_is_a_usage_error(tmp_path):
    result = _run("check", _file(tmp_path, "a.txt", FLAWED), "--statistics", "--format", "sarif")
    assert result.exit_code == 2 and "--statistics" in result.output


# ── unverifiable statements ─────────────────────────────────────────────────
REASONS = [
    ("95.2%", "rate-counts", "文中未给出计算该比率的计数"),
    ("60.6%", "share-whole", "所称的整体「一般公共预算收入」在文中找不到数值"),
    ("12.5%", "change-base", "文中未给出变化的基期（对比期）数值"),
    ("45%", "share-figures", "文中未给出该占比的部分或整体的数值"),
    ("16%", "coarse-inputs", "精度不足"),
]


def test_show_unverifiable_lists_each_statement_with_its_reason(tmp_path):
    path = _file(tmp_path, "u.txt", UNVERIFIABLE)
    lines = _run("check", path, "--show-unverifiable", "--format", "concise").output.rstrip("\n").split("\n")
    assert lines[-1].endswith("无法核验的陈述 5。")
    assert len(lines) == 6
    for line, (figure, _, why) in zip(lines, REASONS, strict=False):
        assert f"？ 「{figure}」无法核验：{why}" in line, line
    text = _run("check", path, "--show-unverifiable").output
    assert "  │ 全市法院审结案件1200件，结案率95.2%。" in text
    assert "无法核验" not in _run("check", path).output.replace("无法核验的陈述 5", "")


def test_show_unverifiable_in_json(tmp_path):
    path = _file(tmp_path, "u.txt", UNVERIFIABLE)
    report = json.loads(_run("check", path, "--show-unverifiable", "--format", "json").output)
    listed = report["files"][0]["unverifiable_statements"]
    assert [(item["figure"], item["reason"]) for item in listed] == [(f, r) for f, r, _ in REASONS]
    assert listed[0]["line"] == 1 and listed[0]["column"] == 18 and listed[0]["why"] == REASONS[0][2]
    english = json.loads(_run("check", path, "--show-unverifiable", "--format", "json", "--lang", "en").output)
    assert english["files"][0]["unverifiable_statements"][2]["why"] == "the figure of the base period is not given"
    plain = json.loads(_run("check", path, "--format", "json").output)
    assert "unverifiable_statements" not in plain["files"][0]


# ── the JSON names (item 5) ─────────────────────────────────────────────────
def test_json_unreadable_is_named_apart_from_error_findings(tmp_path):
    flawed = _file(tmp_path, "a.txt", FLAWED)
    report = json.loads(_run("check", flawed, str(tmp_path / "missing.txt"), "--format", "json").output)
    summary = report["summary"]
    assert summary["unreadable"] == 1 and summary["by_severity"]["error"] == 2
    assert summary["errors"] == summary["unreadable"], "the old name stays, with the same value, through 0.2.x"


def test_json_computed_value_is_in_the_form_of_stated(tmp_path):
    text = "国有企业0.3万户、民营企业0.8万户，合计1.3万户。全年受理案件由352件增加到436件，增长24.5%。\n"
    report = json.loads(_run("check", _file(tmp_path, "v.txt", text), "--format", "json").output)
    found = {f["code"]: f for f in report["files"][0]["findings"]}
    assert (found["FC101"]["stated"], found["FC101"]["computed_value"], found["FC101"]["unit"]) == (
        "13000",
        "11000",
        "户",
    )
    change = found["FC301"]
    assert change["unit"] == "%" and change["stated"] == "24.5"
    assert change["computed_value"] == "23.86" and change["computed"].rstrip("%") == "23.86"


BUDGET_TABLE = """<html><body><table>
<tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th colspan="2">一般公共预算支出</th></tr>
<tr><th>基本支出</th><th>项目支出</th></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>120.5</td><td>30.0</td></tr>
<tr><td>208</td><td>社会保障和就业支出</td><td>80.2</td><td>12.0</td></tr>
<tr><td>210</td><td>卫生健康支出</td><td>10.0</td><td>0.0</td></tr>
<tr><td colspan="2">合计</td><td>220.7</td><td>42.0</td></tr>
</table></body></html>"""


def test_a_table_excerpt_keeps_every_header_row_and_the_name_column_saying_merged_cells_once(tmp_path):
    output = _run("check", _file(tmp_path, "b.html", BUDGET_TABLE), "--select", "FC401").output
    excerpt = [line[4:] for line in output.split("\n") if line.startswith("  │ ")][:6]
    assert [line.split() for line in excerpt] == [
        ["科目编码", "科目名称", "一般公共预算支出"],
        ["基本支出"],  # the second header row; 科目编码 and 科目名称 span both and are said once
        ["201", "一般公共服务支出", "120.5"],
        ["208", "社会保障和就业支出", "80.2"],
        ["210", "卫生健康支出", "10.0"],
        ["合计", "220.7"],  # 合计 spans the code and name columns
    ]
    assert "项目支出" not in output, "only the column of the figures"
