"""Scale-out: `docqa check` and `docqa ingest` on a real Dask cluster (a TCP scheduler and `dask worker`
processes), with 1 and 2 workers, on the real corpus and on a larger set made by repeating it under new names.

    nice -n 10 python -m eval.bench_scale [--sets real,rep500] [--workers 1,2] [--tasks check,ingest]

Each run is the real command line (`docqa check|ingest --cluster tcp://127.0.0.1:PORT`, documents sent as bytes:
no shared filesystem used), watched by a second Dask client that reads the scheduler's task stream:
documents/s and pages/s (end to end, and over the compute span), the peak memory of each worker process, the
scheduler overhead per task (the idle gap on a worker between the end of one document and the start of the next
while work was queued), and the speedup and efficiency of 2 workers against 1 measured in the same run.
Micro-measurements for the projection: the single writer's cost per document (chunk file, vectors, manifest) and
its growth with the store, and the BM25 rebuild per chunk. Writes docs/scale.json and docs/scale.png (or --out and
the .png beside it).
Everything heavy runs under the caller's `nice`; the load average is recorded before and after every run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("DOCQA_CORPUS", REPO.parent / "shared" / "corpus"))
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")
WORK = Path(os.environ.get("DOCQA_BENCH_DIR", "/tmp/scale/bench"))
DOCS = REPO / "docs"


# -- document sets ---------------------------------------------------------------------------------------------

def real_set() -> list[Path]:
    return sorted((CORPUS / "real").glob("*.pdf"))


def repeated_set(n: int) -> list[Path]:
    """n documents: the real corpus repeated under new names (hard links where possible, else copies)."""
    src = real_set()
    folder = WORK / f"rep{n}"
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        s = src[i % len(src)]
        p = folder / f"r{i // len(src):02d}-{s.name}"
        if not p.exists():
            try:
                os.link(s, p)
            except OSError:
                shutil.copyfile(s, p)
        out.append(p)
    return out


# -- a real cluster ------------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """`dask scheduler` + `dask worker --nworkers N --nthreads 1` as separate processes, and an observer Client."""

    def __init__(self, workers: int) -> None:
        from distributed import Client

        self.address = f"tcp://127.0.0.1:{free_port()}"
        port = self.address.rsplit(":", 1)[1]
        dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
        log = open(WORK / "dask.log", "a")
        env = dict(os.environ, PYTHONPATH=str(REPO))  # workers import this checkout's code
        self.procs = [subprocess.Popen(dask + ["--host", "127.0.0.1", "--port", port, "--no-dashboard"],
                                       stdout=log, stderr=log, env=env)]
        time.sleep(1.0)
        self.procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--nworkers", str(workers),
             "--nthreads", "1", "--memory-limit", "0", "--no-dashboard"], stdout=log, stderr=log, cwd="/", env=env))
        self.client = Client(self.address, timeout=60)
        self.client.wait_for_workers(workers, timeout=120)
        self.client.get_task_stream()  # the first call installs the scheduler's task-stream recorder
        self.workers = workers

    def fresh(self) -> None:
        """New worker processes: peak memory and imports start from zero for each run."""
        self.client.restart(timeout=120)
        self.client.wait_for_workers(self.workers, timeout=120)

    def peak_rss_mb(self) -> list[float]:
        def peak():
            import resource

            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

        return sorted(self.client.run(peak).values())

    def cpu_s(self) -> list[float]:
        """CPU seconds (user + system) each worker process has used since it started (imports included)."""
        def used():
            import resource

            ru = resource.getrusage(resource.RUSAGE_SELF)
            return ru.ru_utime + ru.ru_stime

        return sorted(self.client.run(used).values())

    def close(self) -> None:
        self.client.close()
        for p in reversed(self.procs):
            p.terminate()
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()


# -- one run ---------------------------------------------------------------------------------------------------

def stream_stats(records: list[dict], prefix: str) -> dict:
    """Compute span, sum of compute, and the idle gaps between consecutive tasks on each worker."""
    by_worker: dict[str, list[tuple[float, float]]] = {}
    for r in records:
        if not str(r.get("key", "")).startswith(prefix):
            continue
        for ss in r.get("startstops", ()):
            if ss.get("action") == "compute":
                by_worker.setdefault(r["worker"], []).append((ss["start"], ss["stop"]))
    spans = [iv for ivs in by_worker.values() for iv in ivs]
    if not spans:
        return {"tasks": 0}
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    gaps, tail = [], 0.0
    for ivs in by_worker.values():
        ivs.sort()
        gaps += [max(0.0, b[0] - a[1]) for a, b in zip(ivs, ivs[1:])]
        tail += last - ivs[-1][1]
    compute = sum(e - s for s, e in spans)
    return {"tasks": len(spans), "span_s": last - first, "compute_s": compute, "first": first, "last": last,
            "gap_mean_ms": 1000 * sum(gaps) / max(1, len(gaps)), "gap_total_s": sum(gaps),
            "overhead_pct": 100 * sum(gaps) / compute if compute else 0.0, "tail_idle_s": tail,
            "tasks_per_worker": sorted(len(v) for v in by_worker.values()),
            # Workers idle during the span, all causes (dispatch, the tail of the last documents, imports excluded).
            "idle_pct_span": 100 * (len(by_worker) * (last - first) - compute) / (len(by_worker) * (last - first))}


def run_cli(task: str, paths: list[Path], cluster: Cluster, tag: str) -> dict:
    listing = WORK / f"{tag}.list"
    listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
    out = WORK / f"{tag}.jsonl"
    out.unlink(missing_ok=True)
    store = WORK / f"store-{tag}"
    shutil.rmtree(store, ignore_errors=True)
    # The paths go through a file: 500 names would make a long command line.
    code = ("import sys; from docqa.cli import app; args=sys.argv[1:]; "
            "paths=open(args.pop(0), encoding='utf-8').read().split('\\n'); app([args[0]] + paths + args[1:])")
    args = [sys.executable, "-c", code, str(listing), task, "--cluster", cluster.address]
    args += ["--out", str(out), "--json"] if task == "check" else ["--store", str(store), "--json"]
    env = dict(os.environ, DOCQA_LLM="none", DOCQA_CLUSTER__SEND="bytes", PYTHONPATH=str(REPO))
    cluster.fresh()
    load0 = os.getloadavg()
    t0 = time.time()
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=WORK)
    wall = time.time() - t0
    load1 = os.getloadavg()
    records = cluster.client.get_task_stream(start=t0)
    stats = stream_stats(records, f"docqa-{task}-")
    data = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else {}
    if task == "check":
        docs = data.get("documents", [])
        pages, errors = sum(d["pages"] for d in docs), [d["error"] for d in docs if d.get("error")]
    else:
        docs = data.get("added", [])
        pages, errors = sum(d["pages"] for d in docs), [e["error"] for e in data.get("errors", [])]
    res = {"task": task, "documents": len(paths), "done": len(docs) - (len(errors) if task == "check" else 0),
           "errors": errors[:5], "pages": pages, "wall_s": wall, "load_before": load0, "load_after": load1,
           "peak_rss_mb": cluster.peak_rss_mb(), "worker_cpu_s": cluster.cpu_s(), "workers": cluster.workers,
           "exit": proc.returncode,
           "startup_s": stats.get("first", t0) - t0, **{k: v for k, v in stats.items() if k not in ("first", "last")}}
    # CPU per document, whatever else runs on the machine: what N workers on idle cores would each spend.
    res["cpu_s_per_doc"] = sum(res["worker_cpu_s"]) / len(paths)
    res["docs_per_s"] = len(paths) / wall
    res["pages_per_s"] = pages / wall
    res["docs_per_s_span"] = len(paths) / stats["span_s"] if stats.get("span_s") else None
    if task == "ingest":
        res["chunks"] = data.get("chunks_total", 0)
        res["store"] = str(store)
    if proc.returncode not in (0, 2) or not data:
        res["stderr"] = proc.stderr[-2000:]
    return res


# -- micro-measurements for the projection ------------------------------------------------------------------------

def _probe_docs(store_dir: Path):
    """(key, entry, chunks, vectors) of every document of an ingested store."""
    import numpy as np

    from index.store import Store

    src = Store(store_dir)
    chunks = src.chunks()
    for key, entry in src.manifest().documents.items():
        cs = [chunks[i] for i in entry.chunk_ids if i in chunks]
        got = src.collection().get(ids=[c.id for c in cs], include=["embeddings"])
        by_id = dict(zip(got["ids"], got["embeddings"]))
        yield key, entry, cs, np.array([by_id[c.id] for c in cs], dtype=np.float32)


def writer_costs(store_dir: Path) -> dict:
    """The single writer, measured alone: commit of each document (chunk file + vectors into the embedded Chroma +
    manifest write) into a fresh store; the manifest's size per document and write speed; BM25 rebuild per chunk."""
    from index.ingest import commit_document
    from index.store import Manifest, Store

    docs = list(_probe_docs(store_dir))
    if not docs:
        return {}
    dst = Store(WORK / "writer-probe")
    shutil.rmtree(dst.root, ignore_errors=True)
    dst.root.mkdir(parents=True)
    new = Manifest(embedder="probe")
    t_doc, n_chunks = 0.0, 0
    for key, entry, cs, vecs in docs:
        t0 = time.perf_counter()
        commit_document(dst, new, key, cs, vecs, entry)
        t_doc += time.perf_counter() - t0
        n_chunks += len(cs)
    manifest_bytes = len(new.model_dump_json(indent=1).encode("utf-8"))
    t0 = time.perf_counter()
    for _ in range(5):
        dst.save_manifest(new)
    save_s = (time.perf_counter() - t0) / 5
    t0 = time.perf_counter()
    dst.rebuild_bm25()
    bm25_s = time.perf_counter() - t0
    return {"documents": len(docs), "chunks": n_chunks, "commit_s_per_doc": t_doc / len(docs),
            "manifest_bytes_per_doc": manifest_bytes / len(docs), "manifest_write_mb_s": manifest_bytes / save_s / 1e6,
            "bm25_s_per_chunk": bm25_s / max(1, n_chunks), "chunks_per_doc": n_chunks / len(docs)}


