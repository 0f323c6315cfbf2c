"""The pipeline for one input: load → figures → claims → checks."""

from __future__ import annotations

from dataclasses import dataclass

from figcheck.checks import check
from figcheck.claims import find_claims
from figcheck.clauses import layout
from figcheck.coverage import asserted
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
    unverifiable: int = 0  # statements of a rate, share or change whose inputs the text does not give

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(r for r in self.results if not r.passed)

    @property
    def passed(self) -> tuple[Finding, ...]:
        return tuple(r for r in self.results if r.passed)


def check_document(document: Document) -> FileResult:
    figures = find_figures(document.text)
    placed = layout(document.text, figures)
    results = tuple(check(find_claims(placed, document.tables)))
    checked = {result.start for result in results}
    unverifiable = sum(1 for start in asserted(placed) if start not in checked)
    from figcheck.suppress import apply_directives

    return apply_directives(FileResult(document.path, document, tuple(figures), results, unverifiable=unverifiable))


def check_path(path: str) -> FileResult:
    """Load and check one input; a load failure becomes a result with `error` set."""
    try:
        document = load(path)
    except LoadError as exc:
        return FileResult(path, None, error=str(exc))
    return check_document(document)


def check_text(text: str, path: str = "<text>") -> FileResult:
    """Check a string (tests, the rule examples); a path ending in .md reads it as Markdown."""
    if path.endswith((".md", ".markdown")):
        from figcheck.load import markdown

        return check_document(markdown.load(path, text.encode("utf-8")))
    return check_document(Document(path=path, text=text))
