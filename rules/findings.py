"""Findings: what a rule reports, in the shape of the public `docqa check --json` contract."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

FindingKind = Literal[
    "narrative_vs_table", "percentage", "direction", "arithmetic", "cross_table",
    "completeness", "count", "metadata", "unit", "wording",
]
Severity = Literal["error", "warning", "info"]


class Evidence(BaseModel):
    page: int
    text: str
    table: str | None = None
    # Text documents: where a reader finds the passage in the file (reports fill these; finding ids ignore them).
    line: int | None = Field(default=None, description="1-based line of the source text file the passage starts on.")
    section: str | None = Field(default=None, description="Heading of the section the passage is in.")


class Finding(BaseModel):
    id: str
    rule: str
    kind: FindingKind
    severity: Severity
    message: str
    expected: float | str | None = None
    actual: float | str | None = None
    unit: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    # The arithmetic behind the finding, written out ("79.4−8.4=71.0；8.4÷71.0=11.83%，文中为10.58%").
    computation: str = ""
    explanation: str | None = None
    explanation_source: Literal["llm", "template"] | None = None
    # Why an LLM explanation was not kept (timeout, grounding failure...), when one was tried.
    llm_note: str | None = None


class DocumentReport(BaseModel):
    source: str
    kind: str
    year: int | None = None
    entity: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    # Rules that raised on this document: reported, never silently dropped.
    rule_failures: list[dict] = Field(default_factory=list)
    error: str | None = None
    pages: int = 0
    seconds: float = 0.0
