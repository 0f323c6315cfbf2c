"""The text a loader extracted from one input, and how to turn offsets into places."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of `Document.text` with a human locator (paragraph, table cell, page)."""

    start: int
    end: int
    kind: str  # "paragraph", "heading", "cell", …
    locator: str  # "第3段", "表2 第4行第2列", "第5页"


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its grid position (0-based), its span in `Document.text` and its text."""

    row: int
    col: int
    start: int
    end: int
    text: str
    indent: int = 0  # how far the text is set in (full-width spaces, or a PDF cell's offset in characters)


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a grid of cells (merged cells repeat their text in every position they cover)."""

    number: int  # 1-based, in document order
    cells: tuple[Cell, ...]
    rows: int
    cols: int
    caption: str = ""  # the text just before the table (「单位：万元」)

    def grid(self) -> list[list[Cell | None]]:
        grid: list[list[Cell | None]] = [[None] * self.cols for _ in range(self.rows)]
        for cell in self.cells:
            grid[cell.row][cell.col] = cell
        return grid


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline suppression: findings starting in [start, end) with one of `codes` (all when empty)
    are not reported. `at`..`at_end` is where the directive is written, for reporting it unused."""

    start: int
    end: int
    codes: tuple[str, ...]
    at: int
    at_end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input's extracted text; every later offset is an offset into `text`."""

    path: str
    text: str
    segments: tuple[Segment, ...] = ()
    encoding: str = "utf-8"
    tables: tuple[Table, ...] = ()
    directives: tuple[Directive, ...] = ()
    notices: tuple[str, ...] = ()  # keys of what the reader should know of how it was read (figcheck/notices.py)
    # (offset, line): where each block of the extracted text stands in the source file — a web page's element
    # on line 57 of the HTML — so that locations name the source's lines; empty when the text's own lines are they
    source_lines: tuple[tuple[int, int], ...] = ()
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    @property
    def has_lines(self) -> bool:
        """Whether line and column name a place in the file (text, Markdown, a web page's source), or only in the
        text extracted from a Word draft, a PDF or an OFD, where a reader looks for 第12段 or 第3页 instead."""
        return self.encoding not in ("docx", "pdf", "ofd")  # the builder names the format in place of an encoding

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a 0-based offset, as editors count them: in the source file
        where the text was extracted from a web page (the element's line, column 1)."""
        if self.source_lines:
            at = bisect.bisect_right(self.source_lines, (offset, float("inf"))) - 1
            return (self.source_lines[at][1], 1) if at >= 0 else (1, 1)
        starts = self._line_starts
        if not starts:
            starts.append(0)
            find = self.text.find
            at = find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = find("\n", at + 1)
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, offset: int) -> str:
        """The whole line holding `offset`, without its line break."""
        begin = self.text.rfind("\n", 0, offset) + 1
        stop = self.text.find("\n", offset)
        return self.text[begin : stop if stop >= 0 else len(self.text)].rstrip("\r")

    def locate(self, offset: int) -> str:
        """The locator of the innermost segment holding `offset` (a cell before its page), or ""."""
        found = ""
        width = None
        for segment in self.segments:
            if segment.start <= offset < segment.end and (width is None or segment.end - segment.start < width):
                found, width = segment.locator, segment.end - segment.start
        return found


def table_extents(tables: tuple[Table, ...] | list[Table]) -> list[tuple[int, int]]:
    """Each table's extent in the text, in order: where figures belong to a table's rows, not to the prose."""
    return sorted((min(c.start for c in t.cells), max(c.end for c in t.cells)) for t in tables if t.cells)


def inside(extents: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in extents)
