"""--statistics: how many findings of each code, most first (like ruff --statistics).

      12  FC101  error    sum-mismatch          分项之和与合计不符
       3  FC204  error    share-mismatch        所述占比与部分、整体之比不符

With --format json, a list of {"code", "name", "severity", "count", "summary"}.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import IO

from figcheck.registry import rule
from figcheck.report import Options, Tally, summary_line, tallied


def counts(results, tally: Tally) -> list[tuple[str, int]]:
    """(code, count) for every code found, most first, then by code."""
    counted = Counter(finding.code for result in tallied(results, tally) for finding in result.findings)
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))


def render(results, out: IO[str], options: Options) -> None:
    tally = Tally()
    rows = counts(results, tally)
    if options.statistics == "json":
        entries = [_entry(code, count, options.lang) for code, count in rows]
        json.dump(entries, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    width = max((len(str(count)) for _, count in rows), default=1)
    for code, count in rows:
        found = rule(code)
        out.write(
            f"{count:>{width}}  {code}  {found.severity:<7}  {found.name:<24}  {found.text('summary', options.lang)}\n"
        )
    out.write(summary_line(tally, options.lang) + "\n")


def _entry(code: str, count: int, lang: str) -> dict:
    found = rule(code)
    return {
        "code": code,
        "name": found.name,
        "severity": found.severity,
        "count": count,
        "summary": found.text("summary", lang),
    }
