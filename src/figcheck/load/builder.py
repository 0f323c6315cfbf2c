"""Building a Document from blocks: paragraphs and tables, with locators.

Loaders for structured formats (docx, HTML, PDF) extract blocks in reading order and hand them to a
`DocumentBuilder`, which joins them into one text — a paragraph per line, a table row per line with
cells separated by tabs — and records where every block and cell went.
"""

from __future__ import annotations

from figcheck import patterns
from figcheck.document import Cell, Directive, Document, Segment, Table

_CAPTION_NUMBER = patterns.compile(r"^\s*(?:附)?表\s*(\d{1,3})(?!\d)")


class DocumentBuilder:
    def __init__(self, path: str, encoding: str = "utf-8") -> None:
        self._path, self._encoding = path, encoding
        self._parts: list[str] = []
        self._length = 0
        self._segments: list[Segment] = []
        self._tables: list[Table] = []
        self._paragraphs = 0
        self._last_text = ""
        self._before_last = ""  # the paragraph before the last, since the last table
        self._directives: list[Directive] = []
        self._pending: list[tuple[tuple[str, ...], str]] = []  # ignore directives waiting for their block
        self._disabled: tuple[int, tuple[str, ...], str] | None = None
        self._notices: list[str] = []
        self._source_lines: list[tuple[int, int]] = []

    def source_line(self, line: int | None) -> None:
        """The line of the source file the next block comes from (an HTML element's `sourceline`)."""
        if line is not None:
            self._source_lines.append((self._length, line))

    def notice(self, text: str) -> None:
        """Something the reader of the report should know about how the input was read (修订, 未读取的内容)."""
        if text not in self._notices:
            self._notices.append(text)

    def directive(self, kind: str, codes: tuple[str, ...], text: str) -> None:
        """A suppression found in the source (an HTML comment, a Word comment): `ignore` covers the next
        paragraph or table, `disable` … `enable` everything between."""
        if kind == "ignore":
            self._pending.append((codes, text))
        elif kind == "disable":
            self._disabled = (self._length, codes, text)
        elif self._disabled is not None:
            start, codes, text = self._disabled
            self._directives.append(Directive(start, self._length, codes, start, start, text))
            self._disabled = None

    def _attach(self, start: int, end: int) -> None:
        for codes, text in self._pending:
            self._directives.append(Directive(start, end, codes, start, start, text))
        self._pending.clear()

    def _append(self, text: str) -> int:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def paragraph(self, text: str, where: str = "", kind: str = "paragraph", name: str = "") -> None:
        """Add one paragraph (a line); `where` prefixes its locator (「第3页 」), `name` replaces it (「脚注3」)."""
        text = text.replace("\n", " ").replace("\t", " ").strip()
        if not text:
            return
        self._paragraphs += 1
        start = self._append(text)
        self._append("\n")
        self._segments.append(Segment(start, start + len(text), kind, name or f"{where}第{self._paragraphs}段"))
        self._attach(start, start + len(text))
        self._before_last, self._last_text = self._last_text, text

    def table(self, rows: list[list[str]], where: str = "", row_where: list[str] | None = None) -> None:
        """Add a table given as rows of cell texts (merged cells repeated where they span). `where` prefixes
        the table's locator (「第3—4页 」), `row_where` each row's cells' (the page a row is printed on)."""
        row_where = row_where if row_where is not None else [where] * len(rows)
        kept = [
            ([(cell or "").replace("\n", "").replace("\t", " ") for cell in row], prefix)
            for row, prefix in zip(rows, row_where, strict=True)
        ]
        kept = [(row, prefix) for row, prefix in kept if any(cell.strip() for cell in row)]
        if not kept:
            return
        indents = [[indent_of(cell) for cell in row] for row, _ in kept]
        rows, row_where = [[cell.strip() for cell in row] for row, _ in kept], [prefix for _, prefix in kept]
        number = self._number()
        cols = max(len(row) for row in rows)
        table_start = self._length
        cells = []
        for r, row in enumerate(rows):
            for c in range(cols):
                text = row[c] if c < len(row) else ""
                start = self._append(text)
                indent = indents[r][c] if c < len(indents[r]) else 0
                cells.append(Cell(r, c, start, start + len(text), text, indent))
                locator = f"{row_where[r]}表{number} 第{r + 1}行第{c + 1}列"
                self._segments.append(Segment(start, start + len(text), "cell", locator))
                self._append("\t" if c < cols - 1 else "\n")
        self._segments.append(Segment(table_start, self._length, "table", f"{where}表{number}"))
        self._attach(table_start, self._length)
        self._tables.append(Table(number, tuple(cells), len(rows), cols, self._caption()))
        self._before_last = self._last_text = ""

    def _caption(self) -> str:
        """The paragraph before the table; with the one before it when that one gives the table's unit and this
        one does not (「财政拨款“三公”经费支出决算表 单位：万元」 above a title line 「财政拨款“三公”经费」)."""
        if "单位" in self._before_last and "单位" not in self._last_text and len(self._before_last) <= 80:
            return f"{self._before_last} {self._last_text}"
        return self._last_text

    def _number(self) -> int:
        """The number the document gives the table in its caption (「表2 …」 just before it), when no table
        has it yet; otherwise the next after the highest so far."""
        used = {table.number for table in self._tables}
        named = _CAPTION_NUMBER.match(self._last_text)
        if named is not None and int(named.group(1)) not in used:
            return int(named.group(1))
        return max(used, default=0) + 1

    def page(self, number: int, start: int) -> None:
        """Mark everything added since `start` as page `number`."""
        self._segments.append(Segment(start, self._length, "page", f"第{number}页"))

    @property
    def length(self) -> int:
        return self._length

    def build(self) -> Document:
        if self._disabled is not None:
            start, codes, text = self._disabled
            self._directives.append(Directive(start, self._length, codes, start, start, text))
            self._disabled = None
        return Document(
            path=self._path,
            text="".join(self._parts),
            segments=tuple(sorted(self._segments, key=lambda s: (s.start, -s.end))),
            encoding=self._encoding,
            tables=tuple(self._tables),
            directives=tuple(self._directives),
            notices=tuple(self._notices),
            source_lines=tuple(self._source_lines),
        )


def indent_of(text: str) -> int:
    """How far a cell's text is set in: a full-width space or two spaces per character."""
    lead = text[: len(text) - len(text.lstrip(" \u3000"))]
    return lead.count("\u3000") + lead.count(" ") // 2
