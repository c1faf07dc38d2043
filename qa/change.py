"""A change asked after a figure ("收入预算多少？比上年少了多少？"), read where the documents state it: in the
figure's own sentence, or beside the figure elsewhere. The figure may have been read from a table while the
narrative states it again with its change (收入预算5,093.76万元，比上年增加662.08万元): any sentence of the same
document that prints the figure and, right after it, one change answers, when every such sentence states the same
change and its direction is the one asked."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from qa.citations import cite
from qa.models import Answer, Basis
from qa.narrative import level_before
from qa.phrase import grams
from qa.question import BASED_CHANGE, UNDIRECTED_CHANGE, YEAR_BASE, asked_direction, intent

if TYPE_CHECKING:
    from qa.retrieve import Retriever

_BETWEEN = re.compile(r"[。；;]")  # the figure and its change are in one sentence


_CHANGE_WORDS = re.compile(r"20\d\d\s*年度?|上一?年度?|同比|比|较|增加|减少|增长|下降|上升|降低|提高|本|\s")


def _names_asked(subject: str, question: str) -> bool:
    """Whether a change's subject, less its comparison words, is what the question asks (收入比2025年减少: 收入)."""
    rest = _CHANGE_WORDS.sub("", subject)
    said = grams(rest)
    return len(rest) >= 2 and len(said & grams(re.sub(r"\s", "", question))) >= 0.5 * len(said)


def _restates(subject: str, figure: str) -> bool:
    """A change's subject, less its comparison words, is the figure's own subject (支出决算 of 支出决算比上年增加)."""
    rest = _CHANGE_WORDS.sub("", subject)
    return len(rest) >= 2 and _CHANGE_WORDS.sub("", figure).endswith(rest)


def _bare(subject: str) -> bool:
    """A change said with no subject of its own (。较2025年年初预算增加28.21万元: the sentence after the figure's), whose
    subject is the figure's."""
    return not re.sub(r"年初|年末|预算数?|决算数?|[，,（）()]", "", _CHANGE_WORDS.sub("", subject))


def changes_another(question: str, sentence: str, value: float) -> bool:
    """Whether the change of this value a sentence states is another thing's than the question asks: its subject (or,
    said bare, its figure's: 三公经费预算43.79万元，较年初预算增加6.02万元) not what is asked (公用经费)."""
    from rules.claims import amounts_in

    amounts = amounts_in(sentence)
    for i, a in enumerate(amounts):
        if a.change and abs(a.value - value) < 0.005:
            if _bare(a.subject) and not i:
                return True  # (较上年增加100万元 alone: whose change, the sentence does not say)
            return not _names_asked(amounts[i - 1].subject if _bare(a.subject) else a.subject, question)
    return False


def change_stated(question: str, first: Answer) -> Answer | None:
    """A change asked after a figure ("…多少？比上年多了多少？") that the figure's own sentence states (支出1500万元，
    比上年增加440万元): read from it, when it states one change and its direction is the one asked."""
    from rules.claims import amounts_in

    changes = [a for a in amounts_in(first.answer) if a.change and a.unit in ("万元", "元", "亿元")]
    if len({(a.value, a.change) for a in changes}) != 1 or not first.citations:
        return None  # (one change, perhaps said twice: 比上年增加440万元…较2021年度增加440万元)
    a = changes[0]
    if not asked_direction(question, a.change):
        return None
    return Answer(question=question, answer=first.answer, value=round(a.value, 4), unit="万元",
                  citations=first.citations[:1], mode=first.mode, confidence=first.confidence,
                  basis=[Basis(part="sentence", text=first.answer, words=[a.text])])


