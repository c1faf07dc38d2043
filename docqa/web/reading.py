"""What the pages and the API read from a document: page images, passages located on a page, answers, exports."""
from __future__ import annotations

import re
import shutil
import threading
import time
from pathlib import Path

import pymupdf

from docqa.web.highlight import boxes
from docqa.web.library import Entry, Library
from docqa.web.worker import page_png, render
from index.store import Store
from qa.retrieve import Retriever
from rules.findings import DocumentReport


class _Pinned(Store):
    """The store as the indexing process left it after a document: its manifest read from a copy taken then. A
    retriever reloads what it holds when the manifest changes; over the live file it would do so in the middle of
    the next document's commit, making the answer files (or reading the vector database) itself while another
    process writes them."""

    def __init__(self, root: Path, snapshot: Path, chroma_url: str | None) -> None:
        super().__init__(root, chroma_url=chroma_url)
        self._snapshot = snapshot

    @property
    def manifest_path(self) -> Path:
        return self._snapshot


class _Scoped(Retriever):
    """The store's retriever limited to some documents (the ask box of one document)."""

    def __init__(self, base: Retriever, keys: set[str]) -> None:
        self.__dict__.update(base.__dict__)
        self._base, self._keys = base, keys

    def _encoder(self):
        return self._base._encoder()

    def allowed(self, question: str, keys: set[str] | None = None) -> set[str]:
        return super().allowed(question, self._keys if keys is None else set(keys) & self._keys)


class Reader:
    def __init__(self, library: Library) -> None:
        self.lib = library
        self._retriever: Retriever | None = None
        self._generation = -1
        self._lock = threading.Lock()
        self.warmed = threading.Event()
        library.after_index.append(self._ask_once)

    # -- pages -------------------------------------------------------------------------------------------
    def page_png(self, e: Entry, n: int) -> Path:
        """The page image: made by the checking process after the report, or here when asked for first."""
        zoom = self.lib.serve.zoom
        out = page_png(self.lib.root / "pages" / e.id, n, zoom)
        if out.exists():
            return out
        out.parent.mkdir(parents=True, exist_ok=True)
        with pymupdf.open(e.path) as doc:
            if not 1 <= n <= doc.page_count:
                raise IndexError(n)
            render(doc, n, zoom, out)
        return out

    def page_size(self, e: Entry, n: int) -> list[float]:
        with pymupdf.open(e.path) as doc:
            r = doc[n - 1].rect
            return [round(r.width, 1), round(r.height, 1)]

    def page_text(self, e: Entry, n: int) -> str:
        """A text document's page (pages are split by form feeds, as the text parser reads them)."""
        from index.text import decode

        pages = decode(Path(e.path).read_bytes(), e.name).split("\f")
        if not 1 <= n <= len(pages):
            raise IndexError(n)
        return pages[n - 1]

    def locate(self, e: Entry, n: int, text: str, table: str | None = None, column: str | None = None,
               focus: str | None = None) -> dict:
        """Where `text` sits on page n: rectangles in points for a PDF, character spans for a text page (only
        the `focus` words inside the passage when they are there: a finding's stated figure)."""
        if e.format == "pdf":
            with pymupdf.open(e.path) as doc:
                if not 1 <= n <= doc.page_count:
                    raise IndexError(n)
                page = doc[n - 1]
                return {"page": n, "size": [round(page.rect.width, 1), round(page.rect.height, 1)],
                        "rects": boxes(page, text, table, column)}
        page = self.page_text(e, n)
        return {"page": n, "text": page, "spans": text_spans(page, text, focus)}

    # -- answers -----------------------------------------------------------------------------------------
    def warm(self) -> None:
        """After the library is warm: one question through the whole answer path, so the first reviewer's answer
        does not pay for loading the store's chunks, its index and the question readers."""
        self.lib.warmed.wait()
        try:
            self._ask_once()
        except Exception:  # an empty or unusable store: the first real question will say why
            pass
        self.warmed.set()

    def _ask_once(self) -> None:
        if self.lib.store_dir.joinpath("manifest.json").exists():
            self.ask("“三公”经费预算是多少？")

    def retriever(self) -> Retriever:
        """One warm retriever per state of the store (its chunks, BM25 index, vectors and query encoder stay
        loaded), made and loaded while the indexing process is not writing, from a copy of the manifest."""
        with self._lock:
            if self._retriever is None or self._generation != self.lib.generation:
                with self.lib.index_lock:
                    generation = self.lib.generation
                    folder = self.lib.root / "answering"
                    folder.mkdir(exist_ok=True)
                    snapshot = folder / f"manifest-{generation}.json"
                    snapshot.unlink(missing_ok=True)
                    if (self.lib.store_dir / "manifest.json").exists():  # else the retriever says the store is empty
                        shutil.copyfile(self.lib.store_dir / "manifest.json", snapshot)
                    index = self.lib.settings.index
                    retriever = Retriever(self.lib.store_dir, "hybrid", index,
                                          store=_Pinned(self.lib.store_dir, snapshot, index.chroma_url))
                    retriever.vocabulary()  # what it reads lazily, read now (the files match the copy)
                    retriever.store.bm25()
                    if index.chroma_url:  # a Chroma server's client; an embedded store is read from files
                        retriever.store.collection()
                    else:
                        retriever.dense_index()
                for old in folder.glob("manifest-*.json"):  # the one before may still serve a question
                    if old.stem.split("-")[-1] not in (str(generation), str(self._generation)):
                        old.unlink(missing_ok=True)
                self._generation = generation
                self._retriever = retriever
            return self._retriever

    def ask(self, question: str, doc_id: str | None = None, k: int = 5) -> dict:
        from qa.answer import ask

        start = time.perf_counter()
        base = self.retriever()
        retriever = base
        if doc_id is not None:
            e = self.lib.get(doc_id)
            retriever = _Scoped(base, {str(Path(e.path).resolve()), e.path})
        answer = ask(question, self.lib.store_dir, k, self.lib.settings, retriever=retriever)
        by_path = self.lib.by_path()
        data = answer.model_dump()
        for c in data["citations"]:
            e = by_path.get(c["source"]) or by_path.get(str(Path(c["source"]).resolve()))
            c["document"] = e.id if e else None
            c["name"] = e.name if e else Path(c["source"]).name
            c["entity"] = e.entity if e else None
            c["source"] = c["name"]  # the server's own path stays on the server
        for r in data.get("rows") or []:  # an answer across documents: one figure per document
            e = by_path.get(r["source"]) or by_path.get(str(Path(r["source"]).resolve()))
            r["document"] = e.id if e else None
            r["source"] = e.name if e else Path(r["source"]).name
        data["seconds"] = round(time.perf_counter() - start, 3)
        return data

    # -- exports -----------------------------------------------------------------------------------------
    def export(self, e: Entry, fmt: str) -> tuple[bytes, str, str]:
        """(body, media type, file name): the findings written by the report writers `docqa check --format` uses
        (json is the `docqa check --json` contract). The file names are ours, from the uploaded name."""
        data = self.lib.report(e.id)
        report = DocumentReport.model_validate(data["report"])
        stem = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", Path(e.name).stem).strip("_")[:60] or "document"
        if fmt == "json":
            import json

            body = json.dumps({"documents": [report.model_dump()]}, ensure_ascii=False, indent=2).encode("utf-8")
            return body, "application/json", f"{stem}-findings.json"
        local = report.model_copy(deep=True, update={"source": e.path})  # the writers read the file itself
        if e.format == "text":
            from rules.report.text_location import locate_report

            locate_report(local)  # line and section of each passage, as `docqa check` gives them
        shown = local.model_copy(update={"source": e.name})  # reports name the upload, not the server's file
        if fmt == "md":
            from rules.report.markdown import render

            return render([shown]).encode("utf-8"), "text/markdown; charset=utf-8", f"{stem}-findings.md"
        if fmt == "html":
            from rules.report.html import render

            return render([shown]).encode("utf-8"), "text/html; charset=utf-8", f"{stem}-findings.html"
        if fmt == "xlsx":
            from rules.report.xlsx import write

            out = self.lib.root / "exports" / f"{e.id}.xlsx"
            write([shown], out)
            return out.read_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", \
                f"{stem}-findings.xlsx"
        if fmt == "pdf":
            from rules.report.pdf import write

            out = self.lib.root / "exports" / f"{e.id}-report.pdf"
            write(local, out)
            return out.read_bytes(), "application/pdf", f"{stem}-report.pdf"
        if fmt == "annotated-pdf" and e.format == "pdf":
            from rules.report.annotated import write

            out = self.lib.root / "exports" / f"{e.id}-annotated.pdf"
            write(local, out)
            return out.read_bytes(), "application/pdf", f"{stem}-annotated.pdf"
        raise ValueError(fmt)


