"""The server's work that runs outside its process, so that the GIL the server's page images and answers need is
never held by a parser, a chunker or an encoder:

- `Analyser`: parse and check one document in a child process, so a PDF that crashes or hangs the parser costs
  that document only, never the server. The child tells its progress over a pipe: parsed, then the report.
- `Indexer`: index an upload in one long-lived worker process that keeps its encoder loaded: parse, chunk and
  embed (docqa.cluster.tasks.prepare_item, what `docqa ingest --cluster` workers run), commit to the store
  (chunks, vectors, manifest: index.ingest.commit_document under the store's lock), rebuild BM25, and refresh the
  files a question reads (qa-vectors.npz, qa-vocab.json). It is the store's single writer and the only process
  of the server that opens the embedded vector store: the server answers from those files, so it never holds a
  client of the database another process writes.

Children fork from a forkserver that imported the parser and the rules once, so a job starts in milliseconds.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import threading
import time
from pathlib import Path
from typing import Callable

import pymupdf

_PRELOAD = ["index.pdf", "index.text", "rules.engine", "rules.pack", "docqa.web.highlight"]


def page_png(folder: Path, n: int, zoom: float) -> Path:
    """Where page n's image is kept (one name for the child that pre-renders and the server that serves)."""
    return folder / f"{n}@{zoom:g}.png"


def render(pdf, n: int, zoom: float, out: Path) -> None:
    pix = pdf[n - 1].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    tmp = out.with_name(f"{out.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    pix.save(tmp, output="png")
    os.replace(tmp, out)  # readers see a whole file or none


def _prerender(path: str, folder: Path, zoom: float, first: list[int], budget: float = 300.0) -> None:
    """After the report is sent: every page image, the pages with evidence first, so a reviewer's clicks find
    them made. Runs beside the indexing; a page the browser asks for earlier is rendered by the server."""
    end = time.monotonic() + budget
    folder.mkdir(parents=True, exist_ok=True)
    with pymupdf.open(path) as pdf:
        order = list(dict.fromkeys([n for n in first if 1 <= n <= pdf.page_count] + list(range(1, pdf.page_count + 1))))
        for n in order:
            if time.monotonic() > end:
                return
            out = page_png(folder, n, zoom)
            if not out.exists():
                render(pdf, n, zoom, out)


def analyse(path: str, kind: str, pack_path: str | None, conn, pages: tuple[str, float] | None = None) -> None:
    """Child: load, tell the page count, check, find the evidence on the pages, send the report; then render
    the page images into pages[0] at zoom pages[1]."""
    try:
        from index.document import ParseError
        from index.load import load

        try:
            doc = load(path)
        except ParseError as exc:
            conn.send(("error", str(exc)))
            return
        conn.send(("parsed", {"pages": doc.pages, "tables": len(doc.tables), "paragraphs": len(doc.paragraphs)}))
        from rules.engine import check_document
        from rules.pack import load_pack

        start = time.perf_counter()
        report = check_document(doc, load_pack(pack_path) if pack_path else None).model_dump()
        marks = {}
        if kind == "pdf":
            from docqa.web.highlight import finding_highlights

            marks = finding_highlights(path, report["findings"])
        report["seconds"] = round(time.perf_counter() - start, 3)
        conn.send(("done", report, marks))
    except Exception as exc:  # a parser or rule bug: this document's error, reported on its page
        conn.send(("error", f"check failed: {exc.__class__.__name__}: {exc}"))
        return
    finally:
        conn.close()
    if pages and kind == "pdf":
        evidence = [e["page"] for f in report["findings"] for e in f["evidence"]]
        _prerender(path, Path(pages[0]), pages[1], evidence)


def _noop() -> None:
    return None


class Analyser:
    def __init__(self, timeout: float, pack_path: str | None = None) -> None:
        self.timeout = timeout
        self.pack_path = pack_path  # the rule pack `docqa check` uses (settings.check.rule_pack)
        self._background: list = []
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            from rules.registry import BUILTIN_MODULES

            self.ctx.set_forkserver_preload(_PRELOAD + list(BUILTIN_MODULES))
        self.warmed = threading.Event()

    def warm(self) -> None:
        """Start the forkserver (imports the parser and rules) before the first upload needs it."""
        p = self.ctx.Process(target=_noop, daemon=True)
        p.start()
        p.join(120)
        self.warmed.set()

    def run(self, path: str, kind: str, on_parsed: Callable[[dict], None],
            pages: tuple[str, float] | None = None) -> tuple:
        """("done", report, highlights) or ("error", message). With `pages` (folder, zoom) the child goes on to
        render the page images after it answered."""
        self._background = [p for p in self._background if p.is_alive()]  # reap children done rendering
        recv, send = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=analyse, args=(path, kind, self.pack_path, send, pages), daemon=True)
        proc.start()
        send.close()
        deadline = time.monotonic() + self.timeout
        result = None
        try:
            while result is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    result = ("error", f"timed out after {self.timeout:g} s")
                    break
                if recv.poll(min(left, 0.25)):
                    try:
                        msg = recv.recv()
                    except EOFError:  # the child died before it could answer
                        break
                    if msg[0] == "parsed":
                        on_parsed(msg[1])
                    else:
                        result = msg
                elif not proc.is_alive() and not recv.poll(0):
                    break
        finally:
            recv.close()
            if result and result[0] == "done":
                self._background.append(proc)  # rendering pages: left to finish (daemon: ends with the server)
            else:
                proc.join(0.1)
                if proc.is_alive():
                    proc.kill()
                    proc.join(5)
        if result is None:
            code = proc.exitcode
            return ("error", f"the checking process died (exit code {code}: a crash or out of memory)")
        return result


