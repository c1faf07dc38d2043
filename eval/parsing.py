"""Table reading measured on the real corpus (`parsing` block of `docqa eval --json`, and eval/bench_parse.py).

- coverage: the tables each document prints (eval/sets/tables_expected.yaml, hand-written from the pages; a
  document it does not list falls back to the standard set of its kind from the rule pack) found with a title
  and a unit;
- structure: accuracy against the hand-checked gold tables (eval/sets/tables_gold.yaml): title, type, unit,
  pages, columns, row count, total row, sampled rows' code, level, parent and value;
- self-consistency: the share of tables whose own arithmetic holds (top rows vs 合计, children vs parents);
- speed: pages per second of the parser, whole corpus, one process.

Figures are kept apart for the dev cities (shenzhen, xian, chongqing) and the untouched ones (quanzhou,
huzhou), which are measured, never tuned on.
"""
from __future__ import annotations

import re
import time
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from index.document import Document, Table
from index.numbers import halfwidth
from rules.pack import RulePack, load_pack
from rules.semantics import classify

DEV = ("shenzhen", "xian", "chongqing")
UNTOUCHED = ("quanzhou", "huzhou")
SETS = Path(__file__).resolve().parent / "sets"
_NUMBER = re.compile(r"^(?:(?:预算|公开|决算|部门预算|附)?表?\s*[0-9一二三四五六七八九十]+(?:[-—－][0-9]+)?\s*表?|表[0-9一二三四五六七八九十]+)")
_YEAR = re.compile(r"20\d\d\s*年度?")
_NOISE = re.compile(r"[\s（）()“”\"‘’:：、,，.·]|单位.*$")


def split_of(doc: str) -> str:
    return "untouched" if doc.startswith(UNTOUCHED) else "dev"


def city_of(doc: str) -> str:
    return doc.rsplit("-", 1)[0]


def norm_name(text: str | None) -> str:
    """A table name reduced to what identifies it: no table number, year, brackets, spaces or unit line."""
    s = halfwidth(text or "").strip()
    s = _YEAR.sub("", s)
    s = re.sub(r"[（(](?:单位[:：])?(?:万元|元|千元)[）)]", "", s)
    s = _NUMBER.sub("", s.replace(" ", ""))
    return _NOISE.sub("", s)


def name_matches(expected: str, title: str) -> bool:
    """Same table name: equal, one inside the other, or the same words but for a character or two
    (按经济分类科目分 / 按支出经济分类科目)."""
    a, b = norm_name(expected), norm_name(title)
    if not a or not b:
        return False
    if a == b or (len(a) >= 4 and a in b) or (len(b) >= 6 and b in a):
        return True
    return len(a) >= 8 and SequenceMatcher(None, a, b).ratio() >= 0.85


def _find(doc: Document, entry: dict, pack: RulePack, used: set[str]) -> Table | None:
    """The parsed table for an expected/gold entry: same name, else same type on an overlapping page."""
    pages = set(entry.get("pages") or [])
    # A table printed under a sheet name is found by the name the document's contents give its number.
    cands = [t for t in doc.tables if t.id not in used and any(
        name and name_matches(entry.get("name", ""), name) for name in (t.title, t.listed_title))]
    if pages:
        cands.sort(key=lambda t: (not (pages & set(t.pages)), min(abs(p - min(pages)) for p in t.pages)))
    if cands:
        return cands[0]
    if entry.get("type") not in (None, "other") and pages:
        for t in doc.tables:
            if t.id not in used and pages & set(t.pages) and classify(t, pack) == entry["type"]:
                return t
    return None


def coverage(doc: Document, expected: list[dict] | None, pack: RulePack) -> dict:
    """Expected tables found with their title and their printed unit (a table listed without a unit, such as a
    performance form, needs its title only). Without a list, the standard set of the document's kind (each group
    of the pack's required_tables satisfied by a typed table with a unit)."""
    misses: list[str] = []
    if expected is None:
        kind = doc.kind if doc.kind in pack.required_tables else "budget"
        types = {classify(t, pack) for t in doc.tables if t.title and t.unit}
        groups = pack.required_tables.get(kind, [])
        for group in groups:
            if not any(g in types for g in group):
                misses.append("/".join(group))
        return {"expected": len(groups), "found": len(groups) - len(misses), "misses": misses, "basis": "standard set"}
    used: set[str] = set()
    for entry in expected:
        t = _find(doc, entry, pack, used)
        want = entry.get("unit")  # None: the table prints no money unit (a performance form)
        if t is None or (want and t.unit != want):
            why = "" if t is None else f" (unit {t.unit}, printed {want})"
            misses.append(f"{entry.get('number') or ''}{entry.get('name', '')}{why}")
        else:
            used.add(t.id)
    return {"expected": len(expected), "found": len(expected) - len(misses), "misses": misses, "basis": "listed"}


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= max(0.011, abs(b) * 1e-6)


