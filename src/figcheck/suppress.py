"""What is not reported: codes the configuration leaves out, and findings under an inline directive.
A directive that suppresses nothing is reported as a note (FC701) so it does not rot; one that names a code no
rule has (FC1O1 for FC101) is reported as FC703, which makes the run a usage error: it would otherwise hide
nothing and say so only as a note. Baselines (findings recorded in a file) are in baseline.py."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from figcheck.config import Config, nearest_code
from figcheck.document import Directive
from figcheck.figures import Figure
from figcheck.findings import Finding, Involved
from figcheck.registry import codes
from figcheck.results import FileResult

UNUSED_DIRECTIVE = "FC701"
UNKNOWN_CODE = "FC703"


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
        covering = [index for index, directive in enumerate(directives) if _covers(directive, finding)]
        if covering and not finding.passed:
            for index in covering:
                used[index] = True
            continue
        kept.append(finding)
    known = list(codes())
    for index, directive in enumerate(directives):
        unknown = [code for code in directive.codes if not any(real.startswith(code) for real in known)]
        if unknown:
            nearest = "、".join(nearest_code(code, known) for code in unknown)
            params = {"codes": " ".join(unknown), "nearest": nearest}
            kept.append(note(UNKNOWN_CODE, directive.at, directive.at_end, directive.text, params))
        elif not used[index]:
            written = " ".join(directive.codes) or "*"
            kept.append(note(UNUSED_DIRECTIVE, directive.at, directive.at_end, directive.text, {"codes": written}))
    return dataclasses.replace(result, results=tuple(kept))


def suppress_added(result: FileResult, added: list[Finding]) -> tuple[FileResult, list[Finding]]:
    """Findings added to a result after its directives were applied (across years, years/link.py): those a
    directive covers are dropped, and the directive is no longer reported unused."""
    directives = result.document.directives if result.document is not None else ()
    kept, used = [], set()
    for finding in added:
        covering = [d for d in directives if _covers(d, finding)]
        if covering and not finding.passed:
            used.update(d.at for d in covering)
            continue
        kept.append(finding)
    if not used:
        return result, kept
    stale = tuple(f for f in result.results if not (f.code == UNUSED_DIRECTIVE and f.start in used))
    return dataclasses.replace(result, results=stale), kept


def _covers(directive: Directive, finding: Finding) -> bool:
    return directive.start <= finding.start < directive.end and (
        not directive.codes or finding.code.startswith(directive.codes)
    )


def apply_config(result: FileResult, config: Config) -> FileResult:
    """Drop the codes the configuration does not report (select, ignore, per-file ignores)."""
    if result.document is None:
        return result
    kept = tuple(f for f in result.results if config.reports(f.code, result.path))
    return dataclasses.replace(result, results=kept)
