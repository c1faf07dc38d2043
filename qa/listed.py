"""The largest or smallest item of a list the narrative prints ("…人口普查专项经费9,000.00万元，主要包括：入户登记项目
5,500.00万元…；数据处理项目3,500.00万元…"), or of the counts it lists ("共有车辆70辆，其中业务用车17辆，…应急保障用车27辆"),
as an answer with every item a row: for a "which is largest" that no table ranks (qa/rank.py ranks tables;
qa/items.py reads the lists)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.basis import shared_words
from qa.citations import cite
from qa.models import Answer, AnswerRow, Basis
from qa.question import MEASURE, MEASURES

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope


def in_narrative(question: str, sc: Scope, retriever: Retriever, op: str, k: int, n: int = 1,
                 rest: str = "") -> Answer | None:
    """The largest/smallest (or n-th largest/smallest) item of a list the narrative prints (qa.item_lists.ranked_list),
    when no table ranks it; with `rest`, the follow-ups the list answers (its share of the amount the head prints,
    its lead over the next)."""
    from qa.item_lists import ranked_list
    from qa.rank import BEHIND
    from qa.rank_asks import GAP_ASKED, SHARE_ASKED, gap_asked_last
    from qa.retrieve import Hit

    found = ranked_list(question, sc, retriever, op)
    if found is None:
        return counted(question, sc, retriever, op, n)
    if len(found.items) < max(n, 2) or \
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
    text = f"{head}所列各项中金额{word}的是“{own(top)}”，{top.value:,.2f}万元（文中所列）"
    value, unit = top.value, "万元"
    if SHARE_ASKED.search(rest):
        # (of the amount the head prints, which its items add up to at most: a list's sum may leave items out)
        whole = _head_amount(found.head, found.chunk.text)
        if whole is None or sum(i.value for i in found.items) > whole + 0.01 * len(found.items) or top.value >= whole:
            return None  # no whole printed for the share asked: the item's amount is no answer to it
        value, unit = round(100.0 * top.value / whole, 2), "%"
        of = re.sub(r"^[（(]?[\d一二三四五六七八九十]+[）).、]\s*", "", head)  # (1.精准预报: its number is no name)
        text += f"，占{of}{whole:,.2f}万元的{value:.2f}%（{top.value:,.2f} ÷ {whole:,.2f}，由文中数字计算）"
    if GAP_ASKED.search(rest) and n < len(found.items):
        after = found.items[n]
        text += f"，比其后的“{own(after)}”（{after.value:,.2f}万元）多{abs(top.value - after.value):,.2f}万元"
        if gap_asked_last(rest):
            value, unit = round(abs(top.value - after.value), 4), "万元"
    return Answer(question=question, answer=text + "。",
                  value=value, unit=unit, citations=[first], mode="extractive", row=own(top), rows=rows,
                  confidence=found.share,
                  basis=[Basis(part="sentence", text=found.head, words=shared_words(question, found.head)),
                         Basis(part="row", text=own(top), words=[f"{word}: {top.value:,.2f}"])])


def _head_amount(head: str, text: str) -> float | None:
    """The amount the passage prints right after a list's head, for the whole it lists (1.精准预报1,357.00万元，主要
    包括：…)."""
    m = re.search(re.escape(halfwidth(head).strip()) + r"([\d,]+(?:\.\d+)?)万元", re.sub(r"\s+", "", halfwidth(text)))
    return float(m.group(1).replace(",", "")) if m else None


# One count of a list: the words since the last clause mark, then the number and its measure word.
_COUNT_ITEM = re.compile(r"([^，,、；;：:。（）()\d]{1,16}?)(\d+)\s*([" + MEASURES + r"])")
_COUNTED_KIND = re.compile(r"哪一?[类种个项](\w)")  # 哪一类车: what the counts are of (车)


def counted(question: str, sc: Scope, retriever: Retriever, op: str, n: int = 1) -> Answer | None:
    """The largest/smallest (or n-th) of the counts a sentence lists after its total ("其中业务用车17辆，…"), in the
    measure word the question asks (几辆): the list whose sentence says most of the question's characters, when no other
    list says as many."""
    from qa.items import LIST_HEAD
    from qa.rank import one_document
    from qa.retrieve import Hit

    asked = MEASURE.search(question)  # (a count asked, 有几辆: counts in that measure word, not amounts of money)
    if len(sc.keys) != 1 or asked is None:
        return None
    measure = asked.group(1)
    kind = _COUNTED_KIND.search(question)
    _, _, chunks = one_document(sc, retriever)
    wanted = set(re.sub(r"[^\u4e00-\u9fff]|哪|一|类|最|多|少|有|几|是|的", "", question))
    found = []
    for chunk in chunks:
        if chunk.kind != "paragraph":
            continue
        for sentence in re.split(r"(?<=[。；;])", halfwidth(chunk.text)):
            head = LIST_HEAD.search(sentence)
            items = [(int(m.group(2)), m.group(1).strip()) for m in _COUNT_ITEM.finditer(sentence, head.end())
                     if m.group(3) == measure] if head else []
            if len(items) < 2 or (kind and not all(kind.group(1) in name for _, name in items)):
                continue  # (a list of what the question counts: 哪一类车 ranks names of cars)
            found.append((len(wanted & set(sentence[:head.start()])), sentence, items, chunk))
    found.sort(key=lambda f: -f[0])
    if not found or len(found) > 1 and found[1][0] == found[0][0]:
        return None  # no list, or two that the question fits as well: no reading of which is meant
    _, sentence, items, chunk = found[0]
    items.sort(key=lambda t: t[0], reverse=op != "min")
    if len(items) < max(n, 2) or n < len(items) and items[n - 1][0] == items[n][0]:
        return None  # fewer items than the rank asked, or a tie at it
    value, name = items[n - 1]
    word = ("最少" if op == "min" else "最多") if n == 1 else f"第{n}{'少' if op == 'min' else '多'}"
    first = cite(Hit(chunk, 1.0))
    rows = [AnswerRow(entity=x, value=v, unit=measure, source=first.source, page=first.page, row=x)
            for v, x in items[:10]]
    return Answer(question=question, answer=f"文中所列各项中{word}的是“{name}”，{value}{measure}（{sentence.strip()}）",
                  value=float(value), unit=measure, citations=[first], mode="extractive", row=name, rows=rows,
                  confidence=0.6,
                  basis=[Basis(part="sentence", text=sentence.strip(), words=shared_words(question, sentence)),
                         Basis(part="row", text=name, words=[f"{word}: {value}{measure}"])])
