"""Answers and citations: the `docqa ask --json` contract."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Citation(BaseModel):
    """A passage an answer rests on."""

    source: str = Field(description="Path of the document.")
    page: int = Field(description="1-based page of the passage.")
    text: str = Field(description="The passage as indexed (a paragraph, a table row or a table).")
    score: float = Field(description="Retrieval score (higher is closer).")
    section: str | None = Field(default=None, description="Section (or table) the passage is in.")
    line: int | None = Field(default=None, description="Text documents: 1-based line of the file the passage "
                             "starts on (a text file is one page to the parser).")


class Answer(BaseModel):
    """The answer to one question, with where it was read."""

    question: str = Field(description="The question as asked.")
    answer: str = Field(description="The answer in words, citing its passages.")
    value: float | None = Field(default=None, description="The figure asked for (万元 for money), when numeric.")
    unit: str | None = Field(default=None, description="Unit of `value`.")
    citations: list[Citation] = Field(default_factory=list, description="Passages, the answer's own first.")
    mode: Literal["structured", "extractive", "llm"] = Field(
        default="extractive", description="structured: read from a table cell or a stated amount; extractive: the "
        "best sentences; llm: phrased by the LLM from the passages and checked against them.")
    table: str | None = Field(default=None, description="Table the value was read from, when structured.")
    row: str | None = Field(default=None, description="Row label of that cell.")
    column: str | None = Field(default=None, description="Column header path of that cell.")
    llm_note: str | None = Field(default=None, description="Why the LLM was not used, when it was configured.")
