"""Baselines: findings recorded in a file are not reported again; entries that no longer match
anything are reported as notes (FC702) so the baseline does not rot."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from figcheck import __version__
from figcheck.config import Config
from figcheck.fingerprint import context, key
from figcheck.suppress import UNUSED_DIRECTIVE, note

STALE_BASELINE_ENTRY = "FC702"


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
        if finding.code not in (UNUSED_DIRECTIVE, STALE_BASELINE_ENTRY)
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
            if path == result.path and config.reports(STALE_BASELINE_ENTRY, result.path):
                params = {"code": entry["code"], "figure": entry.get("figure", ""), "key": entry["key"]}
                kept.append(note(STALE_BASELINE_ENTRY, 0, 0, "", params))
                del remaining[(path, entry["key"])]
        yield dataclasses.replace(result, results=tuple(kept))
