"""The two sides of a 收支总表 add up: 本年收入合计 is the sum of the income items above it, and 收入总计 is 本年收入合计
plus the carry-overs between them (上年结转结余); likewise 本年支出合计 and 支出总计 with 结转下年."""
from __future__ import annotations

import re

from pydantic import Field

from rules.analysis import Analysis
from rules.analysis.tables import nests_to, part_rows
from rules.findings import Evidence
from rules.registry import Options, Rule, rule
from rules.semantics import TableInfo, norm_label

# The subtotal of one side (this year's flows) and its grand total (with carry-overs), as the tables print them.
_SUBTOTAL = re.compile(r"^本年(?:收入|支出)合计$|^(?:收入|支出)合计$")
_GRAND = re.compile(r"^(?:收入|支出)总计$|^总计$")


class SideOptions(Options):
    digits: float = Field(1.0, description="Rounding allowance: units of the table's last printed digit per summand.")


def _side(info: TableInfo, col: int, parts: set[int]):
    """(rows above the subtotal, subtotal row, rows between, grand row) of one side, read down one column: only
    rows with an amount in that column belong to that side (a two-sided table prints the other side beside it);
    rows a 其中 line opens are a subset of the row above, not items of their own."""
    rows = [r for k, r in enumerate(info.table.rows) if r.value(col) is not None and k not in parts]
    sub = next((k for k, r in enumerate(rows) if _SUBTOTAL.match(norm_label(r.label))), None)
    if sub is None:
        return None
    grand = next((k for k in range(sub + 1, len(rows)) if _GRAND.match(norm_label(rows[k].label))), None)
    return rows[:sub], rows[sub], rows[sub + 1:grand] if grand else [], rows[grand] if grand else None


@rule("arithmetic.overview_sides", "arithmetic", options=SideOptions)
def overview_sides(ctx: Analysis, rule: Rule, opts: SideOptions):
    """A side of a 收支总表 does not add up: 本年收入合计 differs from the items above it, or 收入总计 from
    本年收入合计 plus the carry-overs printed between them (the same for 支出). Items print in levels (一、财政拨款 over
    1.一般公共预算拨款 …): the sum is taken over any nesting of the rows in printed order that adds up; a side whose
    rows no nesting explains is reported."""
    for info in ctx.sem.types("overview", "fiscal_overview"):
        unit = info.table.unit or "万元"
        parts = part_rows(info, opts.digits * 10 ** -info.decimals)
        for col in info.value_cols:
            side = _side(info, col, parts)
            if side is None:
                continue
            items, sub, between, grand = side
            tol = lambda n: opts.digits * max(1, n) * 10 ** -info.decimals + 1e-9  # noqa: E731
            checks = []
            if len(items) >= 2:
                checks.append((sub, [r.value(col) for r in items], sub.value(col), "本年各项"))
            if grand is not None:
                checks.append((grand, [sub.value(col)] + [r.value(col) or 0.0 for r in between], grand.value(col),
                               f"{sub.label}＋结转"))
            for row, values, whole, what in checks:
                rows = items if row is sub else [sub] + between
                top = [r for r in rows if r.parent is None] or rows
                flat = sum(r.value(col) or 0.0 for r in top)  # the parser's top rows: what a reader adds first
                if abs(flat - (whole or 0.0)) <= tol(len(top)):
                    continue
                if nests_to([v or 0.0 for v in values], whole or 0.0, tol(len(values))) is not False:
                    continue  # adds up under some nesting of the rows, or too long to tell
                doubts = ([] if info.table.unit else ["表格未印金额单位"]) + _blank_rows(info, rows + [row])
                yield rule.finding(
                    "error", f"{info.table.title or '收支总表'}中“{row.label}”为{whole:,.{info.decimals}f}{unit}，"
                    f"与{what}之和不符",
                    [Evidence(page=row.page, text=f"{row.label}｜{info.table.header_text(col)}：{whole}",
                              table=info.table.title or info.table.id)],
                    f"{what}（按任何层级读法）之和均不等于{whole:,.{info.decimals}f}；顶层各行之和为{flat:,.{info.decimals}f}{unit}",
                    expected=round(flat * info.scale, 4), actual=round((whole or 0.0) * info.scale, 4), unit="万元",
                    doubts=doubts + _misread(ctx, info), basis=["收支总表两侧各自加总"])


def _blank_rows(info: TableInfo, rows) -> list[str]:
    """A labelled row between the side's first row and its total with no amount in any column: the reading may
    have lost its digits (a label cut short beside a blank cell)."""
    table = info.table.rows
    ids = [k for k, r in enumerate(table) if any(r is x for x in rows)]
    if not ids:
        return []
    lost = [r for r in table[min(ids):max(ids)] if r.label and all(v is None for v in r.values)]
    return ["有行金额读作空，可能漏读"] if lost else []


def _misread(ctx: Analysis, info: TableInfo) -> list[str]:
    why = ctx.inconsistent(info)
    return [why] if why else []
