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
otherwise: turned or mirrored text, vertical writing whose vertical origin pdfium places elsewhere than pdfminer,
characters without a Unicode mapping (pdfminer writes 「(cid:123)」 for them) or whose width pdfium cannot tell.
"""

from __future__ import annotations

import ctypes

from figcheck.load.pdf_calls import pdfium

_BREAKS = frozenset(map(ord, " \r\n"))  # what pdfium generates: spaces and line ends
_UNKNOWN = object()  # a width not asked of pdfium yet


class _Fonts:
    """A page's fonts as pdfminer measures them, each font's descent and each letter's width asked of pdfium once."""

    def __init__(self) -> None:
        self.descents: dict[int, float] = {}
        self.widths: dict[int, dict[int, float | None]] = {}  # font: letter: width
        self.api = pdfium()
        self.value, self.matrix = ctypes.c_float(), self.api.raw.FS_MATRIX()  # filled by each call in turn

    def descent(self, font: int) -> float:
        if font not in self.descents:
            found = self.api.Font_GetDescent(font, 1000.0, self.value)
            self.descents[font] = self.value.value / 1000 if found else 0.0
        return self.descents[font]

    def width(self, font: int, letter: int) -> float | None:
        """The width the PDF gives the letter's character code, in font sizes, as pdfminer reads it (not pdfium's
        loose box, which also takes in a glyph reaching past its advance); in a font set vertically the vertical
        advance, which is negative (downwards); None if pdfium cannot tell."""
        found = self.api.Font_GetGlyphWidth(font, letter, 1000.0, self.value)
        width = self.value.value / 1000 if found else None
        self.widths[font][letter] = width
        return width


class _TextObject:
    """What the characters of one text object share: its rank on the page, its font, matrix, size and descent."""

    __slots__ = ("rank", "obj", "fonts", "font", "widths", "em", "height", "drop", "x", "y", "upright")

    def __init__(self, rank: int, obj: int, fonts: _Fonts) -> None:
        api, matrix, size = fonts.api, fonts.matrix, fonts.value
        self.font = api.TextObj_GetFont(obj)
        found = self.font and api.PageObj_GetMatrix(obj, matrix) and api.TextObj_GetFontSize(obj, size)
        self.rank, self.obj, self.fonts, self.x, self.y = rank, obj, fonts, matrix.e, matrix.f
        self.em, self.height = matrix.a * size.value, matrix.d * size.value  # the font size along and up the page
        self.drop = (fonts.descent(self.font) if found else 0.0) * self.height  # the descent, below the baseline
        self.widths = fonts.widths.setdefault(self.font, {})
        self.upright = bool(found) and matrix.b == 0 == matrix.c and matrix.a > 0 and matrix.d > 0

    def advance(self, letter: int) -> float:
        """How far the letter moves the pen along the line on the page."""
        width = self.widths[letter] if letter in self.widths else self.fonts.width(self.font, letter)
        return max(width or 0.0, 0.0) * self.em

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
        chars.append((rank, -1, _char(" ", shared.x, shared.y, shared.advance(32), shared, height)))
    chars.sort(key=_place)
    return [char for _, _, char in chars]


def _place(item: tuple) -> tuple[int, int]:
    return item[0], item[1]  # the object's rank on the page, the character's in pdfium's text page


def _read_chars(textpage: int, texts: dict[int, int], objects: dict, fonts: _Fonts, height: float) -> list | None:
    """The text page's characters (rank, index, char); `objects` is filled with the text objects they belong to."""
    api = pdfium()
    letter_of, generated, unmapped = api.Text_GetUnicode, api.Text_IsGenerated, api.Text_HasUnicodeMapError
    object_of, origin = api.Text_GetTextObject, api.Text_GetCharOrigin
    chars: list[tuple[int, int, dict]] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    last, shared = (0, 0.0, 0.0), None
    for index in range(api.Text_CountChars(textpage)):
        letter = letter_of(textpage, index)
        if letter in _BREAKS and generated(textpage, index):
            continue  # pdfium's own spaces and line ends
        if unmapped(textpage, index):
            return None  # pdfminer writes 「(cid:123)」 for what pdfium writes as the code's own character
        obj = object_of(textpage, index)
        if shared is None or obj != shared.obj:
            shared = objects.get(obj) or _TextObject(texts.get(obj, -1), obj, fonts)
            if shared.rank < 0 or not shared.upright:
                return None  # text outside the page's own objects; turned or mirrored text
            objects[obj] = shared
        width = shared.widths.get(letter, _UNKNOWN)
        if width is _UNKNOWN:
            width = fonts.width(shared.font, letter)
        if width is None:
            return None  # a letter pdfium finds no code for in its font
        origin(textpage, index, x, y)
        if obj == last[0] and x.value == last[1]:
            if y.value == last[2]:
                chars[-1][2]["text"] += chr(letter)  # one glyph, several letters (a ligature): one char to pdfminer
                continue
            if width >= 0:
                return None  # the origin moved down, not along, in a font not set vertically
        last = (obj, x.value, y.value)
        if width >= 0:
            char = _char(chr(letter), last[1], last[2], width * shared.em, shared, height)
        elif (char := _vertical_char(textpage, index, chr(letter), last, width, shared, height)) is None:
            return None
        chars.append((shared.rank, index, char))
    return chars


def _char(text: str, x: float, y: float, advance: float, shared: _TextObject, height: float) -> dict:
    """A character as pdfplumber describes it: its box from the origin to the advance, from the descent to one
    font size above it (its `size`), `top` and `bottom` measured down from the page's top."""
    bottom = height - y - shared.drop
    top = bottom - shared.height
    char = {"object_type": "char", "text": text, "x0": x, "x1": x + advance, "top": top, "bottom": bottom}
    char["doctop"], char["size"], char["upright"] = top, shared.height, True
    return char


def _vertical_char(
    textpage: int, index: int, text: str, here: tuple, advance: float, shared, height: float
) -> dict | None:
    """A character of a font set vertically, boxed as pdfminer boxes it: a font size wide from its vertical origin's
    left, and from one font size above that origin down by its (vertical) advance; its `size` is its width.
    pdfium's origin is pdfminer's corner only where both take the vertical origin half a font size from the left:
    pdfium's loose box starts there exactly then (pdfminer takes half even for a narrow glyph without a vertical
    metric of its own, pdfium half the glyph's width); otherwise None."""
    box = pdfium().raw.FS_RECTF()
    if not pdfium().Text_GetLooseCharBox(textpage, index, box) or abs(box.left - here[1]) > 1e-3:
        return None
    top = height - here[2] - shared.height
    char = {"object_type": "char", "text": text, "x0": here[1], "x1": here[1] + shared.em, "top": top}
    char["bottom"], char["doctop"], char["size"], char["upright"] = top - advance * shared.height, top, shared.em, True
    return char
