"""PDF files: the text layer page by page, tables where pdfplumber's table finder finds them (ruled), and tables
of whitespace-aligned columns among the text lines (pdf_columns.py).

pdfium reads each page (pdf_layer.py: characters and ruling lines as pdfplumber would have them) and pdfplumber's
finders make words, lines and tables of them; pdfplumber itself (pdfminer parsing the content streams in Python,
most of the time a PDF took) is opened only for a page pdfium cannot read as pdfminer does, and for a file pdfium
cannot open at all, where it also says what is wrong (encrypted, damaged).

Text inside a table's box is taken from the table (cell by cell), not from the page text, so no
figure is read twice. Locations name the page (第3页) and, in tables, row and column. A PDF without
a text layer (a scan) or an encrypted one gets a clear message: there is no OCR.
"""

from __future__ import annotations

import io

from figcheck.document import Document
from figcheck.load.builder import DocumentBuilder
from figcheck.load.errors import LoadError
from figcheck.load.pdf_flow import TableFlow, numeric, place_blocks, split_framed_text, text_blocks
from figcheck.load.pdf_layer import read_layer


def load(path: str, data: bytes) -> Document:
    builder = DocumentBuilder(path, "pdf")
    flow = TableFlow(builder)
    try:
        with _Pages(data) as pages:
            for number, page in enumerate(pages, start=1):
                _page(page, number, builder, flow)
            flow.close()
    except LoadError:
        raise
    except Exception as exc:  # pdfplumber wraps pdfminer's errors, and pdfminer raises many kinds
        raise _load_error(exc) from None
    document = builder.build()
    if not document.text.strip():
        raise LoadError("PDF 没有文字层（可能是扫描件）；figcheck 不做文字识别（OCR）")
    return document


def _load_error(exc: Exception) -> LoadError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    inner = [exc, exc.__cause__, exc.__context__, *[a for a in exc.args if isinstance(a, BaseException)]]
    if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in inner):
        return LoadError("PDF 已加密，需要密码才能读取")
    if any(isinstance(e, PDFSyntaxError) for e in inner):
        return LoadError(f"PDF 文件已损坏：{exc}")
    return LoadError(f"无法读取 PDF（文件可能已损坏）：{type(exc).__name__}: {exc}")


class _Pages:
    """The pages of a PDF, each read by pdfium where it can (pdf_layer.py), else by pdfplumber, which is opened on
    the first page that needs it; a file pdfium cannot open is read by pdfplumber throughout."""

    def __init__(self, data: bytes) -> None:
        self.data, self.pdfium, self.plumber = data, None, None

    def __enter__(self) -> _Pages:
        import pypdfium2

        try:
            self.pdfium = pypdfium2.PdfDocument(self.data)
        except Exception:  # encrypted, damaged: pdfplumber reads it, or says what is wrong as it always has
            self.pdfium = None
        return self

    def __iter__(self):
        if self.pdfium is None:
            yield from self._plumber().pages
            return
        for index in range(len(self.pdfium)):
            page = self.pdfium[index]
            try:
                layer = read_layer(page)
            except Exception:  # an object pdfium cannot describe: pdfplumber reads the page
                layer = None
            finally:
                page.close()
            yield layer if layer is not None else self._plumber().pages[index]

    def _plumber(self):
        if self.plumber is None:
            import logging

            import pdfplumber  # imported on first use: it costs ~60 ms

            # its warnings about damaged fonts are not the user's business
            logging.getLogger("pdfminer").setLevel(logging.ERROR)
            self.plumber = pdfplumber.open(io.BytesIO(self.data))
        return self.plumber

    def __exit__(self, *exc_info) -> None:
        if self.pdfium is not None:
            self.pdfium.close()
        if self.plumber is not None:
            self.plumber.close()


def _page(page, number: int, builder: DocumentBuilder, flow: TableFlow) -> None:
    """One page's text and tables: `page` is pdfplumber's, or pdfium's in its shape (pdf_layer.PageLayer)."""
    found = [(table, table.extract()) for table in page.find_tables()]
    tables = [(table, rows) for table, rows in found if not _ruled_apart(rows)]
    boxes = [table.bbox for table, _ in tables]

    marks = _footnote_marks(page.chars)

    def keep(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        if marks and _char_key(obj) in marks:
            return False  # a footnote mark set small (常住人口¹ 1761.48万人) is not part of the number
        if not boxes:
            return True
        x, top = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and t <= top <= b for x0, t, x1, b in boxes)

    body = page.filter(keep)
    # the lines alone: a page without characters has none, so extract_text's answer (built the same way) is not asked
    table_rows = [(table.bbox[1], rows) for table, rows in tables]
    blocks = text_blocks(_lines(body), flow.open_width(number))
    for top, rows in table_rows:
        blocks += split_framed_text(top, [[cell or "" for cell in row] for row in rows])
    place_blocks(blocks, number, builder, flow)


def _ruled_apart(rows: list[list[str | None]]) -> bool:
    """A table ruled only between its columns and under its header (a 三线表): pdfplumber finds its body as one
    row whose cells stack several figures, or — the rule under the body missing where the table goes on to the
    next page — its header alone. Its lines are read as text, where pdf_columns.py finds its columns again."""
    if len(rows) == 1 and len(rows[0]) >= 2 and not any(numeric(cell) for cell in rows[0]):
        return True
    return any(
        len(lines := (cell or "").split("\n")) >= 2 and all(numeric(line) for line in lines)
        for row in rows[1:]
        for cell in row
    )


def _char_key(char: dict) -> tuple:
    return (char["text"], round(char["x0"], 2), round(char["top"], 2))


def _footnote_marks(chars: list[dict]) -> set[tuple]:
    """Digits set small between characters of the body's size: one or two in a row (常住人口¹). A table set in a
    smaller type than the text (labels and figures alike) has long runs of small characters: none is a mark."""
    sizes = sorted(char.get("size", 0) for char in chars)
    body = sizes[len(sizes) // 2] if sizes else 0
    marks: set[tuple] = set()
    run: list[dict] = []
    for char in [*chars, None]:
        if char is not None and (not char["text"].strip() or char.get("size", body) < 0.75 * body):
            if char["text"].strip():
                run.append(char)
            continue
        if 0 < len(run) <= 2 and all(c["text"].isdigit() for c in run):
            marks.update(_char_key(c) for c in run)
        run = []
    return marks


def _lines(page) -> list[dict]:
    try:
        return page.extract_text_lines(return_chars=True)
    except Exception:  # older pdfplumber: fall back to plain lines without positions
        return [{"top": index, "text": line} for index, line in enumerate((page.extract_text() or "").splitlines())]
