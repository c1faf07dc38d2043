"""Rules on the real corpus (issue 14): hand-judged error findings and mutations injected into real templates.

`python -m eval.real_corpus --json` prints the block that `docqa eval --json` carries as `rules.real_corpus`:
- precision of errors (real / all judged errors), false errors per document, documents with more than one false
  error, by city and for the dev cities (shenzhen, xian, chongqing) apart from the untouched ones (quanzhou,
  huzhou: measured, never tuned on). Errors no label judges are counted and listed, never taken as right.
- recall of the real inconsistencies seen on the pages (labels with verdict real, flagged or not when judged).
- `mutations`: contradictions injected into dev documents by eval/mutate.py, precision/recall per kind.

A finding matches a label by document, page, kind family and the amounts involved (expected/actual), never by
finding id or message: both change as the rules change, the document's facts do not.
Check results are cached by file content + code fingerprint, so a rerun on unchanged code reads them back.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from eval.metrics import numbers_in

SETS_FILE = Path(__file__).resolve().parent / "sets" / "real_findings.yaml"
DEFAULT_REAL = Path(os.environ.get("DOCQA_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus") / "real"
DEV_CITIES = ("shenzhen", "xian", "chongqing")
UNTOUCHED_CITIES = ("quanzhou", "huzhou")
# Kinds a rule change may move a finding between without changing what it says about the document.
FAMILIES = {"narrative_vs_table": "amount", "cross_table": "amount", "unit": "amount", "arithmetic": "amount",
            "percentage": "rate", "direction": "rate"}
MUTATION_MAX_PAGES = 50  # longer documents cost too much to re-check once per injected case
MUTATION_CASES = 330
# index modules `docqa check` never runs (search side): a change there keeps the cached reports.
NOT_CHECK_CODE = {"embed", "e5", "store", "ingest", "chunk", "bm25"}


class Label(BaseModel):
    """One hand-judged finding (or a real inconsistency the tool missed) on a real document."""
    doc: str = Field(description="file name in corpus/real, e.g. xian-06.pdf")
    pages: list[int] = Field(description="pages that show it (the finding's evidence pages when it was judged)")
    kind: str = Field(description="finding kind when judged")
    rule: str | None = Field(None, description="rule that raised it when judged (informative, not matched on)")
    numbers: list[float] = Field(default_factory=list, description="the amounts involved (expected/actual)")
    severity: str | None = Field(None, description="severity when judged; null for a missed inconsistency")
    verdict: Literal["real", "false"] = Field(description="real = the document is inconsistent beyond rounding")
    detected: bool = Field(True, description="false = seen on the page, not flagged by the tool when judged")
    cause: str | None = Field(None, description="why a false finding was raised (wrong-row-binding, rounding ...)")
    reason: str = Field(description="one line in our words, recomputed from the page")
    split: Literal["dev", "untouched"] = "dev"

    def to_yaml(self) -> dict:
        return {k: v for k, v in self.model_dump().items() if v is not None}

    @property
    def city(self) -> str:
        return city_of(self.doc)


def city_of(doc: str) -> str:
    return Path(doc).stem.split("-")[0]


def load_labels(path: Path = SETS_FILE) -> list[Label]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return [Label(**item) for item in data.get("labels", [])]


# ---------------------------------------------------------------- matching


def _get(f, key):
    return f.get(key) if isinstance(f, dict) else getattr(f, key, None)


def finding_numbers(f) -> list[float]:
    """The amounts a finding is about: its expected and actual values (numbers inside them when textual)."""
    out: list[float] = []
    for v in (_get(f, "expected"), _get(f, "actual")):
        if isinstance(v, bool) or v is None:
            continue
        if isinstance(v, (int, float)):
            out.append(float(v))
        else:
            out.extend(numbers_in(str(v)))
    return out


def finding_pages(f) -> set[int]:
    return {int(_get(e, "page")) for e in (_get(f, "evidence") or [])}


def _same_amount(a: float, b: float) -> bool:
    # The same amount read in 元 or in 万元 (万元 kept to 4 decimals, i.e. to the 元).
    for scale, tol in ((1.0, 0.006), (10_000.0, 1.0), (1 / 10_000.0, 0.0001)):
        if abs(a * scale - b) <= tol:
            return True
    return False


def label_matches(label: Label, f) -> bool:
    """Same page, same kind family, the same amounts on both sides (each number of either has a partner)."""
    if FAMILIES.get(label.kind, label.kind) != FAMILIES.get(_get(f, "kind"), _get(f, "kind")):
        return False
    pages = finding_pages(f)
    if label.pages and pages and not set(label.pages) & pages:
        return False
    nums = finding_numbers(f)
    if not label.numbers or not nums:
        return not label.numbers and not nums
    if not all(any(_same_amount(n, m) for m in label.numbers) for n in nums):
        return False
    # A judged finding: the same amounts on both sides. A missed inconsistency lists every amount involved
    # (the stated and the recomputed figure too); a finding that reports any two of them (or its only one) is it.
    if label.detected:
        return all(any(_same_amount(m, n) for n in nums) for m in label.numbers)
    return len(nums) >= min(2, len(label.numbers))


def best_label(labels: list[Label], f) -> Label | None:
    hits = [lab for lab in labels if label_matches(lab, f)]
    if not hits:
        return None
    pages = finding_pages(f)
    return max(hits, key=lambda lab: (len(set(lab.pages) & pages), lab.kind == _get(f, "kind")))


# ---------------------------------------------------------------- checking, cached


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the code and rule pack that decide the findings (index, rules, core), taken once per process: the
    code a run imported is the code its results are cached under, even if the files change while it runs."""
    import index
    import rules

    h = hashlib.sha256()
    roots = [Path(index.__file__).parent, Path(rules.__file__).parent]
    core = Path(rules.__file__).parent.parent / "core"
    if core.is_dir():
        roots.append(core)
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.suffix in (".py", ".yaml") and "__pycache__" not in p.parts and p.stem not in NOT_CHECK_CODE:
                h.update(str(p.relative_to(root.parent)).encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("DOCQA_EVAL_CACHE") or Path(tempfile.gettempdir()) / "docqa-eval-cache")


