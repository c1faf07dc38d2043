"""A question that lists several things and asks them together ("写政府重要文稿、搞调研和办专题培训这一块一共多少")
asks the head of the narrative list whose items pay for them ("4.研究调研活动166.02万元，主要包括：政府重要文稿起草及
调研工作116.3万元…；党建及业务专题培训49.72万元…"), not the one item that says most of its words: the head's amount
holds every item listed under it."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.items import DescribedItem, better_item, items_in, sentence_at
from qa.kept import PLAIN, kept_words

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# The things asked together: 一共, 合计, 加起来, or pointed at as one lot (这一块, 这摊, 那一大类)
_TOGETHER = re.compile(r"一共|合计|总共|共计|加起来|合起来|这一?块|这一?摊|这几项|[这那]一?大?类")
# …or one of them given as an example of what is asked (管好行业（比如医师管理）的那一大类)
_EXAMPLE = re.compile(r"[（(](?:比如|例如|譬如|像|如)([^）)]{2,20})[）)]")
# …and listed one after another
_PARTS = re.compile(r"、|以及|[和及与，,]")


def listed(phrase: str) -> list[str]:
    """The things a phrase lists (写政府重要文稿、搞调研和办专题培训 → three), each saying two meaningful characters."""
    return [p for p in _PARTS.split(phrase) if len(set(p) - PLAIN) >= 2]


def head_of_listed(question: str, sc: Scope, retriever: Retriever, item):
    """The head of the list the item is listed under, when the question asks several things together and another item
    of that list says one of them better than the item does (more of its two-character words); else the item (a
    narrative item of qa.items or qa.specific, or None)."""
    from qa.reword import subject_phrase

    if item is None or not _TOGETHER.search(question) or getattr(item.chunk, "kind", "") != "paragraph":
        return item
    parts = listed(subject_phrase(question, retriever.documents(), sc))
    if len(parts) < 2 and not _EXAMPLE.search(question):
        return item
    text = item.chunk.text
    items = items_in(text)
    mine = next((it for it in items if it.head and abs(it.value - item.value) < 0.005), None)
    head = next((it for it in items if mine and not it.head and it.name == mine.head), None)
    if mine is None or head is None:
        return item
    siblings = [it for it in items if it.head == mine.head and it is not mine]

    def said(part: str, it) -> int:  # the part's two-character words the item's own name and purpose say
        return len(kept_words(part, it.name[len(it.head):] + it.purpose))

    example = any(said(x, mine) for x in _EXAMPLE.findall(question))  # (the item is the example given)
    if not example and not any(max((said(p, s) for s in siblings), default=0) > said(p, mine) for p in parts):
        return item  # (every thing listed is the item's own: the item, as asked)
    return replace(item, value=head.value, sentence=sentence_at(text, head.start, head.name))


def better_or_head(question: str, sc: Scope, retriever: Retriever, cand, found: list[DescribedItem]) -> DescribedItem | None:
    """qa.items.better_item, else the head of the list the sentence's figure read (`cand`) is an item of, when the
    question asks several of the list's things together (see head_of_listed); None when neither reads better."""
    better = better_item(question, sc, retriever, cand, found)
    if better is not None:
        return head_of_listed(question, sc, retriever, better)
    read = DescribedItem(cand.value, cand.text, cand.hit.chunk, said=(), share=round(min(1.0, cand.cover), 3))
    head = head_of_listed(question, sc, retriever, read)
    return head if head is not read else None
