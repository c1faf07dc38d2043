"""A department's units ranked by an item each one's section of the narrative states ("下面四家预算单位里，在职人员经费
最多的是哪一家"). A department's document (汇总) gives each unit a section headed by its name, opening with the same
sentence in each (X预算…，包括在职人员经费N万元、公用经费…): the item the question names is read in every unit's
section and the sections compared. Used when no table ranks the units."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from index.sections import last_heading
from qa.citations import cite
from qa.models import Answer, AnswerRow, Basis
from qa.phrase import clean, is_unit, norm
from qa.rank import one_document
from qa.rank_asks import AMONG_UNITS, asks_unit, nth, units_counted
from qa.scope import without_names

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

MIN_TERM = 3  # characters of the item's name the question must say (经费 alone names every item)


def _unit_sections(chunks: list, question: str) -> dict[str, list]:
    """Paragraphs by the unit whose section holds them (the last heading of the path, when it names a unit). The
    department's own office (本级, 机关) is one of them only when the question counts the units with it (下面四家预算
    单位 of four sections): otherwise it asks among the units below the office."""
    out: dict[str, list] = {}
    for c in chunks:
        heading = norm(last_heading(c.section))
        if c.kind == "paragraph" and (is_unit(heading) or _OWN.search(heading)):
            out.setdefault(heading, []).append(c)
    if units_counted(question) != len(out):
        out = {u: ps for u, ps in out.items() if not _OWN.search(u)}
    return out


_KIND = re.compile(AMONG_UNITS)  # the kind of unit asked among (各区设的管理局里, 三个中心中)
# the unit's whole budget asked (预算盘子, 预算总额, 总预算)
_WHOLE = re.compile(r"预算(?:总盘子|盘子|总额|总数|规模)|总预算|全年预算|整体预算")
_OWN = re.compile(r"(?:本级|机关)$")  # the own office's heading (市建筑工务署本级, 局机关)


def _term(name: str, asked: str) -> str:
    """The longest ending of an item's name the question says (在职人员经费 of "，包括在职人员经费")."""
    name = clean(name)
    return next((name[i:] for i in range(len(name) - MIN_TERM + 1) if name[i:] in asked), "")


def by_section(question: str, sc: Scope, retriever: Retriever, op: str, k: int) -> Answer | None:
    """The unit whose section states the largest/smallest amount of the item asked (see the module's account);
    None unless every unit's section states it and there are two units or more."""
    from qa.items import items_in, sentence_at
    from qa.retrieve import Hit

    if len(sc.keys) != 1 or not asks_unit(question):
        return None
    key, docs, chunks = one_document(sc, retriever)
    asked = clean(halfwidth(without_names(question, docs, sc)))
    sections = _unit_sections(chunks, question)
    if len(sections) < 2:
        return None
    kind = _KIND.search(halfwidth(question))
    if kind and kind.group(1) not in ("单位", "机构", "部门"):
        # "各区设的管理局里": the units of that kind
        sections = {u: ps for u, ps in sections.items() if u.endswith(kind.group(1))}
        if len(sections) < 2:
            return None
    whole = _WHOLE.search(asked)
    stated: dict[str, dict[str, tuple[float, object, str]]] = {}  # term -> unit -> first amount, passage, sentence
    for unit, paragraphs in sections.items():
        for c in paragraphs:
            for it in items_in(c.text):
                # the unit's whole budget, which its section opens with (X管理局预算2,975.77万元，包括…)
                term = "预算" if whole and clean(it.name).endswith("预算") else _term(it.name, asked)
                if term:
                    sentence = sentence_at(c.text, it.start, it.name)
                    stated.setdefault(term, {}).setdefault(unit, (it.value, c, sentence))
    # the item every unit states, the longest name of those
    every = [t for t, by in stated.items() if len(by) == len(sections)]
    if not every:
        return None
    term = max(every, key=len)
    ranked = sorted(stated[term].items(), key=lambda u: u[1][0], reverse=op != "min")
    at = nth(question)
    if at > len(ranked):
        return None
    ranked = ranked[at - 1:] + ranked[:at - 1]
    unit, (value, _, _) = ranked[0]
    word = ("最少" if op == "min" else "最多") if at == 1 else f"第{at}{'少' if op == 'min' else '多'}"
    rows = [AnswerRow(entity=u, value=round(v, 4), unit="万元", source=c.source, page=c.page, row=term)
            for u, (v, c, _) in ranked]
    term = "预算总额" if term == "预算" else term
    text = f"各单位的{term}中{word}的是“{unit}”，{value:,.2f}万元（" + \
        "，".join(f"{r.entity}{r.value:,.2f}万元" for r in rows) + "，由各单位一节所列数字比较）。"
    return Answer(question=question, answer=text, value=round(value, 4), unit="万元",
                  citations=[cite(Hit(c, 1.0 if i == 0 else 0.0), said)
                             for i, (_, (_, c, said)) in enumerate(ranked)][:max(k, 1)],
                  mode="structured", rows=rows, confidence=0.9, row=unit,
                  basis=[Basis(part="row", text=term, words=[term]),
                         Basis(part="sentence", text=unit, words=[f"{word}: {value:,.2f}"])])