def check_cached(paths: list[Path], workers: int = 2, progress=lambda _m: None) -> dict[str, dict]:
    """`docqa check --no-llm` reports (as JSON dicts) of many documents, keyed by path, read back from the cache
    when the same file was checked by the same code before."""
    from rules.batch import check_paths

    fp = code_fingerprint()
    root = cache_dir() / fp
    root.mkdir(parents=True, exist_ok=True)
    keys = {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest()[:24] for p in paths}
    out: dict[str, dict] = {}
    todo = []
    for p in paths:
        f = root / f"{keys[str(p)]}.json"
        if f.exists():
            out[str(p)] = json.loads(f.read_text(encoding="utf-8"))
        else:
            todo.append(Path(p))
    if todo:
        progress(f"checking {len(todo)} documents ({len(paths) - len(todo)} cached)")
        def keep(rep) -> None:  # cached as each document finishes: an interrupted run keeps what it did
            if not rep.error and str(rep.source) in keys:
                (root / f"{keys[str(rep.source)]}.json").write_text(json.dumps(rep.model_dump(), ensure_ascii=False),
                                                                    encoding="utf-8")

        for path, rep in zip(todo, check_paths(todo, workers=workers, doc_timeout=300, on_done=keep)):
            out[str(path)] = rep.model_dump()
    return out


