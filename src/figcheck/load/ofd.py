"""OFD (GB/T 33190-2016), the national fixed-layout format many offices publish in: a zip package of XML.

OFD.xml names the document (DocBody/DocRoot); the document lists its pages (Pages/Page/@BaseLoc); a page's
content holds text objects (TextObject, its Boundary on the page in millimetres, its Size) whose TextCode gives
the text, where its first glyph stands (X, Y: the baseline, within the object's box) and how far each next glyph
advances (DeltaX, with 「g N d」 for N advances of d). The glyphs of a page are set into lines by their baselines and
read left to right; from there a page is a PDF page without a grid (pdf.py): lines re-joined into paragraphs,
columns kept apart by white space read as tables (pdf_columns.py), continued over pages, located as 第N页.

Read with lxml, not with easyofd: easyofd is built to render (OFD to PDF or images), pulls in PyMuPDF, fontTools,
loguru and xmltodict, and unpacks the package into the working directory without size checks; figcheck needs only
the text objects and their positions, which the XML states directly. Template pages (running heads, page numbers),
annotations and signatures are not read."""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from figcheck.document import Document
from figcheck.load.builder import DocumentBuilder
from figcheck.load.errors import LoadError
from figcheck.load.pdf_flow import TableFlow, place_blocks, text_blocks

OFD = "{http://www.ofdspec.org/2016}"
MAX_UNPACKED = 200 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def load(path: str, data: bytes) -> Document:
    archive = _archive(data)
    builder = DocumentBuilder(path, "ofd")
    flow = TableFlow(builder)
    try:
        for number, page in enumerate(_pages(archive), start=1):
            place_blocks(text_blocks(_lines(page), flow.open_width(number)), number, builder, flow)
        flow.close()
    except (etree.XMLSyntaxError, KeyError, ValueError) as exc:
        raise LoadError(f"OFD 文件已损坏：{type(exc).__name__}: {exc}") from None
    document = builder.build()
    if not document.text.strip():
        raise LoadError("OFD 中没有文字对象（可能是扫描件）；figcheck 不做文字识别（OCR）")
    return document


def _archive(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise LoadError("不是有效的 OFD 文件（无法作为 zip 打开，文件可能已损坏）") from None
    if "OFD.xml" not in archive.namelist():
        raise LoadError("不是有效的 OFD 文件（缺少 OFD.xml）")
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
        raise LoadError(f"解压后超过 {MAX_UNPACKED // 1024 // 1024} MB，拒绝读取（可能是 zip 炸弹）")
    return archive


def _xml(archive: zipfile.ZipFile, name: str):
    return etree.fromstring(archive.read(name.lstrip("/")), _PARSER)


def _pages(archive: zipfile.ZipFile):
    """Each page's root element, in the document's order (the first document of the package)."""
    root_name = _xml(archive, "OFD.xml").findtext(f".//{OFD}DocBody/{OFD}DocRoot")
    if not root_name:
        raise LoadError("不是有效的 OFD 文件（OFD.xml 未指明文档）")
    root_name = root_name.strip().lstrip("/")
    document = _xml(archive, root_name)
    for page in document.iter(f"{OFD}Page"):
        location = (page.get("BaseLoc") or "").strip()
        if location:
            yield _xml(archive, _resolve(root_name, location))


def _resolve(base: str, location: str) -> str:
    """A location in the package: from its root when it starts with /, else beside the file naming it."""
    if location.startswith("/"):
        return location.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), location))


def _lines(page) -> list[dict]:
    """The page's glyphs set into lines (as pdfplumber's extract_text_lines gives them: text, top, chars)."""
    glyphs = sorted(_glyphs(page), key=lambda g: (g["baseline"], g["x0"]))
    lines: list[list[dict]] = []
    for glyph in glyphs:
        if lines and glyph["baseline"] - lines[-1][0]["baseline"] <= 0.4 * glyph["size"]:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [_line(sorted(line, key=lambda g: g["x0"])) for line in lines]


def _line(chars: list[dict]) -> dict:
    text = ""
    for previous, char in zip([None, *chars], chars, strict=False):
        if previous is not None and char["x0"] - previous["x1"] > 0.5 * char["size"]:
            text += " "  # white space wide enough to be seen: a column's edge, or words set apart
        text += char["text"]
    top = min(char["baseline"] - char["size"] for char in chars)
    return {"text": text, "top": top, "chars": chars}


def _glyphs(page):
    for text_object in page.iter(f"{OFD}TextObject"):
        left, top = _box(text_object.get("Boundary", ""))
        size = float(text_object.get("Size") or 3.5)
        for code in text_object.iter(f"{OFD}TextCode"):
            x, y = float(code.get("X") or 0), float(code.get("Y") or 0)
            text = code.text or ""
            advances = _advances(code.get("DeltaX", ""), len(text))
            for index, char in enumerate(text):
                step = advances[index] if index < len(advances) else (size if ord(char) > 0x2E80 else 0.55 * size)
                yield {"text": char, "x0": left + x, "x1": left + x + step, "baseline": top + y, "size": size}
                x += step


def _box(boundary: str) -> tuple[float, float]:
    parts = boundary.split()
    return (float(parts[0]), float(parts[1])) if len(parts) >= 2 else (0.0, 0.0)


def _advances(delta: str, glyphs: int) -> list[float]:
    """DeltaX as one advance per glyph: 「g 3 4.2」 stands for three advances of 4.2 (never more than the glyphs)."""
    tokens, advances, index = delta.split(), [], 0
    while index < len(tokens) and len(advances) < glyphs:
        if tokens[index] == "g" and index + 2 < len(tokens):
            advances += [float(tokens[index + 2])] * min(int(float(tokens[index + 1])), glyphs)
            index += 3
        else:
            advances.append(float(tokens[index]))
            index += 1
    return advances
