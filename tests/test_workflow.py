"""CI outputs, configuration, suppressions, baselines, parallel runs and diffs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from conftest import DATA, FIXTURES, ROOT
from figcheck.cli import app

DEMO = FIXTURES / "demo-report.txt"
FLAWED_SUM = "市本级受理政府信息公开申请413件，区县受理1207件，合计1602件。"
INFO_ONLY = "全年办理行政处罚案件1530件，其中简易程序案件920件、普通程序案件600件。"


def run(*args: str, cwd: Path | None = None):
    if cwd is None:
        return CliRunner().invoke(app, list(args))
    import os

    previous = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, list(args))
    finally:
        os.chdir(previous)


# ── outputs ─────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "jsonl"])
def test_output_formats_match_their_snapshots(fmt):
    result = run(
        "check",
        "fixtures/demo-report.txt",
        "fixtures/nanguan-2019-rule-of-law-report.txt",
        "--format",
        fmt,
        "--jobs",
        "1",
        cwd=ROOT,
    )
    assert result.exit_code == 1
    golden = DATA / "golden" / f"demo.{fmt}"
    assert result.output == golden.read_text(encoding="utf-8"), f"regenerate {golden} and review the diff"


def test_sarif_validates_against_the_official_schema():
    report = json.loads(run("check", str(DEMO), "--format", "sarif").output)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    run_ = report["runs"][0]
    assert [rule["id"] for rule in run_["tool"]["driver"]["rules"]][:3] == ["FC101", "FC102", "FC103"]
    [result] = run_["results"]
    assert result["ruleId"] == "FC101" and len(result["relatedLocations"]) == 6
    assert result["partialFingerprints"]["figcheck/v1"]


def test_sarif_columns_count_utf16_code_units(tmp_path):
    path = tmp_path / "astral.txt"
    path.write_text("𠀀𠀁" + FLAWED_SUM + "\n", encoding="utf-8")  # two characters outside the BMP
    region = json.loads(run("check", str(path), "--format", "sarif").output)["runs"][0]["results"][0]
    start = region["locations"][0]["physicalLocation"]["region"]["startColumn"]
    code_points = json.loads(run("check", str(path), "--format", "json").output)["files"][0]["findings"][0]["column"]
    assert start == code_points + 2


def test_github_annotations_escape_properties(tmp_path):
    path = tmp_path / "a,b:c.txt"
    path.write_text(FLAWED_SUM + "\n", encoding="utf-8")
    line = run("check", str(path), "--format", "github").output.strip()
    assert line.startswith("::error file=") and "a%2Cb%3Ac.txt" in line and ",line=1,col=" in line
    assert "title=FC101 sum-mismatch::" in line


def test_junit_has_one_case_per_file(tmp_path):
    (tmp_path / "bad.txt").write_text(FLAWED_SUM, encoding="utf-8")
    (tmp_path / "good.txt").write_text("无数字。", encoding="utf-8")
    xml = run("check", str(tmp_path), "--format", "junit").output
    assert xml.count("<testcase ") == 2 and xml.count("<failure ") == 1 and 'failures="1"' in xml


def test_output_file(tmp_path):
    target = tmp_path / "out.json"
    result = run("check", str(DEMO), "--format", "json", "--output", str(target))
    assert result.output == "" and json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 1


def test_output_to_a_pipe_writes_into_it(tmp_path):
    """--output /dev/null or a named pipe: written to, never renamed over (that would replace the device)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    result = run("check", str(DEMO), "--format", "json", "--output", str(pipe))
    reader.join(timeout=30)
    assert result.output == "" and stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert json.loads(received[0])["summary"]["findings"] == 1


