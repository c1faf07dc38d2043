"""The hand-written question set over the real corpus (eval/sets/real_qa.yaml): its shape, its documents and pages,
and the mix issue 15 asks for. Reads ../shared/corpus/real by path (DOCQA_CORPUS overrides); skips when absent."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from eval.labels import SETS_DIR, load_set

SET_PATH = SETS_DIR / "real_qa.yaml"
DEV_CITIES = ("shenzhen", "xian", "chongqing")
UNTOUCHED_CITIES = ("quanzhou", "huzhou")
# Issue 15: at least these many questions of each kind over the whole set, and per split.
MIN_KIND = {"paraphrase": 30, "short_name": 30, "cross_doc": 20, "ranking": 15, "english": 10, "not_in_store": 10}
MIN_SPLIT = {"dev": 150, "untouched": 25}
MIN_DOCUMENTS = 40

Kind = Literal["lookup", "paraphrase", "short_name", "cross_doc", "ranking", "english", "not_in_store"]


class Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(description="PDF path relative to the corpus folder, e.g. real/xian-07.pdf")
    pages: list[int] = Field(min_length=1, description="1-based PDF pages that print the answer")


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str = Field(min_length=1, description="What the figure is: a row label or a department")
    value: float = Field(description="The figure, money in 万元")
    unit: str = Field(min_length=1, description="万元, %, 辆, 人 ...")
    source: str | None = Field(default=None, description="Document printing it (questions across documents)")
    pages: list[int] = Field(default_factory=list, description="Pages of that document printing it")


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, description="Unique id")
    type: Literal["table", "narrative", "reason", "definition", "cross_document"] = Field(
        description="Where the answer sits (the harness's question type)")
    kind: Kind = Field(description="How the question is asked")
    split: Literal["dev", "untouched"] = Field(description="dev cities, or quanzhou/huzhou kept untouched")
    question: str = Field(min_length=6, description="The question as an analyst types it")
    gold: list[Gold] = Field(default_factory=list, description="Documents and pages that prove the answer")
    value: float | None = Field(default=None, description="Numeric gold (money in 万元)")
    unit: str | None = Field(default=None, description="Unit of the value")
    tolerance: float = Field(default=0.01, ge=0, description="Accepted absolute difference, in the unit")
    key_phrases: list[str] = Field(default_factory=list, description="Text gold: every phrase must appear")
    answerable: bool = Field(default=True, description="False: the 80-document store does not hold the answer")
    printed: str | None = Field(default=None, description="The figure as printed")
    values: list[Part] = Field(default_factory=list, description="Every figure behind the answer")
    cells: list[str] = Field(default_factory=list, description="Cells a ranking used")
    note: str = Field(default="", description="Why the gold is what it is")

    @model_validator(mode="after")
    def _consistent(self) -> "Item":
        if self.kind == "not_in_store":
            if self.answerable or self.gold or self.value is not None:
                raise ValueError(f"{self.id}: a not_in_store question has answerable: false, no gold and no value")
            if not self.note:
                raise ValueError(f"{self.id}: say how absence was verified (note)")
            return self
        if not self.answerable:
            raise ValueError(f"{self.id}: only not_in_store questions are unanswerable")
        if not self.gold:
            raise ValueError(f"{self.id}: needs gold pages")
        if self.value is None and not self.key_phrases:
            raise ValueError(f"{self.id}: needs a value or key phrases")
        if self.value is not None and not self.unit:
            raise ValueError(f"{self.id}: a value needs its unit")
        if self.kind == "cross_doc":
            docs = {p.source for p in self.values if p.source}
            if len(docs) < 2 or len(self.gold) < 2:
                raise ValueError(f"{self.id}: a cross-document question lists each document's value and gold")
            if any(not p.pages for p in self.values):
                raise ValueError(f"{self.id}: each document's value names its pages")
        if self.kind == "ranking" and not (self.cells or self.values):
            raise ValueError(f"{self.id}: a ranking names the cells it used")
        if self.kind == "english" and any("\u4e00" <= ch <= "\u9fff" for ch in self.question.split("(")[0]):
            raise ValueError(f"{self.id}: an English question is asked in English")
        return self


class QASet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="Set name")
    description: str = Field(default="", description="One line")
    root: str | None = Field(default=None, description="null: the corpus folder")
    questions: list[Item] = Field(min_length=1, description="The questions")


def city(source: str) -> str:
    return Path(source).name.split("-")[0]


@pytest.fixture(scope="module")
def manifest(corpus_dir: Path) -> dict[str, int]:
    path = corpus_dir / "real" / "MANIFEST.tsv"
    if not path.is_file():
        pytest.skip("../shared/corpus/real/MANIFEST.tsv is not present")
    with path.open(encoding="utf-8") as f:
        return {f"real/{row['file']}": int(row["pages"]) for row in csv.DictReader(f, delimiter="\t")}


@pytest.fixture(scope="module")
def qa_set() -> QASet:
    return QASet.model_validate(yaml.safe_load(SET_PATH.read_text(encoding="utf-8")))


def all_sources(item: Item) -> list[tuple[str, list[int]]]:
    return [(g.source, g.pages) for g in item.gold] + [(p.source, p.pages) for p in item.values if p.source]


def check_against_manifest(qa: QASet, manifest: dict[str, int], corpus_dir: Path) -> list[str]:
    """Every problem a reader of the set would hit: unknown documents, pages past the end, wrong split."""
    problems = []
    seen: set[str] = set()
    for item in qa.questions:
        if item.id in seen:
            problems.append(f"{item.id}: duplicate id")
        seen.add(item.id)
        for source, pages in all_sources(item):
            if source not in manifest:
                problems.append(f"{item.id}: {source} is not in MANIFEST.tsv")
                continue
            if not (corpus_dir / source).is_file():
                problems.append(f"{item.id}: {source} is missing from the corpus folder")
            bad = [p for p in pages if not 1 <= p <= manifest[source]]
            if bad:
                problems.append(f"{item.id}: pages {bad} outside {source} ({manifest[source]} pages)")
            expected = "untouched" if city(source) in UNTOUCHED_CITIES else "dev"
            if item.split != expected:
                problems.append(f"{item.id}: {source} belongs to split {expected}, not {item.split}")
    return problems


def test_set_validates_and_loads_in_the_harness(qa_set: QASet) -> None:
    harness = load_set(SET_PATH)
    assert len(harness.questions) == len(qa_set.questions)
    assert {q.id for q in harness.questions} == {q.id for q in qa_set.questions}
    unanswerable = {q.id for q in harness.questions if not q.answerable}
    assert unanswerable == {q.id for q in qa_set.questions if q.kind == "not_in_store"}


def test_documents_pages_and_splits(qa_set: QASet, manifest: dict[str, int], corpus_dir: Path) -> None:
    assert check_against_manifest(qa_set, manifest, corpus_dir) == []


def test_mix_meets_issue_15(qa_set: QASet) -> None:
    kinds = Counter(q.kind for q in qa_set.questions)
    splits = Counter(q.split for q in qa_set.questions)
    short = {k: (kinds[k], n) for k, n in MIN_KIND.items() if kinds[k] < n}
    short |= {s: (splits[s], n) for s, n in MIN_SPLIT.items() if splits[s] < n}
    assert not short, f"below the minimum (have, need): {short}"
    docs = {s for q in qa_set.questions for s, _ in all_sources(q)}
    assert len(docs) >= MIN_DOCUMENTS
    cities = {city(s) for s in docs}
    assert set(DEV_CITIES) | set(UNTOUCHED_CITIES) <= cities


def test_cross_document_values_add_up(qa_set: QASet) -> None:
    """A sum across documents equals its parts (to the cent); every part's document is also a gold document."""
    for q in qa_set.questions:
        if q.kind != "cross_doc":
            continue
        gold_docs = {g.source for g in q.gold}
        assert {p.source for p in q.values} <= gold_docs, q.id
        if q.value is not None and "sum" in q.note:
            assert abs(sum(p.value for p in q.values) - q.value) <= 0.011, q.id


