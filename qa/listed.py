"""The largest or smallest item of a list the narrative prints ("…人口普查专项经费9,000.00万元，主要包括：入户登记项目
5,500.00万元…；数据处理项目3,500.00万元…"), as an answer with every item a row: for a "which is largest" that no
table ranks (qa/rank.py ranks tables; qa/items.py reads the lists)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.basis import shared_words
from qa.citations import cite
from qa.models import Answer, AnswerRow, Basis

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope


def in_narrative(question: str, sc: Scope, retriever: Retriever, op: str, k: int, n: int = 1) -> Answer | None:
    """The largest/smallest (or n-th largest/smallest) item of a list the narrative prints (qa.items.ranked_list),
    when no table ranks it."""
    from qa.items import ranked_list
    from qa.rank import BEHIND
    from qa.retrieve import Hit

    found = ranked_list(question, sc, retriever, op)
    if found is None or len(found.items) < max(n, 2) or \
            abs(found.items[n - 1].value - (found.items[n].value if n < len(found.items) else -1.0)) < 0.005:
        return None  # fewer items than the rank asked, or a tie at it: no n-th item to name
    first = cite(Hit(found.chunk, found.share))

    def own(item) -> str:  # the item's own name, without its list's head and the list's punctuation
        name = re.sub(r"^[\s；;：:，,、]*(?:(?:其中|主要|包括|分别为?)+[：:]?\s*)?", "", item.name[len(item.head):])
        return re.sub(r"^[（(]?[\d一二三四五六七八九十]+[）).、]\s*", "", name).strip()

    behind = BEHIND.search(halfwidth(question))
    before = own(found.items[n - 2]) if n > 1 else ""
    if behind and before and behind.group("x") not in before and before not in behind.group("x"):
        return None  # 排在X后面: the item before the one asked is not X in this list
    top = found.items[n - 1]
    word = ("最小" if op == "min" else "最大") if n == 1 else f"第{n}{'小' if op == 'min' else '大'}"
    head = re.sub(r"[\d,.]+\s*万?元.*$", "", found.head).strip("，,：: ")
    rows = [AnswerRow(entity=own(i), value=i.value, unit="万元", source=first.source, page=first.page, row=own(i))
            for i in found.items[:10]]
    return Answer(question=question, answer=f"{head}所列各项中金额{word}的是“{own(top)}”，{top.value:,.2f}万元（文中所列）。",
                  value=top.value, unit="万元", citations=[first], mode="extractive", row=own(top), rows=rows,
                  confidence=found.share,
                  basis=[Basis(part="sentence", text=found.head, words=shared_words(question, found.head)),
                         Basis(part="row", text=own(top), words=[f"{word}: {top.value:,.2f}"])])
