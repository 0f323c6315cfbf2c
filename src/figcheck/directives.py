"""Inline suppressions written in the document's own syntax.

<!-- figcheck: ignore FC101 -->        the next paragraph or table (Markdown, HTML); written at the end of a
                                       paragraph's line (after its text), that paragraph
<!-- figcheck: ignore -->              … for every code
<!-- figcheck: disable FC5 -->  …  <!-- figcheck: enable -->
a Word comment 「figcheck: ignore FC103」 on a paragraph or in a table (docx)
"""

from __future__ import annotations

import regex

from figcheck import patterns
from figcheck.document import Directive

DIRECTIVE = patterns.compile(r"figcheck\s*[:：]\s*(ignore|disable|enable)\b([^>]*?)(?:-->|$)", regex.IGNORECASE)
_COMMENT = patterns.compile(r"<!--(.*?)-->", regex.DOTALL)


def parse(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(kind, codes) of a directive's text, or None when it is not one."""
    found = DIRECTIVE.search(text)
    if found is None:
        return None
    codes = tuple(code.upper() for code in regex.split(r"[\s,，]+", found.group(2).strip()) if code)
    return found.group(1).lower(), codes


def in_markdown(text: str) -> tuple[Directive, ...]:
    """Directives in Markdown comments; offsets are offsets into the file."""
    found: list[Directive] = []
    open_disable: tuple[int, tuple[str, ...], int, int, str] | None = None
    for comment in _COMMENT.finditer(text):
        parsed = parse(comment.group(1))
        if parsed is None:
            continue
        kind, codes = parsed
        raw = comment.group(0)
        if kind == "ignore":
            trailing = text[text.rfind("\n", 0, comment.start()) + 1 : comment.start()].strip()
            start, end = _own_block(text, comment.start()) if trailing else _next_block(text, comment.end())
            found.append(Directive(start, end, codes, comment.start(), comment.end(), raw))
        elif kind == "disable":
            open_disable = (comment.end(), codes, comment.start(), comment.end(), raw)
        elif open_disable is not None:
            start, codes, at, at_end, raw = open_disable
            found.append(Directive(start, comment.start(), codes, at, at_end, raw))
            open_disable = None
    if open_disable is not None:
        start, codes, at, at_end, raw = open_disable
        found.append(Directive(start, len(text), codes, at, at_end, raw))
    return tuple(found)


def _next_block(text: str, after: int) -> tuple[int, int]:
    """The next paragraph or table after `after`: non-blank lines up to a blank line."""
    at = after
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    end = text.find("\n\n", at)
    return at, (len(text) if end < 0 else end)


def _own_block(text: str, at: int) -> tuple[int, int]:
    """The paragraph or table `at` lies in: from the blank line before it to the blank line after."""
    begin = text.rfind("\n\n", 0, at)
    begin = 0 if begin < 0 else begin + 2
    end = text.find("\n\n", at)
    return begin, (len(text) if end < 0 else end)
