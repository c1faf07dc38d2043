"""Nesting recovered from the amounts, where the labels do not show it.

Project and procurement tables often print three or four levels (unit → category → sub-category → project)
with no code, ordinal or indentation to tell them apart: every label starts at the same x. The amounts still
tell: a row that heads others equals the sum of the rows right after it. When a parent's children, read flat,
add up to more than the parent (the over-count a flat reading of nested rows gives: often exactly 2x or 3x),
the children are re-read as a forest in which every head equals the sum of the run of rows that follows it, and
the new reading is kept only if the parent then balances exactly. A row equal to the next one is read as its
sibling before its parent (fewer heads), so equal neighbours stay siblings whenever the sums allow it; a reading
that holds in every amount column is preferred to one that holds in the searched column only.

Before that, a layout-read nesting the sums contradict is mended both ways: children a sloppy indent put under a
row they do not add up to move up beside it (`_lift`), and rows read beside a parent that lacks exactly them
move under it (`_sink`).
"""
from __future__ import annotations

from collections import deque

from index.document import Row

_MAX_SIBLINGS = 300  # the search recurses once per row of a sibling list
_BUDGET = 200_000  # search steps per parent; past it the flat reading is kept
_TABLE_BUDGET = 600_000  # search steps per table, all parents together: a bound on any table's parse time


class _GiveUp(Exception):
    pass


class _Pool:
    """Search steps a table has left."""

    def __init__(self, steps: int) -> None:
        self.left = steps


def _forest(vals: list[int], target: int, can_head: list[bool], tol: int, equal_as_siblings: bool = True,
            budget: int = _BUDGET, pool: _Pool | None = None) -> list[int | None] | None:
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
    if pool is not None:
        budget = min(budget, pool.left)

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
    finally:
        if pool is not None:
            pool.left -= steps


def _units(rows: list[Row]) -> float:
    """The table's last printed digit (0.01 for 1,234.56), read from its cells."""
    d = 0
    for r in rows:
        for c in r.cells:
            s = (c or "").replace(",", "").strip()
            if "." in s and s.replace(".", "").lstrip("-").isdigit():
                d = max(d, len(s.split(".")[1]))
    return 10.0 ** -d


def _column(owner: Row) -> int | None:
    return max((c for c, v in enumerate(owner.values) if v and v > 0 and c not in owner.percent),
               key=lambda c: owner.values[c], default=None)


def _amounts(owner: Row, kids: list[int], rows: list[Row], unit: float, col: int | None = None
             ) -> tuple[list[int], int, int] | None:
    """The children's amounts and the owner's in one column (by default the owner's largest: a money column
    rather than a count such as 数量 read before it), in whole units of the last digit, with the rounding slack
    allowed per item: one unit for rounded amounts, none for small whole numbers (where it would let a head close
    a unit short), a ten-millionth of the whole for very large ones. None when nothing compares or an amount
    is negative."""
    col = _column(owner) if col is None else col
    if col is None:
        return None
    raw = [rows[k].value(col) or 0.0 for k in kids]
    if any(v < 0 for v in raw):
        return None
    target = round(owner.values[col] / unit)
    # A gap of a ten-millionth of the whole (0.07 in 480,544,221.60) still shows which rows a head closes; the
    # self-consistency check reports it apart.
    return [round(v / unit) for v in raw], target, max(1 if target >= 1000 else 0, int(target * 1e-7))


def _columns(owner: Row, kids: list[int], rows: list[Row]) -> list[int]:
    """The owner's amount columns, the most telling first: most children with an amount (zeros fit anywhere),
    then the largest."""
    cols = [c for c, v in enumerate(owner.values) if v and v > 0 and c not in owner.percent]
    return sorted(cols, key=lambda c: (-sum(1 for k in kids if rows[k].value(c)), -owner.values[c]))


def _holds(owner: Row, kids: list[int], rows: list[Row], unit: float) -> bool:
    """The children add up to the owner in every amount column the owner prints (a unit of the last digit per
    item allowed for rounding)."""
    for c, v in enumerate(owner.values):
        if v is None or c in owner.percent:
            continue
        s = sum(rows[k].value(c) or 0.0 for k in kids)
        if abs(s - v) > unit * max(1, len(kids)) + 1e-9:
            return False
    return True


def _reading_holds(heads: list[int | None], kids: list[int], owner: Row, rows: list[Row],
                   children: dict[int | None, list[int]], unit: float) -> bool:
    """Does a re-reading of `kids` (heads[i]: the position heading kid i) add up in every column: the owner over
    its new top rows, each new head over its new children?"""
    groups: dict[int | None, list[int]] = {}
    for pos, h in enumerate(heads):
        groups.setdefault(None if h is None else kids[h], []).append(kids[pos])
    return all(_holds(owner if g is None else rows[g], members + (children.get(g, []) if g is not None else []),
                      rows, unit) for g, members in groups.items())


def _short_column(owner: Row, kids: list[int], rows: list[Row], unit: float) -> int | None:
    """The first amount column where the children fall short of the owner."""
    return next((c for c, v in enumerate(owner.values) if v is not None and c not in owner.percent
                 and v - sum(rows[k].value(c) or 0.0 for k in kids) > unit * max(1, len(kids))), None)


