"""Ruling lines of a PDF page: the strokes and thin filled rectangles that draw a table's grid, merged into
lines and grouped into table regions (index/pdf.py reads the text inside them)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import pymupdf

RULE_THICKNESS = 2.5  # a filled rect thinner than this is a ruling line, not a shaded cell
SNAP = 1.6  # rulings closer than this are the same line


@dataclass
class Seg:
    a: float  # position across (y of a horizontal line, x of a vertical one)
    lo: float
    hi: float


def segments(page: pymupdf.Page) -> tuple[list[Seg], list[Seg]]:
    """Horizontal and vertical rulings: stroked lines, thin filled rects, and the edges of stroked rects."""
    hs: list[Seg] = []
    vs: list[Seg] = []
    for d in page.get_cdrawings():
        x0, y0, x1, y1 = d["rect"]
        if "s" not in d["type"] and (y1 - y0 <= RULE_THICKNESS or x1 - x0 <= RULE_THICKNESS):
            # A thin filled shape, however it is drawn (a rect, or a path of four lines): one ruling.
            if y1 - y0 <= RULE_THICKNESS and x1 - x0 > RULE_THICKNESS:
                hs.append(Seg((y0 + y1) / 2, x0, x1))
            elif x1 - x0 <= RULE_THICKNESS and y1 - y0 > RULE_THICKNESS:
                vs.append(Seg((x0 + x1) / 2, y0, y1))
            continue
        stroked = "s" in d["type"]
        for item in d["items"]:
            kind = item[0]
            if kind == "l":
                p, q = item[1], item[2]
                if abs(p[1] - q[1]) < 1:
                    hs.append(Seg((p[1] + q[1]) / 2, min(p[0], q[0]), max(p[0], q[0])))
                elif abs(p[0] - q[0]) < 1:
                    vs.append(Seg((p[0] + q[0]) / 2, min(p[1], q[1]), max(p[1], q[1])))
            elif kind == "re":
                rx0, ry0, rx1, ry1 = item[1]
                w, h = rx1 - rx0, ry1 - ry0
                if h <= RULE_THICKNESS and w > RULE_THICKNESS:
                    hs.append(Seg((ry0 + ry1) / 2, rx0, rx1))
                elif w <= RULE_THICKNESS and h > RULE_THICKNESS:
                    vs.append(Seg((rx0 + rx1) / 2, ry0, ry1))
                elif stroked and w > 3 and h > 3:
                    # A stroked cell rectangle: its four edges are rulings.
                    hs += [Seg(ry0, rx0, rx1), Seg(ry1, rx0, rx1)]
                    vs += [Seg(rx0, ry0, ry1), Seg(rx1, ry0, ry1)]
    return merge_lines(hs), merge_lines(vs)


def merge_lines(segs: list[Seg]) -> list[Seg]:
    """One segment per drawn stretch of a ruling: pieces at the same position (within SNAP) that touch or
    overlap are joined. Tables drawn cell by cell give thousands of pieces; a real gap (a merged cell) stays."""
    out: list[Seg] = []
    for line in by_position(segs):
        line.sort(key=lambda s: s.lo)
        a = sum(s.a for s in line) / len(line)
        cur = Seg(a, line[0].lo, line[0].hi)
        for s in line[1:]:
            if s.lo <= cur.hi + 0.5:
                cur.hi = max(cur.hi, s.hi)
            else:
                out.append(cur)
                cur = Seg(a, s.lo, s.hi)
        out.append(cur)
    return out


def by_position(segs: list[Seg]) -> list[list[Seg]]:
    """Segments grouped by position across, a group ending where the next segment is more than SNAP away."""
    groups: list[list[Seg]] = []
    for s in sorted(segs, key=lambda s: s.a):
        if groups and s.a - groups[-1][-1].a <= SNAP:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def cluster(values: list[float], tol: float = SNAP) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def snap_index(v: float, grid: list[float]) -> int:
    return min(range(len(grid)), key=lambda i: abs(grid[i] - v))


def covered(segs: list[Seg], lo: float, hi: float) -> bool:
    """Is the interval lo..hi drawn by these segments of one ruling (allowing small gaps at joints)?"""
    need = hi - lo
    got = 0.0
    for s in segs:
        if s.hi > lo and s.lo < hi:
            got += min(s.hi, hi) - max(s.lo, lo)
    return got >= need * 0.6


def near(segs: list[Seg], at: float) -> list[Seg]:
    return [s for s in segs if abs(s.a - at) <= SNAP]


def table_groups(hs: list[Seg], vs: list[Seg]) -> list[tuple[list[Seg], list[Seg]]]:
    """Connected sets of crossing rulings: one set per table on the page."""
    segs = [("h", s) for s in hs] + [("v", s) for s in vs]
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tol = 3.0
    hidx = [i for i, (k, _) in enumerate(segs) if k == "h"]
    crossed: set[int] = set()
    vidx = [i for i, (k, _) in enumerate(segs) if k == "v"]
    vidx.sort(key=lambda j: segs[j][1].a)
    v_pos = [segs[j][1].a for j in vidx]
    for i in hidx:
        h = segs[i][1]
        for j in vidx[bisect_left(v_pos, h.lo - tol):bisect_right(v_pos, h.hi + tol)]:
            v = segs[j][1]
            if v.lo - tol <= h.a <= v.hi + tol:
                parent[find(i)] = find(j)
                crossed.add(i)
    # Rulings that cross no vertical line (a 三线表) belong together when they span the same width, one above
    # the other; a rule inside a ruled table is never joined this way, so stacked tables stay apart.
    free = sorted((i for i in hidx if i not in crossed and segs[i][1].hi - segs[i][1].lo >= 100),
                  key=lambda i: segs[i][1].a)
    for a, b in zip(free, free[1:]):
        sa, sb = segs[a][1], segs[b][1]
        if abs(sa.lo - sb.lo) <= tol and abs(sa.hi - sb.hi) <= tol and sb.a - sa.a <= 400:
            parent[find(a)] = find(b)
    # Collinear horizontal pieces of one ruling (a row line drawn cell by cell) belong together too.
    hs_sorted = sorted(hidx, key=lambda i: (round(segs[i][1].a), segs[i][1].lo))
    for a, b in zip(hs_sorted, hs_sorted[1:]):
        sa, sb = segs[a][1], segs[b][1]
        if abs(sa.a - sb.a) <= SNAP and sb.lo - sa.hi <= tol:
            parent[find(a)] = find(b)
    # Likewise the pieces of one column ruling drawn cell by cell: a piece in a header cell that no row line
    # crosses (a merged cell beside rows split further) still belongs to the table.
    vs_sorted = sorted(vidx, key=lambda i: (round(segs[i][1].a), segs[i][1].lo))
    for a, b in zip(vs_sorted, vs_sorted[1:]):
        sa, sb = segs[a][1], segs[b][1]
        if abs(sa.a - sb.a) <= SNAP and sb.lo - sa.hi <= tol:
            parent[find(a)] = find(b)
    groups: dict[int, tuple[list[Seg], list[Seg]]] = {}
    for i, (k, s) in enumerate(segs):
        g = groups.setdefault(find(i), ([], []))
        (g[0] if k == "h" else g[1]).append(s)
    # Two or more horizontal rulings make a table region; without inner verticals its columns come from the words.
    return [g for g in groups.values() if len(cluster([s.a for s in g[0]])) >= 2]
