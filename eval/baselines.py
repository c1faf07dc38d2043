"""Baselines scored in the same run as DocQA: BM25 only, dense only, and a naive langchain pipeline.

BM25 and dense reuse DocQA's own index (same chunks, same store) with one retriever switched off, and answer
extractively; the naive pipeline is what a tutorial builds: pymupdf page text (or the text file), langchain's
RecursiveCharacterTextSplitter at 500/50, the same embedding model, top-k cosine, extractive answer.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from eval.metrics import Chunk, Prediction, YUAN_PER_WANYUAN
from index.numbers import halfwidth, parse_number

Encoder = Callable[[list[str]], np.ndarray]

_MONEY = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元|%|个|辆)?")
_SENTENCE = re.compile(r"[^。；;\n]+[。；;]?")


def bigrams(text: str) -> set[str]:
    s = re.sub(r"\s+", "", halfwidth(text))
    return {s[i:i + 2] for i in range(len(s) - 1)}


def extractive_answer(question: str, chunks: list[Chunk], top: int = 3) -> Prediction:
    """The sentence (or table line) of the top chunks that shares most character bigrams with the question,
    and the first amount printed in it (converted to 万元 when the passage is in 元)."""
    q = bigrams(question)
    best: tuple[float, str, Chunk] | None = None
    for rank, chunk in enumerate(chunks[:top]):
        for m in _SENTENCE.finditer(chunk.text):
            sentence = m.group(0).strip()
            if not sentence:
                continue
            overlap = len(q & bigrams(sentence)) / (1 + 0.1 * rank)
            if best is None or overlap > best[0]:
                best = (overlap, sentence, chunk)
    if best is None:
        return Prediction()
    _, sentence, chunk = best
    value, unit = None, None
    for m in _MONEY.finditer(halfwidth(sentence)):
        n = parse_number(m.group(1))
        if n is None or re.fullmatch(r"20\d\d", m.group(1)) and m.group(2) is None:
            continue  # a year is not an answer
        value, unit = n.value, m.group(2)
        if unit == "元" or unit is None and "单位：元" in halfwidth(chunk.text).replace(" ", ""):
            value, unit = value / YUAN_PER_WANYUAN, "万元"
        break
    return Prediction(value=value, unit=unit or ("万元" if value is not None else None), text=sentence,
                      citations=[chunk])


def answer_from(search: Callable[[str, int], list[Chunk]], question: str, k: int) -> Prediction:
    """Retrieve k chunks and answer extractively from them, timed: what every baseline does after its search."""
    t0 = time.perf_counter()
    retrieved = search(question, k)
    pred = extractive_answer(question, retrieved)
    pred.retrieved = retrieved
    pred.seconds = time.perf_counter() - t0
    return pred


# ---------------------------------------------------------------- naive langchain pipeline


def page_texts(path: Path) -> list[str]:
    """pymupdf page text for a PDF; a text file's form-feed pages (one page when there are none)."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        import pymupdf

        with pymupdf.open(path) as doc:
            return [p.get_text() for p in doc]
    return path.read_text(encoding="utf-8").split("\f")


@dataclass
class NaivePipeline:
    chunks: list[Chunk]
    vectors: np.ndarray
    encode: Encoder

    @classmethod
    def build(cls, paths: list[Path], encode: Encoder, chunk_size: int = 500, overlap: int = 50) -> "NaivePipeline":
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=overlap)
        chunks = [Chunk(source=str(p), pages=[n], text=piece)
                  for p in paths for n, text in enumerate(page_texts(p), start=1)
                  for piece in splitter.split_text(text) if piece.strip()]
        vectors = _normalise(encode([c.text for c in chunks])) if chunks else np.zeros((0, 1))
        return cls(chunks, vectors, encode)

    def search(self, question: str, k: int = 5) -> list[Chunk]:
        if not self.chunks:
            return []
        q = _normalise(self.encode([question]))[0]
        scores = self.vectors @ q
        order = np.argsort(-scores)[:k]
        return [Chunk(self.chunks[i].source, self.chunks[i].pages, self.chunks[i].text, float(scores[i]))
                for i in order]

    def ask(self, question: str, k: int = 5) -> Prediction:
        return answer_from(self.search, question, k)


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms == 0, 1, norms)


# ---------------------------------------------------------------- retriever-only baselines over DocQA's index


@dataclass
class RetrieverBaseline:
    """One of DocQA's retrievers alone (mode "bm25" or "dense"), answering extractively."""
    search: Callable[[str, int], list[Chunk]]

    def ask(self, question: str, k: int = 5) -> Prediction:
        return answer_from(self.search, question, k)
