"""Questions as people ask them, over one store of a whole city's disclosures (real_qa.yaml): every document of
the corpus (../shared/corpus/real, seeds and pdf) in one store, so that a look-alike can be picked by mistake and a
unit that is not there must be declined. Scored per kind and per split (dev apart from the untouched check),
with the precision of what is answered (`answered: true`) and every question's answer and verdict for
`docqa eval --details`."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from eval.labels import LabelSet, Question
from eval.metrics import citation_correct, numbers_in, percentile, same_source
from index.document import UNIT_TO_WANYUAN

SET_NAME = "real_qa"


@dataclass
class RealResult:
    question: Question
    answered: bool
    value: float | None
    text: str
    pages: list[tuple[str, int]]
    answer_ok: bool
    citation_ok: bool | None  # None: nothing to cite (declined as it should)
    seconds: float
    confidence: float = 0.0


def is_real_set(s: LabelSet) -> bool:
    return any(q.kind for q in s.questions)


def corpus_documents(corpus: Path) -> list[Path]:
    """Every document of the corpus: the real disclosures, the seeds and the PDFs."""
    out: list[Path] = []
    for sub, pattern in (("real", "*.pdf"), ("seeds", "*.txt"), ("pdf", "*.pdf")):
        out += sorted((corpus / sub).glob(pattern))
    return out


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance + 1e-9


def correct(q: Question, answer) -> bool:
    """Declined when the store does not hold it; else the value (and every figure of `values`) stated."""
    if not q.answerable:
        return not answer.answered
    if not answer.answered:
        return False
    stated = [answer.value] if answer.value is not None else []
    stated += [r.value for r in getattr(answer, "rows", []) if r.value is not None]
    if q.value is not None:
        value = answer.value
        if value is not None and answer.unit in UNIT_TO_WANYUAN and q.unit in UNIT_TO_WANYUAN:
            # money stated in another unit than the label's (176.4亿元 answered as 1,764,000万元) is the same figure
            value = value * UNIT_TO_WANYUAN[answer.unit] / UNIT_TO_WANYUAN[q.unit]
        if value is None or not _close(value, q.value, q.tolerance):
            return False
    if q.values:
        pool = stated + numbers_in(answer.answer)
        if not all(any(_close(v.value, x, q.tolerance) for x in pool) for v in q.values):
            return False
    if q.value is None and not q.values:
        return all(p in answer.answer for p in q.key_phrases)
    return True


def ask_all(questions: list[Question], store: Path, settings, mode: str = "hybrid") -> list[RealResult]:
    from eval.metrics import Chunk, Prediction
    from qa.answer import ask
    from qa.retrieve import Retriever

    retriever = Retriever(store, mode, settings.index if settings is not None else None)
    out = []
    for q in questions:
        t0 = time.perf_counter()
        try:
            a = ask(q.question, store, 5, settings, retriever=retriever)
        except Exception as exc:  # a crash on one question is a wrong answer, not a crashed evaluation
            from qa.models import Answer

            a = Answer(question=q.question, answer=f"error: {exc}", answered=False)
        seconds = time.perf_counter() - t0
        pred = Prediction(value=a.value, unit=a.unit, text=a.answer,
                          citations=[Chunk(source=c.source, pages=[c.page], text=c.text) for c in a.citations])
        cited = citation_correct(q, pred) if q.answerable and q.gold else None
        if cited is not None and a.rows and len(q.gold) > 1:
            # Across documents: one citation per document, each on a gold page of its own document.
            cited = all(any(same_source(c.source, g.source) and c.page in g.pages for c in a.citations)
                        for g in q.gold)
        out.append(RealResult(q, a.answered, a.value, a.answer, [(Path(c.source).name, c.page) for c in a.citations],
                              correct(q, a), cited, seconds, a.confidence))
    return out


def _rate(xs: list[bool]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


MIN_CONFIDENCES = (0.6, 0.8)  # thresholds the summary reports (settings [qa] min_confidence)


def summarise(results: list[RealResult]) -> dict:
    def block(rs: list[RealResult]) -> dict:
        answered = [r for r in rs if r.answered]
        cited = [r.citation_ok for r in rs if r.citation_ok is not None]
        declined = [r for r in rs if not r.question.answerable]
        return {"questions": len(rs), "answer_accuracy": _rate([r.answer_ok for r in rs]),
                "citation_page_accuracy": _rate(cited),
                "answered": len(answered), "answered_precision": _rate([r.answer_ok for r in answered]),
                "not_in_store_declined": _rate([not r.answered for r in declined]) if declined else None}

    out = block(results)
    out["by_kind"] = {k: block([r for r in results if r.question.kind == k])
                      for k in sorted({r.question.kind or "-" for r in results})}
    out["by_split"] = {s: block([r for r in results if r.question.split == s])
                       for s in sorted({r.question.split or "-" for r in results})}
    # what `--min-confidence X` would give: answers below X count as declined
    out["at_confidence"] = {f"{x:.1f}": block([r if r.confidence >= x or not r.answered else
                                               replace(r, answered=False, answer_ok=not r.question.answerable)
                                               for r in results]) for x in MIN_CONFIDENCES}
    lat = [r.seconds for r in results]
    out["latency"] = {"ask_p50_s": percentile(lat, 50), "ask_p95_s": percentile(lat, 95)}
    return out


def city_store(settings) -> Path:
    """A store kept between runs (re-ingesting an unchanged corpus takes seconds): $DOCQA_CITY_STORE, else beside
    the model cache."""
    env = os.environ.get("DOCQA_CITY_STORE")
    if env:
        return Path(env)
    cache = getattr(getattr(settings, "index", None), "model_cache", None)
    base = Path(cache).parent if cache else Path.home() / ".cache" / "docqa"
    return base / "city-store"


def run_real(s: LabelSet, corpus: Path, settings, store: Path | None = None,
             progress=lambda _: None) -> tuple[dict, list[RealResult]]:
    from index.ingest import ingest_paths

    store = store or city_store(settings)
    docs = corpus_documents(corpus)
    progress(f"{SET_NAME}: one store of {len(docs)} documents ({store})")
    t0 = time.perf_counter()
    ingest_paths(docs, store, settings.index if settings is not None else None)
    ingest_s = time.perf_counter() - t0
    progress(f"{SET_NAME}: asking {len(s.questions)} questions")
    results = ask_all(s.questions, store, settings)
    summary = summarise(results)
    summary["documents"] = len(docs)
    summary["ingest_s"] = round(ingest_s, 1)
    return summary, results


def details(results: list[RealResult]) -> list[dict]:
    """Every question with its answer and verdict (`docqa eval --details`)."""
    return [{"id": r.question.id, "kind": r.question.kind, "split": r.question.split, "question": r.question.question,
             "answered": r.answered, "value": r.value, "gold": r.question.value if r.question.answerable else None,
             "answer": r.text[:160], "pages": r.pages[:2], "verdict": "right" if r.answer_ok else "wrong",
             "citation": r.citation_ok, "confidence": r.confidence} for r in results]


def print_summary(console, name: str, summary: dict, results: list[RealResult] | None = None) -> None:
    """The set's figures by kind and split (rich), and every question when `results` are given."""
    from rich.table import Table as RichTable

    t = RichTable(title=f"{name}: {summary['questions']} questions over one store of {summary.get('documents')} "
                        f"documents (ingest {summary.get('ingest_s')} s)")
    for col in ("kind / split", "questions", "answer acc.", "citation page acc.", "answered", "precision answered",
                "declined (not in store)"):
        t.add_column(col, justify="left" if col == "kind / split" else "right")

    def row(label: str, b: dict) -> None:
        declined = b.get("not_in_store_declined")
        t.add_row(label, str(b["questions"]), f"{b['answer_accuracy']:.3f}", f"{b['citation_page_accuracy']:.3f}",
                  str(b["answered"]), f"{b['answered_precision']:.3f}", "—" if declined is None else f"{declined:.3f}")

    row("all", summary)
    for kind, b in summary["by_kind"].items():
        row(kind, b)
    for split, b in summary["by_split"].items():
        row(f"split: {split}", b)
    for x, b in summary.get("at_confidence", {}).items():
        row(f"--min-confidence {x}", b)
    console.print(t)
    if results is None:
        return
    d = RichTable(title=f"{name}: every question")
    for col in ("id", "kind", "split", "question", "answered", "value", "gold", "verdict", "pages"):
        d.add_column(col)
    for r in details(results):
        d.add_row(r["id"], r["kind"] or "", r["split"] or "", r["question"], "yes" if r["answered"] else "no",
                  "" if r["value"] is None else f"{r['value']:,.2f}", "" if r["gold"] is None else f"{r['gold']:,.2f}",
                  "[green]right[/]" if r["verdict"] == "right" else "[red]wrong[/]",
                  " ".join(f"{s} p{p}" for s, p in r["pages"]))
    console.print(d)