# ---------------------------------------------------------------- scoring the judged findings


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def score(labels: list[Label], reports: dict[str, dict]) -> dict:
    """Precision of errors, false errors per document and recall of the real inconsistencies, by split and city."""
    by_doc: dict[str, list[Label]] = {}
    for lab in labels:
        by_doc.setdefault(lab.doc, []).append(lab)
    docs = []
    for path, rep in sorted(reports.items()):
        name = Path(path).name
        labs = by_doc.get(name, [])
        row = {"doc": name, "city": city_of(name), "errors": 0, "real": 0, "false": 0, "unjudged": [],
               "causes": {}}
        found_labels = set()
        for f in rep.get("findings", []):
            lab = best_label(labs, f)
            if lab is not None and f["severity"] in ("error", "warning"):
                found_labels.add(id(lab))
            if f["severity"] != "error":
                continue
            row["errors"] += 1
            if lab is None:
                pages = sorted(finding_pages(f))
                row["unjudged"].append(f"{name} p{pages} {f['kind']} {f['rule']} {finding_numbers(f)}")
            elif lab.verdict == "real":
                row["real"] += 1
            else:
                row["false"] += 1
                row["causes"][lab.cause or "?"] = row["causes"].get(lab.cause or "?", 0) + 1
        row["real_labels"] = sum(1 for lab in labs if lab.verdict == "real")
        row["real_found"] = sum(1 for lab in labs if lab.verdict == "real" and id(lab) in found_labels)
        docs.append(row)

    def block(rows: list[dict], show_unjudged: bool) -> dict:
        real = sum(r["real"] for r in rows)
        false = sum(r["false"] for r in rows)
        causes: dict[str, int] = {}
        for r in rows:
            for c, n in r["causes"].items():
                causes[c] = causes.get(c, 0) + n
        unjudged = [u for r in rows for u in r["unjudged"]]
        rl = sum(r["real_labels"] for r in rows)
        out = {"documents": len(rows), "errors": sum(r["errors"] for r in rows), "judged": real + false,
               "real": real, "false": false, "precision": _ratio(real, real + false),
               "false_per_document": round(false / len(rows), 3) if rows else 0.0,
               "documents_over_one_false": sorted(r["doc"] for r in rows if r["false"] > 1),
               "unjudged": len(unjudged), "recall_of_real": _ratio(sum(r["real_found"] for r in rows), rl),
               "real_labels": rl, "false_causes": dict(sorted(causes.items(), key=lambda kv: -kv[1]))}
        if show_unjudged:
            out["unjudged_list"] = unjudged
        else:  # held-out documents: counts only, so nobody tunes on what they say
            out["unjudged_by_document"] = {r["doc"]: len(r["unjudged"]) for r in rows if r["unjudged"]}
        return out

    dev = [r for r in docs if r["city"] not in UNTOUCHED_CITIES]
    untouched = [r for r in docs if r["city"] in UNTOUCHED_CITIES]
    cities = sorted({r["city"] for r in docs})
    return {"dev": block(dev, True), "untouched": block(untouched, False),
            "by_city": {c: block([r for r in docs if r["city"] == c], c not in UNTOUCHED_CITIES) for c in cities},
            "per_document_false": {r["doc"]: r["false"] for r in dev if r["false"]},
            "labels": len(labels)}


# ---------------------------------------------------------------- mutations on real templates


def _doc_candidates(path: str, seed: int) -> list[tuple[str, object, list[int]]]:
    """(operator, mutation, pages its edits touch) for up to 3 candidates per operator of one document."""
    from eval.mutate import OPERATORS, view

    v = view(Path(path))
    out = []
    for op in OPERATORS:
        r = random.Random(f"{Path(path).name}:{op.__name__}:{seed}")
        found = list({(m.page, m.description): m for m in op(v, r)}.values())
        for m in r.sample(found, min(3, len(found))):
            out.append((op.__name__, m, sorted({v.lines[e.line].page for e in m.edits})))
    return out


def _write_cases(path: str, picks: list[tuple[str, object]]) -> list[str]:
    from eval.mutate import view

    v = view(Path(path))
    return [str(v.write(m.edits, Path(target))) for target, m in picks]


def _pmap(fn, args: list[tuple], workers: int) -> list:
    if workers <= 1 or len(args) < 2:
        return [fn(*a) for a in args]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, *zip(*args)))


