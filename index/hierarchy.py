"""Nesting of a table's rows: each row's level and parent, and whether the table's own sums hold.

Signals, strongest first: classification codes (类/款/项 3/5/7 digits, economic 3/5, a longer code under the
nearest row whose code is its prefix), ordinals (一、 over （一） over 1. over （1）), 其中 lines (children of the
row above), group rows that head coded rows (a unit's name over its 类 rows), and the indentation of the label
(leading spaces, or the x-offset of its first character in the cell). 合计/总计 rows are level 0.
"""
from __future__ import annotations

import re

from index import nesting
from index.document import Row, Table
from index.numbers import halfwidth

_TOTAL = re.compile(r"^(?:合计|总计|总合计|收入总计|支出总计|收支总计|本年收入合计|本年支出合计|收入合计|支出合计)$")
_ORDINALS = [
    re.compile(r"^[一二三四五六七八九十]+\s*[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^\d{1,2}\s*[、.．](?!\d)"),
    re.compile(r"^[（(]\d{1,2}[）)]"),
    re.compile(r"^[①-⑳]"),
]
_OF_WHICH = re.compile(r"^其中\s*[:：]?")
_CODE_BASE = 10  # code ranks sit below every ordinal rank: 13, 15, 17


def _clean(label: str) -> str:
    return halfwidth(label or "").replace(" ", "").replace("\u3000", "")


def is_total(label: str) -> bool:
    return bool(_TOTAL.match(_clean(label)))


def ordinal(label: str) -> int | None:
    s = _clean(label)
    for k, rx in enumerate(_ORDINALS, start=1):
        if rx.match(s):
            return k
    return None


def _code_rank(code: str | None) -> float | None:
    if code and code.isdigit() and len(code) in (3, 5, 7):
        return _CODE_BASE + len(code)
    return None


def assign(rows: list[Row], indents: list[float] | None = None) -> None:
    """Set level and parent of every row in place. `indents` (one per row, in character widths) is optional."""
    if not rows:
        return
    indents = indents or [0.0] * len(rows)
    plain = [i for i, r in enumerate(rows) if not is_total(r.label) and _code_rank(r.code) is None]
    base_indent = min((indents[i] for i in plain), default=0.0)
    ords = [o for o in (ordinal(rows[i].label) for i in plain) if o is not None]
    top = min(ords, default=1)
    kind_indent: dict[int, float] = {}
    for i in plain:
        k = ordinal(rows[i].label)
        if k is not None:
            kind_indent[k] = min(kind_indent.get(k, indents[i]), indents[i])
    ranks: list[float | None] = []
    inner: dict[int, float] = {}  # ordinal kind -> rank, for items listed under a 其中 line
    for i, r in enumerate(rows):
        if is_total(r.label):
            ranks.append(None)
            inner.clear()
            continue
        code = _code_rank(r.code)
        label = _clean(r.label)
        if code is not None:
            rank = float(code)
        elif _OF_WHICH.match(label) and i and ranks[i - 1] is not None:
            rank = ranks[i - 1] + 0.5
            after = _OF_WHICH.sub("", label)
            k = ordinal(after)
            if k is not None:
                inner[k] = rank
        else:
            k = ordinal(label)
            if k is not None and k in inner:
                rank = inner[k]
            else:
                rank = float(k if k is not None else top)
                # Indentation deepens a row (a label pushed right by leading spaces). Numbered rows take the
                # indentation of their ordinal kind (its least), so rows of one kind stay siblings however a
                # wrapped label happens to start, and still sit under an unnumbered row printed left of them.
                rank += max(0.0, round((indents[i] if k is None else kind_indent[k]) - base_indent)) * 0.1
                if i + 1 < len(rows) and _code_rank(rows[i + 1].code) is not None and k is None:
                    rank = 0.0  # a group row heading coded rows (a unit's name over its 类 rows)
        ranks.append(rank)
    stack: list[int] = []
    for i, r in enumerate(rows):
        rank = ranks[i]
        if rank is None:
            r.level, r.parent = 0, None
            stack = []
            continue
        while stack and ranks[stack[-1]] >= rank:
            stack.pop()
        parent = None
        if r.code and _code_rank(r.code) is not None:
            # The nearest open row whose code is a prefix of this one; else the nearest group row above the codes.
            parent = next((j for j in reversed(stack) if rows[j].code and r.code.startswith(rows[j].code)), None)
            if parent is None:
                parent = next((j for j in reversed(stack) if _code_rank(rows[j].code) is None), None)
        elif stack:
            parent = stack[-1]
        r.parent = parent
        r.level = rows[parent].level + 1 if parent is not None else 1
        stack.append(i)


def repair(rows: list[Row], numbered: list[bool] | None = None) -> None:
    """Undo a nesting misread: a table without a 合计 line whose first row heads the others (see
    `_nest_under_first`), then every parent whose children over-count it re-read from the amounts
    (index/nesting.py: a department over its 本级 unit, a 小计 over its only child, unit → category → project).
    `numbered`: the rows that print an identifier (a unit's number) in a table where others print none."""
    if not any(r.level == 0 for r in rows):
        _nest_under_first(rows, 0.011)
    nesting.regroup(rows, numbered)


