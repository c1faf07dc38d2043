"""qa.english_part: a part of a unit an English question names is one of the units its department's document prints
a block for, or the question is declined; never the department's own figure."""
from __future__ import annotations

from index.chunk import Chunk
from qa.english_named import named
from qa.english_part import part_named

WATER = "深圳市水务局"
BLOCKS = ["深圳市观澜河流域管理中心", "深圳市东部水源管理中心", "深圳市水文水质中心"]


class _Chunks(dict):
    def of_doc(self, key):
        return self


class _Retriever:
    """One department's document whose tables print a block per subordinate unit."""

    def __init__(self):
        rows = [Chunk(id=f"r{i}", source="sz24.pdf", kind="row", pages=[60], text="支出总表（万元）｜合计：支出总计=1.00",
                      entity=WATER, budget_unit=unit) for i, unit in enumerate(BLOCKS + [f"{WATER}（本级）"])]
        self._chunks = _Chunks({c.id: c for c in rows})

    def documents(self):
        return {"sz24": {"name": WATER, "entity": WATER, "place": "深圳", "year": 2026, "aliases": ["深圳水务局"]}}

    def chunks(self):
        return self._chunks


def _encoder(monkeypatch, first: str) -> None:
    """An encoder that puts `first` clearly ahead of every other name."""
    import qa.english_unit

    monkeypatch.setattr(qa.english_unit, "_ranked", lambda query, texts: sorted(
        ((0.82 if t == first else 0.70, t) for t in texts), reverse=True))


def test_a_centre_under_the_bureau_is_read_among_the_bureaus_blocks(monkeypatch):
    _encoder(monkeypatch, "深圳市观澜河流域管理中心")
    retriever = _Retriever()
    found = named("What is the total 2026 budget of the Guanlan River Basin Management Centre under the Shenzhen "
                  "Water Affairs Bureau?", retriever.documents())
    assert found.units == [WATER]
    part = part_named(found, retriever)
    assert part.name == "深圳市观澜河流域管理中心"
    # the words joining it to its bureau go with it: none of them is a word of the quantity
    assert part.phrase == "Guanlan River Basin Management Centre under the "


def test_a_question_naming_no_part_asks_the_department(monkeypatch):
    _encoder(monkeypatch, WATER)
    retriever = _Retriever()
    found = named("What is the total 2026 budget of the Shenzhen Water Affairs Bureau?", retriever.documents())
    assert part_named(found, retriever) is None


def test_a_part_no_block_is_declined_rather_than_read_as_the_department(monkeypatch):
    _encoder(monkeypatch, WATER)
    retriever = _Retriever()
    # a project office of the bureau its document prints no block for
    found = named("How much will the Shenzhen Water Affairs Bureau's Dongjiang water source project office pay for "
                  "raw water?", retriever.documents())
    assert found.parts
    assert part_named(found, retriever) is False
