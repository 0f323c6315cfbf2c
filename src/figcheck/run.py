"""One run of `figcheck check`: inputs, configuration, parallel checking, baselines and diffs.

Each input is checked in a worker (`--jobs N`, processes) and the results come back in input order,
so the output is the same whatever N is; a file that cannot be read becomes a result with `error`
set and never stops the others.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from figcheck import patterns, rulebook
from figcheck.config import Config
from figcheck.load import STDIN, iter_inputs
from figcheck.options import Options
from figcheck.results import FileResult
from figcheck.suppress import apply_config
from figcheck.worker import Settings, check_timed
from figcheck.years.link import Ledger, linked

if TYPE_CHECKING:
    from figcheck.cluster import Cluster
    from figcheck.store.database import Store


def options_of(config: Config) -> Options:
    """The checking options a configuration asks for; reads the user's rule directories now, so a
    malformed rule file stops the run before any output (RuleFileError)."""
    return Options(rulebook.open_rulebook(config.rules), config.accept_truncation)


def inputs(paths: list[str], config: Config) -> list[str]:
    """The files to check: directories walked, excluded paths left out (paths named explicitly stay)."""
    named = set(paths)
    return [path for path in iter_inputs(paths) if path in named or path == STDIN or not config.excluded(path)]


def check_all(
    paths: list[str], config: Config, jobs: int = 1, timeout: float = 0, debug: bool = False
) -> list[FileResult]:
    return list(check_iter(paths, config, jobs, timeout, debug))


def check_iter(
    paths: list[str],
    config: Config,
    jobs: int = 1,
    timeout: float = 0,
    debug: bool = False,
    options: Options | None = None,
    store: Store | None = None,
    cluster: Cluster | None = None,
    progress: bool = False,
):
    """Results one by one, in input order: a run over 10,000 files never holds them all. With a results `store`,
    an input it holds a result of (same content, figcheck version and rules) is not checked again, and every
    new result is recorded as soon as it arrives. With a `cluster`, the inputs are checked there (cluster.py); with
    `progress`, a bar on standard error counts them (progress.py)."""
    settings = Settings(options or options_of(config), timeout, debug)
    files = inputs(paths, config)
    if store is None:
        results = (result for result, _ in checked(files, settings, jobs, cluster))
    else:
        results = store.through(files, settings, lambda todo: checked(todo, settings, jobs, cluster))
    # across years: against the earlier documents of the run, and of the store (years/link.py)
    ledger = Ledger(store.year_facts if store is not None else None)
    results = linked(results, ledger, settings.options.accept_truncation)
    results = (apply_config(result, config) for result in results)
    if progress:
        from figcheck.progress import shown

        results = shown(results, len(files))
    yield from results


def checked(
    files: list[str], settings: Settings, jobs: int, cluster: Cluster | None = None
) -> Iterator[tuple[FileResult, float]]:
    """Each input's result, unfiltered, with the seconds its check took, in input order."""
    if cluster is not None:
        from figcheck.cluster import cluster_results  # dask: only when asked

        yield from cluster_results(files, settings, cluster)
    elif jobs > 1 and len(files) > 1 and STDIN not in files:
        from figcheck.pool import pool_results  # multiprocessing, sockets, logging: only for a pool

        yield from pool_results(files, settings, jobs)
    else:
        for path in files:
            yield check_timed((path, settings))


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class DiffError(Exception):
    pass


def verify_ref(ref: str, paths: list[str]) -> None:
    """Fail early, before any output, when `ref` is not a revision of the checked files' repository."""
    start = os.path.abspath(next((p for p in paths if p != STDIN), "."))
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    try:
        subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
            cwd=directory,
            capture_output=True,
            check=True,
            timeout=30,
        )
    except FileNotFoundError:
        raise DiffError("--diff 需要 git，但找不到 git 命令") from None
    except subprocess.CalledProcessError:
        raise DiffError(f"--diff {ref}：不是这个 git 仓库中的版本") from None


_HUNK = patterns.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", regex.MULTILINE)


def changed_lines(path: str, ref: str) -> set[int]:
    """Line numbers of `path` added or changed since `ref`, from `git diff`."""
    absolute = os.path.abspath(path)
    directory = os.path.dirname(absolute)
    try:
        diff = subprocess.run(
            ["git", "diff", "--unified=0", "--no-color", ref, "--", absolute],
            cwd=directory,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except FileNotFoundError:
        raise DiffError("--diff 需要 git，但找不到 git 命令") from None
    except subprocess.CalledProcessError as exc:
        raise DiffError(f"git diff {ref} 失败：{exc.stderr.strip() or exc}") from None
    lines: set[int] = set()
    for hunk in _HUNK.finditer(diff):
        start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def only_changed(results, ref: str):
    """Keep the findings on lines changed since `ref` (text and Markdown files)."""
    for result in results:
        if result.document is None or result.path == STDIN:
            yield result
            continue
        changed = changed_lines(result.path, ref)
        kept = tuple(f for f in result.results if result.document.line_col(f.start)[0] in changed)
        yield replace(result, results=kept)
