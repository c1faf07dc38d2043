"""Mutation operators on what a document says about itself (its year, its unit) and on template leftovers (an
amount left as XX): eval/mutate.py registers them with the others."""
from __future__ import annotations

import re

from eval.mutate_sound import AMOUNT
from eval.mutate_view import Edit, TextView, _narrative_lines, _sub
from eval.mutation import Mutation

YEAR = re.compile(r"(20\d\d)(\s*)年")


def _doc_year(v) -> int | None:
    """The year the document is about: the one its title names with 预算/决算 (重庆市气象局2026年部门预算情况说明),
    else the commonest in its first lines (which also cite the year before: 截至2025年12月)."""
    for ln in v.lines[:40]:
        m = re.search(r"(20\d\d)\s*年度?[^，。；,;]{0,20}(?:预算|决算)", ln.text)
        if m:
            return int(m.group(1))
    years = [int(m.group(1)) for ln in v.lines[:40] for m in YEAR.finditer(ln.text)]
    return max(set(years), key=years.count) if years else None


def year_change(v, rng) -> list[Mutation]:
    """Write the wrong year in one table title."""
    year = _doc_year(v)
    out = []
    if year is None:
        return out
    for i, ln in enumerate(v.lines):
        t = ln.text.strip()
        if i < 5 or v.is_table_line(i) and isinstance(v, TextView) or not t.endswith("表") or len(t) > 40:
            continue
        m = re.search(rf"{year}(\s*)年", t)
        if m:
            wrong = year - 2
            out.append(Mutation("year_change", "metadata", ln.page, [float(year), float(wrong)],
                                f"title year {year} -> {wrong}", [Edit(i, ln.text.replace(str(year), str(wrong), 1))]))
    return out


def _entity(v) -> str | None:
    for ln in v.lines:
        m = re.search(r"(?:部门|单位|编制部门)(?:名称)?[：:]\s*(\S{4,30})", ln.text)
        if m:
            return m.group(1).strip()
    return None


def entity_change(v, rng) -> list[Mutation]:
    """Name another unit in one place (a table's 部门名称 line)."""
    entity = _entity(v)
    out = []
    if not entity:
        return out
    other = ("洛阳" if not entity.startswith("洛阳") else "开封") + entity[2:]
    for i, ln in enumerate(v.lines):
        if entity in ln.text and re.search(r"名称|编制部门", ln.text):
            out.append(Mutation("entity_change", "metadata", ln.page, [], f"entity -> {other}",
                                [Edit(i, ln.text.replace(entity, other, 1))]))
    return out


def placeholder(v, rng) -> list[Mutation]:
    """Leave a template placeholder where an amount should be."""
    out = []
    for i in _narrative_lines(v):
        for m in AMOUNT.finditer(v.lines[i].text):
            text = _sub(v.lines[i].text, m, 1, "XX")
            out.append(Mutation("placeholder", "wording", v.lines[i].page, [],
                                f"amount {m.group(1)} replaced by XX", [Edit(i, text)],
                                also=["narrative_vs_table", "percentage"]))
    return out
