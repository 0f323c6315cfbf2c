"""figcheck view: the rows grouped by file then rule (no terminal needed), and the textual app driven headless
by its pilot — which row the keys select, the filters, the detail pane, $EDITOR — and textual imported by this
command only."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from figcheck.cli import app as cli
from figcheck.pipeline import check_path
from figcheck.view.editor import editor_command
from figcheck.view.rows import FINDING, PASSED, UNVERIFIED, FileHeader, Filter, Row, RuleHeader, entries

needs_textual = pytest.mark.skipif(
    importlib.util.find_spec("textual") is None, reason="textual 未安装 (pip install 'figcheck[view]')"
)

# line 1: FC101 (error), 8 + 1 + 11 + 3 + 2 = 25 ≠ 26; line 3: FC101 and FC201 verified; line 5: two statements
# whose inputs are not given; line 7: FC103 (info); line 9: FC601 (warning)
FIRST = (
    "行政应诉案件26件，其中撤销8件，驳回诉讼请求1件，驳回起诉11件，撤诉3件，未审结2件。\n\n"
    "行政复议案件37件(败诉率41%),维持15件,撤销15件,终止3件,驳回1件,未审结3件。\n\n"
    "全年办结率98%，同比增长5.6%。\n\n"
    "全市共有学校120所，其中小学80所、中学30所、职业学校9所。\n\n"
    "运营成本比上年降低了2倍。\n"
)
SECOND = "市本级受理政府信息公开申请413件，区县受理1207件，合计1602件。\n"


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def _results(files):
    return [check_path(str(path)) for path in files]


def _shape(found) -> list[tuple[str, str, str]]:
    """(kind, file name, code or status) for each entry."""
    shape = []
    for entry in found:
        name = Path(entry.path).name
        if isinstance(entry, FileHeader):
            shape.append(("file", name, ""))
        elif isinstance(entry, RuleHeader):
            shape.append(("rule", name, entry.code))
        else:
            shape.append(("row", name, f"{entry.code}:{entry.status}"))
    return shape


def test_rows_are_grouped_by_file_then_rule_by_severity(files):
    assert _shape(entries(_results(files), Filter())) == [
        ("file", "a.txt", ""),
        ("rule", "a.txt", "FC101"),
        ("row", "a.txt", f"FC101:{FINDING}"),
        ("rule", "a.txt", "FC601"),
        ("row", "a.txt", f"FC601:{FINDING}"),
        ("rule", "a.txt", "FC103"),
        ("row", "a.txt", f"FC103:{FINDING}"),
        ("file", "b.txt", ""),
        ("rule", "b.txt", "FC101"),
        ("row", "b.txt", f"FC101:{FINDING}"),
    ]


def test_passes_join_their_rule_and_unverifiable_statements_come_last(files):
    shape = _shape(entries(_results(files)[:1], Filter(passed=True, unverifiable=True)))
    assert shape == [
        ("file", "a.txt", ""),
        ("rule", "a.txt", "FC101"),
        ("row", "a.txt", f"FC101:{FINDING}"),
        ("row", "a.txt", f"FC101:{PASSED}"),
        ("rule", "a.txt", "FC201"),
        ("row", "a.txt", f"FC201:{PASSED}"),
        ("rule", "a.txt", "FC601"),
        ("row", "a.txt", f"FC601:{FINDING}"),
        ("rule", "a.txt", "FC103"),
        ("row", "a.txt", f"FC103:{FINDING}"),
        ("rule", "a.txt", ""),
        ("row", "a.txt", f":{UNVERIFIED}"),
        ("row", "a.txt", f":{UNVERIFIED}"),
    ]


@pytest.mark.parametrize(
    ("keep", "codes"),
    [
        (Filter(codes="fc101"), {"FC101"}),
        (Filter(codes="FC1"), {"FC101", "FC103"}),
        (Filter(codes="FC103, FC6"), {"FC103", "FC601"}),
        (Filter(severity="warning"), {"FC601"}),
        (Filter(severity="info", unverifiable=True), {"FC103"}),  # statements naming no rule have no severity
        (Filter(codes="FC2", passed=True), {"FC201"}),
        (Filter(codes="FC9"), set()),
    ],
)
def test_filters(files, keep, codes):
    assert {entry.code for entry in entries(_results(files), keep) if isinstance(entry, Row)} == codes


def test_an_unreadable_file_keeps_its_header(tmp_path):
    missing = str(tmp_path / "missing.txt")
    found = entries([check_path(missing)], Filter(codes="FC101"))
    assert len(found) == 1 and found[0].path == missing and found[0].error


@pytest.mark.parametrize(
    ("editor", "command"),
    [
        ("vim", ["vim", "+12", "r.txt"]),
        ("/usr/bin/nvim", ["/usr/bin/nvim", "+12", "r.txt"]),
        ("emacsclient -t", ["emacsclient", "-t", "+12", "r.txt"]),
        ("nano", ["nano", "+12", "r.txt"]),
        ("code --wait", ["code", "--wait", "--goto", "r.txt:12"]),
        ("hx", ["hx", "r.txt:12"]),
        ("someeditor", ["someeditor", "r.txt"]),
    ],
)
def test_editor_command(editor, command):
    assert editor_command(editor, "r.txt", 12) == command


def _drive(results, keys, lang="zh", before=None):
    """Run the app headless, press `keys`, and return it (its state read after the run)."""
    from figcheck.view.app import make_app

    app = make_app(results, lang)

    async def run():
        async with app.run_test(size=(100, 30)) as pilot:
            if before:
                before(app)
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            app.seen = {name: str(app.query_one(f"#{name}").render()) for name in ("status", "detail")}
            app.seen["prompts"] = [str(option.prompt) for option in app.query_one("#rows").options]
            row = app.selected
            app.where = row and (Path(row.path).name, row.code, row.line)
            app.described = {active.binding.key: active.binding.description for active in app.active_bindings.values()}

    asyncio.run(run())
    return app


def _rows(app) -> list[Row]:
    return [entry for entry in app.found if isinstance(entry, Row)]


@needs_textual
@pytest.mark.parametrize(
    ("keys", "selected"),
    [
        ((), ("a.txt", "FC101", 1)),
        (("j",), ("a.txt", "FC601", 9)),
        (("j", "j"), ("a.txt", "FC103", 7)),
        (("down", "down", "down"), ("b.txt", "FC101", 1)),
        (("j", "j", "j", "k"), ("a.txt", "FC103", 7)),
        (("j", "up"), ("a.txt", "FC101", 1)),
    ],
)
def test_keys_move_over_the_rows_skipping_headers(files, keys, selected):
    assert _drive(_results(files), keys).where == selected


@needs_textual
def test_the_code_filter_leaves_only_its_rows(files):
    shown = _drive(_results(files), ("slash", *"FC101", "enter", "j"))
    assert {row.code for row in _rows(shown)} == {"FC101"} and len(_rows(shown)) == 2
    assert shown.where == ("b.txt", "FC101", 1)  # Enter gave the keys back to the list
    assert "代码：FC101" in shown.seen["status"]


@needs_textual
@pytest.mark.parametrize(
    ("keys", "codes"),
    [
        (("w",), {"FC601"}),
        (("e",), {"FC101"}),
        (("i",), {"FC103"}),
        (("w", "w"), {"FC101", "FC601", "FC103"}),  # the same key again shows every severity
        (("w", "i"), {"FC103"}),
    ],
)
def test_the_severity_filter(files, keys, codes):
    assert {row.code for row in _rows(_drive(_results(files), keys))} == codes


@needs_textual
def test_passed_and_unverifiable_rows_are_toggled(files):
    results = _results(files)
    assert {row.status for row in _rows(_drive(results, ()))} == {FINDING}
    shown = _drive(results, ("p",))
    assert {row.status for row in _rows(shown)} == {FINDING, PASSED}
    assert sum(prompt.lstrip().startswith("✓") for prompt in shown.seen["prompts"]) == 2  # rows, not headers
    assert "通过的关系：显示" in shown.seen["status"]
    both = _drive(results, ("p", "u", "u", "u"))
    assert [row.status for row in _rows(both)].count(UNVERIFIED) == 2


@needs_textual
def test_the_detail_pane_shows_the_arithmetic(files):
    detail = _drive(_results(files), ()).seen["detail"]
    assert "8 + 1 + 11 + 3 + 2 = 25 ≠ 26件（所述总数）" in detail
    assert "分项之和为 25，与所述总数 26 不符（少 1）" in detail
    assert "原文：行政应诉案件26件，其中撤销8件" in detail
    assert "建议：若各分项无误，总数应为 25" in detail
    passed = _drive(_results(files), ("p", "j")).seen["detail"]
    assert "15 + 15 + 3 + 1 + 3 = 37 ✓" in passed


@needs_textual
def test_english(files):
    shown = _drive(_results(files), ("j",), lang="en")
    assert "severity: all" in shown.seen["status"]
    assert "decrease-by-multiple · warning" in shown.seen["detail"]
    first = _drive(_results(files), (), lang="en").seen["detail"]
    assert "arithmetic: 8 + 1 + 11 + 3 + 2 = 25 ≠ 26件 (stated total)" in first
    assert shown.described["q"] == "quit" and shown.described["e"] == "errors"
    assert _drive(_results(files), ()).described["q"] == "退出"


def _fake_editor(tmp_path: Path, name: str = "vim") -> tuple[Path, Path]:
    """An executable called `name` that writes its arguments, one a line, to argv.txt."""
    record = tmp_path / "argv.txt"
    editor = tmp_path / "bin" / name
    editor.parent.mkdir()
    editor.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n', encoding="utf-8")
    editor.chmod(0o755)
    return editor, record


def _quiet(app) -> None:
    """Headless, the app cannot suspend: let it run the editor anyway, and record its notices."""
    app.suspend = contextlib.nullcontext
    app.notes = []
    app.notify = lambda message, **_: app.notes.append(message)


@needs_textual
def test_o_opens_the_editor_at_the_line(files, tmp_path, monkeypatch):
    editor, record = _fake_editor(tmp_path)
    monkeypatch.setenv("EDITOR", str(editor))
    shown = _drive(_results(files), ("j", "o"), before=_quiet)
    assert record.read_text(encoding="utf-8").splitlines() == ["+9", str(files[0])]
    assert shown.notes == []


@needs_textual
def test_o_without_editor_says_so(files, tmp_path, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    shown = _drive(_results(files), ("o",), before=_quiet)
    assert len(shown.notes) == 1 and "EDITOR" in shown.notes[0]


@needs_textual
def test_o_where_the_terminal_cannot_suspend_says_so(files, tmp_path, monkeypatch):
    editor, record = _fake_editor(tmp_path)
    monkeypatch.setenv("EDITOR", str(editor))
    notes = []
    shown = _drive(_results(files), ("o",), before=lambda app: setattr(app, "notify", lambda m, **_: notes.append(m)))
    assert not record.exists() and len(notes) == 1 and shown.where == ("a.txt", "FC101", 1)


@needs_textual
def test_the_command_passes_its_options(files, monkeypatch):
    from figcheck.view import app as view_app

    ran = []
    monkeypatch.setattr(view_app.ViewApp, "run", lambda self: ran.append(self))
    result = CliRunner().invoke(
        cli, ["view", "--select", "FC6,FC1", "--ignore", "FC103", "--lang", "en", *map(str, files)]
    )
    assert result.exit_code == 0, result.output
    (shown,) = ran
    assert isinstance(shown, view_app.EnglishViewApp)
    assert [Path(r.path).name for r in shown.results] == ["a.txt", "b.txt"]
    assert {f.code for r in shown.results for f in r.findings} == {"FC101", "FC601"}
    assert CliRunner().invoke(cli, ["view", "--select", "FC9", str(files[0])]).exit_code == 2
    assert CliRunner().invoke(cli, ["view", "-"], input=FIRST).exit_code == 2
    assert ran == [shown]


def test_without_textual_the_command_says_what_to_install(files, monkeypatch):
    for name in [name for name in sys.modules if name.partition(".")[0] == "textual"] + ["textual"]:
        monkeypatch.setitem(sys.modules, name, None)  # importing textual now fails, as where it is not installed
    monkeypatch.delitem(sys.modules, "figcheck.view.app", raising=False)
    result = CliRunner().invoke(cli, ["view", str(files[0])])
    assert result.exit_code == 2
    assert "需要安装 figcheck[view]" in result.output


def test_check_does_not_import_textual(files):
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from figcheck.cli import app\n"
        f"result = CliRunner().invoke(app, ['check', {str(files[0])!r}])\n"
        "assert result.exit_code == 1, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('figcheck.view')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