def _total_row(t: Table, label: str | None = None):
    """The row the gold names as the table's total (by its label), else the first 合计/总计 row."""
    if label:
        named = next((r for r in t.rows if norm_name(r.label) == norm_name(label)), None)
        if named is not None:
            return named
    return next((r for r in t.rows if re.fullmatch(r"(?:合计|总计|收入总计|支出总计|收支总计|(?:本年)?(?:收入|支出)合计)",
                                                  r.label.replace(" ", ""))), None)


def _norm_col(text: str) -> str:
    """A header label compared as printed, less spaces, brackets and punctuation."""
    return re.sub(r"[\s（）()“”\"‘’:：、,，.·*]", "", halfwidth(text or ""))


def structure(doc: Document, gold_tables: list[dict], pack: RulePack) -> dict:
    """Each gold fact checked against the parsed table it names: right or wrong, counted."""
    checks = right = 0
    wrong: list[str] = []
    used: set[str] = set()

    def check(ok: bool, what: str) -> None:
        nonlocal checks, right
        checks += 1
        right += ok
        if not ok:
            wrong.append(what)

    for g in gold_tables:
        t = _find(doc, g, pack, used)
        tag = f"{g.get('number') or ''}{g.get('name', '')}"
        check(t is not None, f"{tag}: not found")
        if t is None:
            continue
        used.add(t.id)
        if g.get("type"):
            got = classify(t, pack) or "other"
            check(got == g["type"], f"{tag}: type {got} != {g['type']}")
        if g.get("unit"):
            check(t.unit == g["unit"], f"{tag}: unit {t.unit} != {g['unit']}")
        if g.get("pages"):
            check(sorted(t.pages) == sorted(g["pages"]), f"{tag}: pages {t.pages} != {g['pages']}")
        if g.get("rows") is not None:
            n = t.lines if t.lines is not None else len(t.rows)
            check(n == g["rows"], f"{tag}: rows {n} != {g['rows']}")
        if g.get("columns"):
            want = [_norm_col(c) for c in g["columns"]]
            got = [_norm_col(c) for c in t.columns]
            check(_subsequence(want, got), f"{tag}: columns {got} lack {want}")
        if g.get("total"):
            tot = _total_row(t, g["total"].get("label"))
            first = _amount(t, tot) if tot else None
            check(tot is not None and _close(first, g["total"].get("value")), f"{tag}: total {first} != {g['total']}")
        for s in g.get("samples") or []:
            row = _sample_row(t, s)
            check(row is not None, f"{tag}: row {s.get('label')} not found")
            if row is None:
                continue
            if "code" in s and s["code"] is not None:
                check(row.code == str(s["code"]), f"{tag}: {s['label']} code {row.code} != {s['code']}")
            if "level" in s:
                check(row.level == s["level"], f"{tag}: {s['label']} level {row.level} != {s['level']}")
            if "parent" in s:
                parent = t.rows[row.parent].label if row.parent is not None else None
                check(norm_name(parent) == norm_name(s["parent"]) if s["parent"] else parent is None,
                      f"{tag}: {s['label']} parent {parent} != {s['parent']}")
            if s.get("value") is not None:
                first = _amount(t, row)
                check(_close(first, float(s["value"])), f"{tag}: {s['label']} value {first} != {s['value']}")
    return {"checks": checks, "right": right, "wrong": wrong}


def _subsequence(want: list[str], got: list[str]) -> bool:
    it = iter(got)
    return all(any(w == g or (w and g and (w in g or g in w)) for g in it) for w in want)


def _sample_row(t: Table, s: dict):
    label, code = norm_name(s.get("label")), str(s["code"]) if s.get("code") is not None else None
    for r in t.rows:
        if code and r.code == code:
            return r
    # The label as printed first: norm_name drops years, and rows named by a year (2025年 | 2026年) differ only there.
    exact = _norm_col(s.get("label") or "")
    named = [r for r in t.rows if exact and _norm_col(r.label) == exact] \
        or [r for r in t.rows if norm_name(r.label) == label]
    # Several rows of one name (专用项目 under each unit): the one with the sample's amount.
    want = s.get("value")
    return next((r for r in named if want is not None and _close(_amount(t, r), float(want))), named[0] if named else None)


