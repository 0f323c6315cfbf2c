"""The JSON report: a public contract, documented in README.md. Change it only by adding fields."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import IO, Any

from figcheck import __version__, patterns
from figcheck.checks.tolerance import describe
from figcheck.document import Document
from figcheck.figures import Figure
from figcheck.figures.numerals import format_decimal, scale_of
from figcheck.findings import Elsewhere, Finding
from figcheck.notices import notice_text
from figcheck.registry import rule
from figcheck.report import (
    Options,
    Tally,
    Unverified,
    message,
    severity,
    suggestion,
    tallied,
    unverifiable_reason,
    unverified,
)
from figcheck.results import FileResult


def finding_dict(finding: Finding, document: Document, lang: str) -> dict[str, Any]:
    line, column = document.line_col(finding.start)
    entry = {
        "code": finding.code,
        "rule": rule(finding.code).name,
        "severity": severity(finding),
        "message": message(finding, lang),
        "line": line,
        "column": column,
        "start": finding.start,
        "end": finding.end,
        "location": document.locate(finding.start),
        "stated": finding.stated.value_text,
        "computed": finding.computed,
        "computed_value": computed_value(finding.computed),
        "unit": finding.stated.unit,
        "formula": finding.formula,
        "allowance": finding.allowance or None,
        "undecided": finding.undecided or None,
        "suggestion": suggestion(finding, lang) or None,
        "tolerance": describe(finding.stated),
        "figures": [
            {
                "text": i.figure.raw,
                "value": i.figure.value_text,
                "unit": i.figure.unit,
                "role": i.role,
                "start": i.figure.start,
                "end": i.figure.end,
            }
            for i in finding.figures
        ],
    }
    if finding.elsewhere is not None:  # only on a relation across documents (FC309): added, not changed
        entry["elsewhere"] = elsewhere_dict(finding.elsewhere)
    return entry


def elsewhere_dict(other: Elsewhere) -> dict[str, Any]:
    """The other document's figure: its path, the item's name there, the figure as written, where it stands."""
    return {
        "path": other.path,
        "label": other.label,
        "text": other.text,
        "line": other.line,
        "column": other.column,
        "start": other.start,
        "end": other.end,
        "location": other.locator,
    }


_SHOWN = patterns.compile(r"\s*([−-]?\d+(?:\.\d+)?)([万亿]*)[^\d~]*")


def computed_value(shown: str) -> str | None:
    """`computed` in the form of `stated`: an exact decimal in the figure's base unit, without the unit or scale
    word (「555.6亿」 → 55560000000, 「18.093%」 → 18.093), `lo~hi` for a range; None when it is no number."""
    values = []
    for part in shown.split("~"):
        found = _SHOWN.fullmatch(part)
        if found is None:
            return None
        scale, _ = scale_of(found.group(2))
        values.append(format_decimal(Decimal(found.group(1).replace("−", "-")) * scale))
    return "~".join(values)


def figure_dict(figure: Figure, document: Document) -> dict[str, Any]:
    line, column = document.line_col(figure.start)
    return {
        "text": figure.raw,
        "value": figure.value_text,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "start": figure.start,
        "end": figure.end,
        "line": line,
        "column": column,
    }


def file_entry(result: FileResult, options: Options) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": result.path, "error": result.error, "findings": []}
    entry["coverage"] = {
        "verified": len(result.passed),
        "failed": sum(1 for f in result.findings if severity(f) in ("error", "warning")),
        "unverifiable": result.unverifiable,
        "undecided": len(result.undecided),
    }
    if result.document is not None:
        entry["notices"] = [notice_text(key, options.lang) for key in result.document.notices]
        entry["findings"] = [finding_dict(f, result.document, options.lang) for f in result.findings]
        if options.show_passed:
            entry["passed"] = [finding_dict(f, result.document, options.lang) for f in result.passed]
            entry["undecided"] = [finding_dict(f, result.document, options.lang) for f in result.undecided]
        if options.show_unverifiable:
            entry["unverifiable_statements"] = [
                unverified_dict(item, result.document, options.lang) for item in unverified(result)
            ]
    elif options.show_passed:
        entry["passed"] = entry["undecided"] = []
    return entry


def unverified_dict(item: Unverified, document: Document, lang: str) -> dict[str, Any]:
    """A statement nothing verified: its figure, where it is, and why (`reason` a stable key, `why` the words)."""
    line, column = document.line_col(item.start)
    return {
        "figure": item.raw,
        "start": item.start,
        "end": item.end,
        "line": line,
        "column": column,
        "location": document.locate(item.start),
        "reason": item.reason.partition("=")[0],
        "why": unverifiable_reason(item.reason, lang),
    }


def summary(tally: Tally) -> dict[str, Any]:
    return {
        "files": tally.files,
        "findings": tally.findings,
        "unreadable": tally.errors,
        "errors": tally.errors,  # the old name of `unreadable`, kept through 0.2.x (README, Changes)
        "passed": tally.passed,
        "by_severity": dict(tally.by_severity),
        "verified": tally.passed,
        "failed": tally.by_severity["error"] + tally.by_severity["warning"],
        "unverifiable": tally.unverifiable,
    }


def check_report(results, options: Options) -> dict[str, Any]:
    """The whole report; reads `results` once (a stream is fine: only small entries are kept)."""
    tally = Tally()
    files = [file_entry(result, options) for result in tallied(results, tally)]
    return {"version": __version__, "files": files, "summary": summary(tally)}


def figures_report(results: list[FileResult]) -> dict[str, Any]:
    files = [
        {
            "path": r.path,
            "error": r.error,
            "figures": [figure_dict(f, r.document) for f in r.figures] if r.document is not None else [],
        }
        for r in results
    ]
    summary = {
        "files": len(results),
        "figures": sum(len(r.figures) for r in results),
        "unreadable": sum(1 for r in results if r.error),
        "errors": sum(1 for r in results if r.error),  # the old name of `unreadable`, kept through 0.2.x
    }
    return {"version": __version__, "files": files, "summary": summary}


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    json.dump(check_report(results, options), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_figures(results: list[FileResult], out: IO[str]) -> None:
    json.dump(figures_report(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
