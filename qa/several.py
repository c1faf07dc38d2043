"""Several questions in one ("X是多少？比上年少了多少？", "为啥比上年少了？少了多少？"): each answered on its own, the
answer a whole only when every part is answered."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from qa.change import change_beside, change_stated
from qa.models import Answer, AnswerRow
from qa.question import intent

if TYPE_CHECKING:
    from qa.retrieve import Retriever

# A sentence that gives its figure's reason (…减少2925.05万元，主要原因是…).
_GIVES_REASON = re.compile(r"原因|由于|因为|主要是")


def several(question: str, parts: list[str], k: int, retriever: Retriever,
            read: Callable[[str], Answer]) -> Answer:
    """`parts` (aggregate.follow_ups) each answered by `read`; the first figure gives the value, every figure a
    row. A change the documents state beside the first figure answers a change part (before a sentence that only
    shares its words); a "why" is answered by the sentence of the figure it is asked about, when that sentence
    gives its reason."""
    answers = [read(p) for p in parts]
    kinds = [intent(p) for p in parts]
    for i in range(1, len(answers)):
        if kinds[i] == "change" and answers[0].answered:
            # the change of the figure just read: the one its own sentence, or a sentence printing it, states beside
            # it (read alone, "…比上年多了多少" may find the change of another figure that shares its words)
            answers[i] = (change_stated(parts[i], answers[0]) or change_beside(parts[i], answers[0], retriever)
                          or answers[i])
        elif not answers[i].answered and kinds[i] == "percent" and answers[0].answered:
            answers[i] = _rate_stated(parts[i], answers[0]) or answers[i]
    figures = [a for a, kind in zip(answers, kinds) if kind != "reason" and a.answered and a.value is not None]
    stated = next((a for a in figures if _GIVES_REASON.search(a.answer)), None)
    for i, kind in enumerate(kinds):
        if kind == "reason" and stated is not None:
            # (the reason part read on its own may find another sentence sharing its words)
            answers[i] = stated.model_copy(update={"question": parts[i]})
    main = (figures[0] if figures else answers[0]).model_copy(deep=True)
    main.question = question
    main.answer = "；".join(dict.fromkeys(a.answer.rstrip("。") for a in answers)) + "。"  # one sentence may answer both
    for a in answers:
        if a.answered and a.value is not None and a.citations:
            c = a.citations[0]
            row = AnswerRow(entity=a.row or a.question, value=a.value, unit=a.unit, source=c.source, page=c.page,
                            table=a.table, row=a.row, column=a.column)
            if row not in main.rows:
                main.rows.append(row)
    firsts = [a.citations[0] for a in answers if a.citations]
    seen, cites = set(), []
    for c in firsts + main.citations:
        if (c.source, c.page, c.text) not in seen:
            seen.add((c.source, c.page, c.text))
            cites.append(c)
    main.citations = cites[:max(k, len(firsts))]
    # One answer to several questions is an answer only when each of them is answered: a figure with its change
    # missing is half an answer, declined as a whole (the parts answered stay in the text and rows).
    main.answered = all(a.answered for a in answers)
    main.confidence = min(a.confidence for a in answers)
    main.basis = [b for a in answers for b in a.basis]
    return main


_RATE = re.compile(r"(?:增长|下降|增加|减少|上升|降低)了?\s*(\d+(?:\.\d+)?)\s*%")


def _rate_stated(question: str, first: Answer) -> Answer | None:
    """A rate asked after a change (多出来多少？涨了几成？) that the change's own sentence states (…增加289,001.08万元，
    增长50.8%): read from it when it states one."""
    rates = {float(m.group(1)) for m in _RATE.finditer(first.answer)}
    if len(rates) != 1 or not first.citations:
        return None
    return Answer(question=question, answer=first.answer, value=rates.pop(), unit="%", citations=first.citations[:1],
                  mode=first.mode, confidence=first.confidence, basis=first.basis)