_NOT_AMOUNT = re.compile(r"数量|人数|编码|编号|代码")


def _amount(t: Table, row) -> float | None:
    """A row's amount as the gold records it: its first value outside count and identifier columns."""
    return next((v for k, v in enumerate(row.values) if v is not None and not _NOT_AMOUNT.search(t.header_text(k))),
                None)


def consistency(t: Table) -> bool | None:
    """Does the table's own arithmetic hold (None when it has none to check)? In each value column: the top-level
    rows add up to the 合计 row, and every parent equals the sum of its children (a printed unit of the last
    digit per item allowed for rounding)."""
    from index.hierarchy import sums  # noqa: PLC0415  (kept with the hierarchy it reads)

    return sums(t)


def _money_table(t: Table, pack: RulePack) -> bool:
    """A titled table of amounts: what self-consistency is about (performance forms hold targets and scores)."""
    return bool(t.title) and t.unit is not None and classify(t, pack) != "performance"


def load_selfcheck(path: Path | None = None) -> list[dict]:
    """The sorted self-consistency failures (eval/sets/tables_selfcheck.yaml): doc, page, title, verdict."""
    path = path or SETS / "tables_selfcheck.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("tables", []) if path.exists() else []


def _verdict(doc: str, t: Table, labels: list[dict]) -> str | None:
    """The label a failing table was given (real: the document's own arithmetic is wrong, as the page shows;
    defect: DocQA misreads it), matched by document, a page of the table and its title; None if unsorted."""
    for e in labels:
        if e["doc"] == doc and e["page"] in t.pages and name_matches(e.get("title", ""), t.title):
            return e["verdict"]
    return None


def selfcheck_split(docs: dict[str, Document], names: list[str], pack: RulePack, labels: list[dict]) -> dict:
    """Titled amount tables whose own arithmetic fails, sorted by their labels: real document errors, known
    defects, and those not sorted yet (listed, so that each one gets looked at on its page)."""
    split = {"real": 0, "defect": 0, "unsorted": []}
    for n in names:
        for t in docs[n].tables:
            if _money_table(t, pack) and consistency(t) is False:
                v = _verdict(n, t, labels)
                if v in ("real", "defect"):
                    split[v] += 1
                else:
                    split["unsorted"].append(f"{n} p{t.page} {t.title[:40]}")
    return split


def load_sets(gold: Path | None = None, expected: Path | None = None) -> tuple[dict, dict]:
    gold = gold or SETS / "tables_gold.yaml"
    expected = expected or SETS / "tables_expected.yaml"
    g = {d["doc"]: d for d in (yaml.safe_load(gold.read_text(encoding="utf-8")) or {}).get("documents", [])} \
        if gold.exists() else {}
    e = {}
    if expected.exists():
        data = yaml.safe_load(expected.read_text(encoding="utf-8")) or {}
        for d in data.get("documents", data if isinstance(data, list) else []):
            e[d["doc"]] = d.get("tables", [])
    return g, e


