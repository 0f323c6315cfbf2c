"""Numeral phrases with the reading expected (value, unit, qualifier), or none for non-quantities.

numerals_shared.tsv is the project's shared sample (conventions in its README, copied here so tests
do not depend on ../shared); numerals_own.tsv holds our own phrases in the style of real reports.
"""

from __future__ import annotations

import csv

import pytest

from conftest import DATA
from figcheck.figures import find_figures


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = [(name, row) for name in ("numerals_shared.tsv", "numerals_own.tsv") for row in _rows(name)]


def test_tables_are_large_enough():
    assert len(ROWS) >= 139 + 220
    assert len({row["text"] for _, row in ROWS}) == len(ROWS), "a phrase is listed twice"


@pytest.mark.parametrize(("table", "row"), ROWS, ids=[f"{name[9:13]}:{row['text']}" for name, row in ROWS])
def test_phrase(table, row):
    figures = find_figures(row["text"])
    got = [(f.raw, f.value_text, f.unit, f.qualifier) for f in figures]
    if not row["expected_value"]:
        assert figures == [], got
        return
    assert len(figures) == 1, got
    [figure] = figures
    assert (figure.value_text, figure.unit, figure.qualifier) == (
        row["expected_value"],
        row["unit"],
        row["qualifier"],
    ), got
    assert row["text"][figure.start : figure.end] == figure.raw
