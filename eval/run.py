"""The evaluation runner: one temp store, DocQA and the three baselines on the same questions, rules on the
labelled documents and on the mutation benchmark. Returns the `docqa eval --json` contract plus details.
"""
from __future__ import annotations

import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from core.settings import Settings
from eval.baselines import NaivePipeline, RetrieverBaseline
from eval.details import record_expected
from eval.labels import SETS_DIR, DocumentLabels, LabelSet, Question, load_set
from eval.metrics import (Chunk, Prediction, ReportedFinding, answer_correct, citation_correct, first_hit_rank,
                          involves, match_findings, off_by, percentile, prf, retrieval_scores)
from eval.mutate import Case, cases_for
from eval.parsing import parsing_block
from eval.real_corpus import real_corpus_block

SYSTEMS = ("docqa", "bm25", "dense", "naive")
COUNTED_SEVERITIES = ("error", "warning")
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@dataclass
class QAResult:
    question: Question
    prediction: Prediction
    rank: int | None
    answer_ok: bool
    citation_ok: bool


@dataclass
class RulesTally:
    tp: dict[str, int] = field(default_factory=dict)  # reported findings that explain an expectation, by kind
    fp: dict[str, int] = field(default_factory=dict)  # reported findings nobody expected, by kind
    expected: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)  # expectations met, by kind
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)  # one verdict per expectation (eval/details.py)

    def add(self, bucket: dict[str, int], kind: str, n: int = 1) -> None:
        bucket[kind] = bucket.get(kind, 0) + n

    def summary(self) -> dict:
        kinds = sorted(set(self.tp) | set(self.fp) | set(self.expected))
        total = prf(sum(self.tp.values()), sum(self.fp.values()), 0)
        expected = sum(self.expected.values())
        recall = sum(self.found.values()) / expected if expected else 1.0
        precision = total["precision"]
        out = {"precision": precision, "recall": recall,
               "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
               "per_kind": {}}
        for k in kinds:
            p = prf(self.tp.get(k, 0), self.fp.get(k, 0), 0)["precision"]
            e = self.expected.get(k, 0)
            r = self.found.get(k, 0) / e if e else 1.0
            out["per_kind"][k] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                                  "cases": e, "false_positives": self.fp.get(k, 0)}
        return out


@dataclass
class EvalResult:
    systems: dict[str, dict]
    qa: dict[str, list[QAResult]]
    rules: RulesTally | None
    seconds: float
    counts: dict[str, int]
    parsing: dict = field(default_factory=dict)  # eval/parsing.py: tables of the real corpus
    real: dict[str, tuple[dict, list]] = field(default_factory=dict)  # real_qa sets: (summary, per question)

    def to_json(self) -> dict:
        return {"systems": self.systems, **({"parsing": self.parsing} if self.parsing else {})}


# ---------------------------------------------------------------- scoring


def score_system(questions: list[Question], ask: Callable[[str], Prediction]) -> list[QAResult]:
    out = []
    for q in questions:
        t0 = time.perf_counter()
        try:
            pred = ask(q.question)
        except Exception as exc:  # a crash on one question is a wrong answer, not a crashed evaluation
            pred = Prediction(text=f"error: {exc}")
        pred.seconds = pred.seconds or time.perf_counter() - t0
        out.append(QAResult(q, pred, first_hit_rank(q, pred.retrieved), answer_correct(q, pred),
                            citation_correct(q, pred)))
    return out


def qa_metrics(results: list[QAResult]) -> dict:
    n = len(results) or 1  # no questions: every score is 0, not a division error
    latencies = [r.prediction.seconds for r in results]
    return {
        "retrieval": retrieval_scores([r.rank for r in results]),
        "answer": {"accuracy": sum(r.answer_ok for r in results) / n},
        "citation": {"page_accuracy": sum(r.citation_ok for r in results) / n},
        "latency": {"ask_p50_s": percentile(latencies, 50), "ask_p95_s": percentile(latencies, 95)},
    }


def _reported(report) -> list[ReportedFinding]:
    return [ReportedFinding.from_finding(f) for f in report.findings if f.severity in COUNTED_SEVERITIES]


def score_labelled(tally: RulesTally, labels: DocumentLabels, report) -> None:
    found = _reported(report)
    result = match_findings(labels.findings, found, labels.ignore_kinds)
    for e, ok in zip(labels.findings, result.matched):
        record_expected(tally.items, labels.source, e.page, e.kind, e.numbers, ok, report, e.judgement)
        tally.add(tally.expected, e.kind)
        if ok:
            tally.add(tally.found, e.kind)
        else:
            tally.misses.append(f"{labels.source} p{e.page} {e.kind} {e.numbers}")
    for k, n in result.per_kind_tp.items():
        tally.add(tally.tp, k, n)
    for k, n in result.per_kind_fp.items():
        tally.add(tally.fp, k, n)
    tally.false.extend(f"{labels.source} p{f.pages} {f.kind} {f.key}" for f in result.unexplained)


