"""Evidence and number formatting shared by the rule modules."""
from __future__ import annotations

import re

from rules.claims import Amount, Claim
from rules.findings import Evidence
from rules.semantics import Cell

YEAR = re.compile(r"(20\d\d)\s*年")


def n(x: float, decimals: int = 2) -> str:
    return f"{x:.{decimals}f}"


def pct(x: float, decimals: int = 2) -> str:
    return f"{x:.{decimals}f}%"


def said(c: Claim) -> Evidence:
    return Evidence(page=c.page, text=c.sentence[:300], table=None)


def cell_ev(cell: Cell) -> Evidence:
    return Evidence(page=cell.page, text=cell.text(), table=cell.table.title or cell.table.id)


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
