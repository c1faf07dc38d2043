"""The mutation benchmark's data: one injected contradiction (its kind, page, numbers and the edits that make it)
and a case (a mutated copy of a document)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eval.mutate_view import Edit


@dataclass
class Mutation:
    operator: str
    kind: str
    page: int  # 0 = the document as a whole (a missing table has no page)
    numbers: list[float]
    description: str
    edits: list[Edit] = field(default_factory=list)
    # Other kinds a sound rule set may also report for this change (explained, so not false positives).
    also: list[str] = field(default_factory=list)
    # Amounts the change took away (an emptied table's figures): a finding of an `also` kind about one of them is
    # explained wherever it cites (a narrative amount that table held, now read against the tables that remain).
    explains: list[float] = field(default_factory=list)


@dataclass
class Case:
    id: str
    base: Path
    path: Path
    mutation: Mutation