class IndexerDied(RuntimeError):
    """The indexing process ended in the middle of a call (a crash, out of memory, or a parse stuck in C code past
    its time limit, which ends the process: docqa.cluster.deadline)."""


def _background_priority() -> None:
    """Indexing is background work: on a busy machine the server's requests get the CPU first."""
    try:
        os.nice(10)
    except OSError:
        pass


def _refresh_answer_files(store_dir: str, index) -> None:
    """What a new retriever in the server reads instead of the vector database and every chunk: the vectors as
    one matrix and the documents' vocabulary, stamped with the manifest they reflect."""
    from qa.retrieve import Retriever

    r = Retriever(store_dir, "hybrid", index)
    r.vocabulary()
    if not index.chroma_url:  # a Chroma server is searched where it is
        r.dense_index()


def _warm_index(store_dir: str, index) -> int:
    """The encoder (prepare_item's own per-process cache, built into the model cache on first use), the vector
    store's client, and the answer files of a store built by `docqa ingest` while the server was down: its pid."""
    from docqa.cluster.tasks import _encoder
    from index.store import Store

    _encoder(index)
    store = Store(store_dir, chroma_url=index.chroma_url)
    store.collection()
    if store.exists():
        _refresh_answer_files(store_dir, index)
    return os.getpid()


def _index_document(path: str, store_dir: str, index, timeout: float) -> str | None:
    """Index one file: None, or why it could not be (the parser's message names the server's path)."""
    from docqa.cluster.items import make_item
    from docqa.cluster.tasks import prepare_item
    from index.ingest import commit_document, index_key, open_manifest
    from index.store import DocumentEntry, Store

    prepared = prepare_item(make_item(Path(path)), index, timeout)
    if prepared.get("error"):
        return prepared["error"]
    try:
        store = Store(store_dir, chroma_url=index.chroma_url)
        chunks = prepared["chunks"]
        with store.lock():  # against a `docqa ingest` on the same store
            manifest, _ = open_manifest(store, index, [], reindex=False)  # refuses another embedder's store
            entry = DocumentEntry(hash=prepared["digest"], source=path, chunk_ids=[c.id for c in chunks],
                                  index_key=index_key(), **prepared["meta"])
            commit_document(store, manifest, prepared["key"], chunks, prepared["vectors"], entry)
            store.rebuild_bm25()
    except Exception as exc:  # a store problem: this document's index error, the worker lives on
        return f"{exc.__class__.__name__}: {exc}"
    try:
        _refresh_answer_files(store_dir, index)
    except Exception:  # the document is committed; a retriever that finds these files stale makes them itself
        pass
    return None


class Indexer:
    """One worker process (a ProcessPoolExecutor of one), started on first use and again after it died."""

    def __init__(self, ctx, timeout: float) -> None:
        self.ctx = ctx
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _call(self, fn, *args):
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(1, mp_context=self.ctx, initializer=_background_priority)
            pool = self._pool
        try:
            return pool.submit(fn, *args).result()
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None  # the next call starts a new worker
            raise IndexerDied("the indexing process died (a crash, out of memory or a time-out in C code)") from None

    def warm(self, store_dir: Path, index) -> int:
        """Start the worker, load its encoder and the store: its pid."""
        return self._call(_warm_index, str(store_dir), index)

    def index(self, path: Path, store_dir: Path, index) -> str | None:
        """Index one file into the store (None), or say why it could not be."""
        return self._call(_index_document, str(path), str(store_dir), index, self.timeout)

    def pid(self) -> int:
        return self._call(os.getpid)

    def stop(self) -> None:
        """End the worker (the server is stopping): an idle one at once, one in the middle of a document after 2 s
        (its job is redone on the next start)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())  # no public way before Python 3.14
        pool.shutdown(wait=False, cancel_futures=True)  # an idle worker ends now, cleanly
        for p in procs:
            p.join(2)
            if p.is_alive():  # in the middle of a document: redone on the next start
                p.kill()
