"""The persistent store: chromadb for vectors (embedded by default, a Chroma server when DOCQA_CHROMA_URL is set),
our own JSON for chunks and the manifest of committed documents, and the BM25 index beside them.

A document is committed when the manifest names it; everything else (vectors of a document whose ingest was
killed) is invisible to search and replaced on the next run."""
from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.errors import StoreError
from index.bm25 import BM25Index, add_vocab_table
from index.chunk import Chunk

COLLECTION = "docqa_chunks"
MANIFEST_FORMAT = 2


class DocumentEntry(BaseModel):
    """One committed document of a store."""

    model_config = ConfigDict(extra="forbid")

    hash: str = Field(description="sha1 of the file's bytes when it was indexed.")
    source: str = Field(description="Path of the file as given to ingest.")
    entity: str | None = Field(default=None, description="Department or unit the document is about.")
    year: int | None = Field(default=None, description="Fiscal year.")
    kind: str = Field(default="unknown", description="budget, final or unknown.")
    pages: int = Field(default=0, description="Number of pages.")
    chunk_ids: list[str] = Field(default_factory=list, description="Ids of its chunks (vectors and BM25).")
    index_key: str = Field(default="", description="Parser and chunker versions it was indexed with; another "
                           "key means its chunks are stale.")
    # Who the document is about, and every way a reader names it (index/entity.py).
    name: str | None = Field(default=None, description="The unit's name without scope marker (深圳市气象局).")
    scope: str | None = Field(default=None, description="本级 (the unit's own budget) or 汇总 (with its units).")
    place: str | None = Field(default=None, description="The city (or province, county) the unit belongs to.")
    parent: str | None = Field(default=None, description="The organisation the unit belongs to, when named in it.")
    aliases: list[str] = Field(default_factory=list, description="Names a question may use: full, short, without "
                               "the place, abbreviations, the document's own short forms.")
    stem: str | None = Field(default=None, description="A unit under a parent: its own part (大鹏 of 大鹏管理局).")
    kind_word: str | None = Field(default=None, description="…and its kind (管理局).")


class Manifest(BaseModel):
    """What a store holds: its embedder and its committed documents (a document is searchable only once here)."""

    model_config = ConfigDict(extra="forbid")

    format: int = Field(default=MANIFEST_FORMAT, description="Manifest layout version.")
    embedder: str | None = Field(default=None, description="Embedding model and version of every vector; "
                                 "vectors of two models are never mixed.")
    documents: dict[str, DocumentEntry] = Field(default_factory=dict, description="By resolved source path.")

    @classmethod
    def read(cls, data: dict) -> "Manifest":
        """A manifest of any format: format 1 (before versions were recorded) names only the model, so its
        embedder and every document's index key read as unknown, i.e. stale."""
        if data.get("format", 1) == 1:
            docs = {k: {f: v for f, v in d.items() if f in DocumentEntry.model_fields}
                    for k, d in (data.get("documents") or {}).items()}
            name = data.get("embedding_model")
            return cls(embedder=f"{name} (version unknown)" if name else None, documents=docs)
        return cls.model_validate(data)


