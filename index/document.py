"""The document model every other part of DocQA reads: pages, sections, paragraphs and tables as tables.

Typed pydantic models: `Document.model_validate(doc.model_dump())` is the document again (the `docqa parse
--json` contract is `Document.to_json()`, a smaller public view)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from core.errors import ParseError  # noqa: F401  (index.document.ParseError: where parsers have always raised it)

Kind = Literal["budget", "final", "unknown"]
Unit = Literal["元", "万元", "亿元"]

# How many 万元 one unit is worth; values are normalised with this, never by guessing.
UNIT_TO_WANYUAN: dict[str, float] = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}


class _Model(BaseModel):
    # Parsers fill these models field by field in hot loops: no validation on assignment.
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Row(_Model):
    """One body row of a table: its label, classification code and amounts (None = blank cell)."""

    label: str = Field(description="Row label as printed, whitespace removed (科目名称 / 项目).")
    code: str | None = Field(default=None, description="Classification code (功能 2xx/5/7 digits, 经济 3xx/5).")
    values: list[float | None] = Field(default_factory=list, description="Amount of each value column, in the "
                                       "table's unit; None for a blank or non-numeric cell.")
    page: int = Field(description="1-based page the row is printed on.")
    cells: list[str] = Field(default_factory=list, description="Raw text of each value column (aligned with "
                             "`values`); keeps text cells such as project names.")
    percent: list[int] = Field(default_factory=list, description="Indices of values printed with a percent sign.")
    level: int | None = Field(default=None, description="Depth in the table's hierarchy: 0 for a 合计/总计 row, 1 "
                              "for a top item, +1 per nesting (codes, ordinals 一、（一）1., 其中, indentation).")
    parent: int | None = Field(default=None, description="Index in Table.rows of the row this one belongs to "
                               "(None for a top item or a total).")
    dashes: list[int] = Field(default_factory=list, description="Indices of values printed as a dash ('-', '—'): "
                              "zero in sums like a blank cell, and not a printed 0.")
    block: str | None = Field(default=None, description="Heading of the side-by-side half the row is printed in, "
                              "when a table prints several halves that each name their items (支出功能分类科目（按大类） "
                              "beside 政府预算支出经济分类科目（按大类））; None otherwise.")
    unit: str | None = Field(default=None, description="The budget unit (预算单位) whose block the row is printed "
                             "in, when the table prints a block for each of several units of a department (a unit's "
                             "line, then its items); None when the table prints one unit's figures only.")

    def value(self, col: int) -> float | None:
        return self.values[col] if 0 <= col < len(self.values) else None


class Table(_Model):
    """A table as a reader sees it: title, unit, header paths and rows, joined over its pages."""

    id: str = Field(description="Stable id within the document (t1, t2, …).")
    title: str = Field(description="Title as printed (may be empty for an untitled continuation).")
    unit: str | None = Field(default=None, description="Money unit of the amounts: 元, 万元 or 亿元.")
    pages: list[int] = Field(default_factory=list, description="1-based pages the table spans.")
    header: list[list[str]] = Field(default_factory=list, description="One header path per value column, top to "
                                    "bottom (一般公共预算/财政拨款 is [\"一般公共预算\", \"财政拨款\"]).")
    rows: list[Row] = Field(default_factory=list, description="Body rows in reading order.")
    label_header: str = Field(default="", description="Header of the label column (e.g. 科目名称).")
    notes: list[str] = Field(default_factory=list, description="Notes printed under the table (故本表无数据).")
    section: str | None = Field(default=None, description="Path of the section the table sits in.")
    grid: list[list[str]] = Field(default_factory=list, description="The physical grid the table was built from "
                                  "(header rows then body rows), for exact comparisons.")
    position: int = Field(default=0, description="Reading order: paragraphs of the document before this table.")
    number: str | None = Field(default=None, description="Table number as printed (预算01表, 公开01表, 表一, 附表3).")
    listed_title: str | None = Field(default=None, description="The name the document's contents (目录) give the "
                                     "table's number, when the page prints another (a sheet name such as 财拨结转支出表, "
                                     "or none).")
    columns: list[str] = Field(default_factory=list, description="Leaf header label of every printed column, left "
                               "to right, code and label columns included (科目编码, 科目名称, 合计, …).")
    lines: int | None = Field(default=None, description="Printed body lines over all pages: a side-by-side line "
                              "holding a 收入 row and a 支出 row counts once; column-number rows are header.")
    unit_source: Literal["printed", "inherited", "inferred"] | None = Field(
        default=None, description="Where the unit came from: printed on the table's pages (a 单位 line or a "
        "header cell), inherited from sibling tables without a unit line, or inferred from the magnitude of the "
        "amounts against the narrative. None only when no unit could be found.")

    @property
    def page(self) -> int:
        return self.pages[0] if self.pages else 1

    def column(self, *words: str) -> int | None:
        """Index of the first value column whose joined header path contains every word."""
        for i, path in enumerate(self.header):
            joined = "/".join(path)
            if all(w in joined for w in words):
                return i
        return None

    def header_text(self, col: int) -> str:
        return "/".join(self.header[col]) if 0 <= col < len(self.header) else ""

    @property
    def is_empty(self) -> bool:
        return not any(v not in (None, 0) for r in self.rows for v in r.values)

    def scale(self) -> float:
        """Factor that turns this table's values into 万元 (1.0 when the unit is unknown)."""
        return UNIT_TO_WANYUAN.get(self.unit or "万元", 1.0)


class Paragraph(_Model):
    """A paragraph of narrative (a sentence broken over lines or pages is joined)."""

    id: str = Field(description="Stable id within the document (p1, p2, …).")
    page: int = Field(description="1-based page the paragraph starts on.")
    section: str | None = Field(default=None, description="Path of the section it belongs to.")
    text: str = Field(description="The paragraph's text.")


class Section(_Model):
    """A numbered heading (一、…（一）…) and where it starts."""

    title: str = Field(description="Heading text.")
    level: int = Field(description="Depth: 1 for 一、, 2 for （一）, …")
    page: int = Field(description="1-based page of the heading.")
    path: str = Field(description="Titles from the top level down, joined by ' > '.")


class Document(_Model):
    """A parsed disclosure: what it is (kind, year, entity) and its content."""

    source: str = Field(description="Path of the file it was read from.")
    pages: int = Field(description="Number of pages (1 for a text file without page marks).")
    kind: Kind = Field(default="unknown", description="budget (预算) or final accounts (决算).")
    year: int | None = Field(default=None, description="Fiscal year the document is about.")
    entity: str | None = Field(default=None, description="Department or unit the document is about.")
    title: str = Field(default="", description="The document's own title.")
    tables: list[Table] = Field(default_factory=list, description="Tables in reading order.")
    paragraphs: list[Paragraph] = Field(default_factory=list, description="Narrative paragraphs in reading order.")
    sections: list[Section] = Field(default_factory=list, description="Headings in reading order.")
    page_texts: list[str] = Field(default_factory=list, description="Full text of each page in reading order "
                                  "(index 0 is page 1), for citations and highlighting.")

    def to_json(self) -> dict:
        """The public ``docqa parse --json`` contract: no grid, no raw cells, no page texts."""
        data = self.model_dump(exclude={"page_texts": True, "tables": {"__all__": {"grid", "section", "position"}}})
        for t in data["tables"]:
            for r in t["rows"]:
                r.pop("cells")
                if not r["percent"]:
                    r.pop("percent")
                if not r["dashes"]:
                    r.pop("dashes")
        return data
