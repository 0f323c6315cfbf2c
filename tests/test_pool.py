"""--jobs: a worker process that dies under a check does not end the run (figcheck/pool.py)."""

from __future__ import annotations

import os

from figcheck import worker
from figcheck.pool import pool_results
from figcheck.results import WORKER_DIED
from figcheck.worker import Settings

SUM = "全年受理行政复议案件{total}件，其中维持40件、撤销12件、驳回11件。\n"


def _files(tmp_path, names):
    paths = []
    for number, name in enumerate(names):
        path = tmp_path / name
        path.write_text(SUM.format(total=63 + number % 2), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_file_that_kills_its_worker_twice_is_recorded_and_the_run_goes_on(tmp_path, monkeypatch, capsys):
    original = worker.check_path

    def crash(path, options, *data):  # the workers are forked: they inherit this
        if path.endswith("crash.txt"):
            os._exit(9)
        return original(path, options, *data)

    monkeypatch.setattr(worker, "check_path", crash)
    names = [f"{number:02}.txt" for number in range(12)]
    names.insert(5, "crash.txt")
    answers = list(pool_results(_files(tmp_path, names), Settings(), 2))
    assert [os.path.basename(result.path) for result, _ in answers] == names  # in input order, every one
    statuses = {os.path.basename(result.path): result.status for result, _ in answers}
    assert statuses.pop("crash.txt") == WORKER_DIED
    assert set(statuses.values()) == {"checked"}
    assert sum(len(result.findings) for result, _ in answers) == 5  # the odd places but the crash: all there
    assert "worker died" in capsys.readouterr().err


def test_a_file_whose_worker_died_once_is_answered_when_checked_alone(tmp_path, monkeypatch, capsys):
    original = worker.check_path
    marker = tmp_path / "died-once"

    def crash_once(path, options, *data):
        if path.endswith("unlucky.txt") and not marker.exists():
            marker.write_text("")
            os._exit(9)
        return original(path, options, *data)

    monkeypatch.setattr(worker, "check_path", crash_once)
    answers = list(pool_results(_files(tmp_path, ["a.txt", "unlucky.txt", "b.txt"]), Settings(), 2))
    assert [result.status for result, _ in answers] == ["checked", "checked", "checked"]
    assert "工作进程退出 1 次；0 个文件" in capsys.readouterr().err


def test_no_word_when_no_worker_died(tmp_path, capsys):
    answers = list(pool_results(_files(tmp_path, ["a.txt", "b.txt", "c.txt"]), Settings(), 2))
    assert [result.status for result, _ in answers] == ["checked"] * 3
    assert capsys.readouterr().err == ""
