"""JSON Lines for large runs: one finding per line (the JSON report's Finding with its `path`), and a
line `{"path": …, "error": …}` for an input that could not be read. Passed relations only with
--show-passed, marked `"passed": true`."""

from __future__ import annotations

import json
from typing import IO

from figcheck.report import Options
from figcheck.report.json import finding_dict
from figcheck.results import FileResult


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    for result in results:
        if result.error is not None:
            out.write(json.dumps({"path": result.path, "error": result.error}, ensure_ascii=False) + "\n")
            continue
        shown = list(result.findings) + (list(result.passed) if options.show_passed else [])
        for finding in shown:
            entry = {"path": result.path, **finding_dict(finding, result.document, options.lang)}
            if finding.passed:
                entry["passed"] = True
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
