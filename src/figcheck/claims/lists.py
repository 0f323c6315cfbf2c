"""Numbered lists as written (rules/cues.toml [lists]): headings at each level and inline 一是…二是….

- Headings open a paragraph (a line) with a marker — 一、 above （一） above 1. above （1） above ① — and each
  level counts 1, 2, 3 … under its parent; a heading of a higher level starts the levels below it afresh. A
  number that skips (（一）（二）（四）) or repeats (（二）（二）) is a
  claim the check reports (FC603). A list that starts again at 1 is a new list; one that starts past 1 is not read
  (an excerpt may continue another's numbering), nor a number below the list's last (another list may begin there:
  a table's second column read as text, a section's own list).
- Inline: 「一是……二是……四是……」, 「第一，……第二，……」 in one paragraph, the same way; 「首先，……其次，……最后，……」
  are counted, in their order.
- A count that announces a list — 「以下三个方面：」, 「主要有4点：」 — against the items that follow (FC602): the
  inline items of its paragraph after it, or else the headings of the next level that follow it.

Lines inside tables are not read: their numbers are a table's rows.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.model import ListClaim
from figcheck.document import inside, table_extents
from figcheck.figures import Figure
from figcheck.figures.numerals import chinese, whole_number
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# the heading markers by level, highest first
# the heading markers by level, highest first, each at a line's start: one pattern over the whole text
# (compiled by the standard re: it finds line starts four times as fast as regex here, 0.02 s against 0.08 s over
# the corpus reports; the pattern uses nothing re reads otherwise)
_HEADING = patterns.compile_re(
    rf"^[ \t\u3000]*(?:(?P<l0>[{_CN}]{{1,3}})、|[（(](?P<l1>[{_CN}]{{1,3}})[）)]|(?P<l2>\d{{1,2}})[.．、](?![\d．.])"
    rf"|[（(](?P<l3>\d{{1,2}})[）)]|(?P<l4>[{_CIRCLED}]))",
    re.MULTILINE | re.ASCII,
)
_TABLE_ROW = patterns.compile(r"(?:[ \t\u3000]+[-—\d.,]+){2,}[ \t\u3000]*$", regex.MULTILINE)
# inline items, each opening a clause: 一是…二是… (level −1), 第一，…第二，… (−2; 「第一次会议」 is an ordinal in
# prose, no item), 首先，…其次，…最后，… (−3, numbered in their order)
_CLAUSE = r"(?:^|(?<=[。；;：:，,！？]))[ \t\u3000]*"
_INLINE = patterns.compile(
    rf"{_CLAUSE}(?:(?P<n>[{_CN}]{{1,3}})是|第(?P<o>[{_CN}]{{1,3}})[，,、：:]|(?P<w>首先|其次|再次|最后)[，,])",
    regex.MULTILINE,
)


class Marker(NamedTuple):
    number: int
    level: int  # 0–4 for headings; -1 inline
    start: int
    end: int
    line: int  # where the paragraph (line) of an inline item starts; -1 for a heading (its level orders it)


class _Cues(NamedTuple):
    announce: regex.Pattern[str]


@rulebook.derived
def _cues(book: Rulebook) -> _Cues:
    data = book.load("cues.toml")["lists"]
    alt = rulebook.alternation
    count = rf"(?P<count>[{_CN}两]|\d{{1,2}})"
    announce = (
        rf"(?:{alt(data['before'])})?\s*{count}\s*(?:{alt(data['measures'])})\s*"
        rf"(?:\p{{Han}}{{0,4}}?)\s*[：:]$"
    )
    return _Cues(patterns.compile(announce))


def list_claims(layout: Layout, tables: tuple = ()) -> list[ListClaim]:
    text = layout.text
    excluded = table_extents(tables)
    headings, inline = _markers(text, excluded)
    claims = _sequence_claims(layout, headings) + _sequence_claims(layout, inline)
    claims += _count_claims(layout, headings, inline)
    return claims


def _markers(text: str, excluded: list[tuple[int, int]]) -> tuple[list[Marker], list[Marker]]:
    headings = []
    for found in _HEADING.finditer(text):
        line_end = text.find("\n", found.end())
        if inside(excluded, found.start()) or _TABLE_ROW.search(text, found.end(), _end(line_end, text)):
            continue  # a table's row (「四、结转下年度继续办理 0 0 0」)
        level = next(i for i in range(5) if found.group(f"l{i}") is not None)
        number = _number(found.group(f"l{level}"))
        if number:
            opening = found.start() + len(found.group(0)) - len(found.group(0).lstrip())
            headings.append(Marker(number, level, opening, found.end(), -1))
    inline: list[Marker] = []
    for found in _INLINE.finditer(text):
        if inside(excluded, found.start()):
            continue
        paragraph = text.rfind("\n", 0, found.start()) + 1
        kind = next(group for group in ("n", "o", "w") if found.group(group) is not None)
        if kind == "w":  # 首先 is 1, each word after it one more (「首先，……。\n其次，……。」 across paragraphs)
            before = next((m for m in reversed(inline) if m.level == -3), None)
            number = 1 if found.group("w") == "首先" or before is None else before.number + 1
        else:
            number = _number(found.group(kind))
        if number:
            level = {"n": -1, "o": -2, "w": -3}[kind]
            start, end = found.span(kind)
            start, end = (start - 1, end) if kind == "o" else (start, end if kind == "w" else found.end())
            inline.append(Marker(number, level, start, end, paragraph))  # 「四是」, 「第四」, 「最后」
    return headings, inline


def _end(offset: int, text: str) -> int:
    return len(text) if offset < 0 else offset


def _number(written: str) -> int:
    if written in _CIRCLED:
        return _CIRCLED.index(written) + 1
    return whole_number(written) or 0


def _sequence_claims(layout: Layout, markers: list[Marker]) -> list[ListClaim]:
    """A claim per marker that continues no list: its number must be one more than the last of a list open at its
    level. Lists at one level nest (a section 三、 may hold its own 一、二、 before 四、): the lists are a stack, and a
    number that continues an outer one closes the inner ones."""
    claims = []
    stacks: dict[tuple[int, int], list[Marker]] = {}  # (level, inline paragraph) → the open lists' last markers
    for marker in markers:
        key = (marker.level, marker.line)  # headings: (level, -1)
        if marker.line < 0:
            for deeper in [known for known in stacks if known[0] > marker.level]:
                del stacks[deeper]  # a heading starts the levels below it afresh
        stack = stacks.setdefault(key, [])
        if marker.number == 1:
            stack.append(marker)
            continue
        continued = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].number == marker.number - 1), None)
        if continued is not None:
            del stack[continued + 1 :]
        elif stack and marker.number >= stack[-1].number and not _written_between(layout.text, stack[-1], marker):
            # (a number below the list's last may begin a list of another column or section: not read)
            placed = _placed(layout, marker)
            claims.append(ListClaim(placed, "sequence", marker.number, stack[-1].number, _placed(layout, stack[-1])))
        if stack:
            stack[-1] = marker
    return claims


def _written_between(text: str, previous: Marker, marker: Marker) -> bool:
    """Whether the numbers a skip leaves out are written as such a marker near it anyway — inside a line (a table
    read as text, 「十二、农林水支出十三、交通运输支出」), broken over lines by a PDF (「（\n三）」), before a figure
    (「20.2026年」), or just after (a PDF's reading order): then the skip is the reading's, not the text's."""
    if marker.number <= previous.number:
        return False
    window = text[previous.end : marker.end + _AFTER]
    return all(_shape(marker.level, number).search(window) for number in range(previous.number + 1, marker.number))


_AFTER = 600  # characters after a skipping marker searched for the numbers it skips


def _shape(level: int, number: int) -> regex.Pattern[str]:
    """How a marker of `level` writes `number` (首先… at level −3 are numbered in their order: they never skip)."""
    if level == 4:
        return patterns.compile(_CIRCLED[number - 1])  # a number a circled marker skips is below its own, ⑲ at most
    written = chinese(number)
    shapes = {
        -1: rf"{written}\s*是",
        -2: rf"第{written}\s*[，,、：:]",
        0: rf"(?<![{_CN}]){written}\s*、",
        1: rf"[（(]\s*{written}\s*[）)]",
        2: rf"(?<![\d.．]){number}\s*[.．、]",
        3: rf"[（(]\s*{number}\s*[）)]",
    }
    return patterns.compile(shapes[level])


def _count_claims(layout: Layout, headings: list[Marker], inline: list[Marker]) -> list[ListClaim]:
    text = layout.text
    claims = []
    starts, inline_starts = [marker.start for marker in headings], [marker.start for marker in inline]
    for found in _announcements(_cues(layout.book).announce, text):
        count = _number(found.group("count"))  # 两 too
        line_end = text.find("\n", found.end())
        line_end = len(text) if line_end < 0 else line_end
        items = inline[bisect_left(inline_starts, found.end()) : bisect_left(inline_starts, line_end)]
        items = [m for m in items if m.level == items[0].level]  # the first kind of item after the count
        if not items and not text[found.end() : line_end].strip():
            lines = _opening_lines(text, inline[bisect_right(inline_starts, line_end) :], starts, line_end)
            if lines is None:
                continue  # where the list ends is not clear
            items = lines or _following_headings(headings, starts, line_end)
        run = _run(items)
        if run and (len(run) >= count or len(run) == len(items)):  # a new 一是 ends it early: 「一是…；一是…」
            figure = _figure(found.start("count"), found.end("count"), found.group("count"), count)
            placed = _placed_figure(layout, figure)
            claims.append(ListClaim(placed, "count", count, len(run), _placed(layout, run[-1])))
    return claims


def _announcements(announce: regex.Pattern[str], text: str):
    """The counts that announce a list, each ending at a colon: read back from the colons (a search over every
    character cost a tenth of a report's check)."""
    for colon in _COLON.finditer(text):
        found = announce.search(text, max(0, colon.start() - _REACH), colon.end())
        if found is not None and found.end() == colon.end():
            yield found


_COLON = patterns.compile("：|:")
_REACH = 24  # characters before a colon: a before-word, the count, its measure word and four more


def _opening_lines(text: str, following: list[Marker], starts: list[int], after: int) -> list[Marker] | None:
    """The inline items `following` `after` of one kind that open lines, the first the very next line, up to a heading:
    「以下三个方面：\n一是……\n（a paragraph）\n二是……；三是……」 (an item's own line may hold more; the paragraphs
    between items, and the items of their own lists, are not read). None where the list goes on after a heading."""
    items: list[Marker] = []
    heading = starts[index] if (index := bisect_right(starts, after)) < len(starts) else len(text)
    for marker in following:
        opens = not text[marker.line : marker.start].strip()
        if marker.start > heading:  # the list ends at a heading, unless it goes on after it: then it is not read
            continues = items and opens and marker.level == items[0].level and marker.number == items[-1].number + 1
            return None if continues else items
        if not items:
            if not (opens and marker.line == after + 1):
                break  # the list begins on the very next line, or is not this kind
            items.append(marker)
        elif marker.level != items[0].level:
            if opens:
                break  # a list of another kind
        elif opens or marker.line == items[-1].line:
            items.append(marker)
    return items


def _following_headings(headings: list[Marker], starts: list[int], after: int) -> list[Marker]:
    """The headings of the first level after `after`, up to the next heading of a higher level."""
    index = bisect_right(starts, after)
    if index >= len(headings):
        return []
    level = headings[index].level
    items = []
    for marker in headings[index:]:
        if marker.level < level:
            break
        if marker.level == level:
            items.append(marker)
    return items


def _run(items: list[Marker]) -> list[Marker]:
    """The list the items make: from 1, while the numbers rise (a skip stays in it; FC603 reports the skip)."""
    if not items or items[0].number != 1:
        return []
    run = [items[0]]
    for marker in items[1:]:
        if marker.number <= run[-1].number:
            break  # a new list (1), or an outer one going on (一、甲 二、乙 then the section 二、)
        run.append(marker)
    return run


def _figure(start: int, end: int, raw: str, value: int) -> Figure:
    return Figure(start, end, raw, Decimal(value), numeral=raw)


def _placed(layout: Layout, marker: Marker) -> Placed:
    raw = layout.text[marker.start : marker.end]
    return _placed_figure(layout, _figure(marker.start, marker.end, raw, marker.number))


def _placed_figure(layout: Layout, figure: Figure) -> Placed:
    return layout.placed_at(figure)