def score_case(tally: RulesTally, case: Case, baseline, mutated) -> bool:
    """Findings already present on the clean document are not the mutation's: compare by key."""
    m = case.mutation
    before = {f.key for f in _reported(baseline)}
    new = [f for f in _reported(mutated) if f.key not in before]

    def on_target(f: ReportedFinding) -> bool:
        return m.page == 0 or m.page in f.pages

    detected = any(f.kind == m.kind and on_target(f) and involves(f.numbers, m.numbers) for f in new)
    record_expected(tally.items, f"{case.id} ({Path(case.base).name})", m.page, m.kind, m.numbers, detected, mutated,
                    m.description)
    tally.add(tally.expected, m.kind)
    if detected:
        tally.add(tally.found, m.kind)
    else:
        tally.misses.append(f"{case.id}: {m.description}")
    for f in new:
        explained = f.kind in [m.kind, *m.also] and (
            on_target(f) or bool(m.numbers) and involves(f.numbers, m.numbers)
            or len(m.numbers) == 2 and off_by(f.numbers, m.numbers[1] - m.numbers[0]))
        if explained:
            tally.add(tally.tp, f.kind)
        else:
            tally.add(tally.fp, f.kind)
            tally.false.append(f"{case.id}: {f.kind} p{f.pages} {f.key}")
    return detected


# ---------------------------------------------------------------- adapters onto the product


def check_path(path: str):
    from rules.engine import check_path as check

    return check(Path(path))


def _check_many(paths: list[Path], workers: int) -> dict[str, object]:
    unique = sorted({str(p) for p in paths})
    if workers <= 1 or len(unique) < 4:
        return {p: check_path(p) for p in unique}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return dict(zip(unique, pool.map(check_path, unique, chunksize=4)))


def _chunk(hit) -> Chunk:
    """A retriever hit or an answer citation as a metrics Chunk, whatever its concrete type."""
    get = (lambda k, d=None: hit.get(k, d)) if isinstance(hit, dict) else (lambda k, d=None: getattr(hit, k, d))
    inner = get("chunk")
    if inner is not None:
        score = get("score", 0.0)
        c = _chunk(inner)
        c.score = float(score or 0.0)
        return c
    pages = get("pages") or ([get("page")] if get("page") is not None else [])
    return Chunk(source=str(get("source", "")), pages=[int(p) for p in pages], text=str(get("text", "")),
                 score=float(get("score", 0.0) or 0.0))


def docqa_systems(store_dir: Path, settings: Settings, k: int = 5) -> dict[str, Callable[[str], Prediction]]:
    from qa.answer import ask
    from qa.retrieve import Retriever

    retrievers = {mode: Retriever(store_dir, mode=mode, index=settings.index) for mode in ("hybrid", "bm25", "dense")}

    def search(mode: str) -> Callable[[str, int], list[Chunk]]:
        return lambda question, kk: [_chunk(h) for h in retrievers[mode].search(question, kk)]

    def docqa(question: str) -> Prediction:
        t0 = time.perf_counter()
        answer = ask(question, store_dir, k, settings)
        seconds = time.perf_counter() - t0
        return Prediction(value=answer.value, unit=answer.unit, text=answer.answer,
                          citations=[_chunk(c) for c in answer.citations], retrieved=search("hybrid")(question, k),
                          seconds=seconds)

    return {"docqa": docqa,
            "bm25": RetrieverBaseline(search("bm25")).ask,
            "dense": RetrieverBaseline(search("dense")).ask}


def encoder(settings: Settings):
    from index.embed import load_encoder

    model = load_encoder(settings.index)
    return lambda texts: model.encode(texts, batch_size=64, show_progress_bar=False, normalize_embeddings=True)


# ---------------------------------------------------------------- the run


def default_sets(corpus: Path | None) -> list[LabelSet]:
    sets = []
    if corpus is not None and corpus.is_dir():
        sets += [load_set(SETS_DIR / "corpus_qa.yaml"), load_set(SETS_DIR / "corpus_findings.yaml")]
        if (SETS_DIR / "real_qa.yaml").exists():
            sets.append(load_set(SETS_DIR / "real_qa.yaml"))
    return sets


