"""The text of a Word draft as Word shows it with every tracked change accepted (issue 14).

python-docx's `Paragraph.text` reads only the runs standing directly in a paragraph: a figure typed as a tracked
insertion (`<w:ins><w:r>…64…</w:r></w:ins>`) is lost and a list completed by one is cut short. Here a paragraph's
XML is walked in document order: insertions and moves' new places are read, deletions and moves' old places are
not; the VML copy a text box keeps for old readers (mc:Fallback) is skipped, so a text box is read once; a text
box's own paragraphs are handed back apart (they are paragraphs of their own, not part of the one anchoring them);
a run set as superscript or subscript that holds only a note mark (¹, 1, *, †) is left out, so 「常住人口¹52.3万人」
is not read as 152.3万人; footnote and endnote references are not text."""

from __future__ import annotations

from figcheck import patterns

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHANGES = frozenset({f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"})
_NOT_READ = frozenset({f"{W}del", f"{W}moveFrom", f"{MC}Fallback", f"{W}footnoteReference", f"{W}endnoteReference"})
_PROPERTIES = frozenset({f"{W}pPr", f"{W}rPr"})  # a paragraph's tab stops (w:tabs/w:tab) are no tabs in its text
_NOTE_MARK = patterns.compile(r"^[\d¹²³⁰-⁹*＊†‡、，,]{1,4}$")


def paragraph_text(paragraph) -> tuple[str, list]:
    """A w:p element's text with tracked changes accepted, and the w:txbxContent elements it anchors."""
    parts: list[str] = []
    boxes: list = []
    _walk(paragraph, parts, boxes, None)
    return "".join(parts), boxes


def paragraph_sources(paragraph) -> tuple[str, list]:
    """A w:p element's text as `paragraph_text` reads it, and for each character its w:t element and index there (or
    None for a tab or break), so that a place in the text can be found again in the XML (figcheck annotate)."""
    parts: list[str] = []
    sources: list = []
    _walk(paragraph, parts, [], sources)
    return "".join(parts), [
        (element, index) if element is not None else None
        for part, element in zip(parts, sources, strict=True)
        for index in range(len(part))
    ]


def _walk(element, parts: list[str], boxes: list, sources: list | None) -> None:
    for child in element:
        tag = child.tag
        if tag in _NOT_READ or tag in _PROPERTIES:
            continue
        if tag == f"{W}txbxContent":
            boxes.append(child)
        elif tag == f"{W}r":
            _run(child, parts, boxes, sources)
        elif tag == f"{W}t":
            _add(parts, sources, child.text or "", child)
        elif tag == f"{W}tab":
            _add(parts, sources, "\t", None)
        elif tag in (f"{W}br", f"{W}cr"):
            _add(parts, sources, " ", None)
        else:
            _walk(child, parts, boxes, sources)


def _add(parts: list[str], sources: list | None, text: str, element) -> None:
    parts.append(text)
    if sources is not None:
        sources.append(element)


def _run(run, parts: list[str], boxes: list, sources: list | None) -> None:
    own: list[str] = []
    own_sources: list | None = [] if sources is not None else None
    _walk(run, own, boxes, own_sources)
    text = "".join(own)
    raised = run.find(f"{W}rPr/{W}vertAlign")
    if raised is not None and raised.get(f"{W}val") in ("superscript", "subscript") and _NOTE_MARK.match(text):
        return  # a note mark set raised: no part of the number beside it
    parts.extend(own)
    if sources is not None:
        sources.extend(own_sources)


def cell_text(cell) -> str:
    """A table cell's paragraphs, led by a full-width space per character its first paragraph is indented (Word's
    「左侧缩进 2 字符」, w:ind w:leftChars="200", or w:left in twips at 210 a character): the builder reads that as
    the cell's indent, so 工业 set in under 第二产业 ranks beneath it."""
    paragraphs = list(cell.iterchildren(f"{W}p"))
    text = "\n".join(paragraph_text(p)[0] for p in paragraphs)
    return "\u3000" * _indent(paragraphs, text) + text


def cell_sources(cell) -> tuple[str, list]:
    """A table cell's text as `cell_text` reads it, with each character's source as `paragraph_sources` gives it."""
    paragraphs = list(cell.iterchildren(f"{W}p"))
    texts, sources = [], []
    for number, paragraph in enumerate(paragraphs):
        text, found = paragraph_sources(paragraph)
        texts.append(text)
        sources += ([None] if number else []) + found
    text = "\n".join(texts)
    indent = _indent(paragraphs, text)
    return "\u3000" * indent + text, [None] * indent + sources


def _indent(paragraphs: list, text: str) -> int:
    indent = paragraphs[0].find(f"{W}pPr/{W}ind") if paragraphs else None
    if indent is None or not text.strip():
        return 0
    chars = _number(indent.get(f"{W}leftChars") or indent.get(f"{W}startChars")) // 100
    if not chars:
        chars = round(_number(indent.get(f"{W}left") or indent.get(f"{W}start")) / 210)
    return max(chars, 0)


def _number(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def has_changes(body) -> bool:
    """Whether the body holds tracked changes (insertions, deletions, moves)."""
    return any(True for tag in _CHANGES for _ in body.iter(tag))


_UNREAD = {
    "images": "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic",
    "charts": "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart",
    "objects": f"{W}object",
}


def unread_content(body) -> dict[str, int]:
    """What the body holds that is not read as text: pictures, charts, embedded objects (an Excel sheet), by count;
    a picture's VML copy for old readers is not counted again."""
    counts = {}
    for name, tag in _UNREAD.items():
        found = sum(
            1 for element in body.iter(tag) if not any(a.tag == f"{MC}Fallback" for a in element.iterancestors())
        )
        if found:
            counts[name] = found
    return counts


def box_paragraphs(box) -> list:
    """The paragraphs of a text box, in order."""
    return list(box.iter(f"{W}p"))


def notes(package, kind: str) -> list[tuple[str, str]]:
    """The footnotes (kind "footnote") or endnotes ("endnote") as (id, text), in the order Word numbers them; the
    separator notes Word keeps for itself are left out."""
    from lxml import etree

    part = next((p for p in package.iter_parts() if str(p.partname) == f"/word/{kind}s.xml"), None)
    if part is None:
        return []
    root = etree.fromstring(part.blob)
    found = []
    for note in root.iter(f"{W}{kind}"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        found.append((note.get(f"{W}id"), " ".join(paragraph_text(p)[0] for p in note.iter(f"{W}p")).strip()))
    return found
