"""An item a table prints in parts: one row label (差旅费 30211) on several lines that a second classification
splits, each line naming its own 科目 in a column beside the label (a table by 部门经济科目 that also gives each
line's 政府经济科目: 办公经费 for one part, 商品和服务支出 for the other). No line alone is the item's figure; their
sum, computed from the printed cells and shown, is. A label printed twice with the same classification (a
continued page, a fund repeated under the year's carry-over) is no split: qa/weigh.py weighs those."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from index.chunk import Chunk

if TYPE_CHECKING:
    from qa.candidate import _Candidate

# A column naming a line's classification item (政府经济科目编码, 功能科目名称, 经济分类科目): what tells the parts apart.
_CLASSIFIES = re.compile(r"科目|分类")


def classification_cells(chunk: Chunk) -> tuple[str, ...]:
    """The row's cells under a column naming a classification item ("政府经济科目名称=办公经费"), as printed."""
    _, sep, cells = chunk.text.partition("：")
    if chunk.kind != "row" or not sep:
        return ()
    out = []
    for cell in cells.split("；"):
        head, eq, value = cell.partition("=")
        if eq and value.strip() and _CLASSIFIES.search(head.split("/")[-1]):
            out.append(f"{head}={value.strip()}")
    return tuple(out)


def split_lines(chunks: list[Chunk]) -> bool:
    """Lines of one item split by a second classification: two or more, each naming its own classification item."""
    cells = {classification_cells(c) for c in chunks}
    return len(chunks) >= 2 and len(cells) == len(chunks) and () not in cells


def _same_document(chunk: Chunk, chunks: dict[str, Chunk]) -> list[Chunk]:
    if hasattr(chunks, "of_doc"):  # a store's lazy chunks (qa.retrieve.LazyChunks): only this document is read
        key = chunks.doc_of(chunk.id)
        return list(chunks.of_doc(key).values()) if key is not None else [chunk]
    return [c for c in chunks.values() if c.source == chunk.source]


def parts_of(chunk: Chunk, chunks: dict[str, Chunk]) -> list[Chunk]:
    """The lines of the chunk's table printing its label and code under other classification items, the chunk's
    own among them, in printed order; [] when the table prints the item on one line (or repeats one line)."""
    own = classification_cells(chunk)
    if not own or not chunk.label:
        return []
    twins = [c for c in _same_document(chunk, chunks) if c.kind == "row" and c.table == chunk.table and
             c.label == chunk.label and c.code == chunk.code and c.budget_unit == chunk.budget_unit and
             c.block == chunk.block]
    if not split_lines(twins):
        return []
    return sorted(twins, key=lambda c: (c.page, classification_cells(c)))


def _name(chunk: Chunk) -> str:
    """The part's classification item as printed: its name (办公经费), else its code."""
    cells = [x.split("=", 1) for x in classification_cells(chunk)]
    return next((v for h, v in cells if "名称" in h), "/".join(v for _, v in cells))


def whole_of_parts(cand: _Candidate | None, chunks: dict[str, Chunk]) -> _Candidate | None:
    """The candidate's row read whole when its table prints it in parts: the sum of the parts' cells in the
    candidate's column, the computation written out; the candidate as it was otherwise."""
    if cand is None or cand.hit.chunk.kind != "row":
        return cand
    parts = parts_of(cand.hit.chunk, chunks)
    cells = [next((f["value"] for f in p.facts or () if f["column"] == cand.column), None) for p in parts]
    if not parts or any(v is None for v in cells):
        return cand
    c = cand.hit.chunk
    names = [_name(p) for p in parts]
    total = round(sum(cells), 6)
    year = f"{c.year}年" if c.year and str(c.year) not in (c.table or "") else ""
    entity = c.entity if c.entity and c.entity not in (c.table or "") else ""
    column = f"（{cand.column}）" if cand.column else ""
    shown = " + ".join(f"{n} {v:,.2f}" for n, v in zip(names, cells))
    text = (f"{entity}{year}{c.table}中“{c.label}”{column}分{len(parts)}行列示（{shown}），"
            f"合计为{total:,.2f}万元。")
    return replace(cand, value=total, text=text)


def merged(valued: list[tuple[float, Chunk]]) -> list[tuple[float, Chunk]]:
    """(amount, line) pairs with the lines of each split item summed into one pair, its first line standing for it
    (a ranking of a table's items ranks 差旅费, not its two lines); other pairs as they were, in their order."""
    groups: dict[tuple, list[tuple[float, Chunk]]] = {}
    for v, c in valued:
        groups.setdefault((c.source, c.table, c.label, c.code, c.budget_unit, c.block), []).append((v, c))
    out = []
    for lines in groups.values():
        if split_lines([c for _, c in lines]):
            out.append((round(sum(v for v, _ in lines), 6), lines[0][1]))
        else:
            out.extend(lines)
    return out
