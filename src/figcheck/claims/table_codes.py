"""Tables whose rows are ranked by subject codes in columns headed 类 | 款 | 项 — the function and economic
classification tables of budgets and final accounts:

    类   款   项   科目名称          合计          基本支出      项目支出
    201             一般公共服务支出  21,601,733.00 12,291,733.00 9,310,000.00
    201  13         商贸事务          21,601,733.00 …
    201  13   01    行政运行          9,389,913.00  …
    …
    合计                              371,514,655.00 …

Each row with a code is, column by column, the sum of the rows right beneath it whose codes extend its code by
one rank (类 = Σ its 款, 款 = Σ its 项); the 合计 row is the sum of the highest-ranked rows. The code cells are
labels, never values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from figcheck import patterns

_CODE = patterns.compile(r"^\d{1,3}$")  # 「2」 for 02: some PDFs drop the leading zero

Cell = tuple[int, int]  # (row, column)


def code_columns(texts: Sequence[Sequence[str]], levels: Sequence[str], header_rows: int = 6) -> list[int]:
    """The columns of a subject code: a header row holding the level words side by side, in rank order."""
    for row in texts[:header_rows]:
        cells = [text.replace(" ", "") for text in row]
        columns = [c for c, text in enumerate(cells) if text in levels]
        ranked = [cells[c] for c in columns] == list(levels[: len(columns)])
        if len(columns) >= 2 and ranked and columns == list(range(columns[0], columns[0] + len(columns))):
            return columns
    return []


def code_layout(texts: Sequence[Sequence[str]], levels: Sequence[str]) -> tuple[list[int], set[int]]:
    """The columns a row's code is read from (类 | 款 | 项, or one column of whole codes), and every column of
    codes, which are labels and never values: a two-sided table has two code columns and no ranks to read."""
    whole = cell_code_columns(texts)
    ranked = code_columns(texts, levels) or (whole if len(whole) == 1 else [])
    return ranked, {*ranked, *whole}


def cell_code_columns(texts: Sequence[Sequence[str]], header_rows: int = 3) -> list[int]:
    """Columns holding a whole subject code in one cell (208, 20805, 2080501 — final accounts print them so):
    headed …编码, with at least two codes of 3, 5 or 7 digits beneath."""
    columns = []
    for c in range(len(texts[0]) if texts else 0):
        headed = any("编码" in row[c] for row in texts[:header_rows])
        codes = sum(bool(_WHOLE_CODE.match(row[c].replace(" ", ""))) for row in texts[header_rows:])
        if headed and codes >= 2:
            columns.append(c)
    return columns


_WHOLE_CODE = patterns.compile(r"^\d{3}(?:\d{2}){0,2}$")


def row_code(row: Sequence[str], columns: Sequence[int]) -> tuple[str, ...] | None:
    """A row's code as its ranks (「201」「13」「01」, or 「2080501」 in one cell), or None when the row has none
    or a malformed one."""
    if len(columns) == 1:
        whole = row[columns[0]].replace(" ", "")
        found = _WHOLE_CODE.match(whole)
        return (
            tuple(whole[at : at + size] for at, size in ((0, 3), (3, 2), (5, 2)) if at < len(whole)) if found else None
        )
    filled = [row[c].replace(" ", "") for c in columns]
    rank = next((at for at, text in enumerate(filled) if not text), len(filled))
    if rank == 0 or any(filled[rank:]) or not all(_CODE.match(text) for text in filled[:rank]):
        return None
    return tuple(filled[:rank])


def ranked_sums(
    codes: dict[int, tuple[str, ...]], total_rows: Sequence[int], value_columns: Sequence[int], add: Callable
) -> list:
    """Every coded row against the rows of the next rank beneath it, and each total row against the rows of
    the highest rank, column by column; `add(total_cell, part_cells)` makes the claim of one sum."""
    rows = sorted(codes)
    groups: list[tuple[int, list[int]]] = []
    for position, row in enumerate(rows):
        code = codes[row]
        children = []
        for below in rows[position + 1 :]:
            if codes[below][: len(code)] != code or len(codes[below]) == len(code):
                break
            if len(codes[below]) == len(code) + 1:
                children.append(below)
        if children:
            groups.append((row, children))
    top = min((len(code) for code in codes.values()), default=0)
    highest = [row for row in rows if len(codes[row]) == top]
    groups += [(total, highest) for total in total_rows if highest]
    claims = []
    for total, parts in groups:
        for column in value_columns:
            claims += add((total, column), [(part, column) for part in parts])
    return claims
