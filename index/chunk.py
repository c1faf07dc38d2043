"""Chunks that keep structure: paragraphs with their section path, table rows with the header path of every value,
and one chunk per table. Ids are derived from content, so re-ingesting a file changes nothing."""
from __future__ import annotations

import hashlib
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypedDict  # pydantic reads field annotations of this one on Python 3.11

from index.document import Document, Row, Table
from index.hierarchy import is_total, ordinal

MAX_TABLE_CHUNK_CHARS = 1500


class Fact(TypedDict):
    """One cell of a row chunk, as the answerer reads it."""

    column: Annotated[str, Field(description="Header path of the cell's column (一般公共预算/基本支出).")]
    value: Annotated[float, Field(description="The amount normalised to 万元.")]
    raw: Annotated[float, Field(description="The amount as printed, in the table's unit.")]
    unit: Annotated[str | None, Field(description="The table's unit (元, 万元, 亿元).")]


class Chunk(BaseModel):
    """A passage of the index: a paragraph, a table row or a whole table, with where it comes from."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Content-derived id: re-ingesting an unchanged file yields the same ids.")
    source: str = Field(description="Path of the document.")
    kind: str = Field(description="paragraph | row | table.")
    pages: list[int] = Field(description="1-based pages the passage spans.")
    text: str = Field(description="What is cited: the passage itself.")
    entity: str | None = Field(default=None, description="Department or unit of the document.")
    year: int | None = Field(default=None, description="Fiscal year of the document.")
    doc_title: str = Field(default="", description="The document's own title.")
    section: str | None = Field(default=None, description="Section path of the passage.")
    table: str | None = Field(default=None, description="Title of the table a row or table chunk comes from.")
    unit: str | None = Field(default=None, description="Money unit of that table.")
    label: str | None = Field(default=None, description="Row chunks: the row label.")
    code: str | None = Field(default=None, description="Row chunks: the classification code.")
    parents: str | None = Field(default=None, description="The classification path above a coded row "
                                "(城乡社区支出/城乡社区管理事务 for 2120101 行政运行), or the row heading a label the "
                                "table prints a second time (年初结转和结余 over its 一般公共预算财政拨款).")
    block: str | None = Field(default=None, description="Row chunks: the heading of the side-by-side half the row "
                              "is printed in, when its table prints several (政府预算支出经济分类科目（按大类）).")
    budget_unit: str | None = Field(default=None, description="Row chunks: the budget unit (预算单位) whose block "
                                    "the row is printed in, when its table prints the blocks of several units of the "
                                    "department (see Row.unit); None otherwise.")
    facts: list[Fact] = Field(default_factory=list, description="Row chunks: one fact per value column.")

    @property
    def page(self) -> int:
        return self.pages[0] if self.pages else 1

    @property
    def search_text(self) -> str:
        """What is indexed: the passage prefixed with its document and table (measured to lift retrieval)."""
        head = " ".join(x for x in (self.entity or "", str(self.year or ""), self.doc_title, self.table or "") if x)
        return f"{head}\n{row_search_body(self.text) if self.kind == 'row' else self.text}"



def row_search_body(text: str) -> str:
    """A row as indexed: its name, then each header word once, then its values. Written out, every value repeats
    its header path ("基本支出/人员经费/…=…"), so every row of a wide table would look about the same words."""
    name, sep, cells = text.partition("：")
    if not sep or "｜" not in name:
        return text
    words: list[str] = []
    values: list[str] = []
    for cell in cells.split("；"):
        head, eq, value = cell.partition("=")
        for part in head.split("/") if eq else []:
            if part and part not in words:
                words.append(part)
        if eq:
            values.append(value)
    return f"{name}：{' '.join(words)}｜{' '.join(values)}"


def _id(source_key: str, kind: str, text: str, page: int) -> str:
    return hashlib.sha1(f"{source_key}\x1f{kind}\x1f{page}\x1f{text}".encode("utf-8")).hexdigest()[:20]


def fmt(v: float) -> str:
    return f"{v:,.2f}"


def code_parents(table: Table) -> dict[str, str]:
    """For every coded row of a table, the labels of its 类 and 款 rows ("210" and "21015" above "2101501")."""
    names = {r.code: r.label for r in table.rows if r.code and r.label}
    out = {}
    for code in names:
        if code.isdigit() and len(code) in (5, 7):
            path = [names[p] for p in (code[:3], code[:5]) if len(p) < len(code) and p in names]
            if path:
                out[code] = "/".join(path)
    return out


# A label's ordinal (一、 （二） 3.): a row printed again with or without it is the same item.
ORDINAL = re.compile(r"^[\s（(]*(?:[一二三四五六七八九十]+|\d{1,2})[、.．)）]\s*")


def repeat_heads(table: Table) -> dict[int, str]:
    """For each row whose label (its ordinal aside) an earlier row of the table prints, the row that heads it: the
    nearest row above it, below that first one, that is no total and no repeat itself. A summary table prints its
    funds twice, the year's own (一、一般公共预算财政拨款) and again under 年初结转和结余: the second is a part of the
    carry-over, and says so only through its head."""
    first: dict[str, int] = {}
    repeats: set[int] = set()
    out: dict[int, str] = {}
    if _cycles(table):
        return out  # every unit's lines printed alike (2025 年 | 2026 年 | 增减变化金额 under each 预算单位): no heads
    for i, r in enumerate(table.rows):
        bare = ORDINAL.sub("", r.label or "")
        if not bare or is_total(r.label or ""):
            continue
        if bare not in first:
            first[bare] = i
            continue
        repeats.add(i)
        head = next((j for j in range(i - 1, first[bare], -1) if j not in repeats and
                     not is_total(table.rows[j].label or "")), None)
        if head is not None and table.rows[head].label:
            out[i] = table.rows[head].label
    return out


def numbered_heads(table: Table) -> dict[int, str]:
    """For each numbered row under a row numbered a rank higher (（二）政府性基金预算拨款 under 二、上年结转), that row's
    label: a summary table numbers its funds alike under 本年收入 and 上年结转, and only the head says which a line is
    (its label alone, 政府性基金预算拨款, reads as the year's own money)."""
    out: dict[int, str] = {}
    for i, r in enumerate(table.rows):
        if r.parent is None or r.code or not 0 <= r.parent < len(table.rows):
            continue
        head = table.rows[r.parent]
        kind, above = ordinal(r.label or ""), ordinal(head.label or "")
        if kind is not None and above is not None and above < kind and not head.code and head.label:
            out[i] = head.label
    return out


def _cycles(table: Table) -> bool:
    """The table's lines (totals aside) repeat one cycle of labels from the first line to the last."""
    labels = [ORDINAL.sub("", r.label or "") for r in table.rows if not is_total(r.label or "")]
    return any(all(labels[i] == labels[i - p] for i in range(p, len(labels)))
               for p in range(2, len(labels) // 2 + 1) if len(labels) % p == 0)


def row_text(table: Table, row: Row, parents: str | None = None) -> str:
    name = row.label or table.title
    if name in ("合计", "总计", "小计"):
        name = f"{name}（{table.title}）"  # the total is the quantity the title names; say so for retrieval
    parts = []
    for i, v in enumerate(row.values):
        if v is None and not (i < len(row.cells) and row.cells[i]):
            continue
        head = table.header_text(i) or f"列{i + 1}"
        shown = fmt(v) if v is not None else row.cells[i]
        parts.append(f"{head}={shown}")
    code = f" {row.code}" if row.code else ""
    # (a row of a subordinate unit's block says whose it is: the department's table prints it for each unit)
    unit_of = f"预算单位：{row.unit}" if row.unit and row.unit != row.label else None
    path = "".join(f"（{p}）" for p in (parents, row.block, unit_of) if p)
    unit = f"（{table.unit}）" if table.unit else ""
    return f"{table.title}{unit}｜{name}{code}{path}：" + "；".join(parts)


def row_facts(table: Table, row: Row) -> list[Fact]:
    scale = table.scale()
    out = []
    for i, v in enumerate(row.values):
        head = table.header_text(i)
        # Codes, serial numbers and names printed as digits are not amounts.
        if v is None or i in row.percent or any(w in head for w in ("编码", "代码", "序号", "名称", "行次")):
            continue
        out.append({"column": table.header_text(i), "value": round(v * scale, 6), "raw": v, "unit": table.unit})
    return out


_ENDS_SENTENCE = re.compile(r"[。；;！!？?：:）)”\"]\s*$")


def _across_pages(paragraphs) -> list[tuple[str, list[int], str | None]]:
    """Paragraphs as passages, a sentence the page break cut in two read as one ("截至2025年10月，本单位共" at the
    foot of a page, "有车辆664辆…" at the head of the next): the last paragraph of a page that ends mid-sentence is
    joined to the first of the next page under the same section."""
    out: list[tuple[str, list[int], str | None]] = []
    for i, p in enumerate(paragraphs):
        prev = paragraphs[i - 1] if i else None
        if (prev is not None and out and p.page == prev.page + 1 and p.section == prev.section
                and not _ENDS_SENTENCE.search(prev.text) and out[-1][1][-1] == prev.page):
            text, pages, section = out[-1]
            out[-1] = (text + p.text, pages + [p.page], section)
        else:
            out.append((p.text, [p.page], p.section))
    return out


def chunk_document(doc: Document, source_key: str | None = None) -> list[Chunk]:
    key = source_key or doc.source
    base = dict(source=doc.source, entity=doc.entity, year=doc.year, doc_title=doc.title)
    chunks: list[Chunk] = []
    for text, pages, section in _across_pages(doc.paragraphs):
        chunks.append(Chunk(id=_id(key, "p", text, pages[0]), kind="paragraph", pages=pages, text=text,
                            section=section, **base))
    for t in doc.tables:
        lines = []
        parents = code_parents(t)
        heads = numbered_heads(t) | repeat_heads(t)  # (a repeat's head, where both are, is the nearer)
        for i, r in enumerate(t.rows):
            # (a label printed again in another unit's block is that unit's item, not a part of the row above it)
            path = parents.get(r.code or "") or (heads.get(i) if not r.unit else None)
            text = row_text(t, r, path)
            lines.append(text.split("｜", 1)[-1])
            chunks.append(Chunk(id=_id(key, "r", text, r.page), kind="row", pages=[r.page], text=text,
                                table=t.title, unit=t.unit, label=r.label or t.title, code=r.code,
                                parents=path, block=r.block, budget_unit=r.unit,
                                facts=row_facts(t, r),
                                section=t.section,
                                **base))
        header = "；".join(t.header_text(i) for i in range(len(t.header)))
        whole = f"{t.title}（{t.unit or '—'}）\n列：{header}\n" + "\n".join(lines)
        if t.notes:
            whole += "\n" + "\n".join(t.notes)
        whole = whole[:MAX_TABLE_CHUNK_CHARS]
        chunks.append(Chunk(id=_id(key, "t", whole, t.page), kind="table", pages=t.pages, text=whole,
                            table=t.title, unit=t.unit, section=t.section, **base))
    # Identical passages on one page (repeated notes) would collide; keep the first.
    seen: set[str] = set()
    return [c for c in chunks if not (c.id in seen or seen.add(c.id))]
