"""Plain text and Markdown: decode the bytes, keep the text as decoded.

Government sites still serve GBK, so after UTF-8 (with or without BOM) and UTF-16 with a BOM we
try GB18030, a superset of GBK and GB2312. Offsets are into the decoded text: for UTF-8 input
without a BOM that is the file itself. In plain text, a line break inside a sentence (text copied out
of a PDF) is read as a space, and a lone footnote mark inside one is blanked (load/rewrap.py); the
text keeps its length and lines are still counted as in the file.
"""

from __future__ import annotations

import codecs

from figcheck.document import Document, Segment
from figcheck.load.errors import LoadError
from figcheck.load.rewrap import soft_breaks
from figcheck.load.text_tables import text_tables

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise LoadError when the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise LoadError(f"无法按 {encoding} 解码（第 {exc.start} 字节）") from None
    if b"\x00" in data:
        unmarked = _utf16_without_bom(data)
        if unmarked is not None:
            return unmarked
        raise LoadError("不是文本文件（含有 NUL 字节）")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise LoadError("无法识别文本编码（既不是 UTF-8，也不是 GB18030/GBK）")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark: NUL bytes in every other position, text when decoded."""
    if len(data) % 2 or len(data) < 4:
        return None
    for encoding, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) < len(zeros) // 4:  # CJK text has few zero bytes; ASCII has all
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        if "\x00" not in text and printable >= 0.95 * len(text):
            return text, encoding
    return None


def paragraphs(text: str) -> tuple[Segment, ...]:
    """One segment per non-blank line, located as 第N段 (N counts non-blank lines)."""
    segments: list[Segment] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            segments.append(Segment(start, end, "paragraph", f"第{len(segments) + 1}段"))
        start = end + 1
    return tuple(segments)


def load(path: str, data: bytes) -> Document:
    """Decode one text or Markdown input into a Document."""
    decoded, encoding = decode(data)
    text = soft_breaks(decoded)
    lines = line_starts(decoded) if text != decoded else []  # []: counted from the text when first asked
    tables, cells = text_tables(decoded)
    segments = tuple(sorted(paragraphs(text) + cells, key=lambda segment: (segment.start, -segment.end)))
    return Document(path=path, text=text, segments=segments, encoding=encoding, tables=tables, _line_starts=lines)


def line_starts(text: str) -> list[int]:
    """Where each line of `text` begins: a document whose soft breaks became spaces keeps its file's lines."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts
