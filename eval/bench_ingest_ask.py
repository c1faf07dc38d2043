"""Ingest and ask speed on the corpus: ingest seconds and chunks/s, then `docqa ask` in new processes (model load
included), p50/p95.

    python -m eval.bench_ingest_ask [PATH...]     (default: ../shared/corpus/seeds and ../shared/corpus/pdf)
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from index.embed import load_encoder
from index.ingest import ingest_paths

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
QUESTIONS = ["万里街道2024年三公经费预算是多少？", "新乡县医疗保障局2024年一般公共预算财政拨款支出是多少",
             "普陀区人民政府办公室2025年机关运行经费预算是多少", "什么是三公经费"]


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or [CORPUS / "seeds", CORPUS / "pdf"]
    if not all(p.exists() for p in paths):
        print("corpus not found; give paths")
        return
    load_encoder()  # build or load the cached model outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        start = time.perf_counter()
        report = ingest_paths(paths, store)
        seconds = time.perf_counter() - start
        print(f"ingest: {len(report.added)} documents, {report.chunks_total} chunks in {seconds:.1f} s "
              f"({report.chunks_total / seconds:.0f} chunks/s)")
        times = []
        for q in QUESTIONS:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "docqa", "ask", q, "--store", str(store), "--json"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
        times.sort()
        print(f"ask (new process each): p50 {statistics.median(times):.2f} s, max {times[-1]:.2f} s "
              f"over {len(times)} questions")
        # Load: eight questions at once against one store, in one process, against the same eight in sequence.
        from concurrent.futures import ThreadPoolExecutor

        from qa.answer import ask

        eight = (QUESTIONS * 2)[:8]
        sequential = [ask(q, store) for q in eight]
        t0 = time.perf_counter()
        for q in eight:
            ask(q, store)
        seq_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            concurrent = list(pool.map(lambda q: ask(q, store), eight))
        conc_s = time.perf_counter() - t0
        same = [a.value for a in sequential] == [a.value for a in concurrent]
        print(f"8 concurrent asks: {conc_s:.2f} s (sequential {seq_s:.2f} s); answers identical: {same}")


if __name__ == "__main__":
    main(sys.argv[1:])
