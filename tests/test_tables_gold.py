"""Schema and consistency of the hand-checked table sets (eval/sets/tables_gold.yaml, tables_expected.yaml).

Every document must be in the real corpus's MANIFEST.tsv, every page within the PDF's page count, every type a
table type of rules/pack.yaml (or `other`). Tests that need ../shared skip cleanly when it is absent.
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "eval" / "sets"
CITIES = {"shenzhen": "dev", "xian": "dev", "chongqing": "dev", "quanzhou": "untouched", "huzhou": "untouched"}
Unit = Literal["万元", "元", "千元"]


class Sample(BaseModel):
    """One sampled row of a gold table, with its place in the table's hierarchy."""

    model_config = ConfigDict(extra="forbid")
    label: str = Field(min_length=1, description="Row label as printed (whitespace removed)")
    code: str | None = Field(None, pattern=r"^\d{3,7}$", description="Classification code printed for the row, if any")
    level: int | None = Field(None, ge=1, le=6, description="1 for top-level rows, 2 for their children, ...")
    parent: str | None = Field(None, description="Label of the parent row; null for a top-level row")
    value: float | None = Field(None, description="First amount column as printed, in the table's unit")
    blank: bool = Field(False, description="The amount cell is blank or '-' (value then is 0)")

    @model_validator(mode="after")
    def _parent_needs_level(self) -> Sample:
        if self.parent is not None and (self.level is None or self.level < 2):
            raise ValueError(f"{self.label}: a parent needs level >= 2")
        if self.level is not None and self.level > 1 and self.parent is None:
            raise ValueError(f"{self.label}: level {self.level} without a parent")
        return self


class Total(BaseModel):
    """The grand-total row of a table."""

    model_config = ConfigDict(extra="forbid")
    label: str = Field(min_length=1, description="Label of the grand-total row as printed")
    value: float = Field(description="Its first amount column as printed")


class GoldTable(BaseModel):
    """One table checked by hand: title, type, unit, leaf headers, row count, total and sampled rows."""

    model_config = ConfigDict(extra="forbid")
    number: str | None = Field(description="Table number as printed (表3, 公开01表, 表一), or null")
    name: str = Field(min_length=2, description="Short table name: the title without number, unit, year, unit name")
    type: str = Field(description="A table type of rules/pack.yaml, or other")
    pages: list[int] = Field(min_length=1, description="1-based PDF pages the table spans")
    unit: Unit | None = Field(None, description="Money unit as printed (or implied, then unit_printed: false)")
    unit_printed: bool = Field(True, description="False when no unit line is printed for the table")
    columns: list[str] = Field(description="Leaf header labels left to right as printed")
    rows: int = Field(ge=0, description="Data rows under the header over all pages (no column-number row)")
    total: Total | None = Field(None, description="Grand-total row, if the table prints one")
    samples: list[Sample] = Field(default_factory=list, max_length=6, description="3-6 sampled rows")
    empty: bool = Field(False, description="The table prints no data")

    @model_validator(mode="after")
    def _consistent(self) -> GoldTable:
        if self.pages != sorted(set(self.pages)):
            raise ValueError(f"{self.name}: pages must be increasing")
        if self.empty and self.rows:
            raise ValueError(f"{self.name}: empty table with rows")
        if not self.empty and self.rows == 0:
            raise ValueError(f"{self.name}: no rows but not marked empty")
        if len(self.samples) > self.rows:
            raise ValueError(f"{self.name}: more samples than rows")
        return self


class ExpectedTable(BaseModel):
    """A table a document prints (from its 目录, or from the pages without one)."""

    model_config = ConfigDict(extra="forbid")
    number: str | None = Field(description="Table number as printed, or null")
    name: str = Field(min_length=2, description="Short table name")
    type: str = Field(description="A table type of rules/pack.yaml, or other")
    pages: list[int] = Field(min_length=1, description="1-based PDF pages (approximate when the document says so)")
    unit: Unit | None = Field(None, description="Unit printed on the table's pages, when one is")


class Document(BaseModel):
    """A document of the real corpus and its tables."""

    model_config = ConfigDict(extra="forbid")
    doc: str = Field(pattern=r"^[a-z]+-\d\d$", description="File stem under ../shared/corpus/real/")
    kind: Literal["budget", "final"] = Field(description="Budget or final account")
    split: Literal["dev", "untouched"] = Field(description="dev (shenzhen/xian/chongqing) or untouched check")
    pages_approx: bool = Field(False, description="Table page spans run to the page before the next table")
    note: str | None = Field(None, description="What the list leaves out, and why")

    @model_validator(mode="after")
    def _split(self) -> Document:
        if CITIES.get(self.doc.split("-")[0]) != self.split:
            raise ValueError(f"{self.doc}: split must be {CITIES.get(self.doc.split('-')[0])}")
        return self


class GoldDocument(Document):
    tables: list[GoldTable] = Field(min_length=1, description="Tables checked by hand")


