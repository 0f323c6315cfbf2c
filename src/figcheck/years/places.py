"""Where a figure stands, for the documents of other years: where a reader finds it."""

from __future__ import annotations

from figcheck.document import Document

Spans = list[tuple[int, int]]


def place(document: Document, offset: int) -> tuple[int, int, str]:
    """Line, column, and — where the text has no lines of its own (a Word draft, a PDF) — the paragraph or page."""
    line, column = document.line_col(offset)
    return line, column, "" if document.has_lines else document.locate(offset)
