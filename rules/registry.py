"""The rule registry: one id namespace ("narrative.amount_vs_table"), each rule a small function of a Context.

A rule is registered with `@rule(id, kind, tolerances)`; its declared tolerances are defaults that the rule pack
overrides (`ctx.tol("digits")`). Rules yield findings through `ctx.finding(...)`, which fills in the stable id.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable, Iterable

from index.document import Document, Paragraph
from rules.claims import Claim
from rules.findings import Evidence, Finding, FindingKind, Severity
from rules.pack import RulePack
from rules.semantics import Semantics


@dataclass
class Rule:
    id: str
    kind: FindingKind
    fn: Callable[["Context"], Iterable[Finding]]
    tolerances: dict[str, float] = field(default_factory=dict)
    doc: str = ""


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, kind: FindingKind, **tolerances: float):
    def wrap(fn):
        if rule_id in REGISTRY:
            raise ValueError(f"duplicate rule id {rule_id}")
        REGISTRY[rule_id] = Rule(rule_id, kind, fn, tolerances, ((fn.__doc__ or "").strip().splitlines() or [""])[0])
        return fn
    return wrap


@dataclass
class Context:
    doc: Document
    pack: RulePack
    sem: Semantics
    claims: list[Claim]
    rule: Rule | None = None
    _paragraphs: dict[str, Paragraph] | None = field(default=None, repr=False)

    def tol(self, key: str) -> float:
        assert self.rule is not None
        return self.pack.tol(self.rule.id, key, self.rule.tolerances.get(key, 0.0))

    def paragraph(self, pid: str) -> Paragraph | None:
        """The paragraph a claim was read from (its section, the sentences around it)."""
        if self._paragraphs is None:
            self._paragraphs = {p.id: p for p in self.doc.paragraphs}
        return self._paragraphs.get(pid)

    def of(self, kind: str) -> list[Claim]:
        return [c for c in self.claims if c.kind == kind]

    def finding(self, severity: Severity, message: str, evidence: list[Evidence], computation: str,
                expected=None, actual=None, unit: str | None = None, kind: FindingKind | None = None) -> Finding:
        assert self.rule is not None
        key = "|".join([self.rule.id] + [f"{e.page}:{e.table or ''}:{e.text}" for e in evidence])
        fid = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        return Finding(id=fid, rule=self.rule.id, kind=kind or self.rule.kind, severity=severity, message=message,
                       expected=_num(expected), actual=_num(actual), unit=unit, evidence=evidence,
                       computation=computation)


def _num(x):
    return round(x, 4) if isinstance(x, float) else x


def all_rules() -> list[Rule]:
    import rules.checks  # noqa: F401  (registers every rule module)
    return list(REGISTRY.values())
