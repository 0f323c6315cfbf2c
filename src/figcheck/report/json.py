"""The JSON report: a public contract, documented in README.md. Change it only by adding fields."""

from __future__ import annotations

import json
from typing import IO, Any

from figcheck import __version__
from figcheck.checks.tolerance import describe
from figcheck.document import Document
from figcheck.figures import Figure
from figcheck.findings import Finding
from figcheck.notices import notice_text
from figcheck.registry import rule
from figcheck.report import Options, Tally, message, severity, suggestion, tallied
from figcheck.results import FileResult


def finding_dict(finding: Finding, document: Document, lang: str) -> dict[str, Any]:
    line, column = document.line_col(finding.start)
    return {
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
    elif options.show_passed:
        entry["passed"] = entry["undecided"] = []
    return entry


def summary(tally: Tally) -> dict[str, Any]:
    return {
        "files": tally.files,
        "findings": tally.findings,
        "errors": tally.errors,
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
        "errors": sum(1 for r in results if r.error),
    }
    return {"version": __version__, "files": files, "summary": summary}


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    json.dump(check_report(results, options), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_figures(results: list[FileResult], out: IO[str]) -> None:
    json.dump(figures_report(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
