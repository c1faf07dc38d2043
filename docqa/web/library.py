"""The server's documents: files kept by content hash, their check reports, and the jobs that make them.

Layout of the data folder:  files/<id>.pdf|.txt  meta/<id>.json  reports/<id>.json  pages/<id>/<n>.png
The search store (`--store`) is the same store the CLI uses; documents ingested there by `docqa ingest` are listed
too and checked on first start. One worker thread runs the jobs in order: parse and check in a child process
(findings are shown as soon as they exist), then index in the indexing process (docqa.web.worker.Indexer: the
store's single writer). No parsing, chunking, embedding or writing to the store runs in the server's process, so
its page images and answers never wait for the GIL; it only reloads what a question reads once a document lands.
"""
from __future__ import annotations

import json
import os
import queue
import threading
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from core.settings import Settings
from docqa.web.uploads import Accepted, UploadError, check_pdf
from docqa.web.worker import Analyser, Indexer, IndexerDied

Status = Literal["queued", "parsing", "checking", "indexing", "ready", "failed"]
# Share of the work done when a stage starts: what the progress bar shows.
PROGRESS = {"queued": 0.0, "parsing": 0.1, "checking": 0.45, "indexing": 0.75, "ready": 1.0, "failed": 1.0}


class Entry(BaseModel):
    id: str = Field(description="Content hash of the file (sha1, 16 hex digits).")
    name: str = Field(description="The file name the user gave; shown, never used as a path.")
    format: Literal["pdf", "text"] = Field(description="What the content is, sniffed.")
    path: str = Field(description="Where the server keeps the file.")
    size: int = Field(0, description="Bytes.")
    added: float = Field(default_factory=time.time, description="Upload time (Unix seconds).")
    external: bool = Field(False, description="Ingested by `docqa ingest`, not uploaded here.")
    status: Status = Field("queued", description="Where the document is in parse → check → index.")
    stage_since: float = Field(default_factory=time.time, description="When the current stage began.")
    error: str | None = Field(None, description="Why the document could not be read or checked.")
    index_error: str | None = Field(None, description="Why it could not be indexed (findings still shown).")
    entity: str | None = None
    kind: str | None = Field(None, description="budget / final / unknown, as the parser read it.")
    year: int | None = None
    pages: int = 0
    counts: dict[str, int] = Field(default_factory=dict, description="Findings by severity.")
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per stage.")

    @property
    def has_findings(self) -> bool:
        return self.status in ("indexing", "ready")

    def public(self) -> dict:
        data = self.model_dump(exclude={"path"})
        data["progress"] = PROGRESS[self.status]
        data["findings_ready"] = self.has_findings
        return data


def _write(path: Path, data: str) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}.{threading.get_ident()}")
    tmp.write_text(data, encoding="utf-8")
    os.replace(tmp, path)


