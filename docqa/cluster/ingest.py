"""`docqa ingest PATH... --cluster ADDRESS`: workers parse, chunk and embed; this process is the single writer.

Embedded store: the vectors come back with the chunks and the writer stores both. Chroma server
(DOCQA_CHROMA_URL): every worker upserts its own vectors to the server and the writer only records chunks and
the manifest. Either way a document exists for search only once the manifest names it, so a worker killed in
the middle leaves nothing half-written: the scheduler runs its document again on another worker.

The writer commits in groups (one manifest write per `group` documents or `group_seconds`), because the manifest
is rewritten whole and would otherwise cost O(documents²) over a large run; a stop loses at most the open group,
which the next run redoes."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from docqa.cluster.connect import is_local, on_cluster, send_bytes
from docqa.cluster.items import DocItem, make_item, with_bytes
from docqa.cluster.stream import run_tasks
from docqa.cluster.tasks import prepare_item


def ingest_on_cluster(paths, store_dir, index, address: str, *, workers: int = 0, send: str = "auto",
                      on_file: Callable | None = None, doc_timeout: float = 120.0, group: int = 32,
                      group_seconds: float = 5.0, window: int | None = None, reindex: bool = False, client=None,
                      stats: dict | None = None):
    """Same contract as index.ingest.ingest_paths (an IngestReport; StoreError for a store whose vectors come from
    another embedder unless reindex), plus per-document errors for documents whose worker died or timed out.

    index: IndexSettings (None: defaults). stats, when given, receives the writer's busy seconds."""
    from core.settings import IndexSettings
    from index.ingest import Added, Failed, IngestReport, commit_document, index_key, open_manifest
    from index.load import expand
    from index.store import DocumentEntry, Store

    index = index or IndexSettings()
    start = time.perf_counter()
    store = Store(store_dir, chroma_url=index.chroma_url)
    report = IngestReport(store=str(store_dir))
    files = expand(list(paths))
    key = index_key()
    todo: list[tuple[Path, DocItem, bool]] = []  # (path, item, was in the store)
    writer = {"seconds": 0.0, "open": 0, "stale": [], "last": time.monotonic()}

    def flush(manifest) -> None:
        if writer["open"]:
            store.save_manifest(manifest)
            store.delete(writer["stale"])
        writer.update(open=0, stale=[], last=time.monotonic())

    with store.lock():
        manifest, files = open_manifest(store, index, files, reindex)
        for path in files:
            item = make_item(Path(path))
            old = manifest.documents.get(item.key)
            if old and old.hash == item.digest and old.index_key == key:
                report.unchanged.append(str(path))
                if on_file:
                    on_file(path, len(old.chunk_ids))
            else:
                todo.append((path, item, old is not None))

        def on_result(k: int, value: dict | None, error: str | None) -> None:
            path, _item, known = todo[k]
            if error or value.get("error"):
                report.errors.append(Failed(source=str(path), error=f"{path}: {error}" if error else value["error"]))
                if on_file:
                    on_file(path, None)
                return
            t0 = time.perf_counter()
            chunks = value["chunks"]
            entry = DocumentEntry(hash=value["digest"], source=str(path), **value["meta"],
                                  chunk_ids=[c.id for c in chunks], index_key=key)
            writer["stale"] += commit_document(store, manifest, value["key"], chunks, value["vectors"], entry,
                                               save=False)
            writer["open"] += 1
            if writer["open"] >= group or time.monotonic() - writer["last"] >= group_seconds:
                flush(manifest)
            writer["seconds"] += time.perf_counter() - t0
            report.added.append(Added(source=str(path), chunks=len(chunks), pages=entry.pages, reindexed=known))
            if on_file:
                on_file(path, len(chunks))

        def run(c) -> None:
            _model_ready(index, address)
            as_bytes = send_bytes(send, address)
            items = (with_bytes(item) if as_bytes else item for _path, item, _known in todo)
            run_tasks(c, prepare_item, items, (index, doc_timeout), name="ingest", on_result=on_result,
                      window=window)

        try:
            if todo:  # else nothing new: no cluster needed
                on_cluster(address, workers, client, run)
        finally:
            t0 = time.perf_counter()
            flush(manifest)  # what finished is committed even when the run is interrupted
            store.save_manifest(manifest)
            store.rebuild_bm25()
            writer["seconds"] += time.perf_counter() - t0
        order = {str(p): i for i, p in enumerate(files)}  # the report lists documents in input order, as locally
        report.added.sort(key=lambda a: order.get(a.source, len(order)))
        report.errors.sort(key=lambda e: order.get(e.source, len(order)))
        seen = {str(Path(p).resolve()) for p in files}
        report.stale = sorted(d.source for k, d in manifest.documents.items() if k not in seen and d.index_key != key)
        report.chunks_total = sum(len(d.chunk_ids) for d in manifest.documents.values())
    report.seconds = time.perf_counter() - start
    if stats is not None:
        stats.update(writer_seconds=writer["seconds"], committed=len(report.added))
    return report


def _model_ready(index, address: str) -> None:
    """The default encoder is distilled on first use into the model cache: on a local cluster build it here once,
    rather than in every worker at the same time. (Remote workers each build their own on first use.)"""
    from index.embed import STATIC_NAME, load_encoder, static_path

    if index.embedding_model == STATIC_NAME and is_local(address) and not (static_path(index) / "modules.json").exists():
        load_encoder(index)