# ── configuration ───────────────────────────────────────────────────────────
def _project(tmp_path: Path, config: str, name: str = "pyproject.toml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    reports = tmp_path / "reports" / "2023"
    reports.mkdir(parents=True)
    (reports / "a.txt").write_text(FLAWED_SUM + "\n" + INFO_ONLY + "\n", encoding="utf-8")
    return reports / "a.txt"


def test_pyproject_config_is_found_upwards_and_applied(tmp_path):
    report = _project(tmp_path, '[tool.figcheck]\nignore = ["FC101"]\n')
    result = run("check", str(report), "--format", "json")
    codes = [f["code"] for f in json.loads(result.output)["files"][0]["findings"]]
    assert codes == ["FC103"] and result.exit_code == 0


def test_fail_on_info_and_exit_zero(tmp_path):
    report = _project(tmp_path, 'fail-on = "info"\n', name="figcheck.toml")
    report.write_text(INFO_ONLY + "\n", encoding="utf-8")  # one FC103 note, nothing worse
    assert run("check", str(report)).exit_code == 1
    assert run("check", str(report), "--exit-zero").exit_code == 0
    assert run("check", str(report), "--fail-on", "error").exit_code == 0
    assert run("check", str(report), "--ignore", "FC1").exit_code == 0
    assert run("check", str(report), "--select", "FC2").exit_code == 0


def test_per_file_ignores_and_exclude(tmp_path):
    report = _project(tmp_path, '[per-file-ignores]\n"reports/2023/*.txt" = ["FC101"]\n', name=".figcheck.toml")
    draft = tmp_path / "reports" / "draft.txt"
    draft.write_text(FLAWED_SUM, encoding="utf-8")
    (tmp_path / ".figcheck.toml").write_text(
        'exclude = ["reports/draft.txt"]\n[per-file-ignores]\n"reports/2023/*.txt" = ["FC101"]\n', encoding="utf-8"
    )
    result = json.loads(
        run("check", str(tmp_path / "reports"), "--format", "json", "--config", str(tmp_path / ".figcheck.toml")).output
    )
    assert [entry["path"] for entry in result["files"]] == [str(report)]
    assert [f["code"] for f in result["files"][0]["findings"]] == ["FC103"]


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ('[tool.figcheck]\nselekt = ["FC1"]\n', ["pyproject.toml", "未知的配置键 tool.figcheck.selekt"]),
        ('[tool.figcheck]\nfail-on = "fatal"\n', ["tool.figcheck.fail-on", "'fatal'"]),
        ('[tool.figcheck]\nselect = "FC1"\n', ["tool.figcheck.select", "字符串数组"]),
        ('[tool.figcheck]\nignore = ["E501"]\n', ["'E501'"]),
        ("[tool.figcheck\n", ["TOML 语法错误"]),
    ],
)
def test_bad_configuration_names_file_and_key(tmp_path, config, words):
    report = _project(tmp_path, config)
    result = run("check", str(report))
    assert result.exit_code == 2
    for word in words:
        assert word in result.output, result.output


