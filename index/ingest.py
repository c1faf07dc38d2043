"""Ingest documents into a store: parse, chunk, embed, and commit each document atomically."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from index.chunk import chunk_document
from index.document import ParseError
from index.embed import encode, load_encoder, model_name
from index.load import expand, load
from index.store import Store


@dataclass
class IngestReport:
    store: str
    added: list[dict] = field(default_factory=list)  # {"source", "chunks", "pages"}
    unchanged: list[str] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)  # {"source", "error"}
    chunks_total: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {"store": self.store, "added": self.added, "unchanged": self.unchanged, "errors": self.errors,
                "chunks_total": self.chunks_total, "seconds": round(self.seconds, 3)}


def file_hash(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def ingest_paths(paths, store_dir, settings=None, progress: bool = False, on_file=None) -> IngestReport:
    import time

    start = time.perf_counter()
    store = Store(store_dir, chroma_url=getattr(getattr(settings, "index", None), "chroma_url", None))
    report = IngestReport(store=str(store_dir))
    files = expand(list(paths))
    model = None
    with store.lock():
        manifest = store.manifest()
        name = model_name(settings)
        if manifest.get("embedding_model") not in (None, name) and manifest["documents"]:
            raise ParseError(f"{store_dir}: store was built with embedding model '{manifest['embedding_model']}', "
                             f"not '{name}'; use another --store")
        manifest["embedding_model"] = name
        for path in files:
            key = str(Path(path).resolve())
            try:
                digest = file_hash(Path(path)) if Path(path).is_file() else ""
                if key in manifest["documents"] and manifest["documents"][key]["hash"] == digest:
                    report.unchanged.append(str(path))
                    continue
                doc = load(path)
            except ParseError as exc:
                report.errors.append({"source": str(path), "error": str(exc)})
                if on_file:
                    on_file(path, None)
                continue
            chunks = chunk_document(doc, key)
            model = model or load_encoder(settings)
            vectors = encode(model, [c.search_text for c in chunks], progress=progress)
            old = manifest["documents"].get(key)
            store.write_doc_chunks(key, chunks)
            store.upsert(chunks, vectors, key)
            # Commit: the manifest names the document only once its chunks and vectors are stored.
            manifest["documents"][key] = {"hash": digest, "source": str(path), "entity": doc.entity,
                                          "year": doc.year, "kind": doc.kind, "pages": doc.pages,
                                          "chunk_ids": [c.id for c in chunks]}
            store.save_manifest(manifest)
            if old:
                store.delete(sorted(set(old["chunk_ids"]) - {c.id for c in chunks}))
            report.added.append({"source": str(path), "chunks": len(chunks), "pages": doc.pages})
            if on_file:
                on_file(path, len(chunks))
        store.save_manifest(manifest)
        store.rebuild_bm25()
        report.chunks_total = sum(len(d["chunk_ids"]) for d in manifest["documents"].values())
    report.seconds = time.perf_counter() - start
    return report