def assign_grouped(rows: list[Row], names: list[str]) -> None:
    """Level and parent of rows that are the lines of groups (names[i]: row i's group, printed once in a cell
    merged down over the same lines in every group, such as 2025年 | 2026年 | 增减变化 under each 预算单位). The
    groups nest as one row per group would (its name, its first line's amounts); each line then belongs to the
    same line of its group's parent, so a department's 2026 figure is the sum of its units' 2026 figures."""
    first: list[int] = []  # first row of each group, in order
    gid: list[int] = []
    for i, name in enumerate(names):
        if not i or name != names[i - 1]:
            first.append(i)
        gid.append(len(first) - 1)
    proxies = [rows[f].model_copy(update={"label": names[f], "code": None}) for f in first]
    assign(proxies)
    repair(proxies)
    for i, r in enumerate(rows):
        g = proxies[gid[i]]
        r.level = g.level
        r.parent = first[g.parent] + (i - first[gid[i]]) if g.parent is not None else None


def _nest_under_first(rows: list[Row], tol: float) -> None:
    """A table without a 合计 line whose first top row equals the sum of all the other top rows (a department
    over its units): that row heads them."""
    top = [i for i, r in enumerate(rows) if r.level == 1]
    if len(top) < 3:
        return
    col = next((c for c in range(len(rows[top[0]].values)) if rows[top[0]].value(c)), None)
    if col is None:
        return
    head = rows[top[0]].value(col)
    rest = sum(rows[i].value(col) or 0.0 for i in top[1:])
    if abs(head - rest) <= tol * len(top):
        for j in range(top[1], len(rows)):
            rows[j].level = (rows[j].level or 1) + 1
        for j in top[1:]:
            rows[j].parent = top[0]


def _decimals(t: Table) -> int:
    d = 0
    for r in t.rows:
        for c in r.cells:
            s = halfwidth(c or "").strip()
            if "." in s and s.replace(",", "").replace(".", "").lstrip("-").isdigit():
                d = max(d, len(s.split(".")[1]))
    return d


def _printed_unit(row: Row, col: int) -> float:
    """A unit of the last digit the cell prints (0.1 for 480544221.6, 1 for 7130000)."""
    text = halfwidth(row.cells[col] if col < len(row.cells) else "").replace(",", "").strip()
    return 10.0 ** -len(text.split(".")[1]) if "." in text else 1.0 if text else 0.0


def problems(t: Table) -> list[str] | None:
    """Sums of the table that do not hold (None when it has nothing to check). In each amount column each parent
    equals the sum of its children (is at least their sum when they are listed under 其中), and the top rows add
    up to the single 合计/总计 row; blank and '-' count as 0.
    A top-row sum that is a whole multiple (2x, 3x) of the total means the nesting was misread."""
    value_cols = [k for k in range(len(t.header)) if any(r.value(k) is not None and k not in r.percent for r in t.rows)]
    if not value_cols or not t.rows:
        return None
    unit = 10 ** -_decimals(t)
    children: dict[int, list[int]] = {}
    for i, r in enumerate(t.rows):
        if r.parent is not None:
            children.setdefault(r.parent, []).append(i)
    out: list[str] = []
    checked = False
    for k in value_cols:
        for p, kids in children.items():
            pv = t.rows[p].value(k)
            if pv is None:
                continue
            checked = True
            s = sum(t.rows[c].value(k) or 0.0 for c in kids)
            # Rounding: half a unit of the last digit per item, and at least a unit of the last digit the parent
            # itself prints (480544221.6 over 18941962.57 + 454472259.1 + 7130000).
            slack = max(unit * (len(kids) + 1) / 2, _printed_unit(t.rows[p], k)) + 1e-9
            # Lines under 其中 name some parts of their parent, not always all of them: at most the parent.
            partial = bool(_OF_WHICH.match(_clean(t.rows[kids[0]].label)))
            if s - pv > slack or (not partial and pv - s > slack):
                out.append(f"col {k}: {t.rows[p].label} {pv} != children {s:.2f}")
        totals = [r for r in t.rows if r.level == 0]
        tops = [r for r in t.rows if r.level == 1]
        if len(totals) == 1 and tops and totals[0].value(k) is not None:
            tv = totals[0].value(k)
            s = sum(r.value(k) or 0.0 for r in tops)
            checked = True
            if abs(s - tv) > max(unit * (len(tops) + 1) / 2, _printed_unit(totals[0], k)) + 1e-9:
                ratio = s / tv if tv else 0
                misread = tv and ratio >= 1.99 and abs(ratio - round(ratio)) < 1e-6
                out.append(f"col {k}: top rows {s:.2f} {'= %dx' % round(ratio) + ' (nesting misread)' if misread else '!='} "
                           f"total {tv}")
    return out if checked else None


def sums(t: Table) -> bool | None:
    """Does the table's own arithmetic hold? None when there is nothing to check."""
    p = problems(t)
    return None if p is None else not p
