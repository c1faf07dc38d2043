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


class Basis(BaseModel):
    """One piece of what an answer rests on: a part of the document and the question's words it matches."""
    part: str = Field(description="entity | year | table | row | column | sentence | term")
    text: str = Field(description="The document's words (a unit's name, a table title, a row label, a sentence).")
    words: list[str] = Field(default_factory=list, description="The question's words this part matches.")


class AnswerRow(BaseModel):
    """One document's figure in an answer across documents (a ranking, a sum, a comparison)."""
    entity: str = Field(description="The unit the figure is of.")
    value: float | None = Field(None, description="The figure (万元 for money).")
    unit: str | None = Field(None, description="Its unit.")
    source: str = Field(description="The document it was read from.")
    page: int = Field(description="The page that prints it.")
    table: str | None = Field(None, description="Table it was read from, if a table.")
    row: str | None = Field(None, description="Row label, if a table.")
    column: str | None = Field(None, description="Column path, if a table.")


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
    answered: bool = Field(True, description="False when no candidate fits the question (the citations are then "
                           "the closest passages) or the question is about something the store does not hold.")
    confidence: float = Field(0.0, description="0..1: the share of the question's words the answer's source says.")
    basis: list[Basis] = Field(default_factory=list, description="What the answer rests on: which unit, table, "
                               "row, column or sentence matched which words of the question.")
    rows: list[AnswerRow] = Field(default_factory=list, description="Per-document figures of an answer across "
                                  "documents, one citation each.")
