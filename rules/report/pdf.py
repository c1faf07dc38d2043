"""A copy of each source PDF with every finding's evidence highlighted on its page.

Each highlight carries the finding's message and computation as its note. Findings about the whole document
(evidence on page 0) become one sticky note on the first page, so nothing in the report is left out of the copy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from rules.findings import DocumentReport, Evidence, Finding
from rules.report import SEVERITY_ZH

_CLAUSE = re.compile(r"[，。；：、！？,;:\n]+")
_NUMBER = re.compile(r"\d[\d,]*\.\d+%?|\d[\d,]{3,}%?|\d+%")


def safe_name(source: str, index: int) -> str:
    """Our own file name: the source's stem reduced to safe characters, never a path from the document."""
    stem = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", Path(source).stem).strip("_")[:60] or "document"
    return f"{index:02d}-{stem}-checked.pdf"


@dataclass
class Written:
    highlights: int  # evidence passages highlighted
    missed: int  # evidence with a page whose text could not be found on it
    notes: int  # document-level findings put in the first-page note


def _targets(ev: Evidence) -> list[str]:
    """What to look for, best first: the whole passage, then its clauses (long first)."""
    text = ev.text.strip()
    clauses = sorted({c.strip() for c in _CLAUSE.split(text) if len(c.strip()) >= 4}, key=len, reverse=True)
    return [text] + clauses


def _cell_quads(page: pymupdf.Page, ev: Evidence) -> list:
    """A table cell's evidence reads "表名｜行名｜列名：值": find the printed value on its row's line."""
    head, _, value = ev.text.rpartition("：")
    hits = [q for n in _NUMBER.findall(value) for q in page.search_for(n, quads=True)]
    if not hits:
        return page.search_for(ev.table, quads=True)[:1] if ev.table else []
    parts = head.split("｜")
    rows = page.search_for(parts[1], quads=True) if len(parts) > 1 and parts[1].strip() else []
    if rows:
        return [min(hits, key=lambda q: min(abs(q.rect.y0 - r.rect.y0) for r in rows))]
    return hits[:1]


def _quads(page: pymupdf.Page, ev: Evidence) -> list:
    if ev.table and "｜" in ev.text:
        return _cell_quads(page, ev)
    targets = _targets(ev)
    whole = page.search_for(targets[0], quads=True)
    if whole:
        return whole[:8]
    found: list = []
    for t in targets[1:]:
        found.extend(page.search_for(t, quads=True)[:1])  # the first occurrence: clauses repeat elsewhere
    if not found:
        # The passage may be printed with spaces the parser joined (or the reverse): try its figures.
        for n in _NUMBER.findall(ev.text):
            found.extend(page.search_for(n, quads=True)[:1])
    return found[:16]


def _note(f: Finding) -> str:
    return "\n".join(x for x in (f"[{SEVERITY_ZH[f.severity]}] {f.message}", f.computation, f.explanation or "") if x)


def write(report: DocumentReport, out: Path) -> Written:
    """Write the highlighted copy of `report.source` to `out`."""
    doc = pymupdf.open(report.source)
    result = Written(0, 0, 0)
    whole_doc: list[Finding] = []
    try:
        for f in report.findings:
            placed_pages = [e for e in f.evidence if 1 <= e.page <= doc.page_count]
            if not placed_pages:
                whole_doc.append(f)
                continue
            for ev in placed_pages:
                page = doc[ev.page - 1]
                quads = _quads(page, ev)
                if not quads:
                    result.missed += 1
                    continue
                annot = page.add_highlight_annot(quads)
                annot.set_info(title=f"DocQA {f.severity} {f.rule}", content=_note(f))
                annot.update()
                result.highlights += 1
        if whole_doc and doc.page_count:
            annot = doc[0].add_text_annot((20, 20), "\n\n".join(_note(f) for f in whole_doc))
            annot.set_info(title="DocQA 全文问题")
            annot.update()
            result.notes = len(whole_doc)
        doc.save(out, garbage=1, deflate=True)
    finally:
        doc.close()
    return result
