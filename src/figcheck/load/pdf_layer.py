"""A PDF page read with pdfium in the shape pdfplumber gives it: characters with pdfminer's boxes and the ruling
lines' edges (pdf_pages.py), on which pdfplumber's own word, line and table finders then run unchanged.

pdfminer parsing content streams in Python was most of figcheck's time on a PDF; pdfium reads the same text layer
in C. A character's box is made as pdfminer makes it: from its origin to its advance (pdfium's loose box, whose
left is the origin), and from the font's descent to one font size above it (pdfminer's top and bottom). pdfium keeps
positions in single precision; the difference is a few hundred-thousandths of a point, while the finders' tolerances
are points. pdfium drops spaces that lead a line or repeat one before them, which changes no word: a space only
parts the characters on either side, and those are parted anyway (a line's start; a gap of two spaces).

A page pdfminer and pdfium may read apart is left to pdfplumber (`read_layer` answers None): text set vertically or
turned, characters without a Unicode mapping (pdfminer writes 「(cid:123)」), a form XObject, a turned page or one
whose media box does not start at the origin.
"""

from __future__ import annotations

import bisect
import ctypes

from figcheck.load.pdf_calls import pdfium
from figcheck.load.pdf_pages import page_objects, path_edges

# pdfplumber's tolerance (3 pt) between two characters of a word and two of a line, and a little more: a space of a
# quarter em set at 12 pt is a gap of exactly 3 pt, which pdfminer, adding in double precision, finds not wider than
# the tolerance (one word), and pdfium's single precision finds either side of it
TOLERANCE = 3 + 1e-4
TEXT_SETTINGS = {"x_tolerance": TOLERANCE, "y_tolerance": TOLERANCE}
_BREAKS = frozenset(map(ord, " \r\n"))  # what pdfium generates: spaces and line ends


class PageLayer:
    """What pdf.py asks of a pdfplumber page (chars, filter, extract_text_lines, find_tables), read by pdfium."""

    def __init__(self, chars: list[dict], edges: list[dict], bbox: tuple[float, float, float, float]) -> None:
        self.chars, self.edges, self.bbox = chars, edges, bbox

    def filter(self, keep) -> PageLayer:
        return PageLayer([char for char in self.chars if keep(char)], self.edges, self.bbox)

    def extract_text_lines(self, return_chars: bool = True) -> list[dict]:
        from pdfplumber.utils import chars_to_textmap

        textmap = chars_to_textmap(self.chars, layout_bbox=self.bbox, **TEXT_SETTINGS)
        return textmap.extract_text_lines(strip=True, return_chars=return_chars)

    def find_tables(self) -> list[_Table]:
        if not self.edges:
            return []  # nothing ruled: the finder would find no cell
        from pdfplumber.table import TableFinder, TableSettings

        return [_Table(table) for table in TableFinder(self, TableSettings.resolve(None)).tables]


class _Table:
    """A table pdfplumber found, its cells' text read with the same tolerance as the page's lines."""

    def __init__(self, table) -> None:
        self.table, self.bbox = table, table.bbox

    def extract(self) -> list[list[str | None]]:
        """pdfplumber's Table.extract, each cell's characters found by their middle in it (as pdfplumber does) but
        looked up among the characters sorted by height, not tested one by one against every row and cell."""
        from pdfplumber.utils import extract_text

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
                inside = [char for _, _, middle, char in sorted(band, key=_rank) if x0 <= middle < x1]
                texts.append(extract_text(inside, **TEXT_SETTINGS) if inside else "")
            rows.append(texts)
        return rows


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
    chars = _chars(page, texts, top)
    if chars is None:
        return None
    return PageLayer(chars, path_edges(paths, top), (0, 0, right, top))


class _Fonts:
    """A page's fonts as pdfminer measures them, each font's descent and each letter's width asked of pdfium once."""

    def __init__(self) -> None:
        self.descents: dict[int, float] = {}
        self.widths: dict[tuple[int, int], float | None] = {}
        self.value = ctypes.c_float()

    def descent(self, font: int) -> float:
        if font not in self.descents:
            found = pdfium().Font_GetDescent(font, 1000.0, self.value)
            self.descents[font] = self.value.value / 1000 if found else 0.0
        return self.descents[font]

    def width(self, font: int, letter: int) -> float | None:
        """The width the PDF gives the letter's character code, in thousandths of the font size, as pdfminer reads
        it (not pdfium's loose box, which also takes in a glyph reaching past its advance); None for vertical
        writing, where pdfium answers the vertical advance (negative: downwards)."""
        key = (font, letter)
        if key not in self.widths:
            found = pdfium().Font_GetGlyphWidth(font, letter, 1000.0, self.value)
            self.widths[key] = self.value.value / 1000 if found and self.value.value >= 0 else None
        return self.widths[key]


