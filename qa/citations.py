"""Citations: the document, page and passage behind an answer."""
from __future__ import annotations

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
    return Citation(source=c.source, page=c.page, text=text, score=round(float(hit.score), 6))
