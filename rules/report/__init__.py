"""Finding reports for people: terminal, markdown, self-contained HTML, xlsx, and highlighted PDF copies."""
from __future__ import annotations

from rules.findings import DocumentReport, Finding

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SOURCE_ZH = {"llm": "LLM", "template": "模板", None: ""}


def source_label(f: Finding) -> str:
    """Who wrote the explanation, and why an LLM explanation was not kept when one was tried."""
    label = SOURCE_ZH.get(f.explanation_source, "")
    return f"{label}（未采用LLM：{f.llm_note}）" if f.llm_note else label


def pages_of(f: Finding) -> str:
    pages = sorted({e.page for e in f.evidence if e.page > 0})
    return ",".join(map(str, pages)) if pages else "全文"


def evidence_text(f: Finding) -> str:
    return "\n".join(f"p{e.page}: {e.text}" if e.page > 0 else e.text for e in f.evidence)


def counts(report: DocumentReport) -> dict[str, int]:
    c = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        c[f.severity] += 1
    return c
