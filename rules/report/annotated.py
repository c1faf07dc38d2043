"""A copy of each source PDF with every finding's evidence boxed on its page in the severity's colour.

Each box carries the finding's message and computation as its note; it surrounds the words the finding is about
(the placeholder, the printed figure) inside the cited passage, or the passage when those words cannot be told.
Findings about the whole document (evidence on page 0) become one sticky note on the first page, so nothing in the
report is left out of the copy."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from rules.findings import DocumentReport, Finding
from rules.report import SEVERITY_RGB, Options, ordered, rule_label, severity_label
from rules.report.locate import evidence_boxes


def safe_name(source: str, index: int, suffix: str = "checked") -> str:
    """Our own file name: the source's stem reduced to safe characters, never a path from the document."""
    stem = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", Path(source).stem).strip("_")[:60] or "document"
    return f"{index:02d}-{stem}-{suffix}.pdf"


@dataclass
class Written:
    highlights: int  # evidence passages boxed
    missed: int  # evidence with a page whose text could not be found on it
    notes: int  # document-level findings put in the first-page note


def _note(f: Finding, lang: str) -> str:
    head = f"[{severity_label(f.severity, lang)}] {rule_label(f.rule, lang)}：{f.message}"
    return "\n".join(x for x in (head, f.computation, f.explanation or "") if x)


def write(report: DocumentReport, out: Path, options: Options | None = None) -> Written:
    """Write the annotated copy of `report.source` to `out`."""
    lang = (options or Options()).lang
    doc = pymupdf.open(report.source)
    result = Written(0, 0, 0)
    whole_doc: list[Finding] = []
    try:
        for f in ordered(report.findings):
            placed = [e for e in f.evidence if 1 <= e.page <= doc.page_count]
            if not placed:
                whole_doc.append(f)
                continue
            colour = SEVERITY_RGB[f.severity]
            for ev in placed:
                page = doc[ev.page - 1]
                boxes, _ = evidence_boxes(page, f, ev)
                if not boxes:
                    result.missed += 1
                    continue
                for box in boxes:
                    annot = page.add_rect_annot(box + (-1.5, -1.5, 1.5, 1.5))
                    annot.set_colors(stroke=colour)
                    annot.set_border(width=1.5)
                    annot.set_info(title=f"DocQA {f.severity} {f.rule}", content=_note(f, lang))
                    annot.update()
                result.highlights += 1
        if whole_doc and doc.page_count:
            annot = doc[0].add_text_annot((20, 20), "\n\n".join(_note(f, lang) for f in whole_doc))
            annot.set_info(title="DocQA 全文问题" if lang == "zh" else "DocQA: whole document")
            annot.update()
            result.notes = len(whole_doc)
        doc.save(out, garbage=1, deflate=True)
    finally:
        doc.close()
    return result
