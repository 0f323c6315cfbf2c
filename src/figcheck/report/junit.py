"""JUnit XML for CI dashboards: one test case per input file, failing on error/warning findings."""

from __future__ import annotations

from typing import IO
from xml.etree import ElementTree as ET

from figcheck.registry import rule
from figcheck.report import Options, message, severity
from figcheck.results import FileResult


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    suite = ET.Element("testsuite", name="figcheck")
    failures = errors = 0
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="figcheck", name=result.path)
        if result.error is not None:
            errors += 1
            ET.SubElement(case, "error", message=result.error, type="unreadable").text = result.error
            continue
        failing = [f for f in result.findings if severity(f) in ("error", "warning")]
        if failing:
            failures += 1
            lines = []
            for finding in failing:
                line, column = result.document.line_col(finding.start)
                lines.append(
                    f"{result.path}:{line}:{column} {finding.code} {rule(finding.code).name} "
                    f"{message(finding, options.lang)}：{finding.formula}"
                )
            first = failing[0]
            ET.SubElement(case, "failure", message=message(first, options.lang), type=first.code).text = "\n".join(
                lines
            )
        notes = [f for f in result.findings if severity(f) == "info"]
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(f"{f.code} {message(f, options.lang)}" for f in notes)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
