"""Which of the items a question lists rose (or fell) most (行政单位医疗、事业单位医疗、公务员医疗补助这三项中，哪一项比上年
增加得最多): each item's change read as its own question of the unit named — its rise, else its fall — and the items
compared by that signed change, every item's change written into the answer. None when an item's change is not read
(neither a rise nor a fall), when the question ranks by rate or asks the least, or when no item moved the way asked:
the lists the narrative prints answer then (qa/rank_changes.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from index.numbers import halfwidth
from qa.asked_again import named_as_asked
from qa.models import Answer, AnswerRow, Basis
from qa.rank_changes import _AMOUNT, CHANGE_RANK, asks_rise, by_rate, change_words, place
from qa.rank_named import first_citations, listed_items, names_listed, reads_as_item

if TYPE_CHECKING:
    from qa.scope import Scope


def _names(answer: Answer, item: str) -> bool:
    """The answer is the item's: its row or term names it, or the sentence it was read from does before its first
    amount (（19）事业单位医疗支出（2101102）支出90.57万元，比上年增加…)."""
    return reads_as_item(answer, item) or any(
        b.part == "sentence" and names_listed(b.text[:m.start()] if (m := _AMOUNT.search(b.text)) else b.text, item)
        for b in answer.basis)


def _change_of(item: str, of: str, read: Callable[[str], Answer]) -> tuple[float, Answer] | None:
    """The item's change over the year before, signed (a fall below zero), with the answer it was read from."""
    for way, sign in (("增加", 1.0), ("减少", -1.0)):
        a = read(f"{of}{item}比上年{way}了多少")
        if a.answered and a.value is not None and a.unit == "万元" and _names(a, item):
            return sign * a.value, a
    return None


def ranked_named_by_change(question: str, sc: Scope, k: int, read: Callable[[str], Answer]) -> Answer | None:
    """The listed item that rose (or fell) most, or at the place asked (增加额排第二)."""
    q = halfwidth(question)
    asked = CHANGE_RANK.search(q)
    items = listed_items(question)
    if asked is None or not items or len(sc.keys) != 1 or not sc.named or asked.group("least") or by_rate(q, asked)[0]:
        return None
    up = asks_rise(asked)
    of = named_as_asked(question, sc) + "".join(f"{y}年" for y in sc.years)
    changes = [_change_of(item, of, read) for item in items]
    if any(c is None for c in changes):
        return None  # (an item whose change is not read: no ranking of the list)
    order = sorted(range(len(items)), key=lambda i: changes[i][0], reverse=up)
    at = place(asked)
    if at > len(items):
        return None
    top = order[at - 1]
    value, answer = changes[top]
    if (value <= 0) if up else (value >= 0):
        return None  # the item at that place did not move the way asked
    way, word = change_words(up, False)
    shown = "，".join(f"{items[i]}{changes[i][0]:+,.2f}" for i in range(len(items)))
    place_word = word if at == 1 else f"{way}额第{at}"
    text = (f"问题列出的{len(items)}项中，比上年{place_word}的是“{items[top]}”，{way}{abs(value):,.2f}万元"
            f"（各项比上年的变化，万元：{shown}）。")
    rows = [AnswerRow(entity=item, value=round(c[0], 4), unit="万元", source=c[1].citations[0].source,
                      page=c[1].citations[0].page, table=c[1].table, row=c[1].row, column=c[1].column)
            for item, c in zip(items, changes) if c[1].citations]
    cites = first_citations([changes[i][1] for i in order])  # (the item answered first)
    return Answer(question=question, answer=text, value=round(abs(value), 4), unit="万元", citations=cites[:max(k, 1)],
                  mode="structured", table=answer.table, row=answer.row, column=answer.column, rows=rows,
                  confidence=min(c[1].confidence for c in changes),
                  basis=[Basis(part="row", text=items[top], words=[f"{word}: {abs(value):,.2f}"])] +
                  [b for c in changes for b in c[1].basis if b.part != "entity"])
