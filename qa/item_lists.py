"""The lists a narrative prints (福利彩票公益金项目19,336.15万元，主要包括：社会公益类项目…；老年人福利类项目…), ranked
for a question whose words their head says (福彩公益金项目中哪一类最多): their items are the narrative items of
qa/items.py under a list head."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.items import ORDINAL, MARGIN, MIN_SHARE, MIN_WORDS, Item, _said, items_in, question_words
from qa.narrative import unit_heading
from qa.unit_row import named_whole

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope


@dataclass(frozen=True)
class RankedList:
    head: str  # the list's head (福利彩票公益金项目…主要包括：)
    items: list[Item]  # its items, largest first (smallest first for a minimum)
    chunk: object
    share: float  # the share of the question's words the head says


def ranked_list(question: str, sc: Scope, retriever: Retriever, op: str) -> RankedList | None:
    """The items of the narrative list whose head says the question's words ("福彩公益金项目中哪一类最多":
    "福利彩票公益金项目19,336.15万元，主要包括：社会公益类项目…；老年人福利类项目…"), ranked; None when no head says
    MIN_SHARE of them in MIN_WORDS words, or two lists' heads say them as well."""
    words = question_words(question, sc, retriever)
    total = sum(w for w, _ in words.values())
    if not total:
        return None
    chunks = retriever.chunks()
    from qa.rank import quoted

    names = quoted(question)
    # (…else read with the unit heading a department's document lists them under: 四、深圳市北部水源工程管理处)
    found = _lists(words, total, chunks, op, names) or _lists(words, total, chunks, op, names, sections=True)
    if not found:
        return None
    found.sort(key=lambda f: -f.share)
    best = found[0]
    rivals = [f for f in found if f.share > best.share - MARGIN and f.items[0].value != best.items[0].value]
    if rivals:
        # lists said as well: the one whose head's own name the question says word for word (“安全生产管理”这个项目,
        # not 安全生产和应急管理专项经费, which says the same words apart)
        verbatim = [f for f in [best] + rivals if _head_name(f.head) and _head_name(f.head) in halfwidth(question)]
        # (…or, of lists alike in each unit's section of a department's document, the one under the unit asked)
        verbatim = verbatim if len(verbatim) == 1 else [
            f for f in verbatim or [best] + rivals if named_whole(unit_heading(f.chunk.section or "") or "", question)]
        return verbatim[0] if len(verbatim) == 1 else None
    return best


def _lists(words: dict, total: float, chunks, op: str, names: list[str], sections: bool = False) -> list[RankedList]:
    """The narrative lists whose head (with `sections`, and its section's heading) says MIN_SHARE of the question's
    words in MIN_WORDS words, each ranked, headed by every name it quotes (“水务工程运行与维护”拆成的几块)."""
    from qa.rank_asks import label_says

    found: list[RankedList] = []
    for cid in dict.fromkeys(cid for _, mine in words.values() for cid in mine):
        chunk = chunks[cid]
        if chunk.kind != "paragraph":
            continue
        lists: dict[str, list[Item]] = {}
        for item in items_in(chunk.text):
            if item.head:
                lists.setdefault(item.head, []).append(item)
        section = unit_heading(chunk.section or "") if sections else ""
        if sections and not section:
            continue  # (a heading that names no unit says nothing of whose lists they are)
        for head, listed in lists.items():
            said, share = _said(words, total, head + section)
            if len(listed) >= 2 and share >= MIN_SHARE and len(said) >= MIN_WORDS and \
                    all(label_says(head, q) for q in names):
                ordered = sorted(listed, key=lambda i: i.value, reverse=op != "min")
                found.append(RankedList(head, ordered, chunk, round(share, 3)))
    return found


def _head_name(head: str) -> str:
    """A list head's own name: without its ordinal, figure and punctuation (1.安全生产管理1,074.77万元 → 安全生产管理)."""
    name = re.sub(r"[\d,.]+\s*[万亿]?元.*$", "", halfwidth(head))
    return ORDINAL.sub("", name.strip(" ，,：:；;")).strip()
