"""Tables a PDF prints without ruling lines: columns kept apart by white space only.

    指标名称          年末数（人）    比重（%）
    全州总户籍人口       4899310      100.0
    #城镇                1654272       33.8

A line's characters part into cells where the gap between two of them is wider than 1.5 characters of the
line's size (words and numbers are set much closer). A run of lines is a table when it has the shape of one
(delimited_tables.table_length: a header without figures, then two or more rows of as many cells, each a
label and then figures) and its columns are unambiguous: every cell of a column lies left of every cell of the
next. Anything else stays text: justified prose never has such gaps, and a list of sentences has punctuation.
A page that opens with rows of the width of a table left open at the end of the last page continues it."""

from __future__ import annotations

from figcheck.load.delimited_tables import is_row, spread_label, table_length

GAP = 1.5  # in characters of the line's size

Cells = list[tuple[float, float, str]]  # each cell's left and right edge, and its text


def line_cells(line: dict) -> Cells:
    """The cells of one text line (pdfplumber's extract_text_lines with chars)."""
    cells: list[list] = []
    for char in line.get("chars", ()):
        if not char["text"].strip():
            continue
        size = max(char.get("size", 0) or 0, 1)
        if cells and char["x0"] - cells[-1][1] <= GAP * size:
            cells[-1][1], cells[-1][2] = char["x1"], cells[-1][2] + char["text"]
        else:
            cells.append([char["x0"], char["x1"], char["text"]])
    return [(x0, x1, text) for x0, x1, text in cells]


def unruled_tables(lines: list[dict], open_width: int = 0) -> dict[int, tuple[int, list[list[str]]]]:
    """The tables among a page's lines, by their first line: (the line after the table, its rows of cell texts).
    `open_width`: the width of a table the last page left open, which rows opening this page continue."""
    rows = [line_cells(line) for line in lines]
    found: dict[int, tuple[int, list[list[str]]]] = {}
    index = _continuation(rows, open_width, found) if open_width else 0
    while index < len(rows):
        width = len(rows[index])
        end = index + 1
        while end < len(rows) and len(rows[end]) >= width:
            end += 1
        block = [_fit(row, width) for row in rows[index:end]]
        count = table_length([[text for _, _, text in row] for row in block]) if width >= 2 else 0
        while count >= 3 and not _aligned(block[:count]):
            count -= 1
        if count >= 3:
            found[index] = (index + count, _texts(block[:count]))
            index += count
        else:
            index += 1
    return found


def _continuation(rows: list[Cells], width: int, found: dict) -> int:
    """Rows of the open table's width at the top of the page, taken as its continuation; where to go on. A
    single row continues a table only three or more cells wide (a running head has two: a title and a page)."""
    count = 0
    while count < len(rows) and is_row([text for _, _, text in _fit(rows[count], width)], width):
        count += 1
    block = [_fit(row, width) for row in rows[:count]]
    if count >= 2 and _aligned(block) or count == 1 and width >= 3:
        found[0] = (count, [[text for _, _, text in row] for row in block])
        return count
    return 0


def _fit(row: Cells, width: int) -> Cells:
    """A label spaced out as tables print it (「合  计」) joined into one cell."""
    joined = spread_label([text for _, _, text in row], width)
    if joined == 1:
        return row
    label = (row[0][0], row[joined - 1][1], "".join(text for _, _, text in row[:joined]))
    return [label, *row[joined:]]


def _aligned(rows: list[Cells]) -> bool:
    """Every cell of a column lies left of every cell of the next column."""
    width = len(rows[0])
    return all(max(row[col][1] for row in rows) < min(row[col + 1][0] for row in rows) for col in range(width - 1))


def _texts(rows: list[Cells]) -> list[list[str]]:
    """The rows' cell texts, a label set in from the column's left edge led by a full-width space per character
    (the builder reads it as the cell's indent: 「　　工业」 under 「第二产业」)."""
    left = min(row[0][0] for row in rows)
    centers = [(row[0][0] + row[0][1]) / 2 for row in rows]
    lefts = [row[0][0] for row in rows]
    centred = max(centers) - min(centers) < (max(lefts) - min(lefts)) / 2  # labels centred: no indentation
    texts = []
    for row in rows:
        x0, x1, label = row[0]
        width = (x1 - x0) / max(len(label), 1)
        depth = round((x0 - left) / width) if width > 0 and not centred else 0
        texts.append(["\u3000" * depth + label, *(text for _, _, text in row[1:])])
    return texts