class Library:
    def __init__(self, settings: Settings, store_dir: Path) -> None:
        self.serve = serve = settings.serve
        self.settings = settings
        self.root = Path(serve.data_dir).resolve()
        self.store_dir = Path(store_dir).resolve()
        for sub in ("files", "meta", "reports", "pages", "exports"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._entries: dict[str, Entry] = {}
        self._jobs: queue.Queue[str | None] = queue.Queue()
        self._reports: dict[str, dict] = {}
        self._thread: threading.Thread | None = None
        self.analyser = Analyser(serve.doc_timeout, str(settings.check.rule_pack) if settings.check.rule_pack else None)
        self.indexer = Indexer(self.analyser.ctx, serve.doc_timeout)
        self.warmed = threading.Event()  # the checking process, the indexing process and the store are loaded
        # Held while the indexing process writes the store, and while the server makes and loads a retriever: no
        # retriever reads a half-written store. (Also chromadb's client registry is not thread-safe: the clients
        # of a Chroma server are made under it. The embedded store is opened by the indexing process alone.)
        self.index_lock = threading.Lock()
        self.after_index: list = []  # callables run by the job thread after each document is indexed
        self._stopping = False
        self.generation = 0  # bumped when the store changes: the ask side drops its cached retriever

    # -- start / stop ------------------------------------------------------------------------------------
    def start(self) -> None:
        for f in sorted((self.root / "meta").glob("*.json")):
            try:
                e = Entry.model_validate_json(f.read_text(encoding="utf-8"))
            except ValueError:
                continue
            self._entries[e.id] = e
        self._adopt_store()
        for e in sorted(self._entries.values(), key=lambda e: e.added):
            if e.status not in ("ready", "failed"):  # the server stopped mid-job: do it again
                checked = e.status == "indexing" and (self.root / "reports" / f"{e.id}.json").exists()
                if not checked:
                    self._set(e, status="queued")
                self._jobs.put(e.id)  # a checked document only goes back to indexing
        self._thread = threading.Thread(target=self._work, name="docqa-jobs", daemon=True)
        self._thread.start()
        threading.Thread(target=self._warm, name="docqa-warm", daemon=True).start()

    def _warm(self) -> None:
        """Before the first upload needs them: the checking process's imports, the indexing process with its
        encoder and the store (a first ingest spends most of its time loading these)."""
        self.analyser.warm()
        try:
            with self.index_lock:
                self.indexer.warm(self.store_dir, self.settings.index)
        except Exception:  # the first ingest will meet the same problem and report it on the document
            pass
        self.warmed.set()

    def stop(self) -> None:
        self._stopping = True
        self._jobs.put(None)
        self.indexer.stop()
        if self._thread:
            self._thread.join(timeout=5)

    def _adopt_store(self) -> None:
        """Documents the CLI put in the store: listed, checked from their own path, not re-indexed."""
        from index.store import Store, StoreError

        try:
            docs = Store(self.store_dir, chroma_url=self.settings.index.chroma_url).manifest().documents
        except StoreError:
            return
        known = {e.path for e in self._entries.values()}
        for key, d in docs.items():
            if key in known or not d.hash:
                continue
            path = Path(key)
            if not path.is_file():
                continue
            e = Entry(id=d.hash[:16], name=path.name, format="pdf" if path.suffix.lower() == ".pdf" else "text",
                      path=key, size=path.stat().st_size, external=True, status="queued", entity=d.entity,
                      kind=d.kind, year=d.year, pages=d.pages)
            if e.id not in self._entries:
                self._save(e)

    # -- entries -----------------------------------------------------------------------------------------
    def _save(self, e: Entry) -> None:
        with self._lock:
            self._entries[e.id] = e
            _write(self.root / "meta" / f"{e.id}.json", e.model_dump_json(indent=1))

    def _set(self, e: Entry, **changes) -> None:
        with self._lock:
            if "status" in changes and changes["status"] != e.status:
                changes["stage_since"] = time.time()
            for k, v in changes.items():
                setattr(e, k, v)
            self._save(e)

    def entries(self) -> list[Entry]:
        with self._lock:
            return sorted(self._entries.values(), key=lambda e: -e.added)

    def get(self, doc_id: str) -> Entry | None:
        with self._lock:
            return self._entries.get(doc_id)

    def by_path(self) -> dict[str, Entry]:
        with self._lock:
            return {e.path: e for e in self._entries.values()}

    def add(self, doc: Accepted) -> tuple[Entry, bool]:
        """(entry, new): the same content uploaded again is the same document."""
        with self._lock:
            old = self._entries.get(doc.id)
            if old and old.status != "failed":
                return old, False
        path = self.root / "files" / f"{doc.id}{doc.suffix}"
        path.write_bytes(doc.data)
        if doc.kind == "pdf":
            try:
                check_pdf(doc.name, path)
            except UploadError:
                path.unlink(missing_ok=True)
                raise
        e = Entry(id=doc.id, name=doc.name, format=doc.kind, path=str(path), size=len(doc.data))
        self._save(e)
        self._reports.pop(e.id, None)
        self._jobs.put(e.id)
        return e, True

    def report(self, doc_id: str) -> dict | None:
        """{"report": DocumentReport as JSON (source = the uploaded name), "highlights": {finding id: marks}}."""
        with self._lock:
            if doc_id in self._reports:
                return self._reports[doc_id]
        f = self.root / "reports" / f"{doc_id}.json"
        if not f.exists():
            return None
        data = json.loads(f.read_text(encoding="utf-8"))
        with self._lock:
            self._reports[doc_id] = data
        return data

    # -- the job thread ----------------------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            doc_id = self._jobs.get()
            if doc_id is None:
                return
            e = self.get(doc_id)
            if e is None or e.status in ("ready", "failed"):
                continue
            try:
                self._run(e)
            except Exception as exc:  # never let one document stop the queue
                self._set(e, status="failed", error=f"internal error: {exc.__class__.__name__}: {exc}")

    def _clean(self, e: Entry, message: str) -> str:
        """A message about a file, with the server's path replaced by the name the user knows."""
        return message.replace(e.path, e.name).replace(str(Path(e.path).resolve()), e.name)

    def _run(self, e: Entry) -> None:
        if e.status == "indexing":
            self._index(e, e.timings.get("check", 0.0))
        else:
            self._check(e)

    def _check(self, e: Entry) -> None:
        t0 = time.perf_counter()
        self._set(e, status="parsing", error=None, index_error=None)
        result = self.analyser.run(e.path, e.format, lambda info: self._set(e, status="checking", pages=info["pages"]),
                                   pages=(str(self.root / "pages" / e.id), self.serve.zoom))
        if result[0] != "done":
            self._set(e, status="failed", error=self._clean(e, result[1]), timings={"check": time.perf_counter() - t0})
            return
        _, report, marks = result
        report["source"] = e.name
        data = {"report": report, "highlights": marks}
        _write(self.root / "reports" / f"{e.id}.json", json.dumps(data, ensure_ascii=False))
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in report["findings"]:
            counts[f["severity"]] += 1
        with self._lock:
            self._reports[e.id] = data
        check_s = round(time.perf_counter() - t0, 3)
        self._set(e, status="ready" if e.external else "indexing", entity=report.get("entity"), kind=report["kind"],
                  year=report.get("year"), pages=report.get("pages") or e.pages, counts=counts,
                  timings={"check": check_s})
        if not e.external:
            self._index(e, check_s)

    def _index(self, e: Entry, check_s: float) -> None:
        t1 = time.perf_counter()
        error = None
        try:
            with self.index_lock:
                error = self.indexer.index(Path(e.path), self.store_dir, self.settings.index)
        except IndexerDied as exc:
            if self._stopping:  # killed by stop(): left "indexing", redone on the next start
                return
            error = str(exc)
        except Exception as exc:  # the findings stand; questions will not find this document
            error = f"{exc.__class__.__name__}: {exc}"
        with self._lock:
            self.generation += 1
        for hook in self.after_index:  # e.g. load the new state of the store for the next question
            try:
                hook()
            except Exception:
                pass
        # Ready once the hooks ran: the first question about it finds the answerer warm.
        self._set(e, status="ready", index_error=self._clean(e, error) if error else None,
                  timings={"check": check_s, "index": round(time.perf_counter() - t1, 3)})

    def wait_idle(self, timeout: float = 120.0) -> bool:
        """True when no job is queued or running (tests and the benchmark)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if all(e.status in ("ready", "failed") for e in self.entries()):
                return True
            time.sleep(0.1)
        return False
