"""Which pages of a PDF can hold a ruled table, asked of pdfium before pdfplumber searches them for one.

pdfplumber's find_tables (its default "lines" strategy) builds tables from the edges of the page's painted paths
alone (lines, rectangles, curves), and drops every edge shorter than 1 pt before it merges them
(edge_min_length_prefilter); a cell needs a horizontal edge and a vertical one. So a page whose paths are all
flatter than 1 pt (the rule under a running head, a footnote rule) or all narrower than 1 pt, or that has no
paths at all, cannot hold a ruled table, and the search — its edges, their intersections and the table's cells — is
skipped there. pdfium reads a page's objects in a fraction of the time pdfminer takes. A path's extent is taken
from its points (control points included) as the path's matrix places them, as pdfminer does: the box pdfium
reports for a path adds the stroke's width, at least 1 pt for a hairline, and would keep every ruled line. A page
that draws through a form XObject is searched as before (its objects are placed in the form's own space), and so
is every page when pdfium cannot read the file the way pdfplumber does (encrypted, damaged, another page count):
pdfplumber then says what is wrong.
"""

from __future__ import annotations

_SHORTEST = 0.99  # pdfplumber's prefilter keeps edges of 1 pt and more; pdfium's boxes are in single precision


def ruled_pages(data: bytes, count: int) -> list[bool]:
    """For each of the `count` pages, whether it may hold a ruled table (True when pdfium cannot tell)."""
    try:
        import pypdfium2  # pdfplumber's own dependency, already loaded with it

        document = pypdfium2.PdfDocument(data)
    except Exception:  # pdfium refuses what pdfminer may still read, or reads it otherwise: search every page
        return [True] * count
    try:
        if len(document) != count:
            return [True] * count
        return [_may_hold_table(document[index]) for index in range(count)]
    except Exception:
        return [True] * count
    finally:
        document.close()


def _may_hold_table(page) -> bool:
    import pypdfium2.raw as pdfium_c

    tall = wide = False
    try:
        # the raw calls: pypdfium2's get_objects makes a Python object of every text object, most of the cost
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                return True
            if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            width, height = _extent(obj)
            tall = tall or height >= _SHORTEST
            wide = wide or width >= _SHORTEST
            if tall and wide:
                return True
        return False
    except Exception:  # a path pdfium cannot place: let pdfplumber look
        return True
    finally:
        page.close()


def _extent(path) -> tuple[float, float]:
    """The width and height of a path's points on the page, without the stroke."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(path, matrix):
        raise ValueError("no matrix")
    x, y = ctypes.c_float(), ctypes.c_float()
    xs, ys = [], []
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        if not pdfium_c.FPDFPathSegment_GetPoint(pdfium_c.FPDFPath_GetPathSegment(path, index), x, y):
            raise ValueError("no point")
        xs.append(matrix.a * x.value + matrix.c * y.value + matrix.e)
        ys.append(matrix.b * x.value + matrix.d * y.value + matrix.f)
    return (max(xs) - min(xs), max(ys) - min(ys)) if xs else (0.0, 0.0)
