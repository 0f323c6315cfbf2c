"""Markdown: prose and pipe tables; code blocks are not read.

The text stays the file itself so offsets are offsets into the file; fenced and indented code blocks
are blanked with spaces of the same length (their figures are not report figures). Pipe tables are
recorded as Tables whose cells point into the file.
"""

from __future__ import annotations

import regex

from figcheck import directives, patterns
from figcheck.document import Cell, Document, Segment, Table
from figcheck.load.builder import indent_of
from figcheck.load.delimited_tables import delimited_tables
from figcheck.load.text import decode, paragraphs

_FENCE = patterns.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", regex.MULTILINE | regex.DOTALL)
_DIVIDER = patterns.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def load(path: str, data: bytes) -> Document:
    text, encoding = decode(data)
    readable = _FENCE.sub(lambda m: regex.sub(r"[^\n]", " ", m.group(0)), text)
    tables, table_segments = _pipe_tables(readable)
    pasted, pasted_segments = delimited_tables(readable, _table_lines(readable, table_segments), len(tables) + 1)
    tables += pasted
    segments = paragraphs(readable) + table_segments + pasted_segments
    return Document(
        path=path,
        text=readable,
        segments=tuple(sorted(segments, key=lambda s: (s.start, -s.end))),
        encoding=encoding,
        tables=tables,
        directives=directives.in_markdown(readable),
    )


def _table_lines(text: str, segments: tuple[Segment, ...]) -> set[int]:
    """The lines (0-based) that pipe tables cover, divider lines included."""
    taken: set[int] = set()
    for segment in segments:
        if segment.kind == "table":
            first = text.count("\n", 0, segment.start)
            taken.update(range(first, first + text.count("\n", segment.start, segment.end) + 1))
    return taken


def _pipe_tables(text: str) -> tuple[tuple[Table, ...], tuple[Segment, ...]]:
    lines, offsets = [], []
    at = 0
    for line in text.split("\n"):
        lines.append(line)
        offsets.append(at)
        at += len(line) + 1
    tables: list[Table] = []
    segments: list[Segment] = []
    index = 0
    while index < len(lines) - 1:
        if "|" in lines[index] and _DIVIDER.match(lines[index + 1]):
            rows = [index] + [i for i in range(index + 2, len(lines)) if False]
            end = index + 2
            while end < len(lines) and "|" in lines[end] and lines[end].strip():
                end += 1
            rows = [index] + list(range(index + 2, end))
            number = len(tables) + 1
            cells = []
            for r, line_index in enumerate(rows):
                for c, (start, stop, indent) in enumerate(_cells(lines[line_index])):
                    begin, finish = offsets[line_index] + start, offsets[line_index] + stop
                    cells.append(Cell(r, c, begin, finish, text[begin:finish], indent))
                    segments.append(Segment(begin, finish, "cell", f"表{number} 第{r + 1}行第{c + 1}列"))
            caption = next((lines[i].strip() for i in range(index - 1, max(-1, index - 4), -1) if lines[i].strip()), "")
            cols = max((cell.col for cell in cells), default=-1) + 1
            tables.append(Table(number, tuple(cells), len(rows), cols, caption))
            segments.append(Segment(offsets[index], offsets[end - 1] + len(lines[end - 1]), "table", f"表{number}"))
            index = end
        else:
            index += 1
    return tuple(tables), tuple(segments)


def _cells(line: str) -> list[tuple[int, int, int]]:
    """(start, end) of each cell's trimmed text in one table row, and how far it is set in (full-width spaces
    after the bar: 「|　　工业 |」)."""
    bars = [m.start() for m in regex.finditer(r"(?<!\\)\|", line)]
    if not bars:
        return []
    if line.strip().startswith("|"):
        bounds = bars
    else:
        bounds = [-1] + bars
    if not line.rstrip().endswith("|"):
        bounds = bounds + [len(line)]
    spans = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        raw = line[left + 1 : right]
        stripped = raw.strip()
        first = left + 1 + (len(raw) - len(raw.lstrip()))
        spans.append((first, first + len(stripped), indent_of(raw.lstrip(" "))))
    return spans
