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


def names_of(answer: Answer) -> str:
    """What the answer's figure is named by: its row and column, or the clause of its text stating the figure
    (in 万元 or in 元), else its whole text."""
    if answer.row:
        return f"{answer.row}{answer.column or ''}"
    text = halfwidth(answer.answer)
    if answer.value is not None:
        clause = next((c for c in _CLAUSE.split(text) if figure_at(c, answer.value, in_yuan=True)), None)
        if clause is not None:
            # (a list of figures apart by 、, 货物类965.57万元、服务类8528.13万元: the part holding the figure)
            return next((p for p in clause.split("、") if figure_at(p, answer.value, in_yuan=True)), clause)
    return text


def said_left_out(question: str, answer: Answer) -> list[str]:
    """The things the question says it does not ask that the answer's own names say."""
    names = clean(names_of(answer))
    left = not_asked(question)
    said = [w for w in left if any(len(x) >= 2 and x in names for x in _objects(clean(w)))]
    # (…or a sentence that shares no word with the question but the thing left out: 公车以外的交通开销 answered
    # from a sentence on buying 公车, which it matched by 公车 alone)
    shared = [clean(w) for b in answer.basis if b.part == "sentence" for w in b.words if len(clean(w)) >= 2]
    things = [clean(x) for x in left]
    if not said and shared and all(any(w in x or x in w for x in things) for w in shared):
        said = left
    return said


# A verb of paying or buying before the thing left out (买服务, 请专家, 发补贴): the thing is its object.
_PAYING = re.compile(r"^(?:购买|购置|买|花在|花|用在|用于|用|发给|发|交|付|给|请|租)")


def _objects(thing: str) -> list[str]:
    """The thing as the question says it, and without a verb of paying before it (买服务 → 服务)."""
    rest = _PAYING.sub("", thing)
    return [thing] + ([rest] if rest != thing else [])
