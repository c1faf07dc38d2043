"""BM25 over Chinese tokens (character bigrams plus jieba search words), persisted beside the vector store.

A new `docqa ask` process reads as little as it can: jieba's dictionary and the index's vocabulary a word at a time
from SQLite files (a question needs a few hundred words of them), the index's weights memory-mapped."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import numpy as np

from index.numbers import halfwidth
from index.wordtable import WordTable, cached

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+|[A-Za-z]+|\d+(?:\.\d+)?")
_jieba = None
_question_jieba = None


def _quiet_jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it sets its logger to DEBUG when imported; the chatter would land in --json
    return jieba


def _prefixes():
    """jieba's own prefix dictionary of its default dictionary (jieba's gen_pfdict) and its total count."""
    dt = _quiet_jieba().dt
    freq, total = (dt.FREQ, dt.total) if dt.initialized else dt.gen_pfdict(dt.get_dict_file())
    return freq.items(), {"total": total}


def segmenter(whole: bool = False):
    """jieba's tokenizer of its default dictionary, quiet.

    whole: jieba's own, its dictionary unmarshalled whole on first use (about a second) for cutting many texts
    (ingest). Otherwise the same once the dictionary is in memory; before that a tokenizer whose dictionary is
    read a word at a time from a copy in the model cache (built once), so that a question costs milliseconds. Both
    cut every text alike: the same dictionary, jieba's own code."""
    global _jieba, _question_jieba
    if _jieba is None:
        _jieba = _quiet_jieba()
    if whole or _jieba.dt.initialized:
        return _jieba
    if _question_jieba is None:
        table = cached(f"jieba-{_jieba.__version__}-prefixes", _prefixes)
        if table is None:
            return _jieba  # no usable cache: jieba's own dictionary, loaded whole
        tokenizer = _jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total = table, table.meta("total")
        tokenizer.initialized = True  # jieba's check_initialized then loads nothing
        _question_jieba = tokenizer
    return _question_jieba


def tokens(text: str, whole: bool = False) -> list[str]:
    """Character bigrams of every Chinese run, jieba search-mode words, and numbers as written (commas dropped).
    whole: many texts will be cut (see segmenter)."""
    jieba = segmenter(whole)
    text = halfwidth(text).replace(",", "")
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        if "\u3400" <= run[0] <= "\u9fff":
            out.extend(run[i:i + 2] for i in range(max(1, len(run) - 1)))
            out.extend(w for w in jieba.lcut_for_search(run) if len(w) >= 2)
        else:
            out.append(run.lower())
    return out


_SCORES = ("data", "indices", "indptr")  # bm25s's eager scores: a CSC matrix, one column per token
VOCAB_FILE = "vocab.sqlite"


def add_vocab_table(folder: Path) -> None:
    """Give a saved index its vocabulary's SQLite copy when it has only bm25s's JSON (saved by earlier code)."""
    if (folder / "vocab.index.json").exists() and not (folder / VOCAB_FILE).exists():
        vocab = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        WordTable.write(folder / VOCAB_FILE, vocab.items())


class BM25Index:
    """Chunk ids and bm25s's eager scores (for every token, the chunks that hold it and its BM25 weight in each).
    bm25s builds and saves them; a search sums the question's tokens' columns, as bm25s's get_scores does, read
    from bm25s's saved arrays memory-mapped, without importing bm25s and scipy (a third of a second)."""

    def __init__(self, ids: list[str], vocab, scores: dict, retriever=None) -> None:
        self.ids = ids
        self.vocab = vocab  # token -> column
        self.scores = scores  # data, indices, indptr and dtype
        self.retriever = retriever  # the bm25s index it was built as, until saved

    @classmethod
    def build(cls, ids: list[str], texts: list[str] | None = None,
              token_lists: list[list[str]] | None = None) -> "BM25Index":
        """Index texts (or their tokens, when already cut: a store keeps each document's tokens, so adding one
        document does not cut every other again)."""
        import bm25s

        retriever = bm25s.BM25()
        lists = token_lists if token_lists is not None else [tokens(t, whole=True) for t in texts or []]
        if not lists:
            return cls([], {}, {})
        retriever.index([t or ["∅"] for t in lists], show_progress=False)
        scores = {k: retriever.scores[k] for k in _SCORES} | {"dtype": retriever.dtype}
        return cls(list(ids), retriever.vocab_dict, scores, retriever)

    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self.retriever.save(str(tmp))
            WordTable.write(tmp / VOCAB_FILE, self.vocab.items())
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
        """The saved index: arrays memory-mapped (pages read as a search touches them), the vocabulary from its
        SQLite copy (or bm25s's JSON, in a folder saved before the copy existed)."""
        ids = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        if not ids:
            return cls(ids, {}, {})
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method", "lucene") in ("bm25l", "bm25+"):
            raise ValueError(f"{folder}: BM25 variant {params['method']} adds a score this reader does not")
        scores = {k: np.load(folder / f"{k}.csc.index.npy", mmap_mode="r") for k in _SCORES}
        scores["dtype"] = params.get("dtype", "float32")
        vocab_db = folder / VOCAB_FILE
        vocab = (WordTable(vocab_db) if vocab_db.exists()
                 else json.loads((folder / "vocab.index.json").read_text(encoding="utf-8")))
        return cls(ids, vocab, scores)

    def get_scores(self, query_tokens: list[str]) -> np.ndarray:
        """Every chunk's score for the tokens (repeats count again; unknown tokens add nothing), as bm25s."""
        data, indices, indptr = (self.scores[k] for k in _SCORES)
        out = np.zeros(len(self.ids), dtype=np.dtype(self.scores["dtype"]))
        for t in (self.vocab[t] for t in query_tokens if t in self.vocab):
            start, end = indptr[t], indptr[t + 1]
            np.add.at(out, indices[start:end], data[start:end])
        return out

    def holders(self, token: str) -> list[str]:
        """Ids of the chunks that hold a token (none when the index never saw it)."""
        if not self.ids or token not in self.vocab:
            return []
        t = self.vocab[token]
        indptr, indices = self.scores["indptr"], self.scores["indices"]
        return [self.ids[i] for i in indices[indptr[t]:indptr[t + 1]]]

    def search(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        q = [t for t in tokens(query) if t in self.vocab]
        if not q:
            return []
        scores = self.get_scores(q)
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
