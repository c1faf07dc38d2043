"""Units printed as blocks of year lines: a table by unit that prints each unit's figures on a line per year (预算单位
深圳市水务局（本级） over 2025 年 | 2026 年 | 增减变化金额). Asked which unit spends most, its items are the units:
each the line of the document's own year, named by the unit the line is printed under."""
from __future__ import annotations

import re

from qa.unit_row import row_unit

_YEAR_LINE = re.compile(r"^(20\d\d)\s*年度?(?:预算数?)?$")


def unit_year_lines(rows: list) -> list:
    """The lines of the document's year, each renamed as its unit; [] when the table prints no such lines."""
    out = []
    for r in rows:
        year = _YEAR_LINE.match((r.label or "").strip())
        if not year or r.year is None or int(year.group(1)) != r.year:
            continue
        unit = row_unit(r)  # (the unit the line is printed under: its 预算单位 cell)
        if unit and not re.search(r"\d", unit):
            out.append(r.model_copy(update={"label": unit.strip()}))
    return out if len({r.label for r in out}) >= 2 else []
