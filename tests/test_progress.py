"""The progress bar of a long run (figcheck/progress.py): on a terminal's standard error, for a person only."""

from __future__ import annotations

import pytest

from figcheck import progress
from pty_run import on_a_terminal

SUM = "全年受理行政复议案件{total}件，其中维持40件、撤销12件、驳回11件。\n"


def _archive(tmp_path, count: int = 30):
    folder = tmp_path / "archive"
    folder.mkdir()
    for number in range(count):
        (folder / f"{number:03}.txt").write_text(SUM.format(total=63 + number % 2), encoding="utf-8")
    return folder


def _stderr_on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[str, str]:
    """Run figcheck with standard error on a pseudo-terminal and standard output to a pipe: (terminal, stdout)."""
    return on_a_terminal(args, env, stdout_too=False)


def test_a_person_watching_sees_files_findings_and_time_left(tmp_path):
    archive = _archive(tmp_path)
    terminal, stdout = _stderr_on_a_terminal(["check", str(archive), "--jobs", "1", "--format", "concise"], {})
    assert "/30" in terminal and "个文件 · 发现" in terminal and "个/秒" in terminal, repr(terminal[-400:])
    assert stdout.count("FC101") == 15  # the report itself is whole on standard output
    assert "检查" not in stdout.split("\n")[0]  # and no bar in it


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--format", "concise"], {"CI": "true"}),  # a CI log
        (["--format", "json"], {}),  # a machine format on standard output
    ],
)
def test_silent_in_ci_and_for_a_machine_format(tmp_path, args, env):
    archive = _archive(tmp_path, 5)
    terminal, stdout = _stderr_on_a_terminal(["check", str(archive), "--jobs", "1", *args], env)
    assert "个文件 · 发现" not in terminal, repr(terminal)
    assert "FC101" in stdout


def test_a_report_written_to_a_file_leaves_the_terminal_to_the_bar(tmp_path, monkeypatch):
    class Terminal:
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(progress.sys, "stderr", Terminal())
    monkeypatch.setattr(progress.sys, "stdout", Terminal())
    assert progress.wanted("json", "out.json")
    assert progress.wanted("text", "out.txt")
    assert not progress.wanted("text", None)  # the report goes to the terminal: no bar over it
    assert not progress.wanted("json", None)


def test_one_file_has_no_bar():
    results = ["a"]
    assert list(progress.shown(iter(results), 1)) == ["a"]
