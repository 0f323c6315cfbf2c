"""PDF pages read by pdfium in pdfplumber's shape (pdf_layer.py, issue 16): the same words, lines and tables as
pdfplumber reading the file itself, and pdfplumber opened only for a page pdfium cannot give as pdfminer would."""

from __future__ import annotations

from types import SimpleNamespace

import pdfplumber
import pypdfium2
import pytest

import builders
from figcheck.load import load
from figcheck.load import pdf as pdf_loader
from figcheck.load.pdf_layer import read_layer
from figcheck.load.pdf_pages import page_objects, path_edges


def _canvas(path):
    """A reportlab canvas with Bitstream Vera embedded (reportlab ships it): pdfium measures embedded fonts as
    the PDF declares them; the Chinese test font (STSong-Light) is not embedded."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
    return canvas.Canvas(str(path))


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, "Vera", size)


def _report(path):
    """Page 1 prose, page 2 prose and a ruled table of figures."""
    drawing = _canvas(path)
    drawing.setFont("Vera", 12)
    drawing.drawString(72, 760, "Annual report 2023")
    drawing.drawString(72, 740, "Requests received 265, of which 215 granted.")
    drawing.showPage()
    drawing.setFont("Vera", 12)
    drawing.drawString(72, 760, "Table 1 Requests by outcome")
    rows = [["Outcome", "Count"], ["Granted", "215"], ["Partly", "38"], ["Refused", "12"], ["Total", "265"]]
    for index, row in enumerate(rows):
        top = 740 - index * 20
        drawing.drawString(78, top - 14, row[0])
        drawing.drawString(206, top - 14, row[1])
        drawing.line(72, top, 300, top)
    drawing.line(72, 740 - len(rows) * 20, 300, 740 - len(rows) * 20)
    for x in (72, 200, 300):
        drawing.line(x, 740, x, 740 - len(rows) * 20)
    drawing.showPage()
    drawing.save()
    return path


def _plumber_opened(monkeypatch) -> list[int]:
    opened: list[int] = []
    original = pdfplumber.open

    def counting(*args, **kwargs):
        opened.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(pdfplumber, "open", counting)
    return opened


def _by_pdfplumber(monkeypatch, path):
    """The document as pdfplumber alone reads it (every page refused to pdfium)."""
    with monkeypatch.context() as patch:
        patch.setattr(pdf_loader, "read_layer", lambda page: None)
        return load(str(path))


def _same(first, second) -> bool:
    return (first.text, first.segments, first.tables) == (second.text, second.segments, second.tables)


def test_a_table_page_is_read_without_pdfplumber_and_as_pdfplumber_reads_it(tmp_path, monkeypatch):
    path = _report(tmp_path / "report.pdf")
    opened = _plumber_opened(monkeypatch)
    document = load(str(path))
    assert opened == []
    assert [(t.rows, t.cols) for t in document.tables] == [(5, 2)]
    assert [cell.text for cell in document.tables[0].cells[-2:]] == ["Total", "265"]
    assert document.locate(document.tables[0].cells[-1].start).startswith("第2页 表1")
    assert "Requests received 265, of which 215 granted." in document.text
    assert _same(document, _by_pdfplumber(monkeypatch, path))


@pytest.mark.parametrize(
    ("gap", "text"),
    [(2.0, "ABCD"), (2.999, "ABCD"), (3.0, "ABCD"), (3.01, "AB CD"), (3.5, "AB CD")],
    ids=["2pt", "under-3pt", "exactly-3pt", "over-3pt", "3.5pt"],
)
def test_two_runs_of_letters_are_one_word_up_to_a_gap_of_3_points(tmp_path, gap, text):
    # 「AB」 then 「CD」 `gap` points after its advance; pdfplumber's rule: a gap wider than 3 pt parts two words.
    # Exactly 3 pt is the tolerance itself (a quarter em at 12 pt): pdfminer's double-precision sums put it on
    # either side by a few units in the last place, single precision too; it must come out one word every time.
    # Helvetica: its widths are whole thousandths, as pdfium keeps them (reportlab writes Vera's with decimals)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(tmp_path / "gap.pdf"))
    for line, left in enumerate((72, 100.37, 311.13)):
        drawing.setFont("Helvetica", 12)
        drawing.drawString(left, 700 - 30 * line, "AB")
        drawing.drawString(left + pdfmetrics.stringWidth("AB", "Helvetica", 12) + gap, 700 - 30 * line, "CD")
    drawing.save()
    document = pypdfium2.PdfDocument(str(tmp_path / "gap.pdf"))
    assert [line["text"] for line in read_layer(document[0]).extract_text_lines()] == [text] * 3
    document.close()
    if abs(gap - 3) > 0.001:  # off the tolerance, pdfplumber says the same
        with pdfplumber.open(str(tmp_path / "gap.pdf")) as plumbed:
            assert [line["text"] for line in plumbed.pages[0].extract_text_lines()] == [text] * 3


def test_a_blank_pdfium_skips_still_parts_two_words(tmp_path, monkeypatch):
    # a space drawn as a text object of its own (as word processors do): pdfium leaves out an object without width,
    # pdfminer keeps its space, and a space parts words even where the gap (2.5 pt at 8 pt) is under 3 pt
    drawing = _canvas(tmp_path / "blank.pdf")
    drawing.setFont("Vera", 8)
    drawing.drawString(72, 700, "AB")
    drawing.drawString(72 + _width("AB", 8), 700, " ")
    drawing.drawString(72 + _width("AB ", 8), 700, "CD")
    drawing.save()
    opened = _plumber_opened(monkeypatch)
    document = load(str(tmp_path / "blank.pdf"))
    assert opened == [] and document.text.strip() == "AB CD"
    assert _same(document, _by_pdfplumber(monkeypatch, tmp_path / "blank.pdf"))


def test_turned_text_leaves_its_page_to_pdfplumber(tmp_path, monkeypatch):
    drawing = _canvas(tmp_path / "turned.pdf")
    drawing.setFont("Vera", 12)
    drawing.drawString(72, 700, "Upright page 1")
    drawing.showPage()
    drawing.setFont("Vera", 12)
    drawing.rotate(90)
    drawing.drawString(100, -100, "Turned 42")
    drawing.showPage()
    drawing.save()
    document = pypdfium2.PdfDocument(str(tmp_path / "turned.pdf"))
    assert [read_layer(document[index]) is None for index in range(2)] == [False, True]
    document.close()
    opened = _plumber_opened(monkeypatch)
    assert "Upright page 1" in load(str(tmp_path / "turned.pdf")).text
    assert opened == [1]


def test_the_chinese_builders_pdfs_read_as_pdfplumber_reads_them(tmp_path, monkeypatch):
    # STSong-Light is not embedded: pdfium draws it with a stand-in font and takes repeated lines of it for text
    # printed twice; such a page goes to pdfplumber, the others are read by pdfium, and the document is the same
    paths = [
        builders.pdf(tmp_path / "r.pdf", builders.PROSE_CLEAN, builders.TABLE_CLEAN),
        builders.split_table_pdf(tmp_path / "s.pdf", builders.LONG_TABLE, True),
        builders.unruled_table_pdf(tmp_path / "u.pdf", builders.POPULATION, "three-line"),
    ]
    for path in paths:
        assert _same(load(str(path)), _by_pdfplumber(monkeypatch, path)), path.name


def _drawn(path, pages) -> None:
    """A PDF whose pages draw only the given shapes, ("line", x0, y0, x1, y1), ("rect", x, y, w, h) or
    ("bezier", x1, y1, …, x4, y4), in strokes half a point wide as rules are printed."""
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    for shapes in pages:
        drawing.setLineWidth(0.5)
        for kind, *args in shapes:
            getattr(drawing, kind)(*args)
        drawing.drawString(72, 72, "text")
        drawing.showPage()
    drawing.save()


def _edge_set(edges) -> set[tuple]:
    return {(e["orientation"], *(round(e[key], 3) for key in ("x0", "top", "x1", "bottom"))) for e in edges}


def test_ruling_edges_are_those_pdfplumber_makes_of_the_paths(tmp_path):
    shapes = [
        [],  # nothing drawn
        [("line", 72, 800, 520, 800), ("line", 72, 60, 520, 60)],  # rules under a head and above a foot
        [("line", 100, 100, 100, 400), ("line", 100, 100, 300, 300)],  # a vertical rule, a slanted one
        [("rect", 72, 500, 300, 100), ("rect", 80, 80, 0.5, 0.5)],  # a box; a dot too small for an edge
        [("bezier", 72, 100, 100, 200, 200, 200, 300, 100), ("line", 72, 700, 520, 700)],
    ]
    _drawn(tmp_path / "shapes.pdf", shapes)
    document = pypdfium2.PdfDocument(str(tmp_path / "shapes.pdf"))
    with pdfplumber.open(str(tmp_path / "shapes.pdf")) as plumbed:
        for index, page in enumerate(plumbed.pages):
            drawn = document[index]  # kept while its objects are read
            ours = path_edges(page_objects(drawn)[1], page.height)
            theirs = [
                e for e in page.edges if e["orientation"] and e["height" if e["orientation"] == "v" else "width"] >= 1
            ]
            assert _edge_set(ours) == _edge_set(theirs), index
    document.close()


def test_a_vertical_font_pdfium_leaves_out_goes_to_pdfplumber(tmp_path, monkeypatch):
    # STSong-Light set vertically and not embedded: pdfium gives none of its characters (the object has no width
    # to it), so the page cannot be told from one of blanks only and is read by pdfplumber
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light", isVertical=True))
    drawing = canvas.Canvas(str(tmp_path / "vertical.pdf"))
    drawing.setFont("STSong-Light", 12)
    drawing.drawString(100, 700, "本年度办理结果")
    drawing.save()
    opened = _plumber_opened(monkeypatch)
    assert load(str(tmp_path / "vertical.pdf")).text.strip() == "本年度办理结果"  # a line each, joined again
    assert opened == [1]


def test_cells_are_those_pdfplumber_finds_among_the_crossings(tmp_path):
    # a grid with merged cells (spans across and down) and a second table beside it
    from pdfplumber.table import TableFinder, TableSettings, edges_to_intersections, intersections_to_cells
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from figcheck.load.pdf_layer import _cells

    rows = [["Item", "2023", "", "2024"], ["", "a", "b", "c"], ["Total", "1", "2", "3"], ["Sub", "4", "5", "6"]]
    grid = Table(rows)
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (1, 0), (2, 0))]))
    grid.setStyle(TableStyle([("SPAN", (0, 0), (0, 1)), ("SPAN", (3, 2), (3, 3))]))
    SimpleDocTemplate(str(tmp_path / "spans.pdf")).build(
        [grid, Table([["x", "y"]], style=[("BOX", (0, 0), (-1, -1), 1, colors.black)])]
    )
    document = pypdfium2.PdfDocument(str(tmp_path / "spans.pdf"))
    page = document[0]
    layer = read_layer(page)
    settings = TableSettings.resolve(None)
    crossings = edges_to_intersections(TableFinder.get_edges(SimpleNamespace(page=layer, settings=settings)), 3, 3)
    assert len(_cells(crossings)) >= 10
    assert _cells(crossings) == intersections_to_cells(crossings)
    document.close()
