"""The asks of an English question: where one ask ends and the next begins (", and how much of it …", "; what is
the …", "and why"), a later ask read within the first's quantity ("of it"), and the words that ask a change (how much
lower, grew, cut, below last year)."""
from __future__ import annotations

import os
import re

# A change asked: its comparatives and verbs (how much lower, grew, cut, shrink), the base it is compared with (than
# last year, compared with the 2025 initial budget) and why it changed.
# (a comparative alone, "the larger budget", compares units; with "how much" or a year's base it asks a change)
# ("was that up on 2021": up or down after a form of be, and what it points back at)
_BE = r"(?:is|was|are|were|been)(?:\s+(?:it|that|this|they|these))?\s+"
_UP_VERB = r"increase[sd]?|exceed(?:s|ed)?|rise|rises|rose|risen|raise[sd]?|raising|grow|grows|grew|grown|growth|" \
    r"(?:go|goes|went|gone) up|" + _BE + "up"
_DOWN_VERB = r"decrease[sd]?|fall|falls|fell|fallen|drop|drops|dropped|cut|cuts|reduce[sd]?|reduction|decline[sd]?|" \
    r"shrink|shrank|shrunk|(?:go|goes|went|gone) down|" + _BE + "down"
_UP = r"more|higher|bigger|larger|above|" + _UP_VERB
_DOWN = r"less|lower|smaller|below|" + _DOWN_VERB
# "how does it compare with 2025": a change asked, its way not said
COMPARE = r"\bhow\s+(?:does|do|did|has|have)\s+(?:it|this|that|they|these)\s+compared?\s+(?:with|to)\b|" \
    r"\bchanged?\s+(?:from|since|on|over)\b"  # (by how much did X change from 2025)
_LOWER = re.compile(r"(?:,?\s*and\s+)?(?:by\s+)?how much (?:lower|less|more|higher|smaller|bigger|larger)(?: is it)?|"
                    r"\bthan\s+(?:(?:in|the|its|last)\s+)*(?:year|20\d\d)(?:\s+initial)?(?:\s+budget)?|"
                    r"\b(?:below|above|over|on)\s+(?:(?:that\s+of|the|its|last|previous|prior)\s+)*(?:year|20\d\d)(?:'s)?"
                    r"(?:\s+initial)?(?:\s+budget)?|"
                    r"\bcompared\s+(?:with|to)(?:\s+(?:the|its|last))*(?:\s+(?:year|20\d\d))?(?:\s+initial)?(?:\s+budget)?|"
                    # (the base said as the year before or the year's start: "fell from the previous year", "raised
                    # compared with the start of 2025", the 年初预算 compared with; no words of the thing)
                    r"\b(?:from|since)\s+(?:the\s+)?(?:previous|prior|preceding|last)\s+year(?!s)(?:'s)?|"
                    r"\b(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?(?:year|20\d\d)(?:'s)?|"
                    r"\binitial\b|,?\s*(?:and\s+)?why\b.*$|\b(?:" + _UP_VERB + "|" + _DOWN_VERB + r")\b|" + COMPARE, re.I)


# "…, and how much of it goes on services": the later ask is a part of the first's quantity
_OF_IT = re.compile(r"\bof (?:it|that|this|which|them|these|those)\b", re.I)


def _of_first(later: str, first: str) -> str:
    """The later ask read within the first's quantity (西安市财政局2026年政府采购是多少 and …服务是多少: …政府采购中服务是多少):
    both readings open with the same units and year, the first's quantity follows."""
    n = len(os.path.commonprefix([first, later]))
    quantity = re.sub(r"(?:合计)?(?:是多少|比上年).*$", "", first[n:])
    return f"{later[:n]}{quantity}中{later[n:]}" if quantity and later[n:] else later


# A later ask joined by "and" (", and how much of it …", "; what is the …"); "and why" asks the first's reason.
# (only asks of a figure: "and does it plan to buy any", "and what is it for" ask no second figure of their own)
_AND_ASKS = re.compile(r",?\s*(?:\band\s+|;\s*)(?=how (?:much|many)\b|what (?:is|was|are|were) (?:the|its|their)\b|"
                       r"what (?:share|percentage|proportion)\b)", re.I)
_WHY = re.compile(r",?\s*\band\s+why\s*\??\s*$", re.I)


def _asked_parts(question: str) -> list[str]:
    """The asks of an English question, first to last; a change asked with a figure (", and how much lower …", "By
    how much did … fall, and what is the total?") stays one ask: the reading of a change reads its level too."""
    why = _WHY.search(question)
    body = question[:why.start()] if why else question
    parts = [p for p in _AND_ASKS.split(body) if p.strip()]
    # (…, and how much of that rise comes from X: a part of the first, asked on its own)
    if len(parts) > 1 and not any(_OF_IT.search(p) for p in parts[1:]) and \
            any(_LOWER.search(p) or re.search(r"\b(?:" + _UP_VERB + "|" + _DOWN_VERB + r"|compare[sd]?)\b", p, re.I)
                for p in parts):
        parts = [body]
    return parts + (["why"] if why else [])