def measure(docs: dict[str, Document], seconds: dict[str, float], gold: dict, expected: dict,
            pack: RulePack | None = None, selfcheck: list[dict] | None = None) -> dict:
    """The parsing block from documents already parsed (name -> Document) and their parse times."""
    pack = pack or load_pack()
    selfcheck = load_selfcheck() if selfcheck is None else selfcheck
    out: dict = {}
    for split in ("dev", "untouched"):
        names = [n for n in docs if split_of(n) == split]
        if not names:
            continue
        cov = {n: coverage(docs[n], expected.get(n), pack) for n in names}
        st = {n: structure(docs[n], gold[n]["tables"], pack) for n in names if n in gold}
        cons = [c for n in names for c in (consistency(t) for t in docs[n].tables if _money_table(t, pack))
                if c is not None]
        pages = sum(docs[n].pages for n in names)
        secs = sum(seconds.get(n, 0.0) for n in names)
        by_city: dict[str, dict] = {}
        for n in names:
            c = by_city.setdefault(city_of(n), {"expected": 0, "found": 0, "checks": 0, "right": 0, "pages": 0,
                                                "seconds": 0.0})
            c["expected"] += cov[n]["expected"]
            c["found"] += cov[n]["found"]
            c["pages"] += docs[n].pages
            c["seconds"] += seconds.get(n, 0.0)
            if n in st:
                c["checks"] += st[n]["checks"]
                c["right"] += st[n]["right"]
        for c in by_city.values():
            c["coverage"] = round(c["found"] / c["expected"], 4) if c["expected"] else None
            c["structure_accuracy"] = round(c["right"] / c["checks"], 4) if c["checks"] else None
            c["pages_per_s"] = round(c["pages"] / c["seconds"], 1) if c["seconds"] else None
            c["seconds"] = round(c["seconds"], 2)
        exp = sum(c["expected"] for c in cov.values())
        checks = sum(s["checks"] for s in st.values())
        out[split] = {
            "documents": len(names),
            "coverage": round(sum(c["found"] for c in cov.values()) / exp, 4) if exp else None,
            "coverage_misses": {n: c["misses"] for n, c in cov.items() if c["misses"]},
            "structure_accuracy": round(sum(s["right"] for s in st.values()) / checks, 4) if checks else None,
            "structure_checks": checks,
            "structure_documents": len(st),
            "structure_wrong": {n: s["wrong"][:20] for n, s in st.items() if s["wrong"]},
            "self_consistency": round(sum(cons) / len(cons), 4) if cons else None,
            "self_consistency_tables": len(cons),
            # The failing tables: real document errors, known defects, and the ones not sorted yet.
            "self_consistency_failing": selfcheck_split(docs, names, pack, selfcheck),
            "pages": pages,
            "pages_per_s": round(pages / secs, 1) if secs else None,  # per CPU second
            "slowest": min(((round(docs[n].pages / seconds[n], 1), n) for n in names if seconds.get(n)), default=None),
            "by_city": by_city,
        }
    return out


def parse_all(paths: list[Path], clock=time.process_time) -> tuple[dict[str, Document], dict[str, float]]:
    """Each PDF parsed once in this process, timed by `clock` (CPU time by default: the figure that does not
    depend on what else the shared machine runs)."""
    from index.pdf import parse_pdf  # noqa: PLC0415

    docs, secs = {}, {}
    for p in paths:
        start = clock()
        docs[p.stem] = parse_pdf(p)
        secs[p.stem] = clock() - start
    return docs, secs


def parsing_block(corpus: Path | None) -> dict:
    """`docqa eval --json`'s parsing block: the whole real corpus parsed once, then measured."""
    real = (corpus / "real") if corpus else None
    if real is None or not real.is_dir():
        return {"skipped": "../shared/corpus/real is absent"}
    wall = time.perf_counter()
    docs, secs = parse_all(sorted(real.glob("*.pdf")))
    wall = time.perf_counter() - wall
    gold, expected = load_sets()
    out = measure(docs, secs, gold, expected)
    pages = sum(d.pages for d in docs.values())
    out["all"] = {"documents": len(docs), "pages": pages, "cpu_seconds": round(sum(secs.values()), 2),
                  "pages_per_cpu_s": round(pages / sum(secs.values()), 1), "wall_seconds": round(wall, 2),
                  "pages_per_wall_s": round(pages / wall, 1)}
    return out


def main(argv: list[str] | None = None) -> dict:
    """python -m eval.parsing [--json] [--cities shenzhen,xian] [--corpus DIR]: the parsing block on its own."""
    import argparse  # noqa: PLC0415
    import json  # noqa: PLC0415
    import os  # noqa: PLC0415

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--json", action="store_true", help="print the block as JSON (default: a summary)")
    ap.add_argument("--cities", default="", help="comma-separated cities (default: all)")
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get(
        "DOCQA_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")))
    args = ap.parse_args(argv)
    real = args.corpus / "real"
    cities = [c for c in args.cities.split(",") if c]
    paths = [p for p in sorted(real.glob("*.pdf")) if not cities or city_of(p.stem) in cities]
    docs, secs = parse_all(paths)
    gold, expected = load_sets()
    out = measure(docs, secs, gold, expected)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for split, b in out.items():
            f = b["self_consistency_failing"]
            print(f"{split}: {b['documents']} docs, coverage {b['coverage']}, structure {b['structure_accuracy']} "
                  f"({b['structure_checks']} checks), self-consistency {b['self_consistency']} of "
                  f"{b['self_consistency_tables']} (failing: {f['real']} real, {f['defect']} defect, "
                  f"{len(f['unsorted'])} unsorted), {b['pages_per_s']} pages/CPU s")
    return out


if __name__ == "__main__":
    main()
