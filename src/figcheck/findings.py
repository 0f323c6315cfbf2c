"""The outcome of checking one claim: a finding (the relation fails) or a pass."""

from __future__ import annotations

from dataclasses import dataclass

from figcheck.figures import Figure


@dataclass(frozen=True, slots=True)
class Involved:
    """A figure a finding involves, with its role: total, part, rate, numerator, denominator, pending."""

    figure: Figure
    role: str


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """Where in another document the figure a finding compares with stands (FC309: last year's budget)."""

    path: str
    label: str  # the item's name there
    text: str  # the figure as written there
    start: int
    end: int
    line: int
    column: int
    locator: str = ""  # the page or cell, as Document.locate gives it


@dataclass(frozen=True, slots=True)
class Finding:
    """One checked relation. `passed` relations are reported only on request (--show-passed).

    `stated` is the figure the text asserts (the total, the rate) and anchors the location;
    `formula` is the arithmetic from the inputs, e.g. 「8 + 1 + 11 + 3 + 2 = 25」;
    `params` fill the rule's message template; `allowance` says what a pass relied on
    (exact, half-up, truncation, qualifier).
    """

    code: str
    passed: bool
    stated: Figure
    computed: str
    formula: str
    figures: tuple[Involved, ...]
    params: tuple[tuple[str, str], ...] = ()
    allowance: str = ""
    undecided: str = ""  # why the relation can be neither verified nor failed (checks/tolerance.py), or ""
    elsewhere: Elsewhere | None = None  # the other document's figure, for a relation across documents

    @property
    def start(self) -> int:
        return self.stated.start

    @property
    def end(self) -> int:
        return self.stated.end
