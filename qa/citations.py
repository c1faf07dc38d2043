"""Citations: the document, page and passage behind an answer."""
from __future__ import annotations

import functools

from index.sections import last_heading
from qa.models import Citation

MAX_SNIPPET = 300


def snippet(text: str, focus: str | None = None, width: int = MAX_SNIPPET) -> str:
    """The passage, or the part of it around `focus`, cut to `width` characters."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    at = text.find(focus) if focus else -1
    start = max(0, min(at - width // 3, len(text) - width)) if at >= 0 else 0
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")


def cite(hit, focus: str | None = None) -> Citation:
    c = hit.chunk
    text = focus if focus and focus in c.text else snippet(c.text, focus)
    where = c.table if getattr(c, "table", None) else getattr(c, "section", None)
    page = c.page
    pages = getattr(c, "pages", None) or []
    if focus and len(pages) > 1 and c.source.lower().endswith(".pdf"):
        page = _page_of(c.source, tuple(pages), focus) or page
    return Citation(source=c.source, page=page, text=text, score=round(float(hit.score), 6),
                    section=last_heading(where)[:60] or None)


PIECE = 14  # characters of a sentence looked for on each page of a passage that runs over several


def _page_of(source: str, pages: tuple[int, ...], focus: str) -> int | None:
    """The page of a passage spanning several that prints the sentence cited (its first characters, else its
    last: a sentence cut by a page break starts on one page): the page a reader is sent to is the sentence's."""
    flat = _flat(focus)
    for piece in (flat[:PIECE], flat[-PIECE:]):
        if len(piece) < PIECE // 2:
            continue
        for p in pages:
            if piece in _page_text(source, p):
                return p
    return None


@functools.lru_cache(maxsize=256)
def _page_text(source: str, page: int) -> str:
    """A PDF page's text layer without spaces or line breaks ("" when the file cannot be read)."""
    try:
        import pymupdf

        with pymupdf.open(source) as doc:
            return _flat(doc[page - 1].get_text()) if 0 < page <= doc.page_count else ""
    except Exception:  # noqa: BLE001 - a moved or unreadable file keeps the passage's first page
        return ""


def _flat(text: str) -> str:
    return "".join(text.replace("…", "").split())


def distinct(citations: list[Citation], k: int | None = None) -> list[Citation]:
    """Citations in order, each a passage of its own: one whose text lies inside another cited passage of the same
    document (a sentence of a cited paragraph, a row of a cited table) adds nothing and is dropped."""
    kept: list[Citation] = []
    for c in citations:
        t = _flat(c.text)
        if any(c.source == o.source and (t in _flat(o.text) or _flat(o.text) in t) for o in kept):
            continue
        kept.append(c)
        if k is not None and len(kept) >= k:
            break
    return kept


def locate(citations: list[Citation]) -> None:
    """Text documents: the line of the file each passage starts on (and its page where the text marks pages)."""
    from rules.findings import Evidence
    from rules.report.text_location import TextIndex, read_lines

    indexes: dict[str, TextIndex | None] = {}
    for c in citations:
        if c.source.lower().endswith(".pdf") or c.line is not None:
            continue
        if c.source not in indexes:
            lines = read_lines(c.source)
            indexes[c.source] = TextIndex(lines) if lines else None
        index = indexes[c.source]
        if index is None:
            continue
        text = c.text.strip("…")
        line = index.find(Evidence(page=c.page, text=text))
        if line is not None:
            c.line = line + 1
            page = index.page(line)
            if page and c.page == 1:
                c.page = page
