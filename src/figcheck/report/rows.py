"""The rows of one result's relations — failed, passed, undecided — for the results store's `findings` table and
the CSV report: one row per relation, for analysis in SQL or a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterator

from figcheck.findings import Finding
from figcheck.report import message, severity
from figcheck.results import FileResult

FINDING_COLUMNS = (
    "code",
    "severity",
    "outcome",
    "line",
    "column",
    "location",
    "stated",
    "computed",
    "unit",
    "formula",
    "message",
    "typo",
    "typo_value",
)


def finding_rows(result: FileResult, lang: str = "zh") -> Iterator[tuple]:
    """One row per failed, passed or undecided relation, in FINDING_COLUMNS order, the message in `lang`."""
    for _, row in relation_rows(result, lang):
        yield row


def relation_rows(result: FileResult, lang: str = "zh") -> Iterator[tuple[Finding, tuple]]:
    """Each relation with its row (finding_rows)."""
    if result.document is None:
        return
    document = result.document
    for finding in sorted(result.results + result.undecided, key=lambda finding: (finding.start, finding.code)):
        line, column = document.line_col(finding.start)
        params = dict(finding.params)
        yield (
            finding,
            (
                finding.code,
                severity(finding),
                _outcome(finding),
                line,
                column,
                document.locate(finding.start),
                finding.stated.value_text,
                finding.computed,
                finding.stated.unit,
                finding.formula,
                message(finding, lang),
                params.get("typo"),
                params.get("typo_value"),
            ),
        )


# For a relation across documents (FC309), the other document's figure; empty for every other relation.
ELSEWHERE_COLUMNS = ("other_path", "other_line", "other_column", "other_location", "other_figure")


def elsewhere_row(finding: Finding) -> tuple:
    other = finding.elsewhere
    if other is None:
        return ("",) * len(ELSEWHERE_COLUMNS)
    return other.path, other.line, other.column, other.locator, other.text


def _outcome(finding: Finding) -> str:
    if finding.undecided:
        return "undecided"
    return "passed" if finding.passed else "failed"