def run(label_sets: list[LabelSet], corpus: Path | None, settings: Settings, quick: bool = False, synthetic: bool = True,
        workers: int | None = None, progress: Callable[[str], None] = lambda _: None) -> EvalResult:
    from eval.labels import materialise_synthetic
    from index.ingest import ingest_paths

    t_start = time.perf_counter()
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    tmp = Path(tempfile.mkdtemp(prefix="docqa-eval-"))
    from eval.real_qa import is_real_set, run_real

    # Questions as people ask them are asked of one store of the whole corpus, scored apart (by kind and split).
    real_sets = [s for s in label_sets if is_real_set(s) and corpus is not None]
    sets = [s for s in label_sets if not is_real_set(s)]
    generated: set[str] = set()
    if synthetic:
        progress("generating the synthetic set")
        sets.append(materialise_synthetic(tmp / "synthetic", quick=quick))
        generated = {d.source for d in sets[-1].documents}

    # Every document any set names, resolved once; one store for all of them.
    docs: dict[str, Path] = {}
    for s in sets:
        root = Path(s.root) if s.root else corpus
        for src in s.sources():
            if root is None:
                continue
            docs[src] = s.resolve(src, root)
    missing = [str(p) for p in docs.values() if not p.exists()]
    if missing:
        raise FileNotFoundError(f"labelled documents not found: {', '.join(missing[:3])}")
    questions = [q for s in sets for q in s.questions]
    labelled = [(docs[d.source], d) for s in sets for d in s.documents]

    store = tmp / "store"
    qa_docs = sorted({docs[src] for s in sets for q in s.questions for src in q.sources})
    results: dict[str, list[QAResult]] = {}
    systems: dict[str, dict] = {}
    if questions:
        progress(f"ingesting {len(qa_docs)} documents")
        ingest_paths(qa_docs, store, settings.index)
        asks = docqa_systems(store, settings)
        progress("building the naive pipeline")
        naive = NaivePipeline.build(qa_docs, encoder(settings))
        asks["naive"] = naive.ask
        for name in SYSTEMS:
            progress(f"asking {len(questions)} questions: {name}")
            results[name] = score_system(questions, asks[name])
            systems[name] = qa_metrics(results[name])

    tally = None
    n_cases = 0
    if labelled:
        progress("mutating clean documents")
        clean = [p for p, d in labelled if not d.findings and not d.ignore_kinds]
        # Real documents with known contradictions are mutated too: the baseline diff sets those aside.
        real = [p for p, d in labelled if d.findings]
        bases = sorted(set(clean) | set(real))
        if quick:
            bases = bases[:2]
        cases: list[Case] = []
        for base in bases:
            cases += cases_for(base, tmp / "mutations", per_operator=1 if quick else 3)
        n_cases = len(cases)
        progress(f"checking {len(labelled)} labelled documents and {n_cases} mutation cases")
        reports = _check_many([p for p, _ in labelled] + bases + [c.path for c in cases], workers)
        tally, real_tally = RulesTally(), RulesTally()
        real_paths = {str(p) for p, d in labelled if d.source not in generated}
        for path, labels in labelled:
            for t in (tally, real_tally) if str(path) in real_paths else (tally,):
                score_labelled(t, labels, reports[str(path)])
        for case in cases:
            for t in (tally, real_tally) if str(case.base) in real_paths else (tally,):
                score_case(t, case, reports[str(case.base)], reports[str(case.path)])
    rules_block = tally.summary() if tally else None
    if rules_block is not None:
        # The same scores on the real documents alone (their hand-labelled findings and the cases injected into
        # them): the generated documents are cleaner than anything a reviewer receives.
        rules_block["real_documents"] = real_tally.summary()
        rules_block["real_corpus"] = real_corpus_block(corpus / "real" if corpus else None, workers, quick,
                                                       progress=progress)
    for name in SYSTEMS:
        systems.setdefault(name, qa_metrics([]))
        systems[name]["rules"] = rules_block if name == "docqa" else None
    ordered = {name: {key: systems[name][key] for key in ("retrieval", "answer", "citation", "rules", "latency")}
               for name in SYSTEMS if name in systems}
    parsing: dict = {}
    if not quick:  # a smoke run does not parse the whole real corpus (tests/test_parsing.py covers the block)
        progress("parsing the real corpus (tables: coverage, structure, self-consistency, speed)")
        parsing = parsing_block(corpus)
    real = {s.name: run_real(s, corpus, settings, progress=progress) for s in real_sets}
    for name, (summary, _) in real.items():
        ordered["docqa"][name] = summary
    return EvalResult(ordered, results, tally, time.perf_counter() - t_start,
                      {"questions": len(questions), "documents": len(docs), "labelled": len(labelled),
                       "cases": n_cases}, parsing, real)
