"""A line of the terminal report with its styles, kept apart from rich.

The text report is built of these lines. Written plain — to a file or a pipe, without colour, as in CI and
pre-commit — a line is its characters, and rich (40 ms to import, and a tenth of a millisecond to print each line)
is never loaded. Coloured or wrapped, each line becomes rich's own Text (`to_rich`).

The operations are rich Text's, with its meaning, so that both ways print the same characters and the same
colours: a base style that covers the whole line, appended text included (`style`), spans over parts of it, and
the control codes rich removes (BEL, BS, VT, FF, CR) removed when text is added.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from rich.text import Text

Span = tuple[int, int, str]
Part = Union[str, tuple[str, str], "Styled"]
_CONTROL_CODES = dict.fromkeys((0x07, 0x08, 0x0B, 0x0C, 0x0D))


def without_control_codes(text: str) -> str:
    return text.translate(_CONTROL_CODES)


class Styled:
    """Text with a base style and styled spans (rich's Text, without rich)."""

    __slots__ = ("plain", "style", "spans")

    def __init__(self, plain: str = "", style: str = "", spans: list[Span] | None = None) -> None:
        self.plain = without_control_codes(plain)
        self.style = style
        self.spans: list[Span] = spans if spans is not None else []

    @classmethod
    def assemble(cls, *parts: Part) -> Styled:
        """One line of the parts in turn: plain strings, (string, style) pairs, or lines."""
        line = cls()
        for part in parts:
            if isinstance(part, tuple):
                line.append(*part)
            else:
                line.append(part)
        return line

    def append(self, text: str | Styled, style: str = "") -> Styled:
        start = len(self.plain)
        if isinstance(text, Styled):
            self.plain += text.plain
            if text.style:
                self.spans.append((start, len(self.plain), text.style))
            self.spans += [(begin + start, end + start, kind) for begin, end, kind in text.spans]
        elif text:
            self.plain += without_control_codes(text)
            if style:
                self.spans.append((start, len(self.plain), style))
        return self

    def stylize(self, style: str, start: int = 0, end: int | None = None) -> None:
        end = len(self.plain) if end is None else min(end, len(self.plain))
        if style and start < end:
            self.spans.append((start, end, style))

    def copy(self) -> Styled:
        return Styled(self.plain, self.style, list(self.spans))

    def __add__(self, other: str | Styled) -> Styled:
        return self.copy().append(other)

    def __getitem__(self, part: slice) -> Styled:
        start, stop, _ = part.indices(len(self.plain))
        return self.divide([start, stop])[1]

    def divide(self, offsets: list[int]) -> list[Styled]:
        """The pieces between the offsets, each keeping the base style and its share of every span."""
        bounds = [0, *offsets, len(self.plain)]
        pieces = []
        for start, stop in itertools.pairwise(bounds):
            spans = [
                (max(begin, start) - start, min(end, stop) - start, kind)
                for begin, end, kind in self.spans
                if min(end, stop) > max(begin, start)
            ]
            pieces.append(Styled(self.plain[start:stop], self.style, spans))
        return pieces

    def rstrip(self) -> None:
        """Drop the trailing whitespace, and the spans' share of it."""
        self.plain = self.plain.rstrip()
        size = len(self.plain)
        self.spans = [(begin, min(end, size), kind) for begin, end, kind in self.spans if begin < size]

    def to_rich(self) -> Text:
        from rich.text import Span as RichSpan
        from rich.text import Text

        return Text(self.plain, style=self.style, spans=[RichSpan(*span) for span in self.spans])

    def __repr__(self) -> str:
        return f"Styled({self.plain!r}, {self.style!r}, {self.spans!r})"
