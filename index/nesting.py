"""Nesting recovered from the amounts, where the labels do not show it.

Project and procurement tables often print three or four levels (unit → category → sub-category → project)
with no code, ordinal or indentation to tell them apart: every label starts at the same x. The amounts still
tell: a row that heads others equals the sum of the rows right after it. When a parent's children, read flat,
add up to more than the parent (the over-count a flat reading of nested rows gives: often exactly 2x or 3x),
the children are re-read as a forest in which every head equals the sum of the run of rows that follows it, and
the new reading is kept only if the parent then balances exactly. A row equal to the next one is read as its
sibling before its parent (fewer heads), so equal neighbours stay siblings whenever the sums allow it.
"""
from __future__ import annotations

from collections import deque

from index.document import Row

_MAX_SIBLINGS = 300  # the search recurses once per row of a sibling list
_BUDGET = 20_000  # search steps per parent; past it the flat reading is kept


class _GiveUp(Exception):
    pass


def _forest(vals: list[int], target: int, can_head: list[bool], tol: int, equal_as_siblings: bool = True,
            budget: int = _BUDGET) -> list[int | None] | None:
    """For each position, the position of its new head (None: stays a child of the parent), such that every head
    equals the sum of its new children and the top positions add up to `target`; None when no reading does.
    Values are whole units of the last printed digit, all >= 0.

    Depth-first over the rows, left to right, keeping the amount each open head still lacks (the parent at the
    bottom); a row is taken by the innermost open head, which it may then itself head. A head that is complete
    closes. Heading is tried first: a wrong head over an equal neighbour leaves its parent short and fails within
    a row or two, while a flat first try only fails after running through the whole over-count."""
    n = len(vals)
    rest = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        rest[i] = rest[i + 1] + vals[i]
    head: list[int | None] = [None] * n
    failed: set[tuple] = set()
    steps = 0

    def go(a: int, lack: tuple[int, ...], heads: tuple[int, ...]) -> bool:
        nonlocal steps
        while len(lack) > 1 and abs(lack[-1]) <= tol:  # a complete head closes
            lack, heads = lack[:-1], heads[:-1]
        if a == n:
            return len(lack) == 1 and abs(lack[0]) <= tol
        key = (a, lack)
        if key in failed or sum(lack) > rest[a] + tol * len(lack):
            return False
        steps += 1
        if steps > budget:
            raise _GiveUp
        v, top = vals[a], lack[-1]
        if v <= top + tol:
            taken = lack[:-1] + (top - v,)
            head[a] = heads[-1] if len(heads) > 1 else None
            heading = can_head[a] and v > tol and a + 1 < n
            # A row equal to the next is either its only parent or its equal sibling: sibling first (fewer heads).
            equal = equal_as_siblings and heading and vals[a + 1] == v
            for as_head in ((False, True) if heading and equal else (True, False) if heading else (False,)):
                if go(a + 1, taken + (v,), heads + (a,)) if as_head else go(a + 1, taken, heads):
                    return True
        failed.add(key)
        return False

    try:
        return head if go(0, (target,), (-1,)) else None
    except (_GiveUp, RecursionError):
        return None


def _units(rows: list[Row]) -> float:
    """The table's last printed digit (0.01 for 1,234.56), read from its cells."""
    d = 0
    for r in rows:
        for c in r.cells:
            s = (c or "").replace(",", "").strip()
            if "." in s and s.replace(".", "").lstrip("-").isdigit():
                d = max(d, len(s.split(".")[1]))
    return 10.0 ** -d


def regroup(rows: list[Row]) -> None:
    """Re-nest, in place, every parent whose children over-count it (see the module doc), from the top down. The
    root is the single 合计/总计 row (level 0) over the top rows; a table with several totals or none is re-nested
    below its top rows only. Levels are recomputed from the parents afterwards."""
    if not rows:
        return
    unit = _units(rows)
    children: dict[int | None, list[int]] = {}
    for i, r in enumerate(rows):
        if r.level != 0:
            children.setdefault(r.parent, []).append(i)
    totals = [i for i, r in enumerate(rows) if r.level == 0]
    queue: deque[int | None] = deque([None] if len(totals) == 1 else children.get(None, []))
    changed = False
    while queue:
        p = queue.popleft()
        kids = children.get(p, [])
        queue.extend(kids)
        owner = rows[totals[0]] if p is None else rows[p]
        # The owner's largest amount: a money column rather than a count (数量) read before it.
        col = max((c for c, v in enumerate(owner.values) if v and v > 0 and c not in owner.percent),
                  key=lambda c: owner.values[c], default=None)
        if col is None or not 2 <= len(kids) <= _MAX_SIBLINGS:
            continue
        raw = [rows[k].value(col) or 0.0 for k in kids]
        if any(v < 0 for v in raw):
            continue
        vals = [round(v / unit) for v in raw]
        target = round(owner.values[col] / unit)
        # One unit of the last digit of slack for rounded amounts; none for small whole numbers, where it would
        # let a head close a unit short.
        tol = 1 if target >= 1000 else 0
        if sum(vals) <= target + tol * len(vals):
            continue
        free = [k not in children for k in kids]
        # Equal neighbours read as siblings first; where that search runs long (long chains of single children,
        # each equal to its parent), heads first, which finds a balanced reading quickly.
        heads = _forest(vals, target, free, tol, True, _BUDGET // 4) or _forest(vals, target, free, tol, False)
        if heads is None:
            continue
        changed = True
        new_kids = []
        for pos, h in enumerate(heads):
            k = kids[pos]
            if h is None:
                new_kids.append(k)
            else:
                rows[k].parent = kids[h]
                children.setdefault(kids[h], []).append(k)
        children[p] = new_kids
    if changed:
        depth: dict[int, int] = {}

        def level(i: int) -> int:
            if i not in depth:
                p = rows[i].parent
                depth[i] = 0 if rows[i].level == 0 else (level(p) + 1 if p is not None else 1)
            return depth[i]

        for i, r in enumerate(rows):
            r.level = level(i)
