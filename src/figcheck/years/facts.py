"""What one document offers the documents of other years, and what it asks of them.

It offers its *values*: amounts of money in its prose, by the item's name (its label, normalised): 「财政拨款收入
16497.86万元」 is 财政拨款收入 = 16497.86万元. It asks its *statements*: a value followed by its change against an
earlier year's document of a kind it names (budget_words.reference): 「财政拨款收入15621.11万元，比2023年预算
减少876.75万元」, 「……增长5.2%」, 「公务接待费1.35万元。比2023年预算持平」.

Figures in tables and in parentheses are not values here: a table's row names are not the prose's item
names, and the tables are checked within their document. A label that names two different amounts in one
document names neither (see check.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims import budget_words
from figcheck.claims.common import states_change
from figcheck.document import Document, inside, table_extents
from figcheck.figures import Figure
from figcheck.figures.numerals import scale_of
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook
from figcheck.years.carried import Carried, carried_rows
from figcheck.years.identity import Identity
from figcheck.years.places import place

_ASIDE = patterns.compile(r"[（(][^（）()]{0,20}[）)]")
DIFFERENCE, PERCENT, LEVEL = "difference", "percent", "level"


@dataclass(frozen=True, slots=True)
class YearValue:
    """An amount a document states by name, with where it stands (for a finding in another document)."""

    label: str
    figure: Figure
    line: int
    column: int
    locator: str = ""


@dataclass(frozen=True, slots=True)
class YearStatement:
    """「<label> <value>，比<year>年<kind><verb><change>」: the change of an item against an earlier document."""

    label: str
    value: Figure
    change: Figure  # the amount or percent stated; 「持平」 is a figure of exactly 0 (budget_words.level_figure)
    relation: str  # difference | percent | level
    direction: int  # +1 up, −1 down, 0 level
    year: int  # the earlier document's year
    kind: str  # the earlier document's kind: 预算 | 决算


@dataclass(frozen=True, slots=True)
class YearFacts:
    identity: Identity
    values: tuple[YearValue, ...] = ()
    statements: tuple[YearStatement, ...] = ()
    carried: tuple[Carried, ...] = ()  # rows carried into this year or out of it (carried.py)


class _Words(NamedTuple):
    against: dict[str, str]
    unnamed: dict[str, str]
    marker: regex.Pattern[str]
    year: regex.Pattern[str]
    before: tuple[str, ...]
    after: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...]
    level_after: regex.Pattern[str]


@rulebook.derived
def _words(book: Rulebook) -> _Words:
    data = book.load("years.toml")
    labels = data["labels"]
    level = rulebook.alternation(book.load("cues.toml")["budget_item"]["level"])
    return _Words(
        against=dict(data["statement"]["against"]),
        unnamed={kind: kind for kind in data["statement"]["unnamed"]},
        marker=patterns.compile(
            r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、])、?"
        ),
        year=patterns.compile(r"^(?:19|20)\d{2}年度?"),
        before=tuple(rulebook.longest_first(labels["strip_before"])),
        after=tuple(rulebook.longest_first(labels["strip_after"])),
        aliases=tuple(sorted(labels["aliases"].items(), key=lambda pair: -len(pair[0]))),
        # after a value: 「，比2023年预算持平」, 「。比上年预算持平」 (a figure-less change, its own clause)
        level_after=patterns.compile(
            rf"^\s*[，,。]\s*(?P<clause>(?:比|较|与|同)[^，,。；;]{{0,16}}?(?P<level>{level}))"
        ),
    )


def year_facts(document: Document, layout: Layout, identity: Identity) -> YearFacts:
    values: list[YearValue] = []
    statements: list[YearStatement] = []
    tables = table_extents(document.tables)
    prose = [placed for placed in layout.placed if not placed.depth and not inside(tables, placed.figure.start)]
    for earlier, figure in zip((None, *prose), prose, strict=False):
        statement = _statement(layout, identity, earlier, figure)
        if statement is not None:
            statements.append(statement)
        elif budget_words.is_amount(figure) and not states_change(layout, figure):
            label = normalised(layout.book, figure.label, identity.issuer)
            if label and not _generic(layout.book, figure.label) and figure.figure.qualifier not in _UNBOUNDED:
                values.append(YearValue(label, figure.figure, *place(document, figure.figure.start)))
                level = _level(layout, identity, figure, label)
                statements.extend([level] if level is not None else [])
    return YearFacts(identity, tuple(values), tuple(statements), carried_rows(document, layout, tables))


# 「超过1000万元」, 「不足1万元」 bound an amount on one side only: no item's amount to compare with
_UNBOUNDED = ("over", "under")


def _statement(layout: Layout, identity: Identity, value: Placed | None, change: Placed) -> YearStatement | None:
    """The change right after a value: 「15621.11万元，比2023年预算减少876.75万元」 (or 「…减少5.3%」)."""
    if value is None or not budget_words.is_amount(value):
        return None
    relation = DIFFERENCE if budget_words.is_amount(change) else PERCENT if change.figure.unit == "%" else ""
    if not relation or change.figure.high is not None:  # (a change in parentheses fails the gap below)
        return None
    gap = _ASIDE.sub("", layout.text[value.figure.end : change.figure.start])  # 「比2022年（上一年度，下同）预算」
    if _bare(gap) not in ("，" + _bare(change.label), "," + _bare(change.label)):
        return None  # only the comparison may stand between the value and its change
    found = _reference(layout.book, identity, change.label)
    if found is None or found[2] == 0 or states_change(layout, value):
        return None
    year, kind, direction = found
    label = normalised(layout.book, value.label, identity.issuer)  # "" names nothing: it matches no value
    return YearStatement(label, value.figure, change.figure, relation, direction, year, kind)


def _level(layout: Layout, identity: Identity, value: Placed, label: str) -> YearStatement | None:
    """「公务接待费1.35万元。比2023年预算持平」: no change, stated without a figure."""
    following = layout.text[value.figure.end : value.figure.end + 24]
    match = _words(layout.book).level_after.match(following)
    if match is None:
        return None
    found = _reference(layout.book, identity, match.group("clause"))
    if found is None or found[2] != 0:
        return None
    end = value.figure.end + match.end("clause")
    word = match.group("clause")[-len(match.group("level")) :]
    _, scale_word = scale_of(value.figure.numeral)
    level = Figure(
        end - len(word), end, word, Decimal(0), value.figure.unit, resolution=Decimal(0), numeral="0" + scale_word
    )
    return YearStatement(label, value.figure, level, LEVEL, 0, found[0], found[1])


def _reference(book: Rulebook, identity: Identity, clause: str) -> tuple[int, str, int] | None:
    """(the earlier document's year, its kind, the direction) a comparison names, or None."""
    found = budget_words.reference(book, clause)
    if found is None or found.subject:
        return None
    words = _words(book)
    kind = words.against.get(found.stance.kind) if found.stance.kind else words.unnamed.get(identity.kind)
    year = found.stance.year or (identity.year - 1 if found.stance.previous else None)
    if kind is None or year is None or year >= identity.year:
        return None
    return year, kind, found.direction


def _generic(book: Rulebook, label: str) -> bool:
    """A label that names a kind of amount and no item: 「2023年当年预算执行数为」, 「2024年预算安排」."""
    stance = budget_words.stance(book, label)
    return stance is not None and not stance.prefix


def normalised(book: Rulebook, label: str, issuer: str) -> str:
    """An item's name as both years can write it: no spaces, quotes, list marker, year, issuer or filler words;
    spelling variants read as one (years.toml [labels.aliases])."""
    words = _words(book)
    name = regex.sub(r"[\s“”\"‘’'「」『』《》]+", "", label)
    while True:  # 「（二）2024年本部门…」, 「本部门2024年…」: the openers in any order
        before = name
        name = words.marker.sub("", name)
        name = words.year.sub("", name)
        name = name.removeprefix(issuer)
        name = next((name[len(word) :] for word in words.before if name.startswith(word)), name)
        name = name.lstrip("，,、：:")
        if name == before:
            break
    name = next((name[: -len(word)] for word in words.after if name.endswith(word) and len(name) > len(word)), name)
    for spelling, meant in words.aliases:
        name = name.replace(spelling, meant)
    return name if len(name) >= 2 else ""


def _bare(text: str) -> str:
    return regex.sub(r"\s+", "", text)
