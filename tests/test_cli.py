"""The command line through typer's CliRunner: exit codes, the JSON contract, unreadable inputs."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, SEED
from figcheck import __version__
from figcheck.cli import app

DEMO = FIXTURES / "demo-report.txt"
CLEAN = "全年共收到人大代表建议86件，其中主办建议52件、协办建议34件。\n"
FLAWED = "市本级受理政府信息公开申请413件，区县受理1207件，合计1602件。\n"
INFO_ONLY = "全年办理行政处罚案件1530件，其中简易程序案件920件、普通程序案件600件。\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_clean_file_exits_0(runner, tmp_path):
    result = runner.invoke(app, ["check", str(_write(tmp_path, "a.txt", CLEAN))])
    assert result.exit_code == 0, result.output
    assert "错误 0" in result.output


def test_findings_exit_1_with_location_code_and_arithmetic(runner, tmp_path):
    path = _write(tmp_path, "b.txt", FLAWED)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:1:") and "FC101 sum-mismatch" in first
    assert "413 + 1207 = 1620 ≠ 1602件（所述总数）" in result.output


def test_info_findings_do_not_fail_the_run(runner, tmp_path):
    result = runner.invoke(app, ["check", str(_write(tmp_path, "c.txt", INFO_ONLY))])
    assert result.exit_code == 0
    assert "FC103" in result.output


def test_unreadable_input_exits_2_and_the_others_are_still_reported(runner, tmp_path):
    flawed = _write(tmp_path, "b.txt", FLAWED)
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["check", str(missing), str(flawed), "--format", "json"])
    assert result.exit_code == 2
    report = json.loads(result.output)
    by_path = {entry["path"]: entry for entry in report["files"]}
    assert by_path[str(missing)]["error"] == "文件不存在"
    assert [f["code"] for f in by_path[str(flawed)]["findings"]] == ["FC101"]
    assert report["summary"]["errors"] == 1 and report["summary"]["files"] == 2


def test_binary_file_is_an_error_not_a_crash(runner, tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "NUL" in result.output


def test_usage_error_exits_2(runner):
    assert runner.invoke(app, ["check"]).exit_code == 2
    assert runner.invoke(app, ["check", "--format", "xml", str(SEED)]).exit_code == 2
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2


def test_directories_are_walked_for_supported_files(runner, tmp_path):
    _write(tmp_path, "a.txt", CLEAN)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "b.md", FLAWED)
    _write(tmp_path, "ignored.csv", FLAWED)
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    report = json.loads(result.output)
    assert sorted(entry["path"] for entry in report["files"]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.md"),
    ]
    assert result.exit_code == 1


def test_stdin(runner):
    result = runner.invoke(app, ["check", "-", "--format", "json"], input=FLAWED.encode())
    assert result.exit_code == 1
    assert json.loads(result.output)["files"][0]["path"] == "-"


def test_json_follows_the_contract(runner):
    result = runner.invoke(app, ["check", str(DEMO), "--format", "json", "--show-passed"])
    report = json.loads(result.output)
    assert report["version"] == __version__
    assert set(report["summary"]) >= {"files", "findings", "errors", "passed"}
    entry = report["files"][0]
    assert entry["path"] == str(DEMO) and entry["error"] is None
    text = DEMO.read_text(encoding="utf-8")
    for finding in entry["findings"] + entry["passed"]:
        assert set(finding) >= {
            "code",
            "rule",
            "severity",
            "message",
            "line",
            "column",
            "start",
            "end",
            "stated",
            "computed",
            "formula",
            "figures",
        }
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["code"][:2] == "FC" and finding["code"][2:].isdigit() and len(finding["code"]) == 5
        line_start = text.rfind("\n", 0, finding["start"]) + 1
        assert finding["line"] == text.count("\n", 0, finding["start"]) + 1
        assert finding["column"] == finding["start"] - line_start + 1
        for figure in finding["figures"]:
            assert text[figure["start"] : figure["end"]] == figure["text"]
            assert set(figure) >= {"text", "value", "unit", "role", "start", "end"}
    [finding] = entry["findings"]
    assert (finding["code"], finding["rule"], finding["stated"], finding["computed"]) == (
        "FC101",
        "sum-mismatch",
        "64",
        "63",
    )
    assert finding["formula"] == "38 + 9 + 3 + 8 + 5 = 63"
    assert report["summary"]["passed"] == len(entry["passed"]) > 0


def test_passed_only_with_show_passed(runner):
    report = json.loads(runner.invoke(app, ["check", str(SEED), "--format", "json"]).output)
    assert "passed" not in report["files"][0] and report["summary"]["passed"] >= 4


def test_figures_command_lists_values_units_qualifiers_and_places(runner, tmp_path):
    path = _write(tmp_path, "f.txt", "2019年培训1500余人次，增长12.5%，投资1.2亿元。")
    result = runner.invoke(app, ["figures", str(path), "--format", "json"])
    assert result.exit_code == 0
    figures = json.loads(result.output)["files"][0]["figures"]
    assert [(f["text"], f["value"], f["unit"], f["qualifier"]) for f in figures] == [
        ("1500余人次", "1500", "人次", "over"),
        ("12.5%", "12.5", "%", "none"),
        ("1.2亿元", "120000000", "元", "none"),
    ]
    assert (figures[0]["line"], figures[0]["column"], figures[0]["start"]) == (1, 8, 7)
    text_output = runner.invoke(app, ["figures", str(path)]).output
    assert f"{path}:1:8  1500余人次  = 1500 人次  [over]" in text_output


def test_gbk_input_is_detected(runner, tmp_path):
    path = _write(tmp_path, "gbk.txt", FLAWED, encoding="gbk")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert [f["code"] for f in json.loads(result.output)["files"][0]["findings"]] == ["FC101"]


def test_rules_explain_version(runner):
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0 and "FC101  sum-mismatch" in listing.output
    explained = runner.invoke(app, ["explain", "FC201"])
    assert explained.exit_code == 0 and "rate-mismatch" in explained.output and "报错的例子" in explained.output
    assert runner.invoke(app, ["explain", "sum-mismatch"]).exit_code == 0
    assert runner.invoke(app, ["explain", "FC999"]).exit_code == 2
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.strip() == f"figcheck {__version__}"


def test_english_messages(runner, tmp_path):
    result = runner.invoke(app, ["check", str(_write(tmp_path, "b.txt", FLAWED)), "--lang", "en"])
    assert "the parts add up to 1620, not the stated total 1602" in result.output
    assert "1 error(s)" in result.output


def test_no_colour_when_not_a_terminal(runner):
    result = runner.invoke(app, ["check", str(DEMO)], env={"NO_COLOR": "1"})
    assert "\x1b[" not in result.output


@pytest.mark.parametrize(
    ("option", "value", "named", "nearest"),
    [
        ("--select", "FC999", "FC999", "FC309"),
        ("--ignore", "FC1O1", "FC1O1", "FC101"),
        ("--select", "FC1,FC19", "FC19", "FC10"),
        ("--ignore", "FC8", "FC8", "FC7"),
    ],
)
def test_a_code_that_names_no_rule_is_a_usage_error(runner, tmp_path, option, value, named, nearest):
    """A mistyped code would select nothing and exit 0: a silently green CI run (issue 15)."""
    report = tmp_path / "r.txt"
    report.write_text("全年受理申请64件，其中予以公开40件、不予公开30件。", encoding="utf-8")
    shown = runner.invoke(app, ["check", str(report), option, value])
    assert shown.exit_code == 2
    assert f"没有规则代码为 {named}（最接近的是 {nearest}" in shown.output
    assert runner.invoke(app, ["check", str(report), "--select", "FC1"]).exit_code == 1, "a real prefix still works"


def test_a_configured_code_that_names_no_rule_is_a_usage_error(runner, tmp_path):
    (tmp_path / "figcheck.toml").write_text('ignore = ["FC109"]\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("全年受理申请64件，其中予以公开40件、不予公开19件。", encoding="utf-8")
    shown = runner.invoke(app, ["check", str(report)])
    assert shown.exit_code == 2 and "没有规则代码为 FC109" in shown.output


def test_version_answers_without_loading_the_command_line():
    import subprocess
    import sys

    probe = (
        "import sys\nfrom figcheck.entry import main\nsys.argv = ['figcheck', '--version']\nmain()\n"
        "print(sorted(m for m in ('typer', 'rich', 'figcheck.cli') if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout == f"figcheck {__version__}\n"
    assert done.stderr.strip() == "[]", done.stderr
