"""pdf_words.py makes the words and lines pdfplumber makes of the same characters (law: any characters)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pdfplumber.utils import extract_text
from pdfplumber.utils.text import chars_to_textmap

from figcheck.load.pdf_words import TOLERANCE, cell_text, text_lines

SETTINGS = {"x_tolerance": TOLERANCE, "y_tolerance": TOLERANCE}
# near the tolerance on purpose: gaps and rises of 0, 1.5, 3 and 4.5 pt and between, overlaps, spaces, a ligature,
# an empty character
_GAPS = st.sampled_from([-7.0, -0.5, 0.0, 0.8, 1.5, 2.9999, 3.0, 3.0002, 4.5, 20.0])
_RISES = st.sampled_from([0.0, 0.0, 0.0, 1.0, 2.9999, 3.0, 3.0002, 4.0, -3.0, 14.0])
_TEXTS = st.sampled_from(["本", "年", "1", "2", ".", "%", " ", "\u3000", "ﬁ", ""])


@st.composite
def _chars(draw) -> list[dict]:
    chars, x, top = [], 72.0, 100.0
    for _ in range(draw(st.integers(0, 30))):
        x += draw(_GAPS)
        top += draw(_RISES) if draw(st.booleans()) else 0.0
        width, text = draw(st.sampled_from([12.0, 6.0, 3.0])), draw(_TEXTS)
        chars.append({"text": text, "x0": x, "x1": x + width, "top": top, "bottom": top + 12, "doctop": top})
        chars[-1] |= {"upright": True, "size": 12.0, "object_type": "char"}
        x += width
    return chars


@given(_chars())
def test_text_lines_are_pdfplumbers(chars):
    theirs = chars_to_textmap(chars, layout_bbox=(0, 0, 600, 800), **SETTINGS).extract_text_lines(strip=True)
    ours = text_lines(chars)
    assert [(line["text"], line["top"]) for line in ours] == [(line["text"], line["top"]) for line in theirs]
    assert [[id(char) for char in line["chars"]] for line in ours] == [
        [id(char) for char in line["chars"]] for line in theirs
    ]


@given(_chars())
def test_a_cells_text_is_pdfplumbers(chars):
    assert cell_text(chars) == (extract_text(chars, **SETTINGS) if chars else "")
