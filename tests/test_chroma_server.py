"""Ingest and ask against a real local Chroma server (`chroma run` on 127.0.0.1), the path for users who
outgrow one machine."""
import shutil
import socket
import subprocess
import time

import pytest

from core.settings import load_settings
from index.ingest import ingest_paths
from qa.answer import ask
from tests.test_qa import DOC


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_url(tmp_path):
    exe = shutil.which("chroma")
    if exe is None:
        pytest.skip("the chroma CLI is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma server did not start")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(10)


def test_ingest_and_ask_through_a_chroma_server(tmp_path, chroma_url, monkeypatch):
    monkeypatch.setenv("DOCQA_CHROMA_URL", chroma_url)
    settings = load_settings()  # the server comes from the environment, as a user sets it
    doc = tmp_path / "health.txt"
    doc.write_text(DOC, encoding="utf-8")
    report = ingest_paths([doc], tmp_path / "store", settings.index)
    assert report.added and not (tmp_path / "store" / "chroma").exists()  # vectors went to the server
    answer = ask("示例区卫生健康委员会2024年三公经费预算是多少", tmp_path / "store", settings=settings)
    assert answer.value == 12.3 and answer.citations[0].source.endswith("health.txt")
