"""What a finding is shown with: the sentences holding its figures, or the rows of the table holding them.

A sentence is clipped around its figures; figures in different sentences (a text and the place it restates, as
in FC501) give one line each. A table gives its header row and the rows of the figures, only the label column and
the columns of the figures, aligned, so a reader sees which row and which column the arithmetic is about:

    类别       件数  占比(%)
    行政诉讼     74    11.49
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from figcheck.document import Cell, Document, Table
from figcheck.findings import Finding, Involved
from figcheck.layout import sentence_spans

ROLE_STYLE = {"total": "bold red", "rate": "bold red"}
FIGURE_STYLE = "bold yellow"
_EXCERPT_LIMIT = 160
_MOST_ROWS = 7  # rows of figures shown in full; more are shown as the first and last three around a 「⋯」


def context_lines(document: Document, finding: Finding) -> list[Text]:
    """The lines that show a finding's figures in place: table excerpts first where its figures are in tables,
    then the sentences of the others, in text order."""
    in_tables: dict[int, list[tuple[Cell, Involved]]] = {}
    loose: list[Involved] = []
    cells = _cells_by_figure(document, finding)
    for involved in finding.figures:
        found = cells.get(involved.figure.start)
        if found is None:
            loose.append(involved)
        else:
            in_tables.setdefault(found[0].number, []).append((found[1], involved))
    lines = []
    for table in document.tables:
        if table.number in in_tables:
            lines += _table_lines(table, in_tables[table.number])
    return lines + _sentence_lines(document, loose)


def _cells_by_figure(document: Document, finding: Finding) -> dict[int, tuple[Table, Cell]]:
    starts = {involved.figure.start for involved in finding.figures}
    found = {}
    for table in document.tables:
        for cell in table.cells:
            for start in starts:
                if cell.start <= start < cell.end:
                    found[start] = (table, cell)
    return found


def _table_lines(table: Table, involved: list[tuple[Cell, Involved]]) -> list[Text]:
    """The header row and the rows of the figures, in the label column and the figures' columns, aligned."""
    grid = table.grid()
    rows = sorted({cell.row for cell, _ in involved})
    if len(rows) > _MOST_ROWS:
        rows = rows[:3] + [-1] + rows[-3:]  # -1: the rows left out
    shown = ([0] if rows[0] != 0 else []) + rows
    columns = sorted({0} | {cell.col for cell, _ in involved})
    texts = [[_cell_text(grid[row][col], involved) if row >= 0 else Text("⋯") for col in columns] for row in shown]
    widths = [max(cell_len(row[index].plain) for row in texts) for index in range(len(columns))]
    lines = []
    for row in texts:
        line = Text()
        for index, piece in enumerate(row):
            pad = " " * (widths[index] - cell_len(piece.plain))
            line += Text("  ") if index else Text()
            line += piece + Text(pad) if index == 0 else Text(pad) + piece
        line.rstrip()
        lines.append(line)
    return lines


def _cell_text(cell: Cell | None, involved: list[tuple[Cell, Involved]]) -> Text:
    if cell is None:
        return Text("")
    text = Text(" ".join(cell.text.split()))
    for owner, one in involved:
        if owner is cell:
            at = text.plain.find(one.figure.raw)
            if at >= 0:
                text.stylize(ROLE_STYLE.get(one.role, FIGURE_STYLE), at, at + len(one.figure.raw))
            else:
                text.stylize(ROLE_STYLE.get(one.role, FIGURE_STYLE))
    return text


def _sentence_lines(document: Document, involved: list[Involved]) -> list[Text]:
    """The sentence(s) holding the figures, clipped around them, the figures highlighted; one line per sentence
    (figures in one sentence share it: a restatement's two places, as in FC501, are two lines)."""
    spans: list[list[int]] = []
    for one in sorted(involved, key=lambda i: i.figure.start):
        begin, stop = _sentence_bounds(document.text, one.figure.start, one.figure.end)
        begin, stop = max(begin, one.figure.start - _EXCERPT_LIMIT // 2), min(stop, one.figure.end + 40)
        if spans and begin <= spans[-1][1]:  # the same sentence; another sentence gets its own line
            spans[-1][1] = max(spans[-1][1], stop)
        else:
            spans.append([begin, stop])
    lines = []
    for begin, stop in spans:
        piece = Text(document.text[begin:stop].replace("\n", " ").replace("\t", " ").strip("\r"))
        for one in involved:
            if begin <= one.figure.start < stop:
                style = ROLE_STYLE.get(one.role, FIGURE_STYLE)
                piece.stylize(style, one.figure.start - begin, one.figure.end - begin)
        lines.append(piece)
    return lines


def _sentence_bounds(text: str, first: int, last: int) -> tuple[int, int]:
    window_start = max(0, text.rfind("\n", 0, first) + 1)
    window_end = text.find("\n", last)
    window_end = len(text) if window_end < 0 else window_end
    begin, stop = first, last
    for start, end in sentence_spans(text[window_start:window_end]):
        start, end = start + window_start, end + window_start
        if start <= first < end:
            begin = start
        if start < last <= end:
            stop = end
    return begin, stop