def test_the_checks_can_fail(manifest: dict[str, int], corpus_dir: Path) -> None:
    """A bad page, an unknown document, a wrong split and a bluffable 'not in store' item are all caught."""
    base = {"id": "x", "type": "narrative", "kind": "lookup", "split": "dev", "question": "某局2026年三公经费是多少？",
            "gold": [{"source": "real/xian-07.pdf", "pages": [9999]}], "value": 1.0, "unit": "万元"}
    qa = QASet.model_validate({"name": "t", "questions": [
        base, {**base, "id": "y", "gold": [{"source": "real/nowhere-01.pdf", "pages": [1]}]},
        {**base, "id": "z", "gold": [{"source": "real/huzhou-01.pdf", "pages": [1]}]}]})
    problems = check_against_manifest(qa, manifest, corpus_dir)
    assert any("outside" in p for p in problems)
    assert any("not in MANIFEST" in p for p in problems)
    assert any("split untouched" in p for p in problems)
    with pytest.raises(ValidationError):
        Item.model_validate({**base, "kind": "not_in_store", "answerable": False, "note": "checked"})
    with pytest.raises(ValidationError):
        Item.model_validate({**base, "surprise": 1})
    with pytest.raises(ValidationError):
        Item.model_validate({**base, "kind": "cross_doc"})
