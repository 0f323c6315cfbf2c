"""Numbered lists that break a total down: 「受理申请10件，其中：1.予以公开6件；2.不予公开5件。」

A list goes on past a semicolon, a full stop or a line break when its items are numbered in one style
and in order: 1. 2. 3., （1）（2）, ①②, （一）（二）, 一、二、, 一是…二是…, or one bullet (•) on
each line (the docx loader writes Word's automatic numbering into the text, so list paragraphs read
the same way). Items run inline (after ；/。 in one paragraph) or one per line; each item's head — its
first figure counting what the total counts — is one part. The markers themselves are never parts.

A list opened by 一是 enumerates statements more often than parts (「一是新收案件40件；二是审结35件」):
it is read as parts only after an explicit 其中, never after a bare colon.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from figcheck import patterns
from figcheck.claims.common import family
from figcheck.claims.sum_listed import modifies_next, usable
from figcheck.layout import Layout, Placed

_CN_DIGITS = "一二三四五六七八九"
_MARKER = patterns.compile(
    r"(?P<arabic>\d{1,2})[.．、](?![\d.．])"
    r"|[（(](?P<paren>\d{1,2})[)）]"
    r"|(?P<circled>[①-⑳])"
    r"|[（(](?P<paren_cn>[一二三四五六七八九十]{1,3})[)）][、，,]?"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})、"
    r"|(?P<shi>[一二三四五六七八九十]{1,3})是"
    r"|(?P<bullet>[•●▪◆■])"
)
STATEMENT_STYLE = "shi"  # 一是、二是: parts only after 其中
_BOUNDARY = "；;。\n"  # an inline item starts after one of these
_LEAD = " \t\u3000\xa0"
_MOST_ITEMS = 50
_ITEM_SPAN = 600  # characters an inline item may run before the next marker


class Marker(NamedTuple):
    style: str
    number: int  # 0 for a bullet
    start: int
    end: int


def _number(style: str, token: str) -> int:
    if style in ("arabic", "paren"):
        return int(token)
    if style == "circled":
        return ord(token) - ord("①") + 1
    if style == "bullet":
        return 0
    tens, _, units = token.rpartition("十")
    if "十" not in token:
        return _CN_DIGITS.index(token) + 1 if len(token) == 1 else -1
    high = 1 if tens == "" else (_CN_DIGITS.index(tens) + 1 if len(tens) == 1 and tens in _CN_DIGITS else -99)
    low = 0 if units == "" else (_CN_DIGITS.index(units) + 1 if len(units) == 1 and units in _CN_DIGITS else -99)
    return high * 10 + low


def marker_at(text: str, at: int) -> Marker | None:
    """The list marker that starts exactly at `at`, if any."""
    match = _MARKER.match(text, at)
    if match is None:
        return None
    style = match.lastgroup or ""
    number = _number(style, match.group(style))
    return Marker(style, number, match.start(), match.end()) if number >= 0 else None


def _follows(previous: Marker, found: Marker | None) -> bool:
    if found is None or found.style != previous.style:
        return False
    return found.number == previous.number + 1 or (found.style == "bullet" and found.start != previous.start)


def _skip(text: str, at: int, chars: str) -> int:
    while at < len(text) and text[at] in chars:
        at += 1
    return at


def _next_marker(text: str, item: Marker) -> Marker | None:
    """The next item's marker: after a boundary in the item's own line, or opening the next line."""
    line_end = text.find("\n", item.end)
    line_end = len(text) if line_end < 0 else line_end
    for at in range(item.end, min(line_end, item.end + _ITEM_SPAN)):
        if text[at] in _BOUNDARY:
            found = marker_at(text, _skip(text, at + 1, _LEAD))
            if _follows(item, found):
                return found
    if line_end < len(text):
        return next((m for m in [marker_at(text, _skip(text, line_end + 1, _LEAD))] if _follows(item, m)), None)
    return None


def list_items(text: str, at: int) -> list[Marker]:
    """The markers of a numbered list starting at `at` (after a cue's 「：」 and spaces, or on the
    next line), in order; [] when no list of two or more items starts there."""
    start = _skip(text, _skip(text, at, "：:" + _LEAD), "\n" + _LEAD)
    first = marker_at(text, start)
    if first is None or first.number not in (0, 1):
        return []
    items = [first]
    while len(items) < _MOST_ITEMS:
        following = _next_marker(text, items[-1])
        if following is None:
            break
        items.append(following)
    return items if len(items) >= 2 else []


def _item_text_end(text: str, item: Marker) -> int:
    """Where an item's first statement ends: its head must stand before a semicolon or full stop."""
    ends = [found for mark in _BOUNDARY if (found := text.find(mark, item.end, item.end + _ITEM_SPAN)) >= 0]
    return min(ends, default=min(len(text), item.end + _ITEM_SPAN))


def item_heads(layout: Layout, starts: list[int], items: list[Marker], total: Placed) -> list[Placed]:
    """Each item's head — its first figure counting what `total` counts, outside parentheses — or []
    when an item has none, or its first such figure is not a plain amount (a change, a share)."""
    kind = family(layout, total)
    heads = []
    for item in items:
        end = _item_text_end(layout.text, item)
        low, high = bisect.bisect_left(starts, item.end), bisect.bisect_left(starts, end)
        found = None
        for position in range(low, high):
            placed = layout.placed[position]
            if placed.depth != 0 or family(layout, placed) != kind:
                continue
            if modifies_next(layout, list(layout.placed[position : position + 2]), 0):
                continue
            found = placed if usable(layout, placed) else None
            break
        if found is None:
            return []
        heads.append(found)
    return heads
