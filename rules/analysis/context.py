"""`Analysis`: everything the rules read from one document, computed once and shared by every rule."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from index.document import Document, Paragraph
import rules.analysis.changes as changes
import rules.analysis.projects as projects
import rules.analysis.subjects as subjects
from rules.claims import Amount, Claim, extract
from rules.pack import RulePack
from rules.findings import Evidence
from rules.semantics import Cell, Semantics, TableInfo


@dataclass(eq=False)
class Analysis:
    """The document, its rule pack, its table semantics and narrative claims, and the readings several rules
    share (subject cells of each amount, the project table, performance forms, list wholes ...). Readings are
    computed on first use and kept, so a reading shared by two rules is made once per document."""
    doc: Document
    pack: RulePack
    sem: Semantics
    claims: list[Claim]
    _paragraphs: dict[str, Paragraph] | None = field(default=None, repr=False)
    _by_kind: dict[str, list[Claim]] = field(default_factory=dict, repr=False)
    _subjects: dict[int, tuple[str, list[Cell], bool] | None] = field(default_factory=dict, repr=False)
    _changes: dict[int, list] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, doc: Document, pack: RulePack) -> "Analysis":
        return cls(doc, pack, Semantics.build(doc, pack), extract(doc))

    def paragraph(self, pid: str) -> Paragraph | None:
        """The paragraph a claim was read from (its section, the sentences around it)."""
        if self._paragraphs is None:
            self._paragraphs = {p.id: p for p in self.doc.paragraphs}
        return self._paragraphs.get(pid)

    def of(self, kind: str) -> list[Claim]:
        """The claims of one kind (amount, share, change, completion, comparison, count, parts), in text order."""
        if kind not in self._by_kind:
            self._by_kind[kind] = [c for c in self.claims if c.kind == kind]
        return self._by_kind[kind]

    def subject_cells(self, claim: Claim) -> tuple[str, list[Cell], bool] | None:
        """(key, cells, bound by 类/款/项 path) of the table cells an amount claim names; None when none."""
        k = id(claim)
        if k not in self._subjects:
            self._subjects[k] = subjects.subject_cells(self, claim)
        return self._subjects[k]

    def change_candidates(self, claim: Claim) -> list[tuple[float, float, list[tuple[float, float]], str]]:
        """(rate with its sign, base, rounding parts, how) for every reading of a change claim."""
        k = id(claim)
        if k not in self._changes:
            self._changes[k] = changes.change_candidates(claim)
        return self._changes[k]

    def section(self, claim: Claim) -> str:
        return subjects.section(self, claim)

    @cached_property
    def list_wholes(self) -> dict[tuple[str, str], Amount | None]:
        """The whole of each list of shares that names none, keyed by (paragraph, sentence)."""
        return changes.list_wholes(self)

    @cached_property
    def project_rows(self) -> tuple[list, float, TableInfo] | None:
        """(project rows, total in 万元, table info) of the project table when its rows add up; else None."""
        return projects.project_rows(self)

    @cached_property
    def self_evaluations(self) -> set[str]:
        """Ids of the paragraphs reporting a project's self-evaluation."""
        return projects.self_evaluations(self)

    @cached_property
    def performance_forms(self) -> list[tuple[str, dict[str, float], int, str]]:
        """(project, {column: 万元}, page, table) of each self-evaluation form; read only when some paragraph
        reports a self-evaluation."""
        return projects.performance_forms(self) if self.self_evaluations else []

    def form_figure(self, claim: Claim) -> tuple[str, str, float, Evidence] | None:
        """The performance-form figure a self-evaluation sentence states: (project, column, 万元, evidence)."""
        return projects.form_figure(self, claim, self.performance_forms)
