"""Check many documents in parallel processes; one bad file, slow file or crashing worker never costs the rest.

The scheduler keeps at most `workers` documents in flight, so a document's clock starts when it is submitted and
the per-document time limit is exact. A document over its limit, or one whose worker dies, takes the pool down
with it: the pool is rebuilt and the other documents that were in flight are run again. When a worker dies with
several documents in flight we cannot tell which one killed it, so those are rerun one at a time; a document that
kills a worker on its own is reported as that document's error.
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from rules.findings import DocumentReport


@dataclass(frozen=True)
class Job:
    """What every worker needs besides the path (plain strings: a worker rebuilds the pack and the rule set)."""
    pack_path: str | None = None
    select: str | None = None     # rule ids, kinds or prefixes, comma-separated (--select)
    ignore: str | None = None     # the same, left out (--ignore)


def _check_one(path: str, job: Job) -> dict:
    # Runs in a worker process: return plain data so nothing unpicklable crosses back.
    from rules.engine import check_path
    from rules.pack import load_pack
    from rules.registry import RuleSet

    pack = load_pack(job.pack_path) if job.pack_path else None
    if not (job.select or job.ignore):
        return check_path(path, pack).model_dump()
    return check_path(path, pack, RuleSet.default().select(job.select, job.ignore)).model_dump()


def _failed(path: Path, message: str) -> DocumentReport:
    return DocumentReport(source=str(path), kind="unknown", error=f"{path}: {message}")


def resolve_workers(requested: int, configured: int, documents: int) -> int:
    """The flag wins, then settings.check.workers, then one per core; never more than there are documents."""
    wanted = requested or configured or os.cpu_count() or 1
    return max(1, min(wanted, documents))


def check_paths(
    paths: list[Path],
    *,
    workers: int = 0,
    pack_path: str | None = None,
    select: str | None = None,
    ignore: str | None = None,
    doc_timeout: float = 120.0,
    on_done: Callable[[DocumentReport], None] | None = None,
) -> list[DocumentReport]:
    """One report per path, in input order. Never raises for a document's sake."""
    paths = [Path(p) for p in paths]
    workers = resolve_workers(workers, 0, len(paths))
    job = Job(pack_path, select, ignore)
    if len(paths) == 1:
        return _inline(paths, job, doc_timeout, on_done)
    return _Pool(paths, workers, job, doc_timeout, on_done).run()


class _Late(Exception):
    pass


def _inline(paths: list[Path], job: Job, doc_timeout: float, on_done) -> list[DocumentReport]:
    """One document: skip the process start-up. The time limit is an alarm, which interrupts Python code
    (the parser and the rules) but not a single long call inside a C library."""
    out = []
    for p in paths:
        with _alarm(doc_timeout):
            try:
                report = DocumentReport.model_validate(_check_one(str(p), job))
            except _Late:
                report = _failed(p, f"timed out after {doc_timeout:g} s")
            except Exception as exc:  # a crash outside the rule wrappers (parser bug)
                report = _failed(p, f"check failed: {exc.__class__.__name__}: {exc}")
        out.append(report)
        if on_done:
            on_done(report)
    return out


@contextmanager
def _alarm(seconds: float):
    usable = seconds > 0 and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not usable:
        yield
        return

    def _raise(_sig, _frame):
        raise _Late()

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Pool:
    def __init__(self, paths, workers, job: Job, doc_timeout, on_done):
        self.paths, self.workers, self.job = paths, workers, job
        self.timeout = doc_timeout if doc_timeout > 0 else None
        self.on_done = on_done
        self.results: dict[int, DocumentReport] = {}
        self.queue: deque[int] = deque(range(len(paths)))
        self.suspects: set[int] = set()  # in flight when a worker died: rerun alone
        # fork: workers inherit the imported parser and rules (no start-up cost) and callers need no
        # `if __name__ == "__main__"` guard, which spawn/forkserver would demand of every script.
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.pool: cf.ProcessPoolExecutor | None = None

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=self.ctx)

    def _finish(self, i: int, report: DocumentReport) -> None:
        self.results[i] = report
        self.suspects.discard(i)
        if self.on_done:
            self.on_done(report)

    def run(self) -> list[DocumentReport]:
        # Import the parsers and rules once here, so forked workers start with them loaded.
        import index.pdf  # noqa: F401
        import index.text  # noqa: F401
        import rules.engine  # noqa: F401

        self.pool = self._new_pool()
        in_flight: dict[cf.Future, tuple[int, float]] = {}
        try:
            while self.queue or in_flight:
                # Suspects run alone so that a second death names its document.
                window = 1 if self.suspects else self.workers
                while self.queue and len(in_flight) < window:
                    i = self.queue.popleft()
                    in_flight[self.pool.submit(_check_one, str(self.paths[i]), self.job)] = (i, time.monotonic())
                done, _ = cf.wait(in_flight, timeout=0.2, return_when=cf.FIRST_COMPLETED)
                broken: list[int] = []
                for fut in done:
                    i, _started = in_flight.pop(fut)
                    try:
                        self._finish(i, DocumentReport.model_validate(fut.result()))
                    except BrokenProcessPool:
                        broken.append(i)
                    except Exception as exc:  # raised inside the worker outside the rule wrappers
                        self._finish(i, _failed(self.paths[i], f"check failed: {exc.__class__.__name__}: {exc}"))
                now = time.monotonic()
                late = [f for f, (_i, t0) in in_flight.items() if self.timeout and now - t0 > self.timeout]
                for fut in late:
                    i, _t0 = in_flight.pop(fut)
                    self._finish(i, _failed(self.paths[i], f"timed out after {self.timeout:g} s"))
                if broken or late:
                    # The pool is unusable (a dead worker) or holds a stuck one: rebuild it and rerun the rest.
                    others = [i for i, _t0 in in_flight.values()]
                    in_flight.clear()
                    self._kill()
                    if broken:
                        if len(broken) + len(others) == 1:
                            i = broken[0]
                            self._finish(i, _failed(self.paths[i], "the checking process died (crash or out of memory)"))
                        else:
                            self.suspects.update(broken + others)
                            self.queue.extendleft(sorted(broken + others, reverse=True))
                    else:
                        self.queue.extendleft(sorted(others, reverse=True))
                    self.pool = self._new_pool()
            self.pool.shutdown(wait=True)  # all done: idle workers exit on their own
            self.pool = None
        finally:
            self._kill()  # only when interrupted (Ctrl-C, an error here): never wait for a stuck worker
        return [self.results[i] for i in range(len(self.paths))]

    def _kill(self) -> None:
        """Stop the pool without waiting for a stuck worker."""
        if self.pool is None:
            return
        for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
            if proc.is_alive():
                proc.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None
