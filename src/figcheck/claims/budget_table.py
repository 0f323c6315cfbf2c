"""A budget item explained in the text against its row in the classification tables (FC501):

    1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于……
    1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，……

name a subject by its path of 类, 款 and 项 names; the table ranked by codes (table_codes.py) that has a row of
that path under a row of each name above it gives the amount, in the table's own unit (「单位：元」). The
text's amount, written in 万元 to two decimals, must be the table's to that precision. Several tables list the
same subject (收入总表, 支出总表, 一般公共预算支出表): the text explains spending, so the table it is read
against is the first whose caption names it most closely (`_PREFERRED`)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import regex

from figcheck import patterns
from figcheck.claims.model import RepeatClaim
from figcheck.claims.table_codes import row_code
from figcheck.layout import Layout, Placed

_QUOTED = patterns.compile(r"[“\"]([^”\"\n]{4,120})[”\"]\s*(?:科目)?\s*")
_RANKED = patterns.compile(r"^(.+?)[（(]类[）)](.+?)[（(]款[）)](.+?)[（(]项[）)]$")
_DASHED = patterns.compile(r"^([^-－—]+)[-－—]([^-－—]+)[-－—]([^-－—]+)$")
_TABLE_UNIT = patterns.compile(r"单位\s*[:：]\s*(亿元|万元|千元|元)")
_PREFERRED = ("一般公共预算支出", "财政拨款支出", "支出")  # the captions the items are read against, best first
_SCALES = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def _name(text: str) -> str:
    """A subject's name as compared: no spaces, full-width parentheses, 其它 spelled 其他 (both are in use)."""
    return regex.sub(r"\s+", "", text).replace("(", "（").replace(")", "）").replace("其它", "其他")


def item_path(text: str) -> tuple[str, ...] | None:
    """The 类, 款 and 项 names a quoted subject gives, or None when it is no subject path."""
    found = _RANKED.match(text) or _DASHED.match(text)
    return tuple(_name(part) for part in found.groups()) if found else None


def table_rows(reader) -> tuple[int, dict[tuple[str, ...], tuple[Placed, str]]]:
    """How closely the table's caption names what items explain (`preference`), and each coded row's path of
    names (its own and its ancestors') with its first amount, in 元; no rows without a code, a unit or amounts."""
    unit = _TABLE_UNIT.search(reader.caption.replace(" ", ""))
    columns = reader.value_columns()
    if unit is None or not reader.code_cols or not columns:
        return len(_PREFERRED), {}
    scale = _SCALES[unit.group(1)]
    names = [c for c in range(reader.label_cols) if c not in reader.code_cols]
    by_code: dict[tuple[str, ...], str] = {}
    rows: dict[tuple[str, ...], tuple[Placed, str]] = {}
    for r, texts in enumerate(reader.texts):
        code = row_code(texts, reader.code_cols)
        if code is None:
            continue
        by_code[code] = _name("".join(texts[c] for c in names))
        path = tuple(by_code.get(code[:rank], "") for rank in range(1, len(code) + 1))
        amount = reader.values[r][columns[0]]
        if amount is not None and all(path):
            rows[path] = _in_yuan(amount, scale), unit.group(1)
    return preference(reader.caption), rows


def _in_yuan(placed: Placed, scale: Decimal) -> Placed:
    figure = placed.figure
    scaled = dataclasses.replace(figure, value=figure.value * scale, resolution=figure.resolution * scale, unit="元")
    return dataclasses.replace(placed, figure=scaled)


def preference(caption: str) -> int:
    """How closely a table's caption names what the items explain (lower is closer)."""
    return next((rank for rank, word in enumerate(_PREFERRED) if word in caption), len(_PREFERRED))


def item_claims(
    layout: Layout, tables: list[tuple[int, dict[tuple[str, ...], tuple[Placed, str]]]]
) -> list[RepeatClaim]:
    """Each explained item against its row in the closest table (by `preference`, then document order)."""
    ranked = [rows for _, rows in sorted(tables, key=lambda table: table[0]) if rows]
    if not ranked:
        return []
    by_start = {placed.figure.start: placed for placed in layout.placed}
    claims = []
    for quoted in _QUOTED.finditer(layout.text):
        path = item_path(quoted.group(1))
        stated = by_start.get(quoted.end())
        if path is None or stated is None or stated.figure.unit not in _SCALES or stated.figure.qualifier != "none":
            continue
        row, unit = next((rows[path] for rows in ranked if path in rows), (None, ""))
        if row is not None:
            claims.append(RepeatClaim(stated, row, path[-1], converted=unit))
    return claims
