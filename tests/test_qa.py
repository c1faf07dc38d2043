"""Ingest and ask end to end on small documents of our own: chunks, atomic commits, answers with citations."""
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from docqa.cli import app
from index.chunk import chunk_document
from index.embed import StaticReader, encode, load_encoder, static_path
from index.ingest import ingest_paths
from index.store import Store, StoreError
from index.text import parse_text_string
from qa.answer import ask
from qa.retrieve import Retriever

runner = CliRunner()

DOC = """示例区卫生健康委员会
2024年部门预算公开

一、部门职责
负责全区卫生健康事业的规划与监督。

二、“三公”经费预算情况说明
2024年“三公”经费预算为12.30万元，主要用于公务接待和公务用车运行。

名词解释
机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金。

部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t500.00\t320.00\t180.00
2100101\t行政运行\t320.00\t320.00\t
2100199\t其他卫生健康管理事务支出\t180.00\t\t180.00
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("qa")
    doc = root / "health.txt"
    doc.write_text(DOC, encoding="utf-8")
    other = root / "water.txt"
    other.write_text(DOC.replace("卫生健康委员会", "水务局").replace("12.30", "8.80"), encoding="utf-8")
    report = ingest_paths([doc, other], root / "store")
    assert not report.errors and len(report.added) == 2
    return root


def test_chunk_ids_are_stable_and_rows_carry_their_header_paths():
    doc = parse_text_string(DOC, "health.txt")
    a, b = chunk_document(doc), chunk_document(parse_text_string(DOC, "health.txt"))
    assert [c.id for c in a] == [c.id for c in b]
    row = next(c for c in a if c.kind == "row" and c.code == "2100101")
    assert "基本支出=320.00" in row.text and row.facts[0]["value"] == 320.0
    assert {"paragraph", "row", "table"} == {c.kind for c in a}


def test_static_reader_gives_the_sentence_transformers_vectors():
    texts = ["2024年三公经费预算是多少", "行政运行 2100101"]
    model = load_encoder()
    reader = StaticReader(static_path())
    assert np.allclose(encode(model, texts), encode(reader, texts), atol=1e-5)


def test_reingesting_the_same_file_changes_nothing(store):
    before = Store(store / "store").manifest()
    report = ingest_paths([store / "health.txt"], store / "store")
    assert report.unchanged == [str(store / "health.txt")] and not report.added
    assert Store(store / "store").manifest() == before


def test_numeric_question_is_answered_from_the_table_cell(store):
    answer = ask("示例区卫生健康委员会2024年行政运行的基本支出是多少", store / "store")
    assert answer.mode == "structured" and answer.value == 320.0 and answer.unit == "万元"
    assert answer.citations[0].source.endswith("health.txt") and "行政运行" in answer.citations[0].text


def test_entity_in_the_question_restricts_the_documents(store):
    health = ask("卫生健康委员会2024年三公经费预算是多少", store / "store")
    water = ask("水务局2024年三公经费预算是多少", store / "store")
    assert (health.value, water.value) == (12.3, 8.8)
    assert all(c.source.endswith("water.txt") for c in water.citations)


def test_a_year_the_store_does_not_hold_is_said_before_the_answer(store):
    held = ask("卫生健康委员会2024年三公经费预算是多少", store / "store")
    other = ask("卫生健康委员会2026年三公经费预算是多少", store / "store")
    assert not held.answer.startswith("未找到")
    assert other.answer.startswith("未找到2026年的文件，以下依据2024年的文件：") and other.value == held.value
    assert held.answered and not other.answered  # another year's figure is shown, not given as the answer


def test_definitions_are_answered_extractively(store):
    answer = ask("什么是机关运行经费", store / "store")
    assert answer.mode == "extractive" and "购买货物和服务" in answer.answer


def test_bm25_and_dense_retrievers_work_alone(store):
    for mode in ("bm25", "dense"):
        hits = Retriever(store / "store", mode=mode).search("行政运行支出", 3)
        assert hits and all(h.chunk.source for h in hits)


def test_changed_file_replaces_its_chunks(tmp_path):
    doc = tmp_path / "unit.txt"
    doc.write_text(DOC, encoding="utf-8")
    ingest_paths([doc], tmp_path / "s")
    doc.write_text(DOC.replace("12.30", "15.60"), encoding="utf-8")
    ingest_paths([doc], tmp_path / "s")
    texts = [c.text for c in Store(tmp_path / "s").chunks().values()]
    assert any("15.60" in t for t in texts) and not any("12.30" in t for t in texts)
    assert ask("示例区卫生健康委员会三公经费预算是多少", tmp_path / "s").value == 15.6


def test_cli_contract_and_errors(store, tmp_path):
    result = runner.invoke(app, ["ask", "水务局2024年三公经费预算是多少", "--store", str(store / "store"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"question", "answer", "value", "unit", "citations", "mode"}
    # section and line (text documents) were added for issue 16; the four original keys stay.
    assert {"source", "page", "text", "score"} <= set(data["citations"][0]) <= {"source", "page", "text", "score",
                                                                                  "section", "line"}
    missing = runner.invoke(app, ["ask", "问题", "--store", str(tmp_path / "nothing")])
    assert missing.exit_code == 2 and "no documents ingested" in missing.output
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    result = runner.invoke(app, ["ingest", str(bad), "--store", str(tmp_path / "s2"), "--json"])
    assert result.exit_code == 2


def test_missing_store_raises_store_error(tmp_path):
    with pytest.raises(StoreError):
        Retriever(tmp_path / "none")
