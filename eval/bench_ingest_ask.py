"""Ingest and ask speed: ingest seconds, CPU and peak memory, re-ingest of the unchanged corpus, then `docqa ask`
as a new process (model, store and indexes loaded each time) and warm in one process, p50/max.

    python -m eval.bench_ingest_ask [PATH...] [--store DIR]
      (default: ../shared/corpus/seeds and ../shared/corpus/pdf; the city's store: ../shared/corpus/real too)

Ingest runs in a child process so that its CPU time and peak RSS are its own (ru_maxrss of a child)."""
from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
QUESTIONS = ["万里街道2024年三公经费预算是多少？", "新乡县医疗保障局2024年一般公共预算财政拨款支出是多少",
             "普陀区人民政府办公室2025年机关运行经费预算是多少", "什么是三公经费",
             "深圳市气象局2026年三公经费预算是多少？", "西安市审计局2026年会议费预算是多少？"]
_INGEST = ("import sys, json; from pathlib import Path; from index.ingest import ingest_paths; "
           "r = ingest_paths([Path(p) for p in sys.argv[2:]], Path(sys.argv[1])); "
           "print(json.dumps({'added': len(r.added), 'unchanged': len(r.unchanged), 'chunks': r.chunks_total}))")


def _ingest(paths: list[Path], store: Path) -> dict:
    """One ingest in a child process: its report, wall seconds, CPU seconds and peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _INGEST, str(store), *map(str, paths)], check=True,
                         capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = json.loads(out.stdout.strip().splitlines()[-1])
    report.update(seconds=round(time.perf_counter() - t0, 1),
                  cpu_s=round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
                  peak_rss_mb=after.ru_maxrss // 1024)
    return report


def main(argv: list[str]) -> None:
    store_arg = None
    if "--store" in argv:
        at = argv.index("--store")
        store_arg = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    paths = [Path(a) for a in argv] or [CORPUS / "seeds", CORPUS / "pdf"]
    if not all(p.exists() for p in paths):
        print("corpus not found; give paths")
        return
    from index.embed import load_encoder

    load_encoder()  # build or load the cached model outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        store = store_arg or Path(tmp) / "store"
        first = _ingest(paths, store)
        print(f"ingest: {first['added']} documents ({first['unchanged']} unchanged), {first['chunks']} chunks in "
              f"{first['seconds']} s wall, {first['cpu_s']} CPU-s, peak RSS {first['peak_rss_mb']} MB")
        again = _ingest(paths, store)
        print(f"re-ingest unchanged: {again['seconds']} s wall ({again['cpu_s']} CPU-s, process start included)")
        cold, cold_cpu = [], []
        for q in QUESTIONS:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "docqa", "ask", q, "--store", str(store), "--json"],
                           check=True, capture_output=True)
            cold.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cold_cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        print(f"ask as a new process: p50 {statistics.median(cold):.2f} s wall (max {max(cold):.2f}), "
              f"p50 {statistics.median(cold_cpu):.2f} CPU-s, over {len(cold)} questions")
        from qa.answer import ask
        from qa.retrieve import Retriever

        retriever = Retriever(store)
        ask(QUESTIONS[0], store, retriever=retriever)  # load the store once
        warm = []
        for q in QUESTIONS:
            t0 = time.perf_counter()
            ask(q, store, retriever=retriever)
            warm.append(time.perf_counter() - t0)
        print(f"ask warm in one process: p50 {statistics.median(warm):.3f} s (max {max(warm):.3f})")
        # Load: eight questions at once against one store, in one process, against the same eight in sequence.
        from concurrent.futures import ThreadPoolExecutor

        eight = (QUESTIONS * 2)[:8]
        sequential = [ask(q, store, retriever=retriever) for q in eight]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            concurrent = list(pool.map(lambda q: ask(q, store, retriever=retriever), eight))
        conc_s = time.perf_counter() - t0
        same = [a.value for a in sequential] == [a.value for a in concurrent]
        print(f"8 concurrent asks: {conc_s:.2f} s; answers identical to sequential: {same}")


if __name__ == "__main__":
    main(sys.argv[1:])