def mutation_cases(paths: list[Path], out_dir: Path, total: int = MUTATION_CASES, seed: int = 0,
                   workers: int = 1) -> list:
    """About `total` cases over the documents, spread over every operator (so every kind) and document: each
    document offers at most 3 candidates per operator, then operators are drawn round-robin. Each case carries
    `pages`, the pages its edits touch (an emptied table spans several)."""
    from eval.mutate import Case

    rng = random.Random(seed)
    pools: dict[str, list] = {}
    for path, cands in zip(paths, _pmap(_doc_candidates, [(str(p), seed) for p in paths], workers)):
        for name, m, pages in cands:
            pools.setdefault(name, []).append((Path(path), m, pages))
    for name in sorted(pools):
        rng.shuffle(pools[name])
    picked = []
    while len(picked) < total and any(pools.values()):
        for name in sorted(pools):
            if pools[name] and len(picked) < total:
                picked.append((name, *pools[name].pop()))
    out_dir.mkdir(parents=True, exist_ok=True)
    cases, by_doc = [], {}
    for n, (name, path, m, pages) in enumerate(picked):
        c = Case(f"{path.stem}.{name}.{n}", path, out_dir / f"{path.stem}.{name}.{n}{path.suffix}", m)
        c.pages = set(pages) | ({m.page} if m.page else set())
        cases.append(c)
        by_doc.setdefault(str(path), []).append((str(c.path), m))
    _pmap(_write_cases, list(by_doc.items()), workers)
    return cases


def _counted(d: dict) -> list:
    from eval.metrics import ReportedFinding
    from rules.findings import Finding

    return [ReportedFinding.from_finding(Finding.model_validate(f)) for f in d.get("findings", [])
            if f["severity"] in ("error", "warning")]


def score_cases(cases: list, baselines: dict[str, dict], reports: dict[str, dict]) -> dict:
    """Per kind: a case is found when a new finding (absent from the clean document) of its kind sits on its page
    with its numbers; a new finding the mutation does not explain (kind, page or numbers) is a false positive.
    The same rule as the benchmark on the seven corpus documents (eval.run.score_case)."""
    from eval.metrics import involves, off_by

    per: dict[str, dict[str, int]] = {}
    misses, false = [], []
    for c in cases:
        m = c.mutation
        before = {f.key for f in _counted(baselines[str(c.base)])}
        new = [f for f in _counted(reports[str(c.path)]) if f.key not in before]
        k = per.setdefault(m.kind, {"cases": 0, "found": 0})
        k["cases"] += 1
        touched = getattr(c, "pages", None) or {m.page}
        on = lambda f: m.page == 0 or bool(touched & set(f.pages))  # noqa: E731
        # Found: a new finding of its kind on its pages about its numbers, or (a changed cell carried into a sum
        # that no longer adds up) whose two numbers differ by exactly the change: 22005 is 5,972.33, its items now
        # 6,088.35, after one item went from 888.67 to 1,004.68.
        if any(f.kind == m.kind and on(f) and (involves(f.numbers, m.numbers) or len(m.numbers) == 2
                                               and off_by(f.numbers, m.numbers[1] - m.numbers[0])) for f in new):
            k["found"] += 1
        else:
            misses.append(f"{c.id}: {m.description}")
        for f in new:
            ok = f.kind in [m.kind, *m.also] and (on(f) or bool(m.numbers) and involves(f.numbers, m.numbers) or
                                                 len(m.numbers) == 2 and off_by(f.numbers, m.numbers[1] - m.numbers[0])
                                                 or _explained(f, getattr(m, "explains", [])))
            kk = per.setdefault(f.kind, {"cases": 0, "found": 0})
            kk["tp" if ok else "fp"] = kk.get("tp" if ok else "fp", 0) + 1
            if not ok:
                false.append(f"{c.id}: {f.kind} p{f.pages} {f.key}")
    tp, fp = sum(v.get("tp", 0) for v in per.values()), sum(v.get("fp", 0) for v in per.values())
    found, n = sum(v["found"] for v in per.values()), sum(v["cases"] for v in per.values())
    return {"precision": _ratio(tp, tp + fp), "recall": _ratio(found, n),
            "per_kind": {kind: {"precision": _ratio(v.get("tp", 0), v.get("tp", 0) + v.get("fp", 0)),
                                "recall": _ratio(v["found"], v["cases"]), "cases": v["cases"],
                                "false_positives": v.get("fp", 0)} for kind, v in sorted(per.items())},
            "misses": misses, "false_positives": false}


