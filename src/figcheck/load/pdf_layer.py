"""A PDF page read with pdfium in the shape pdfplumber gives it: characters with pdfminer's boxes (pdf_chars.py) and
the ruling lines' edges (pdf_pages.py), of which pdfplumber's table finder makes tables and pdfplumber's rules make
words and lines (pdf_words.py).

pdfminer parsing content streams in Python was most of figcheck's time on a PDF; pdfium reads the same page in C,
and pdfplumber's finders only need the characters' boxes and the edges. A page pdfium cannot give as pdfminer would
(`read_layer` answers None) is read by pdfplumber itself (pdf_chars.py says which), as is a page drawing a form
XObject, a turned page and one whose media box does not start at the origin.
"""

from __future__ import annotations

import bisect
from types import SimpleNamespace

from figcheck.load.pdf_chars import page_chars
from figcheck.load.pdf_pages import page_objects, path_edges
from figcheck.load.pdf_words import cell_text, text_lines


class PageLayer:
    """What pdf.py asks of a pdfplumber page (chars, filter, extract_text_lines, find_tables), read by pdfium."""

    def __init__(self, chars: list[dict], edges: list[dict], bbox: tuple[float, float, float, float]) -> None:
        self.chars, self.edges, self.bbox = chars, edges, bbox

    def filter(self, keep) -> PageLayer:
        return PageLayer([char for char in self.chars if keep(char)], self.edges, self.bbox)

    def extract_text_lines(self, return_chars: bool = True) -> list[dict]:
        return text_lines(self.chars)

    def find_tables(self) -> list[_Table]:
        """pdfplumber's TableFinder, step by step as it goes, the cells found among the edges' crossings by
        `_cells` (the same cells, in the same order, as pdfplumber's intersections_to_cells, in far fewer steps)."""
        if not {"h", "v"} <= {edge["orientation"] for edge in self.edges}:
            return []  # a cell needs a horizontal edge and a vertical one
        from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections

        settings = TableSettings.resolve(None)
        edges = TableFinder.get_edges(SimpleNamespace(page=self, settings=settings))
        crossings = edges_to_intersections(edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance)
        return [_Table(Table(self, cells)) for cells in cells_to_tables(_cells(crossings))]


class _Table:
    """A table pdfplumber found, its cells' text read as the page's lines are (pdf_words.py)."""

    def __init__(self, table) -> None:
        self.table, self.bbox = table, table.bbox

    def extract(self) -> list[list[str | None]]:
        """pdfplumber's Table.extract, each cell's characters found by their middle in it (as pdfplumber does) but
        looked up among the characters sorted by height, not tested one by one against every row and cell."""
        chars = sorted(
            ((char["top"] + char["bottom"]) / 2, index, (char["x0"] + char["x1"]) / 2, char)
            for index, char in enumerate(self.table.page.chars)
        )
        middles = [middle for middle, *_ in chars]
        rows = []
        for row in self.table.rows:
            texts: list[str | None] = []
            for cell in row.cells:
                if cell is None:
                    texts.append(None)
                    continue
                x0, top, x1, bottom = cell
                band = chars[bisect.bisect_left(middles, top) : bisect.bisect_left(middles, bottom)]
                inside = sorted((item for item in band if x0 <= item[2] < x1), key=_rank)
                texts.append(cell_text([char for *_, char in inside]) if inside else "")
            rows.append(texts)
        return rows


def _top(item: tuple) -> float:
    return item[0]["top"]  # a word's


def _rank(item: tuple) -> int:
    return item[1]  # a character's place on the page: pdfplumber reads a cell's characters in that order


def read_layer(page) -> PageLayer | None:
    """One pypdfium2 page as pdfplumber would read it, or None when pdfplumber should read it."""
    left, bottom, right, top = page.get_mediabox()
    if left != 0 or bottom != 0 or page.get_rotation():
        return None
    objects = page_objects(page)
    if objects is None:
        return None
    texts, paths = objects
    chars = page_chars(page, texts, top)
    if chars is None:
        return None
    return PageLayer(chars, path_edges(paths, top), (0, 0, right, top))


def _cells(crossings: dict) -> list[tuple]:
    """The smallest cell with its top left corner at each crossing of edges, in the crossings' order (pdfplumber's
    intersections_to_cells): the nearest crossing below and the nearest to the right each joined to the corner by
    an edge, and the crossing that closes the rectangle joined to both. Each crossing's edges are made into sets
    once, and the crossings below and to the right looked up by column and row, not among all that follow."""
    downs, acrosses = _boxes(crossings, "v"), _boxes(crossings, "h")
    columns: dict[float, list] = {}
    rows: dict[float, list] = {}
    for point in sorted(crossings):
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)

    def joined(first: tuple, second: tuple) -> bool:
        if first[0] == second[0] and not downs[first].isdisjoint(downs[second]):
            return True
        return first[1] == second[1] and not acrosses[first].isdisjoint(acrosses[second])

    cells = []
    for corner in sorted(crossings):
        column, row = columns[corner[0]], rows[corner[1]]
        below = [point for point in column[column.index(corner) + 1 :] if joined(corner, point)]
        right = [point for point in row[row.index(corner) + 1 :] if joined(corner, point)]
        cells += [
            next(
                (
                    (corner[0], corner[1], across[0], down[1])
                    for down in below
                    for across in right
                    if (across[0], down[1]) in crossings
                    and joined((across[0], down[1]), across)
                    and joined((across[0], down[1]), down)
                ),
                None,
            )
        ]
    return [cell for cell in cells if cell]


def _boxes(crossings: dict, orientation: str) -> dict[tuple, set[tuple]]:
    """Each crossing's edges of one orientation, as boxes: two crossings an edge joins share its box."""
    return {
        point: {(edge["x0"], edge["top"], edge["x1"], edge["bottom"]) for edge in edges[orientation]}
        for point, edges in crossings.items()
    }
