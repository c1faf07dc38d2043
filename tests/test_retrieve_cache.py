"""What a new process reads to answer: one document's chunks when a passage of it is needed, the store's vectors
as one matrix (the same neighbours as the vector database), the vocabulary from its cache beside the store."""
import numpy as np
import pytest

from index.embed import encode
from index.ingest import ingest_paths
from qa.chunkview import LazyChunks
from qa.dense import ROWS, DenseIndex
from qa.retrieve import Retriever

DOC = """示例{n}市数据管理局
2026年部门预算

一、“三公”经费预算情况说明
2026年“三公”经费预算为{n}.50万元，其中：公务接待费{n}.10万元。

部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t{n}00.00\t{n}0.00\t{n}0.00
2010101\t行政运行\t{n}0.00\t{n}0.00\t
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("lazy")
    paths = []
    for n in range(1, 4):
        p = root / f"doc{n}.txt"
        p.write_text(DOC.format(n=n), encoding="utf-8")
        paths.append(p)
    assert not ingest_paths(paths, root / "store").errors
    return root / "store"


def test_chunks_are_read_one_document_at_a_time(store):
    r = Retriever(store)
    lazy, whole = r.chunks(), r.store.chunks()
    assert isinstance(lazy, LazyChunks) and set(lazy) == set(whole) and not lazy._loaded
    cid = next(iter(whole))
    assert lazy[cid].text == whole[cid].text and len(lazy._loaded) == 1
    assert [c for c in lazy] == list(whole)  # the same reading order


def test_the_matrix_finds_the_neighbours_the_vector_database_finds(store):
    r = Retriever(store)
    index = DenseIndex.of(r.store)
    assert (store / ROWS).exists() and len(index.ids) == len(r.store.chunks())
    allowed = set(r.store.chunks())
    for q in ("三公经费预算", "行政运行支出", "公务接待费"):
        v = encode(r._encoder(), [q])[0]
        mine = index.search(v, 5, allowed)
        theirs = r.store.dense(v, 5, allowed)
        assert [c for c, _ in mine] == [c for c, _ in theirs]
        assert np.allclose([s for _, s in mine], [s for _, s in theirs], atol=1e-4)
    again = DenseIndex.of(r.store)  # read back from the file, not exported again
    assert again.ids == index.ids and np.array_equal(again.vectors, index.vectors)
    assert isinstance(again.vectors, np.memmap)  # memory-mapped, not read whole
    for q in ("三公经费预算", "公务接待费"):
        v = encode(r._encoder(), [q])[0]
        assert again.search(v, 5, allowed) == index.search(v, 5, allowed)


def test_the_vocabulary_is_kept_beside_the_store(store):
    first = Retriever(store).vocabulary()
    assert (store / "qa-vocab.json").exists()
    second = Retriever(store).vocabulary()
    assert second.terms == first.terms and second.columns == first.columns and second.gloss == first.gloss


def test_a_vocabulary_read_from_part_of_the_chunks_is_built_again(store):
    import json

    Retriever(store).vocabulary()
    path = store / "qa-vocab.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    # the finished manifest's stamp, written by a reader that saw only some of the chunks (an ingest still committing)
    partial = dict(data, chunks=data["chunks"] - 1, terms=[])
    path.write_text(json.dumps(partial, ensure_ascii=False), encoding="utf-8")
    again = Retriever(store).vocabulary()
    assert again.terms == data["terms"] and again.terms
    assert json.loads(path.read_text(encoding="utf-8"))["chunks"] == data["chunks"]  # and written again whole
