"""`figcheck check PATH… --scheduler tcp://HOST:8786`: the inputs checked on a Dask distributed cluster.

Dask (`pip install 'figcheck[dask]'`) is imported only here, only when --scheduler is given. The client reads
each input and ships its bytes inside the task, with the user's --rules files; with --shared-fs the workers read
the paths (and the rule directories) themselves from storage they share with the client. Inside the task, not
scattered to one worker: the scheduler keeps what it needs to run the task again when the worker running it
dies, where data held only by the dead worker would be lost with it. Inputs go in batches of up to 32 inputs or
4 MB a task (a task costs the scheduler about a millisecond, more than a short report's check), at most two
batches per worker thread in flight, so the client's memory does not grow with the archive. Results come back
compressed and are yielded in input order, so the output is the same as a local run's.

Faults. A worker process that dies is replaced by its nanny and Dask runs its tasks again elsewhere, up to the
scheduler's `distributed.scheduler.allowed-failures` (default 3; set it to 1 for a single retry); a batch that
killed workers that often is sent again input by input, and the input that kills its worker again is recorded as
`worker died`. A file that times out is sent once more, to another
worker if there is one, and recorded as timed out if it times out again. The run ends with the count of each on
standard error.

Starting a cluster (figcheck[dask] installed on every machine, the same version as the client):

    dask scheduler                                             # on one machine; listens on tcp://HOST:8786
    dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1      # on each machine: 4 processes of one thread
    figcheck check archive/ --scheduler tcp://HOST:8786 --store results.sqlite
"""

from __future__ import annotations

import itertools
import sys
from collections import deque
from collections.abc import Iterator
from typing import Any, NamedTuple

from figcheck.errors import ClusterError
from figcheck.load import STDIN, LoadError, read
from figcheck.results import TIMED_OUT, WORKER_DIED, FileResult
from figcheck.worker import Settings, check_batch, check_remote, rule_files, unpack

NEEDS_DASK = "需要安装 figcheck[dask] 才能使用 --scheduler：pip install 'figcheck[dask]'（缺少 dask.distributed）"
_BATCHES_PER_THREAD = 2  # batches in flight per worker thread
_BATCH_FILES, _BATCH_BYTES = 32, 4 * 1024 * 1024  # a task checks up to this many inputs, of up to this many bytes
_GRACE = 10  # seconds past twice the time limit after which a worker that has not answered is restarted

Answer = tuple[FileResult, float]


class Cluster(NamedTuple):
    """Where and how to check on a cluster: the scheduler's address, and whether workers read the inputs."""

    address: str
    shared_fs: bool = False


class Faults:
    """What went wrong on the cluster, counted for the run's last line."""

    def __init__(self) -> None:
        self.retried = self.timed_out = self.worker_died = 0

    def summary(self, files: int) -> str:
        return (
            f"集群：检查了 {files} 个文件；超时后重试 {self.retried} 个，仍超时 {self.timed_out} 个；"
            f"工作进程多次退出 {self.worker_died} 个 (cluster: {files} files; {self.retried} retried after a "
            f"time-out, {self.timed_out} timed out again; {self.worker_died} killed their workers)"
        )


def cluster_results(files: list[str], settings: Settings, cluster: Cluster) -> Iterator[Answer]:
    """Each input's result and seconds, in input order, checked on the cluster."""
    client = _connect(cluster.address)
    faults = Faults()
    try:
        yield from _in_order(client, files, settings, cluster, faults)
    finally:
        client.close()
        print(faults.summary(len(files)), file=sys.stderr)


def _connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(NEEDS_DASK) from None
    try:
        return Client(address, set_as_default=False)  # waits Dask's distributed.comm.timeouts.connect (30 s)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"无法连接调度器 {address}（{exc}）") from None


class _Item(NamedTuple):
    path: str
    data: bytes | None  # the bytes, or None (read by the worker)
    ready: Answer | None  # the answer already, when the client could not read the input


def _in_order(client: Any, files: list[str], settings: Settings, cluster: Cluster, faults: Faults) -> Iterator[Answer]:
    rules = rule_files(settings) if not cluster.shared_fs else ()
    window = max(4, _BATCHES_PER_THREAD * sum(client.nthreads().values()))
    batches = _batches(files, cluster)
    pending = deque(_submitted(client, batch, settings, rules) for batch in itertools.islice(batches, window))
    while pending:
        batch, future = pending.popleft()
        answers = _batch_answers(client, batch, future, settings, rules, faults)
        following = next(batches, None)
        if following is not None:
            pending.append(_submitted(client, following, settings, rules))
        yield from answers