# ── suppressions ────────────────────────────────────────────────────────────
def _check_md(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    return [f["code"] for f in json.loads(run("check", str(path), "--format", "json").output)["files"][0]["findings"]]


def test_markdown_ignore_covers_the_next_paragraph_only(tmp_path):
    text = f"<!-- figcheck: ignore FC101 -->\n{FLAWED_SUM}\n\n{FLAWED_SUM}\n"
    assert _check_md(tmp_path, text) == ["FC101"]


def test_markdown_disable_enable(tmp_path):
    text = f"<!-- figcheck: disable -->\n{FLAWED_SUM}\n\n{FLAWED_SUM}\n<!-- figcheck: enable -->\n\n{FLAWED_SUM}\n"
    assert _check_md(tmp_path, text) == ["FC101"]


def test_unused_suppression_is_reported(tmp_path):
    text = "<!-- figcheck: ignore FC2 -->\n" + FLAWED_SUM + "\n"
    assert sorted(_check_md(tmp_path, text)) == ["FC101", "FC701"]


def test_markdown_ignore_at_the_end_of_the_paragraphs_line_covers_that_paragraph(tmp_path):
    text = f"{FLAWED_SUM}<!-- figcheck: ignore FC101 -->\n\n{FLAWED_SUM}\n"
    assert _check_md(tmp_path, text) == ["FC101"]
    findings = json.loads(run("check", str(tmp_path / "r.md"), "--format", "json").output)["files"][0]["findings"]
    assert findings[0]["line"] == 3, "the paragraph after it is not covered"


def test_markdown_trailing_ignore_covers_a_paragraph_of_several_lines(tmp_path):
    text = f"前言一句。\n{FLAWED_SUM} <!-- figcheck: ignore -->\n"
    assert _check_md(tmp_path, text) == []


def test_unknown_code_in_a_suppression_is_a_usage_error(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(f"<!-- figcheck: ignore FC1O1 -->\n{FLAWED_SUM}\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2, result.output
    assert "FC703" in result.output and "FC1O1" in result.output and "最接近的是 FC101" in result.output
    assert "FC701" not in result.output, "an unknown code is reported as unknown, not as unused"
    ignored = run("check", str(path), "--ignore", "FC703,FC101")
    assert ignored.exit_code == 0, ignored.output


@pytest.mark.parametrize(
    ("body", "location"),
    [
        (f"<!-- figcheck: ignore FC101 --><p>{FLAWED_SUM}</p><p>{FLAWED_SUM}</p>", "第2段"),  # before the paragraph
        (f"<p>{FLAWED_SUM}<!-- figcheck: ignore FC101 --></p><p>{FLAWED_SUM}</p>", "第2段"),  # inside it, at its end
        (f"<p>{FLAWED_SUM}</p><!-- figcheck: ignore FC101 --><p>{FLAWED_SUM}</p>", "第1段"),
    ],
)
def test_html_comment_suppresses_its_paragraph(tmp_path, body, location):
    path = tmp_path / "r.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    findings = json.loads(run("check", str(path), "--format", "json").output)["files"][0]["findings"]
    assert [(f["code"], f["location"]) for f in findings] == [("FC101", location)]


def test_word_comment_suppresses(tmp_path):
    import docx

    document = docx.Document()
    ignored = document.add_paragraph(FLAWED_SUM)
    document.add_comment(ignored.runs, text="figcheck: ignore FC101", author="校对")
    document.add_paragraph(FLAWED_SUM.replace("1602", "1603"))
    path = tmp_path / "r.docx"
    document.save(str(path))
    findings = json.loads(run("check", str(path), "--format", "json").output)["files"][0]["findings"]
    assert [(f["code"], f["stated"]) for f in findings] == [("FC101", "1603")]


# ── baseline ────────────────────────────────────────────────────────────────
def test_baseline_survives_inserted_paragraphs_and_reports_stale_entries(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(FLAWED_SUM + "\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("check", str(report), "--write-baseline", str(baseline)).exit_code == 0
    report.write_text("一、总体情况\n\n今年新增的一段话。\n" + FLAWED_SUM + "\n", encoding="utf-8")
    assert run("check", str(report), "--baseline", str(baseline)).exit_code == 0
    report.write_text(
        "一、总体情况\n" + FLAWED_SUM + "\n" + INFO_ONLY.replace("600件", "700件") + "\n", encoding="utf-8"
    )
    new = json.loads(run("check", str(report), "--baseline", str(baseline), "--format", "json").output)
    assert [f["code"] for f in new["files"][0]["findings"]] == ["FC102"]
    report.write_text(FLAWED_SUM.replace("1602", "1620") + "\n", encoding="utf-8")
    fixed = json.loads(run("check", str(report), "--baseline", str(baseline), "--format", "json").output)
    assert [f["code"] for f in fixed["files"][0]["findings"]] == ["FC702"]


def test_bad_baseline_file(tmp_path):
    bogus = tmp_path / "b.json"
    bogus.write_text("{}", encoding="utf-8")
    result = run("check", str(DEMO), "--baseline", str(bogus))
    assert result.exit_code == 2 and "基线文件" in result.output


# ── running ─────────────────────────────────────────────────────────────────
def test_parallel_output_is_identical_to_serial(tmp_path):
    for index in range(6):
        (tmp_path / f"r{index}.txt").write_text(FLAWED_SUM.replace("1602", str(1600 + index)) + "\n", encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    serial = run("check", str(tmp_path), "--format", "json", "--jobs", "1")
    parallel = run("check", str(tmp_path), "--format", "json", "--jobs", "3")
    assert serial.exit_code == parallel.exit_code == 2
    assert serial.output == parallel.output


def test_diff_reports_only_changed_lines(tmp_path):
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    report = tmp_path / "r.md"
    report.write_text(FLAWED_SUM + "\n\n正文。\n", encoding="utf-8")
    git("add", "r.md")
    git("commit", "-qm", "first")
    report.write_text(FLAWED_SUM + "\n\n" + FLAWED_SUM.replace("1602", "1603") + "\n", encoding="utf-8")
    findings = json.loads(run("check", str(report), "--diff", "HEAD", "--format", "json").output)["files"][0][
        "findings"
    ]
    assert [(f["line"], f["stated"]) for f in findings] == [(3, "1603")]
    assert run("check", str(report), "--diff", "no-such-ref").exit_code == 2


# ── integrations ────────────────────────────────────────────────────────────
def test_pre_commit_hook_and_action_definitions():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "figcheck" and hooks[0]["entry"] == "figcheck check"
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert any("--format github" in step.get("run", "") for step in action["runs"]["steps"])
