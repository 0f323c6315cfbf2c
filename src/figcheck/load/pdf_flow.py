"""How a PDF's (or an OFD's) page text and tables go into the document: lines re-joined into paragraphs, a
table continued over pages joined into one (pdf.py reads the pages, ofd.py reads OFD pages the same way)."""

from __future__ import annotations

from figcheck.load.builder import DocumentBuilder
from figcheck.load.pdf_columns import unruled_tables


def place_blocks(blocks: list[tuple[float, str, object]], number: int, builder: DocumentBuilder, flow) -> None:
    """A page's blocks (top, "line" | "table", text | rows) into the document in reading order: lines re-joined into
    paragraphs, tables handed to the flow that joins a table continued over pages (also used for OFD pages)."""
    start = builder.length
    where = f"第{number}页 "
    blocks.sort(key=lambda block: block[0])
    pending: list[str] = []
    flow.new_page(number)
    for _, kind, content in blocks:
        if kind == "line":
            if not _folio(content):
                flow.text()  # prose between two tables: the second is a table of its own
            pending.append(content)
            continue
        _flush(pending, builder, where)
        flow.table(content)
    _flush(pending, builder, where)
    if builder.length > start:
        builder.page(number, start)


def text_blocks(lines: list[dict], open_width: int) -> list[tuple[float, str, object]]:
    """The page's text lines, those that make a table without ruling lines taken together (pdf_columns.py)."""
    unruled = unruled_tables(lines, open_width) if lines else {}
    blocks: list[tuple[float, str, object]] = []
    index = 0
    while index < len(lines):
        if index in unruled:
            end, rows = unruled[index]
            blocks.append((lines[index]["top"], "table", rows))
            index = end
        else:
            blocks.append((lines[index]["top"], "line", lines[index]["text"]))
            index += 1
    return blocks


class TableFlow:
    """Tables as the document has them: a table that ends its page and one that opens the next, with the
    same columns and only page marks between them, are one table (a repeated header row is dropped); so are
    two boxes on one page with nothing between them when the second has no header (a 合计 row drawn apart).
    A table is added to the document once it is known not to go on."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.rows: list[list[str]] = []
        self.pages: list[int] = []  # the page each row is printed on
        self.page = 0
        self.open = False  # nothing but page marks since the pending table's last row

    def new_page(self, number: int) -> None:
        self.page = number

    def text(self) -> None:
        self.close()

    def open_width(self, page: int) -> int:
        """The width of a table the last page ended with and left open (only page marks after it), else 0."""
        return len(self.rows[0]) if self.open and self.rows and self.pages[-1] == page - 1 else 0

    def table(self, rows: list[list[str]]) -> None:
        if self.open and self._continues(rows):
            header = _repeated_header(self.rows, rows)
            self.rows += rows[header:]
            self.pages += [self.page] * (len(rows) - header)
            return
        self.close()
        self.rows, self.pages, self.open = list(rows), [self.page] * len(rows), True

    def _continues(self, rows: list[list[str]]) -> bool:
        if self.pages[-1] not in (self.page - 1, self.page) or not rows or len(rows[0]) != len(self.rows[0]):
            return False  # the next page, or the same page with nothing between (a 合计 row found apart)
        first = rows[0]
        return _repeated_header(self.rows, rows) > 0 or any(numeric(cell) for cell in first)

    def close(self) -> None:
        if self.open:
            first, last = self.pages[0], self.pages[-1]
            where = f"第{first}页 " if first == last else f"第{first}—{last}页 "
            self.builder.table(self.rows, where, [f"第{page}页 " for page in self.pages])
        self.rows, self.pages, self.open = [], [], False


def _repeated_header(table: list[list[str]], continuation: list[list[str]]) -> int:
    """How many of the continuation's first rows repeat the table's first rows (its header)."""
    count = 0
    while count < min(len(table), len(continuation)) - 1 and _same_row(table[count], continuation[count]):
        count += 1
    return count


def _same_row(first: list[str], second: list[str]) -> bool:
    return [(cell or "").split() for cell in first] == [(cell or "").split() for cell in second]


def numeric(cell: str | None) -> bool:
    text = (cell or "").replace(",", "").replace(" ", "")
    return bool(text) and text.lstrip("-").replace(".", "", 1).isdigit()


def split_framed_text(top: float, rows: list[list[str]]) -> list[tuple[float, str, object]]:
    """A box around prose is found as a one-column "table": its rows are lines of text. Rows with two
    or more filled cells stay a table; rows with one are text lines."""
    blocks: list[tuple[float, str, object]] = []
    run: list[list[str]] = []
    for index, row in enumerate(rows):
        filled = [cell for cell in row if cell.strip()]
        if len(filled) >= 2:
            run.append(row)
            continue
        if run:
            blocks.append((top + (index - len(run)) / 1000, "table", run))
            run = []
        if filled:
            for line in filled[0].split("\n"):
                blocks.append((top + index / 1000, "line", line))
    if run:
        blocks.append((top + (len(rows) - len(run)) / 1000, "table", run))
    return blocks


_SENTENCE_END = "。！？；：!?;:"
_ITEM_START = ("（", "(", "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "第")


def _flush(lines: list[str], builder: DocumentBuilder, where: str) -> None:
    """Re-join hard-wrapped lines into paragraphs: a line continues the previous one unless that one
    ended a sentence or was short (a heading, a paragraph's last line), this one starts an item
    (（一）, 一、), or both sides are digits (numbers are never glued together)."""
    paragraph = ""
    lengths = sorted(len(line.replace(" ", "")) for line in lines if line.strip())
    width = lengths[int(len(lengths) * 0.8)] if lengths else 0  # a full line, ignoring the odd long one
    previous = 0
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if _page_mark(line):
            continue  # - 3 -: a page number between the lines of one paragraph
        short = previous < 0.7 * width  # a short line ends its paragraph (a heading, a last line)
        joins = paragraph and not short and paragraph[-1] not in _SENTENCE_END and not line.startswith(_ITEM_START)
        if joins and not (paragraph[-1].isdigit() and line[0].isdigit()):
            paragraph += line
        else:
            builder.paragraph(paragraph, where)
            paragraph = line
        previous = len(line.replace(" ", ""))
    builder.paragraph(paragraph, where)
    lines.clear()


def _folio(line: str) -> bool:
    """A line of nothing but a page number and its dashes, or part of them (「— 2 —」 printed as 「2」 and 「— —」):
    a table before it may go on after it."""
    stripped = line.strip("-—–－ \u3000")
    return not stripped or stripped.isdigit() and len(stripped) <= 3


def _page_mark(line: str) -> bool:
    stripped = line.strip("-—–－ ")
    return stripped.isdigit() and len(stripped) <= 3 and line.strip() != stripped
