"""A time limit on one input's check (`--timeout`), in the main thread or in any other.

In the main thread of a process (a local run, a `--jobs` worker) the limit is SIGALRM's. A Dask worker runs its
tasks in threads, where no signal arrives: there a watchdog thread raises Timeout in the checking thread
(PyThreadState_SetAsyncExc), which Python delivers between two bytecodes — a check is Python code, so it stops
within a few milliseconds of the limit, except inside one long call into C (one regular-expression search).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_AGAIN = 0.05  # seconds between two raisings of the same time-out


class Timeout(Exception):
    """The check took longer than its limit."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise Timeout in the body after `seconds` (0: no limit)."""
    if seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_timeout(signum, frame):
    raise Timeout


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    import ctypes  # only a worker thread needs it: 3 ms a start-up otherwise

    target = ctypes.c_ulong(threading.get_ident())
    state = {"running": True, "fired": False}
    lock, stopped = threading.Lock(), threading.Event()

    def watch() -> None:
        # Raised again every 50 ms until the body is left: Python drops an exception raised where it cannot
        # propagate (in a weak reference's callback during garbage collection, in __del__), and one is not enough.
        if stopped.wait(seconds):
            return
        while True:
            with lock:
                if not state["running"]:
                    return
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(Timeout))
            if stopped.wait(_AGAIN):
                return

    watcher = threading.Thread(target=watch, name="figcheck-deadline", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        _stop(lock, state)
        stopped.set()


def _stop(lock: threading.Lock, state: dict) -> None:
    """Tell the watcher the body is left, then deliver and drop a Timeout still pending. A Timeout delivered in
    between (it may arrive at any bytecode) starts the step again: the watcher must never be left raising into a
    thread that has gone on to other work."""
    for _ in range(3):
        try:
            with lock:
                state["running"] = False
            if state["fired"]:
                _absorb()
            return
        except Timeout:
            continue


def _absorb() -> None:
    """Let a Timeout still pending when the body was left be delivered here, and drop it: the body has already
    ended, by its own Timeout or by finishing. It must be delivered before the thread goes on: never take one back
    with PyThreadState_SetAsyncExc(id, NULL), which on Python 3.11 leaves the interpreter's flag of a pending
    exception set, and the next traced call (sys.settrace) loops forever on it."""
    try:
        for _ in range(1000):  # each turn of a loop is a point where Python delivers a pending exception
            pass
    except Timeout:
        pass
