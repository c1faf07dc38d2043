"""Evidence, number formatting, rounding tolerances and small table readings shared by the rule modules."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from rules.claims import Claim
from rules.findings import Evidence
from rules.semantics import Cell, TableInfo, is_total_row

YEAR = re.compile(r"(20\d\d)\s*年")
# Tables whose rows are classified (功能分类 or 经济分类 codes): the same row may be printed in two of them.
ROW_TABLES = ("income", "expenditure", "gpb_expenditure", "gpb_basic", "economic_summary", "fund_expenditure",
              "state_capital")


def n(x: float, decimals: int = 2) -> str:
    return f"{x:.{decimals}f}"


def pct(x: float, decimals: int = 2) -> str:
    return f"{x:.{decimals}f}%"


def said(c: Claim) -> Evidence:
    return Evidence(page=c.page, text=c.sentence[:300], table=None)


def cell_ev(cell: Cell) -> Evidence:
    return Evidence(page=cell.page, text=cell.text(), table=cell.table.title or cell.table.id)


def in_yuan(cells: list[str]) -> bool:
    """A form row that states its unit as (元) in one of its cells (项目资金（元）)."""
    return any(re.search(r"\(\s*元\s*\)", halfwidth(c)) for c in cells)


def other_year(subject: str, year: int | None) -> bool:
    """The subject names another year than the document's (上年 figures are never this year's tables)."""
    if year is None:
        return False
    return any(int(y) != year for y in YEAR.findall(subject))


def rate_tolerance(rate: float, printed_decimals: int, parts: list[tuple[float, float]], digits: float) -> float:
    """How far a printed percentage may sit from the recomputed one: `digits` units of its last printed digit,
    plus the error the rounded amounts carry into the ratio (|r|·Σ half/|x|)."""
    spread = sum(h / abs(x) for x, h in parts if x)
    return digits * 10 ** -printed_decimals + abs(rate) * spread


def first_value(row, info: TableInfo) -> float | None:
    """The row's first value in a money column."""
    for c in info.value_cols:
        v = row.value(c)
        if v is not None:
            return v
    return None


def grand_total(info: TableInfo) -> Cell | None:
    """The table's grand total: its first total row, in its total column."""
    if info.total_col is None:
        return None
    for r in info.table.rows:
        if is_total_row(r):
            c = info.cell(r, info.total_col)
            if c:
                return c
    return None