def _write_atomic(path: Path, data: str) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_text(data, encoding="utf-8")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Store:
    def __init__(self, root: Path | str, chroma_url: str | None = None) -> None:
        self.root = Path(root)
        self.chroma_url = chroma_url or None
        self._collection = None
        # (each with the manifest it reflects: a reader that outlives an ingest in another process, the web app
        # beside `docqa ingest`, sees the documents committed since, and no longer the ones removed)
        self._bm25: tuple[Manifest, BM25Index] | None = None
        self._chunks: tuple[Manifest, dict[str, Chunk]] | None = None
        self._committed: tuple[tuple | None, Manifest] | None = None

    # -- layout ------------------------------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def bm25_dir(self) -> Path:
        return self.root / "bm25"

    def exists(self) -> bool:
        return self.manifest_path.exists()

    @contextmanager
    def lock(self):
        """Serialise writers (two `docqa ingest` on one store); readers never block."""
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"{self.root}: is a file, not a store folder")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.root}: cannot create the store folder ({exc.strerror or exc})") from None
        with open(self.root / ".lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- manifest ----------------------------------------------------------------------------------------
    def manifest(self) -> Manifest:
        if not self.manifest_path.exists():
            return Manifest()
        try:
            return Manifest.read(json.loads(self.manifest_path.read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError) as exc:
            raise StoreError(f"{self.manifest_path}: unreadable store manifest ({exc.__class__.__name__})") from None

    def committed(self) -> Manifest:
        """The manifest as last read, shared by this Store's readers and read again when the file changes (a new
        `docqa ask` needs it five times: 15 ms each for a city's store). Not to be changed: writers use manifest()."""
        try:
            st = self.manifest_path.stat()
            key = (st.st_mtime_ns, st.st_size, st.st_ino)  # a new file each write (_write_atomic)
        except OSError:
            key = None
        if self._committed is None or self._committed[0] != key or key is None:
            self._committed = (key, self.manifest())
        return self._committed[1]

    def save_manifest(self, manifest: Manifest) -> None:
        _write_atomic(self.manifest_path, manifest.model_dump_json(indent=1))
        self._committed = None

    # -- vectors -----------------------------------------------------------------------------------------
    def collection(self):
        if self._collection is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            cs = ChromaSettings(anonymized_telemetry=False)
            if self.chroma_url:
                from urllib.parse import urlparse

                u = urlparse(self.chroma_url)
                client = chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000,
                                             ssl=u.scheme == "https", settings=cs)
            else:
                client = chromadb.PersistentClient(path=str(self.root / "chroma"), settings=cs)
            # embedding_function=None always: chromadb's default would download a model.
            self._collection = client.get_or_create_collection(
                COLLECTION, embedding_function=None, configuration={"hnsw": {"space": "cosine"}})
        return self._collection

    def upsert(self, chunks: list[Chunk], vectors, doc_key: str) -> None:
        if not chunks:
            return
        col = self.collection()
        for start in range(0, len(chunks), 1000):
            part = chunks[start:start + 1000]
            col.upsert(ids=[c.id for c in part], embeddings=[v.tolist() for v in vectors[start:start + 1000]],
                       documents=[c.text for c in part],
                       metadatas=[{"source": c.source, "page": c.page, "kind": c.kind, "doc": doc_key} for c in part])

    def drop_vectors(self) -> None:
        """Remove every vector (before re-embedding the store with another model)."""
        col = self.collection()
        client, name = col._client, col.name
        client.delete_collection(name)
        self._collection = None

    def delete(self, ids: list[str]) -> None:
        if ids:
            self.collection().delete(ids=ids)

    def dense(self, vector, k: int, allowed: set[str]) -> list[tuple[str, float]]:
        """The best min(4k, 200) of the allowed chunks by cosine, the first k; the allowed documents are searched,
        not the whole store filtered afterwards (look-alike budgets crowd a short question's neighbours)."""
        if not allowed:
            return []
        entries = self.committed().documents
        docs = sorted(key for key, e in entries.items() if allowed.intersection(e.chunk_ids))
        whole = len(docs) == len(entries)
        res = self.collection().query(query_embeddings=[vector.tolist()], n_results=min(max(k * 4, k), 200),
                                      where=None if whole or not docs else {"doc": {"$in": docs}},
                                      include=["distances"])
        out = []
        for cid, dist in zip(res["ids"][0], res["distances"][0]):
            if cid in allowed:
                out.append((cid, 1.0 - float(dist)))
        return out[:k]

    # -- chunks and BM25 ---------------------------------------------------------------------------------
    def doc_file(self, doc_key: str) -> Path:
        import hashlib

        return self.docs_dir / (hashlib.sha1(doc_key.encode("utf-8")).hexdigest()[:16] + ".json")

    def write_doc_chunks(self, doc_key: str, chunks: list[Chunk]) -> None:
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        _write_atomic(self.doc_file(doc_key), json.dumps([c.model_dump() for c in chunks], ensure_ascii=False))

    def doc_chunks(self, doc_key: str) -> dict[str, Chunk]:
        """One document's committed chunks by id, read from its chunk file (none when it has no file)."""
        f = self.doc_file(doc_key)
        if not f.exists():
            return {}
        out: dict[str, Chunk] = {}
        for d in json.loads(f.read_text(encoding="utf-8")):
            c = Chunk.model_construct(**d)  # our own file, validated when it was written
            out[c.id] = c
        return out

    def chunks(self) -> dict[str, Chunk]:
        """Every committed chunk by id."""
        manifest = self.committed()
        if self._chunks is None or self._chunks[0] is not manifest:
            out: dict[str, Chunk] = {}
            for key in manifest.documents:
                out.update(self.doc_chunks(key))
            self._chunks = (manifest, out)
        return self._chunks[1]

    def stamp(self) -> str:
        """What the committed documents are: an index built from them is current while this is unchanged."""
        docs = self.committed().documents
        return json.dumps(sorted((k, v.hash, v.index_key, len(v.chunk_ids)) for k, v in docs.items()))

    def _doc_tokens(self, doc_key: str, chunks: dict[str, Chunk], ids: list[str]) -> dict[str, list[str]]:
        """BM25 tokens of one document's chunks, cut once and kept beside its chunks."""
        from index.bm25 import tokens

        path = self.doc_file(doc_key).with_suffix(".tokens.json")
        if path.exists():
            try:
                cached = json.loads(path.read_text(encoding="utf-8"))
                if all(i in cached for i in ids):
                    return cached
            except (OSError, ValueError):
                pass
        out = {i: tokens(chunks[i].search_text, whole=True) for i in ids if i in chunks}
        _write_atomic(path, json.dumps(out, ensure_ascii=False))
        return out

    def _build_bm25(self) -> BM25Index:
        chunks = self.chunks()
        ids, lists = [], []
        for key, d in self.committed().documents.items():
            mine = [i for i in d.chunk_ids if i in chunks]
            cut = self._doc_tokens(key, chunks, mine)
            ids += mine
            lists += [cut[i] for i in mine]
        return BM25Index.build(ids, token_lists=lists)

    def rebuild_bm25(self) -> None:
        """Rebuild from the committed chunks and stamp it with the manifest it reflects (nothing to do when the
        index already reflects it: re-ingesting an unchanged corpus)."""
        stamp = self.bm25_dir / "stamp.json"
        if stamp.exists() and stamp.read_text(encoding="utf-8") == self.stamp():
            add_vocab_table(self.bm25_dir)  # an index saved before its vocabulary had a SQLite copy
            return
        self._chunks = None
        manifest = self.committed()
        index = self._build_bm25()
        index.save(self.bm25_dir)
        _write_atomic(self.bm25_dir / "stamp.json", self.stamp())
        self._bm25 = (manifest, index)

    def bm25(self) -> BM25Index:
        manifest = self.committed()
        if self._bm25 is None or self._bm25[0] is not manifest:
            stamp = self.bm25_dir / "stamp.json"
            if stamp.exists() and stamp.read_text(encoding="utf-8") == self.stamp():
                self._bm25 = (manifest, BM25Index.load(self.bm25_dir))
            else:
                # An ingest was killed after committing a document but before re-indexing, or is under way in
                # another process: indexed in memory.
                self._bm25 = (manifest, self._build_bm25())
        return self._bm25[1]
