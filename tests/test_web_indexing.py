"""Uploads are indexed outside the server's process (issue 17: a page image or an answer must never wait for the
GIL held by a parser, chunker or encoder): the server only commits what the indexing process prepared."""
from __future__ import annotations

import os
import sys
import threading

import pytest

pytest.importorskip("fastapi")

from tests.test_web_api import make_client, wait  # noqa: E402
from tests.test_web_sample import sample_pdf  # noqa: E402


def test_the_server_process_never_parses_or_chunks_an_upload_yet_it_lands_in_the_store(tmp_path):
    import index.chunk
    import index.load

    # Every Python call in this process (the server: request threads, job thread, warm threads) is watched for
    # the parser's and the chunker's entry points, by code object, whatever name they are called by.
    watched = {index.load.load.__code__: "load", index.chunk.chunk_document.__code__: "chunk_document"}
    seen: list[tuple[str, str]] = []

    def profile(frame, event, _arg):
        if event == "call" and frame.f_code in watched:
            seen.append((watched[frame.f_code], threading.current_thread().name))

    pdf, sample, _ = sample_pdf(tmp_path)
    threading.setprofile(profile)
    sys.setprofile(profile)
    try:
        with make_client(tmp_path) as client:
            r = client.post("/api/documents", files=[("files", (pdf.name, pdf.read_bytes(), "application/pdf"))])
            doc_id = r.json()["documents"][0]["id"]
            d = wait(client, doc_id)
            assert d["status"] == "ready" and d["index_error"] is None and d["timings"]["index"] > 0
            assert not seen, f"the server process parsed or chunked: {seen}"
            assert client.app.state.library.indexer.pid() != os.getpid()
            qa = next(q for q in sample.qa if "三公" not in q["question"])
            answer = client.post("/api/ask", json={"question": qa["question"], "document": doc_id}).json()
    finally:
        sys.setprofile(None)
        threading.setprofile(None)
    # It is in the store all the same: the answer (from the refreshed warm answerer) cites the upload.
    assert answer["value"] == pytest.approx(qa["value"], abs=0.01), answer
    assert answer["citations"][0]["document"] == doc_id
    manifest = (tmp_path / "store" / "manifest.json").read_text(encoding="utf-8")
    assert str(tmp_path / "data" / "files") in manifest and (tmp_path / "store" / "bm25" / "stamp.json").exists()


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
