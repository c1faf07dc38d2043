"""The LLM timeout bounds the whole call (connect + first token + reply): an endpoint that accepts the request and
then trickles bytes forever costs `timeout` seconds, not more; `ask` then says once that it fell back."""
import socket
import threading
import time

import pytest
from typer.testing import CliRunner

from core.errors import LLMError
from core.settings import LLMSettings
from qa.llm import complete, make_chat


@pytest.fixture
def trickling_endpoint():
    """An HTTP server that answers 200 with a chunked body and sends one blank chunk every 0.2 s, never ending."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    stop = threading.Event()

    def serve(conn):
        try:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            while not stop.is_set():
                conn.sendall(b"1\r\n \r\n")
                time.sleep(0.2)
        except OSError:
            pass
        finally:
            conn.close()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/v1"
    stop.set()
    server.close()


def test_a_trickling_endpoint_costs_the_timeout_and_no_more(trickling_endpoint):
    settings = LLMSettings(base_url=trickling_endpoint, model="m", timeout=1.5, cache_dir=None)
    chat = make_chat(settings)  # building the client (imports) is not part of the call
    start = time.monotonic()
    with pytest.raises(LLMError) as err:
        complete([("human", "hi")], settings, chat)
    spent = time.monotonic() - start
    assert str(err.value) == "timeout" and err.value.retryable
    assert 1.3 < spent < 3.0, spent


def test_ask_says_once_that_the_llm_was_unreachable(trickling_endpoint, tmp_path, monkeypatch, fake_encoder):
    from docqa.cli import app
    from index.ingest import ingest_paths

    doc = tmp_path / "d.txt"
    doc.write_text("某某局2024年部门预算\n一、收支预算总体情况\n某某局2024年“三公”经费预算12.00万元。\n", encoding="utf-8")
    ingest_paths([doc], tmp_path / "store")
    for name, value in (("DOCQA_LLM", "on"), ("DOCQA_LLM_BASE_URL", trickling_endpoint), ("DOCQA_LLM_MODEL", "m"),
                        ("DOCQA_LLM_TIMEOUT", "1.5"), ("DOCQA_LLM_CACHE", "")):
        monkeypatch.setenv(name, value)
    start = time.monotonic()
    result = CliRunner().invoke(app, ["ask", "某某局三公经费预算是多少？", "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert time.monotonic() - start < 30  # imports and retrieval included, on a shared machine
    assert result.stderr.count(f"LLM unreachable at {trickling_endpoint} (timeout)") == 1
    assert "deterministic answer used" in result.stderr and "12" in result.stdout
