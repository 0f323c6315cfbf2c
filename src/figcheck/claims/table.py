"""Table claims: 合计/总计 rows and columns against their parts, and share columns against counts.

A table is read as a grid: header rows (no figures), label columns (no figures), data cells. A total
column (header 合计, 总计, 共计 …) must equal the other value columns of its row; a total row must
equal the rows it sums (the 小计 rows when there are any, else every other row, leaving out 其中/#
rows that break a row down further). Share columns (占比, 比重, %) must equal the row's count over the
total row's. Hierarchical tables (（一）… with 1. 2. items beneath) are not summed by rows: their
structure is not known well enough.
"""

from __future__ import annotations

import regex

from figcheck import patterns
from figcheck.claims.budget_table import item_claims, table_rows
from figcheck.claims.model import COMPLETE, BalanceClaim, ChangeClaim, RepeatClaim, ShareClaim, SumClaim
from figcheck.claims.table_codes import code_layout, ranked_sums, row_code
from figcheck.claims.table_columns import growth_columns, rate_columns
from figcheck.claims.table_headers import column_paths, sibling_parts
from figcheck.claims.table_identities import identity_claims, named_rows
from figcheck.claims.table_prose import grand_total, stated_in_prose
from figcheck.claims.table_restated import restated_claims, table_amounts
from figcheck.claims.table_totals import labelled_totals, same_totals
from figcheck.claims.table_tree import label_paths, tree_sums
from figcheck.claims.table_words import table_words
from figcheck.document import Cell, Table
from figcheck.layout import Layout, Placed

_SECTION = patterns.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
_ITEM = patterns.compile(r"^\s*\d+[.、．]")
_NUMBERED = patterns.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_EMPTY = frozenset({"", "—", "-", "－", "–", "/", "…", "0"})
_UNIT = patterns.compile(r"[（(]([^）)]{1,6})[）)]")

TableClaim = SumClaim | ShareClaim | ChangeClaim | RepeatClaim | BalanceClaim


def table_claims(layout: Layout, tables: tuple[Table, ...]) -> list[TableClaim]:
    by_start = {placed.figure.start: placed for placed in layout.placed}
    claims: list[TableClaim] = []
    spans = sorted((cell.start, cell.end) for table in tables for cell in table.cells)
    coded, named, labelled = [], [], []
    for table in tables:
        reader = _TableReader(table, layout, by_start)
        claims += reader.claims()
        coded.append(table_rows(reader))
        named.append((reader.caption, table_amounts(reader)))
        labelled.append(labelled_totals(reader))
        claims += stated_in_prose(layout, *grand, spans) if (grand := grand_total(reader)) is not None else []
    claims += item_claims(layout, coded) + restated_claims(layout, named) + same_totals(labelled)
    return claims


def _distinct(claims: list) -> list:
    """Each sum once: a 三公 table's total column sums its siblings by its header and by its identity alike."""
    seen = set()
    out = []
    for claim in claims:
        parts = getattr(claim, "parts", None) or (*claim.left, *claim.right)
        key = (type(claim), claim.stated.figure.start, frozenset(p.figure.start for p in parts))
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


