"""--timeout in the main thread (SIGALRM) and in a worker thread (a Dask worker's task): figcheck.deadline."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from figcheck.deadline import Timeout, deadline
from figcheck.results import TIMED_OUT
from figcheck.worker import Settings, check


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _in_thread(work):
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 — the test reads what the thread raised
            outcome["raised"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    return outcome


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_loop_past_its_limit_is_stopped_near_it(where):
    def work():
        started = time.monotonic()
        with pytest.raises(Timeout), deadline(0.2):
            _spin(5)
        return time.monotonic() - started

    taken = work() if where == "main" else _in_thread(work)["value"]
    assert 0.15 < taken < 2


@pytest.mark.parametrize("where", ["main", "thread"])
def test_work_within_its_limit_is_left_alone(where):
    def work():
        with deadline(0.3):
            _spin(0.05)
        _spin(0.5)  # past where the limit would have fallen: nothing is raised later
        return "done"

    assert (work() if where == "main" else _in_thread(work)["value"]) == "done"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # a raising dropped in a callback
def test_a_check_in_a_worker_thread_times_out_as_in_the_main_one(tmp_path):
    report = tmp_path / "long.txt"
    report.write_text("全年受理10件，其中甲5件、乙5件。" * 40_000, encoding="utf-8")
    outcome = _in_thread(lambda: check((str(report), Settings(timeout=0.3))))
    result = outcome["value"]
    assert result.status == TIMED_OUT and "检查超时" in result.error


def test_no_limit_means_none():
    with deadline(0):
        _spin(0.05)


def test_after_a_time_out_in_a_thread_traced_code_still_runs():
    # Taking a pending Timeout back with PyThreadState_SetAsyncExc(id, NULL) left Python 3.11's flag of a pending
    # exception set, and the next call under sys.settrace (coverage, debuggers, tests/test_linearity.py) looped
    # forever on it. Run in a child, so that the loop fails this test instead of hanging the suite.
    code = """
import sys, threading, time
from figcheck.deadline import Timeout, deadline
def work(limit, spin):
    try:
        with deadline(limit):
            end = time.monotonic() + spin
            while time.monotonic() < end:
                pass
        print("done")
    except Timeout:
        print("timed out")
for limit, spin in ((0.1, 5), (5, 0.05)):
    thread = threading.Thread(target=work, args=(limit, spin))
    thread.start()
    thread.join()
sys.settrace(lambda frame, event, arg: None)
def traced():
    return "traced"
print(traced())
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["timed", "out", "done", "traced"], done.stderr


@pytest.mark.parametrize("where", ["thread"])
def test_a_time_out_that_was_dropped_is_raised_again(where):
    # Python drops an exception raised in __del__ or in a weak reference's callback (garbage collection runs
    # them in the middle of a check): here the body itself drops the first raising, and must still be stopped.
    def work():
        started = time.monotonic()
        with pytest.raises(Timeout), deadline(0.2):
            try:
                _spin(2)
            except Timeout:
                pass  # dropped, as Python drops it in __del__
            _spin(5)
        return time.monotonic() - started

    outcome = _in_thread(work)
    assert "raised" not in outcome, outcome.get("raised")
    assert outcome["value"] < 1.5
