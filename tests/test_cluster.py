"""`figcheck check --scheduler`: the inputs checked on a Dask LocalCluster of two worker processes.

The same findings in the same order as a local run, the results store filled and resumed without the cluster,
the user's rules shipped to the workers, a killed worker's file checked again, a file that times out sent once
more, and the faults counted.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest
from typer.testing import CliRunner

from figcheck.cli import app
from figcheck.results import TIMED_OUT, WORKER_DIED

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install '.[dask]')")

import dask  # noqa: E402 — after the skip above

from figcheck import cluster as figcheck_cluster  # noqa: E402
from figcheck.cluster import Cluster, Faults, _wait, cluster_results  # noqa: E402
from figcheck.worker import Settings  # noqa: E402

runner = CliRunner()
SUM = "全年受理行政复议案件{total}件，其中维持40件、撤销12件、驳回11件。\n"
SLOW = "全年受理10件，其中甲5件、乙5件。" * 12_000  # a few seconds of checking


@pytest.fixture(scope="module")
def local_cluster():
    with dask.config.set({"distributed.scheduler.allowed-failures": 1, "distributed.worker.daemon": False}):
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        )
    yield cluster
    cluster.close()


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for number, total in enumerate((63, 64, 70, 63, 61)):
        (folder / f"{number}.txt").write_text(SUM.format(total=total), encoding="utf-8")
    (folder / "table.md").write_text(
        "| 类别 | 件数 |\n|---|---|\n| 甲 | 3 |\n| 乙 | 4 |\n| 合计 | 8 |\n", encoding="utf-8"
    )
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    return folder


def _json(*args: str) -> tuple[int, dict]:
    done = runner.invoke(app, ["check", "--format", "json", "--show-passed", *args])
    return done.exit_code, json.loads(done.stdout)


def test_the_same_findings_in_the_same_order_as_a_local_run(local_cluster, archive):
    local = _json(str(archive), "--jobs", "1")
    on_cluster = _json(str(archive), "--scheduler", local_cluster.scheduler_address)
    shared = _json(str(archive), "--scheduler", local_cluster.scheduler_address, "--shared-fs")
    assert local == on_cluster == shared
    assert local[0] == 2  # the unreadable docx
    assert [len(entry["findings"]) for entry in local[1]["files"]].count(1) >= 4


def test_a_store_is_filled_on_the_cluster_and_resumed_without_it(local_cluster, archive, tmp_path, monkeypatch):
    store = tmp_path / "results.sqlite"
    first = _json(str(archive), "--scheduler", local_cluster.scheduler_address, "--store", str(store))
    monkeypatch.setattr(figcheck_cluster, "_connect", lambda address: pytest.fail("the cluster was asked again"))
    again = _json(str(archive), "--scheduler", local_cluster.scheduler_address, "--store", str(store))
    assert first == again
    reported = runner.invoke(app, ["report", "--store", str(store), "--format", "json", "--show-passed"])
    assert json.loads(reported.stdout)["summary"] == first[1]["summary"]


def test_the_users_rules_are_shipped_to_the_workers(local_cluster, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("全年出口总额520.3亿元，进口总额310.8亿元，贸易顺差200.5亿元。\n", encoding="utf-8")
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "formulas.toml").write_text(
        '[[formula]]\nkind = "difference"\nname = "贸易顺差"\nname_en = "trade surplus"\nresult = ["贸易顺差"]\n'
        'first = ["出口"]\nsecond = ["进口"]\nexclude = []\n',
        encoding="utf-8",
    )
    local = _json(str(report), "--rules", str(rules), "--jobs", "1")
    remote = _json(str(report), "--rules", str(rules), "--scheduler", local_cluster.scheduler_address)
    assert local == remote
    assert [entry["code"] for entry in local[1]["files"][0]["findings"]] == ["FC305"]  # 520.3 − 310.8 = 209.5


def test_a_killed_workers_file_is_checked_again(local_cluster, tmp_path):
    slow = tmp_path / "slow.txt"
    slow.write_text(SLOW, encoding="utf-8")
    answers: list = []
    run = threading.Thread(
        target=lambda: answers.extend(
            cluster_results([str(slow)], Settings(), Cluster(local_cluster.scheduler_address))
        )
    )
    with distributed.Client(local_cluster.scheduler_address, set_as_default=False) as watcher:
        run.start()
        busy = _busy_worker(watcher)
        os.kill(watcher.run(os.getpid)[busy], signal.SIGKILL)
        run.join(120)
    ((result, seconds),) = answers
    assert result.error is None and len(result.passed) == 12_000
    assert seconds > 0


def test_a_file_that_times_out_is_sent_once_more_and_counted(local_cluster, tmp_path, capsys):
    slow = tmp_path / "slow.txt"
    slow.write_text(SLOW, encoding="utf-8")
    quick = tmp_path / "quick.txt"
    quick.write_text(SUM.format(total=64), encoding="utf-8")
    answers = list(
        cluster_results([str(slow), str(quick)], Settings(timeout=0.3), Cluster(local_cluster.scheduler_address))
    )
    assert [result.status for result, _ in answers] == [TIMED_OUT, "checked"]
    assert "超时后重试 1 个，仍超时 1 个" in capsys.readouterr().err


def test_a_task_that_killed_its_workers_is_recorded_as_such():
    class Killed:
        key = "check_remote-1"

        def result(self, timeout):
            raise distributed.KilledWorker("check_remote-1", "tcp://127.0.0.1:1", 1)

    result, seconds = _wait(None, "a.pdf", Killed(), 0)
    assert result.status == WORKER_DIED and "工作进程多次退出" in result.error and seconds == 0.0
    faults = Faults()
    faults.worker_died = 1
    assert "工作进程多次退出 1 个" in faults.summary(3)


def test_a_worker_stuck_past_its_time_limit_is_restarted():
    class Stuck:
        key = "check_remote-2"

        def result(self, timeout):
            assert timeout == 2 * 0.5 + 10
            raise TimeoutError

    class Client:
        cancelled, restarted = [], []

        def processing(self):
            return {"tcp://127.0.0.1:1": ("check_remote-1",), "tcp://127.0.0.1:2": ("check_remote-2",)}

        def cancel(self, futures):
            self.cancelled += futures

        def restart_workers(self, workers):
            self.restarted += workers

    client, stuck = Client(), Stuck()
    result, seconds = _wait(client, "a.pdf", stuck, 0.5)
    assert result.status == TIMED_OUT and "已重启" in result.error and seconds == 0.5
    assert client.cancelled == [stuck] and client.restarted == ["tcp://127.0.0.1:2"]


def test_an_unreachable_scheduler_is_said_in_one_line(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(SUM.format(total=63), encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        done = runner.invoke(app, ["check", str(report), "--scheduler", "tcp://127.0.0.1:9"])
    assert done.exit_code == 2 and "无法连接调度器" in done.output


def _busy_worker(client, patience: float = 60) -> str:
    """The address of the worker that is checking a file, once one is."""
    end = time.monotonic() + patience
    while time.monotonic() < end:
        for worker, keys in client.processing().items():
            if any("check_batch" in str(key) for key in keys):
                return worker
        time.sleep(0.05)
    raise AssertionError("no worker started checking")


def test_a_batch_that_killed_its_workers_is_sent_again_input_by_input():
    from figcheck.cluster import _batch_answers, _Item
    from figcheck.worker import check_packed

    class Killed:
        key = "check-killed"

        def result(self, timeout):
            raise distributed.KilledWorker(self.key, "tcp://127.0.0.1:1", 1)

    class Answered:
        key = "check-answered"

        def __init__(self, packed):
            self.packed = packed

        def result(self, timeout):
            return self.packed

    class Client:
        singles: list[str] = []

        def submit(self, function, path, settings, rules, data, **options):
            self.singles.append(path)
            return Killed() if path == "crash.txt" else Answered(check_packed((path, settings, data)))

    batch = [_Item(name, SUM.format(total=64).encode(), None) for name in ("a.txt", "crash.txt", "b.txt")]
    faults = Faults()
    answers = _batch_answers(Client(), batch, Killed(), Settings(), (), faults)
    assert [result.status for result, _ in answers] == ["checked", WORKER_DIED, "checked"]
    assert [len(result.findings) for result, _ in answers] == [1, 0, 1]
    assert Client.singles == ["a.txt", "crash.txt", "b.txt"] and faults.worker_died == 1


def test_without_dask_the_run_says_what_to_install(tmp_path, monkeypatch):
    import sys

    report = tmp_path / "r.txt"
    report.write_text(SUM.format(total=63), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)  # importing it now fails, as where it is not installed
    done = runner.invoke(app, ["check", str(report), "--scheduler", "tcp://127.0.0.1:8786"])
    assert done.exit_code == 2 and "pip install 'figcheck[dask]'" in done.output
