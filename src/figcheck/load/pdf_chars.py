"""A PDF page's characters read with pdfium, each with the box pdfminer gives it (pdf_layer.py says why).

A character's box runs from its origin along its advance, the width the PDF gives its character code (pdfium's
FPDFFont_GetGlyphWidth, which takes a letter, finds its code and answers the width the PDF declares, as pdfminer
reads it), and from the font's descent below the baseline to one font size above that. pdfium keeps positions in
single precision: a few hundred-thousandths of a point off pdfminer's double precision.

pdfium leaves out of its text page a text object that has no width (blanks: its spaces are characters to pdfminer,
so each is put back as one space where the object starts) and one it takes for a repeat of the text just before
(bold faked by printing twice, to pdfium); and it skips spaces that lead a line or follow one, which changes no
word: a space only parts the characters on either side, and those are parted anyway (a line's start; a gap of two
spaces). A page where a drawn text object is missing is left to pdfplumber, as are pages with text pdfminer boxes
otherwise: vertical writing, turned or mirrored text, characters without a Unicode mapping (pdfminer writes
「(cid:123)」 for them).
"""

from __future__ import annotations

import ctypes

from figcheck.load.pdf_calls import pdfium

_BREAKS = frozenset(map(ord, " \r\n"))  # what pdfium generates: spaces and line ends


class _Fonts:
    """A page's fonts as pdfminer measures them, each font's descent and each letter's width asked of pdfium once."""

    def __init__(self) -> None:
        self.descents: dict[int, float] = {}
        self.widths: dict[tuple[int, int], float | None] = {}
        self.api = pdfium()
        self.value, self.matrix = ctypes.c_float(), self.api.raw.FS_MATRIX()  # filled by each call in turn

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

    __slots__ = ("rank", "obj", "fonts", "font", "size", "descent", "width", "scale", "x", "y", "upright")

    def __init__(self, rank: int, obj: int, fonts: _Fonts) -> None:
        api, matrix, size = fonts.api, fonts.matrix, fonts.value
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


def page_chars(page, texts: dict[int, int], height: float) -> list[dict] | None:
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
