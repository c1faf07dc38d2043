"""Hybrid retrieval: BM25 and dense results fused by reciprocal rank, restricted to the documents a question names."""
from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from pathlib import Path

from index.chunk import Chunk
from index.numbers import halfwidth
from core.errors import StoreError
from core.settings import IndexSettings
from index.store import Store
from qa.chunkview import LazyChunks
from qa.dense import DenseIndex
from qa.hit import Hit  # noqa: F401  (re-exported: qa.retrieve.Hit is what readers import)
from qa.evidence import evidence, is_total_row
from qa.phrase import clean
from qa.question import search_query
from qa.scope import Scope, entry, scope, without_names
from qa.unit_row import other_sections
from qa.vocab import Vocabulary

RRF_K = 60
# Lexical matching is the workhorse on these documents. Measured on the labelled sets (127 questions, with the
# structural reranker): dense weight 0.5 -> R@1 0.84, 0.2 -> 0.87, 0 -> 0.91; the static-e5 list reorders exact
# matches for the worse, so it only widens the pool the reranker reads (DENSE_EXTRA).
FUSION_WEIGHTS = (1.0, 0.0)  # bm25, dense
RERANK_DEPTH = 40  # fused hits the structural reranker reads
DENSE_EXTRA = 10  # best dense hits added to the reranker's pool when fusion left them out


def table_rows(hits: list[Hit], chunks: dict[str, Chunk]) -> list[Hit]:
    """Every row of the tables the hits come from."""
    tables = {(h.chunk.source, h.chunk.table) for h in hits if h.chunk.table}
    if isinstance(chunks, LazyChunks):  # only the documents the hits come from are read
        keys = {chunks.doc_of(h.chunk.id) for h in hits if h.chunk.table} - {None}
        pool = [c for key in sorted(keys) for c in chunks.of_doc(key).values()]
    else:
        pool = list(chunks.values())
    return [Hit(c, 0.0) for c in pool if c.kind == "row" and (c.source, c.table) in tables]


def totals_of(hits: list[Hit], chunks: dict[str, Chunk]) -> list[Hit]:
    """The 合计 rows of the tables the hits come from: a question about a table's subject asks for them."""
    return [h for h in table_rows(hits, chunks) if is_total_row(h.chunk)]


def rerank(question: str, hits: list[Hit], chunks: dict[str, Chunk], terms=()) -> list[Hit]:
    """Hits that hold an answer by their structure (the row and column the question names, the narrative
    subject, the reason clause, the definition) first, best first; then the rest in fused order. The 合计 rows of
    the best hits' tables join the pool: a question about a table's subject asks for them."""
    seen = {h.chunk.id for h in hits}
    pool = hits + [h for h in totals_of(hits[:5], chunks) if h.chunk.id not in seen]
    scores = evidence(question, pool, terms)
    if not scores:
        return hits
    lead = sorted((h for h in pool if h.chunk.id in scores), key=lambda h: -scores[h.chunk.id])
    return lead + [h for h in hits if h.chunk.id not in scores]


def _vocab_stamp(store: Store) -> str:
    """The manifest a cached vocabulary reflects, and the code that built it."""
    from qa import vocab

    code = hashlib.sha1(Path(vocab.__file__).read_bytes()).hexdigest()[:10]
    docs = store.committed().documents
    return code + json.dumps(sorted((k, v.hash, v.index_key) for k, v in docs.items()))


# Neither bm25s nor chromadb's embedded client documents thread safety; searches in one process take turns
# (processes still run in parallel).
_SEARCH_LOCK = threading.Lock()


