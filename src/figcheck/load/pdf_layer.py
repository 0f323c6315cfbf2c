"""A PDF page read with pdfium in the shape pdfplumber gives it: characters with pdfminer's boxes (pdf_chars.py) and
the ruling lines' edges (pdf_pages.py), on which pdfplumber's own word, line and table finders then run.

pdfminer parsing content streams in Python was most of figcheck's time on a PDF; pdfium reads the same page in C,
and pdfplumber's finders only need the characters' boxes and the edges. A page pdfium cannot give as pdfminer would
(`read_layer` answers None) is read by pdfplumber itself (pdf_chars.py says which), as is a page drawing a form
XObject, a turned page and one whose media box does not start at the origin.

Gaps are measured in single precision here and in double precision by pdfminer, and a gap can sit exactly on
pdfplumber's tolerance of 3 pt: a quarter-em space at 12 pt, as a word processor sets between a Chinese character
and a figure (「增长 2.0%」). pdfminer's sums land either side of 3 by a few units in the last place, so the same
spacing gave a word break in one sentence and none in the next. Here a gap counts as wider than the tolerance only
when it is wider by more than single precision's error, so an exact 3 pt is always within it (no break), which is
what the tolerance says.
"""

from __future__ import annotations

import bisect
import functools
from types import SimpleNamespace

from figcheck.load.pdf_chars import page_chars
from figcheck.load.pdf_pages import page_objects, path_edges

TOLERANCE = 3 + 1e-4  # pdfplumber's 3 pt between the characters of a word and the lines of a text, see above
TEXT_SETTINGS = {"x_tolerance": TOLERANCE, "y_tolerance": TOLERANCE}


class PageLayer:
    """What pdf.py asks of a pdfplumber page (chars, filter, extract_text_lines, find_tables), read by pdfium."""

    def __init__(self, chars: list[dict], edges: list[dict], bbox: tuple[float, float, float, float]) -> None:
        self.chars, self.edges, self.bbox = chars, edges, bbox

    def filter(self, keep) -> PageLayer:
        return PageLayer([char for char in self.chars if keep(char)], self.edges, self.bbox)

    def extract_text_lines(self, return_chars: bool = True) -> list[dict]:
        """pdfplumber's extract_text_lines (its words, clustered into lines by their tops, joined by spaces), without
        the text map it builds and searches to get there."""
        from pdfplumber.utils import cluster_objects
        from pdfplumber.utils.text import LIGATURES

        lines = []
        for line in cluster_objects(list(_words().iter_extract_tuples(self.chars)), _top, TOLERANCE, True):
            text = " ".join(word["text"] for word, _ in line).strip(" ")
            if text.strip():  # a character's letters each stand for it in pdfplumber's map: a ligature twice
                chars = [char for _, word in line for char in word for _ in LIGATURES.get(char["text"], char["text"])]
                lines.append({"text": text, "top": min(char["top"] for char in chars), "chars": chars})
        return lines

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
    """A table pdfplumber found, its cells' text read with the same tolerance as the page's lines."""

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
                texts.append(_cell_text([char for *_, char in inside]) if inside else "")
            rows.append(texts)
        return rows


def _top(item: tuple) -> float:
    return item[0]["top"]  # a word's


def _rank(item: tuple) -> int:
    return item[1]  # a character's place on the page: pdfplumber reads a cell's characters in that order


def _cell_text(chars: list[dict]) -> str:
    """pdfplumber's extract_text of a cell: its lines' words joined by spaces, the lines by line breaks. A cell of
    one line (its characters' tops within the tolerance, as most are) is parted into words here by pdfplumber's
    rules, without the word records its finder makes."""
    tops = [char["top"] for char in chars]
    if max(tops) - min(tops) > TOLERANCE or not all(char["text"] for char in chars):
        from pdfplumber.utils import cluster_objects

        words = _words().extract_words(chars)
        return "\n".join(" ".join(word["text"] for word in line) for line in cluster_objects(words, "top", TOLERANCE))
    from pdfplumber.utils.text import LIGATURES

    words: list[str] = []
    word = ""
    last = None
    for char in sorted(chars, key=_left):
        text = char["text"]
        if text.isspace():  # a space ends a word and is no part of one
            words, word, last = words + [word] if word else words, "", None
            continue
        if last is not None and (char["x0"] < last["x0"] or char["x0"] > last["x1"] + TOLERANCE):
            words, word = [*words, word], ""
        word, last = word + LIGATURES.get(text, text), char
    return " ".join([*words, word] if word else words)


def _left(char: dict) -> float:
    return char["x0"]


@functools.cache
def _words():
    from pdfplumber.utils.text import WordExtractor

    return WordExtractor(**TEXT_SETTINGS)


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
    downs = {
        point: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges["v"]} for point, edges in crossings.items()
    }
    acrosses = {
        point: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges["h"]} for point, edges in crossings.items()
    }
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