class _TableReader:
    def __init__(self, table: Table, layout: Layout, by_start: dict[int, Placed]) -> None:
        self.book = layout.book
        self.words = table_words(layout.book)
        self.caption = table.caption
        self.grid = table.grid()
        self.values = [[self._value(cell, layout, by_start) for cell in row] for row in self.grid]
        self.texts = [[cell.text if cell is not None else "" for cell in row] for row in self.grid]
        self.code_cols, codes = code_layout(self.texts, self.words.code_levels)
        for row in self.values:
            for c in codes:
                row[c] = None  # 201 | 13 | 01 name a subject, they count nothing
        self.header_rows = self._header_rows()
        self.paths = column_paths(self.texts, self.header_rows)
        self.label_cols = self._label_cols()
        self.headers = [
            " ".join(dict.fromkeys(self._text(r, c) for r in range(self.header_rows) if self._text(r, c)))
            for c in range(len(self.grid[0]) if self.grid else 0)
        ]

    def _text(self, r: int, c: int) -> str:
        cell = self.grid[r][c]
        return cell.text if cell is not None else ""

    @staticmethod
    def _value(cell: Cell | None, layout: Layout, by_start: dict[int, Placed]) -> Placed | None:
        """The figure filling a cell (「215」, 「1,234」, 「12.5%」), or None for text and empty cells."""
        if cell is None or not cell.text:
            return None
        for offset in range(cell.start, cell.end):
            placed = by_start.get(offset)
            if placed is not None:
                inside = placed.figure.end <= cell.end
                whole = cell.text.replace(" ", "") == placed.figure.raw.replace(" ", "")
                return placed if inside and whole else None
        return None

    def _header_rows(self) -> int:
        """The rows before the first with a figure, or before the first numbered label (「（一）项目」 over the rows
        it heads, with no figure of its own, is a row of the table, not of its header)."""
        for r, row in enumerate(self.values):
            if (
                sum(value is not None for value in row) >= 1
                or r
                and self.texts[r]
                and _NUMBERED.match(self.texts[r][0])
            ):
                return r
        return len(self.values)

    def _label_cols(self) -> int:
        data = self.values[self.header_rows :]
        cols = len(self.grid[0]) if self.grid else 0
        for c in range(cols):
            if any(row[c] is not None for row in data):
                return c
            if c and all(self._text(r, c).strip() in _EMPTY for r in range(self.header_rows, len(self.grid))):
                return c  # a column of blanks and 「—」 (no opening balance anywhere) is a column of zeros
        return cols

    def row_label(self, r: int) -> str:
        # cells joined by a space, each without its own spaces (「总 计」 as a PDF spaces it is 总计)
        cells = (self._text(r, c).replace(" ", "") for c in range(self.label_cols))
        return " ".join(dict.fromkeys(cell for cell in cells if cell))

    def is_zero(self, r: int, c: int) -> bool:
        return self._text(r, c).strip() in _EMPTY

    def claims(self) -> list[TableClaim]:
        if not self.grid or self.header_rows >= len(self.grid):
            return []
        identities = identity_claims(self)
        defined = {claim.stated.figure.start for claim in identities if isinstance(claim, SumClaim)}
        # a total column whose parts an identity names (三公经费) is not also summed over all its siblings
        columns = [claim for claim in self._total_columns() if claim.stated.figure.start not in defined]
        sums = columns + (self._ranked_rows() if self.code_cols else self._total_rows())
        return _distinct(sums + identities) + self._share_columns() + growth_columns(self) + rate_columns(self)

    def value_columns(self) -> list[int]:
        return [c for c in range(self.label_cols, len(self.headers)) if self.additive(c)]

    def additive(self, c: int) -> bool:
        return not self.words.not_additive.search(self.headers[c])

    def is_total(self, label: str) -> bool:
        """A 合计/总计 row (its last label cell), not a 小计."""
        return bool(self.words.total.search(label.split(" ")[-1])) and not self.words.subtotal.search(label)

    def column_header(self, c: int) -> str:
        """The lowest header cell of a column (「总计」 under 「行政复议」)."""
        for r in range(self.header_rows - 1, -1, -1):
            if self._text(r, c):
                return self._text(r, c).replace(" ", "")  # 「总 计」 as PDF extraction spaces it
        return ""

    def _total_columns(self) -> list[SumClaim]:
        """Each total column sums the value columns since the previous one: 「维持 纠正 其他 尚未审结 总计」
        twice side by side (行政复议, 行政诉讼) are two sums."""
        columns = self.value_columns()
        totals = [c for c in columns if self.words.total.search(self.column_header(c))]
        claims = []
        previous = self.label_cols - 1
        for total in totals:
            unit = _UNIT.search(self.headers[total])
            parts = [
                c
                for c in columns
                if previous < c < total
                and self.paths[c][: len(self.paths[total]) - 1] == self.paths[total][:-1]  # under the total's parent
                and not self.words.subtotal.search(self.column_header(c))
                and (unit is None or unit.group(0) in self.headers[c] or not _UNIT.search(self.headers[c]))
            ]
            if not parts:  # 合计 | 基本支出 | 项目支出: a budget table puts its total first
                parts = sibling_parts(self.paths, total, columns, self.words.total_or_sub, self.words.breakdown_row)
            previous = total
            if len(parts) < 2:
                continue
            for r in range(self.header_rows, len(self.grid)):
                claims += self.sum_cells((r, total), [(r, c) for c in parts])
        return claims

    def sum_cells(self, total: tuple[int, int], parts: list[tuple[int, int]]) -> list[SumClaim]:
        """A table sum: the total cell against its part cells (blank and 「—」 count as 0)."""
        stated = self.values[total[0]][total[1]]
        cells = [self.values[r][c] for r, c in parts]
        if stated is None or any(v is None and not self.is_zero(r, c) for v, (r, c) in zip(cells, parts, strict=True)):
            return []
        terms = tuple(v for v in cells if v is not None)
        return [SumClaim(stated, terms, COMPLETE, "合计", tight=True, table=True)] if terms else []

    def data_rows(self) -> list[int]:
        return [r for r in range(self.header_rows, len(self.grid)) if any(v is not None for v in self.values[r])]

    def _total_rows(self) -> list[SumClaim]:
        rows = self.data_rows()
        labels = {r: self.row_label(r).replace(" ", "") for r in rows}
        totals = [r for r in rows if self.is_total(self.row_label(r))]  # its last label cell says 合计
        subtotals = [r for r in rows if self.words.subtotal.search(labels[r])]
        flowing = named_rows(self.book, labels)  # 本年新收, 上年结转, 结转下年度: not outcomes the 总计 sums
        ranked = self._numbered_rows(rows, labels, set(totals), flowing) if not subtotals else None
        if ranked is not None:
            return ranked if not self._two_sided(rows) else []  # 收入 | 支出 side by side: labels on both sides
        if any(_SECTION.search(label) for label in labels.values()) and any(_ITEM.search(t) for t in labels.values()):
            return []  # （一）… with 1. 2. beneath, ranks not readable: a hierarchy whose sums we do not know
        ordinary = [
            r
            for r in rows
            if r not in totals
            and r not in subtotals
            and r not in flowing
            and not self.words.breakdown_row.search(labels[r])
        ]
        groups: list[tuple[int, list[int]]] = []
        if len(totals) == 1:
            groups.append((totals[0], subtotals or ordinary))
        previous = self.header_rows - 1
        for subtotal in subtotals:
            groups.append((subtotal, [r for r in ordinary if previous < r < subtotal]))
            previous = subtotal
        claims = []
        for total, parts in groups:
            if len(parts) < 2:
                continue
            for c in self.value_columns():
                claims += self.sum_cells((total, c), [(r, c) for r in parts])
        return claims

    def _two_sided(self, rows: list[int]) -> bool:
        """Labels right of the first figures (本年收入 项目 | 预算数 | 本年支出 项目 | 预算数)."""
        return any(
            self.values[r][c] is None and regex.search(r"\p{Han}", self._text(r, c))
            for r in rows
            for c in range(self.label_cols, len(self.headers))
        )

    def _numbered_rows(self, rows: list[int], labels: dict, totals: set[int], flowing: set[int]) -> list | None:
        """Rows ranked by their numbering (table_tree.py), or None when the labels are not numbered in ranks."""
        every = range(self.header_rows, len(self.grid))  # a label row without figures still ranks the rows below
        cells = {r: [self._text(r, c) for c in range(self.label_cols) if c not in self.code_cols] for r in every}
        breakdown = {r for r in rows if self.words.breakdown_row.search(labels[r])}
        indents = {r: next((c.indent for c in self.grid[r][: self.label_cols] if c and c.text), 0) for r in every}
        if breakdown:
            indents = {}  # 「#夏粮」 set in under 粮食: indentation shows breakdowns there, not ranks that add up
        paths = label_paths({r: cells[r] for r in every if r not in breakdown}, totals, indents)
        if paths is None:
            return None
        parts = {r for r in rows if r in paths and r not in totals and r not in flowing}
        columns = self.value_columns()

        def add(total: int, beneath: list[int]) -> list[SumClaim]:
            return [claim for c in columns for claim in self.sum_cells((total, c), [(r, c) for r in beneath])]

        return tree_sums(paths, sorted(totals & set(paths)), parts, add)

    def _ranked_rows(self) -> list[SumClaim]:
        """Rows ranked by their subject codes: each the sum of the next rank beneath it (table_codes.py)."""
        rows = self.data_rows()
        codes = {r: code for r in rows if (code := row_code(self.texts[r], self.code_cols)) is not None}
        totals = [r for r in rows if r not in codes and self.is_total(self.row_label(r))]
        if len(codes) + len(totals) < len(rows):
            return []  # a row with figures but no code: where it belongs in the ranks is not known
        return ranked_sums(codes, totals, self.value_columns(), self.sum_cells)

    def _share_columns(self) -> list[ShareClaim]:
        rows = self.data_rows()
        shares = [c for c in range(self.label_cols, len(self.headers)) if self._is_share(c)]
        totals = [r for r in rows if self.is_total(self.row_label(r))]
        if not totals:  # 「全州总户籍人口 4899310 100.0」: the one row whose share is 100 is the whole
            totals = [
                r for r in rows if any(self.values[r][c] and self.values[r][c].figure.value == 100 for c in shares)
            ]
        if len(totals) != 1:
            return []
        total_row = totals[0]
        claims = []
        for c in shares:
            base = next(
                (b for b in range(c - 1, self.label_cols - 1, -1) if self.additive(b)),
                None,
            )
            if base is None or self.values[total_row][base] is None:
                continue
            whole = self.values[total_row][base]
            for r in rows:
                share, part = self.values[r][c], self.values[r][base]
                if r != total_row and share is not None and part is not None:
                    unit = share.figure.unit or ("‰" if "‰" in self.headers[c] else "%")
                    claims.append(ShareClaim(share, part, whole, unit, table="share"))
        return claims

    def _is_share(self, c: int) -> bool:
        header = self.headers[c]
        return bool(self.words.share.search(header)) and not self.words.growth.search(header) and "率" not in header
