"""Shared fixtures: the real corpus beside the repo (skipped cleanly when absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.llm_server import llm_server  # noqa: F401  - the real local LLM, one per session (skips without llama_cpp)

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("DOCQA_LLM", "none")  # tests that want an LLM configure one explicitly

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("DOCQA_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def seed_paths(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def pdf_paths(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "pdf").glob("*.pdf"))
