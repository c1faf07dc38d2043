"""Run every registered rule on a document; a rule that raises becomes a rule failure, never a crash."""
from __future__ import annotations

import time
from pathlib import Path

from index.document import Document, ParseError
from rules.claims import extract
from rules.findings import DocumentReport, Finding
from rules.pack import RulePack, load_pack
from rules.registry import Context, all_rules
from rules.semantics import Semantics
from rules.template import with_template

_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_document(doc: Document, pack: RulePack | None = None) -> DocumentReport:
    start = time.perf_counter()
    pack = pack or load_pack()
    report = DocumentReport(source=doc.source, kind=doc.kind, year=doc.year, entity=doc.entity, pages=doc.pages)
    try:
        ctx = Context(doc, pack, Semantics.build(doc, pack), extract(doc))
    except Exception as exc:  # the shared analysis failed: every rule depends on it
        report.rule_failures.append({"rule": "engine.prepare", "error": f"{exc.__class__.__name__}: {exc}"})
        report.seconds = time.perf_counter() - start
        return report
    found: dict[str, Finding] = {}
    for r in all_rules():
        ctx.rule = r
        try:
            for f in r.fn(ctx) or ():
                found.setdefault(f.id, with_template(f))
        except Exception as exc:
            report.rule_failures.append({"rule": r.id, "error": f"{exc.__class__.__name__}: {exc}"})
    report.findings = sorted(found.values(), key=lambda f: (_ORDER[f.severity], f.kind, min(
        (e.page for e in f.evidence), default=0)))
    report.seconds = time.perf_counter() - start
    return report


def check_path(path: Path | str, pack: RulePack | None = None) -> DocumentReport:
    from index.load import load

    start = time.perf_counter()
    try:
        doc = load(path)
    except ParseError as exc:
        return DocumentReport(source=str(path), kind="unknown", error=str(exc),
                              seconds=time.perf_counter() - start)
    report = check_document(doc, pack)
    report.seconds = time.perf_counter() - start
    return report
