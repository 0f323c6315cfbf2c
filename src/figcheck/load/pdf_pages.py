"""A PDF page's objects as pdfium reads them: the order of its text objects, and its painted paths as the edges
pdfplumber's table finder is given (pdfplumber's `page.edges`), so that the finder runs without pdfminer.

pdfminer reads a painted path as pdfplumber then turns it into edges: each subpath (from one `m` to the next) of
a single segment is a line, whose edge is horizontal when its ends are level and vertical otherwise (a slanted
rule too); any other subpath (a rectangle, a polygon, a curve) gives an edge from each of its points to the
next, control points of a Bézier curve left out, horizontal or vertical only when the two are exactly level or
plumb, and a closed subpath one more edge back to its start. The points are placed by the path's matrix; pdfium
keeps them in single precision, which moves an edge by a few hundred-thousandths of a point, far below the table
finder's tolerances (3 pt). A page that draws through a form XObject (objects placed in the form's own space) is
left to pdfplumber: `page_objects` answers None.
"""

from __future__ import annotations

import ctypes

from figcheck.load.pdf_calls import pdfium


def page_objects(page) -> tuple[dict[int, int], list[int]] | None:
    """The page's text objects (each handle's rank in the content stream) and its path objects; None when the page
    draws a form XObject."""
    api = pdfium()
    raw, handle = api.raw, api.handle(page.raw)
    texts: dict[int, int] = {}
    paths = []
    for index in range(api.Page_CountObjects(handle)):
        obj = api.Page_GetObject(handle, index)
        kind = api.PageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            texts[obj] = index
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            paths.append(obj)
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            return None
    return texts, paths


def path_edges(paths: list[int], height: float) -> list[dict]:
    """The edges pdfplumber makes of these path objects, in page space with `top` measured down from the top
    (only those long enough for the table finder, which drops edges under 1 pt before anything else)."""
    edges = []
    for path in paths:
        for points, line in _subpaths(path):
            pairs = [(points[0], points[1])] if line else zip(points, points[1:], strict=False)
            edges += [edge for start, end in pairs if (edge := _edge(start, end, height, line))]
    return edges


def _subpaths(path: int) -> list[tuple[list[tuple[float, float]], bool]]:
    """Each subpath's points on the page (its start again at the end when it is closed), and whether it is a
    single straight segment (a line to pdfminer)."""
    api = pdfium()
    raw = api.raw
    matrix = raw.FS_MATRIX()
    if not api.PageObj_GetMatrix(path, matrix):
        raise ValueError("a path without a matrix")
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    found: list[tuple[list, bool]] = []
    points: list[tuple[float, float]] = []
    kinds: list[int] = []
    bezier = 0  # the points of a Bézier segment come in threes: two control points, then its end
    for index in range(api.Path_CountSegments(path)):
        segment = api.Path_GetPathSegment(path, index)
        kind = api.PathSegment_GetType(segment)
        if not api.PathSegment_GetPoint(segment, x, y):
            raise ValueError("a path segment without a point")
        if kind == raw.FPDF_SEGMENT_MOVETO and points:
            found.append(_subpath(points, kinds, False))
            points, kinds = [], []
        bezier = bezier + 1 if kind == raw.FPDF_SEGMENT_BEZIERTO else 0
        if bezier not in (1, 2):
            points.append((a * x.value + c * y.value + e, b * x.value + d * y.value + f))
            kinds.append(kind)
            bezier = 0
        if api.PathSegment_GetClose(segment):
            found.append(_subpath(points, kinds, True))
            points, kinds = [], []
    if points:
        found.append(_subpath(points, kinds, False))
    return [(points, line) for points, line in found if len(points) >= 2]


def _subpath(points: list[tuple[float, float]], kinds: list[int], closed: bool) -> tuple[list, bool]:
    """A subpath's points, back to its start when it is closed, and whether pdfminer reads it as a line: a move
    and one straight segment (「m l」 or 「m l h」, the close not counted)."""
    line = pdfium().raw.FPDF_SEGMENT_LINETO
    straight = kinds[1:] == [line] or closed and kinds[1:] == [line, line] and points[2] == points[0]
    if closed and points[-1] != points[0]:
        points = [*points, points[0]]
    return points, straight


def _edge(start: tuple[float, float], end: tuple[float, float], height: float, line: bool) -> dict | None:
    (x0, y0), (x1, y1) = start, end
    top, bottom = height - max(y0, y1), height - min(y0, y1)
    if line:
        orientation = "h" if top == bottom else "v"
    else:
        orientation = "v" if x0 == x1 else ("h" if y0 == y1 else None)
    width, tall = abs(x1 - x0), bottom - top
    if orientation is None or (tall if orientation == "v" else width) < 1:
        return None
    kind = "line" if line else "curve_edge"
    edge = {"object_type": kind, "x0": min(x0, x1), "x1": max(x0, x1), "top": top, "bottom": bottom, "doctop": top}
    return edge | {"width": width, "height": tall, "orientation": orientation}
