"""Run a set of rules on a document; a rule that raises becomes a rule failure, never a crash.

The document is read once (`Analysis`: table semantics, narrative claims, shared readings); each enabled rule is
then called with its own `Rule` and its `Options` from the pack, and its findings are kept under their stable ids.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from index.document import Document, ParseError
from rules.analysis import Analysis
from rules.findings import CERTAINTY_ORDER, DocumentReport, Finding, RuleFailure
from rules.pack import RulePack, load_pack
from rules.registry import RuleSet
from rules.template import with_template

_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_document(doc: Document, pack: RulePack | None = None, rules: RuleSet | None = None) -> DocumentReport:
    start = time.perf_counter()
    pack = pack or load_pack()
    rules = rules if rules is not None else RuleSet.default()
    report = DocumentReport(source=doc.source, kind=doc.kind, year=doc.year, entity=doc.entity, pages=doc.pages)
    try:
        ctx = Analysis.build(doc, pack)
    except Exception as exc:  # the shared analysis failed: every rule depends on it
        report.rule_failures.append(RuleFailure(rule="engine.prepare", error=f"{exc.__class__.__name__}: {exc}"))
        report.seconds = time.perf_counter() - start
        return report
    found: dict[str, Finding] = {}
    for r in rules:
        if not pack.enabled(r):
            continue
        severity = pack.severity_for(r)
        try:
            opts = pack.options_for(r)
            for f in r.run(ctx, opts):
                if severity is not None and f.severity != severity:
                    f = f.model_copy(update={"severity": severity})
                found.setdefault(f.id, with_template(f))
        except Exception as exc:
            report.rule_failures.append(RuleFailure(rule=r.id, error=f"{exc.__class__.__name__}: {exc}"))
    report.findings = sorted(found.values(), key=lambda f: (_ORDER[f.severity], CERTAINTY_ORDER[f.certainty.level],
                                                            f.kind, min((e.page for e in f.evidence), default=0)))
    report.seconds = time.perf_counter() - start
    return report


def check_path(path: Path | str, pack: RulePack | None = None, rules: RuleSet | None = None) -> DocumentReport:
    from index.load import load

    start = time.perf_counter()
    try:
        doc = load(path)
    except ParseError as exc:
        return DocumentReport(source=str(path), kind="unknown", error=str(exc),
                              seconds=time.perf_counter() - start)
    report = check_document(doc, pack, rules)
    report.seconds = time.perf_counter() - start
    return report


def run_rule(doc: Document, rule_id: str, pack: RulePack | None = None, **options: Any) -> list[Finding]:
    """The findings of one rule on a document, with some of its options changed (`digits=50`); a kind
    (`"arithmetic"`) runs the rules of that kind, with their own options."""
    rules = RuleSet.default().only([rule_id])
    pack = pack or load_pack()
    if options:
        if rule_id not in rules:
            raise KeyError(f"{rule_id}: options are given to one rule id, not to a kind")
        pack = pack.with_options(rule_id, **options)
    return check_document(doc, pack, rules).findings
