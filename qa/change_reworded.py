"""A change asked in other words (出国考察的钱比上一年砍掉了多少), answered as asked again in the documents' term as a
change (因公出国（境）费比上一年砍掉了多少: qa.asked_again keeps the change), no surer than the reading."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from index.numbers import halfwidth
from qa.models import Answer, Basis
from qa.nearest_term import near_confidence, read_near, said_near
from qa.offterm import off_term
from qa.question import YEAR_BASE

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope


def change_reworded(question: str, mapped: tuple[str, list[Basis]], read: Callable[[str], Answer], sc: Scope,
                    retriever: Retriever, rare: dict) -> Answer | None:
    """A change question answered as asked again in the documents' term (`mapped`: qa.reword.reading), by `read`:
    its figure, as sure as the reading (the encoder's nearest term alone: near_confidence) and said to be read so;
    None when the term's figure leaves a word of the question unsaid that the documents say elsewhere
    (qa/offterm.py), or when nothing answers."""
    again, term = mapped
    answer = read(again)
    if not answer.answered or answer.value is None:
        return None
    if off_term(question, term[0].text, f"{answer.table or ''}{answer.row or ''}{answer.column or ''}{answer.answer}",
                sc, retriever, rare):
        return None
    answer.question = question
    answer.basis = term + answer.basis
    if near := read_near(term):
        answer.confidence = min(answer.confidence, near_confidence(near))
        answer.answer = said_near(term[0].text, answer.answer)
    return answer


def rate_reworded(question: str, reading: Callable[[], tuple], read: Callable[[str], Answer], sc: Scope,
                  retriever: Retriever, rare: dict) -> Answer | None:
    """A rate of change asked in other words (开会的钱比上一年砍掉了百分之几): asked again in the documents' term
    (`reading`: qa.reword.reading, called only for such a question), its printed rate (会议费…减少91.52%); None
    unless the question asks a change over a year and the reading names a term it does not say."""
    if not re.search(YEAR_BASE, halfwidth(question)):
        return None
    mapped = reading()[0]
    if mapped is None or mapped[1][0].text in question:
        return None
    answer = change_reworded(question, mapped, read, sc, retriever, rare)
    return answer if answer is not None and answer.unit == "%" else None
