"""The text a loader extracted from one input, and how to turn offsets into places."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of `Document.text` with a human locator (paragraph, table cell, page)."""

    start: int
    end: int
    kind: str  # "paragraph", "heading", "cell", …
    locator: str  # "第3段", "表2 第4行第2列", "第5页"


@dataclass(frozen=True, slots=True)
class Document:
    """One input's extracted text; every later offset is an offset into `text`."""

    path: str
    text: str
    segments: tuple[Segment, ...] = ()
    encoding: str = "utf-8"
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a 0-based offset, as editors count them."""
        starts = self._line_starts
        if not starts:
            starts.append(0)
            find = self.text.find
            at = find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = find("\n", at + 1)
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, offset: int) -> str:
        """The whole line holding `offset`, without its line break."""
        begin = self.text.rfind("\n", 0, offset) + 1
        stop = self.text.find("\n", offset)
        return self.text[begin : stop if stop >= 0 else len(self.text)].rstrip("\r")

    def locate(self, offset: int) -> str:
        """The locator of the segment holding `offset`, or an empty string."""
        for segment in self.segments:
            if segment.start <= offset < segment.end:
                return segment.locator
        return ""
