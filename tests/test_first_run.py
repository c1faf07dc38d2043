"""A first run with an empty model cache: the one-time build of the embedding model is announced (with what it
costs and where it is kept), it lands in the configured cache, the demo cleans up after itself and nothing a
third-party library prints (`Batches:` bars) reaches the output."""
import numpy as np
import pytest
from typer.testing import CliRunner

import index.embed
from docqa.cli import app

DOC = "某某局2024年部门预算\n一、收支预算总体情况\n本年收入预算100.00万元，支出预算100.00万元。\n"


class _Teacher:
    """Stands in for the e5 teacher only (the slow part); vocabulary, weighting, tokenizer and saving are real."""
    dim = 8

    def __init__(self):
        self.calls = 0

    def passage(self, texts):
        self.calls += 1
        rng = np.random.default_rng(len(texts))
        return rng.normal(size=(len(texts), self.dim)).astype(np.float32)


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    import index.teacher

    teacher = _Teacher()
    cache = tmp_path / "models"
    monkeypatch.setenv("DOCQA_CACHE", str(cache))
    monkeypatch.setattr(index.teacher, "new_engine", lambda: teacher)
    small = ["预算", "支出", "收入", "万元", "某", "局", "年", "部", "门"] + list("0123456789")
    monkeypatch.setattr(index.embed, "_vocabulary", lambda: (small, {w: 1e-4 for w in small}))
    return cache, teacher


def test_ingest_on_an_empty_cache_announces_the_one_time_build(empty_cache, tmp_path):
    cache, teacher = empty_cache
    doc = tmp_path / "doc.txt"
    doc.write_text(DOC, encoding="utf-8")
    assert index.embed.needs_build(index.embed.IndexSettings(model_cache=cache))
    result = CliRunner().invoke(app, ["ingest", str(doc), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert "first run: building the embedding model static-e5 once" in result.stderr
    assert str(cache) in result.stderr and "embedding model built in" in result.stderr
    assert teacher.calls >= 1 and (cache / f"static-e5-v{index.embed.STATIC_VERSION}" / "modules.json").exists()
    assert not list(cache.glob("*.building*"))  # no half-built folder left
    assert "Batches" not in result.output
    again = CliRunner().invoke(app, ["ingest", str(doc), "--store", str(tmp_path / "store2")])
    assert again.exit_code == 0 and "first run" not in again.stderr


def test_quiet_says_nothing_on_stderr(empty_cache, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(doc), "--store", str(tmp_path / "store"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_demo_builds_in_the_background_and_removes_its_temp_folder(empty_cache, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("DocQA demo")
    assert "building the embedding model once in the background" in result.stderr
    assert "embedding model built in" in result.stderr
    assert not list(tmp_path.glob("docqa-demo-*"))
    assert "Batches" not in result.output
