"""The results store's `findings` rows of one result: every relation checked, for analysis in SQL or a CSV."""

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


def finding_rows(result: FileResult) -> Iterator[tuple]:
    """One row per failed, passed or undecided relation, in FINDING_COLUMNS order."""
    if result.document is None:
        return
    document = result.document
    for finding in sorted(result.results + result.undecided, key=lambda finding: (finding.start, finding.code)):
        line, column = document.line_col(finding.start)
        params = dict(finding.params)
        yield (
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
            message(finding, "zh"),
            params.get("typo"),
            params.get("typo_value"),
        )


def _outcome(finding: Finding) -> str:
    if finding.undecided:
        return "undecided"
    return "passed" if finding.passed else "failed"
