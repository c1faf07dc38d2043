"""Answers and citations: the `docqa ask --json` contract."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Citation(BaseModel):
    source: str
    page: int
    text: str
    score: float


class Answer(BaseModel):
    question: str
    answer: str
    value: float | None = None  # 万元 for money
    unit: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    mode: Literal["structured", "extractive", "llm"] = "extractive"
    # Where the value was read (table, row, column path), when structured.
    table: str | None = None
    row: str | None = None
    column: str | None = None
    llm_note: str | None = None