class Retriever:
    def __init__(self, store_dir: Path | str, mode: str = "hybrid", index: IndexSettings | None = None,
                 store: Store | None = None):
        if mode not in ("hybrid", "bm25", "dense"):
            raise ValueError(f"unknown retrieval mode {mode!r}")
        self.mode = mode
        self.index = index
        self.store = store or Store(store_dir, chroma_url=index.chroma_url if index else None)
        if not self.store.exists():
            raise StoreError(f"{store_dir}: no documents ingested here (run `docqa ingest PATH --store {store_dir}`)")
        self._model = None
        self._vocabulary: Vocabulary | None = None
        self._terms: frozenset[str] | None = None
        self._chunks: tuple[float, LazyChunks] | None = None
        self._dense: DenseIndex | None = None
        self._docs: tuple[float, dict[str, dict]] | None = None
        self.only: set[str] | None = None  # manifest keys a caller narrowed the store to (--doc/--entity/--year)

    def documents(self) -> dict[str, dict]:
        """The manifest's documents as dicts, each with its unit's name, scope, place, parent and aliases (derived
        now, once per manifest, for a store that predates them)."""
        path = self.store.manifest_path
        stamp = path.stat().st_mtime if path.exists() else 0.0
        if self._docs is None or self._docs[0] != stamp:
            m = self.store.committed()
            raw = m.documents if hasattr(m, "documents") else m["documents"]
            docs = {k: (v.model_dump() if hasattr(v, "model_dump") else dict(v)) for k, v in raw.items()}
            self._docs = (stamp, {k: entry(d) for k, d in docs.items()})
        docs = self._docs[1]
        return {k: d for k, d in docs.items() if k in self.only} if self.only is not None else docs

    def chunks(self) -> LazyChunks:
        """The store's chunks, each document read when a passage of it is first needed (once per manifest)."""
        path = self.store.manifest_path
        stamp = path.stat().st_mtime if path.exists() else 0.0
        if self._chunks is None or self._chunks[0] != stamp:
            self._chunks = (stamp, LazyChunks(self.store))
            self._vocabulary = self._terms = self._dense = None
        return self._chunks[1]

    def vocabulary(self) -> Vocabulary:
        """The documents' own vocabulary (row labels, column names, defined terms), built once per store and kept
        beside it (qa-vocab.json, stamped with the manifest and the vocabulary's code), so that a new process does
        not read every chunk for it."""
        self.chunks()
        if self._vocabulary is None:
            path = self.store.root / "qa-vocab.json"
            stamp = _vocab_stamp(self.store)
            # (…and the chunks it was read from, against the manifest's count: a vocabulary a reader built from part of
            # the chunks while an ingest was committing them carries the finished manifest's stamp all the same)
            expected = sum(len(d.chunk_ids) for d in self.store.committed().documents.values())
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("stamp") == stamp and data.get("chunks") == expected:
                    self._vocabulary = Vocabulary.from_json(data)
            except (OSError, ValueError, KeyError):
                pass
            if self._vocabulary is None:
                chunks = self.store.chunks()
                self._vocabulary = Vocabulary.of(chunks.values())
                try:
                    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
                    tmp.write_text(json.dumps({"stamp": stamp, "chunks": len(chunks), **self._vocabulary.to_json()},
                                              ensure_ascii=False), encoding="utf-8")
                    os.replace(tmp, path)
                except OSError:
                    pass  # a read-only store: built again next time
        return self._vocabulary

    def dense_index(self) -> DenseIndex:
        self.chunks()
        if self._dense is None:
            self._dense = DenseIndex.of(self.store)
        return self._dense

    def terms(self) -> frozenset[str]:
        """The vocabulary's terms and column names, cleaned as questions are (evidence.candidates' head term)."""
        if self._terms is None:
            v = self.vocabulary()
            # 支出预算, 预算数: a column saying the figure is a budget names no quantity; 项目支出预算 asks 项目支出.
            bare = (re.sub(r"(?:(?:年初)?(?:预算|决算)数?|合计|总计|小计)$", "", clean(t)) for t in [*v.terms, *v.columns])
            self._terms = frozenset(t for t in bare if len(t) >= 3)
        return self._terms

    def scope(self, question: str) -> Scope:
        sc = scope(question, self.documents())
        if sc.unknown and sc.named:
            # a unit named beside its department that the department's document reports on its own rows (a
            # subordinate centre's row in the project table) is in the store, inside that document
            sc.unknown = [u for u in sc.unknown if not self._reports(u, set(sc.named))]
        if len(sc.named) >= 2:
            # …and a short name said right after a department's name (深圳市生态环境局大鹏管理局) is the department's
            # own unit when its document reports one so named, not another department's office of that short name
            # (深圳市规划和自然资源局大鹏管理局)
            q = re.sub(r"\s+", "", halfwidth(question))
            parts = [b for b, said in sc.named.items()
                     if any(a != b and f"{other}{said}" in q and self._reports(said, {a}, whole=False)
                            for a, other in sc.named.items())]
            for b in parts:
                sc.named.pop(b)
                sc.keys.discard(b)
        return sc

    def _reports(self, unit: str, keys: set[str], whole: bool = True) -> bool:
        """Some row of the documents is labelled with the unit's whole name, or printed for it (its block's unit, its
        预算单位 cell); with `whole` False, a name ending in the unit's (its short name)."""
        from qa.unit_row import row_unit

        docs, chunks, name = self.documents(), self.chunks(), clean(unit)

        def says(label: str) -> bool:
            return label == name if whole else label.endswith(name)

        return any(c is not None and c.kind == "row" and (says(clean(c.label or "")) or says(clean(row_unit(c) or "")))
                   for k in keys if k in docs for c in (chunks.get(cid) for cid in docs[k].get("chunk_ids") or []))

    def reporting(self, sc: Scope) -> str | None:
        """The department whose documents report the one unit the question names that no document is about (深圳市环境
        科学研究院, in 深圳市生态环境局's tables by unit), among those of its place and the years asked: the question is
        asked of that department. None when none does, or more than one."""
        if sc.named or sc.held or len(sc.unknown) != 1:
            return None
        docs = self.documents()
        place = next((p for p in {d.get("place") for d in docs.values()} if p and sc.unknown[0].startswith(p)), None)
        keys = {k for k, d in docs.items() if place and d.get("place") == place and
                (not sc.years or str(d.get("year")) in map(str, sc.years))}
        names = {docs[k].get("name") for k in keys if self._reports(sc.unknown[0], {k})}
        return names.pop() if len(names) == 1 else None

    def _encoder(self):
        if self._model is None:
            from index.embed import load_query_encoder

            self._model = load_query_encoder(self.index)
        return self._model

    def allowed(self, question: str, keys: set[str] | None = None) -> set[str]:
        """Ids of the chunks of the documents the question names (or of the manifest keys given)."""
        docs = self.documents()
        keys = self.scope(question).keys if keys is None else keys
        return {cid for k in keys if k in docs for cid in docs[k]["chunk_ids"]}

    def search(self, question: str, k: int = 5, docs: set[str] | None = None) -> list[Hit]:
        """The best k chunks; `docs` (manifest keys) overrides the documents the question names."""
        with _SEARCH_LOCK:
            return self._search(question, k, docs)

    def _search(self, question: str, k: int, only: set[str] | None = None) -> list[Hit]:
        chunks = self.chunks()
        docs = self.documents()
        sc = self.scope(question)
        allowed = self.allowed(question, sc.keys if only is None else only) & set(chunks)
        # (a subordinate unit named: its siblings' sections hold none of its passages)
        allowed -= other_sections(question, sc.keys if only is None else only, chunks)
        original = question
        question = search_query(without_names(question, docs, sc))
        depth = max(k * 4, 20) if self.mode != "hybrid" else max(k * 4, RERANK_DEPTH)
        ranked: list[list[tuple[str, float]]] = []
        if self.mode in ("hybrid", "bm25"):
            ranked.append(self.store.bm25().search(question, depth, allowed))
        if self.mode in ("hybrid", "dense"):
            from index.embed import encode

            vec = encode(self._encoder(), [question])[0]
            # A Chroma server is searched where it is; the embedded store's vectors are read as one matrix.
            ranked.append(self.store.dense(vec, depth, allowed) if self.store.chroma_url
                          else self.dense_index().search(vec, depth, allowed))
        if len(ranked) == 1:
            return [Hit(chunks[cid], score) for cid, score in ranked[0][:k]]
        fused: dict[str, float] = {}
        for weight, results in zip(FUSION_WEIGHTS, ranked):
            if weight == 0:
                continue  # a list without weight only widens the pool (below), it does not rank
            for rank, (cid, _) in enumerate(results):
                fused[cid] = fused.get(cid, 0.0) + weight / (RRF_K + rank + 1)
        order = sorted(fused, key=lambda c: -fused[c])[:depth]
        # The dense list widens the pool the reranker reads (passages that say the thing in other words): it fills
        # the pool up to its depth when the lexical list is short, and its best DENSE_EXTRA always join.
        fill = [cid for cid, _ in ranked[1] if cid not in fused][:max(0, depth - len(order))]
        order += fill + [cid for cid, _ in ranked[1][:DENSE_EXTRA] if cid not in order and cid not in fill]
        return rerank(original, [Hit(chunks[cid], fused.get(cid, 0.0)) for cid in order], chunks, self.terms())[:k]
