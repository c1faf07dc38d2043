"""Which encoder earns its place: none (BM25 only), static-e5 and e5-small on the shipped labelled sets.

For each set and encoder: recall@1/@5 of the dense list alone and of DocQA's hybrid ranking (BM25 + dense + the
structural reranker), answer accuracy of `ask`, ingest time (parse + chunk + embed, wall and CPU seconds, chunks/s),
the encoder's own throughput on the store's chunk texts, its load time, and the in-process latency of a search.
"none" is the static-e5 store searched with its dense list emptied (the reranker's pool comes from BM25 alone).

Sets: eval/sets/corpus_qa.yaml over ../shared/corpus, and the dev questions of eval/sets/real_qa.yaml whose kind
is paraphrase, over their documents only (untouched quanzhou/huzhou questions are not used here).

    python -m eval.bench_encoders [--sets corpus,paraphrase] [--encoders none,static-e5,e5-small]
                                  [--work DIR] [--out results.md]

Stores are kept under --work: a re-run skips unchanged documents (ingest time is then the earlier run's).
Every finished (set, encoder) cell is saved at once to DIR/results.json and the table rewritten.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from contextlib import contextmanager
from pathlib import Path

from core.settings import Settings, load_settings
from eval.labels import SETS_DIR, load_set
from eval.metrics import Prediction, answer_correct, first_hit_rank, retrieval_scores

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ENCODERS = ("none", "static-e5", "e5-small")
SETS = ("corpus", "corpus-pdf", "paraphrase")
SPEED_SAMPLE = 400  # chunk texts the encoder's own speed is measured on (--speed-sample)
DENSE_WEIGHTS = (0.3, 1.0)  # fusion weights of the dense list tried beside the shipped one (BM25 weight 1)


def questions_of(name: str, corpus: Path, max_pages: int = 0):
    """(questions, document paths) of a set; with max_pages, only the questions over the smallest documents whose
    pages add up to at most that (a slow encoder on a loaded machine)."""
    if name.startswith("corpus"):
        s = load_set(SETS_DIR / "corpus_qa.yaml")
        # corpus-pdf: the questions over the three real PDFs only (not the generated seed texts)
        qs = [q for q in s.questions if name == "corpus" or all(src.startswith("pdf/") for src in q.sources)]
    else:
        s = load_set(SETS_DIR / "real_qa.yaml")
        qs = [q for q in s.questions if q.kind == "paraphrase" and q.split == "dev"]
    root = Path(s.root) if s.root else corpus
    docs = sorted({s.resolve(src, root) for q in qs for src in q.sources})
    if max_pages:
        import pymupdf

        pages = {d: pymupdf.open(d).page_count if d.suffix == ".pdf" else 1 for d in docs}
        kept, total = set(), 0
        for d in sorted(docs, key=lambda d: (pages[d], str(d))):
            if total + pages[d] <= max_pages:
                kept.add(d)
                total += pages[d]
        qs = [q for q in qs if all(s.resolve(src, root) in kept for src in q.sources)]
        docs = sorted(kept & {s.resolve(src, root) for q in qs for src in q.sources})
    return qs, docs


def settings_for(encoder: str, cache: Path | None) -> Settings:
    base = load_settings()
    index = base.index.model_copy(update={"embedding_model": "static-e5" if encoder == "none" else encoder,
                                          **({"model_cache": cache} if cache else {})})
    llm = base.llm.model_copy(update={"enabled": False})
    return base.model_copy(update={"index": index, "llm": llm})


@contextmanager
def no_dense():
    """Searches see an empty dense list: DocQA's ranking with BM25 alone."""
    from index.store import Store

    original = Store.dense
    Store.dense = lambda self, vector, k, allowed: []
    try:
        yield
    finally:
        Store.dense = original


def _cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def ingest(docs: list[Path], store: Path, settings: Settings) -> dict:
    from index.embed import load_encoder
    from index.ingest import ingest_paths

    t0, c0 = time.perf_counter(), _cpu()
    load_encoder(settings.index)  # build or load the model outside the ingest timing
    load_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    report = ingest_paths(docs, store, settings.index)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    pages = sum(a.pages for a in report.added)
    return {"documents": len(docs), "added": len(report.added), "pages": pages, "chunks": report.chunks_total,
            "ingest_wall_s": wall, "ingest_cpu_s": cpu, "model_load_s": load_s,
            "errors": [e.error for e in report.errors]}


