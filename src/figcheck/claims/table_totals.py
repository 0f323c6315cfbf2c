"""The same labelled total in two tables of one document (rules/tables.toml [labelled_totals], FC501):
「收入总计」 in the 收支总表 and in the 收入总表 of one budget, when both tables have the same scope (the same funds
named in their captions, the same years, the same unit). A table without a caption naming it a table (…表) is
never compared. A label is a word before 合计/总计 (本年收入合计) standing in a cell, its amount the first figure
to its right in the row; a bare 合计 says nothing of what it totals."""

from __future__ import annotations

import regex

from figcheck import patterns
from figcheck.claims.model import RepeatClaim
from figcheck.layout import Placed

_LABEL = patterns.compile(r"^\p{Han}{2,}(?:合计|总计)$")
_YEARS = patterns.compile(r"(?:19|20)\d\d")
_UNIT = patterns.compile(r"单位\s*[:：]\s*(\S{1,3}元)")

Totals = tuple[tuple, dict[str, Placed]]  # a table's scope, and its labelled totals


def labelled_totals(reader) -> Totals:
    """The table's scope (funds, years, unit) and each label's amount, for labels given once in the table."""
    caption = reader.caption.replace(" ", "")
    scopes = reader.book.load("tables.toml")["labelled_totals"]["scopes"]
    unit = _UNIT.search(caption)
    scope = (
        frozenset(word for word in scopes if word in caption),
        frozenset(_YEARS.findall(caption)),
        unit.group(1) if unit else "",
    )
    found: dict[str, list[Placed]] = {}
    if "表" not in caption:
        return scope, {}  # no caption of its own (a row left over from the page before): its scope is not known
    for r in reader.data_rows():
        for c, text in enumerate(reader.texts[r]):
            label = regex.sub(r"\s+", "", text)
            if not _LABEL.match(label):
                continue
            amount = next((v for v in reader.values[r][c + 1 :] if v is not None), None)
            if amount is not None:
                found.setdefault(label, []).append(amount)
    return scope, {label: amounts[0] for label, amounts in found.items() if len(amounts) == 1}


def same_totals(tables: list[Totals]) -> list[RepeatClaim]:
    """Each labelled total against the first earlier table of the same scope that labels it alike."""
    claims = []
    for index, (scope, totals) in enumerate(tables):
        for label, amount in totals.items():
            earlier = next((t[label] for s, t in tables[:index] if s == scope and label in t), None)
            if earlier is not None:
                claims.append(RepeatClaim(amount, earlier, label))
    return claims
