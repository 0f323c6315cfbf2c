"""SARIF 2.1.0 for code-scanning tools. Columns count UTF-16 code units, the spec's default
(`columnKind: utf16CodeUnits`), so Chinese text lines up in viewers; every figure a finding involves
is a related location; `tool.driver.rules` is built from the rule registry."""

from __future__ import annotations

import json
from typing import IO, Any

from figcheck import __version__
from figcheck.document import Document
from figcheck.findings import Finding
from figcheck.fingerprint import key
from figcheck.registry import rules
from figcheck.report import Options, message, severity, suggestion
from figcheck.results import FileResult

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _utf16_column(document: Document, offset: int) -> int:
    line_start = offset - document.line_col(offset)[1] + 1
    return len(document.text[line_start:offset].encode("utf-16-le")) // 2 + 1


def _region(document: Document, start: int, end: int) -> dict[str, Any]:
    line, _ = document.line_col(start)
    end_line, _ = document.line_col(max(start, end - 1))
    return {
        "startLine": line,
        "startColumn": _utf16_column(document, start),
        "endLine": end_line,
        "endColumn": _utf16_column(document, end),
        "snippet": {"text": document.text[start:end]},
    }


def _location(path: str, document: Document, start: int, end: int) -> dict[str, Any]:
    """The file's own line and column; in a Word draft or a PDF the paragraph, cell or page instead (its
    extracted text's lines are nowhere in the file)."""
    if not document.has_lines:
        return {
            "physicalLocation": {"artifactLocation": {"uri": path}},
            "logicalLocations": [{"name": document.locate(start), "kind": "element"}],
        }
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": _region(document, start, end)}}


def _rules(lang: str) -> list[dict[str, Any]]:
    out = []
    for rule in rules().values():
        out.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.text("summary", lang)},
                "fullDescription": {"text": rule.text("what", lang)},
                "help": {"text": f"{rule.text('why', lang)}\n\n✓ {rule.example_pass}\n✗ {rule.example_fail}"},
                "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            }
        )
    return out


def _result(result: FileResult, finding: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    document = result.document
    text = message(finding, lang)
    advice = suggestion(finding, lang)
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVELS[severity(finding)],
        "message": {"text": f"{text}：{finding.formula}" + (f"（{advice}）" if advice else "")},
        "locations": [_location(result.path, document, finding.start, finding.end)],
        "relatedLocations": [
            {
                "id": number,
                "message": {"text": f"{involved.role}: {involved.figure.raw}"},
                **_location(result.path, document, involved.figure.start, involved.figure.end),
            }
            for number, involved in enumerate(finding.figures)
        ]
        + _elsewhere(finding, len(finding.figures)),
        "partialFingerprints": {"figcheck/v1": key(document, finding)},
    }


def _elsewhere(finding: Finding, number: int) -> list[dict[str, Any]]:
    """The other document's figure of a relation across documents (FC309), as one more related location."""
    other = finding.elsewhere
    if other is None:
        return []
    where: dict[str, Any] = {"artifactLocation": {"uri": other.path}}
    if not other.locator:
        where["region"] = {"startLine": other.line, "startColumn": other.column}
    location: dict[str, Any] = {"id": number, "message": {"text": f"earlier: 「{other.label}」{other.text}"}}
    location["physicalLocation"] = where
    if other.locator:
        location["logicalLocations"] = [{"name": other.locator, "kind": "element"}]
    return [location]


def report(results: list[FileResult], options: Options) -> dict[str, Any]:
    driver_rules = _rules(options.lang)
    index = {rule["id"]: number for number, rule in enumerate(driver_rules)}
    findings, notifications = [], []
    for result in results:  # once: a stream of results is fine
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{result.path}: {result.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": result.path}}}],
                }
            )
            continue
        findings += [_result(result, finding, index, options.lang) for finding in result.findings]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "figcheck",
                "version": __version__,
                "rules": driver_rules,
            }
        },
        "columnKind": "utf16CodeUnits",
        "results": findings,
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    json.dump(report(results, options), out, ensure_ascii=False, indent=2)
    out.write("\n")
