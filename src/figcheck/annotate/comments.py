"""Word comments in a draft's XML: anchoring one on exactly some characters, and taking figcheck's old ones out.

python-docx (≥ 1.2) adds a comment and places its range around whole runs (`Document.add_comment`); a figure is
usually part of a longer run, so the run is first split where the figure starts and ends — each piece keeps the
run's formatting and stays where the run was (inside a tracked insertion, a hyperlink, a text box). Removing
comments is not in python-docx: that XML is written here, in the comments part and in the extended parts Word adds
when it saves (commentsExtended, commentsIds, commentsExtensible), so no part points at a comment that is gone."""

from __future__ import annotations

import copy

from lxml import etree

from figcheck.load.docx_text import W

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RANGE_TAGS = (f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference")
_W14_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"


def isolate(first: tuple, last: tuple) -> tuple:
    """The w:r elements that begin at character `first` and end at character `last` (each a (w:t, index)), after
    splitting the runs that hold them; every run between belongs to the range."""
    last_t, last_index = last
    ending, _ = _split(last_t, last_index + 1)
    first_t, first_index = first
    before, starting = _split(first_t, first_index)
    if ending is before or ending is None:  # the end lay in the run just split at the start
        ending = starting
    return starting, ending


def _split(t, index: int) -> tuple:
    """Split the run holding `t` before t's character `index`: (the run ending there, the run starting there); one
    of them is None when the place is already a run's edge."""
    run = t.getparent()
    content = [child for child in run if child.tag != f"{W}rPr"]
    position = content.index(t)
    text = t.text or ""
    if index <= 0 and position == 0:
        return run.getprevious() if run.getprevious() is not None and run.getprevious().tag == f"{W}r" else None, run
    if index >= len(text) and position == len(content) - 1:
        following = run.getnext()
        return run, following if following is not None and following.tag == f"{W}r" else None
    second = copy.deepcopy(run)
    second_content = [child for child in second if child.tag != f"{W}rPr"]
    for child in content[position + 1 :]:
        run.remove(child)
    for child in second_content[:position]:
        second.remove(child)
    _set_text(t, text[:index])
    _set_text(second_content[position], text[index:])
    run.addnext(second)
    return run, second


def _set_text(t, text: str) -> None:
    t.text = text
    t.set(_XML_SPACE, "preserve")  # a piece may begin or end with a space Word would otherwise drop


def remove_comments(word, author: str) -> int:
    """Take out every comment by `author`, its range marks and reference in the document, and its entries in the
    parts Word adds; the number removed."""
    try:
        comments = list(word.comments)
    except (AttributeError, KeyError, ValueError):
        return 0
    own = [comment for comment in comments if comment.author == author]
    if not own:
        return 0
    ids = {str(comment.comment_id) for comment in own}
    para_ids = set()
    for comment in own:
        element = comment._comment_elm
        para_ids |= {p.get(_W14_PARA_ID) for p in element.iter(f"{W}p") if p.get(_W14_PARA_ID)}
        element.getparent().remove(element)
    for tag in _RANGE_TAGS:
        for mark in list(word.element.body.iter(tag)):
            if mark.get(f"{W}id") in ids:
                _remove_mark(mark)
    _drop_extended_entries(word.part.package, para_ids)
    return len(own)


def _remove_mark(mark) -> None:
    parent = mark.getparent()
    parent.remove(mark)
    if parent.tag == f"{W}r" and not [child for child in parent if child.tag != f"{W}rPr"]:
        parent.getparent().remove(parent)  # the run that only carried the reference mark


_EXTENDED = ("/word/commentsExtended.xml", "/word/commentsIds.xml", "/word/commentsExtensible.xml")


def _drop_extended_entries(package, para_ids: set[str]) -> None:
    """Entries of the parts Word 2013+ adds for the comments removed: matched by paragraph id, and in the
    extensible part by the durable id commentsIds gives for it."""
    parts = {str(part.partname): part for part in package.iter_parts() if str(part.partname) in _EXTENDED}
    durable = set()
    for name in _EXTENDED:
        part = parts.get(name)
        if part is None:
            continue
        root = etree.fromstring(part.blob)
        for entry in list(root):
            attributes = {key.rsplit("}", 1)[-1]: value for key, value in entry.attrib.items()}
            if attributes.get("paraId") in para_ids or attributes.get("durableId") in durable:
                durable.add(attributes.get("durableId"))
                root.remove(entry)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
