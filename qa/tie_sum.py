"""Two terms the encoder cannot tell apart, read as the two things a question adds up: "用水用电一年的开销合起来"
is near 水费 and 电费 alike because it names both, and asks their sum. Read so only when each term, its ending shared
with the other aside (费), is said by the question in its own words (水 of 用水, 电 of 用电) and the question says
it adds up (合起来, 加起来, 一共…). And two terms that, each read in turn, give one and the same figure (行政单位医疗 and
职工基本医疗保险缴费 of one office: the functional and the economic line of the same contribution): which of them
was meant changes nothing. Any other tie stays a decline (qa/nearest_term.py)."""
from __future__ import annotations

import re
from contextvars import ContextVar
from typing import TYPE_CHECKING, Callable

from qa.models import Basis
from qa.vocab import norm

if TYPE_CHECKING:
    from qa.models import Answer
    from qa.retrieve import Retriever
    from qa.scope import Scope

# Set while a tie's terms are read: a term asked again that ties once more is declined there, not read again (the
# same two terms would be asked for without end)
_READING: ContextVar[bool] = ContextVar("reading_tie", default=False)

_ADDS_UP = re.compile(r"合起来|加起来|加在一起|合在一起|合计|一共|总共|共计")


def _stems(a: str, b: str) -> tuple[str, str]:
    """The two terms without the ending they share (水费, 电费 → 水, 电)."""
    a, b = norm(a), norm(b)
    n = 0
    while n < min(len(a), len(b)) - 1 and a[-1 - n] == b[-1 - n]:
        n += 1
    return (a[:len(a) - n], b[:len(b) - n]) if n else (a, b)


def both_asked(question: str, tie: list[str], sc: Scope, read: Callable[[str], Answer]) -> Answer | None:
    """The sum of the two tied terms, read as the question "X和Y加起来是多少" of the units and year it names, when the
    question says each term's own part and adds up; else None."""
    from qa.asked_again import named_as_asked

    if len(tie) != 2 or not _ADDS_UP.search(question):
        return None
    said = norm(question)
    if not all(stem and stem in said for stem in _stems(*tie)):
        return None
    years = "".join(f"{y}年" for y in sc.years)
    found = read(f"{named_as_asked(question, sc)}{years}{tie[0]}和{tie[1]}加起来是多少")
    return found if found.answered and found.value is not None else None


# The confidence of a figure both tied readings give: a guess at the term that cannot miss the figure, but a reading
# the encoder made (as qa.nearest_term.NEAR_READING)
EITHER_READING = 0.5


def either_reads(tie: list[str], read: Callable[[str], Answer]) -> Answer | None:
    """The figure the two tied terms each read (`read`: the question asked again in a term), when both are answered
    with the same non-zero figure in the same unit; else None. A zero says neither item has money there: no answer
    (as a zero read through one near term is none)."""
    if len(tie) != 2:
        return None
    first, second = (read(t) for t in tie)
    if not all(a.answered and a.value for a in (first, second)) or first.unit != second.unit or \
            abs(first.value - second.value) > 0.005:
        return None
    said = f"（问题所说与文件中的“{tie[0]}”和“{tie[1]}”同样相近，两者读出的数相同）"
    return first.model_copy(update={"answer": said + first.answer,
                                    "confidence": min(first.confidence, second.confidence, EITHER_READING),
                                    "basis": [Basis(part="term", text=tie[0], words=[f"近义（与“{tie[1]}”同样相近，两者读出的数相同）"])]
                                    + first.basis + [b for b in second.basis if b not in first.basis]})


def tie_answer(question: str, tie: list[str], sc: Scope, retriever: Retriever,
               read: Callable[[str], Answer]) -> Answer | None:
    """The answer two tied terms still give (`read`: a question answered): their sum when the question adds both up
    (`both_asked`), else the one figure the question asked again in each gives (`either_reads`); None: a decline."""
    from qa.reword import asked_as

    if _READING.get():
        return None
    token = _READING.set(True)
    try:
        return both_asked(question, tie, sc, read) or either_reads(
            tie, lambda term: read(asked_as(question, sc, retriever, term)))
    finally:
        _READING.reset(token)
