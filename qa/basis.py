"""What an answer rests on, in words: the parts of the question a unit's name, a table, a row, a column or a
sentence says."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.models import Basis

_PUNCT = re.compile(r"[“”\"'（）()、，,。：:；;？?！!\s]")


def shared_words(question: str, text: str, least: int = 2) -> list[str]:
    """The longest pieces of the question (at least two characters) that the text also says, left to right."""
    q = _PUNCT.sub("", halfwidth(question or ""))
    t = _PUNCT.sub("", halfwidth(text or ""))
    out: list[str] = []
    i = 0
    while i < len(q):
        size = 0
        for j in range(i + least, len(q) + 1):
            if q[i:j] in t:
                size = j - i
            else:
                break
        if size >= least and not q[i:i + size].isdigit():
            out.append(q[i:i + size])
            i += size
        else:
            i += 1
    return out


def basis_of(question: str, cand) -> list[Basis]:
    """The table, row, column or sentence a structured answer was read from, with the question's words each says."""
    out: list[Basis] = []
    if cand.hit.chunk.kind == "row":
        for part, text in (("table", cand.table), ("row", cand.row), ("column", cand.column)):
            if text:
                out.append(Basis(part=part, text=text, words=shared_words(question, text)))
    else:
        out.append(Basis(part="sentence", text=cand.text, words=shared_words(question, cand.text)))
    return out
