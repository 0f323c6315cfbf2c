"""`--jobs N`: the inputs checked in N local processes, the results in input order, a dying worker survived.

A worker process can die under a check — the system's out-of-memory killer, or a crash in a reader's C code on
a malformed PDF — and Python then breaks the whole pool. The run goes on: the first input not yet answered is
checked once more, alone, in a process of its own; if that process dies too, the input is recorded as `worker
died` and the run goes on after it; if it answers, it was not the one, and the pool starts again after it. The
run ends with the count on standard error when any worker died.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from figcheck.pipeline import check_text
from figcheck.results import WORKER_DIED, FileResult
from figcheck.worker import WARM_UP, Settings, check_packed, unpack

Answer = tuple[FileResult, float]
DIED = "检查此文件时工作进程退出了两次（文件可能触发了崩溃，或内存不足）"


def pool_results(files: list[str], settings: Settings, jobs: int) -> Iterator[Answer]:
    """Each input's result and seconds, in input order, from `jobs` worker processes."""
    from concurrent.futures.process import BrokenProcessPool  # multiprocessing: only for a pool

    check_text(WARM_UP, options=settings.options)  # rules read and patterns compiled once, before the fork
    done, breaks, died = 0, 0, 0
    while done < len(files):
        try:
            for answer in _mapped(files[done:], settings, jobs):
                done += 1
                yield answer
        except BrokenProcessPool:
            breaks += 1
            answer = _alone(files[done], settings)
            died += answer[0].status == WORKER_DIED
            done += 1
            yield answer
    if breaks:
        print(
            f"工作进程退出 {breaks} 次；{died} 个文件单独重试后仍使其退出，记为 worker died "
            f"({breaks} worker deaths; {died} files killed a worker again when checked alone)",
            file=sys.stderr,
        )


def _mapped(files: list[str], settings: Settings, jobs: int) -> Iterator[Answer]:
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, len(files))
    # small chunks keep both workers busy to the end of a short run; larger ones save round trips on a long one
    chunk = max(1, min(8, len(files) // (workers * 16)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for packed in pool.map(check_packed, [(path, settings) for path in files], chunksize=chunk):
            yield unpack(packed)


def _alone(path: str, settings: Settings) -> Answer:
    """One input checked in a process of its own: its answer, or `worker died` if that process dies too."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return unpack(pool.submit(check_packed, (path, settings)).result())
    except BrokenProcessPool:
        return FileResult(path, None, error=DIED, failure=WORKER_DIED), 0.0
