"""A retrieved chunk and its score: what retrieval hands to every reader (its own module so that readers can make
one without importing retrieval)."""
from __future__ import annotations

from dataclasses import dataclass

from index.chunk import Chunk


@dataclass
class Hit:
    chunk: Chunk
    score: float
