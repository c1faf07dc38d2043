"""Uploads are indexed outside the server's process (issue 17: a page image or an answer must never wait for the
GIL held by a parser, chunker, encoder or the vector store's writes): the server only reads the store."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from contextlib import contextmanager

import pytest

pytest.importorskip("fastapi")

from tests.test_web_api import make_client, wait  # noqa: E402
from tests.test_web_sample import sample_pdf  # noqa: E402


FRESH = "DOCQA_TEST_FRESH_PROCESS"


def ran_in_a_fresh_process(request) -> bool:
    """Run the calling test alone in a new interpreter (True when it did; the test then returns). Profiling the
    threads of a process that has already run the whole suite stalled the first profiled call (seen at the end of
    full runs, never alone): the tests that profile run where nothing else has."""
    if os.environ.get(FRESH):
        return False
    test = f"{__file__}::{request.node.name}"
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
                       env={**os.environ, FRESH: "1"}, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    return True


@contextmanager
def calls_in_this_process():
    """Every Python call of the threads started in this process (the server: request, job and warm threads)
    watched for the parser's and the chunker's entry points and for the opening of the vector store (written by
    the indexing process: a client here would read a database another process writes), by code object, whatever
    name they are called by. Yields the list of (function, thread name) seen."""
    import index.chunk
    import index.load
    import index.store

    watched = {index.load.load.__code__: "load", index.chunk.chunk_document.__code__: "chunk_document",
               index.store.Store.collection.__code__: "Store.collection"}
    seen: list[tuple[str, str]] = []

    by_id = {id(code): name for code, name in watched.items()}  # a code object's hash walks its constants

    def profile(frame, event, _arg):
        if event == "call" and id(frame.f_code) in by_id:
            seen.append((by_id[id(frame.f_code)], threading.current_thread().name))

    # The server's work runs in threads it starts (TestClient's portal, the job and warm threads): watched from
    # their start. The test's own thread is left alone: profiling it after a long test session could stall it.
    threading.setprofile(profile)
    try:
        yield seen
    finally:
        threading.setprofile(None)


def test_the_server_process_never_parses_or_chunks_an_upload_yet_it_lands_in_the_store(tmp_path, request):
    if ran_in_a_fresh_process(request):
        return
    pdf, sample, _ = sample_pdf(tmp_path)
    with calls_in_this_process() as seen, make_client(tmp_path) as client:
        r = client.post("/api/documents", files=[("files", (pdf.name, pdf.read_bytes(), "application/pdf"))])
        doc_id = r.json()["documents"][0]["id"]
        d = wait(client, doc_id)
        assert d["status"] == "ready" and d["index_error"] is None and d["timings"]["index"] > 0
        assert not seen, f"the server process parsed, chunked or opened the vector store: {seen}"
        assert client.app.state.library.indexer.pid() != os.getpid()
        qa = next(q for q in sample.qa if "三公" not in q["question"])
        answer = client.post("/api/ask", json={"question": qa["question"], "document": doc_id}).json()
    # It is in the store all the same: the answer (from the refreshed warm answerer) cites the upload.
    assert answer["value"] == pytest.approx(qa["value"], abs=0.01), answer
    assert answer["citations"][0]["document"] == doc_id
    manifest = (tmp_path / "store" / "manifest.json").read_text(encoding="utf-8")
    assert str(tmp_path / "data" / "files") in manifest and (tmp_path / "store" / "bm25" / "stamp.json").exists()
    assert not seen, seen


def test_a_dead_indexing_process_is_reported_and_replaced():
    import multiprocessing

    from docqa.web.worker import Indexer, IndexerDied

    indexer = Indexer(multiprocessing.get_context("spawn"), timeout=30)
    try:
        first = indexer.pid()
        with pytest.raises(IndexerDied):
            indexer._call(os._exit, 3)  # what a crash in the parser's C code looks like from here
        second = indexer.pid()
        assert os.getpid() not in (first, second) and first != second
    finally:
        indexer.stop()


def test_questions_are_answered_while_another_upload_is_indexed(tmp_path, request):
    if ran_in_a_fresh_process(request):
        return
    """The server's answerer keeps the store as it was until the indexing process has finished a document: it
    never reloads from a manifest whose answer files are still being written (that read the vector database from
    the server while the indexing process wrote it, and failed)."""
    first, sample, _ = sample_pdf(tmp_path, seed=7)
    second, _, _ = sample_pdf(tmp_path, seed=9)
    qa = next(q for q in sample.qa if "三公" not in q["question"])
    with calls_in_this_process() as seen, make_client(tmp_path) as client:
        a = client.post("/api/documents", files=[("files", (first.name, first.read_bytes(), "application/pdf"))])
        a_id = a.json()["documents"][0]["id"]
        assert wait(client, a_id)["status"] == "ready"
        b = client.post("/api/documents", files=[("files", (second.name, second.read_bytes(), "application/pdf"))])
        b_id = b.json()["documents"][0]["id"]
        stages = []
        while (stage := client.get(f"/api/documents/{b_id}").json()["status"]) not in ("ready", "failed"):
            r = client.post("/api/ask", json={"question": qa["question"], "document": a_id})
            assert r.status_code == 200, (stage, r.text)
            assert r.json()["value"] == pytest.approx(qa["value"], abs=0.01)
            stages.append(stage)
        assert "indexing" in stages and stage == "ready"
        assert not seen, f"the server reloaded from the store while it was written: {seen}"
        assert client.get(f"/api/documents/{b_id}").json()["index_error"] is None
        r = client.post("/api/ask", json={"question": qa["question"], "document": b_id})
        assert r.status_code == 200 and r.json()["citations"][0]["document"] == b_id


def test_an_upload_whose_indexing_process_dies_keeps_its_findings_and_the_next_one_lands(tmp_path):
    first, _, _ = sample_pdf(tmp_path, seed=7)
    second, sample, _ = sample_pdf(tmp_path, seed=9)
    with make_client(tmp_path) as client:
        indexer = client.app.state.library.indexer
        real, calls = indexer.index, []

        def dies_first(path, store_dir, index):  # the first document's indexing process dies under it
            calls.append(path)
            return indexer._call(os._exit, 3) if len(calls) == 1 else real(path, store_dir, index)

        indexer.index = dies_first
        a = client.post("/api/documents", files=[("files", (first.name, first.read_bytes(), "application/pdf"))])
        d = wait(client, a.json()["documents"][0]["id"])
        assert d["status"] == "ready" and "indexing process died" in d["index_error"]
        assert client.get(f"/api/documents/{d['id']}/findings").status_code == 200  # the findings stand
        assert client.post("/api/ask", json={"question": "基本支出是多少？", "document": d["id"]}).status_code == 409
        r = client.post("/api/ask", json={"question": "基本支出是多少？"})  # nothing indexed yet: said so
        assert r.status_code == 409 and "no documents" in r.json()["detail"]
        b = client.post("/api/documents", files=[("files", (second.name, second.read_bytes(), "application/pdf"))])
        d = wait(client, b.json()["documents"][0]["id"])
        assert d["status"] == "ready" and d["index_error"] is None and len(calls) == 2
        qa = next(q for q in sample.qa if "三公" not in q["question"])
        r = client.post("/api/ask", json={"question": qa["question"], "document": d["id"]})
        assert r.status_code == 200 and r.json()["value"] == pytest.approx(qa["value"], abs=0.01)
