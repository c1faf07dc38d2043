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
    """A passage a finding rests on: what the reviewer looks at on the page."""

    page: int = Field(description="1-based page (0: the whole document, e.g. a missing table).")
    text: str = Field(description="The passage or the table cells, as printed.")
    table: str | None = Field(default=None, description="Title of the table the passage is in, if any.")
    # Text documents: where a reader finds the passage in the file (reports fill these; finding ids ignore them).
    line: int | None = Field(default=None, description="1-based line of the source text file the passage starts on.")
    section: str | None = Field(default=None, description="Heading of the section the passage is in.")


class Certainty(BaseModel):
    """How sure the evidence chain behind a finding is. An error needs every link certain: the table typed, its
    unit printed, the subject bound to one cell of the right scope, the tables self-consistent, the difference
    beyond rounding. A finding with doubts is at most a warning, and says which links are uncertain."""
    level: Literal["certain", "uncertain"] = Field(
        "certain", description="certain: no link of the evidence chain is in doubt; uncertain: see reasons.")
    reasons: list[str] = Field(
        default_factory=list, description="What is uncertain (for an uncertain finding) or what was established.")


CERTAINTY_ORDER = {"certain": 0, "uncertain": 1}


class Finding(BaseModel):
    """One contradiction or doubt, with the arithmetic that shows it."""

    id: str = Field(description="Stable id: a digest of the rule id and the evidence (page, table, text).")
    rule: str = Field(description="Id of the rule that found it (narrative.amount_vs_table).")
    kind: FindingKind = Field(description="Family of the rule.")
    severity: Severity = Field(description="error: the numbers contradict each other; warning: likely, or "
                               "uncertain; info: worth a look.")
    message: str = Field(description="What is wrong, in one sentence.")
    expected: float | str | None = Field(default=None, description="What the other source says.")
    actual: float | str | None = Field(default=None, description="What the document states.")
    unit: str | None = Field(default=None, description="Unit of expected and actual.")
    evidence: list[Evidence] = Field(default_factory=list, description="The passages compared, with their pages.")
    computation: str = Field(default="", description="The arithmetic behind the finding, written out "
                             "(79.4−8.4=71.0；8.4÷71.0=11.83%，文中为10.58%).")
    explanation: str | None = Field(default=None, description="A reviewer-facing explanation.")
    explanation_source: Literal["llm", "template"] | None = Field(default=None, description="Who wrote it.")
    llm_note: str | None = Field(default=None, description="Why an LLM explanation was not kept (timeout, "
                                 "grounding failure …), when one was tried.")
    certainty: Certainty = Field(default_factory=Certainty,
                                 description="How sure the evidence chain is; reports sort by it within a severity.")


class RuleFailure(BaseModel):
    """A rule that raised on a document: reported, never silently dropped."""

    rule: str = Field(description="Rule id (engine.prepare when the shared reading failed).")
    error: str = Field(description="Exception class and message.")


class DocumentReport(BaseModel):
    """What checking one document found (the `docqa check --json` contract)."""

    source: str = Field(description="Path of the document.")
    kind: str = Field(description="budget, final or unknown.")
    year: int | None = Field(default=None, description="Fiscal year.")
    entity: str | None = Field(default=None, description="Department or unit.")
    findings: list[Finding] = Field(default_factory=list, description="Findings, most severe first.")
    rule_failures: list[RuleFailure] = Field(default_factory=list, description="Rules that raised on it.")
    error: str | None = Field(default=None, description="Why the document could not be checked at all.")
    pages: int = Field(default=0, description="Number of pages.")
    seconds: float = Field(default=0.0, description="Time spent on it.")
