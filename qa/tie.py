"""Two terms the encoder placed equally near a question's words (qa/nearest_term.py): a guess between them is no
answer, unless the document prints the same figure under both (培训费 and 进修及培训, 23.00 each; 对个人和家庭的补助
in one table, 对个人和家庭补助 in another): then the reading does not matter, and the answer says both terms."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from qa.models import Answer, Basis
from qa.nearest_term import NEAR_READING
from qa.reword import asked_as
from qa.vocab import norm

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope


def either_way(question: str, tie: list[str], sc: Scope, retriever: Retriever,
               answer: Callable[[str], Answer]) -> Answer | None:
    """The answer both readings give when they give the same non-zero figure in the same unit, else None. (Two
    wordings of one term, 对个人和家庭补助 and 对个人和家庭的补助, are one reading: the same figure says nothing.)"""
    if len({norm(t).replace("的", "") for t in tie}) < 2:
        return None
    read = [answer(asked_as(question, sc, retriever, term)) for term in tie]
    first = read[0]
    if not all(a.answered and a.value and a.unit == first.unit and abs(a.value - first.value) <= 0.005 for a in read):
        return None
    first.question = question
    first.answer = (f"（问题所说与文件中的“{tie[0]}”和“{tie[1]}”同样相近，两者数字相同，系近义推断）"
                    + first.answer)
    first.confidence = min(first.confidence, NEAR_READING)
    first.basis.insert(0, Basis(part="term", text=tie[0], words=[f"近义，与“{tie[1]}”同样相近，数字相同"]))
    return first
