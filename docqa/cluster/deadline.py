"""A per-document time limit for code running in any thread (Dask runs tasks in worker threads, where the
SIGALRM limit of rules/batch.py cannot be used).

A watchdog thread raises `Timeout` in the working thread when the limit passes (PyThreadState_SetAsyncExc). Like
the alarm, it interrupts Python code (the parser, the rules), not a single long call inside a C library; for that
case `kill_after` ends the whole process, which only makes sense in a Dask worker: its nanny starts a new one
and the scheduler reschedules the document (reported as a dead worker after the scheduler's allowed failures).
"""
from __future__ import annotations

import ctypes
import os
import threading
from contextlib import contextmanager


class Timeout(BaseException):
    """The limit passed. A BaseException, so that the rules' `except Exception` wrappers do not swallow it."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


@contextmanager
def deadline(seconds: float | None, kill_after: float | None = None):
    """Raise Timeout in this thread after `seconds` (repeated every half second until the block is left)."""
    if not seconds or seconds <= 0:
        yield
        return
    tid = threading.get_ident()
    lock = threading.Lock()
    left = threading.Event()
    inside = [True]

    def watch() -> None:
        if left.wait(seconds):
            return
        waited = seconds
        while True:
            with lock:
                if not inside[0]:
                    return
                _raise_in(tid, Timeout)
            if left.wait(0.5):
                return
            waited += 0.5
            if kill_after and waited >= kill_after:
                os._exit(70)  # stuck in C code: only the process can be stopped (see the module docstring)

    watcher = threading.Thread(target=watch, name="docqa-deadline", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        # A Timeout scheduled just before we got the lock may land inside this block; close again then (the
        # watchdog schedules at most one every half second, and none once `inside` is False).
        while True:
            try:
                with lock:
                    inside[0] = False
                    _raise_in(tid, None)  # clear a Timeout scheduled but not yet raised
                left.set()
                break
            except Timeout:
                continue
