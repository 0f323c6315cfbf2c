"""The table search runs only on PDF pages that can hold a ruled table (pdf_pages.py, issue 16)."""

from __future__ import annotations

import pdfplumber.page

import builders
from figcheck.load import load
from figcheck.load.pdf_pages import ruled_pages


def _searched(monkeypatch) -> list[int]:
    """The page numbers pdfplumber's find_tables is asked about, in order."""
    calls: list[int] = []
    original = pdfplumber.page.Page.find_tables

    def counting(self, *args, **kwargs):
        calls.append(self.page_number)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", counting)
    return calls


def test_a_ruled_table_on_page_2_is_found_and_the_prose_page_is_not_searched(tmp_path, monkeypatch):
    # page 1: the title alone, no paths; page 2: prose and a ruled table
    path = builders.pdf(tmp_path / "r.pdf", builders.PROSE_CLEAN, builders.TABLE_CLEAN)
    calls = _searched(monkeypatch)
    document = load(str(path))
    assert calls == [2]
    assert [(t.rows, t.cols) for t in document.tables] == [(5, 2)]
    assert document.locate(document.tables[0].cells[-1].start).startswith("第2页 表1")


def _drawn(path, pages) -> bytes:
    """A PDF whose pages draw only the given shapes, ("line", x0, y0, x1, y1) or ("rect", x, y, w, h), in strokes
    half a point wide as rules are printed (a stroke's width counts in the box pdfium reports)."""
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    for shapes in pages:
        drawing.setLineWidth(0.5)
        for kind, *args in shapes:
            getattr(drawing, kind)(*args)
        drawing.drawString(72, 72, "text")
        drawing.showPage()
    drawing.save()
    return path.read_bytes()


def test_which_pages_may_hold_a_ruled_table(tmp_path):
    data = _drawn(
        tmp_path / "shapes.pdf",
        [
            [],  # nothing drawn
            [("line", 72, 800, 520, 800), ("line", 72, 60, 520, 60)],  # rules under a head and above a foot
            [("line", 100, 100, 100, 400)],  # a vertical rule alone
            [("rect", 72, 500, 300, 100)],  # a box: a one-cell table to pdfplumber (framed text)
            [("line", 72, 700, 520, 700), ("line", 300, 100, 300, 700)],  # a horizontal and a vertical rule
        ],
    )
    assert ruled_pages(data, 5) == [False, False, False, True, True]


def test_pages_pdfium_cannot_read_are_all_searched():
    assert ruled_pages(b"%PDF-1.4 nothing more", 2) == [True, True]


def test_a_page_count_pdfium_does_not_share_leaves_every_page_searched(tmp_path):
    data = _drawn(tmp_path / "one.pdf", [[]])
    assert ruled_pages(data, 3) == [True, True, True]
