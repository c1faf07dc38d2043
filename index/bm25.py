"""BM25 over Chinese tokens (character bigrams plus jieba search words), persisted beside the vector store."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import numpy as np

from index.numbers import halfwidth

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+|[A-Za-z]+|\d+(?:\.\d+)?")
_jieba = None


def segmenter():
    """jieba, loaded once and quiet (it sets its own logger to DEBUG when imported, so this is set after)."""
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter would land in --json output
        _jieba = jieba
    return _jieba


def tokens(text: str) -> list[str]:
    """Character bigrams of every Chinese run, jieba search-mode words, and numbers as written (commas dropped)."""
    jieba = segmenter()
    text = halfwidth(text).replace(",", "")
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        if "\u3400" <= run[0] <= "\u9fff":
            out.extend(run[i:i + 2] for i in range(max(1, len(run) - 1)))
            out.extend(w for w in jieba.lcut_for_search(run) if len(w) >= 2)
        else:
            out.append(run.lower())
    return out


class BM25Index:
    def __init__(self, ids: list[str], retriever) -> None:
        self.ids = ids
        self.retriever = retriever

    @classmethod
    def build(cls, ids: list[str], texts: list[str] | None = None,
              token_lists: list[list[str]] | None = None) -> "BM25Index":
        """Index texts (or their tokens, when already cut: a store keeps each document's tokens, so adding one
        document does not cut every other again)."""
        import bm25s

        retriever = bm25s.BM25()
        lists = token_lists if token_lists is not None else [tokens(t) for t in texts or []]
        if lists:
            retriever.index([t or ["∅"] for t in lists], show_progress=False)
        return cls(list(ids), retriever)

    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self.retriever.save(str(tmp))
        (tmp / "ids.json").write_text(json.dumps(self.ids), encoding="utf-8")
        if folder.exists():
            import shutil

            old = folder.with_name(folder.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            folder.rename(old)
            tmp.rename(folder)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(folder)

    @classmethod
    def load(cls, folder: Path) -> "BM25Index":
        import bm25s

        ids = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        retriever = bm25s.BM25.load(str(folder)) if ids else bm25s.BM25()
        return cls(ids, retriever)

    def search(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        q = tokens(query)
        if not q:
            return []
        vocab = self.retriever.vocab_dict
        q = [t for t in q if t in vocab]
        if not q:
            return []
        scores = self.retriever.get_scores(q)
        order = np.argsort(-scores)
        out = []
        for i in order:
            if scores[i] <= 0:
                break
            cid = self.ids[i]
            if allowed is None or cid in allowed:
                out.append((cid, float(scores[i])))
                if len(out) >= k:
                    break
        return out
