"""Where a finding's evidence is printed on a PDF page, and which words in it the finding is about.

A passage is looked up whole, then by its clauses, then by its figures; inside the passage's area the words the
finding names (its `actual`: the placeholder "XX", the printed 4.80%, the 659.94 of a narrative amount) are boxed
rather than the whole passage, so a box never lands on the same word printed elsewhere on the page ("上海市",
"2024" in a heading)."""
from __future__ import annotations

import re

import pymupdf

from rules.findings import Evidence, Finding

_CLAUSE = re.compile(r"[，。；：、！？,;:\n]+")
_NUMBER = re.compile(r"\d[\d,]*\.\d+%?|\d[\d,]{3,}%?|\d+%")
# Runs of one script: a passage printed with spaces the parser joined (上海市 XX 局) is still found by its pieces.
_RUN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z]+|\d[\d,.]*%?")
_NUM_VALUE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _targets(ev: Evidence) -> list[str]:
    """What to look for, best first: the whole passage, then its clauses (long first)."""
    text = ev.text.strip()
    clauses = sorted({c.strip() for c in _CLAUSE.split(text) if len(c.strip()) >= 4}, key=len, reverse=True)
    return [text] + clauses


def _printed(number: str) -> list[str]:
    """Ways a cell value may be printed: 3,503,499.00 also as 3,503,499, 3503499.00 and 3503499."""
    forms = [number]
    bare = re.sub(r"\.0+(?=%?$)", "", number)
    for f in (bare, number.replace(",", ""), bare.replace(",", "")):
        if f not in forms and f:
            forms.append(f)
    return forms


def _cell_rects(page: pymupdf.Page, ev: Evidence) -> list[pymupdf.Rect]:
    """A table cell's evidence reads "表名｜行名｜列名：值": the printed value on its row's line."""
    head, _, value = ev.text.rpartition("：")
    hits = [q.rect for n in _NUMBER.findall(value) for v in _printed(n) for q in page.search_for(v, quads=True)]
    if not hits:
        return [q.rect for q in page.search_for(ev.table, quads=True)[:1]] if ev.table else []
    parts = head.split("｜")
    rows = page.search_for(parts[1], quads=True) if len(parts) > 1 and parts[1].strip() else []
    if rows:
        best = min(hits, key=lambda h: min(abs(h.y0 - r.rect.y0) for r in rows))
        row = min(rows, key=lambda r: abs(r.rect.y0 - best.y0)).rect
        return [best, row]  # the value and its row label: a reader sees which row the value belongs to
    return hits[:1]


def passage_rects(page: pymupdf.Page, ev: Evidence) -> list[pymupdf.Rect]:
    """Rectangles (one per printed line) of the evidence passage on `page`; empty when it cannot be found."""
    if ev.table and "｜" in ev.text:
        return _cell_rects(page, ev)
    targets = _targets(ev)
    whole = page.search_for(targets[0], quads=True)
    if whole:
        return [q.rect for q in whole[:8]]
    # Clauses, then figures: a clause such as 比2023年预算执行数增加100.00% recurs in the next paragraphs, so
    # the place chosen is where most of the passage's pieces are found together.
    runs = [r for r in _RUN.findall(ev.text) if len(r) >= 2]
    for pieces in (targets[1:], list(dict.fromkeys(runs))):
        hits = {p: [q.rect for q in page.search_for(p, quads=True)[:24]] for p in pieces}
        hits = {p: rs for p, rs in hits.items() if rs}
        if hits:
            return _cluster(hits)
    return []


def _cluster(hits: dict[str, list[pymupdf.Rect]], reach: float = 40.0) -> list[pymupdf.Rect]:
    """One hit per piece around the anchor that has the most pieces found near it (rarer pieces break ties)."""
    def near(a: pymupdf.Rect, b: pymupdf.Rect) -> bool:
        return abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) <= reach

    best, best_score = None, (-1, 0.0)
    for rects in hits.values():
        for anchor in rects:
            score = (sum(any(near(anchor, r) for r in rs) for rs in hits.values()), -len(rects))
            if score > best_score:
                best, best_score = anchor, score
    out = []
    for rs in hits.values():
        close = [r for r in rs if near(best, r)]
        if close:
            out.append(min(close, key=lambda r: abs(r.y0 - best.y0)))
    return out[:16]


def _focus_terms(f: Finding, ev: Evidence) -> list[str]:
    """The printed words of the passage that the finding is about: its `actual` as printed there."""
    actual = f.actual
    if isinstance(actual, str) and actual.strip() and actual.strip() in ev.text and len(actual.strip()) < 40:
        return [actual.strip()]
    if isinstance(actual, (int, float)) and not isinstance(actual, bool):
        out = []
        for m in _NUM_VALUE.finditer(ev.text):
            try:
                value = float(m.group().replace(",", ""))
            except ValueError:
                continue
            if abs(value - float(actual)) < 0.005:
                end = m.end()
                out.append(m.group() + ("%" if ev.text[end:end + 1] in ("%", "％") and f.unit == "%" else ""))
        return list(dict.fromkeys(out))
    return []


def evidence_boxes(page: pymupdf.Page, f: Finding, ev: Evidence) -> tuple[list[pymupdf.Rect], list[pymupdf.Rect]]:
    """(boxes to draw, the passage's rectangles). Boxes are the finding's own words inside the passage when they
    can be found there, else the passage lines."""
    lines = passage_rects(page, ev)
    if not lines:
        return [], []
    area = pymupdf.Rect(lines[0])
    for r in lines[1:]:
        area |= r
    area = area + (-2, -4, 2, 4)
    focus: list[pymupdf.Rect] = []
    for term in _focus_terms(f, ev):
        focus.extend(q.rect for q in page.search_for(term, quads=True, clip=area) if q.rect.intersects(area))
    if ev.table and "｜" in ev.text:
        return lines[:1], lines  # the cell's value
    return (focus or lines), lines


def region(page: pymupdf.Page, rects: list[pymupdf.Rect], margin: float = 60) -> pymupdf.Rect:
    """The part of the page to show around `rects`: full width, some lines above and below."""
    box = pymupdf.Rect(rects[0])
    for r in rects[1:]:
        box |= r
    full = page.rect
    top = max(full.y0, box.y0 - margin)
    bottom = min(full.y1, box.y1 + margin)
    if bottom - top > full.height * 0.6:  # evidence spread over the page: show the page
        top, bottom = full.y0, full.y1
    # Left and right: the printed text of that band (page margins left out), never narrower than the boxes.
    band = pymupdf.Rect(full.x0, top, full.x1, bottom)
    xs = [b[:4] for b in page.get_text("blocks", clip=band) if b[4].strip()]
    left = min([x[0] for x in xs] + [box.x0]) - 12
    right = max([x[2] for x in xs] + [box.x1]) + 12
    return pymupdf.Rect(max(full.x0, left), top, min(full.x1, right), bottom)
