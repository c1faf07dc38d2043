"""Ingest documents into a store: parse, chunk, embed, and commit each document atomically.

A document is skipped only when its bytes and the versions that shaped its chunks (parser, chunker) are those
the store recorded; vectors of another embedder are never mixed into a store (re-index it whole instead)."""
from __future__ import annotations

import hashlib
import time
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from core.errors import ParseError, StoreError
from core.settings import IndexSettings
from index.chunk import chunk_document
from index.entity import describe_entry
from index.embed import encode, load_encoder, model_version
from index.load import expand, load
from index.store import DocumentEntry, Manifest, Store

# The modules whose code shapes a document's chunks: any change to them makes the chunks of a store stale.
_PARSER_MODULES = ("document", "load", "pdf", "text", "grid", "captions", "assemble", "sections", "numbers", "meta")
# …and the entry a question reads the document's unit from (its name, scope, parent and aliases): stale likewise.
_CHUNKER_MODULES = ("chunk", "entity")


class Added(BaseModel):
    source: str = Field(description="Path of the document.")
    chunks: int = Field(description="Chunks indexed.")
    pages: int = Field(description="Pages read.")
    reindexed: bool = Field(default=False, description="It was in the store, indexed by older code or bytes.")


class Failed(BaseModel):
    source: str = Field(description="Path of the document.")
    error: str = Field(description="Why it was not ingested, one line.")


class IngestReport(BaseModel):
    """What one ingest did."""

    store: str = Field(description="Store folder.")
    added: list[Added] = Field(default_factory=list, description="Documents (re)indexed by this run.")
    unchanged: list[str] = Field(default_factory=list, description="Documents already indexed as they are.")
    errors: list[Failed] = Field(default_factory=list, description="Documents that could not be read.")
    stale: list[str] = Field(default_factory=list, description="Documents of the store, not in this run, indexed "
                             "by older parser or chunker code: re-ingest them to refresh their chunks.")
    chunks_total: int = Field(default=0, description="Chunks in the store after the run.")
    seconds: float = Field(default=0.0, description="Wall time of the run.")

    def to_json(self) -> dict:
        return self.model_dump() | {"seconds": round(self.seconds, 3)}


def file_hash(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def index_key() -> str:
    """Versions of the parser and of the chunker: a digest of the code of each."""
    here = Path(__file__).parent

    def digest(names: tuple[str, ...]) -> str:
        h = hashlib.sha1()
        for name in names:
            h.update((here / f"{name}.py").read_bytes())
        return h.hexdigest()[:10]

    return f"parser {digest(_PARSER_MODULES)}, chunker {digest(_CHUNKER_MODULES)}"


def entry_fields(doc) -> dict:
    """What a manifest entry records about a parsed document, besides its hash, source, chunk ids and index key
    (one place, so that `docqa ingest --cluster` workers record the same)."""
    return {"entity": doc.entity, "year": doc.year, "kind": doc.kind, "pages": doc.pages, **describe_entry(doc)}


def commit_document(store: Store, manifest, doc_key: str, chunks, vectors, entry: DocumentEntry,
                    save: bool = True) -> list[str]:
    """Commit one prepared document (the single writer's step; `docqa ingest --cluster` uses it too): its chunks,
    its vectors (None when a worker already upserted them to a Chroma server), then the manifest entry that makes
    it visible; chunks of its previous version are removed last. With save=False the caller commits several
    documents with one manifest write (a group commit) and deletes the returned stale ids after that write."""
    old = manifest.documents.get(doc_key)
    store.write_doc_chunks(doc_key, chunks)
    if vectors is not None:
        store.upsert(chunks, vectors, doc_key)
    manifest.documents[doc_key] = entry  # the commit: named only once its chunks and vectors are stored
    stale = sorted(set(old.chunk_ids) - {c.id for c in chunks}) if old else []
    if not save:
        return stale
    store.save_manifest(manifest)
    store.delete(stale)
    return []


def open_manifest(store: Store, index: IndexSettings, files: list, reindex: bool) -> tuple[Manifest, list]:
    """The store's manifest for this run's embedder, and the files to index. Vectors of two embedders never mix:
    a store built with another one is refused, or with `reindex` emptied of its vectors, every document it holds
    added to the files (from its source) and its manifest cleared. Call it holding the store's lock."""
    manifest = store.manifest()
    embedder = model_version(index)
    if manifest.documents and manifest.embedder != embedder:
        if not reindex:
            raise StoreError(f"{store.root}: its vectors come from embedder '{manifest.embedder}', this run uses "
                             f"'{embedder}'; re-index it (docqa ingest --reindex) or use another --store")
        store.drop_vectors()
        held = [Path(d.source) for d in manifest.documents.values()]
        files = list(dict.fromkeys(files + [p for p in held if p.exists()]))
        manifest.documents = {}
    manifest.embedder = embedder
    return manifest, files


def ingest_paths(paths, store_dir, index: IndexSettings | None = None, progress: bool = False, on_file=None,
                 reindex: bool = False, on_stage=None) -> IngestReport:
    """Index `paths` into the store at `store_dir`. With `reindex`, a store built with another embedder is
    emptied of its vectors and every document it holds is indexed again (from its source file).

    `on_stage(path, stage)` is called as each document enters parse, chunk, embed and write (progress display);
    `on_file(path, chunks)` when it is done (chunks None: it failed)."""
    stage = on_stage or (lambda _path, _stage: None)
    index = index or IndexSettings()
    start = time.perf_counter()
    store = Store(store_dir, chroma_url=index.chroma_url)
    report = IngestReport(store=str(store_dir))
    files = expand(list(paths))
    model = None
    key = index_key()
    with store.lock():
        manifest, files = open_manifest(store, index, files, reindex)
        for path in files:
            doc_key = str(Path(path).resolve())
            old = manifest.documents.get(doc_key)
            try:
                digest = file_hash(Path(path)) if Path(path).is_file() else ""
                if old and old.hash == digest and old.index_key == key:
                    report.unchanged.append(str(path))
                    if on_file:
                        on_file(path, len(old.chunk_ids))
                    continue
                stage(path, "parse")
                doc = load(path)
            except ParseError as exc:
                report.errors.append(Failed(source=str(path), error=str(exc)))
                if on_file:
                    on_file(path, None)
                continue
            stage(path, "chunk")
            chunks = chunk_document(doc, doc_key)
            stage(path, "embed")
            model = model or load_encoder(index)
            vectors = encode(model, [c.search_text for c in chunks], batch_size=index.batch_size, progress=progress)
            stage(path, "write")
            commit_document(store, manifest, doc_key, chunks, vectors, DocumentEntry(
                hash=digest, source=str(path), chunk_ids=[c.id for c in chunks], index_key=key, **entry_fields(doc)))
            report.added.append(Added(source=str(path), chunks=len(chunks), pages=doc.pages, reindexed=bool(old)))
            if on_file:
                on_file(path, len(chunks))
        store.save_manifest(manifest)
        store.rebuild_bm25()
        seen = {str(Path(p).resolve()) for p in files}
        report.stale = sorted(d.source for k, d in manifest.documents.items() if k not in seen and d.index_key != key)
        report.chunks_total = sum(len(d.chunk_ids) for d in manifest.documents.values())
    report.seconds = time.perf_counter() - start
    return report
