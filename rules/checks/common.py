"""Evidence, number formatting and table readings shared by the rule modules."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from rules.claims import Amount, Claim
from rules.findings import Evidence
from rules.semantics import Cell, is_total_row, is_unit_row, names_unit

if TYPE_CHECKING:
    from rules.registry import Context

YEAR = re.compile(r"(20\d\d)\s*年")


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


def amount_dp(a: Amount) -> int:
    return max(a.decimals, 2 if a.unit == "万元" else a.decimals)


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


def project_rows(ctx: Context):
    """(rows, total in 万元, table) of the project table when its rows add up to its total; else None.

    Unit subtotal rows are told apart by their code (6/9 digits, or a bare code as label) or, when every project row repeats its
    unit's code, by a unit name as label."""
    for info in ctx.sem.types("project_expenditure"):
        col = info.total_col
        if col is None:
            continue
        totals = [r for r in info.table.rows if is_total_row(r) and r.value(col)]
        if not totals:
            continue
        total = totals[0].value(col)
        body = [r for r in info.table.rows if r not in totals and r.value(col)]
        for unit in (lambda r: is_unit_row(r, ctx.doc.entity), lambda r: names_unit(r, ctx.doc.entity)):
            leaves = [r for r in body if not unit(r) and (not r.code or len(r.code) != 3) and not r.label.isdigit()]
            if leaves and abs(sum(r.value(col) for r in leaves) - total) <= len(leaves) * 10 ** -info.decimals:
                return leaves, total * info.scale, info
    return None
