"""`docqa ask` as a new process, the first after `docqa ingest` too: the same answer as in process, reading only what answering needs (no rich for
--json, no vector database, torch, sentence-transformers, LangChain, bm25s or scipy, and not
jieba's whole dictionary)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docqa.cli import app
from qa.answer import ask
from qa.dense import ROWS
from tests.test_qa import DOC

REPO = Path(__file__).resolve().parents[1]
QUESTION = "示例区卫生健康委员会2024年行政运行的基本支出是多少"
HEAVY = ("rich", "chromadb", "torch", "sentence_transformers", "langchain", "langchain_core",
         "langchain_openai", "bm25s", "scipy", "rules.batch", "docqa.web", "eval")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("ask")
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(root / "doc.txt"), "--store", str(root / "store"), "--json"])
    assert result.exit_code == 0, result.output
    return root / "store"


def _ask_in_a_new_process(store: Path, *flags: str) -> tuple[dict, list[str]]:
    code = f"""
import json, sys, jieba
from docqa.cli import app
try:
    app(["ask", {QUESTION!r}, "--store", {str(store)!r}, "--no-llm", *{list(flags)!r}], standalone_mode=False)
finally:
    loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in {HEAVY!r}))
    print("LOADED", json.dumps({{"modules": loaded, "jieba_dictionary": jieba.dt.initialized}}))
"""
    env = {**os.environ, "PYTHONPATH": str(REPO), "DOCQA_LLM": "none"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    answer, _, loaded = out.stdout.rpartition("LOADED ")
    return answer, json.loads(loaded)


def test_a_new_process_answers_as_in_process_reading_only_what_it_needs(store):
    assert (store / ROWS).exists() and (store / "qa-vocab.json").exists()  # written by the ingest
    text, loaded = _ask_in_a_new_process(store, "--json")  # the first ask after the ingest
    got = json.loads(text)
    want = ask(QUESTION, store)
    assert got["answer"] == want.answer and got["value"] == want.value and got["value"] is not None
    assert [c["page"] for c in got["citations"]] == [c.page for c in want.citations]
    assert loaded == {"modules": [], "jieba_dictionary": False}


def test_the_panel_output_imports_rich_to_draw_it(store):
    text, loaded = _ask_in_a_new_process(store)
    assert "rich" in loaded["modules"] and ask(QUESTION, store).answer.split("。")[0][:20] in text
    assert f"置信度 {ask(QUESTION, store).confidence:.2f}" in text  # how sure the answer is, beside its mode
