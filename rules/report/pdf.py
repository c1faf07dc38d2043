"""A copy of each source PDF with every finding's evidence highlighted on its page."""
from __future__ import annotations

import re
from pathlib import Path

import pymupdf

from rules.findings import DocumentReport


def safe_name(source: str, index: int) -> str:
    """Our own file name: the source's stem reduced to safe characters, never a path from the document."""
    stem = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", Path(source).stem)[:60] or "document"
    return f"{index:02d}-{stem}-checked.pdf"


def _needles(text: str) -> list[str]:
    """Short pieces of an evidence text that pymupdf can find on the page (long sentences wrap across lines)."""
    numbers = re.findall(r"\d[\d,]*\.?\d*%?", text)
    head = re.sub(r"\s+", "", text)[:12]
    return [n for n in numbers if len(n) >= 3][:4] + ([head] if len(head) >= 4 else [])


def write(report: DocumentReport, out: Path) -> int:
    """Write the highlighted copy; returns the number of highlights placed."""
    doc = pymupdf.open(report.source)
    placed = 0
    try:
        for f in report.findings:
            for ev in f.evidence:
                if not 1 <= ev.page <= doc.page_count:
                    continue
                page = doc[ev.page - 1]
                for needle in _needles(ev.text.split("：")[-1] if ev.table else ev.text):
                    quads = page.search_for(needle, quads=True)
                    if quads:
                        annot = page.add_highlight_annot(quads[:3])
                        annot.set_info(title=f"DocQA {f.severity}", content=f"{f.message}\n{f.computation}")
                        annot.update()
                        placed += 1
                        break
        doc.save(out, garbage=1, deflate=True)
    finally:
        doc.close()
    return placed
