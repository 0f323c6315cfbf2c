"""One input checked where it is sent — in this process, a `--jobs` worker or a Dask worker — and the answer it
sends back: a time-out or an internal error becomes that input's result and never stops the others."""

from __future__ import annotations

import dataclasses
import functools
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from figcheck.deadline import Timeout, deadline
from figcheck.options import Options
from figcheck.pipeline import check_path
from figcheck.results import INTERNAL_ERROR, TIMED_OUT, FileResult
from figcheck.rulebook import Rulebook, open_rulebook


@dataclass(frozen=True)
class Settings:
    """What a worker needs to check a file the way the main process would (sent to each worker)."""

    options: Options = Options()
    timeout: float = 0  # seconds per file; 0: none
    debug: bool = False  # let internal errors raise, with their traceback


Job = tuple[str, "Settings"] | tuple[str, "Settings", bytes]  # path, settings[, its bytes read elsewhere]


def check(job: Job) -> FileResult:
    """Check one input; a time-out or an internal error becomes an answer for that input only."""
    path, settings, *data = job
    try:
        with deadline(settings.timeout):
            return check_path(path, settings.options, *data)
    except Timeout:
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


# A passage that makes every stage read its rules and compile its patterns.
WARM_UP = "全年受理申请1620件，其中区县受理1207件，占74.5%，比上年增长5.2%。"


def check_timed(job: Job) -> tuple[FileResult, float]:
    """The result and the seconds its check took (the results store records them)."""
    started = time.perf_counter()
    result = check(job)
    return result, time.perf_counter() - started


def check_packed(job: Job) -> bytes:
    """A worker's answer as compressed bytes: the document's text is most of a result, and compressed it
    ships back in 2.4 times fewer bytes (7.3 MB → 3.0 MB for the corpus reports) for a 4% longer check."""
    import pickle
    import zlib

    return zlib.compress(pickle.dumps(check_timed(job), protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> tuple[FileResult, float]:
    import pickle  # only a run with workers ships results
    import zlib

    return pickle.loads(zlib.decompress(packed))


# The user's rule directories as shipped to a worker of a cluster with no shared storage: per directory, its
# files' names and bytes.
RuleFiles = tuple[tuple[tuple[str, bytes], ...], ...]


def rule_files(settings: Settings) -> RuleFiles:
    """The --rules directories' files, read where the run starts, to ship with each input."""
    return tuple(
        tuple((path.name, path.read_bytes()) for path in sorted(directory.glob("*.toml")))
        for directory in settings.options.book.extra_dirs
    )


def check_remote(path: str, settings: Settings, rules: RuleFiles, data: bytes | None) -> bytes:
    """A cluster's task: check one input — its bytes as shipped, or (data None) its file on storage the workers
    share — with the user's rules as shipped, and answer as check_packed."""
    if rules:
        options = dataclasses.replace(settings.options, book=_rulebook_of(rules))
        settings = dataclasses.replace(settings, options=options)
    return check_packed((path, settings) if data is None else (path, settings, data))


def check_batch(items: list[tuple[str, bytes | None]], settings: Settings, rules: RuleFiles) -> list[bytes]:
    """A cluster's task of several inputs: check_remote's answer for each, in order."""
    return [check_remote(path, settings, rules, data) for path, data in items]


@functools.cache
def _rulebook_of(rules: RuleFiles) -> Rulebook:
    """The shipped rule directories written once per worker process, and read as --rules reads them."""
    root = Path(tempfile.mkdtemp(prefix="figcheck-rules-"))
    directories = []
    for index, files in enumerate(rules):
        directory = root / str(index)
        directory.mkdir()
        for name, data in files:
            (directory / name).write_bytes(data)
        directories.append(str(directory))
    return open_rulebook(directories)