def change_beside(question: str, first: Answer, retriever: Retriever) -> Answer | None:
    """The change the documents state beside the first answer's figure (see the module's account), or None."""
    from qa.retrieve import Hit
    from rules.claims import amounts_in

    if first.value is None or first.unit != "万元" or not first.citations:
        return None
    source = first.citations[0].source
    docs, chunks = retriever.documents(), retriever.chunks()
    ids = next((d.get("chunk_ids") or [] for key, d in docs.items() if key == source or d.get("source") == source), [])
    found, restated = [], []
    for cid in ids:
        chunk = chunks.get(cid)
        if chunk is None or chunk.kind != "paragraph":
            continue
        amounts = amounts_in(chunk.text)
        for i, a in enumerate(amounts):
            printed = 0.5 * 10 ** -a.decimals * a.value / a.printed if a.printed else 0.005
            if a.change is not None or abs(a.value - first.value) > max(printed, 0.005):
                continue
            for j, b in enumerate(amounts[i + 1:], start=i + 1):
                # right after the figure in its sentence, or later in the paragraph naming what the question asks
                # (收入比2025年减少…, after the list of the income's parts), or the figure's own subject again
                # (…支出决算627.62万元，完成预算的100%。支出决算比上年增加113.37万元)
                if b.change is None:
                    continue
                if j == i + 1 and (not _BETWEEN.search(chunk.text, a.end, b.start) or _bare(b.subject)) or \
                        _names_asked(b.subject, question):
                    found.append((round(b.value, 4), b.change, chunk, b, a))
                    break
                if _restates(b.subject, a.subject):
                    restated.append((round(b.value, 4), b.change, chunk, b, a))
                    break
    # (a change that restates the figure's subject only when none is said beside it or names what is asked)
    found = found or restated
    if len({(v, s) for v, s, *_ in found}) != 1 or not asked_direction(question, found[0][1]):
        return None
    value, _, chunk, said, figure = found[0]
    # (from the figure's sentence when the change has no subject of its own: what rose is said there)
    start = max([m.end() for m in _BETWEEN.finditer(chunk.text, 0, figure.start if _bare(said.subject) else said.start)]
                + [0])
    end = _BETWEEN.search(chunk.text, said.start)
    sentence = chunk.text[start:end.end() if end else len(chunk.text)].strip() + level_before(chunk.text, figure, said)
    return Answer(question=question, answer=sentence, value=value, unit="万元",
                  citations=[cite(Hit(chunk, 1.0), sentence)], mode="extractive", confidence=first.confidence,
                  basis=[Basis(part="sentence", text=sentence, words=[said.text])])


# The change a question asks, with its base (比上年少了多少, 较2025年年初预算增加多少, 跟去年比变化多大).
ASKED_CHANGE = re.compile(
    r"[，,]?\s*(?:" + YEAR_BASE + r"(?:年初)?(?:预算数?|决算数?)?(?:相比|比较?)?"
    r"[^，,。？?]{0,4}?)?(?:(?:增加|减少|增长|下降|上升|降低|提高|多出来?|少了|[增减降涨升多少高低缩])了?(?:多少|几)|"
    + UNDIRECTED_CHANGE + "|" + BASED_CHANGE + ")")


def level_question(question: str) -> str | None:
    """The question of the level whose change is asked ("支出总计比上年增加多少" → "支出总计是多少"), or None."""
    level = ASKED_CHANGE.sub("", question).rstrip("？?。 ")
    if level == question.rstrip("？?。 ") or len(level) < 4 or intent(level + "是多少") == "change":
        return None
    return level + "是多少"


def change_of_level(question: str, retriever: Retriever, read: Callable[[str], Answer]) -> Answer | None:
    """A change no sentence names in the question's words (支出总计比上年增加多少, while the narrative says 收入预算
    …比2025年增加): the level read as its own question (`read`: the whole single-question reading), then the change
    stated in the level's own sentence or beside its figure (see the module's account)."""
    level = level_question(question)
    if level is None:
        return None
    first = read(level)
    if not first.answered or first.value is None:
        return None
    return change_stated(question, first) or change_beside(question, first, retriever)
