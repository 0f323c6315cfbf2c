"""The results store (`--store`): what it records, what a second run reuses, and `figcheck report --store`."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from figcheck import __version__
from figcheck.cli import app
from figcheck.figures import Figure
from figcheck.pipeline import check_path, check_text
from figcheck.results import FileResult
from figcheck.store import StoreError, StoreVersionError, codec
from figcheck.store.database import Store, content_hash

runner = CliRunner()

SUM_WRONG = "全年受理行政复议案件64件，其中维持40件、撤销12件、驳回11件。\n"
SUM_RIGHT = "全年受理行政复议案件63件，其中维持40件、撤销12件、驳回11件。\n"
TABLE = "| 类别 | 件数 |\n|---|---|\n| 甲 | 3 |\n| 乙 | 4 |\n| 合计 | 8 |\n"


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(SUM_WRONG, encoding="utf-8")
    (folder / "b.txt").write_text(SUM_RIGHT, encoding="utf-8")
    (folder / "c.md").write_text(TABLE, encoding="utf-8")
    return folder


def _check(*args: str):
    return runner.invoke(app, ["check", "--jobs", "1", *args])


def _rows(store, query: str):
    with sqlite3.connect(store) as db:
        return db.execute(query).fetchall()


def _rows_so_far(store, query: str):
    """The rows of a store another process is writing; none before its tables are made."""
    try:
        return _rows(store, query)
    except sqlite3.OperationalError:
        return []


# -- the codec: a result as JSON and back ---------------------------------------------------------------------


def test_a_result_comes_back_equal_with_its_document_tables_and_figures(archive):
    for path in sorted(archive.iterdir()):
        result = check_path(str(path))
        assert codec.loads(codec.dumps(result)) == result
    assert codec.loads(codec.dumps(check_path(str(archive / "c.md")))).document.tables[0].cells[-1].text == "8"


def test_a_rewrapped_text_keeps_its_source_lines(tmp_path):
    # a PDF's text copied out: the break inside the sentence is read as a space, and the lines stay the file's
    report = tmp_path / "copied.txt"
    report.write_text("一、概况\n全年受理行政复议案件64件，其中维持\n40件、撤销12件、驳回11件。\n", encoding="utf-8")
    result = check_path(str(report))
    back = codec.loads(codec.dumps(result))
    assert result.findings and back.findings == result.findings
    after_the_break = next(figure.start for figure in result.figures if figure.raw == "40件")
    assert back.document.line_col(after_the_break) == result.document.line_col(after_the_break) == (3, 1)


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.fractions(max_denominator=1000),
    st.sampled_from(["1", "1.0", "0.01", "1E+4"]),
)
def test_numbers_come_back_exactly_as_written(value, high, resolution):
    figure = Figure(0, 1, "x", value, resolution=Decimal(resolution), high=high)
    back = codec.loads(codec.dumps(FileResult("p", None, figures=(figure,))))
    assert back.figures[0] == figure
    assert str(back.figures[0].value) == str(value) and str(back.figures[0].resolution) == resolution
    assert isinstance(back.figures[0].high, Fraction)


def test_a_record_of_another_type_is_refused_not_run():
    crafted = b'{"t":"Popen","args":"touch /tmp/pwned"}'
    import zlib

    with pytest.raises(codec.CodecError):
        codec.loads(zlib.compress(crafted))


# -- check --store: recorded, reused, re-checked --------------------------------------------------------------


def test_every_input_is_recorded_with_its_findings(archive, tmp_path):
    store = tmp_path / "results.sqlite"
    done = _check(str(archive), "--store", str(store), "--format", "json")
    assert done.exit_code == 1
    inputs = _rows(store, "SELECT path, format, status, findings, passed, figcheck_version FROM inputs ORDER BY path")
    assert [(row[1], row[2]) for row in inputs] == [("txt", "checked"), ("txt", "checked"), ("md", "checked")]
    assert inputs[0][3:] == (1, 0, __version__)  # a.txt: the sum fails
    assert inputs[1][3:5] == (0, 1)  # b.txt: it holds
    failed = _rows(store, "SELECT code, outcome, stated, computed, line FROM findings WHERE outcome = 'failed'")
    assert sorted(failed) == [("FC101", "failed", "64", "63", 1), ("FC401", "failed", "8", "7", 5)]
    hashes = _rows(store, "SELECT content_hash FROM inputs WHERE path LIKE '%a.txt'")
    assert hashes == [(content_hash(str(archive / "a.txt")),)]


def test_a_second_run_checks_only_what_changed(archive, tmp_path, monkeypatch):
    store = tmp_path / "results.sqlite"
    first = _check(str(archive), "--store", str(store), "--format", "json", "--show-passed")
    (archive / "b.txt").write_text(SUM_WRONG.replace("64", "65"), encoding="utf-8")  # b now fails too
    checked: list[str] = []
    import figcheck.run as run

    original = run.check_timed
    monkeypatch.setattr(run, "check_timed", lambda job: checked.append(job[0]) or original(job))
    second = _check(str(archive), "--store", str(store), "--format", "json", "--show-passed")
    assert [path.rsplit("/", 1)[-1] for path in checked] == ["b.txt"]
    before, after = json.loads(first.stdout), json.loads(second.stdout)
    assert [f["path"] for f in after["files"]] == [f["path"] for f in before["files"]]  # input order
    assert after["files"][0] == before["files"][0]  # a.txt from the store, as checked
    assert len(after["files"][1]["findings"]) == 1 and before["files"][1]["findings"] == []


def test_a_copy_of_a_checked_file_is_not_checked_again(archive, tmp_path, monkeypatch):
    store = tmp_path / "results.sqlite"
    _check(str(archive / "a.txt"), "--store", str(store))
    copy = tmp_path / "copy-of-a.txt"
    copy.write_bytes((archive / "a.txt").read_bytes())
    import figcheck.run as run

    monkeypatch.setattr(run, "check_timed", lambda job: pytest.fail(f"checked again: {job[0]}"))
    done = _check(str(copy), "--store", str(store), "--format", "concise")
    assert f"{copy}:1:" in done.stdout and "FC101" in done.stdout  # reported under its own path
    assert len(_rows(store, "SELECT id FROM inputs")) == 2


def test_other_rules_or_options_check_again(archive, tmp_path):
    store = tmp_path / "results.sqlite"
    _check(str(archive / "a.txt"), "--store", str(store))
    (bundled,) = _rows(store, "SELECT rules_hash FROM inputs")
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "lexicon.toml").write_text('[not_quantities]\nphrases = ["九个一工程"]\n', encoding="utf-8")
    assert _check(str(archive / "a.txt"), "--store", str(store), "--rules", str(rules)).exit_code == 1
    (extended,) = _rows(store, "SELECT rules_hash FROM inputs")  # one row per path: the latest check
    assert extended != bundled
    config = tmp_path / "figcheck.toml"
    config.write_text("accept-truncation = false\n", encoding="utf-8")
    assert _check(str(archive / "a.txt"), "--store", str(store), "--config", str(config)).exit_code == 1
    (strict,) = _rows(store, "SELECT rules_hash FROM inputs")
    assert strict not in (bundled, extended)


def test_an_unreadable_input_is_recorded_as_such(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    store = tmp_path / "results.sqlite"
    done = _check(str(broken), "--store", str(store))
    assert done.exit_code == 2
    ((status, error, result),) = _rows(store, "SELECT status, error, result FROM inputs")
    assert status == "unreadable" and error and codec.loads(result).error == error


def test_a_timed_out_input_is_checked_again_given_more_time(tmp_path, monkeypatch):
    import figcheck.run as run
    from figcheck.results import TIMED_OUT

    report = tmp_path / "r.txt"
    report.write_text(SUM_RIGHT, encoding="utf-8")
    store = tmp_path / "results.sqlite"
    slow = FileResult(str(report), None, error="检查超时", failure=TIMED_OUT)
    monkeypatch.setattr(run, "check_timed", lambda job: (slow, 5.0))
    _check(str(report), "--store", str(store), "--timeout", "5")
    assert _rows(store, "SELECT status, timeout FROM inputs") == [("timed out", 5.0)]
    monkeypatch.setattr(run, "check_timed", lambda job: pytest.fail("the same time again: not worth a check"))
    _check(str(report), "--store", str(store), "--timeout", "5")
    monkeypatch.undo()
    _check(str(report), "--store", str(store), "--timeout", "60")
    assert _rows(store, "SELECT status FROM inputs") == [("checked",)]


# -- report --store ----------------------------------------------------------------------------------------


def test_report_renders_what_check_printed_in_every_format(archive, tmp_path):
    store = tmp_path / "results.sqlite"
    for output in ("json", "text", "concise", "sarif"):
        checked = _check(str(archive), "--store", str(store), "--format", output, "--show-passed")
        reported = runner.invoke(app, ["report", "--store", str(store), "--format", output, "--show-passed"])
        assert reported.exit_code == checked.exit_code == 1
        assert reported.stdout == checked.stdout, output


def test_report_applies_select_and_ignore(archive, tmp_path):
    store = tmp_path / "results.sqlite"
    _check(str(archive), "--store", str(store))
    only_tables = runner.invoke(app, ["report", "--store", str(store), "--format", "concise", "--select", "FC4"])
    assert "FC401" in only_tables.stdout and "FC101" not in only_tables.stdout


def test_report_without_a_store_says_so(tmp_path):
    done = runner.invoke(app, ["report", "--store", str(tmp_path / "none.sqlite")])
    assert done.exit_code == 2 and "没有这个结果库" in done.output


# -- the schema's version ------------------------------------------------------------------------------------


def test_a_store_of_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "results.sqlite"
    Store(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreVersionError):
        Store(str(path))
    done = _check(str(path.parent), "--store", str(path))
    assert done.exit_code == 2 and "99" in done.output


def test_a_file_that_is_no_database_is_refused(tmp_path):
    path = tmp_path / "results.sqlite"
    path.write_text("not sqlite at all, but long enough to be read as a header of a file\n" * 10)
    with pytest.raises(StoreError):
        Store(str(path))


def test_standard_input_is_checked_not_stored(tmp_path):
    store = tmp_path / "results.sqlite"
    done = runner.invoke(app, ["check", "-", "--store", str(store), "--format", "concise"], input=SUM_WRONG)
    assert "FC101" in done.stdout
    assert _rows(store, "SELECT count(*) FROM inputs") == [(0,)]


def test_check_text_results_round_trip_with_undecided_and_unverified():
    result = check_text("由1.2亿元降至1.1亿元，下降16%。败诉率为20%。")
    assert result.undecided or result.unverified
    assert codec.loads(codec.dumps(result)) == result


def test_a_version_1_store_is_migrated_in_place(tmp_path):
    from figcheck.store import schema

    path = tmp_path / "results.sqlite"
    with sqlite3.connect(path) as db:  # a store as figcheck 0.x wrote it, with one result
        db.executescript(schema._VERSION_1 + "INSERT INTO meta VALUES ('schema_version', '1');")
        db.execute(
            "INSERT INTO inputs VALUES "
            "(NULL, 'a.txt', 'h', 'txt', '0', 'r', 'checked', NULL, 0, 0.1, 'now', 0, 0, 0, x'')"
        )
    Store(str(path)).close()
    assert _rows(path, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(schema.SCHEMA_VERSION),)]
    assert {"issuer", "year", "kind"} <= {row[1] for row in _rows(path, "PRAGMA table_info(inputs)")}
    assert _rows(path, "SELECT path, issuer, year, kind FROM inputs") == [("a.txt", None, None, None)]
    Store(str(path)).close()  # at the version: nothing to do
    assert _rows(path, "SELECT count(*) FROM inputs") == [(1,)]


def test_a_new_store_has_the_columns_of_every_step(tmp_path):
    path = tmp_path / "results.sqlite"
    Store(str(path)).close()
    migrated = tmp_path / "migrated.sqlite"
    from figcheck.store import schema

    with sqlite3.connect(migrated) as db:
        db.executescript(schema._VERSION_1 + "INSERT INTO meta VALUES ('schema_version', '1');")
    Store(str(migrated)).close()
    assert _rows(path, "PRAGMA table_info(inputs)") == _rows(migrated, "PRAGMA table_info(inputs)")


def test_a_run_stopped_midway_keeps_what_it_recorded(archive, tmp_path, monkeypatch):
    from figcheck import run
    from figcheck.config import Config

    store = tmp_path / "results.sqlite"
    stream = run.check_iter([str(archive)], Config(), jobs=1, store=Store(str(store)))
    next(stream), next(stream)
    stream.close()  # as Ctrl-C stops the report: the third input is never checked
    assert len(_rows(store, "SELECT path FROM inputs")) == 2
    checked: list[str] = []
    original = run.check_timed
    monkeypatch.setattr(run, "check_timed", lambda job: checked.append(job[0]) or original(job))
    again = list(run.check_iter([str(archive)], Config(), jobs=1, store=Store(str(store))))
    assert [path.rsplit("/", 1)[-1] for path in checked] == ["c.md"] and len(again) == 3


def test_a_killed_run_keeps_every_result_committed_before(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "reports"
    folder.mkdir()
    for number in range(5):
        (folder / f"{number}.txt").write_text(SUM_WRONG.replace("64", str(70 + number)), encoding="utf-8")
    (folder / "z-slow.txt").write_text("全年受理10件，其中甲5件、乙5件。" * 60_000, encoding="utf-8")
    store = tmp_path / "results.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-m", "figcheck", "check", str(folder), "--jobs", "1", "--store", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not store.exists() or len(_rows_so_far(store, "SELECT id FROM inputs")) < 5):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)  # while it checks the slow one
    process.wait(30)
    assert sorted(row[0].rsplit("/", 1)[-1] for row in _rows(store, "SELECT path FROM inputs")) == [
        f"{number}.txt" for number in range(5)
    ]
    assert _rows(store, "SELECT count(*) FROM findings WHERE outcome = 'failed'") == [(5,)]


def test_report_shows_only_the_inputs_asked_for(archive, tmp_path):
    store = tmp_path / "results.sqlite"
    _check(str(archive), "--store", str(store))
    one = runner.invoke(app, ["report", str(archive / "a.txt"), "--store", str(store), "--format", "json"])
    assert [entry["path"] for entry in json.loads(one.stdout)["files"]] == [str(archive / "a.txt")]
    under = runner.invoke(app, ["report", f"{archive}/", "--store", str(store), "--format", "json"])
    assert len(json.loads(under.stdout)["files"]) == 3
    elsewhere = runner.invoke(app, ["report", str(tmp_path / "repo"), "--store", str(store), "--format", "json"])
    assert json.loads(elsewhere.stdout)["files"] == []  # a path that only begins like the archive's is not in it