def encoder_speed(store: Path, settings: Settings, sample: int = 400) -> dict:
    """Passages per second of the encoder alone on the store's own chunk texts (an even sample)."""
    from index.embed import encode, load_encoder
    from index.store import Store

    texts = [c.search_text for c in Store(store).chunks().values()]
    step = max(1, len(texts) // sample)
    texts = texts[::step][:sample]
    model = load_encoder(settings.index)
    t0, c0 = time.perf_counter(), _cpu()
    encode(model, texts, batch_size=settings.index.batch_size)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    return {"encode_chunks_per_s": len(texts) / wall, "encode_chunks_per_cpu_s": len(texts) / max(cpu, 1e-9),
            "encode_sample": len(texts)}


def cold_query_load(settings: Settings) -> float:
    """Seconds a new process takes to load the query encoder and embed one question (what `docqa ask` pays)."""
    import os
    import subprocess
    import sys

    code = ("import time; t = time.perf_counter(); from core.settings import IndexSettings; "
            "from index.embed import encode, load_query_encoder; "
            f"encode(load_query_encoder(IndexSettings.model_validate_json({settings.index.model_dump_json()!r})), "
            "['2024年公务接待费是多少']); print(time.perf_counter() - t)")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    return float(out.stdout.strip().splitlines()[-1]) if out.stdout.strip() else time.perf_counter() - t0


def score(questions, store: Path, settings: Settings, encoder: str) -> dict:
    from eval.run import _chunk
    from index.embed import load_query_encoder
    from qa.answer import ask
    from qa.retrieve import Retriever

    t0 = time.perf_counter()
    load_query_encoder(settings.index)
    query_load_s = time.perf_counter() - t0
    hybrid = Retriever(store, "hybrid", settings.index)
    dense = Retriever(store, "dense", settings.index) if encoder != "none" else None
    ranks_h, ranks_d, right, search_s = [], [], [], []
    for q in questions:
        if dense is not None:
            ranks_d.append(first_hit_rank(q, [_chunk(h) for h in dense.search(q.question, 5)]))
        t0 = time.perf_counter()
        hits = hybrid.search(q.question, 5)
        search_s.append(time.perf_counter() - t0)
        ranks_h.append(first_hit_rank(q, [_chunk(h) for h in hits]))
        try:
            answer = ask(q.question, store, 5, settings, retriever=hybrid)
            right.append(answer_correct(q, Prediction(value=answer.value, unit=answer.unit, text=answer.answer)))
        except Exception:  # a crash on one question is a wrong answer
            right.append(False)
    sweep = {}
    if dense is not None:  # what a dense weight in the fusion would give (qa/retrieve.py ships weight 0)
        import qa.retrieve as retrieve

        shipped = retrieve.FUSION_WEIGHTS
        for w in DENSE_WEIGHTS:
            retrieve.FUSION_WEIGHTS = (1.0, w)
            try:
                ranks = [first_hit_rank(q, [_chunk(h) for h in hybrid.search(q.question, 5)]) for q in questions]
            finally:
                retrieve.FUSION_WEIGHTS = shipped
            sweep[str(w)] = retrieval_scores(ranks)
    return {"questions": len(questions), "dense": retrieval_scores(ranks_d) if dense is not None else None,
            "hybrid_by_dense_weight": sweep,
            "hybrid": retrieval_scores(ranks_h), "answer_accuracy": sum(right) / max(len(right), 1),
            "search_p50_s": statistics.median(search_s) if search_s else 0.0, "query_encoder_load_s": query_load_s}


def run_cell(set_name: str, encoder: str, work: Path, corpus: Path, cache: Path | None, results: dict,
             max_pages: int = 0) -> dict:
    questions, docs = questions_of(set_name.split("<=")[0], corpus, max_pages)
    settings = settings_for(encoder, cache)
    store = work / set_name / ("static-e5" if encoder == "none" else encoder)
    cell: dict = {}
    if encoder != "none":
        cell.update(ingest(docs, store, settings))
        cell.update(encoder_speed(store, settings, SPEED_SAMPLE))
        cell["query_encoder_cold_s"] = cold_query_load(settings)
        if not cell["added"]:  # nothing re-ingested: keep the timing of the run that did
            old = results.get(set_name, {}).get(encoder, {})
            cell.update({k: old[k] for k in ("ingest_wall_s", "ingest_cpu_s", "pages") if k in old})
    if encoder == "none":
        with no_dense():
            cell.update(score(questions, store, settings, encoder))
    else:
        cell.update(score(questions, store, settings, encoder))
    return cell


def table(results: dict) -> str:
    lines = ["| set | encoder | dense R@1 | dense R@5 | hybrid R@1 | hybrid R@5 | answer acc | ingest s (wall / CPU) "
             "| encode chunks/s (wall / CPU) | search p50 ms | query encoder, new process s |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for set_name, cells in results.items():
        for encoder in ENCODERS:
            c = cells.get(encoder)
            if not c:
                continue
            d = c.get("dense") or {}
            ing = (f"{c['ingest_wall_s']:.0f} / {c['ingest_cpu_s']:.0f} ({c['chunks']} chunks, {c['pages']} p)"
                   if "ingest_wall_s" in c else "(as static-e5)" if encoder == "none" else
                   f"not timed ({c.get('chunks', '?')} chunks)")
            enc = (f"{c['encode_chunks_per_s']:.0f} / {c['encode_chunks_per_cpu_s']:.0f}"
                   if "encode_chunks_per_s" in c else "-")
            cold = f"{c['query_encoder_cold_s']:.1f}" if "query_encoder_cold_s" in c else "-"
            lines.append(f"| {set_name} ({c['questions']} q) | {encoder} | {d.get('recall@1', float('nan')):.2f} | "
                         f"{d.get('recall@5', float('nan')):.2f} | {c['hybrid']['recall@1']:.2f} | "
                         f"{c['hybrid']['recall@5']:.2f} | {c['answer_accuracy']:.2f} | {ing} | {enc} | "
                         f"{c['search_p50_s'] * 1000:.0f} | {cold} |")
    lines += ["", "Hybrid R@1 / R@5 with a dense weight in the fusion (BM25 weight 1; shipped: "
              "qa/retrieve.py FUSION_WEIGHTS):", "", "| set | encoder | " + " | ".join(
                  f"dense weight {w}" for w in DENSE_WEIGHTS) + " |", "|---|---|" + "---|" * len(DENSE_WEIGHTS)]
    for set_name, cells in results.items():
        for encoder in ENCODERS:
            sweep = (cells.get(encoder) or {}).get("hybrid_by_dense_weight")
            if sweep:
                lines.append(f"| {set_name} | {encoder} | " + " | ".join(
                    f"{sweep[str(w)]['recall@1']:.2f} / {sweep[str(w)]['recall@5']:.2f}" if str(w) in sweep else "-"
                    for w in DENSE_WEIGHTS) + " |")
    return "\n".join(lines).replace("nan", "-")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--encoders", default=",".join(ENCODERS))
    ap.add_argument("--work", type=Path, default=Path("/tmp/docqa-bench-encoders"))
    ap.add_argument("--out", type=Path, default=None, help="markdown table (default: WORK/results.md)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--model-cache", type=Path, default=None)
    ap.add_argument("--max-pages", type=int, default=0, help="paraphrase set: only questions over the smallest "
                    "documents, at most this many pages in all (0: every question)")
    ap.add_argument("--speed-sample", type=int, default=SPEED_SAMPLE, help="chunk texts to time the encoder on")
    args = ap.parse_args(argv)
    globals()["SPEED_SAMPLE"] = args.speed_sample
    if not args.corpus.is_dir():
        print(f"{args.corpus}: corpus not found")
        return
    args.work.mkdir(parents=True, exist_ok=True)
    saved = args.work / "results.json"
    results = json.loads(saved.read_text()) if saved.exists() else {}
    out = args.out or args.work / "results.md"
    for set_name in args.sets.split(","):
        if args.max_pages and set_name == "paraphrase":
            set_name = f"paraphrase<={args.max_pages}p"
        # static-e5 first: "none" searches its store
        for encoder in sorted(args.encoders.split(","), key=lambda e: (e != "static-e5", ENCODERS.index(e))):
            print(f"{set_name} / {encoder} ...", flush=True)
            cell = run_cell(set_name, encoder, args.work, args.corpus, args.model_cache, results,
                            args.max_pages if set_name.startswith("paraphrase") else 0)
            results.setdefault(set_name, {})[encoder] = cell
            saved.write_text(json.dumps(results, indent=1, ensure_ascii=False))
            out.write_text(table(results) + "\n")
            print(table({set_name: {encoder: cell}}).splitlines()[-1], flush=True)
    print(table(results))


if __name__ == "__main__":
    main()
