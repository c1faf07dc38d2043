"""The narrative as sentences run: a paragraph broken off mid-sentence read with the one that goes on with it.

The parser joins a sentence broken over lines on one page; one broken at a page break (…共有车辆16辆，其中业 | 务用车
6辆…), or after a heading line that carries a sentence, stays in two paragraphs, and a claim read from either half
misses its subject, its parts or its current amount.
"""
from __future__ import annotations

import re

from index.document import Document, Paragraph

MAX_PARAGRAPH = 2000  # characters read as one paragraph; longer runs (a malformed export) are read in pieces
# An item's number opens a paragraph of its own (1. / （1） / 一、); 598.61万元 is an amount, not item 598.
NUMBERED_ITEM = re.compile(r"^\s*(?:\d+[.、．](?!\d)|[（(]\d+[）)]|[一二三四五六七八九十]+、)")
_OPEN_END = re.compile(r"[。！？!?；;]\s*$")


def _runs_on(prev: Paragraph, p: Paragraph, table_between: bool) -> bool:
    """`p` goes on with the sentence `prev` broke off: prev stops mid-sentence (…共有车辆16辆，其中业 | 务用车6辆…,
    at a page break or after a heading line that carries a sentence), nothing stands between them and p does not
    open an item of its own."""
    return (not table_between and prev.section == p.section and p.page >= prev.page and len(prev.text) >= 20
            and not _OPEN_END.search(prev.text) and not NUMBERED_ITEM.match(p.text)
            and len(prev.text) + len(p.text) <= MAX_PARAGRAPH)


def reading(doc: Document) -> list[tuple[Paragraph, list[tuple[int, int]]]]:
    """The paragraphs as sentences run: one broken off mid-sentence is read with the one that goes on with it (the
    joined paragraph keeps the first one's id), with (offset, page) where it goes on to a later page."""
    between = {t.position for t in doc.tables}
    out: list[tuple[Paragraph, list[tuple[int, int]]]] = []
    for k, p in enumerate(doc.paragraphs):
        if out and _runs_on(out[-1][0], p, k in between):
            head, pages = out[-1]
            if p.page > head.page:
                pages = pages + [(len(head.text), p.page)]
            out[-1] = (Paragraph(id=head.id, page=head.page, section=head.section, text=head.text + p.text), pages)
        else:
            out.append((p, []))
    return out
