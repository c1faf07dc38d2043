"""Whose figure a table row is: a department's document often prints its tables once per unit (the department's
line, its own office 本级, then each subordinate unit with the same items under it, or one 三公经费 line per 预算单位).
A row of another unit's block is not the department's figure, however well its words fit the question: 深圳市考试院's
公务接待费 is not 深圳市人力资源和社会保障局's."""
from __future__ import annotations

import re

from index.entity import clean_name, place_of
from index.numbers import halfwidth

# A text cell naming the unit a line is printed for (预算单位=深圳市考试院), and the unit code some print before it.
_UNIT_CELL = re.compile(r"(?:预算单位|单位名称)=([^；;]+)")
_CODE = re.compile(r"^\s*[\[［【(（]?\d{3,}[\]］】)）]?\s*")
MIN_NAME = 4  # a shorter name is a cut-off piece of a cell (厅（本级）), no unit's


def row_unit(chunk) -> str | None:
    """The unit a row chunk is printed for: its block's unit, or its 预算单位 cell."""
    if chunk.budget_unit:
        return chunk.budget_unit
    if chunk.kind != "row":
        return None
    m = _UNIT_CELL.search(chunk.text.split("｜", 1)[-1])
    return m.group(1).strip() if m else None


def other_unit(chunk, question: str) -> str | None:
    """The unit a row's figure is printed for, when the question asks about another: a subordinate unit the
    question does not name, or the department's own office (本级) when the question asks the department (its
    document is the whole department's and the question does not say 本级). None when the row is the asked unit's."""
    unit = row_unit(chunk)
    if not unit:
        return None
    name, scope = clean_name(_CODE.sub("", halfwidth(unit)))
    own, own_scope = clean_name(halfwidth(chunk.entity or ""))
    q = halfwidth(question)
    if len(name) < MIN_NAME or own.startswith(name):  # the document's unit (its name cut short by a wrapped cell)
        return unit if scope == "本级" and own_scope != "本级" and "本级" not in q else None
    rest = place_of(name)[1].lstrip("市")
    return None if name in q or (len(rest) >= 3 and rest in q) else unit  # (考试院: its name without the place)
