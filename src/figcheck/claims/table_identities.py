"""Identities a table's headers name (rules/tables.toml [[identity]]): 三公经费 = 因公出国（境）费 + 公务用车购置及
运行费 + 公务接待费 in every row; 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余; the disclosure table's
本年新收 + 上年结转 = 总计 + 结转下年度 in every column.

A term names a column by a cell of its header path. Columns are compared within groups sharing the rest of their
path (the cells that name no term of the identity, and no 合计/小计): 「预算数」 and 「决算数」 under each expense
are two groups, each holding the identity. A column answers to the term its deepest named cell matches
(基本支出 / 人员经费 is 人员经费, 基本支出 / 小计 is 基本支出). Every term must find exactly one column (row) in a
group, by an exact cell first, else by a cell containing it: otherwise the identity does not apply."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from figcheck import patterns, rulebook
from figcheck.claims.model import BalanceClaim, SumClaim
from figcheck.rulebook import Rulebook

_BRACKETS = str.maketrans("（）", "()")
_ORDINAL = patterns.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])")


class Identity(NamedTuple):
    name: str
    name_en: str
    axis: str  # "columns": holds in every row; "rows": in every column
    left: tuple[tuple[str, ...], ...]  # each term: its alternative spellings
    right: tuple[tuple[str, ...], ...]

    @property
    def terms(self) -> tuple[tuple[str, ...], ...]:
        return self.left + self.right


def normal(text: str) -> str:
    """A header or label as compared: no spaces, ASCII brackets, no leading ordinal (（四）, 一、)."""
    return _ORDINAL.sub("", text.replace(" ", "").translate(_BRACKETS))


@rulebook.derived
def identities(book: Rulebook) -> tuple[Identity, ...]:
    def terms(words: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(normal(word) for word in term.split("|")) for term in words)

    return tuple(
        Identity(
            entry["name"],
            entry.get("name_en", entry["name"]),
            entry["axis"],
            terms(entry["left"]),
            terms(entry["right"]),
        )
        for entry in book.load("tables.toml")["identity"]
    )


def _match(text: str, term: tuple[str, ...]) -> int:
    """2 when the text is the term, 1 when it contains it, 0 otherwise."""
    return 2 if text in term else 1 if any(word in text for word in term) else 0


def _pick(candidates: dict[int, list[tuple[int, int]]], count: int) -> list[int] | None:
    """One column per term (exact matches before containing ones), all distinct; None when any is missing
    or ambiguous."""
    chosen = []
    for term in range(count):
        found = candidates.get(term, [])
        best = max((strength for _, strength in found), default=0)
        picked = [c for c, strength in found if strength == best]
        if len(picked) != 1:
            return None
        chosen.append(picked[0])
    return chosen if len(set(chosen)) == count else None


def column_groups(identity: Identity, paths: Sequence[tuple[str, ...]], columns: Iterable[int], total_word) -> list:
    """For each group of columns sharing the rest of their header path, the column of each term (in order)."""
    groups: dict[tuple[str, ...], dict[int, list[tuple[int, int]]]] = {}
    for c in columns:
        cells = [normal(cell) for cell in paths[c]]
        named = [
            (i, t, strength)
            for i, cell in enumerate(cells)
            for t, term in enumerate(identity.terms)
            if (strength := _match(cell, term))
        ]
        if not named:
            continue
        _, term, strength = max(named, key=lambda found: (found[0], found[2]))  # the deepest named cell
        rest = tuple(
            cell for i, cell in enumerate(cells) if i not in {n[0] for n in named} and not total_word.search(cell)
        )
        groups.setdefault(rest, {}).setdefault(term, []).append((c, strength))
    return [chosen for candidates in groups.values() if (chosen := _pick(candidates, len(identity.terms)))]


def identity_rows(identity: Identity, labels: dict[int, str]) -> list[int] | None:
    """The row of each term (in order), or None when a term names no row or several."""
    candidates: dict[int, list[tuple[int, int]]] = {}
    for r, label in labels.items():
        for t, term in enumerate(identity.terms):
            if strength := _match(normal(label), term):
                candidates.setdefault(t, []).append((r, strength))
    return _pick(candidates, len(identity.terms))


def named_rows(book: Rulebook, labels: dict[int, str]) -> set[int]:
    """The rows a row identity names (本年新收, 上年结转, 结转下年度 …): not outcomes a 总计 row sums."""
    words = [
        word for identity in identities(book) if identity.axis == "rows" for term in identity.terms for word in term
    ]
    return {r for r, label in labels.items() if any(word in normal(label) for word in words)}


Cells = Callable[[list[tuple[int, int]]], list]


def identity_claims(reader) -> list[SumClaim | BalanceClaim]:
    """Each identity of rules/tables.toml that the table's headers (row labels) name, row by row (column by
    column): a sum (FC401) when one side is a single term, else a balance (FC405)."""
    claims: list[SumClaim | BalanceClaim] = []
    for identity in identities(reader.book):
        if identity.axis == "columns":
            columns = reader.value_columns()
            for chosen in column_groups(identity, reader.paths, columns, reader.words.total_or_sub):
                for r in reader.data_rows():
                    claims += _claim(reader, identity, [(r, c) for c in chosen])
        else:
            rows = reader.data_rows()
            chosen = identity_rows(identity, {r: reader.row_label(r) for r in rows})
            for c in reader.value_columns() if chosen else ():
                claims += _claim(reader, identity, [(r, c) for r in chosen])
    return claims


def _claim(reader, identity: Identity, cells: list[tuple[int, int]]) -> list[SumClaim | BalanceClaim]:
    split = len(identity.left)
    left, right = cells[:split], cells[split:]
    if len(left) == 1:  # a total: its parts in the order the table prints them
        return reader.sum_cells(left[0], sorted(right))
    if len(right) == 1:
        return reader.sum_cells(right[0], sorted(left))
    values = [reader.values[r][c] for r, c in cells]
    stated = values[-1]
    if stated is None or any(v is None and not reader.is_zero(r, c) for v, (r, c) in zip(values, cells, strict=True)):
        return []
    names = [term[0] for term in identity.terms]
    kept = [n for n, v in enumerate(values) if v is not None]
    left = tuple(values[n] for n in kept if n < split)
    right = tuple(values[n] for n in kept if split <= n < len(values) - 1)
    labels = tuple(names[n] for n in kept)
    return [BalanceClaim(stated, left, right, identity.name, identity.name_en, labels)]