def _batches(files: list[str], cluster: Cluster) -> Iterator[list[_Item]]:
    """The inputs read and grouped: a task per input would cost more in the scheduler than a short report's check."""
    batch: list[_Item] = []
    size = 0
    for path in files:
        item = _read(path, cluster)
        batch.append(item)
        size += len(item.data or b"")
        if len(batch) >= _BATCH_FILES or size >= _BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _read(path: str, cluster: Cluster) -> _Item:
    if path == STDIN:
        return _Item(path, sys.stdin.buffer.read(), None)
    if cluster.shared_fs:
        return _Item(path, None, None)
    try:
        return _Item(path, read(path), None)
    except LoadError as exc:
        return _Item(path, None, (FileResult(path, None, error=str(exc)), 0.0))


def _submitted(client: Any, batch: list[_Item], settings: Settings, rules: Any) -> tuple[list[_Item], Any]:
    sent = [(item.path, item.data) for item in batch if item.ready is None]
    return batch, (client.submit(check_batch, sent, settings, rules, pure=False) if sent else None)


def _batch_answers(
    client: Any, batch: list[_Item], future: Any, settings: Settings, rules: Any, faults: Faults
) -> list[Answer]:
    """The batch's answers in order. A batch whose worker died too often, or stuck, is sent again input by input,
    so that only the input at fault is recorded; a time-out is sent once more, to another worker."""
    packed, first = _batch_result(client, future, settings.timeout * sum(item.ready is None for item in batch))
    answers = iter(packed) if packed is not None else None
    out = []
    for item in batch:
        if item.ready is not None:
            out.append(item.ready)
            continue
        if answers is not None:
            answer = unpack(next(answers))
        else:
            answer = _wait(client, item.path, _single(client, item, settings, rules), settings.timeout)
        out.append(_settled(client, item, answer, first, settings, rules, faults))
    return out


def _batch_result(client: Any, future: Any, timeout: float) -> tuple[list[bytes] | None, tuple]:
    """(the packed answers, the worker that gave them), or (None, ()) when the batch must be sent input by input."""
    if future is None:
        return [], ()
    packed, failure = _outcome(client, future, timeout)
    if failure:
        return None, ()
    return packed, tuple(client.who_has([future]).get(future.key, ()))


def _single(client: Any, item: _Item, settings: Settings, rules: Any, workers: list[str] | None = None) -> Any:
    return client.submit(
        check_remote,
        item.path,
        settings,
        rules,
        item.data,
        pure=False,
        workers=workers,
        allow_other_workers=not workers,
    )


def _settled(
    client: Any, item: _Item, answer: Answer, first: tuple, settings: Settings, rules: Any, faults: Faults
) -> Answer:
    """An answer after its one retry: a time-out is sent once more, to another worker where there is one."""
    if answer[0].status != TIMED_OUT:
        faults.worker_died += answer[0].status == WORKER_DIED
        return answer
    faults.retried += 1
    others = [worker for worker in client.nthreads() if worker not in first] or None
    answer = _wait(client, item.path, _single(client, item, settings, rules, others), settings.timeout)
    faults.timed_out += answer[0].status == TIMED_OUT
    faults.worker_died += answer[0].status == WORKER_DIED
    return answer


def _wait(client: Any, path: str, future: Any, timeout: float) -> Answer:
    """One input's answer, or its failure as its result."""
    packed, failure = _outcome(client, future, timeout)
    if failure == TIMED_OUT:
        error = f"检查超时（超过 {timeout:g} 秒；工作进程未能停下，已重启）"
        return FileResult(path, None, error=error, failure=TIMED_OUT), timeout
    if failure == WORKER_DIED:
        error = "检查此文件时工作进程多次退出（文件可能触发了崩溃，或内存不足）"
        return FileResult(path, None, error=error, failure=WORKER_DIED), 0.0
    return unpack(packed)


def _outcome(client: Any, future: Any, timeout: float) -> tuple[Any, str]:
    """(the task's value, "") or (None, TIMED_OUT | WORKER_DIED). A worker stops a check at its time limit
    (figcheck.deadline); one that has not answered well after `timeout` for each of the task's inputs — stuck in
    one long call into C — is restarted. A lost connection ends the run (ClusterError)."""
    from distributed import KilledWorker

    try:
        return future.result(timeout=timeout * 2 + _GRACE if timeout else None), ""
    except TimeoutError:
        if not timeout:
            raise ClusterError("与集群的连接超时") from None
        _restart_stuck(client, future)
        return None, TIMED_OUT
    except KilledWorker:
        return None, WORKER_DIED
    except OSError as exc:
        raise ClusterError(f"与集群的连接中断（{exc}）；已完成的结果若用 --store 记录，可重新运行继续") from None


def _restart_stuck(client: Any, future: Any) -> None:
    stuck = [worker for worker, keys in client.processing().items() if future.key in keys]
    client.cancel([future])
    if stuck:
        client.restart_workers(stuck)
