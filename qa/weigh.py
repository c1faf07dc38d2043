"""How figures read for one question weigh against each other: a figure the narrative and a table both state
counts more; one label printed twice with different amounts, or a zero beside the same item's amount, counts less
(see qa/evidence.py, which reads the figures)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from index.chunk import ORDINAL
from qa.phrase import CARRIED, Query, clean, grams, match, norm
from qa.split_rows import split_lines

if TYPE_CHECKING:
    from qa.candidate import _Candidate


def column_group(column: str | None) -> str:
    """The path of a column without its last part (因公出国(境)费 of 因公出国(境)费/一般公共预算)."""
    return "/".join((column or "").split("/")[:-1])


def same_label_twice(cands: list[_Candidate], q: Query | None = None, penalty: float = 4.0) -> None:
    """A table that prints one label on two rows with different amounts (公务用车运行维护费 under two headings):
    neither row alone is the figure the label names; a sentence stating it, or nothing, is the answer. Unless the
    repeats sit under the year's carry-over and the question does not say it: then the first row is the year's own
    figure (一、一般公共预算财政拨款 over the 一般公共预算财政拨款 of 年初结转和结余), and the repeats alone count less."""
    groups: dict[tuple, list[_Candidate]] = {}
    for c in cands:
        if c.hit.chunk.kind == "row":
            key = c.hit.chunk.source, c.table, norm(ORDINAL.sub("", c.row or "")), c.column
            groups.setdefault(key, []).append(c)
    # (a fund printed again under the year's carry-over, 年初结转和结余, 上年结转: a part of the carry-over, asked only by
    # saying it; index.chunk.repeat_heads names the row it sits under)
    said_carried = q is not None and bool(CARRIED.search(q.text))
    split = set()  # the lines of an item split by a second classification (qa/split_rows.py)
    for key, twins in groups.items():
        if len({round(c.value, 2) for c in twins}) >= 2 and split_lines([c.hit.chunk for c in twins]):
            split.add(key[:3])
    for key, twins in groups.items():
        # (every cell of such lines, a zero one too, alike: none of them alone is the item's figure)
        if key[:3] not in split and len({round(c.value, 2) for c in twins}) < 2:
            continue
        carried = [c for c in twins if not said_carried and not c.hit.chunk.code and
                   CARRIED.search(c.hit.chunk.parents or "")]
        for c in carried if carried and len(carried) < len(twins) else _below_parent(twins) or twins:
            c.score -= penalty


def _below_parent(twins: list[_Candidate]) -> list[_Candidate]:
    """The lines coded under another of the twins (离休费 3030101 under 离休费 30301: the class's first item named
    as the class): the class's line is the label's whole figure, its namesake item a part. Empty when the twins'
    codes do not nest so."""
    codes = {c.hit.chunk.code for c in twins}
    parent = min(codes, key=lambda x: len(x or "")) if all(codes) else None
    if parent is None or not all(x == parent or x.startswith(parent) for x in codes) or len(codes) < 2:
        return []
    return [c for c in twins if c.hit.chunk.code != parent]


def zero_beside_same_item(cands: list[_Candidate], q: Query) -> None:
    """One item (its code, or else its label) in two tables of a document, budgeted in one and 0.00 in the other
    (产业发展 2150517: 100,000 in the 一般公共预算支出表, 0.00 in its 基本支出 part): the zero is the part the item
    has no money in, not the item's figure, unless the question names that table's own words."""
    by_item: dict[tuple, list[_Candidate]] = {}
    for c in cands:
        if c.hit.chunk.kind == "row":
            item = getattr(c.hit.chunk, "code", None) or norm(c.row or "")
            by_item.setdefault((c.hit.chunk.source, item), []).append(c)
    for group in by_item.values():
        held = [c for c in group if c.value]
        if not held:
            continue
        for c in group:
            if c.value:
                continue
            own = grams(clean(c.table or "")) - set().union(*(grams(clean(h.table or "")) for h in held))
            if not own & q.grams:
                c.score -= 2.0


def zero_beside_value(cands: list[_Candidate], q: Query) -> None:
    """Columns of one group the question does not tell apart (因公出国(境)费/一般公共预算 | /政府性基金预算 | …):
    a zero there beside a sibling that holds the amount is not the figure asked."""
    by_group: dict[str, list[_Candidate]] = {}
    for c in cands:
        leaf = (c.column or "").split("/")[-1]
        if column_group(c.column) and match(q, leaf)[0] < 0.5 * len(grams(clean(leaf))):
            by_group.setdefault(column_group(c.column), []).append(c)
    for group in by_group.values():
        if any(c.value for c in group):
            for c in group:
                if not c.value:
                    c.score -= 2.0


def corroborate(cands: list[_Candidate], bonus: float = 1.5) -> None:
    """A figure the narrative and a table both state is more likely the one asked for. (The same item repeated
    across tables says nothing: every table of a document repeats its 项 rows.)"""
    kinds: dict[float, set[str]] = {}
    for c in cands:
        kinds.setdefault(round(c.value, 2), set()).add(c.hit.chunk.kind)
    for c in cands:
        if {"row", "paragraph"} <= kinds[round(c.value, 2)]:
            c.score += bonus