class ExpectedDocument(Document):
    tables: list[ExpectedTable] = Field(description="Every table the document prints")


class GoldSet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[GoldDocument] = Field(description="Documents with hand-checked tables")


class ExpectedSet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[ExpectedDocument] = Field(description="All documents of the real corpus")


@functools.cache
def pack_types() -> frozenset[str]:
    pack = yaml.safe_load((ROOT / "rules" / "pack.yaml").read_text(encoding="utf-8"))
    return frozenset({t["type"] for t in pack["table_types"]} | {"other"})


def manifest() -> dict[str, int]:
    path = CORPUS / "real" / "MANIFEST.tsv"
    if not path.exists():
        pytest.skip("../shared/corpus/real is absent")
    with path.open(encoding="utf-8") as f:
        return {r["file"].removesuffix(".pdf"): int(r["pages"]) for r in csv.DictReader(f, delimiter="\t")}


@pytest.fixture(scope="module")
def gold() -> GoldSet:
    return GoldSet.model_validate(yaml.safe_load((SETS / "tables_gold.yaml").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def expected() -> ExpectedSet:
    return ExpectedSet.model_validate(yaml.safe_load((SETS / "tables_expected.yaml").read_text(encoding="utf-8")))


def test_gold_size(gold: GoldSet) -> None:
    tables = [t for d in gold.documents for t in d.tables]
    assert len(tables) >= 150 and len(gold.documents) >= 17
    assert len({d.doc for d in gold.documents if d.split == "dev"}) >= 12
    assert len({d.doc for d in gold.documents if d.split == "untouched"}) >= 5
    assert len({d.doc for d in gold.documents}) == len(gold.documents), "a document listed twice"


@pytest.mark.parametrize("which", ["gold", "expected"])
def test_types_are_pack_types(which: str, request: pytest.FixtureRequest) -> None:
    data = request.getfixturevalue(which)
    types = pack_types()
    bad = [(d.doc, t.name, t.type) for d in data.documents for t in d.tables if t.type not in types]
    assert not bad


@pytest.mark.parametrize("which", ["gold", "expected"])
def test_documents_and_pages_exist(which: str, request: pytest.FixtureRequest) -> None:
    pages = manifest()
    data = request.getfixturevalue(which)
    for d in data.documents:
        assert d.doc in pages, f"{d.doc} not in MANIFEST.tsv"
        for t in d.tables:
            assert all(1 <= p <= pages[d.doc] for p in t.pages), f"{d.doc} {t.name}: pages {t.pages}"


def test_expected_covers_corpus(expected: ExpectedSet) -> None:
    docs = [d.doc for d in expected.documents]
    assert len(docs) == len(set(docs))
    assert set(docs) == set(manifest())


def test_gold_agrees_with_expected(gold: GoldSet, expected: ExpectedSet) -> None:
    listed = {(d.doc, t.number, t.name): t for d in expected.documents for t in d.tables}
    kinds = {d.doc: d.kind for d in expected.documents}
    for d in gold.documents:
        assert kinds[d.doc] == d.kind
        for t in d.tables:
            e = listed.get((d.doc, t.number, t.name))
            assert e is not None, f"{d.doc} {t.number} {t.name} not in tables_expected"
            assert e.type == t.type and set(t.pages) <= set(e.pages), f"{d.doc} {t.number}: type or pages differ"
            if t.unit and e.unit:
                assert t.unit == e.unit, f"{d.doc} {t.number}: unit {t.unit} != {e.unit}"


def test_models_reject_bad_entries() -> None:
    table = {"number": "表1", "name": "收支总表", "type": "overview", "pages": [3], "unit": "万元", "columns": ["项目"],
             "rows": 2, "samples": [{"label": "基本工资", "level": 2, "parent": "工资福利支出", "value": 1.0}]}
    GoldTable.model_validate(table)
    for bad in ({"unit": "美元"}, {"pages": [4, 3]}, {"rows": 0}, {"colour": "red"},
                {"samples": [{"label": "基本工资", "level": 2, "value": 1.0}]}):
        with pytest.raises(ValidationError):
            GoldTable.model_validate({**table, **bad})
    with pytest.raises(ValidationError):
        GoldDocument.model_validate({"doc": "huzhou-01", "kind": "budget", "split": "dev", "tables": [table]})


def test_expected_lists_are_consistent(expected: ExpectedSet) -> None:
    for d in expected.documents:
        numbers = [t.number for t in d.tables if t.number]
        assert len(numbers) == len(set(numbers)), f"{d.doc}: a table number listed twice"
        starts = [t.pages[0] for t in d.tables]
        assert starts == sorted(starts), f"{d.doc}: tables out of page order"
        if d.tables:
            assert {"overview", "income", "expenditure"} <= {t.type for t in d.tables}, d.doc
        else:
            assert d.note, f"{d.doc}: no tables and no note saying why"
