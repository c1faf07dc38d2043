"""The document model every other part of DocQA reads: pages, sections, paragraphs and tables as tables."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Kind = Literal["budget", "final", "unknown"]
Unit = Literal["元", "万元", "亿元"]

# How many 万元 one unit is worth; values are normalised with this, never by guessing.
UNIT_TO_WANYUAN: dict[str, float] = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}


@dataclass
class Row:
    label: str
    code: str | None
    values: list[float | None]
    page: int
    # Raw text of each value column (aligned with ``values``); keeps text cells such as project names.
    cells: list[str] = field(default_factory=list)
    # Indices of values that were printed with a percent sign.
    percent: list[int] = field(default_factory=list)

    def value(self, col: int) -> float | None:
        return self.values[col] if 0 <= col < len(self.values) else None


@dataclass
class Table:
    id: str
    title: str
    unit: str | None
    pages: list[int]
    # One header path per value column, top to bottom ("一般公共预算/财政拨款" is ["一般公共预算", "财政拨款"]).
    header: list[list[str]]
    rows: list[Row]
    # Header of the label column (e.g. "科目名称"), and notes printed under the table ("故本表无数据").
    label_header: str = ""
    notes: list[str] = field(default_factory=list)
    section: str | None = None
    # The physical grid the table was built from (header rows then body rows), for exact comparisons.
    grid: list[list[str]] = field(default_factory=list)
    # Reading order: how many paragraphs of the document come before this table.
    position: int = 0

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


@dataclass
class Paragraph:
    id: str
    page: int
    section: str | None
    text: str


@dataclass
class Section:
    title: str
    level: int
    page: int
    path: str


@dataclass
class Document:
    source: str
    pages: int
    kind: Kind = "unknown"
    year: int | None = None
    entity: str | None = None
    title: str = ""
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # Full text of each page in reading order (index 0 is page 1), for citations and highlighting.
    page_texts: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The public ``docqa parse --json`` contract (plus a few extra keys)."""
        return {
            "source": self.source,
            "pages": self.pages,
            "kind": self.kind,
            "year": self.year,
            "entity": self.entity,
            "title": self.title,
            "tables": [
                {
                    "id": t.id,
                    "title": t.title,
                    "unit": t.unit,
                    "pages": t.pages,
                    "header": t.header,
                    "label_header": t.label_header,
                    "notes": t.notes,
                    "rows": [
                        {"label": r.label, "code": r.code, "values": r.values, "page": r.page,
                         **({"percent": r.percent} if r.percent else {})}
                        for r in t.rows
                    ],
                }
                for t in self.tables
            ],
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "sections": [asdict(s) for s in self.sections],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Document":
        tables = [
            Table(
                id=t["id"], title=t["title"], unit=t["unit"], pages=t["pages"], header=t["header"],
                rows=[Row(label=r["label"], code=r["code"], values=r["values"], page=r["page"],
                          percent=r.get("percent", [])) for r in t["rows"]],
                label_header=t.get("label_header", ""), notes=t.get("notes", []),
            )
            for t in data["tables"]
        ]
        return cls(
            source=data["source"], pages=data["pages"], kind=data["kind"], year=data["year"],
            entity=data["entity"], title=data.get("title", ""), tables=tables,
            paragraphs=[Paragraph(**p) for p in data["paragraphs"]],
            sections=[Section(**s) for s in data.get("sections", [])],
        )


class ParseError(Exception):
    """A document that cannot be read; the message is one line, fit for stderr."""
