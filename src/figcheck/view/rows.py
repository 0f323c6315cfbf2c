"""The list the view shows: results turned into rows, grouped by file then by rule, and filtered.

Pure data, no terminal: the list is a sequence of entries, each a `FileHeader`, a `RuleHeader` or a `Row`
(the only entries one can select). Within a file, rules come by severity (error, warning, info) then code,
the statements that cannot be verified last; within a rule, rows come in text order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from figcheck.document import Document
from figcheck.figures import Figure
from figcheck.findings import Finding
from figcheck.registry import SEVERITIES, rule
from figcheck.report import unverified
from figcheck.results import FileResult

FINDING, PASSED, UNDECIDED, UNVERIFIED = "finding", "passed", "undecided", "unverified"
_STATUS_ORDER = (FINDING, UNDECIDED, PASSED, UNVERIFIED)


@dataclass(frozen=True, slots=True)
class Row:
    """A finding, a verified relation, an undecided one (精度不足), or a statement whose inputs the text does
    not give (`finding` None, `figure` the stated figure when known)."""

    status: str
    path: str
    document: Document = field(compare=False, repr=False)
    offset: int
    code: str = ""  # "" for a statement not verifiable: it names no rule
    severity: str = ""  # the rule's severity, "" for a statement not verifiable
    finding: Finding | None = None
    figure: Figure | None = None
    reason: str = ""  # why a statement cannot be verified (report.unverifiable_reason)

    @property
    def line(self) -> int:
        return self.document.line_col(self.offset)[0]


@dataclass(frozen=True, slots=True)
class FileHeader:
    path: str
    count: int = 0
    error: str = ""  # why the file could not be read


@dataclass(frozen=True, slots=True)
class RuleHeader:
    """A rule's rows in one file; `code` "" heads the statements that cannot be verified."""

    path: str
    code: str
    severity: str
    counts: tuple[tuple[str, int], ...]  # (status, how many), in _STATUS_ORDER


Entry = FileHeader | RuleHeader | Row


@dataclass(frozen=True, slots=True)
class Filter:
    """What the list shows: `codes` are comma-separated codes or prefixes (FC101, FC1), case ignored;
    `severity` one of SEVERITIES or "" for all. Both filter by rule, so a statement that names no rule
    (one not verifiable) is shown only while neither is set."""

    codes: str = ""
    severity: str = ""
    passed: bool = False  # show verified relations (✓)
    unverifiable: bool = False  # show undecided relations and statements not verifiable (？)

    def prefixes(self) -> tuple[str, ...]:
        return tuple(part.strip().upper() for part in self.codes.replace("，", ",").split(",") if part.strip())

    def admits(self, row: Row) -> bool:
        if row.status == PASSED and not self.passed:
            return False
        if row.status in (UNDECIDED, UNVERIFIED) and not self.unverifiable:
            return False
        if self.severity and row.severity != self.severity:
            return False
        prefixes = self.prefixes()
        return not prefixes or (bool(row.code) and row.code.upper().startswith(prefixes))


def rows_of(result: FileResult) -> Iterator[Row]:
    """Every row one result can show, in no particular order; an undecided relation is not shown a second time
    as a statement not verifiable (FileResult.unverified counts its start too)."""
    document = result.document
    if document is None:
        return
    for status, findings in ((FINDING, result.findings), (PASSED, result.passed), (UNDECIDED, result.undecided)):
        for finding in findings:
            yield Row(status, result.path, document, finding.start, finding.code, rule(finding.code).severity, finding)
    undecided = {finding.start for finding in result.undecided}
    figures = {figure.start: figure for figure in result.figures}
    for item in unverified(result):
        if item.start not in undecided:
            yield Row(UNVERIFIED, result.path, document, item.start, figure=figures.get(item.start), reason=item.reason)


def _group(row: Row) -> tuple[int, str]:
    return (SEVERITIES.index(row.severity) if row.code else len(SEVERITIES), row.code)


def _order(row: Row) -> tuple[int, str, int, int]:
    return (*_group(row), row.offset, _STATUS_ORDER.index(row.status))


def entries(results: Iterable[FileResult], keep: Filter) -> list[Entry]:
    """The list: for each file with rows to show (or that could not be read) its header, then per rule a header
    and its rows."""
    found: list[Entry] = []
    for result in results:
        if result.error is not None:
            found.append(FileHeader(result.path, error=result.error))
            continue
        rows = sorted((row for row in rows_of(result) if keep.admits(row)), key=_order)
        if not rows:
            continue
        found.append(FileHeader(result.path, len(rows)))
        for (_, code), group in itertools.groupby(rows, key=_group):
            members = list(group)
            counts = tuple(
                (status, n) for status in _STATUS_ORDER if (n := sum(1 for row in members if row.status == status))
            )
            found.append(RuleHeader(result.path, code, members[0].severity, counts))
            found.extend(members)
    return found


def selectable(found: list[Entry]) -> list[int]:
    """The indices of the rows (the headers cannot be selected)."""
    return [index for index, entry in enumerate(found) if isinstance(entry, Row)]


def place_of(found: list[Entry], row: Row | None) -> int | None:
    """Where `row` stands in the list, else the first row's place, else None (nothing to select)."""
    indices = selectable(found)
    if row is not None:
        for index in indices:
            if found[index] == row:
                return index
    return indices[0] if indices else None
