"""What runs on a worker: one document per call, plain data in and out, every failure returned as data.

A parser or rule crash, a time-out or an unreadable file becomes that document's error; only the death of the
worker process itself reaches the client (as a Dask KilledWorker after the scheduler's retries)."""
from __future__ import annotations

import time
from pathlib import Path

from docqa.cluster.deadline import Timeout, deadline
from docqa.cluster.items import DocItem, materialize, renamed

_ENCODERS: dict[str, object] = {}
_STORES: dict[str, object] = {}


def kill_after(timeout: float) -> float | None:
    """How long past its limit a document stuck inside C code may hold a worker before the process is ended."""
    return timeout + max(30.0, timeout) if timeout and timeout > 0 else None


def _warm() -> None:
    """Import the parser and every rule before a document's clock starts: a time limit that interrupted an
    import could leave a half-registered module behind for the next document on this worker."""
    import index.chunk  # noqa: F401
    import index.load  # noqa: F401
    import index.pdf  # noqa: F401
    import index.text  # noqa: F401
    import rules.checks  # noqa: F401
    import rules.engine  # noqa: F401


def _failed(item: DocItem, message: str) -> dict:
    from rules.findings import DocumentReport

    return DocumentReport(source=item.source, kind="unknown", error=f"{item.source}: {message}").model_dump()


def check_item(item: DocItem, pack, timeout: float) -> dict:
    """`rules.engine.check_path` on one document: its DocumentReport as a dict."""
    from rules.engine import check_path

    _warm()
    start = time.perf_counter()
    try:
        with deadline(timeout, kill_after(timeout)):
            with materialize(item) as path:
                report = check_path(path, pack)
                report.source = item.source
                if report.error:
                    report.error = renamed(report.error, path, item)
        out = report.model_dump()
    except Timeout:
        out = _failed(item, f"timed out after {timeout:g} s")
    except Exception as exc:  # outside the rule wrappers (parser bug, a copy that cannot be written)
        out = _failed(item, f"check failed: {exc.__class__.__name__}: {exc}")
    out["seconds"] = time.perf_counter() - start
    return out


def _encoder(index):
    """One encoder per worker process, loaded by its first document."""
    from index.embed import load_encoder

    name = index.embedding_model
    if name not in _ENCODERS:
        _ENCODERS[name] = load_encoder(index)
    return _ENCODERS[name]


def _server_store(chroma_url: str):
    if chroma_url not in _STORES:
        from index.store import Store

        _STORES[chroma_url] = Store(Path("."), chroma_url=chroma_url)
    return _STORES[chroma_url]


def prepare_item(item: DocItem, index, timeout: float) -> dict:
    """Parse, chunk and embed one document (index: the client's IndexSettings). With a Chroma server the worker
    upserts the vectors itself (ids are content hashes, so a retried document overwrites its own vectors); the
    client's single writer commits the chunks and the manifest entry, which is what makes a document visible.
    Without a server the vectors come back for the writer to store."""
    from index.chunk import chunk_document
    from index.document import ParseError
    from index.embed import encode
    from index.load import load

    _warm()
    encoder = _encoder(index)  # loaded once per worker, outside the document's time limit
    start = time.perf_counter()
    out: dict = {"source": item.source, "key": item.key, "digest": item.digest}
    try:
        with deadline(timeout, kill_after(timeout)):
            with materialize(item) as path:
                try:
                    doc = load(path)
                except ParseError as exc:
                    out["error"] = renamed(str(exc), path, item)
                    return out
            doc.source = item.source
            chunks = chunk_document(doc, item.key)
            vectors = encode(encoder, [c.search_text for c in chunks], batch_size=index.batch_size)
            if index.chroma_url:
                _server_store(index.chroma_url).upsert(chunks, vectors, item.key)
                vectors = None
    except Timeout:
        out["error"] = f"{item.source}: timed out after {timeout:g} s"
        return out
    except Exception as exc:
        out["error"] = f"{item.source}: ingest failed: {exc.__class__.__name__}: {exc}"
        return out
    from index.ingest import entry_fields

    out.update(meta=entry_fields(doc),
               chunks=chunks, vectors=vectors, seconds=time.perf_counter() - start)
    return out
