"""The parts of a figure the question names beside it: "基本支出和项目支出合起来一共多少" read from a row's total
column also says that row's 基本支出 and 项目支出 cells, so the answer shows what it adds up."""
from __future__ import annotations

from index.numbers import halfwidth
from qa.vocab import norm


def named_parts(question: str, facts: list[dict], read: str | None) -> list[tuple[str, float]]:
    """(column, 万元) of the row's other cells whose column's last part the question says, in the row's order.
    Only cells of the read cell's column group (a 2025 column is no part of a 2026 total)."""
    q = norm(halfwidth(question))
    group = "/".join((read or "").split("/")[:-1])
    out = []
    for f in facts:
        column = f.get("column") or ""
        leaf = norm(column.split("/")[-1])
        if (column != read and f.get("value") is not None and len(leaf) >= 2 and leaf in q
                and "/".join(column.split("/")[:-1]) == group):
            out.append((column, f["value"]))
    return out if len(out) >= 2 else []


def parts_sentence(parts: list[tuple[str, float]]) -> str:
    return "其中" + "、".join(f"{c.split('/')[-1]}{v:,.2f}万元" for c, v in parts) + "。" if parts else ""
