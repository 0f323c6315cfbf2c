"""Tables written as text: a caption 「表N …」, a header line, then rows of whitespace-separated cells — a table
pasted from Word or Excel, or a PDF's table copied as text:

    表1 2023年年末户籍人口及其构成
    指标名称 年末数（人） 比重（%）
    全州总户籍人口 4899310 100.0
    #城镇 1654272 33.8

Every row has as many cells as the header: the last ones are values (a number, or a short unit word such as
人次), the words before them the row's label. The table ends at the first line of another shape; blank lines
and page marks (— 3 —) inside it are skipped. Only a table announced by its caption is read, and it keeps the
document's own number (表15 is 表15). Cells keep their offsets in the text, so nothing is read twice."""

from __future__ import annotations

import bisect

import regex

from figcheck import patterns
from figcheck.document import Cell, Segment, Table
from figcheck.load.delimited_tables import delimited_tables

_CAPTION = patterns.compile(r"^[ \t\u3000]*(?:附)?表[ \t]*(\d{1,3})(?:[ \t\u3000]+\S.*)?$")
_CAPTIONS = patterns.compile(r"^[ \t\u3000]*(?:附)?表[ \t]*\d", regex.MULTILINE)  # where to look for one
_TOKEN = patterns.compile(r"[^\s\u3000]+")
_NUMBER = patterns.compile(r"^[-−+]?\d[\d,]*(?:\.\d+)?[%‰]?$")
_UNIT = patterns.compile(r"^\p{Han}{1,4}$")  # 人次, 万美元: a unit column's cell
_PAGE_MARK = patterns.compile(r"^[\s\u3000]*[-—–－]+\s*\d{1,3}\s*[-—–－]+[\s\u3000]*$")
_PROSE = patterns.compile(r"[。，；：,;]")


def text_tables(text: str) -> tuple[tuple[Table, ...], tuple[Segment, ...]]:
    """The tables of a plain text, with a segment for each table and cell: the captioned ones, then those pasted
    without a caption (delimited_tables.py), numbered after them."""
    tables, segments, taken = _captioned(text)
    more, more_segments = delimited_tables(text, taken, max((t.number for t in tables), default=0) + 1)
    return tables + more, segments + more_segments


def _captioned(text: str) -> tuple[tuple[Table, ...], tuple[Segment, ...], set[int]]:
    if "表" not in text:
        return (), (), set()  # most texts have no caption at all: known before splitting them into lines
    lines = _lines(text)
    starts = [start for start, _ in lines]
    tables: list[Table] = []
    segments: list[Segment] = []
    taken: set[int] = set()
    for found in _CAPTIONS.finditer(text):
        index = bisect.bisect_right(starts, found.start()) - 1
        line = lines[index][1]
        caption = _CAPTION.match(line)
        if caption is None:
            continue
        rows = _rows(lines, index + 1)
        if rows is None:
            continue
        taken.update(range(index, bisect.bisect_right(starts, rows[-1][-1].start)))
        table = _table(int(caption.group(1)), line.strip(), rows)
        tables.append(table)
        segments.append(Segment(rows[0][0].start, rows[-1][-1].end, "table", f"表{table.number}"))
        segments += [
            Segment(c.start, c.end, "cell", f"表{table.number} 第{c.row + 1}行第{c.col + 1}列") for c in table.cells
        ]
    return tuple(tables), tuple(segments), taken


def _lines(text: str) -> list[tuple[int, str]]:
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    return lines


def _rows(lines: list[tuple[int, str]], first: int) -> list[list[Cell]] | None:
    """The header and the rows after a caption, as cells; None when they do not make a table."""
    header = _cells(*lines[first], 0) if first < len(lines) else []
    if len(header) < 2 or any(_NUMBER.match(cell.text) for cell in header) or _PROSE.search(lines[first][1]):
        return None
    rows = [header]
    for start, line in lines[first + 1 :]:
        if not line.strip() or _PAGE_MARK.match(line):
            continue
        row = _row(start, line, len(header), len(rows))
        if row is None:
            break
        rows.append(row)
    return rows if len(rows) >= 3 else None


def _row(start: int, line: str, width: int, number: int) -> list[Cell] | None:
    tokens = list(_TOKEN.finditer(line))
    if len(tokens) < width or _PROSE.search(line):
        return None
    label, values = tokens[: len(tokens) - width + 1], tokens[len(tokens) - width + 1 :]
    if not all(_NUMBER.match(v.group()) or _UNIT.match(v.group()) for v in values):
        return None
    if not any(_NUMBER.match(v.group()) for v in values) or _NUMBER.match(label[0].group()):
        return None
    first, last = start + label[0].start(), start + label[-1].end()
    cells = [Cell(number, 0, first, last, line[label[0].start() : label[-1].end()])]
    cells += [Cell(number, col, start + v.start(), start + v.end(), v.group()) for col, v in enumerate(values, 1)]
    return cells


def _cells(start: int, line: str, number: int) -> list[Cell]:
    return [
        Cell(number, col, start + t.start(), start + t.end(), t.group()) for col, t in enumerate(_TOKEN.finditer(line))
    ]


def _table(number: int, caption: str, rows: list[list[Cell]]) -> Table:
    return Table(number, tuple(cell for row in rows for cell in row), len(rows), len(rows[0]), caption)
