"""Amounts the text restates from a table (rules/tables.toml [[restated]], FC501): a budget's
「2025年“三公”经费预算数为867.50万元。其中：（一）因公出国（境）费839万元」 against its “三公”经费 table, a final
account's 「公务接待费支出决算为0.39万元」 against the 决算数 column of 公务接待费, 「机关运行经费预算为213.28万元」
against its column.

A table is read when its caption names it (三公) and gives its unit (单位：万元); the amount is its column's in the
table's one row of figures (or its 合计 row). A column answers to the amount its deepest named header cell names
(公务用车购置及运行费 / 购置费 is 购置费, … / 小计 the whole). The text's amount must follow its name, with at most
支出, 财政拨款, 年初, 预算(数), 决算(数) and 为 between: 「比2024年减少0.15万元」 is no amount of the table."""

from __future__ import annotations

from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.budget_table import _SCALES, _TABLE_UNIT, _in_yuan
from figcheck.claims.model import RepeatClaim
from figcheck.claims.table_identities import normal
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_BETWEEN = r"(?:财政拨款)?(?:支出)?(?:年初)?(?P<kind>预算|决算)?(?:数|执行数)?\s*(?:为|是|共计|合计)?\s*"
_YEAR = patterns.compile(r"((?:19|20)\d\d)\s*年")


class Restated(NamedTuple):
    table: str
    names: tuple[str, ...]  # in the text
    headers: tuple[str, ...]  # in the table's header, normalized


@rulebook.derived
def restated(book: Rulebook) -> tuple[Restated, ...]:
    return tuple(
        Restated(entry["table"], tuple(entry["text"]), tuple(normal(h) for h in entry["header"]))
        for entry in book.load("tables.toml")["restated"]
    )


@rulebook.derived
def _pattern(book: Rulebook) -> regex.Pattern[str]:
    names = [name for entry in restated(book) for name in entry.names]
    return patterns.compile(rf"(?P<name>{rulebook.alternation(names)}){_BETWEEN}")


# the entry's index → 预算 or 决算 (or "" where the header says neither) → the table's amount in 元, and its unit
Amounts = dict[int, dict[str, tuple[Placed, str]]]


def table_amounts(reader) -> Amounts:
    """The amounts of the entries whose table this is, by entry and kind of column."""
    caption = reader.caption.replace(" ", "")
    unit = _TABLE_UNIT.search(caption)
    entries = [i for i, entry in enumerate(restated(reader.book)) if entry.table in caption]
    row = _amount_row(reader)
    if unit is None or not entries or row is None:
        return {}
    scale = _SCALES[unit.group(1)]
    found: dict[tuple[int, str], list[Placed]] = {}
    for c in reader.value_columns():
        cells = [normal(cell) for cell in reader.paths[c]]
        entry = _deepest(cells, entries, restated(reader.book))
        value = reader.values[row][c]
        if entry is None or value is None:
            continue
        path = "".join(cells)
        kinds = [kind for kind in ("决算", "预算") if kind in path][:1] or [""]
        found.setdefault((entry, kinds[0]), []).append(value)
    amounts: Amounts = {}
    for (entry, kind), values in found.items():
        if len(values) == 1:
            amounts.setdefault(entry, {})[kind] = (_in_yuan(values[0], scale), unit.group(1))
    return amounts


def _amount_row(reader) -> int | None:
    rows = reader.data_rows()
    totals = [r for r in rows if reader.is_total(reader.row_label(r))]
    return rows[0] if len(rows) == 1 else totals[0] if len(totals) == 1 else None


def _deepest(cells: list[str], entries: list[int], book_entries: tuple[Restated, ...]) -> int | None:
    """The entry the deepest header cell naming one names (exact names before containing ones)."""
    for cell in reversed(cells):
        exact = [i for i in entries if cell in book_entries[i].headers]
        if exact:
            return exact[0]
    for cell in reversed(cells):
        containing = [i for i in entries if any(h in cell for h in book_entries[i].headers)]
        if len(containing) == 1:
            return containing[0]
    return None


def restated_claims(layout: Layout, tables: list[tuple[str, Amounts]]) -> list[RepeatClaim]:
    """Each amount the text gives by name against the first table that has it (of the year the text names)."""
    if not any(amounts for _, amounts in tables):
        return []
    entries = restated(layout.book)
    index = {name: i for i, entry in enumerate(entries) for name in entry.names}
    by_start = {placed.figure.start: placed for placed in layout.placed}
    claims = []
    for found in _pattern(layout.book).finditer(layout.text):
        stated = by_start.get(found.end())
        if stated is None or stated.figure.unit not in _SCALES or stated.figure.qualifier != "none":
            continue
        year = _YEAR.search(layout.text[max(0, found.start() - 12) : found.start()])
        entry, kind = index[found.group("name")], found.group("kind") or ""
        for caption, amounts in tables:
            if year and (other := _YEAR.search(caption)) and other.group(1) != year.group(1):
                continue
            amount = _pick(amounts.get(entry, {}), kind)
            if amount is not None:
                claims.append(RepeatClaim(stated, amount[0], entries[entry].names[0], converted=amount[1]))
                break
    return claims


def _pick(kinds: dict[str, tuple[Placed, str]], kind: str) -> tuple[Placed, str] | None:
    """The column the text's word (预算, 决算) names; without one, the table's only column of the amount."""
    if kind:
        return kinds.get(kind) or kinds.get("")
    return next(iter(kinds.values())) if len(kinds) == 1 else None
