"""Finding reports for people: terminal, markdown, self-contained HTML, xlsx, a PDF report and annotated PDF copies.

What every writer shares lives here: labels in the reader's language (Chinese by default, English with
``--lang en``) instead of internal ids, the reading order (severity, then certainty when a finding has one, then
page), repeated findings of one pattern folded into one group ("同类 53 处"), and a baseline of accepted findings
(matched by finding id) that are left out so only what is new is shown."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rules.findings import CERTAINTY_ORDER, DocumentReport, Finding
from rules.report.labels import KIND, RULE, SEVERITY, UI

SEVERITY_ZH = SEVERITY["zh"]
SOURCE_ZH = {"llm": "LLM", "template": "模板", None: ""}
_SOURCE_EN = {"llm": "LLM", "template": "template", None: ""}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_RGB = {"error": (0.80, 0.10, 0.10), "warning": (0.90, 0.55, 0.0), "info": (0.15, 0.40, 0.80)}
SEVERITY_HEX = {"error": "#cc1a1a", "warning": "#e68c00", "info": "#2666cc"}
GROUP_MIN = 3  # this many findings of one rule and severity in a document are shown as one folded group


def t(key: str, lang: str = "zh") -> str:
    """A fixed phrase of the reports in the reader's language."""
    return UI.get(lang, UI["zh"]).get(key) or UI["zh"][key]


def severity_label(severity: str, lang: str = "zh") -> str:
    return SEVERITY.get(lang, SEVERITY["zh"]).get(severity, severity)


def kind_label(kind: str, lang: str = "zh") -> str:
    return KIND.get(lang, KIND["zh"]).get(kind, kind)


def rule_label(rule: str, lang: str = "zh") -> str:
    """What the rule checks, in words; an unknown rule (a third-party pack) falls back to its kind and id."""
    known = RULE.get(lang, RULE["zh"]).get(rule)
    if known:
        return known
    kind, _, name = rule.partition(".")
    return f"{kind_label(kind, lang)}（{name or rule}）"


def source_label(f: Finding, lang: str = "zh") -> str:
    """Who wrote the explanation, and why an LLM explanation was not kept when one was tried."""
    label = (SOURCE_ZH if lang == "zh" else _SOURCE_EN).get(f.explanation_source, "")
    if not f.llm_note:
        return label
    return f"{label}（未采用LLM：{f.llm_note}）" if lang == "zh" else f"{label} (LLM not used: {f.llm_note})"


def pages_of(f: Finding, lang: str = "zh") -> str:
    pages = sorted({e.page for e in f.evidence if e.page > 0})
    return ",".join(map(str, pages)) if pages else t("whole_document", lang)


def where_short(f: Finding, lang: str = "zh", pages: int = 0) -> str:
    """Pages of a finding, or for a text document without page marks the lines of its evidence."""
    sep = "、" if lang == "zh" else ", "
    lines = sorted({e.line for e in f.evidence if getattr(e, "line", None)})
    if lines and pages == 1:
        return t("line", lang).format(sep.join(map(str, lines)))
    numbers = sorted({e.page for e in f.evidence if e.page > 0})
    if not numbers:
        return t("whole_document", lang)
    return t("page", lang).format(sep.join(map(str, numbers))) if lang == "zh" or len(numbers) == 1 else \
        f"pages {sep.join(map(str, numbers))}"


def first_page(f: Finding) -> int:
    pages = [e.page for e in f.evidence if e.page > 0]
    return min(pages) if pages else 0


def location(e, lang: str = "zh", pages: int = 0) -> str:
    """Where a passage is: its page, and for text documents the section and the line of the file (a text file
    without page marks is one page: its page number says nothing and is left out)."""
    parts = []
    line, section = getattr(e, "line", None), getattr(e, "section", None)
    if e.page > 0 and not (line and pages == 1):
        parts.append(t("page", lang).format(e.page))
    if section:
        parts.append(section)
    if line:
        parts.append(t("line", lang).format(line))
    return " · ".join(parts) if parts else t("whole_document", lang)


def evidence_text(f: Finding, lang: str = "zh", pages: int = 0) -> str:
    return "\n".join(f"{location(e, lang, pages)}: {e.text}" if (e.page > 0 or getattr(e, "line", None)) else e.text
                      for e in f.evidence)


def counts(report: DocumentReport) -> dict[str, int]:
    c = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        c[f.severity] += 1
    return c


def kind_counts(report: DocumentReport) -> dict[str, dict[str, int]]:
    """{kind: {severity: n}} in the order kinds first appear in the sorted findings."""
    out: dict[str, dict[str, int]] = {}
    for f in ordered(report.findings):
        out.setdefault(f.kind, {"error": 0, "warning": 0, "info": 0})[f.severity] += 1
    return out


def _first_line(f: Finding) -> int:
    lines = [e.line for e in f.evidence if getattr(e, "line", None)]
    return min(lines) if lines else 0


def sort_key(f: Finding) -> tuple:
    """Severity, certainty, page, then line (a text document is one page), then rule."""
    return (SEVERITY_ORDER.get(f.severity, 9), CERTAINTY_ORDER[f.certainty.level], first_page(f), _first_line(f),
            f.rule, f.id)


def ordered(findings: list[Finding]) -> list[Finding]:
    """Severity first, then certainty when the rules give one, then page."""
    return sorted(findings, key=sort_key)


@dataclass
class Group:
    """Findings of one rule and severity shown together: the first in full, the others folded under it."""

    findings: list[Finding]

    @property
    def head(self) -> Finding:
        return self.findings[0]

    @property
    def rest(self) -> list[Finding]:
        return self.findings[1:]

    @property
    def folded(self) -> bool:
        return len(self.findings) > 1


def grouped(findings: list[Finding], minimum: int = GROUP_MIN) -> list[Group]:
    """Sorted findings, those of a pattern repeated `minimum` times or more folded into one group at the place of
    its first member."""
    items = ordered(findings)
    by_pattern: dict[tuple[str, str], list[Finding]] = {}
    for f in items:
        by_pattern.setdefault((f.severity, f.rule), []).append(f)
    out: list[Group] = []
    placed: set[tuple[str, str]] = set()
    for f in items:
        key = (f.severity, f.rule)
        members = by_pattern[key]
        if len(members) < minimum:
            out.append(Group([f]))
        elif key not in placed:
            placed.add(key)
            out.append(Group(members))
    return out


def group_title(g: Group, lang: str = "zh") -> str:
    return t("same_kind", lang).format(len(g.findings))


@dataclass
class Options:
    """How a report is written: the reader's language and the accepted findings to leave out."""

    lang: str = "zh"
    baseline: set[str] = field(default_factory=set)
    hidden: dict[str, int] = field(default_factory=dict)  # source -> findings left out as already accepted


def load_baseline(path: Path) -> set[str]:
    """Finding ids a reviewer accepted: a saved `docqa check --json` output, a JSON list (of ids or of findings),
    or a text file with one id per line (# comments allowed)."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError:
        return {line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()}
    ids: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and "rule" in node:
                ids.add(node["id"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value) if not isinstance(value, str) else ids.add(value)

    walk(data)
    return ids


def apply_baseline(reports: list[DocumentReport], baseline: set[str]) -> dict[str, int]:
    """Remove accepted findings in place; returns how many were left out per document."""
    hidden: dict[str, int] = {}
    if not baseline:
        return hidden
    for r in reports:
        keep = [f for f in r.findings if f.id not in baseline]
        if len(keep) != len(r.findings):
            hidden[r.source] = len(r.findings) - len(keep)
        r.findings = keep
    return hidden
