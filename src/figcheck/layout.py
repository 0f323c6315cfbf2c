"""The shape of a sentence around its figures: sentences, parentheses, clauses and labels.

Claims are recognised from this structure, not from the raw text: each figure gets its sentence,
its parenthesis depth, and its *label* — the words between the previous figure or clause mark and
the figure (in 「其中主办建议52件、协办建议34件」 the labels are 「其中主办建议」 and 「协办建议」).
"""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import regex

from figcheck.figures import Figure
from figcheck.rulebook import BUNDLED, Rulebook

# ASCII "." is a decimal point, never a sentence end here.
_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+|\n+)?")
_CLAUSE_MARKS = frozenset("，,、；;：:（(")
_OPEN = frozenset("（([")
_PARENTHESIS = re.compile(r"[（(\[）)\]]")


class Spans(Sequence[tuple[int, int]]):
    """(start, end) of each sentence, kept as two arrays of machine integers: as a tuple of pairs, one sentence
    costs 120 bytes, and a document of one long line may hold 170,000 sentences (8 MB)."""

    __slots__ = ("starts", "ends")

    def __init__(self, text: str) -> None:
        self.starts, self.ends = array("q"), array("q")
        for match in _SENTENCE.finditer(text):
            self.starts.append(match.start())
            self.ends.append(match.end())

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, sentence: int) -> tuple[int, int]:  # type: ignore[override]  # no slices: none is taken
        return self.starts[sentence], self.ends[sentence]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)


@dataclass(frozen=True, slots=True)
class Placed:
    """A figure with what claims need to know about where it stands."""

    figure: Figure
    index: int  # position in the document's figure list
    sentence: int  # index into Layout.sentences
    depth: int  # parenthesis depth (0 = outside any parentheses)
    paren_start: int  # offset of the innermost opening parenthesis, or -1
    label: str


@dataclass(frozen=True, slots=True)
class Layout:
    """A document's figures in their sentences, with the rulebook its claims are recognised by."""

    text: str
    sentences: Spans
    placed: tuple[Placed, ...]
    book: Rulebook = BUNDLED
    _by_sentence: dict[int, list[Placed]] = field(default_factory=dict, repr=False, compare=False)

    def placed_at(self, figure: Figure) -> Placed:
        """A figure made for what the text says in words (持平, a date, a list marker), placed in its sentence
        outside any parentheses, with no label: what a claim stands on."""
        sentence = bisect.bisect_right(self.sentences.starts, figure.start) - 1
        return Placed(figure, -1, max(sentence, 0), 0, -1, "")

    def in_sentence(self, sentence: int) -> list[Placed]:
        """The figures of one sentence (indexed once: a document may hold a million figures)."""
        index = self._by_sentence
        if not index:
            for placed in self.placed:
                index.setdefault(placed.sentence, []).append(placed)
        return index.get(sentence, [])

    def sentences_with(self, pattern: regex.Pattern[str]) -> list[int]:
        """The sentences `pattern` occurs in, in order: a recognizer that needs a word reads only those.
        One search per sentence found: after a match the search goes on from the end of its sentence."""
        ends = self.sentences.ends
        found: list[int] = []
        at = 0
        while (match := pattern.search(self.text, at)) is not None:
            sentence = bisect.bisect_right(ends, match.start())
            if sentence >= len(ends):
                break
            found.append(sentence)
            at = ends[sentence]
        return found

    def sentence_text(self, sentence: int) -> str:
        start, end = self.sentences[sentence]
        return self.text[start:end]


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, the end mark included."""
    return tuple(match.span() for match in _SENTENCE.finditer(text))


def layout(text: str, figures: list[Figure], book: Rulebook = BUNDLED) -> Layout:
    """Place every figure in its sentence with its depth and label."""
    sentences = Spans(text)
    placed: list[Placed] = []
    sentence = 0
    previous_end = 0
    opened: list[int] = []  # parentheses open at `scanned`, reset at each sentence
    starts, ends = sentences.starts, sentences.ends
    scanned = starts[0] if sentences else 0
    for index, figure in enumerate(figures):
        while sentence < len(sentences) - 1 and figure.start >= ends[sentence]:
            sentence += 1
        sentence_start = starts[sentence] if sentences else 0
        if scanned < sentence_start:
            opened, scanned = [], sentence_start
        for mark in _PARENTHESIS.finditer(text, scanned, figure.start):  # one pass over the text, not one per figure
            if mark.group() in _OPEN:
                opened.append(mark.start())
            elif opened:
                opened.pop()
        scanned = max(scanned, figure.start)
        label_from = max(sentence_start, previous_end if previous_end > sentence_start else sentence_start)
        depth, paren_start = len(opened), (opened[-1] if opened else -1)
        label = sys.intern(_label(text, label_from, figure.start))  # labels repeat down a table or a list
        placed.append(Placed(figure, index, sentence, depth, paren_start, label))
        previous_end = figure.end
    return Layout(text, sentences, tuple(placed), book)


def _label(text: str, start: int, end: int) -> str:
    """Words before a figure back to the nearest clause mark (but not past `start`), leaving out
    parenthesised asides: the label of 2600公里 in 「新增高速（一级）公路2600公里」 is 「新增高速公路」."""
    kept: list[str] = []
    at = end
    while at > start:
        ch = text[at - 1]
        if ch in "）)":
            opening = max(text.rfind("（", start, at - 1), text.rfind("(", start, at - 1))
            if opening < 0:
                break
            at = opening
            continue
        if ch in _CLAUSE_MARKS:
            break
        kept.append(ch)
        at -= 1
    return "".join(reversed(kept)).strip()


def between(layout: Layout, first: Placed, second: Placed) -> str:
    """The text between two figures."""
    return layout.text[first.figure.end : second.figure.start]
