"""Ingest and ask against a real local Chroma server (`chroma run` on 127.0.0.1), the path for users who
outgrow one machine: from this process, and from two Dask workers that upsert their own vectors, across a restart
of the server."""
import shutil
import socket
import subprocess
import time

import pytest

from core.settings import load_settings
from index.ingest import ingest_paths
from qa.answer import ask
from tests.test_qa import DOC

QUESTION = "示例区卫生健康委员会2024年三公经费预算是多少"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """`chroma run` on a folder and a port; stop() and start() again keep both (a restart)."""

    def __init__(self, exe: str, path, port: int) -> None:
        self.exe, self.path, self.port, self.proc = exe, path, port, None
        self.url = f"http://127.0.0.1:{port}"

    def start(self) -> None:
        self.proc = subprocess.Popen([self.exe, "run", "--path", str(self.path), "--host", "127.0.0.1",
                                      "--port", str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                pytest.fail("chroma server exited at start")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        pytest.fail("chroma server did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None


@pytest.fixture
def server(tmp_path):
    exe = shutil.which("chroma")
    if exe is None:
        pytest.skip("the chroma CLI is not installed")
    srv = ChromaServer(exe, tmp_path / "server", free_port())
    srv.start()
    yield srv
    srv.stop()


def test_ingest_and_ask_through_a_chroma_server(tmp_path, server, monkeypatch):
    monkeypatch.setenv("DOCQA_CHROMA_URL", server.url)
    settings = load_settings()  # the server comes from the environment, as a user sets it
    doc = tmp_path / "health.txt"
    doc.write_text(DOC, encoding="utf-8")
    report = ingest_paths([doc], tmp_path / "store", settings.index)
    assert report.added and not (tmp_path / "store" / "chroma").exists()  # vectors went to the server
    answer = ask(QUESTION, tmp_path / "store", settings=settings)
    assert answer.value == 12.3 and answer.citations[0].source.endswith("health.txt")


def test_two_dask_workers_write_to_the_server_and_answers_survive_a_restart(tmp_path, server, monkeypatch):
    pytest.importorskip("distributed")
    from docqa.cluster.ingest import ingest_on_cluster
    from index.store import Store

    monkeypatch.setenv("DOCQA_CHROMA_URL", server.url)
    settings = load_settings()
    docs = []
    for name, entity, value in (("health", "卫生健康委员会", "12.30"), ("water", "水务局", "8.80"),
                                ("roads", "交通运输局", "6.40"), ("parks", "园林局", "3.10")):
        f = tmp_path / f"{name}.txt"
        f.write_text(DOC.replace("卫生健康委员会", entity).replace("12.30", value), encoding="utf-8")
        docs.append(f)
    report = ingest_on_cluster(docs, tmp_path / "store", settings.index, "local:2")
    assert len(report.added) == 4 and not report.errors
    assert not (tmp_path / "store" / "chroma").exists()  # no embedded store: the workers wrote to the server
    store = Store(tmp_path / "store", chroma_url=server.url)
    ids = {i for d in store.manifest().documents.values() for i in d.chunk_ids}
    assert set(store.collection().get(ids=sorted(ids))["ids"]) == ids
    water = QUESTION.replace("卫生健康委员会", "水务局")
    first = ask(water, tmp_path / "store", settings=settings)
    assert first.value == 8.8 and first.citations[0].source.endswith("water.txt")
    server.stop()
    server.start()
    again = ask(water, tmp_path / "store", settings=settings)
    assert (again.value, again.citations[0].source) == (first.value, first.citations[0].source)
    assert ask(QUESTION, tmp_path / "store", settings=settings).value == 12.3