def _explained(f, amounts: list[float]) -> bool:
    """The finding is about an amount the mutation took away (a narrative figure an emptied table held)."""
    from eval.metrics import involves

    return bool(amounts) and involves(f.numbers, amounts)


def run_mutations(paths: list[Path], baselines: dict[str, dict], workers: int, total: int, progress) -> dict:
    small = [p for p in paths if (baselines.get(str(p)) or {}).get("pages", 0) <= MUTATION_MAX_PAGES]
    with tempfile.TemporaryDirectory(prefix="docqa-real-mut-") as tmp:
        progress(f"injecting {total} cases into {len(small)} dev documents")
        cases = mutation_cases(small, Path(tmp), total, workers=workers)
        reports = check_cached([c.path for c in cases], workers, progress)
        out = score_cases(cases, baselines, reports)
    out.update({"cases": len(cases), "documents": len(small),
                "note": f"dev documents of at most {MUTATION_MAX_PAGES} pages; {total} cases drawn round-robin "
                        "over the operators"})
    return out


# ---------------------------------------------------------------- the block


def real_corpus_block(real_dir: Path | None = None, workers: int | None = None, quick: bool = False,
                      cities: tuple[str, ...] = DEV_CITIES + UNTOUCHED_CITIES, mutations: bool = True,
                      progress=lambda _m: None, cases: int = MUTATION_CASES) -> dict | None:
    """The `rules.real_corpus` block; None when the real corpus is absent."""
    real_dir = Path(real_dir) if real_dir else DEFAULT_REAL
    if not real_dir.is_dir():
        return None
    t0 = time.perf_counter()
    workers = workers or min(2, os.cpu_count() or 1)
    paths = sorted(p for p in real_dir.glob("*.pdf") if city_of(p.name) in cities)
    if quick:  # a smoke run: the first document of each dev city
        paths = [next(p for p in paths if city_of(p.name) == c) for c in DEV_CITIES
                 if any(city_of(p.name) == c for p in paths)]
    reports = check_cached(paths, workers, progress)
    out = score(load_labels(), reports)
    if mutations and not quick:
        dev = [p for p in paths if city_of(p.name) in DEV_CITIES]
        out["mutations"] = run_mutations(dev, reports, workers, cases, progress)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the block as JSON")
    ap.add_argument("--corpus", type=Path, default=None, help="the real corpus folder (default ../shared/corpus/real)")
    ap.add_argument("--cities", default=",".join(DEV_CITIES + UNTOUCHED_CITIES))
    ap.add_argument("--no-mutations", action="store_true")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--cases", type=int, default=MUTATION_CASES, help="mutation cases to inject")
    ap.add_argument("--workers", type=int, default=None)
    a = ap.parse_args(argv)
    block = real_corpus_block(a.corpus, a.workers, a.quick, tuple(a.cities.split(",")), not a.no_mutations,
                              progress=lambda m: print(f"… {m}", file=__import__("sys").stderr), cases=a.cases)
    if block is None:
        raise SystemExit("real corpus not found")
    if a.json:
        print(json.dumps(block, ensure_ascii=False, indent=1))
        return
    for name in ("dev", "untouched"):
        b = block[name]
        print(f"{name}: {b['documents']} docs, errors {b['errors']} (real {b['real']}, false {b['false']}, "
              f"unjudged {b['unjudged']}), precision {b['precision']}, false/doc {b['false_per_document']}, "
              f"docs with >1 false {len(b['documents_over_one_false'])}, recall of real {b['recall_of_real']}")
    if "mutations" in block:
        m = block["mutations"]
        print(f"mutations: {m['cases']} cases, P {m['precision']:.3f} R {m['recall']:.3f}")
        for k, v in m["per_kind"].items():
            print(f"  {k:20s} P {v['precision']:.2f} R {v['recall']:.2f} ({v['cases']})")


if __name__ == "__main__":
    main()
