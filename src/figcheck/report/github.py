"""GitHub Actions workflow commands: one annotation per finding on the pull request's lines.

::error file=report.md,line=9,col=21,endColumn=24,title=FC101 sum-mismatch::分项之和为 63 …
"""

from __future__ import annotations

from typing import IO

from figcheck.registry import rule
from figcheck.report import Options, message, severity
from figcheck.results import FileResult

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    for result in results:
        if result.error is not None:
            out.write(f"::error file={_property(result.path)},title=figcheck::{_data(result.error)}\n")
            continue
        for finding in result.findings:
            line, column = result.document.line_col(finding.start)
            _, end_column = result.document.line_col(finding.end)
            title = f"{finding.code} {rule(finding.code).name}"
            text = f"{message(finding, options.lang)}：{finding.formula}"
            place = f"line={line},col={column},endColumn={end_column},"
            if not result.document.has_lines:  # a Word draft or PDF: the file has no such line; name the paragraph
                place, text = "", f"[{result.document.locate(finding.start)}] {text}"
            out.write(
                f"::{_COMMANDS[severity(finding)]} file={_property(result.path)},{place}"
                f"title={_property(title)}::{_data(text)}\n"
            )
