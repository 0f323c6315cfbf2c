"""Word documents (.docx, .docm, .dotx) with python-docx: body paragraphs and tables in order.

Headers and footers are not part of the body and are skipped. Word's automatic list numbers are
written before their paragraphs, as Word shows them (numbering.py). Merged table cells repeat their text in
every grid position they cover. The archive is checked before it is opened: a zip bomb or a file that
is not a Word document gets a clear error, not a crash.
"""

from __future__ import annotations

import io
import zipfile

from figcheck import directives
from figcheck.document import Document
from figcheck.load.builder import DocumentBuilder
from figcheck.load.docx_text import box_paragraphs, cell_text, has_changes, paragraph_text, unread_content
from figcheck.load.docx_text import notes as docx_notes
from figcheck.load.errors import LoadError
from figcheck.load.numbering import Numbering

MAX_UNPACKED = 200 * 1024 * 1024  # bytes; real reports are a few MB


def _check_archive(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        raise LoadError("不是有效的 .docx 文件（无法作为 zip 打开，文件可能已损坏）") from None
    names = set(archive.namelist())
    if "word/document.xml" not in names:
        raise LoadError("不是有效的 .docx 文件（缺少 word/document.xml）")
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
        raise LoadError(f"解压后超过 {MAX_UNPACKED // 1024 // 1024} MB，拒绝读取（可能是 zip 炸弹）")


def load(path: str, data: bytes) -> Document:
    return load_traced(path, data)[0]


def load_traced(path: str, data: bytes, trace: list | None = None):
    """The Document and python-docx's own; with `trace`, each block read is recorded there with the offset it
    starts at — ("paragraph", w:p, offset, list marker), ("table", w:tbl, offset), ("note", kind, note id,
    offset) — so that a place in the text can be found in the XML again (figcheck annotate)."""
    _check_archive(data)
    import docx  # imported on first use: python-docx costs ~50 ms

    try:
        document = docx.Document(io.BytesIO(_as_document(data)))
    except Exception as exc:  # python-docx raises several kinds on malformed packages
        raise LoadError(f"无法读取 .docx：{type(exc).__name__}: {exc}") from None
    try:
        return _read(document, path, trace if trace is not None else []), document
    except LoadError:
        raise
    except Exception as exc:  # a damaged package can fail anywhere python-docx looks
        raise LoadError(f"无法读取 .docx（文件可能已损坏）：{type(exc).__name__}: {exc}") from None


def _read(document, path: str, trace: list) -> Document:
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    builder = DocumentBuilder(path, "docx")
    notes = _figcheck_comments(document)
    numbering = Numbering(document)
    body = document.element.body
    if has_changes(body):
        builder.notice(TRACKED_CHANGES)
    for name, count in unread_content(body).items():
        builder.notice(f"{name}={count}")  # what is not read is said, never skipped silently
    boxes = 0
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        for comment_id in child.xpath(".//w:commentRangeStart/@w:id | .//w:commentReference/@w:id"):
            if comment_id in notes:
                builder.directive(*notes.pop(comment_id))
        if tag == "p":
            paragraph = Paragraph(child, document)
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            marker = numbering.marker(paragraph)  # advances the list even for an empty paragraph
            text, anchored = paragraph_text(child)
            trace.append(("paragraph", child, builder.length, marker))
            builder.paragraph(
                marker + text if text.strip() else text,
                kind="heading" if style.lower().startswith(("heading", "标题")) else "paragraph",
            )
            for box in anchored:
                boxes += 1
                for inner in box_paragraphs(box):
                    trace.append(("paragraph", inner, builder.length, ""))
                    builder.paragraph(paragraph_text(inner)[0], where=f"文本框{boxes} ")
        elif tag == "tbl":
            trace.append(("table", child, builder.length))
            builder.table(_rows(DocxTable(child, document)))
    for kind, word in (("footnote", "脚注"), ("endnote", "尾注")):
        for number, (note_id, text) in enumerate(docx_notes(document.part.package, kind), start=1):
            trace.append(("note", kind, note_id, builder.length))
            builder.paragraph(text, name=f"{word}{number}")
    return builder.build()


TRACKED_CHANGES = "tracked-changes"  # figcheck/notices.py


def _figcheck_comments(document) -> dict[str, tuple[str, tuple[str, ...], str]]:
    """Word comments whose text is a figcheck directive, by comment id."""
    found = {}
    try:
        comments = list(document.comments)
    except (AttributeError, KeyError, ValueError):  # no comments part, or an older python-docx
        return found
    for comment in comments:
        parsed = directives.parse(comment.text or "")
        if parsed is not None and parsed[0] == "ignore":
            found[str(comment.comment_id)] = (*parsed, comment.text)
    return found


_OTHER_MAIN_TYPES = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _as_document(data: bytes) -> bytes:
    """.docm and .dotx hold the same WordprocessingML as .docx under another content type, which
    python-docx refuses; relabel the main part (macros are never run, only the text is read)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in archive.namelist() else b""
    if not any(kind in types for kind in _OTHER_MAIN_TYPES):
        return data
    for kind in _OTHER_MAIN_TYPES:
        types = types.replace(kind, _DOCUMENT_MAIN)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            copy.writestr(info, types if info.filename == "[Content_Types].xml" else archive.read(info.filename))
    return out.getvalue()


def _rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        try:
            rows.append([cell_text(cell._tc) for cell in row.cells])
        except (IndexError, ValueError):  # irregular grids python-docx cannot resolve
            rows.append([])
    return rows
