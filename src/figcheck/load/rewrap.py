"""Line breaks that do not end anything, in plain text copied out of a PDF.

Text taken from a PDF keeps breaks where the PDF wrapped a line, and footnote marks on lines of their
own: 「深圳市常住人口\\n1\\n1761.48 万人，其中男性 969.57\\n万人，占全市人口的 55.0%」, and page numbers where a
page broke a sentence (「幼儿园2275所，毕业生\\n- 9 -\\n13.85万人」). Read line by line, the
figure loses its unit and the sentence its second half. A break is read as a space when the line before
it is a sentence in progress (it has a comma and no sentence end) and the next line plainly continues
it; a lone footnote mark between two such lines is blanked. The text keeps its length, so offsets are
still offsets into the file, and its lines are still the file's lines for locations.

Two digits are never brought together (「…共计12\\n35家」 stays two lines): a break between them may be
a table's column, and reading 1235 would invent a figure.
"""

from __future__ import annotations

from figcheck import patterns

_SENTENCE_END = frozenset("。！？!?；;：:")
_ENDED = frozenset("。！？!?")  # what most lines end with
_PAUSES = frozenset("，,、")
# What cannot open a line of its own: the rest of a sentence cut after its last word or figure.
_CLOSING = frozenset("。，、；：）)%％‰")
_ITEM = patterns.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]\D|第[一二三四五六七八九十]+[章节部分条]"
)
# A footnote mark, or a page number between dashes (「- 9 -」) where a page broke the sentence.
_PAGE_NUMBER = r"[-—–－]\s*\d{1,3}\s*[-—–－]"
_PAGE = patterns.compile(_PAGE_NUMBER)
_MARK = patterns.compile(rf"[0-9¹²³⁴⁵⁶⁷⁸⁹⁰]{{1,2}}|{_PAGE_NUMBER}")
_OPEN_CLAUSE = frozenset("，,、：:；;")  # a sentence that ends so at a page break goes on after it
_MOST_PAGE_BREAK = 5  # lines a page break takes: blank lines and the page number
# A row of a table laid out in text: cells apart by tabs, or figures apart by spaces (「纱 吨 189128 19.3」).
_ROW = patterns.compile(r"\t|\d\s+[-−]?\d|\s[%‰]\s")


def soft_breaks(text: str) -> str:
    """`text` with breaks inside a sentence read as spaces and footnote-mark lines blanked (same length)."""
    lines = text.split("\n")
    out = list(lines)
    joins = [False] * len(lines)  # joins[i]: the break after line i becomes a space
    sentence = _Sentence(lines[0].strip())
    i = 1
    while i < len(lines):
        line = lines[i].strip()
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        resumed = _page_break(lines, i, sentence) if not line or _PAGE.fullmatch(line) else None
        if resumed is not None:  # 「…人数138.96万人。其中，\n\n- 11 -\n企业职工…」: the page broke the sentence
            for gap in range(i, resumed):
                out[gap] = " " * len(lines[gap])
                joins[gap - 1] = True
            joins[resumed - 1] = True
            i = resumed
            continue
        if line and _MARK.fullmatch(line) and after and _mark_between(sentence, after):
            out[i] = " " * len(lines[i])
            joins[i - 1] = joins[i] = True
        elif line and joins[i - 1]:
            sentence.extend(line)  # the line after a footnote mark
        elif line and _continues(sentence, line):
            joins[i - 1] = True
            sentence.extend(line)
        else:
            sentence = _Sentence(line)
        i += 1
    return "".join(line + (" " if join else "\n") for line, join in zip(out, joins, strict=True))[: len(text)]


def _page_break(lines: list[str], i: int, sentence: _Sentence) -> int | None:
    """Where a sentence left open at a clause (it ends with a comma, colon or semicolon) resumes past blank lines
    and a page number (「- 11 -」) from line i; None when no page number stands between or nothing continues it."""
    if sentence.last not in _OPEN_CLAUSE or not sentence.paused or sentence.closed:
        return None
    marked = False
    for ahead in range(i, min(len(lines), i + _MOST_PAGE_BREAK)):
        line = lines[ahead].strip()
        if _PAGE.fullmatch(line):
            marked = True
        elif line:
            starts = bool(patterns.HAN.match(line)) or line[0].isdigit()
            return ahead if marked and starts and not _ITEM.match(line) and not _ROW.search(line) else None
    return None


class _Sentence:
    """The sentence the lines joined so far make: its last character and whether it has a pause (，)."""

    __slots__ = ("closed", "last", "paused", "tail")

    def __init__(self, line: str) -> None:
        self.last, self.paused, self.closed, self.tail = "", False, False, ""
        if line[-1:] in _ENDED:
            self.last, self.tail = line[-1], line[-2:]  # a line ending a sentence continues nothing: no more to know
            return
        self.extend(line)

    def extend(self, line: str) -> None:
        if not line:
            return
        if (not self.last and _ITEM.match(line)) or _ROW.search(line):
            self.closed = True  # 「（一）着力扩大内需，稳住增长」: a heading ends with its line, comma or not
        self.last, self.tail = line[-1], (self.tail + line)[-2:]
        ended = max(line.rfind(end) for end in "。！？!?")
        if ended >= 0:  # a new sentence began on this line: its own pauses count, not the last one's
            self.paused = False
        self.paused = self.paused or any(mark in line[ended + 1 :] for mark in _PAUSES)

    def in_progress(self) -> bool:
        return bool(self.last) and self.last not in _SENTENCE_END and self.paused and not self.closed


def _continues(sentence: _Sentence, line: str) -> bool:
    if _ratio_cut(sentence, line):
        return True
    if not sentence.in_progress() or _ITEM.match(line) or _ROW.search(line):
        return False
    if line[0] in _CLOSING:
        return True
    if sentence.last.isdigit():
        return bool(patterns.HAN.match(line))  # 「男性 969.57\n万人」: a figure and its unit
    return bool(patterns.HAN.match(sentence.last)) and bool(patterns.HAN.match(line) or line[0].isdigit())


def _ratio_cut(sentence: _Sentence, line: str) -> bool:
    """A ratio cut after a colon: 「三次产业投资占比为4.0：\\n23.1：72.9」 — a figure and a colon, then more terms."""
    return not sentence.closed and sentence.last in "：:" and sentence.tail[:1].isdigit() and bool(_TERMS.match(line))


_TERMS = patterns.compile(r"\d+(?:\.\d+)?\s*[：:]\s*\d")


def _mark_between(sentence: _Sentence, after: str) -> bool:
    """A lone 1 or 2 between a sentence's halves is a footnote mark (「常住人口\\n1\\n1761.48 万人」), not a
    figure: the sentence goes on after it. After a figure it must be the sentence's end that follows
    (「为 122.44\\n3\\n。」), since a column of figures looks the same."""
    if not sentence.in_progress() or _ITEM.match(after) or _ROW.search(after):
        return False
    if sentence.last.isdigit():
        return after[0] in _CLOSING
    return bool(patterns.HAN.match(sentence.last))