class _TextObject:
    """What the characters of one text object share: its rank on the page, its font, matrix, size and descent."""

    def __init__(self, rank: int, obj: int, fonts: _Fonts) -> None:
        api = pdfium()
        matrix, size = api.raw.FS_MATRIX(), fonts.value
        self.font = api.TextObj_GetFont(obj)
        found = self.font and api.PageObj_GetMatrix(obj, matrix) and api.TextObj_GetFontSize(obj, size)
        self.rank, self.obj, self.fonts, self.size = rank, obj, fonts, size.value
        self.descent = fonts.descent(self.font) if found else 0.0
        self.width, self.scale, self.x, self.y = matrix.a * self.size, matrix.d, matrix.e, matrix.f
        self.upright = bool(found) and matrix.b == 0 == matrix.c and matrix.a > 0 and matrix.d > 0

    def advance(self, letter: int) -> float | None:
        """How far the letter moves the pen on the page; None for vertical writing."""
        width = self.fonts.width(self.font, letter)
        return None if width is None else width * self.width

    def blank(self) -> bool:
        """Whether pdfium, which gave none of this object's characters, left it out for having no width (blanks,
        whose spaces pdfminer has), not for being taken for a repeat of the text before it (bold faked by printing
        twice) or in a font not embedded, which pdfium draws with a stand-in that may lack the glyph."""
        api = pdfium()
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if not self.upright or not api.Font_GetIsEmbedded(self.font):
            return False
        return bool(api.PageObj_GetBounds(self.obj, left, bottom, right, top)) and right.value - left.value < 0.01


def _chars(page, texts: dict[int, int], height: float) -> list[dict] | None:
    """The page's characters in content-stream order (pdfium's own order may differ), None if one of them asks
    for pdfminer (see the module's docstring)."""
    fonts = _Fonts()
    objects: dict[int, _TextObject] = {}
    textpage = page.get_textpage()
    try:
        chars = _read_chars(pdfium().handle(textpage.raw), texts, objects, fonts, height)
    finally:
        textpage.close()
    if chars is None:
        return None
    for obj, rank in texts.items():
        if obj in objects:
            continue
        shared = _TextObject(rank, obj, fonts)
        if not shared.blank():
            return None
        # a blank pdfium skipped is a space to pdfminer, and a space parts the characters on either side of it
        chars.append((rank, -1, _char(" ", shared.x, shared.y, shared.advance(32) or 0.0, shared, height)))
    chars.sort(key=lambda item: item[:2])
    return [char for _, _, char in chars]


def _read_chars(textpage: int, texts: dict[int, int], objects: dict, fonts: _Fonts, height: float) -> list | None:
    """The text page's characters (rank, index, char); `objects` is filled with the text objects they belong to."""
    api = pdfium()
    letter_of, generated, unmapped = api.Text_GetUnicode, api.Text_IsGenerated, api.Text_HasUnicodeMapError
    object_of, origin = api.Text_GetTextObject, api.Text_GetCharOrigin
    chars: list[tuple[int, int, dict]] = []
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    last: tuple[int, float, float] | None = None
    for index in range(api.Text_CountChars(textpage)):
        letter = letter_of(textpage, index)
        if letter in _BREAKS and generated(textpage, index):
            continue  # pdfium's own spaces and line ends
        if unmapped(textpage, index):
            return None  # pdfminer writes 「(cid:123)」 for what pdfium writes as the code's own character
        obj = object_of(textpage, index)
        shared = objects.get(obj)
        if shared is None:
            if obj not in texts:
                return None  # text pdfium found outside the page's own objects
            shared = objects[obj] = _TextObject(texts[obj], obj, fonts)
        advance = shared.advance(letter) if shared.upright else None
        if advance is None:
            return None  # turned, mirrored or vertical text: pdfminer's boxes for it are another matter
        origin(textpage, index, origin_x, origin_y)
        here = (obj, origin_x.value, origin_y.value)
        if here == last:
            chars[-1][2]["text"] += chr(letter)  # one glyph, several letters (a ligature): one char to pdfminer
            continue
        if last and last[0] == obj and last[1] == here[1]:
            return None  # the origin moved down, not along: vertical text
        last = here
        chars.append((shared.rank, index, _char(chr(letter), here[1], here[2], advance, shared, height)))
    return chars


def _char(text: str, x: float, y: float, advance: float, shared: _TextObject, height: float) -> dict:
    """A character as pdfplumber describes it: its box from the origin to the advance, from the descent to one
    font size above it, `top` and `bottom` measured down from the page's top."""
    size = shared.scale * shared.size  # pdfminer's size: the height of the box
    low = y + shared.descent * size  # pdfminer: the descent below the baseline, then one font size up
    top = height - (low + size)
    return {
        "object_type": "char",
        "text": text,
        "x0": x,
        "x1": x + advance,
        "top": top,
        "bottom": height - low,
        "doctop": top,
        "size": size,
        "upright": True,
        "width": advance,
        "height": size,
    }
