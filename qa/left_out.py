"""An answer named by what the question says it does not ask (资本性支出（不算基本建设那一块）answered from the
资本性支出（基本建设）row; 职业年金（基本养老保险之外的）from the 基本养老保险 line): whichever path read it, the figure
is the other thing's. The answer's own names are its row and column, or the clause of its sentence that holds the
figure (a sentence listing 货物类, 服务类 and 工程类 names each figure by its own clause)."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.models import Answer
from qa.phrase import clean, figure_at
from qa.question import not_asked

_CLAUSE = re.compile(r"[，,；;。]")


def _names_of(answer: Answer) -> str:
    """What the answer's figure is named by: its row and column, or the clause of its text stating the figure
    (in 万元 or in 元), else its whole text."""
    if answer.row:
        return f"{answer.row}{answer.column or ''}"
    text = halfwidth(answer.answer)
    if answer.value is not None:
        clause = next((c for c in _CLAUSE.split(text) if figure_at(c, answer.value, in_yuan=True)), None)
        if clause is not None:
            return clause
    return text


def said_left_out(question: str, answer: Answer) -> list[str]:
    """The things the question says it does not ask that the answer's own names say."""
    names = clean(_names_of(answer))
    return [w for w in not_asked(question) if len(x := clean(w)) >= 2 and x in names]
