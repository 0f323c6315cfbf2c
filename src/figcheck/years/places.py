"""Where a figure stands, for the documents of other years: in a table or not, and where a reader finds it."""

from __future__ import annotations

from figcheck.document import Document

Spans = list[tuple[int, int]]


def table_spans(document: Document) -> Spans:
    """Each table's extent in the text, in order."""
    return sorted((min(c.start for c in t.cells), max(c.end for c in t.cells)) for t in document.tables if t.cells)


def inside(spans: Spans, offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


def place(document: Document, offset: int) -> tuple[int, int, str]:
    """Line, column, and — where the text has no lines of its own (a Word draft, a PDF) — the paragraph or page."""
    line, column = document.line_col(offset)
    return line, column, "" if document.has_lines else document.locate(offset)
