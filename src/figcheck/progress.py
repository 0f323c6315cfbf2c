"""A progress bar on standard error for a run over many inputs: files done of all, findings so far, files a
second, time left.

Shown only to a person watching: standard error is a terminal, the run is not in CI (the `CI` variable, which
GitHub Actions, GitLab and most others set), and the report does not go to that terminal — it goes to a file
(`--output`) or, as text, to a pipe. A machine format on standard output (`--format json > out.json`) keeps the
terminal silent too, as a report meant for a program. The bar is rich's, drawn on standard error and cleared
when the run ends; rich is imported only when the bar is shown.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator

from figcheck.results import FileResult

_HUMAN_FORMATS = ("text", "concise")
_FEWEST_FILES = 2


def wanted(output_format: str, output: str | None) -> bool:
    """Whether this run shows a progress bar (see the module's docstring)."""
    if os.environ.get("CI") or not _terminal(sys.stderr):
        return False
    if output is not None:
        return True
    return output_format in _HUMAN_FORMATS and not _terminal(sys.stdout)


def shown(results: Iterable[FileResult], total: int) -> Iterator[FileResult]:
    """The same results, counted on a bar as they pass."""
    if total < _FEWEST_FILES:
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("检查"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("个文件 · 发现 {task.fields[findings]} 条 · {task.fields[rate]} 个/秒 · 剩余"),
        TimeRemainingColumn(),
    )
    console = Console(file=sys.stderr)
    started, findings = time.monotonic(), 0
    with Progress(*columns, console=console, transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("", total=total, findings=0, rate="–")
        for done, result in enumerate(results, 1):
            findings += len(result.findings)
            rate = done / max(time.monotonic() - started, 1e-9)
            bar.update(task, advance=1, findings=findings, rate=f"{rate:.1f}")
            yield result


def _terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
