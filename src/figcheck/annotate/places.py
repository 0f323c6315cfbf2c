"""Where a stretch of a Word draft's checked text stands in its XML: the w:t characters it was read from.

The loader records each block it reads (load/docx.py `load_traced`); here a block's text is read again with each
character's source, normalised as the builder normalises it (line breaks and tabs, the outer spaces), and compared
with the checked text, so that a finding's figures lead back to the runs holding them. A block whose text does not
match is not used: a comment is never anchored on the wrong words."""

from __future__ import annotations

from dataclasses import dataclass

from figcheck.document import Document
from figcheck.load.docx_text import W, cell_sources, paragraph_sources


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or table cell of the checked text, [start, end), with each character's (w:t, index) or None; a
    note's block has no characters but the run of its reference mark in the body."""

    start: int
    end: int
    sources: tuple
    note_run: object = None
    name: str = ""


def blocks(document: Document, trace: list, word) -> list[Block]:
    """The blocks of the checked text that can be found in the XML of `word` (python-docx's document), in order."""
    body = word.element.body
    found: list[Block] = []
    for entry in trace:
        if entry[0] == "paragraph":
            _, element, start, marker = entry
            text, sources = paragraph_sources(element)
            found += _matched(document, start, marker + text, [None] * len(marker) + sources, keep_breaks=True)
        elif entry[0] == "table":
            found += _cells(document, entry[1], entry[2], word)
        else:
            found += _note(document, body, *entry[1:])
    return found


def _matched(document: Document, start: int, text: str, sources: list, keep_breaks: bool) -> list[Block]:
    """The block at `start` if the text read again is the text checked there (as the builder cleans it)."""
    if not keep_breaks:
        sources = [source for char, source in zip(text, sources, strict=True) if char != "\n"]
        text = text.replace("\n", "")
    text = text.replace("\n", " ").replace("\t", " ")
    lead = len(text) - len(text.lstrip())
    kept = text.strip()
    if not kept or document.text[start : start + len(kept)] != kept:
        return []
    return [Block(start, start + len(kept), tuple(sources[lead : lead + len(kept)]))]


def _cells(document: Document, table_element, offset: int, word) -> list[Block]:
    from docx.table import Table

    table = next((t for t in document.tables if t.cells and t.cells[0].start == offset), None)
    if table is None:
        return []
    rows = []
    for row in Table(table_element, word).rows:
        try:  # the grid positions as the loader took them (load/docx.py `_rows`): merged cells repeated
            cells = [cell_sources(cell._tc) for cell in row.cells]
        except (IndexError, ValueError):
            continue
        if any(text.replace("\n", "").replace("\t", " ").strip() for text, _ in cells):
            rows.append(cells)
    found = []
    for cell in table.cells:
        if cell.row < len(rows) and cell.col < len(rows[cell.row]) and cell.text:
            text, sources = rows[cell.row][cell.col]
            found += _matched(document, cell.start, text, sources, keep_breaks=False)
    return found


def _note(document: Document, body, kind: str, note_id: str, start: int) -> list[Block]:
    """A footnote's or endnote's block: its comment is anchored on the note's reference mark in the body."""
    end = document.text.find("\n", start)
    for reference in body.iter(f"{W}{kind}Reference"):
        if reference.get(f"{W}id") == note_id:
            return [Block(start, end if end >= 0 else len(document.text), (), reference.getparent())]
    return []


def block_at(found: list[Block], offset: int) -> Block | None:
    return next((block for block in found if block.start <= offset < block.end), None)
