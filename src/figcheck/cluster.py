"""`figcheck check PATH… --scheduler tcp://HOST:8786`: the inputs checked on a Dask distributed cluster.

Dask (`pip install 'figcheck[dask]'`) is imported only here, only when --scheduler is given. The client reads
each input and ships its bytes inside the task, with the user's --rules files; with --shared-fs the workers read
the paths (and the rule directories) themselves from storage they share with the client. Inside the task, not
scattered to one worker: the scheduler keeps what it needs to run the task again when the worker running it
dies, where data held only by the dead worker would be lost with it. Results come back
compressed and are yielded in input order, so the output is the same as a local run's. At most a few tasks per
worker thread are in flight, so the client's memory does not grow with the archive.

Faults. A worker process that dies is replaced by its nanny and Dask runs its tasks again elsewhere, up to the
scheduler's `distributed.scheduler.allowed-failures` (default 3; set it to 1 for a single retry); a task that
killed workers that often is recorded as `worker died`. A file that times out is sent once more, to another
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
from figcheck.worker import Settings, check_remote, rule_files, unpack

NEEDS_DASK = "需要安装 figcheck[dask] 才能使用 --scheduler：pip install 'figcheck[dask]'（缺少 dask.distributed）"
_IN_FLIGHT_PER_THREAD = 4
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


class _Task(NamedTuple):
    path: str
    data: bytes | None  # the bytes, or None (read by the worker)
    answer: Any  # the task's future, or the answer itself when the client could not read the input


def _in_order(client: Any, files: list[str], settings: Settings, cluster: Cluster, faults: Faults) -> Iterator[Answer]:
    rules = rule_files(settings) if not cluster.shared_fs else ()
    window = max(8, _IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
    queue = iter(files)
    pending = deque(_send(client, path, settings, rules, cluster) for path in itertools.islice(queue, window))
    while pending:
        task = pending.popleft()
        answer = task.answer if isinstance(task.answer, tuple) else _answer(client, task, settings, rules, faults)
        following = next(queue, None)
        if following is not None:
            pending.append(_send(client, following, settings, rules, cluster))
        yield answer


def _send(client: Any, path: str, settings: Settings, rules: Any, cluster: Cluster) -> _Task:
    data = None
    if path == STDIN:
        data = sys.stdin.buffer.read()
    elif not cluster.shared_fs:
        try:
            data = read(path)
        except LoadError as exc:
            return _Task(path, None, (FileResult(path, None, error=str(exc)), 0.0))
    return _Task(path, data, client.submit(check_remote, path, settings, rules, data, pure=False))


def _answer(client: Any, task: _Task, settings: Settings, rules: Any, faults: Faults) -> Answer:
    """The task's answer; a time-out is sent once more, to another worker where there is one."""
    answer = _wait(client, task, settings.timeout)
    if answer[0].status != TIMED_OUT:
        faults.worker_died += answer[0].status == WORKER_DIED
        return answer
    faults.retried += 1
    others = [
        worker for worker in client.nthreads() if worker not in client.who_has([task.answer]).get(task.answer.key, ())
    ]
    again = client.submit(
        check_remote,
        task.path,
        settings,
        rules,
        task.data,
        pure=False,
        workers=others or None,
        allow_other_workers=not others,
    )
    answer = _wait(client, task._replace(answer=again), settings.timeout)
    faults.timed_out += answer[0].status == TIMED_OUT
    faults.worker_died += answer[0].status == WORKER_DIED
    return answer


def _wait(client: Any, task: _Task, timeout: float) -> Answer:
    """The task's answer. A worker stops a check at its time limit (figcheck.deadline); one that has not answered
    well after it — stuck in one long call into C — is restarted, and the input recorded as timed out."""
    from distributed import KilledWorker

    try:
        return unpack(task.answer.result(timeout=timeout * 2 + _GRACE if timeout else None))
    except TimeoutError:
        if not timeout:
            raise ClusterError("与集群的连接超时") from None
        stuck = [worker for worker, keys in client.processing().items() if task.answer.key in keys]
        client.cancel([task.answer])
        if stuck:
            client.restart_workers(stuck)
        error = f"检查超时（超过 {timeout:g} 秒；工作进程未能停下，已重启）"
        return FileResult(task.path, None, error=error, failure=TIMED_OUT), timeout
    except KilledWorker:
        error = "检查此文件时工作进程多次退出（文件可能触发了崩溃，或内存不足）"
        return FileResult(task.path, None, error=error, failure=WORKER_DIED), 0.0
    except OSError as exc:
        raise ClusterError(f"与集群的连接中断（{exc}）；已完成的结果若用 --store 记录，可重新运行继续") from None
