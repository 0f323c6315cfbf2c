"""Tables pasted into a text or Markdown file without a caption: rows of tab-separated cells (copied from Excel
or Word), or of cells separated by runs of two or more spaces (a table laid out by hand or printed from a PDF):

    项目	预算数	执行数	完成率（%）
    一般公共预算收入	52300	53120	101.6
    政府性基金收入	18000	16500	91.7

A block is a table when a header line (no figure in it but years) is followed by two or more rows with the same
number of cells, each row a label (words, or a subject code before them) and then figures, blanks (tabs only)
or 「—」. Lines with sentence punctuation (。，；) are prose and end the block: a list of sentences is never a
table. The tables are numbered after the document's own (`first`), in reading order; cells keep their offsets
in the text, so nothing is read twice."""

from __future__ import annotations

import regex

from figcheck import patterns
from figcheck.document import Cell, Segment, Table
from figcheck.load.builder import indent_of

_SPACED = patterns.compile(r"\S+(?: \S+)*")  # a cell: words joined by single spaces; two spaces or more part cells
_NUMBER = patterns.compile(r"^[-−+]?\d[\d,]*(?:\.\d+)?[%‰]?$")
_YEAR = patterns.compile(r"^(?:19|20)\d\d年?$")
_CODE = patterns.compile(r"^\d{3}(?:\d{2}){0,2}$")  # 201, 20101, 2010101: a subject code labels its row
_BLANK = frozenset({"", "—", "-", "－", "–", "/", "…"})
_UNIT = patterns.compile(r"^\p{Han}{1,4}$")
_PROSE = patterns.compile(r"[。，；;]|[，,]\s")


def delimited_tables(text: str, taken: set[int], first: int) -> tuple[tuple[Table, ...], tuple[Segment, ...]]:
    """The uncaptioned tab- or space-separated tables of `text`, skipping the lines in `taken` (read already)."""
    if "\t" not in text and "  " not in text and "\u3000\u3000" not in text:
        return (), ()
    lines, starts, at = text.split("\n"), [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    tables: list[Table] = []
    segments: list[Segment] = []
    index = 0
    while index < len(lines):
        block = None if index in taken else _block(lines, starts, index, taken)
        if block is None:
            index += 1
            continue
        rows, index = block
        number = first + len(tables)
        tables.append(Table(number, tuple(cell for row in rows for cell in row), len(rows), len(rows[0]), ""))
        segments.append(Segment(rows[0][0].start, rows[-1][-1].end, "table", f"表{number}"))
        segments += [
            Segment(c.start, c.end, "cell", f"表{number} 第{c.row + 1}行第{c.col + 1}列") for r in rows for c in r
        ]
    return tuple(tables), tuple(segments)


def _fields(line: str, start: int, row: int) -> list[Cell]:
    """The cells of a line: tab-separated (blank cells kept) or, without tabs, separated by two spaces or more."""
    spans = []
    if "\t" in line:
        at = 0
        for piece in line.split("\t"):
            begin = at + len(piece) - len(piece.lstrip())
            spans.append((begin, begin + len(piece.strip())))
            at += len(piece) + 1
    else:
        spans = [m.span() for m in _SPACED.finditer(line.replace("\u3000", " "))]
    indent = indent_of(line[: spans[0][0]]) if spans else 0  # the label set in: 「　　工业」
    return [
        Cell(row, col, start + a, start + b, line[a:b], indent if col == 0 else 0) for col, (a, b) in enumerate(spans)
    ]


def _block(lines: list[str], starts: list[int], index: int, taken: set[int]) -> tuple[list[list[Cell]], int] | None:
    """The table starting at line `index` and the line after it, or None."""
    header = _fields(lines[index], starts[index], 0)
    if not _is_header([cell.text for cell in header]):
        return None
    rows = [header]
    end = index + 1
    while end < len(lines) and end not in taken and lines[end].strip():
        row = _fit(_fields(lines[end], starts[end], len(rows)), len(header), lines[end], starts[end])
        if not is_row([cell.text for cell in row], len(header)):
            break
        rows.append(row)
        end += 1
    return (rows, end) if len(rows) >= 3 else None


def table_length(rows: list[list[str]]) -> int:
    """How many of `rows` (cell texts, the header first) make a table: a header without figures but years and
    two or more rows of as many cells, each a label and then figures; 0 when they do not."""
    if not rows or not _is_header(rows[0]):
        return 0
    count = 1
    while count < len(rows) and is_row(rows[count], len(rows[0])):
        count += 1
    return count if count >= 3 else 0


def _is_header(texts: list[str]) -> bool:
    return (
        len(texts) >= 2
        and not _PROSE.search("".join(texts))
        and not any(_NUMBER.match(t) and not _YEAR.match(t) for t in texts)
    )


def is_row(texts: list[str], width: int) -> bool:
    """A data row of a table `width` cells wide."""
    return len(texts) == width and not _PROSE.search("".join(texts)) and _is_data(texts)


def spread_label(texts: list[str], width: int) -> int:
    """How many leading cells make one label spaced out as tables print it (「合  计」): 1 when the row has no
    more cells than the header, or a figure is among them."""
    extra = len(texts) - width
    return 1 if extra <= 0 or any(_NUMBER.match(text) for text in texts[: extra + 1]) else extra + 1


def _fit(row: list[Cell], width: int, line: str, start: int) -> list[Cell]:
    """A row whose label is spaced out (「合  计」) with its label as one cell."""
    joined = spread_label([cell.text for cell in row], width)
    if joined == 1:
        return row
    first, last = row[0].start, row[joined - 1].end
    label = Cell(row[0].row, 0, first, last, line[first - start : last - start], row[0].indent)
    return [label] + [Cell(c.row, c.col - joined + 1, c.start, c.end, c.text) for c in row[joined:]]


def _is_data(texts: list[str]) -> bool:
    """A label (words, or a code and words), then figures, blanks, 「—」 or unit words — at least one figure."""
    skip = 1 if _CODE.match(texts[0]) else 0
    first = next((i for i in range(skip, len(texts)) if _NUMBER.match(texts[i])), None)
    if not first:
        return False
    labels, values = texts[:first], texts[first:]
    if not any(regex.search(r"\p{Han}|[A-Za-z]", label) for label in labels):
        return False
    return all(_NUMBER.match(v) or v in _BLANK or _UNIT.match(v) for v in values)
