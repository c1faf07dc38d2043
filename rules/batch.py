"""Check many documents in parallel processes; one bad file, slow file or crashing rule never costs the rest."""
from __future__ import annotations

import concurrent.futures as cf
import os
import time
from pathlib import Path
from typing import Callable

from rules.findings import DocumentReport


def _check_one(path: str, pack_path: str | None) -> dict:
    # Runs in a worker process: return plain data so nothing unpicklable crosses back.
    from rules.engine import check_path
    from rules.pack import load_pack

    return check_path(path, load_pack(pack_path) if pack_path else None).model_dump()


def check_paths(
    paths: list[Path],
    *,
    workers: int = 0,
    pack_path: str | None = None,
    doc_timeout: float = 120.0,
    on_done: Callable[[DocumentReport], None] | None = None,
) -> list[DocumentReport]:
    """Reports in input order. A document that exceeds `doc_timeout` seconds or kills its worker is reported
    as that document's error."""
    workers = workers or os.cpu_count() or 1
    if len(paths) <= 1 or workers == 1:
        out = []
        for p in paths:
            try:
                report = DocumentReport.model_validate(_check_one(str(p), pack_path))
            except Exception as exc:  # a crash outside the rule wrappers (parser bug, memory)
                report = DocumentReport(source=str(p), kind="unknown", error=f"check failed: {exc.__class__.__name__}: {exc}")
            out.append(report)
            if on_done:
                on_done(report)
        return out
    results: dict[int, DocumentReport] = {}
    pool = cf.ProcessPoolExecutor(max_workers=min(workers, len(paths)))
    try:
        futures = {pool.submit(_check_one, str(p), pack_path): i for i, p in enumerate(paths)}
        started = time.monotonic()
        pending = set(futures)
        while pending:
            done, pending = cf.wait(pending, timeout=1.0, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                i = futures[fut]
                try:
                    report = DocumentReport.model_validate(fut.result())
                except Exception as exc:
                    report = DocumentReport(source=str(paths[i]), kind="unknown",
                                            error=f"check failed: {exc.__class__.__name__}: {exc}")
                results[i] = report
                if on_done:
                    on_done(report)
            # The limit is per document; with a queue, a document can only be late once the batch has been
            # running longer than its share of the limit.
            budget = doc_timeout * (1 + len(paths) // max(1, workers))
            if pending and time.monotonic() - started > budget:
                for fut in pending:
                    i = futures[fut]
                    results[i] = DocumentReport(source=str(paths[i]), kind="unknown",
                                                error=f"timed out after {doc_timeout:.0f} s")
                    if on_done:
                        on_done(results[i])
                    fut.cancel()
                break
    finally:
        # Never wait for a stuck worker: kill what is left.
        for proc in list(getattr(pool, "_processes", {}).values()):
            if proc.is_alive() and len(results) < len(paths):
                proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)
    return [results[i] for i in range(len(paths))]
