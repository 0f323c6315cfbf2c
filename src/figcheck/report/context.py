"""What a finding is shown with: the sentences holding its figures, or the rows of the table holding them.

A sentence is clipped around its figures; figures in different sentences (a text and the place it restates, as
in FC501) give one line each. A table gives its header row and the rows of the figures, only the label column and
the columns of the figures, aligned, so a reader sees which row and which column the arithmetic is about:

    类别       件数  占比(%)
    行政诉讼     74    11.49
"""

from __future__ import annotations

from figcheck import patterns
from figcheck.document import Cell, Document, Table
from figcheck.findings import Finding, Involved
from figcheck.layout import sentence_spans
from figcheck.report.styled import Styled

ROLE_STYLE = {"total": "bold red", "rate": "bold red"}
FIGURE_STYLE = "bold yellow"
_EXCERPT_LIMIT = 160
_MOST_ROWS = 7  # rows of figures shown in full; more are shown as the first and last three around a 「⋯」


def context_lines(document: Document, finding: Finding) -> list[Styled]:
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


def _table_lines(table: Table, involved: list[tuple[Cell, Involved]]) -> list[Styled]:
    """The header rows and the rows of the figures, in the label columns and the figures' columns, aligned."""
    from rich.cells import cell_len  # aligned as a terminal shows it, measured as rich measures

    grid = table.grid()
    rows = sorted({cell.row for cell, _ in involved})
    if len(rows) > _MOST_ROWS:
        rows = rows[:3] + [-1] + rows[-3:]  # -1: the rows left out
    figure_columns = sorted({cell.col for cell, _ in involved})
    labels = _label_columns(grid, rows, figure_columns[0])
    columns = labels + [col for col in figure_columns if col not in labels]
    shown = _header_rows(grid, rows[0], figure_columns) + rows
    texts: list[list[Styled]] = []
    for row in shown:
        cells = [_cell_text(grid[row][col], involved) if row >= 0 else Styled("⋯") for col in columns]
        above = texts[-1] if texts and row not in rows else [Styled("")] * len(cells)
        texts.append([Styled("") if _merged(cell, cells[:i], above[i]) else cell for i, cell in enumerate(cells)])
    widths = [max(cell_len(row[index].plain) for row in texts) for index in range(len(columns))]
    lines = []
    for row in texts:
        line = Styled()
        for index, piece in enumerate(row):
            pad = " " * (widths[index] - cell_len(piece.plain))
            line += Styled("  ") if index else Styled()
            line += piece + Styled(pad) if index < len(labels) else Styled(pad) + piece
        line.rstrip()
        lines.append(line)
    return lines


def _merged(cell: Styled, left: list[Styled], above: Styled) -> bool:
    """A merged cell repeats its words in every position it covers (Table.grid): say them once — not again to the
    right of themselves, nor in a header row below — but never blank a figure (873,617.00 | 873,617.00)."""
    words = cell.plain
    if not words or any(char.isdigit() for char in words):
        return False
    return (bool(left) and left[-1].plain == words) or above.plain == words


def _header_rows(grid, first_row: int, columns: list[int]) -> list[int]:
    """The rows above the first shown one whose cells in the figures' columns hold no digit: the header (at most
    three, the nearest), however many rows it spans."""
    header = []
    for row in range(max(0, first_row)):
        texts = [grid[row][col].text for col in columns if grid[row][col] is not None]
        if any(char.isdigit() for text in texts for char in text):
            break
        if any(text.strip() for text in texts):
            header.append(row)
    return header[-3:]


def _label_columns(grid, rows: list[int], first_figure_column: int) -> list[int]:
    """The first column, and the first after it that names the row in words (a budget table's 科目编码 … 科目名称),
    if the figures lie to their right."""
    labels = [0] if first_figure_column > 0 else []
    for col in range(1, first_figure_column):
        named = [grid[row][col] for row in rows if row >= 0 and grid[row][col] is not None]
        if any(patterns.HAN.search(cell.text) for cell in named):
            return labels + [col]
    return labels


def _cell_text(cell: Cell | None, involved: list[tuple[Cell, Involved]]) -> Styled:
    if cell is None:
        return Styled("")
    text = Styled(" ".join(cell.text.split()))
    for owner, one in involved:
        if owner is cell:
            at = text.plain.find(one.figure.raw)
            if at >= 0:
                text.stylize(ROLE_STYLE.get(one.role, FIGURE_STYLE), at, at + len(one.figure.raw))
            else:
                text.stylize(ROLE_STYLE.get(one.role, FIGURE_STYLE))
    return text


def _sentence_lines(document: Document, involved: list[Involved]) -> list[Styled]:
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
        piece = Styled(document.text[begin:stop].replace("\n", " ").replace("\t", " ").strip("\r"))
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
