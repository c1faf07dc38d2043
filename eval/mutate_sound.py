"""What makes an injected change a contradiction a careful reader can see on the page: the tests the mutation
operators (eval/mutate.py) apply before they offer a case. An operator that changes something the page gives no
means to check creates no contradiction, and a benchmark that counts it as a miss measures nothing."""
from __future__ import annotations

import re

from eval.mutate_view import _num

AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*)万元")


def quoted(text: str, m: re.Match) -> bool:
    """An amount as the narrative quotes it from a table: not a change (增加2.40万元), which the change-rate
    operator owns, and not a threshold (单位价值100万元以上), which no table prints."""
    before, after = text[max(0, m.start() - 4):m.start()], text[m.end():m.end() + 6]
    return (not re.search(r"(?:增加|减少|增长|下降)\s*$", before)
            and not re.match(r"\s*(?:（含）|\(含\))?\s*(?:以上|以下|以内)", after)
            and not re.search(r"单价|价值|不超过|不低于", text[max(0, m.start() - 8):m.start()]))


# A change rate a reader can recompute: the sentence gives the change (增加A万元) or last year's amount (上年/比…
# A万元) before it. A growth target (生产总值增长7%以上) or a rate beside one level (收益43500万元，增长30%) has nothing
# to be checked against, so misstating it contradicts nothing.
_RATE_BASIS = re.compile(r"(?:增加|减少|上年|去年|执行数|比|较)[^。；;%]{0,24}?\d[\d,]*(?:\.\d+)?\s*万元[^。；;%]{0,30}$")


def rate_basis(sentence_before: str) -> bool:
    """The sentence, up to the rate, gives what the rate is computed from (see _RATE_BASIS)."""
    return bool(_RATE_BASIS.search(sentence_before))


def flip_shows(before: str, change: float, after_word: str) -> bool:
    """Flipping both words contradicts the numbers only when the rate recomputed the other way differs at its
    printed precision: 793.48万元，增加4.97万元，增长0.6% reads 0.63% up and 0.62% down, both printed 0.6%, so
    the flipped sentence is as consistent as the original. Without a current amount before it the line holds
    nothing to tell, and the case is kept (the sentence before may hold it)."""
    amounts = [_num(x.group(1)) for x in AMOUNT.finditer(before)]
    rate = re.match(r"\s*(\d+(?:\.\d+)?)\s*%", after_word)
    if not amounts or not rate or not amounts[-1]:
        return True
    cur, digits = amounts[-1], len(rate.group(1).split(".")[1]) if "." in rate.group(1) else 0
    up, down = cur - change, cur + change
    if up <= 0:
        return True
    return round(change / up * 100, digits) != round(change / down * 100, digits)