_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?%?")


def _num(s: str) -> float | None:
    try:
        return float(s.replace(",", "").rstrip("%"))
    except ValueError:
        return None


def text_spans(page: str, text: str, focus: str | None = None) -> list[list[int]]:
    """Character spans of a passage in a text page: the whole passage, else its clauses, else its numbers.
    With `focus`, the places of those words inside the passage instead, when they are printed there."""
    text = text.strip()
    if not text:
        return []
    at = page.find(text)
    if at >= 0:
        if focus:
            inner = [[at + m.start(), at + m.end()] for m in re.finditer(re.escape(focus), text)]
            if not inner and re.fullmatch(r"-?\d+(?:\.\d+)?", focus):  # 41.61 printed as 41.610 or 4,161.00
                want = float(focus)
                inner = [[at + m.start(), at + m.end()] for m in _NUM.finditer(text)
                         if _num(m.group()) is not None and abs(_num(m.group()) - want) < 0.005]
            if inner:
                return inner
        return [[at, at + len(text)]]
    spans = []
    parts = [p.strip() for p in re.split(r"[，。；：、｜=\n]+", text) if len(p.strip()) >= 4]
    for p in parts or _NUM.findall(text):
        at = page.find(p)
        if at >= 0:
            spans.append([at, at + len(p)])
    if not spans:
        for m in _NUM.findall(text):
            at = page.find(m)
            if at >= 0:
                spans.append([at, at + len(m)])
    return sorted(spans)[:24]
