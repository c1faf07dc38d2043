"""Ingest and ask speed: ingest seconds, CPU and peak memory, re-ingest of the unchanged corpus, then `docqa ask`
as a new process (model, store and indexes loaded each time) and warm in one process, p50/max.

    python -m eval.bench_ingest_ask [PATH...] [--store DIR] [--baseline DIR] [--repeat N]
      (default: ../shared/corpus/seeds and ../shared/corpus/pdf; the city's store: ../shared/corpus/real too)

--baseline DIR: another checkout of the code (e.g. `git worktree add DIR main`); its `docqa ask` runs interleaved
with this one's over the same store, so both see the same load and the ratio holds on a busy machine. The load
average is printed beside every timing. Ingest runs in a child process so that its CPU time and peak RSS are its
own (ru_maxrss of a child)."""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CODE = Path(__file__).resolve().parents[1]
CORPUS = CODE.parent / "shared" / "corpus"
QUESTIONS = ["万里街道2024年三公经费预算是多少？", "新乡县医疗保障局2024年一般公共预算财政拨款支出是多少",
             "普陀区人民政府办公室2025年机关运行经费预算是多少", "什么是三公经费",
             "深圳市气象局2026年三公经费预算是多少？", "西安市审计局2026年会议费预算是多少？"]
_INGEST = ("import sys, json; from pathlib import Path; from index.ingest import ingest_paths; "
           "r = ingest_paths([Path(p) for p in sys.argv[2:]], Path(sys.argv[1])); "
           "print(json.dumps({'added': len(r.added), 'unchanged': len(r.unchanged), 'chunks': r.chunks_total}))")


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _child(cmd: list[str], code: Path) -> tuple[float, float, bytes]:
    """Run a child process from a checkout of the code: wall seconds, CPU seconds, stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, *cmd], check=True, capture_output=True, cwd=code,
                         env={**os.environ, "PYTHONPATH": str(code)})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, out.stdout


def _ingest(paths: list[Path], store: Path) -> dict:
    """One ingest in a child process: its report, wall seconds, CPU seconds and peak RSS."""
    wall, cpu, out = _child(["-c", _INGEST, str(store), *map(str, paths)], CODE)
    report = json.loads(out.decode().strip().splitlines()[-1])
    report.update(seconds=round(wall, 1), cpu_s=round(cpu, 1),
                  peak_rss_mb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
    return report


def _ask(code: Path, question: str, store: Path) -> tuple[float, float, dict]:
    wall, cpu, out = _child(["-m", "docqa", "ask", question, "--store", str(store), "--json", "--no-llm"], code)
    return wall, cpu, json.loads(out)


def _p50(xs: list[float]) -> str:
    return f"p50 {statistics.median(xs):.2f} s (max {max(xs):.2f})"


def cold(store: Path, repeat: int, baseline: Path | None) -> None:
    """Each question asked by a new process, `repeat` times, this code and the baseline's in turn."""
    codes = {"this": CODE} | ({"baseline": baseline} if baseline else {})
    # Each code asks its own copy of the store: the caches a search keeps beside it (qa-vocab.json, stamped with the
    # code that built it) would otherwise be rebuilt by every other ask when the two codes' vocabularies differ.
    stores = {"this": store}
    if baseline:
        stores["baseline"] = Path(tempfile.mkdtemp(prefix="bench-baseline-")) / store.name
        shutil.copytree(store, stores["baseline"])
    for name, code in codes.items():  # the first search of a store may write its caches: not timed
        _ask(code, QUESTIONS[0], stores[name])
    wall: dict[str, list[float]] = {n: [] for n in codes}
    cpu: dict[str, list[float]] = {n: [] for n in codes}
    answers: dict[str, list] = {n: [] for n in codes}
    print(f"ask as a new process, {len(QUESTIONS)} questions x {repeat}: start, {_load()}")
    for _ in range(repeat):
        for q in QUESTIONS:
            for name, code in codes.items():
                w, c, a = _ask(code, q, stores[name])
                wall[name].append(w)
                cpu[name].append(c)
                answers[name].append((a["answer"], a["value"], [(c["source"], c["page"]) for c in a["citations"]]))
    print(f"  end, {_load()}")
    for name in codes:
        print(f"  {name} ({codes[name]}): {_p50(wall[name])} wall, {_p50(cpu[name])} CPU")
    if baseline:
        shutil.rmtree(stores["baseline"].parent, ignore_errors=True)
        ratio = statistics.median(wall["this"]) / statistics.median(wall["baseline"])
        print(f"  this / baseline: {ratio:.2f} of the wall p50; answers identical: "
              f"{answers['this'] == answers['baseline']}")


def warm(store: Path) -> None:
    from qa.answer import ask
    from qa.retrieve import Retriever

    retriever = Retriever(store)
    ask(QUESTIONS[0], store, retriever=retriever)  # load the store once
    times = []
    for q in QUESTIONS:
        t0 = time.perf_counter()
        ask(q, store, retriever=retriever)
        times.append(time.perf_counter() - t0)
    print(f"ask warm in one process: p50 {statistics.median(times):.3f} s (max {max(times):.3f}), {_load()}")
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


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_ingest_ask", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="documents or folders to ingest")
    parser.add_argument("--store", type=Path, help="store to ingest into and ask (kept; default: a temporary one)")
    parser.add_argument("--baseline", type=Path, help="another checkout whose `docqa ask` is timed alongside")
    parser.add_argument("--repeat", type=int, default=1, help="times each question is asked as a new process")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths or [CORPUS / "seeds", CORPUS / "pdf"]]  # children run elsewhere
    if not all(p.exists() for p in paths):
        print("corpus not found; give paths")
        return
    from index.embed import load_encoder

    load_encoder()  # build or load the cached model outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        store = (args.store or Path(tmp) / "store").resolve()
        print(f"start: {_load()}")
        first = _ingest(paths, store)
        print(f"ingest: {first['added']} documents ({first['unchanged']} unchanged), {first['chunks']} chunks in "
              f"{first['seconds']} s wall, {first['cpu_s']} CPU-s, peak RSS {first['peak_rss_mb']} MB, {_load()}")
        again = _ingest(paths, store)
        print(f"re-ingest unchanged: {again['seconds']} s wall ({again['cpu_s']} CPU-s, process start included)")
        cold(store, args.repeat, args.baseline)
        warm(store)


if __name__ == "__main__":
    main(sys.argv[1:])
