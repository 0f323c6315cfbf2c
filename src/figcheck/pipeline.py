"""The pipeline for one document: load → figures → layout → claims → checks."""

from __future__ import annotations

from figcheck.checks import check
from figcheck.claims import find_claims
from figcheck.coverage import asserted_with_reasons
from figcheck.document import Document
from figcheck.figures import find_figures
from figcheck.layout import layout
from figcheck.load import LoadError, load, load_bytes, markdown
from figcheck.options import DEFAULT, Options
from figcheck.results import FileResult
from figcheck.suppress import apply_directives
from figcheck.years.identity import identify


def check_document(document: Document, options: Options = DEFAULT) -> FileResult:
    figures = find_figures(document.text, options.book)
    placed = layout(document.text, figures, options.book)
    results, undecided = check(find_claims(placed, document.tables), options.accept_truncation)
    checked = {result.start for result in results}
    reasons = {start: why for start, why in asserted_with_reasons(placed).items() if start not in checked}
    reasons |= {result.start: result.undecided for result in undecided if result.start not in checked}
    unverified = tuple(sorted(reasons))
    identity = identify(document.text, options.book)
    if identity is not None:  # a budget, a final account, a disclosure report: the rest never load years/facts
        from figcheck.years.facts import year_facts
    result = FileResult(
        document.path,
        document,
        tuple(figures),
        tuple(results),
        unverifiable=len(unverified),
        undecided=tuple(undecided),
        unverified=unverified,
        unverified_reasons=tuple(reasons[start] for start in unverified),
        year_facts=year_facts(document, placed, identity) if identity is not None else None,
    )
    return apply_directives(result, document.directives)


def check_path(path: str, options: Options = DEFAULT, data: bytes | None = None) -> FileResult:
    """Load and check one input — from its file, or from `data`, its bytes read elsewhere; a load failure
    becomes a result with `error` set."""
    try:
        document = load(path) if data is None else load_bytes(path, data)
    except LoadError as exc:
        return FileResult(path, None, error=str(exc))
    return check_document(document, options)


def figures_of_path(path: str, options: Options = DEFAULT) -> FileResult:
    """Load one input and find its figures, nothing checked (`figcheck figures`)."""
    try:
        document = load(path)
    except LoadError as exc:
        return FileResult(path, None, error=str(exc))
    return FileResult(document.path, document, tuple(find_figures(document.text, options.book)))


def check_text(text: str, path: str = "<text>", options: Options = DEFAULT) -> FileResult:
    """Check a string (tests, the rule examples); a path ending in .md reads it as Markdown."""
    if path.endswith((".md", ".markdown")):
        return check_document(markdown.load(path, text.encode("utf-8")), options)
    return check_document(Document(path=path, text=text), options)
