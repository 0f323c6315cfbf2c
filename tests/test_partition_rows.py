"""Every partition and category set in rules/categories.toml ([[partition]], [[category]]) earns its place.

tests/data/partition_rows.tsv holds one row per entry: a list of exactly its members whose parts fall short of the
total. With the bundled rules the shortfall is an error (FC101: the entry proves the list complete); with the
rulebook rebuilt without that one entry it is no error — for a partition's 其中 list only a note (FC103) — so an
entry that stops deciding anything fails here.
"""

from __future__ import annotations

import copy
import csv
from dataclasses import dataclass

import pytest

from conftest import DATA
from figcheck import rulebook
from figcheck.checks import check
from figcheck.claims import find_claims
from figcheck.figures import find_figures
from figcheck.layout import layout


def _rows() -> list[dict[str, str]]:
    with open(DATA / "partition_rows.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


@dataclass(frozen=True)
class _Without(rulebook.Rulebook):
    entry: str = ""

    def load(self, name: str) -> dict:
        data = rulebook.BUNDLED.load(name)
        if name != "categories.toml":
            return data
        data = copy.deepcopy(data)
        for kind in ("partition", "category"):
            data[kind] = [entry for entry in data[kind] if entry["name"] != self.entry]
        return data


def _failing_codes(text: str, book: rulebook.Rulebook) -> set[str]:
    placed = layout(text, find_figures(text, book), book)
    findings, _ = check(find_claims(placed))
    return {finding.code for finding in findings if not finding.passed}


def _names(kind: str) -> set[str]:
    return {entry["name"] for entry in rulebook.BUNDLED.load("categories.toml")[kind]}


def test_every_entry_has_a_row():
    assert _names("partition") | _names("category") == {row["entry"] for row in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=[row["entry"] for row in ROWS])
def test_entry_makes_the_list_complete(row):
    assert _failing_codes(row["text"], rulebook.BUNDLED) == {"FC101"}
    without = _failing_codes(row["text"], _Without(entry=row["entry"]))
    assert without == ({"FC103"} if row["entry"] in _names("partition") else without - {"FC101"})
