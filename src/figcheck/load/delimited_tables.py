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

from figcheck.document import Cell, Segment, Table

_SPACED = regex.compile(r"\S+(?: \S+)*")  # a cell: words joined by single spaces; two spaces or more part cells
_NUMBER = regex.compile(r"^[-−+]?\d[\d,]*(?:\.\d+)?[%‰]?$")
_YEAR = regex.compile(r"^(?:19|20)\d\d年?$")
_CODE = regex.compile(r"^\d{3}(?:\d{2}){0,2}$")  # 201, 20101, 2010101: a subject code labels its row
_BLANK = frozenset({"", "—", "-", "－", "–", "/", "…"})
_UNIT = regex.compile(r"^\p{Han}{1,4}$")
_PROSE = regex.compile(r"[。，；;]|[，,]\s")


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
    return [Cell(row, col, start + a, start + b, line[a:b]) for col, (a, b) in enumerate(spans)]


def _block(lines: list[str], starts: list[int], index: int, taken: set[int]) -> tuple[list[list[Cell]], int] | None:
    """The table starting at line `index` and the line after it, or None."""
    header = _fields(lines[index], starts[index], 0)
    texts = [cell.text for cell in header]
    if len(header) < 2 or _PROSE.search(lines[index]) or any(_NUMBER.match(t) and not _YEAR.match(t) for t in texts):
        return None
    rows = [header]
    end = index + 1
    while end < len(lines) and end not in taken and lines[end].strip():
        row = _fit(_fields(lines[end], starts[end], len(rows)), len(header), lines[end], starts[end])
        if len(row) != len(header) or _PROSE.search(lines[end]) or not _is_data(row):
            break
        rows.append(row)
        end += 1
    return (rows, end) if len(rows) >= 3 else None


def _fit(row: list[Cell], width: int, line: str, start: int) -> list[Cell]:
    """A label spaced out as tables print it (「合  计」) is one cell: leading words beyond the header's width
    join the first cell."""
    extra = len(row) - width
    if extra <= 0 or any(_NUMBER.match(cell.text) for cell in row[: extra + 1]):
        return row
    first, last = row[0].start, row[extra].end
    label = Cell(row[0].row, 0, first, last, line[first - start : last - start])
    return [label] + [Cell(c.row, c.col - extra, c.start, c.end, c.text) for c in row[extra + 1 :]]


def _is_data(row: list[Cell]) -> bool:
    """A label (words, or a code and words), then figures, blanks, 「—」 or unit words — at least one figure."""
    texts = [cell.text for cell in row]
    skip = 1 if _CODE.match(texts[0]) else 0
    first = next((i for i in range(skip, len(texts)) if _NUMBER.match(texts[i])), None)
    if not first:
        return False
    labels, values = texts[:first], texts[first:]
    if not any(regex.search(r"\p{Han}|[A-Za-z]", label) for label in labels):
        return False
    return all(_NUMBER.match(v) or v in _BLANK or _UNIT.match(v) for v in values)