def _lift(rows: list[Row], children: dict[int | None, list[int]], owner_of) -> bool:
    """A row printed further right than its neighbours (a sloppy indent) reads as the child of the row above,
    which its amount does not add up to. Where the parent's children do not sum to it, and moving them up beside
    it makes the grandparent hold (it did not before), they move up. Deepest parents first."""
    unit = _units(rows)
    moved = False
    for p in sorted((k for k in children if k is not None), reverse=True):
        kids, q = children.get(p, []), rows[p].parent
        owner = owner_of(q)
        siblings = children.get(q, [])
        if not kids or owner is None or p not in siblings or _holds(rows[p], kids, rows, unit) \
                or _holds(owner, siblings, rows, unit):
            continue
        at = siblings.index(p) + 1
        lifted = siblings[:at] + kids + siblings[at:]
        if _holds(owner, lifted, rows, unit):
            for k in kids:
                rows[k].parent = q
            children[q], children[p] = lifted, []
            moved = True
    return moved


def _sink(rows: list[Row], children: dict[int | None, list[int]], owner_of) -> bool:
    """The other way round: rows read beside a parent its children fall short of, when the rows right after its
    last child make up exactly what it lacks and the grandparent holds only with them moved under it (a unit's
    last lines read one level up, after a page break or a different indent)."""
    unit = _units(rows)
    moved = False
    for p in sorted(k for k in children if k is not None and children[k]):
        kids, q = children[p], rows[p].parent
        owner, siblings = owner_of(q), children.get(q, [])
        if owner is None or p not in siblings or _holds(owner, siblings, rows, unit):
            continue
        col = _short_column(rows[p], kids, rows, unit)
        if col is None:
            continue
        lack, run = rows[p].values[col] - sum(rows[k].value(col) or 0.0 for k in kids), []
        for k in siblings[siblings.index(p) + 1:]:
            if k < kids[-1]:
                break
            run.append(k)
            lack -= rows[k].value(col) or 0.0
            if lack <= unit * (len(kids) + len(run)):
                break
        rest = [k for k in siblings if k not in run]
        if run and _holds(rows[p], kids + run, rows, unit) and _holds(owner, rest, rows, unit):
            for k in run:
                rows[k].parent = p
            children[p], children[q] = kids + run, rest
            moved = True
    return moved


def regroup(rows: list[Row], numbered: list[bool] | None = None) -> None:
    """Re-nest, in place, every parent whose children over-count it (see the module doc), from the top down, after
    lifting children a sloppy indent put under a row they do not add up to (`_lift`). The root is the single
    合计/总计 row (level 0) over the top rows; a table with several totals or none is re-nested below its top rows
    only. Levels are recomputed from the parents afterwards. Where some rows print an identifier (a unit's
    number) and others none (`numbered`), a reading in which only those rows head others is tried first: it
    is how such lists are built (fund class 1 > unit 251001 > its purchases), and it keeps the search small."""
    if not rows:
        return
    unit = _units(rows)
    children: dict[int | None, list[int]] = {}
    for i, r in enumerate(rows):
        if r.level != 0:
            children.setdefault(r.parent, []).append(i)
    totals = [i for i, r in enumerate(rows) if r.level == 0]

    def owner_of(p: int | None) -> Row | None:
        return rows[p] if p is not None else rows[totals[0]] if len(totals) == 1 else None

    pool = _Pool(_TABLE_BUDGET)
    changed = _lift(rows, children, owner_of)
    changed = _sink(rows, children, owner_of) or changed
    queue: deque[int | None] = deque([None] if len(totals) == 1 else children.get(None, []))
    while queue:
        p = queue.popleft()
        kids = children.get(p, [])
        queue.extend(kids)
        owner = owner_of(p)
        if owner is None or not 2 <= len(kids) <= _MAX_SIBLINGS:
            continue
        readings = []
        for col in _columns(owner, kids, rows)[:3]:
            amounts = _amounts(owner, kids, rows, unit, col)
            if amounts is None or sum(amounts[0]) <= amounts[1] + amounts[2] * len(kids):
                continue
            vals, target, tol = amounts
            free = [not children.get(k) for k in kids]
            ided = [f and bool(numbered and numbered[k]) for f, k in zip(free, kids)] if numbered else None
            # Equal neighbours read as siblings first; where that search runs long (long chains of single
            # children, each equal to its parent), heads first, which finds a balanced reading quickly.
            heads = (ided and any(ided) and _forest(vals, target, ided, tol, False, _BUDGET // 10, pool)) \
                or _forest(vals, target, free, tol, True, _BUDGET // 10, pool) \
                or _forest(vals, target, free, tol, False, _BUDGET, pool)
            if heads is not None:
                readings.append(heads)
                if _reading_holds(heads, kids, owner, rows, children, unit):
                    break  # it holds in every column: no need to look further
        if not readings:
            continue
        heads = next((h for h in readings if _reading_holds(h, kids, owner, rows, children, unit)), readings[0])
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
