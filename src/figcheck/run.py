"""One run of `figcheck check`: inputs, configuration, parallel checking, baselines and diffs.

Each input is checked in a worker (`--jobs N`, processes) and the results come back in input order,
so the output is the same whatever N is; a file that cannot be read becomes a result with `error`
set and never stops the others.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from figcheck import patterns, rulebook
from figcheck.config import Config
from figcheck.load import STDIN, iter_inputs
from figcheck.options import Options
from figcheck.pipeline import check_path, check_text
from figcheck.results import INTERNAL_ERROR, TIMED_OUT, FileResult
from figcheck.suppress import apply_config

if TYPE_CHECKING:
    from figcheck.store import Store


@dataclass(frozen=True)
class Settings:
    """What a worker needs to check a file the way the main process would (sent to each worker)."""

    options: Options = Options()
    timeout: float = 0  # seconds per file; 0: none
    debug: bool = False  # let internal errors raise, with their traceback


def options_of(config: Config) -> Options:
    """The checking options a configuration asks for; reads the user's rule directories now, so a
    malformed rule file stops the run before any output (RuleFileError)."""
    return Options(rulebook.open_rulebook(config.rules), config.accept_truncation)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def _check(job: tuple[str, Settings]) -> FileResult:
    """Check one input; a time-out or an internal error becomes an answer for that input only."""
    path, settings = job
    timed = settings.timeout > 0 and hasattr(signal, "setitimer")
    if timed:
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    try:
        return check_path(path, settings.options)
    except _Timeout:
        return FileResult(
            path, None, error=f"检查超时（超过 {settings.timeout:g} 秒，可用 --timeout 调整）", failure=TIMED_OUT
        )
    except RecursionError:
        return FileResult(path, None, error="文件结构嵌套过深，无法处理")
    except MemoryError:
        return FileResult(path, None, error="内存不足，无法处理此文件")
    except Exception as exc:  # noqa: BLE001 — any bug must not hide the other inputs
        if settings.debug:
            raise
        return FileResult(
            path,
            None,
            error=f"内部错误：{type(exc).__name__}: {exc}（用 --debug 查看详情，并请报告此问题）",
            failure=INTERNAL_ERROR,
        )
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)


# A passage that makes every stage read its rules and compile its patterns.
_WARM_UP = "全年受理申请1620件，其中区县受理1207件，占74.5%，比上年增长5.2%。"


def _check_timed(job: tuple[str, Settings]) -> tuple[FileResult, float]:
    """The result and the seconds its check took (the results store records them)."""
    started = time.perf_counter()
    result = _check(job)
    return result, time.perf_counter() - started


def _check_packed(job: tuple[str, Settings]) -> bytes:
    """A worker's answer as compressed bytes: the document's text is most of a result, and compressed it
    ships back in 2.4 times fewer bytes (7.3 MB → 3.0 MB for the corpus reports) for a 4% longer check."""
    import pickle
    import zlib

    return zlib.compress(pickle.dumps(_check_timed(job), protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> tuple[FileResult, float]:
    import pickle  # only a run with workers ships results
    import zlib

    return pickle.loads(zlib.decompress(packed))


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
):
    """Results one by one, in input order: a run over 10,000 files never holds them all. With a results `store`,
    an input it holds a result of (same content, figcheck version and rules) is not checked again, and every
    new result is recorded as soon as it arrives."""
    settings = Settings(options or options_of(config), timeout, debug)
    files = inputs(paths, config)
    if store is None:
        results = (result for result, _ in checked(files, settings, jobs))
    else:
        results = store.through(files, settings, lambda todo: checked(todo, settings, jobs))
    for result in results:
        yield apply_config(result, config)


def checked(files: list[str], settings: Settings, jobs: int) -> Iterator[tuple[FileResult, float]]:
    """Each input's result, unfiltered, with the seconds its check took, in input order."""
    if jobs > 1 and len(files) > 1 and STDIN not in files:
        from concurrent.futures import ProcessPoolExecutor  # multiprocessing, sockets, logging: only for a pool

        workers = min(jobs, len(files))
        check_text(_WARM_UP, options=settings.options)  # rules read and patterns compiled once, before the fork
        # small chunks keep both workers busy to the end of a short run; larger ones save round trips on a long one
        chunk = max(1, min(8, len(files) // (workers * 16)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for packed in pool.map(_check_packed, [(path, settings) for path in files], chunksize=chunk):
                yield unpack(packed)
    else:
        for path in files:
            yield _check_timed((path, settings))


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
