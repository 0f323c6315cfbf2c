"""What a run reports about one input."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from figcheck.document import Document
from figcheck.figures import Figure
from figcheck.findings import Finding

if TYPE_CHECKING:  # only a budget's or final account's result holds them: loaded by what makes them
    from figcheck.years.facts import YearFacts

CHECKED, UNREADABLE, TIMED_OUT, INTERNAL_ERROR = "checked", "unreadable", "timed out", "internal error"
WORKER_DIED = "worker died"  # a cluster's worker process ended while checking it, each time it was tried


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything reported about one input; `error` is set when it could not be read."""

    path: str
    document: Document | None
    figures: tuple[Figure, ...] = ()
    results: tuple[Finding, ...] = ()
    error: str | None = None
    unverifiable: int = 0  # statements of a rate, share or change whose inputs the text does not give
    undecided: tuple[Finding, ...] = ()  # relations the figures as written cannot decide (精度不足), counted above
    unverified: tuple[int, ...] = ()  # where each statement counted in `unverifiable` starts (its figure's offset)
    unverified_reasons: tuple[str, ...] = ()  # why each of them is unverifiable (report.unverifiable_reason)
    failure: str = ""  # with `error`: "" (the input cannot be read), TIMED_OUT, INTERNAL_ERROR or WORKER_DIED
    year_facts: YearFacts | None = None  # a budget's or final account's values and statements across years (years/)

    @property
    def status(self) -> str:
        """checked | unreadable | timed out | internal error | worker died (the results store's `status`)."""
        if self.error is None:
            return CHECKED
        return self.failure or UNREADABLE

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(r for r in self.results if not r.passed)

    @property
    def passed(self) -> tuple[Finding, ...]:
        return tuple(r for r in self.results if r.passed)
