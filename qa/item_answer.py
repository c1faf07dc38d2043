"""The answer an item of the narrative gives, and a count or rate a sentence states: the figure, its sentence cited
first, the words it shares with the question as its basis."""
from __future__ import annotations

from collections.abc import Callable

from qa.citations import cite
from qa.item_head import head_of_listed
from qa.models import Answer, Basis
from qa.phrase import COMPARED, years_said
from qa.retrieve import Hit
from qa.specific import stated_item


def item_answer(question: str, item, citations: list, k: int, named: list[Basis]) -> Answer:
    """The answer an item of the narrative gives: its amount, its sentence cited first; none when the question asks a
    year beside the document's own (2026年预算里2025年的) that the sentence does not say, save in a comparison: its
    amount is the document's year's."""
    first = cite(Hit(item.chunk, item.share), item.sentence)  # its score: the share of the question's words it says
    rest = [c for c in citations if (c.source, c.page, c.text) != (first.source, first.page, first.text)]
    other = years_said(COMPARED.sub("", question)) - {item.chunk.year}
    if item.chunk.year and other and not any(str(y) in COMPARED.sub("", item.sentence) for y in other):
        return Answer(question=question, answer=f"证据不足：问题问的是{'、'.join(map(str, sorted(other)))}年的数，"
                      f"最接近的一句说的是文件当年的数，未作回答。以下为最接近的段落。", answered=False,
                      citations=[first] + rest[: k - 1], basis=named)
    return Answer(question=question, answer=item.sentence, value=item.value, unit=item.unit,
                  citations=[first] + rest[: k - 1], mode="extractive", confidence=item.confidence,
                  basis=named + [Basis(part="sentence", text=item.sentence, words=list(item.said))])


def count_answer(question: str, counted, citations: list, k: int, named: list[Basis],
                 share: float | None = None) -> Answer:
    """The answer a count or rate the documents state gives: its figure, its sentence cited first."""
    return Answer(question=question, answer=counted.computed + counted.sentence, value=counted.value, unit=counted.measure,
                  citations=[cite(Hit(counted.chunk, 1.0), counted.sentence)] + citations[: k - 1], mode="extractive",
                  confidence=round(min(1.0, counted.score / 3 if share is None else share), 3),
                  basis=named + [Basis(part="sentence", text=counted.sentence, words=list(counted.said))])


def stated_answer(question: str, sc, retriever, citations: list, k: int, named: list[Basis],
                  rare: dict, reading: Callable[[], tuple] | None = None) -> Answer | None:
    """The amount of the narrative item that holds the question's specific words (qa.specific), when no row or
    column answers as asked; none when only the reason it gives for its change says them and the question reads as
    one of the documents' terms (`reading`: qa.reword.reading of it, called when needed): why an amount grew
    (实有在编人员增加) names no thing it is, a term the question asks for (在编人员的奖金: 奖金) does."""
    item = head_of_listed(question, sc, retriever, stated_item(question, sc, retriever, rare))  # (qa/item_head.py)
    if item is None or (item.in_reason and reading is not None and reading()[0] is not None):
        return None
    return item_answer(question, item, citations, k, named)
