"""The pipeline for one input: load → figures → claims → checks."""

from __future__ import annotations

from dataclasses import dataclass

from figcheck.checks import check
from figcheck.claims import find_claims
from figcheck.clauses import layout
from figcheck.document import Document
from figcheck.figures import Figure, find_figures
from figcheck.findings import Finding
from figcheck.load import LoadError, load


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything reported about one input; `error` is set when it could not be read."""

    path: str
    document: Document | None
    figures: tuple[Figure, ...] = ()
    results: tuple[Finding, ...] = ()
    error: str | None = None

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(r for r in self.results if not r.passed)

    @property
    def passed(self) -> tuple[Finding, ...]:
        return tuple(r for r in self.results if r.passed)


def check_document(document: Document) -> FileResult:
    figures = find_figures(document.text)
    claims = find_claims(layout(document.text, figures))
    return FileResult(document.path, document, tuple(figures), tuple(check(claims)))


def check_path(path: str) -> FileResult:
    """Load and check one input; a load failure becomes a result with `error` set."""
    try:
        document = load(path)
    except LoadError as exc:
        return FileResult(path, None, error=str(exc))
    return check_document(document)


def check_text(text: str, path: str = "<text>") -> FileResult:
    """Check a string (tests, the rule examples)."""
    return check_document(Document(path=path, text=text))
