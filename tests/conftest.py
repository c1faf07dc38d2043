"""Shared fixtures: the real corpus beside the repo (skipped cleanly when absent), and in-process fakes of the
chat model and of the sentence encoder for unit tests (the real llama.cpp server and the real encoder keep tests
of their own)."""
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
def run_rule():
    """`run_rule(doc, "percentage.share", digits=50)`: the findings of one rule (or of one kind) on a document,
    with some of the rule's options changed."""
    from rules.engine import run_rule

    return run_rule


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


class FakeEncoder:
    """A sentence encoder in the shape DocQA uses (encode, dimension): character trigram hashing, deterministic,
    instant, so that ingest and search run without building the real model. Texts sharing words share vectors."""

    dim = 64

    def get_sentence_embedding_dimension(self) -> int:
        return self.dim

    def encode(self, texts, batch_size: int = 64, show_progress_bar: bool = False, convert_to_numpy: bool = True,
               normalize_embeddings: bool = True):
        import zlib

        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for j in range(max(len(text) - 2, 1)):
                out[i, zlib.crc32(text[j:j + 3].encode("utf-8")) % self.dim] += 1.0
        if normalize_embeddings:
            out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-12
        return out


@pytest.fixture
def fake_encoder(monkeypatch) -> FakeEncoder:
    """Every encoder DocQA loads (ingest and questions) is a FakeEncoder, recorded as embedder 'fake'."""
    import index.embed
    import index.ingest

    encoder = FakeEncoder()
    monkeypatch.setattr(index.embed, "load_encoder", lambda index=None: encoder)
    monkeypatch.setattr(index.embed, "load_query_encoder", lambda index=None: encoder)
    monkeypatch.setattr(index.ingest, "load_encoder", lambda index=None: encoder)
    monkeypatch.setattr(index.ingest, "model_version", lambda index=None: "fake-trigram-64")
    return encoder


@pytest.fixture
def fake_chat():
    """Make an in-process chat model that replies with the given texts in turn (langchain's own fake)."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    return lambda *replies: FakeListChatModel(responses=list(replies))
