"""Where a finding's evidence or an answer's passage sits on its page: rectangles in PDF points.

Findings are boxed by the reports' own locator (rules.report.locate: the passage, then the finding's words inside
it), so the page in the browser and the exported PDFs mark the same places. An answer's passage is found the
same way; a cited table row by its label and its values on that line, values matched by number among the page's
words, since a table prints 6536.4 where the row reads 6,536.40.
"""
from __future__ import annotations

import re

import pymupdf

from rules.findings import Evidence, Finding
from rules.report.locate import evidence_boxes, passage_rects

_NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_PAREN = re.compile(r"[（(][^（）()]*[）)]")
Rect = list[float]


def _value(word: str) -> float | None:
    w = word.replace(",", "").replace("，", "").strip("%％()（）")
    try:
        return float(w)
    except ValueError:
        return None


def _r(rect) -> Rect:
    return [round(rect.x0, 1), round(rect.y0, 1), round(rect.x1, 1), round(rect.y1, 1)]


def number_rects(page: pymupdf.Page, value: float, band: tuple[float, float] | None = None) -> list[Rect]:
    """Words on the page whose number equals `value` (within a cent), optionally within a vertical band."""
    out = []
    for x0, y0, x1, y1, word, *_ in page.get_text("words"):
        if band and not (band[0] - 2 <= (y0 + y1) / 2 <= band[1] + 2):
            continue
        v = _value(word)
        if v is not None and abs(v - value) < 0.005:
            out.append([round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1)])
            continue
        for m in _NUM.finditer(word):  # a number inside a sentence printed without spaces
            v = _value(m.group())
            if v is not None and abs(v - value) < 0.005 and len(m.group()) < len(word):
                hits = page.search_for(m.group(), clip=pymupdf.Rect(x0, y0, x1, y1))
                out.extend(_r(h) for h in hits[:1])
    return out


def _row_rects(page: pymupdf.Page, text: str, column: str | None) -> list[Rect]:
    """A row passage "表名（单位）｜行名 code（上级）：列=值；列=值": the row's label and its values (or only the
    value of `column`) on the label's line."""
    head, _, cells = text.partition("：")
    label = head.split("｜", 1)[-1]
    label = _PAREN.sub("", label).split(" ")[0].strip()
    pairs = [c.rpartition("=") for c in cells.split("；") if "=" in c]
    if column:
        pairs = [p for p in pairs if p[0] == column] or pairs
    values = [v for _, _, raw in pairs if (v := _value(raw)) is not None]
    labels = page.search_for(label) if len(label) >= 2 else []
    out: list[Rect] = []
    for lab in labels:
        band = (lab.y0, lab.y1)
        found = [r for v in values for r in number_rects(page, v, band)]
        if found:
            out += [_r(lab)] + found
    if not out and values:  # the label was not found as printed: the values alone
        for v in values[:3]:
            out += number_rects(page, v)[:1]
    return out


def boxes(page: pymupdf.Page, text: str, table: str | None = None, column: str | None = None) -> list[Rect]:
    """Rectangles for one passage on `page` (empty when it cannot be found there)."""
    if "｜" in text and "=" in text:  # a table row as the store cites it
        found = _row_rects(page, text, column)
        if found:
            return found
    ev = Evidence(page=page.number + 1, text=text, table=table)
    try:
        found = [_r(r) for r in passage_rects(page, ev)]
    except Exception:  # a passage the search cannot take (odd characters): fall back to its numbers
        found = []
    if not found:
        for m in _NUM.findall(text.rpartition("：")[2] if table else text):
            v = _value(m)
            if v is not None and (abs(v) >= 1 or "." in m):
                found += number_rects(page, v)[:1]
    return found[:24]


class _Page:
    """A page whose text is extracted once: pymupdf would rebuild it on every search (seconds over a document)."""

    def __init__(self, page: pymupdf.Page) -> None:
        self.page = page
        self.tp = page.get_textpage()
        self._found: dict[tuple, list] = {}
        self._words = None
        self._chars: list[tuple[float, float, str]] | None = None

    def search_for(self, text: str, **kw):
        key = (text, tuple(sorted((k, str(v)) for k, v in kw.items())))
        if key not in self._found:
            # A clip needs its own extraction: pymupdf ignores the clip when given a text page.
            tp = None if kw.get("clip") is not None else self.tp
            self._found[key] = self.page.search_for(text, textpage=tp, **kw)
        return self._found[key]

    def get_text(self, kind: str = "text", **kw):
        if kind == "words" and not kw:
            if self._words is None:
                self._words = self.page.get_text("words", textpage=self.tp)
            return self._words
        return self.page.get_text(kind, textpage=self.tp, **kw)

    def get_textbox(self, rect) -> str:
        """The characters whose centre lies in `rect` (pymupdf's own get_textbox walks every character in Python
        for each call: 60 ms a rectangle)."""
        if self._chars is None:
            self._chars = [((c["bbox"][0] + c["bbox"][2]) / 2, (c["bbox"][1] + c["bbox"][3]) / 2, c["c"])
                           for b in self.page.get_text("rawdict", textpage=self.tp)["blocks"]
                           for line in b.get("lines", ()) for span in line["spans"] for c in span["chars"]]
        r = pymupdf.Rect(rect)
        return "".join(ch for x, y, ch in self._chars if r.x0 <= x <= r.x1 and r.y0 <= y <= r.y1)

    def __getattr__(self, name):
        return getattr(self.page, name)


def _with_figure(page, rects: list[Rect], value) -> list[Rect]:
    """When the passage was found but not the figure the finding states (the locator matched the clause before
    it), the nearest printing of that figure on the same lines joins the boxes, first."""
    if not rects or not isinstance(value, (int, float)) or isinstance(value, bool):
        return rects
    for r in rects:
        inside = page.get_textbox(pymupdf.Rect(r) + (-1, -1, 1, 1))
        if any(abs(v - value) < 0.005 for m in _NUM.findall(inside) if (v := _value(m)) is not None):
            return rects
    cy = sum((r[1] + r[3]) / 2 for r in rects) / len(rects)
    near = [r for r in number_rects(page, float(value)) if abs((r[1] + r[3]) / 2 - cy) <= 30]
    if not near:
        return rects
    return [min(near, key=lambda r: abs((r[1] + r[3]) / 2 - cy))] + rects


def finding_highlights(pdf_path: str, findings: list[dict]) -> dict[str, list[dict]]:
    """{finding id: [{page, rects, size: [w, h]}]} for every piece of evidence placed on a page."""
    out: dict[str, list[dict]] = {}
    pages: dict[int, _Page] = {}
    with pymupdf.open(pdf_path) as doc:
        for data in findings:
            f = Finding.model_validate(data)
            marks = []
            for ev in f.evidence:
                if not 1 <= ev.page <= doc.page_count:
                    continue
                n = ev.page
                page = pages.get(n) or pages.setdefault(n, _Page(doc[n - 1]))
                try:
                    found = [_r(r) for r in evidence_boxes(page, f, ev)[0]]
                except Exception:  # an odd passage the search cannot take: its figures below
                    found = []
                if found and not (ev.table and "｜" in ev.text):
                    found = _with_figure(page, found, f.actual)
                marks.append({"page": n, "rects": found or boxes(page, ev.text, ev.table),
                              "size": [round(page.rect.width, 1), round(page.rect.height, 1)]})
            out[f.id] = marks
    return out
