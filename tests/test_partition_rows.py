"""Every partition in rules/categories.toml ([[partition]]) earns its place.

tests/data/partition_rows.tsv holds one row per partition: a 其中 list (or a 按…分 breakdown) of exactly its
members whose parts fall short of the total. With the bundled rules the shortfall is an error (FC101: the
partition proves the list complete); with the rulebook rebuilt without that one partition it is only a note
(FC103) — so a partition that stops deciding anything fails here.
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
    partition: str = ""

    def load(self, name: str) -> dict:
        data = rulebook.BUNDLED.load(name)
        if name != "categories.toml":
            return data
        data = copy.deepcopy(data)
        data["partition"] = [entry for entry in data["partition"] if entry["name"] != self.partition]
        return data


def _failing_codes(text: str, book: rulebook.Rulebook) -> set[str]:
    placed = layout(text, find_figures(text, book), book)
    findings, _ = check(find_claims(placed))
    return {finding.code for finding in findings if not finding.passed}


def test_every_partition_has_a_row():
    names = {entry["name"] for entry in rulebook.BUNDLED.load("categories.toml")["partition"]}
    assert names == {row["partition"] for row in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=[row["partition"] for row in ROWS])
def test_partition_makes_the_list_complete(row):
    assert _failing_codes(row["text"], rulebook.BUNDLED) == {"FC101"}
    assert _failing_codes(row["text"], _Without(partition=row["partition"])) == {"FC103"}
