"""What one year carries over to the next (rules/years.toml [[carried]]): this year's 「上年结转」 row is last year's
「结转下年度继续办理」, this year's 「年初结转和结余」 last year's 「年末结转和结余」.

A row is read from a table — the figures after its name, up to the next name in the row (a final account's
summary table sets 「年初结转和结余」 and 「年末结转和结余」 side by side in one row) — or from the prose, where the
name labels one amount. Rows are compared with rows of as many figures, column by column; a document whose rows
of one name and length differ names no row (the same name in two different tables) and is not compared.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.document import Document, inside
from figcheck.figures import Figure
from figcheck.layout import Layout
from figcheck.rulebook import Rulebook
from figcheck.years import INTO, OUT
from figcheck.years.places import Spans, place


@dataclass(frozen=True, slots=True)
class Carried:
    """A row carried into a year (INTO) or out of it (OUT), with where each of its figures stands."""

    side: str
    name: str  # the pair's name (上年结转)
    label: str  # the row's name as written
    figures: tuple[Figure, ...]
    places: tuple[tuple[int, int, str], ...]  # each figure's line, column and locator


class _Pair(NamedTuple):
    name: str
    name_en: str
    into: frozenset[str]
    out: frozenset[str]


class _Words(NamedTuple):
    pairs: tuple[_Pair, ...]
    marker: regex.Pattern[str]


@rulebook.derived
def _words(book: Rulebook) -> _Words:
    pairs = tuple(
        _Pair(entry["name"], entry["name_en"], frozenset(entry["into"]), frozenset(entry["out"]))
        for entry in book.load("years.toml").get("carried", [])
    )
    marker = patterns.compile(
        r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、])?"
    )
    return _Words(pairs, marker)


def name_en(book: Rulebook, name: str) -> str:
    """A pair's name in English, for messages."""
    return {pair.name: pair.name_en for pair in _words(book).pairs}[name]


def carried_rows(document: Document, layout: Layout, tables: Spans) -> tuple[Carried, ...]:
    """Every row and amount of the document named by a word of a [[carried]] pair."""
    words = _words(layout.book)
    if not words.pairs:
        return ()
    figures = [placed.figure for placed in layout.placed]
    starts = [figure.start for figure in figures]
    rows: list[Carried] = []
    for table in document.tables:
        for label, cells in _segments(table.grid()):
            found = _named(words, label)
            if found is None:
                continue
            row = tuple(figure for cell in cells for figure in _within(figures, starts, cell.start, cell.end))
            if row:
                rows.append(_carried(document, found, label, row))
    for placed in layout.placed:
        found = _named(words, placed.label)
        if found is None or placed.figure.high is not None or inside(tables, placed.figure.start):
            continue  # a table's figures are read by its rows, above; a range (3~5件) is no row
        rows.append(_carried(document, found, placed.label.strip(), (placed.figure,)))
    return tuple(rows)


def _segments(grid):
    """Each name in a table row with the cells after it, up to the next name."""
    for row in grid:
        label, cells = None, []
        for cell in row:
            if cell is None:
                continue
            if regex.search(r"\p{Han}", cell.text):
                if label is not None:
                    yield label, cells
                label, cells = cell.text, []
            elif label is not None:
                cells.append(cell)
        if label is not None:
            yield label, cells


def _named(words: _Words, label: str) -> tuple[str, str] | None:
    """(side, pair name) the label names, or None."""
    name = regex.sub(r"[\s“”\"：:]+", "", label)
    name = words.marker.sub("", name, count=1).lstrip("、")
    for pair in words.pairs:
        if name in pair.into:
            return INTO, pair.name
        if name in pair.out:
            return OUT, pair.name
    return None


def _within(figures: list[Figure], starts: list[int], start: int, end: int) -> list[Figure]:
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end)
    return figures[first:last]


def _carried(document: Document, found: tuple[str, str], label: str, row: tuple[Figure, ...]) -> Carried:
    return Carried(found[0], found[1], label.strip(), row, tuple(place(document, figure.start) for figure in row))
