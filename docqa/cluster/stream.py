"""The client side of a run: at most `window` documents in flight, each result handled the moment it completes
(as_completed over the cluster's task stream), every failure tied to its document.

The window keeps every worker fed while bounding what the client holds (the bytes of documents in flight), so
100,000 documents cost no more client memory than a few dozen."""
from __future__ import annotations

import uuid
from typing import Any, Callable, Iterable

DIED = "the worker process died while handling it (crash or out of memory; retried by the scheduler)"


def default_window(client) -> int:
    """Four tasks per worker thread: one running, the others ready on the scheduler, so no worker waits while this
    process is busy with earlier results (the ingest writer commits each one; measured: with two per thread, two
    ingest workers on a loaded machine waited 1.1 s per document)."""
    threads = sum(client.nthreads().values()) or 1
    return max(4, 4 * threads)


def run_tasks(client, fn: Callable, items: Iterable, args: tuple = (), *, name: str,
              on_result: Callable[[int, Any, str | None], None], window: int | None = None) -> None:
    """Submit fn(item, *args) per item; call on_result(index, value, error) in completion order.

    `error` is set only when the task itself failed (its worker died more often than the scheduler allows, or
    an exception escaped it); the tasks of tasks.py return a document's own failures as data."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    run = uuid.uuid4().hex[:8]
    todo = iter(enumerate(items))
    window = window or default_window(client)
    ac = as_completed()
    index_of: dict[str, int] = {}

    def submit_next() -> None:
        nxt = next(todo, None)
        if nxt is None:
            return
        i, item = nxt
        fut = client.submit(fn, item, *args, key=f"docqa-{name}-{i}-{run}", pure=False)
        index_of[fut.key] = i
        ac.add(fut)

    for _ in range(window):
        submit_next()
    for fut in ac:
        i = index_of.pop(fut.key)
        value, error = None, None
        try:
            value = fut.result()
        except KilledWorker:
            error = DIED
        except Exception as exc:
            error = f"{name} failed: {exc.__class__.__name__}: {exc}"
        fut.release()
        submit_next()  # before handling the result, so the worker is never idle while we write
        on_result(i, value, error)
