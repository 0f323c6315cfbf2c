"""What is not reported: codes the configuration leaves out, and findings under an inline directive.
A directive that suppresses nothing is reported as a note (FC701) so it does not rot. Baselines
(findings recorded in a file) are in baseline.py."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from figcheck.config import Config
from figcheck.document import Directive
from figcheck.figures import Figure
from figcheck.findings import Finding, Involved
from figcheck.results import FileResult

UNUSED_DIRECTIVE = "FC701"


def note(code: str, start: int, end: int, raw: str, params: dict[str, str]) -> Finding:
    anchor = Figure(start, end, raw, Decimal(0))
    return Finding(code, False, anchor, "", raw, (Involved(anchor, "directive"),), tuple(sorted(params.items())))


def apply_directives(result: FileResult, directives: tuple[Directive, ...]) -> FileResult:
    """Drop findings under the document's own directives; note the directives that drop nothing."""
    if not directives:
        return result
    used = [False] * len(directives)
    kept = []
    for finding in result.results:
        covering = [
            index
            for index, directive in enumerate(directives)
            if directive.start <= finding.start < directive.end
            and (not directive.codes or finding.code.startswith(directive.codes))
        ]
        if covering and not finding.passed:
            for index in covering:
                used[index] = True
            continue
        kept.append(finding)
    for index, directive in enumerate(directives):
        if not used[index]:
            codes = " ".join(directive.codes) or "*"
            kept.append(note(UNUSED_DIRECTIVE, directive.at, directive.at_end, directive.text, {"codes": codes}))
    return dataclasses.replace(result, results=tuple(kept))


def apply_config(result: FileResult, config: Config) -> FileResult:
    """Drop the codes the configuration does not report (select, ignore, per-file ignores)."""
    if result.document is None:
        return result
    kept = tuple(f for f in result.results if config.reports(f.code, result.path))
    return dataclasses.replace(result, results=kept)
