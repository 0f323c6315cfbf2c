"""--format csv: one row per finding for a spreadsheet, from a check or from a results store."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from figcheck.cli import app
from figcheck.report.csv import COLUMNS

runner = CliRunner()
WRONG = "全年受理行政复议案件64件，其中维持40件、撤销12件、驳回11件。\n"
RIGHT = "全年受理行政复议案件63件，其中维持40件、撤销12件、驳回11件。\n"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_a_failed_relation_is_a_row_with_its_arithmetic(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    done = runner.invoke(app, ["check", str(tmp_path / "a.txt"), "--format", "csv"])
    assert done.exit_code == 1
    assert done.stdout.split("\n")[0] == ",".join(COLUMNS) and not done.stdout.startswith("\ufeff")
    (row,) = _rows(done.stdout)
    assert row["code"] == "FC101" and row["outcome"] == "failed" and row["severity"] == "error"
    assert (row["stated"], row["computed"], row["line"], row["column"]) == ("64", "63", "1", "11")
    assert row["formula"] == "40 + 12 + 11 = 63" and "不符" in row["message"]


def test_passed_relations_and_unreadable_inputs_with_show_passed(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIGHT, encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04 not a zip")
    done = runner.invoke(app, ["check", str(tmp_path), "--format", "csv", "--show-passed", "--lang", "en"])
    rows = _rows(done.stdout)
    assert [(row["path"].rsplit("/", 1)[-1], row["outcome"]) for row in rows] == [
        ("a.txt", "failed"),
        ("b.txt", "passed"),
        ("c.docx", "unreadable"),
    ]
    assert rows[2]["message"] and rows[2]["code"] == ""
    assert rows[0]["message"] == "the parts add up to 63, not the stated total 64 (1 short)"


def test_a_file_begins_with_a_byte_order_mark_for_excel(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    target = tmp_path / "findings.csv"
    runner.invoke(app, ["check", str(tmp_path / "a.txt"), "--format", "csv", "-o", str(target)])
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfpath,code,")
    assert _rows(data.decode("utf-8"))[0]["code"] == "FC101"


def test_a_store_exports_as_csv(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    store = tmp_path / "results.sqlite"
    checked = runner.invoke(app, ["check", str(tmp_path / "a.txt"), "--store", str(store), "--format", "csv"])
    reported = runner.invoke(app, ["report", "--store", str(store), "--format", "csv"])
    assert reported.stdout == checked.stdout and "FC101" in reported.stdout