def server_costs(store_dir: Path) -> dict:
    """Upserts into a real `chroma run` server (what every worker does with DOCQA_CHROMA_URL): chunks per second
    from one client and from two at once."""
    import threading

    from index.store import Store

    exe = shutil.which("chroma")
    docs = list(_probe_docs(store_dir))
    if exe is None or not docs:
        return {}
    port = free_port()
    folder = WORK / "chroma-probe"
    shutil.rmtree(folder, ignore_errors=True)
    proc = subprocess.Popen([exe, "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.3)
        out = {}
        for clients in (1, 2):
            halves = [docs[i::clients] for i in range(clients)]

            def push(part, tag):
                store = Store(WORK / "unused", chroma_url=f"http://127.0.0.1:{port}")
                for key, _entry, cs, vecs in part:
                    store.upsert([c.model_copy(update={"id": f"{tag}{c.id}"}) for c in cs], vecs, key)

            t0 = time.perf_counter()
            threads = [threading.Thread(target=push, args=(h, f"c{clients}-{i}-")) for i, h in enumerate(halves)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            out[f"chunks_per_s_{clients}_clients"] = sum(len(d[2]) for d in docs) / (time.perf_counter() - t0)
        return out
    finally:
        proc.terminate()
        proc.wait(20)


def projection(results: list[dict], writer: dict, group: int = 32) -> dict:
    """Hours for 10,000 and 100,000 documents on M machines of C cores, from the 1-worker compute per document,
    against the ceilings of the single writer (commit per document + the manifest rewritten once per group, growing
    with the store) and the final BM25 rebuild."""
    one = {r["task"]: r for r in results if r["workers"] == 1 and r.get("compute_s")}
    out: dict = {}
    for task, r in one.items():
        cpu = r["compute_s"] / r["tasks"]  # core-seconds per document
        for n in (10_000, 100_000):
            for machines in (1, 4, 16, 64):
                cores = 2 * machines
                t_cpu = n * cpu / cores
                row = {"cpu_h": t_cpu / 3600}
                if task == "ingest" and writer:
                    b, bw = writer["manifest_bytes_per_doc"], writer["manifest_write_mb_s"] * 1e6
                    t_manifest = (n * n * b) / (2 * group * bw)  # sum over groups of the growing manifest
                    t_writer = n * writer["commit_s_per_doc"] + t_manifest
                    t_bm25 = n * writer["chunks_per_doc"] * writer["bm25_s_per_chunk"]
                    row.update(writer_h=t_writer / 3600, manifest_h=t_manifest / 3600, bm25_h=t_bm25 / 3600)
                    row["bound"] = "writer" if t_writer > t_cpu else "cpu"
                    row["total_h"] = (max(t_cpu, t_writer) + t_bm25) / 3600
                else:
                    row["bound"], row["total_h"] = "cpu", t_cpu / 3600
                out[f"{task}/{n}/{machines}"] = row
        out[f"{task}/core_s_per_doc"] = cpu
    return out


# -- the plot ------------------------------------------------------------------------------------------------------

def plot(results: list[dict], proj: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    for (task, docs), marker in zip(sorted({(r["task"], r["documents"]) for r in results}), "osd^"):
        rs = sorted((r for r in results if (r["task"], r["documents"]) == (task, docs)), key=lambda r: r["workers"])
        ws = [r["workers"] for r in rs]
        a.plot(ws, [r["docs_per_s"] for r in rs], marker=marker, label=f"{task}, {docs} docs (end to end)")
        if rs and rs[0]["workers"] == 1:
            a.plot(ws, [rs[0]["docs_per_s"] * w for w in ws], ls=":", color="grey")
    a.set(xlabel="workers (1 process, 1 thread each)", ylabel="documents / s", xticks=[1, 2],
          title="measured on this machine (dotted: linear)")
    a.legend(fontsize=7)
    for task, n, ls in (("check", 10_000, "-"), ("check", 100_000, "--"), ("ingest", 10_000, "-."),
                        ("ingest", 100_000, ":")):
        ms = [m for m in (1, 4, 16, 64) if f"{task}/{n}/{m}" in proj]
        if ms:
            b.plot(ms, [proj[f"{task}/{n}/{m}"]["total_h"] for m in ms], ls=ls, marker="o", label=f"{task} {n:,}")
    b.set(xscale="log", yscale="log", xlabel="machines (2 cores each)", ylabel="hours",
          title="projection from measured per-document costs")
    b.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def summarise(results: list[dict], writer: dict, server: dict) -> dict:
    pairs = {}
    for r in results:
        one = next((x for x in results if x["workers"] == 1 and (x["task"], x["set"]) == (r["task"], r["set"])), None)
        if r["workers"] == 2 and one and r.get("span_s") and one.get("span_s"):
            pair = {"speedup_wall": one["wall_s"] / r["wall_s"], "speedup_span": one["span_s"] / r["span_s"],
                    "efficiency_wall": one["wall_s"] / r["wall_s"] / 2}
            if r.get("cpu_s_per_doc") and one.get("cpu_s_per_doc"):
                # On two idle cores: two workers, each at the 2-worker CPU cost per document, minus dispatch gaps.
                pair["cpu_ratio"] = one["cpu_s_per_doc"] / r["cpu_s_per_doc"]
                pair["speedup_idle_cores"] = 2 * pair["cpu_ratio"] * (1 - r["overhead_pct"] / 100)
            pairs[f"{r['task']}/{r['set']}"] = pair
    proj = projection([r for r in results if r["set"].startswith("real")], writer)
    return {"runs": results, "speedup": pairs, "writer": writer, "server": server, "projection": proj,
            "machine": {"cpus": os.cpu_count(), "load_end": os.getloadavg(),
                        "time": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="real,rep500")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--tasks", default="check,ingest")
    ap.add_argument("--limit", type=int, default=0, help="Only the first N documents of each set (a quick run).")
    ap.add_argument("--no-probes", action="store_true", help="Keep the writer and server figures of --out.")
    ap.add_argument("--report-only", action="store_true", help="Recompute the summary and the plot from --out.")
    ap.add_argument("--out", type=Path, default=DOCS / "scale.json")
    args = ap.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    DOCS.mkdir(exist_ok=True)
    previous = json.loads(args.out.read_text()) if args.out.exists() else {}
    results: list[dict] = list(previous.get("runs", []))
    writer, server = previous.get("writer", {}), previous.get("server", {})

    def save() -> None:
        args.out.write_text(json.dumps(summarise(results, writer, server), indent=1, default=str), encoding="utf-8")

    fresh: list[dict] = []  # runs of this invocation (the writer and server probes use its ingest store)
    if not args.report_only:
        sets = {"real": real_set}
        sets.update({s: (lambda n=int(s[3:]): repeated_set(n)) for s in args.sets.split(",") if s.startswith("rep")})
        for w in map(int, args.workers.split(",")):
            cluster = Cluster(w)
            try:
                for name in args.sets.split(","):
                    paths = sets[name]()[:args.limit or None]
                    for task in args.tasks.split(","):
                        r = run_cli(task, paths, cluster, f"{task}-{name}-{w}w")
                        r["set"] = f"{name}[:{args.limit}]" if args.limit else name
                        # A run measured again replaces its earlier figures; others are kept (separate sittings).
                        results[:] = [x for x in results if (x["task"], x["set"], x["workers"]) !=
                                      (r["task"], r["set"], r["workers"])] + [r]
                        fresh.append(r)
                        print(json.dumps(r), flush=True)
                        save()
            finally:
                cluster.close()
        ingest_real = next((r for r in fresh if r["task"] == "ingest" and r["set"].startswith("real")
                            and Path(r.get("store", "/nonexistent")).exists()), None)
        if ingest_real and not args.no_probes:
            writer = writer_costs(Path(ingest_real["store"]))
            server = server_costs(Path(ingest_real["store"]))
    save()
    report = json.loads(args.out.read_text())
    plot(results, report["projection"], args.out.with_suffix(".png"))  # docs/scale.png beside docs/scale.json
    print(json.dumps({k: report[k] for k in ("speedup", "writer", "server")}, indent=1))


if __name__ == "__main__":
    main()
