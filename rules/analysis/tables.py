"""Readings of a table's own structure: which columns group which (小计 = Σ siblings under one header), and how
far the table's rows keep those sums (a table that fails them in many places is misread or broken)."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from rules.semantics import TableInfo, is_column_number_row, is_total_row, norm_label

_SUB = re.compile(r"^(?:小计|合计|总计)$")
_TOP_TOTAL = re.compile(r"^(?:合计|总计|本年(?:收入|支出)合计|.{0,8}经费合计|.{0,6}支出合计|.{0,6}收入合计)$")


def _paths(info: TableInfo) -> list[tuple[str, ...]]:
    out = []
    for p in info.table.header:
        q = [("其中" if w.strip().startswith("其中") else "") + norm_label(w) for w in p]
        while q and (re.fullmatch(r"\d+|栏次", q[-1] or "") or not q[-1]):
            q.pop()
        out.append(tuple(q))
    return out


def column_relations(info: TableInfo) -> list[tuple[int, list[int]]]:
    """(total column, member columns) for each header group: 小计 = Σ siblings, 合计 = Σ top-level groups.
    Columns headed 其中… are subsets, never members."""
    paths = _paths(info)
    cols = [i for i in info.value_cols if i < len(paths) and paths[i]]
    rel = []
    if len({paths[i] for i in cols}) != len(cols):
        return rel  # two columns with one header: merged cells were misread, sums would be noise

    def total_of(prefix: tuple[str, ...]) -> int | None:
        for i in cols:
            p = paths[i]
            if len(p) == len(prefix) + 1 and p[:-1] == prefix and (
                    _SUB.match(p[-1]) or (not prefix and _TOP_TOTAL.match(p[-1]))):
                return i
        return None

    def members(prefix: tuple[str, ...], skip: int | None) -> list[int] | None:
        out: list[int] = []
        seen: list[str] = []
        for i in cols:
            p = paths[i]
            if i == skip or len(p) <= len(prefix) or p[:len(prefix)] != prefix:
                continue
            x = p[len(prefix)]
            if x in seen:
                continue
            seen.append(x)
            if x.startswith("其中") or _SUB.match(x):
                continue
            sub = prefix + (x,)
            exact = [j for j in cols if paths[j] == sub]
            if exact:
                out.append(exact[0])
                continue
            t = total_of(sub)
            if t is not None:
                out.append(t)
                continue
            inner = members(sub, None)
            if inner is None:
                return None
            out.extend(inner)
        return out

    prefixes = {p[:k] for p in (paths[i] for i in cols) for k in range(0, len(p))}
    for prefix in sorted(prefixes, key=len):
        t = total_of(prefix)
        if t is None:
            continue
        m = members(prefix, t)
        if m and len(m) >= 2 and len(set(m)) == len(m):
            rel.append((t, m))
    return rel



def row_sum_failures(info: TableInfo, tol) -> tuple[int, int]:
    """(failed, checked) row sums of every column group of the table; `tol(n)` is the allowance for n members."""
    failed = checked = 0
    for total, members in column_relations(info):
        for r in info.table.rows:
            if is_column_number_row(r):
                continue
            tv, vals = r.value(total), [r.value(m) for m in members]
            if tv is None and not any(vals):
                continue
            checked += 1
            s = sum(v or 0.0 for v in vals)
            failed += abs((tv or 0.0) - s) - tol(len(members)) > 1e-9 * max(1.0, abs(tv or 0.0), abs(s))
    return failed, checked


_OF_WHICH = re.compile(r"^\s*其中\s*[:：]?")


def part_rows(info: TableInfo, tol: float) -> set[int]:
    """Indices of the rows that are parts of a row above them, so a list's total must not count them again.

    A 其中 line opens the parts of the row before it, but only the first part carries the word (公务用车购置及运行费
    / 其中：公务用车购置费 / 公务用车运行费): the rows from the 其中 line on are parts as long as they add up to no
    more than that row, and all of them when they close on it. A run that never closes keeps only the 其中 line
    (the rows after it are the list's own). A bare 其中 line (no amounts) opens the run on the row after it."""
    rows = info.table.rows
    out: set[int] = set()
    for i, r in enumerate(rows):
        if not _OF_WHICH.match(halfwidth(r.label or "")):
            continue
        out.add(i)
        bare = not any(v for v in r.values)
        start = i + 1 if bare else i
        head = r.parent if r.parent is not None else i - 1
        if head < 0 or is_total_row(rows[head]):
            continue
        col = next((c for c in info.value_cols if rows[head].value(c)), None)
        if col is None:
            continue
        whole, run, acc = rows[head].value(col), [], 0.0
        for j in range(start, len(rows)):
            if is_total_row(rows[j]) or j != start and _OF_WHICH.match(halfwidth(rows[j].label or "")):
                break
            acc += rows[j].value(col) or 0.0
            run.append(j)
            if acc > whole + tol * len(run):
                break
            if abs(acc - whole) <= tol * len(run):
                out.update(run)
                break
    return out


def nests_to(values: list[float], target: float, tol: float, budget: int = 20000) -> bool | None:
    """Can the amounts, in printed order, be nested so that they add up to `target`: each one a leaf, or the head of
    the run right after it that adds up to it (全额 over a unit over 专用项目 over its projects: levels the parser
    could not nest). None when the search runs out of `budget` steps (a long list: no answer, not a no)."""
    n = len(values)
    steps = [0]
    memo: dict[tuple[int, float], frozenset[int]] = {}

    def ends(i: int, whole: float, want: int | None = None) -> frozenset[int]:
        """Where a run of trees starting at row i and adding up to `whole` can end (only whether it can end at
        `want`, when given)."""
        key = (i, whole)
        if key in memo:
            return memo[key]
        memo[key] = frozenset()  # a head never contains itself
        found: set[int] = set()
        todo, seen = [(i, 0.0, False)], set()
        while todo:
            steps[0] += 1
            if steps[0] > budget:
                raise TimeoutError
            j, acc, nest = todo.pop()
            v = values[j] if j < n else 0.0
            if nest:  # row j as the head of the run after it: the search goes on where that run ends
                todo.extend((k, acc + v, False) for k in ends(j + 1, v))
                continue
            if (j, round(acc, 6)) in seen:
                continue
            seen.add((j, round(acc, 6)))
            if j > i and abs(acc - whole) <= tol:
                if j == want:
                    return frozenset({j})
                found.add(j)
            if j >= n or abs(acc) > abs(whole) + tol:
                continue
            if v:
                todo.append((j, acc, True))
            todo.append((j + 1, acc + v, False))  # popped first: the flat reading before the nested ones
        memo[key] = frozenset(found)
        return memo[key]

    try:
        return n in ends(0, target, want=n)
    except TimeoutError:
        return None
