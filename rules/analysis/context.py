"""`Analysis`: everything the rules read from one document, computed once and shared by every rule."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from index.document import Document, Paragraph
import rules.analysis.changes as changes
import rules.analysis.projects as projects
import rules.analysis.subjects as subjects
from rules.analysis.tables import row_sum_failures
from rules.claims import Amount, Claim, extract
from rules.reading import reading
from rules.pack import RulePack
from rules.findings import Evidence
from rules.semantics import Cell, Semantics, TableInfo, code_kind, is_unit_name, norm_label


@dataclass(eq=False)
class Analysis:
    """The document, its rule pack, its table semantics and narrative claims, and the readings several rules
    share (subject cells of each amount, the project table, performance forms, list wholes ...). Readings are
    computed on first use and kept, so a reading shared by two rules is made once per document."""
    doc: Document
    pack: RulePack
    sem: Semantics
    claims: list[Claim]
    # The paragraphs as the claims were read: one broken off mid-sentence joined with the one going on with it.
    paragraphs: list[Paragraph] = field(default_factory=list)
    _paragraphs: dict[str, Paragraph] | None = field(default=None, repr=False)
    _by_kind: dict[str, list[Claim]] = field(default_factory=dict, repr=False)
    _subjects: dict[int, tuple[str, list[Cell], bool] | None] = field(default_factory=dict, repr=False)
    _changes: dict[int, list] = field(default_factory=dict, repr=False)
    _health: dict[int, int] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, doc: Document, pack: RulePack) -> "Analysis":
        read = reading(doc)
        return cls(doc, pack, Semantics.build(doc, pack), extract(doc, read), [p for p, _ in read])

    def paragraph(self, pid: str) -> Paragraph | None:
        """The paragraph a claim was read from (its section, the sentences around it)."""
        if self._paragraphs is None:
            self._paragraphs = {p.id: p for p in self.paragraphs}
        return self._paragraphs.get(pid)

    def previous(self, pid: str) -> Paragraph | None:
        """The paragraph before this one in reading order (a sentence may run on from it across a page)."""
        ids = [p.id for p in self.paragraphs]
        try:
            i = ids.index(pid)
        except ValueError:
            return None
        return self.paragraphs[i - 1] if i > 0 else None

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

    def row_sum_failures(self, info: TableInfo) -> int:
        """How many of the table's row sums (小计/合计 columns over their members) fail beyond rounding."""
        key = id(info.table)
        if key not in self._health:
            self._health[key] = row_sum_failures(info, lambda n: max(1, n) * 10 ** -info.decimals + 1e-9)[0]
        return self._health[key]

    def inconsistent(self, info: TableInfo) -> str | None:
        """Why the table is not self-consistent evidence (five or more row sums fail: misread or broken), or None."""
        fails = self.row_sum_failures(info)
        return f"{info.table.title or '表'}有{fails}行横向加总不平，表格本身或其读取不可靠" if fails >= 5 else None

    def table_doubts(self, tables) -> list[str]:
        """What makes a table's figures uncertain evidence: no printed unit (万元 assumed), no recognised type,
        a continued piece read under another header, rows that do not add up."""
        out = []
        for t in tables:
            info = self.sem.info_of.get(t.id)
            if info is not None and self.inconsistent(info):
                out.append(self.inconsistent(info))
            if not t.unit:
                out.append(f"{t.title or '表'}未印金额单位（按万元推定）")
            if info is None or info.type is None:
                out.append(f"{t.title or '表'}类型未识别")
            elif info.header_mismatch:
                out.append(f"{t.title}续表表头宽度不同")
        return list(dict.fromkeys(out))

    def binding_doubts(self, key: str, cells: list[Cell], by_path: bool = False, claim: Claim | None = None) -> list[str]:
        """What is uncertain in binding a narrative subject to these cells: several different values, a short or
        funding-source subject whose scope depends on context, a subject narrower than the label it matched,
        tables that are weak evidence."""
        out = []
        q = subjects.qualifier(self, claim.amount.subject, key) if claim is not None and not by_path else ""
        if q:
            out.append(f"主语另有限定“{q}”，表中行名只是“{key}”")
        if len({round(x.value, 2) for x in cells}) > 1:
            out.append("主语对应多个数值不同的单元格")
        if any(key.startswith(norm_label(x)) for x in self.pack.context_labels):
            out.append("资金来源类主语，口径随上下文而定")
        elif not (by_path or key in self.pack.total_subjects or len(key) >= 4):
            out.append("主语过短，可能另有所指")
        if not by_path and any(self._detail_row(c) for c in cells):
            # A project listed under a unit (or two levels down) shares its name with what a bare subject may mean
            # as a whole (专项业务费): which one the sentence means is a guess.
            out.append("表中同名行是某单位下的明细项目，文中可能指总数")
        return out + self.table_doubts({id(c.table): c.table for c in cells}.values())

    def _detail_row(self, c: Cell) -> bool:
        """The cell's row is a detail of a per-unit list: a row without a classification code, two levels down
        or printed below a row naming a unit (and not naming one itself)."""
        if c.via != "row" or code_kind(c.row.code) or is_unit_name(c.row.label, self.doc.entity):
            return False
        if (c.row.level or 0) >= 3:
            return True
        rows = c.table.rows
        at = next((i for i, r in enumerate(rows) if r is c.row), 0)
        return any(is_unit_name(r.label, self.doc.entity) for r in rows[:at])

    def form_figure(self, claim: Claim) -> tuple[str, str, float, Evidence] | None:
        """The performance-form figure a self-evaluation sentence states: (project, column, 万元, evidence)."""
        return projects.form_figure(self, claim, self.performance_forms)
