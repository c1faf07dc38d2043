"""The question's own rare words: what a question is about when it names one item of a document in words few
documents of the store use (西九龙, 巡逻船, 编外员额, 骗保). They tell a table term's figure from the item's own
(qa/offterm.py), and they find the sentence that states the item's amount when no row or term answers
(`stated_item`): "（10）编外人员项目44.18万元，用于保障突发中心员额劳务费和体检费的开支" answers a question about the
预警中心编外员额's 劳务费 and 体检."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qa.items import PURPOSE_ONLY, REASON_ONLY
from qa.question import POINTING, where_and_asked

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# A word held by at most this share of the store's documents is specific to what the question is about (西九龙, 骗保,
# 劳务派遣); one that most documents use (人员, 保险, 日常) says nothing about it.
SPECIFIC_SHARE = 0.15
# Below this many documents, how few of them use a word tells nothing: no word is read as specific.
MIN_DOCUMENTS = 10
# Words of when (往年没花完的钱, 历年结余): a time, never a word of one item, however few documents print it.
_WHEN = re.compile(r"(?:往|去|上|今|明|当|历|前|近|早|每)年|以前|之前|以往|过去|年初|年中|年底|年末|年内|全年")
# Verbs of giving (拨给, 发给, 付给, 交给): how money moves to whoever gets it, never a word of one item.
_GIVING = re.compile(r"[\u4e00-\u9fff]给")
# The item stating the amount must hold at least this share of the question's specific words (by rarity).
MIN_SAID = 0.5


def rare_words(question: str, sc: Scope, retriever: Retriever) -> dict[str, tuple[int, list[str]]]:
    """The question's words (its unit, year and asking words aside; two characters or more) that the named documents
    use and at most SPECIFIC_SHARE of the store's documents use: word -> (how many documents use it, the ids of the
    named documents' chunks that hold it)."""
    from index.bm25 import segmenter
    from index.entity import in_order
    from qa.reword import subject_phrase

    docs = retriever.documents()
    if len(docs) < MIN_DOCUMENTS or not sc.keys or len(sc.keys) == len(docs):
        return {}
    chunks = retriever.chunks()
    bm25 = retriever.store.bm25()
    phrase = subject_phrase(question, docs, sc)
    out: dict[str, tuple[int, list[str]]] = {}
    # (…and the units inside their tables the question names: 深圳市环境科学研究院 of 深圳市生态环境局's)
    from qa.unit_row import units_named

    names = [docs[k].get("name") or "" for k in sc.keys if k in docs] + units_named(question, sc.keys, chunks)
    for w in dict.fromkeys(segmenter().cut(phrase)):
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,}", w) or POINTING.fullmatch(w) or _WHEN.fullmatch(w) or \
                _GIVING.fullmatch(w) or any(in_order(w, n) for n in names):
            continue  # (城管 of 城市管理和综合执法局: the unit's own name, said in short, is not what is asked; nor is
            # when, 往年, a word of any one item)
        held = bm25.holders(w)
        owners = {chunks.doc_of(cid) for cid in held}
        mine = [cid for cid in held if chunks.doc_of(cid) in sc.keys]
        if mine and len(owners) <= SPECIFIC_SHARE * len(docs):
            out[w] = (len(owners), mine)
    return out


@dataclass(frozen=True)
class StatedItem:
    value: float
    sentence: str
    chunk: object
    said: tuple[str, ...]  # the question's specific words the item holds
    share: float  # their share of the question's specific words, weighted by rarity
    rest: int  # how many of the question's other characters the item holds (派, 补 of 派到…发补贴 in 派驻人员工作补助)
    unit: str = "万元"  # (an item of the narrative states money)
    in_name: bool = True  # its name says a specific word; else only what it is for does (its amount may pay for more)
    in_reason: bool = False  # only the reason it gives for its change says them (see qa.items.REASON_ONLY)

    @property
    def confidence(self) -> float:
        """The share of the question's specific words it says; at most PURPOSE_ONLY when only what it is for says them,
        at most REASON_ONLY when only why it changed does."""
        return min(self.share, REASON_ONLY) if self.in_reason else \
            self.share if self.in_name else min(self.share, PURPOSE_ONLY)


def stated_item(question: str, sc: Scope, retriever: Retriever,
                rare: dict[str, tuple[int, list[str]]] | None = None) -> StatedItem | None:
    """The amount of the one item (qa.items) of the named documents' narrative that holds most of the question's
    specific words, in its name or in what it is for; None when no item holds enough of them, or when
    items holding as many state different amounts (the same words in two items: which one is asked is a guess)."""
    from qa.items import asks_parts, items_in, named_by, one_of_many, reason_only, sentence_at
    from qa.phrase import PLAN_ASKED, grams
    from qa.kept import PLAIN
    from qa.reword import subject_phrase
    from qa.unit_row import in_other_section, units_named

    rare = rare_words(question, sc, retriever) if rare is None else rare
    if not rare:
        return None
    weight = {w: math.log(1 + len(retriever.documents()) / df) for w, (df, _) in rare.items()}
    total = sum(weight.values())
    chunks = retriever.chunks()
    ids = dict.fromkeys(cid for _, held in rare.values() for cid in held)
    phrase = subject_phrase(question, retriever.documents(), sc)
    others = set(re.findall(r"[\u4e00-\u9fff]", phrase)) - PLAIN - set("".join(rare))
    asked = grams(phrase)
    found: list[StatedItem] = []
    units = frozenset(units_named(question, sc.keys, chunks)) if sc.named else frozenset()
    for cid in ids:
        chunk = chunks[cid]
        if chunk.kind != "paragraph" or in_other_section(chunk, units, sc.keys, chunks):
            continue
        text = chunk.text
        for it in items_in(text, asks_parts(question), bool(PLAN_ASKED.search(question))):
            item = it.name + it.purpose
            said = tuple(w for w in rare if w in item)
            share = sum(weight[w] for w in said) / total
            if one_of_many(said, it.name, it.purpose, lambda use: bool(asked & grams(use))):
                continue  # one of the many uses the item pays for, said alone: its amount is theirs together
            if share >= MIN_SAID:
                found.append(StatedItem(it.value, sentence_at(text, it.start, item), chunk, said, round(share, 3),
                                        len(others & set(item)), in_name=named_by(said, it.name),
                                        in_reason=reason_only(said, it)))
    if not found:
        return None
    # the item saying most of the specific words, then most of the question's other characters; an item and its
    # later mentions may repeat the amount, but another amount as well placed is another item: no guess
    top = max((f.share, f.rest) for f in found)
    best = [f for f in found if (f.share, f.rest) == top]
    if len({f.value for f in best}) > 1:
        return None
    # words said only where the question says to look (福彩公益金的钱里，…留着备用的那部分) name the whole the thing
    # is read in, not the thing (as in qa.items.described_item)
    where, after = where_and_asked(question)
    if where and all(w in where and w not in after for w in best[0].said):
        return None
    return best[0]
