"""What is not reported: codes the configuration leaves out, findings under an inline directive, and
findings recorded in a baseline. Directives that suppress nothing, and baseline entries that no
longer match, are reported as notes (FC701, FC702) so they do not rot."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

from figcheck import __version__
from figcheck.config import Config
from figcheck.engine import FileResult
from figcheck.figures import Figure
from figcheck.findings import Finding, Involved
from figcheck.fingerprint import context, key


def _note(code: str, start: int, end: int, raw: str, params: dict[str, str]) -> Finding:
    anchor = Figure(start, end, raw, Decimal(0))
    return Finding(code, False, anchor, "", raw, (Involved(anchor, "directive"),), tuple(sorted(params.items())))


def apply_directives(result: FileResult) -> FileResult:
    """Drop findings under the document's own directives; note the directives that drop nothing."""
    if result.document is None or not result.document.directives:
        return result
    directives = result.document.directives
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
            kept.append(_note("FC701", directive.at, directive.at_end, directive.text, {"codes": codes}))
    return dataclasses.replace(result, results=tuple(kept))


def apply_config(result: FileResult, config: Config) -> FileResult:
    """Drop the codes the configuration does not report (select, ignore, per-file ignores)."""
    if result.document is None:
        return result
    kept = tuple(f for f in result.results if config.reports(f.code, result.path))
    return dataclasses.replace(result, results=kept)


def write_baseline(results, path: str) -> int:
    """Record today's findings (reading the results once); return how many."""
    entries = [
        {
            "path": result.path,
            "code": finding.code,
            "key": key(result.document, finding),
            "figure": finding.stated.raw,
            "context": context(result.document, finding)[:60],
        }
        for result in results
        if result.document is not None
        for finding in result.findings
        if finding.code not in ("FC701", "FC702")
    ]
    Path(path).write_text(
        json.dumps({"figcheck": __version__, "findings": entries}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    return len(entries)


class BaselineError(Exception):
    pass


def read_baseline(path: str) -> list[dict[str, str]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entries = data["findings"]
        assert all({"path", "code", "key"} <= set(entry) for entry in entries)
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        raise BaselineError(f"{path}: 不是 figcheck 的基线文件（用 --write-baseline 生成）") from None
    return entries


def apply_baseline(results, entries: list[dict[str, str]], config: Config):
    """Drop findings the baseline records; note the entries nothing matched any more (FC702)."""
    remaining = {(entry["path"], entry["key"]): entry for entry in entries}
    for result in results:
        if result.document is None:
            yield result
            continue
        kept = []
        for finding in result.results:
            entry_key = (result.path, key(result.document, finding)) if not finding.passed else None
            if entry_key in remaining:
                del remaining[entry_key]
                continue
            kept.append(finding)
        for (path, _), entry in list(remaining.items()):
            if path == result.path and config.reports("FC702", result.path):
                params = {"code": entry["code"], "figure": entry.get("figure", ""), "key": entry["key"]}
                kept.append(_note("FC702", 0, 0, "", params))
                del remaining[(path, entry["key"])]
        yield dataclasses.replace(result, results=tuple(kept))
