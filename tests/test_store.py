"""The store records what shaped its index (parser, chunker, embedder): a mismatch re-indexes what is stale or
refuses to mix vectors, and says how; models round-trip through JSON."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from core.errors import StoreError
from docqa.cli import app
from index.chunk import chunk_document
from index.document import Document
from index.ingest import ingest_paths
from index.store import Manifest, Store
from index.text import parse_text_string
from tests.test_qa import DOC

runner = CliRunner()


@pytest.fixture
def two_docs(tmp_path):
    a, b = tmp_path / "health.txt", tmp_path / "water.txt"
    a.write_text(DOC, encoding="utf-8")
    b.write_text(DOC.replace("卫生健康委员会", "水务局").replace("12.30", "8.80"), encoding="utf-8")
    return a, b


def test_unchanged_files_are_skipped_and_the_manifest_records_versions(tmp_path, two_docs, fake_encoder):
    first = ingest_paths(two_docs, tmp_path / "s")
    assert len(first.added) == 2 and not first.unchanged
    again = ingest_paths(two_docs, tmp_path / "s")
    assert again.unchanged == [str(p) for p in two_docs] and not again.added
    manifest = Store(tmp_path / "s").manifest()
    assert manifest.embedder == "fake-trigram-64"
    assert all(d.index_key.startswith("parser ") and "chunker" in d.index_key for d in manifest.documents.values())


def test_a_document_indexed_by_older_code_is_reindexed_and_others_are_reported_stale(tmp_path, two_docs,
                                                                                      fake_encoder, monkeypatch):
    ingest_paths(two_docs, tmp_path / "s")
    import index.ingest

    monkeypatch.setattr(index.ingest, "index_key", lambda: "parser new, chunker new")
    report = ingest_paths(two_docs[:1], tmp_path / "s")
    assert [a.reindexed for a in report.added] == [True]
    assert report.stale == [str(two_docs[1])]


def test_vectors_of_another_embedder_are_never_mixed(tmp_path, two_docs, fake_encoder, monkeypatch):
    ingest_paths(two_docs[:1], tmp_path / "s")
    import index.ingest

    monkeypatch.setattr(index.ingest, "model_version", lambda index=None: "another-model v9")
    with pytest.raises(StoreError, match="another-model v9.*--reindex"):
        ingest_paths(two_docs[1:], tmp_path / "s")
    report = ingest_paths(two_docs[1:], tmp_path / "s", reindex=True)
    assert sorted(a.source for a in report.added) == sorted(str(p) for p in two_docs)  # the held one came along
    assert Store(tmp_path / "s").manifest().embedder == "another-model v9"


def test_a_store_of_the_first_format_reads_as_stale(tmp_path, two_docs, fake_encoder):
    ingest_paths(two_docs[:1], tmp_path / "s")
    store = Store(tmp_path / "s")
    new = json.loads(store.manifest_path.read_text(encoding="utf-8"))
    old = {"embedding_model": "static-e5",
           "documents": {k: {f: v for f, v in d.items() if f != "index_key"} for k, d in new["documents"].items()}}
    store.manifest_path.write_text(json.dumps(old), encoding="utf-8")
    manifest = Store(tmp_path / "s").manifest()
    assert manifest.embedder == "static-e5 (version unknown)"
    assert [d.index_key for d in manifest.documents.values()] == [""]
    with pytest.raises(StoreError, match="--reindex"):
        ingest_paths(two_docs[:1], tmp_path / "s")


def test_a_store_path_that_is_a_file_is_one_line_and_exit_2(tmp_path, two_docs):
    target = tmp_path / "not-a-folder"
    target.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(two_docs[0]), "--store", str(target)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"error: {target}: is a file, not a store folder"]


def test_an_unreadable_manifest_is_a_store_error(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError, match="unreadable store manifest"):
        Store(tmp_path / "s").manifest()


def test_models_round_trip_through_json(tmp_path, two_docs, fake_encoder):
    doc = parse_text_string(DOC, "health.txt")
    assert Document.model_validate_json(doc.model_dump_json()) == doc
    chunks = chunk_document(doc)
    assert [type(c).model_validate(c.model_dump()) for c in chunks] == chunks
    ingest_paths(two_docs, tmp_path / "s")
    manifest = Store(tmp_path / "s").manifest()
    assert Manifest.model_validate_json(manifest.model_dump_json()) == manifest
    assert Store(tmp_path / "s").chunks()  # chunks read back from the store


def test_parse_json_is_the_public_view_of_the_model():
    doc = parse_text_string(DOC, "health.txt")
    data = doc.to_json()
    assert "page_texts" not in data and all("grid" not in t for t in data["tables"])
    assert data["tables"][0]["rows"][0].keys() >= {"label", "code", "values", "page"}


def test_readers_share_one_reading_of_the_manifest_until_the_file_changes(tmp_path, two_docs, fake_encoder):
    ingest_paths(two_docs[:1], tmp_path / "s")
    store = Store(tmp_path / "s")
    first = store.committed()
    assert store.committed() is first and len(first.documents) == 1
    ingest_paths(two_docs, tmp_path / "s")  # another writer, another Store object
    assert len(store.committed().documents) == 2
    assert store.manifest() is not store.manifest()  # writers get their own copy to change


def test_a_reader_that_outlives_an_ingest_searches_the_documents_committed_since(tmp_path, two_docs, fake_encoder):
    ingest_paths(two_docs[:1], tmp_path / "s")
    store = Store(tmp_path / "s")  # a long-lived reader (the web app), its index and chunks read once
    before = store.bm25()
    assert {c.source for c in store.chunks().values()} == {str(two_docs[0])}
    ingest_paths(two_docs, tmp_path / "s")  # another process commits a second document
    assert {c.source for c in store.chunks().values()} == {str(p) for p in two_docs}
    assert store.bm25() is not before and store.bm25() is store.bm25()  # read again once, then kept
    water = [i for i, c in store.chunks().items() if c.source == str(two_docs[1])]
    assert set(water) & {cid for cid, _ in store.bm25().search("水务局", 50, set(water))}
