"""Two figures of one document compared: "X是Y的几倍" (a ratio), "X比Y多多少" (a difference), each side read as a
question of its own in the unit and year the question names, then computed. Either side unread: no answer (one
figure is no answer to a comparison, and a ratio is never answered with an amount)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from qa.models import Answer, AnswerRow, Basis
from index.numbers import halfwidth

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

_SIDE = r"[^，,。？?；;]"
# X (大约/大概) 是 Y 的几倍 / 多少倍
_RATIO = re.compile(rf"(?P<x>{_SIDE}+?)(?:大约|大概|约|差不多)?是(?P<y>{_SIDE}+?)的(?:几|多少)倍")
# X 与/和 Y 之比 / 的比值 / 的倍数
_RATIO_OF = re.compile(rf"(?P<x>{_SIDE}+?)(?:与|和|跟|同)(?P<y>{_SIDE}+?)(?:之比|的比值|的倍数)")
# X 比 Y 多(出)/少/高/低 多少 (not a year's change: 比上年, 比2025年)
_DIFF = re.compile(rf"(?P<x>{_SIDE}+?)比(?!上一?年|去年|前一?年|年初|20\d\d)(?P<y>{_SIDE}+?)"
                   r"(?P<way>多|少|高|低)(?:出来?|了)?(?:多少|几)")
# the asking words around a side (大约, 的部分, 那块): no words of the quantity
_FILLER = re.compile(r"^(?:那么|这样|其中|里面?|中)|(?:的?(?:部分|那块|那部分|那一块|钱|数))$")


def _sides(question: str) -> tuple[str, str, str, str] | None:
    """(what comes before the compared clause, X, Y, ratio|diff), or None when the question compares no two
    figures this way."""
    q = halfwidth(question)
    for op, rx in (("ratio", _RATIO), ("ratio", _RATIO_OF), ("diff", _DIFF)):
        m = rx.search(q)
        if m:
            x, y = (_FILLER.sub("", m.group(g).strip()) for g in ("x", "y"))
            if len(x) >= 2 and len(y) >= 2:
                return q[:m.start("x")], x, y, op
    return None


def compares_items(question: str) -> bool:
    """The question compares two figures it names (X是Y的几倍, X比Y多多少)."""
    return _sides(question) is not None


def items_compared(question: str, sc: Scope, read_one: Callable[[str], Answer]) -> Answer | None:
    """The ratio or difference of two figures of the one document the question names, each read by `read_one`
    (the whole pipeline) as "<unit><year><X>是多少"; None when the question compares no two such figures, or
    either is not read (then the caller declines)."""
    found = _sides(question)
    if found is None or len(sc.keys) != 1:
        return None
    lead, x, y, op = found
    # the clause before names where X and Y are read (部门支出（各类资金都算上），项目支出…): said as "<where>中X",
    # without its asides in brackets
    paused = bool(re.search(r"[，,]\s*$", lead))
    lead = re.sub(r"[（(][^（）()]*[）)]", "", lead).rstrip("，, ")
    # (a where said with its pause keeps it: "一般公共预算支出里，人员经费" run together loses where the thing starts)
    if re.search(r"[里中内]$", lead):
        lead += "，" if paused else ""
    elif lead:
        lead += "中"
    key = next(iter(sc.keys))
    alias = sc.named.get(key, "")
    year = "".join(f"{y}年" for y in sc.years)
    # Y is said bare ("…是基本支出的几倍"): it is read in X's unit and year, after what comes before the clause
    first = read_one(f"{lead}{x}是多少")
    said = halfwidth(lead + x)
    second = read_one(f"{lead}{'' if alias and alias in said else alias}{'' if year and year in said else year}{y}"
                      "是多少")
    sides = (first, second)
    if not all(a.answered and a.value is not None and a.citations and a.citations[0].source in sc.keys
               for a in sides) or first.unit != second.unit or not second.value:
        return None
    if (first.value, first.citations[0].text) == (second.value, second.citations[0].text):
        return None  # both read as one figure: the question's two names were not told apart
    if op == "ratio":
        value, unit = round(first.value / second.value, 4), "倍"
        text = f"{x}是{y}的{value:.2f}倍（{first.value:,.2f} ÷ {second.value:,.2f}{first.unit or ''}）。"
    else:
        value, unit = round(abs(first.value - second.value), 4), first.unit
        more = "多" if first.value >= second.value else "少"
        text = (f"{x}比{y}{more}{value:,.2f}{unit or ''}（{first.value:,.2f} − {second.value:,.2f}，"
                f"同一文件中的两个数字）。")
    rows = [AnswerRow(entity=name, value=a.value, unit=a.unit, source=a.citations[0].source,
                      page=a.citations[0].page, table=a.table, row=a.row, column=a.column)
            for name, a in zip((x, y), sides)]
    return Answer(question=question, answer=text, value=value, unit=unit, mode="structured", rows=rows,
                  citations=[first.citations[0], second.citations[0]], table=first.table, row=first.row,
                  column=first.column, confidence=min(first.confidence, second.confidence),
                  basis=[Basis(part="term", text=x, words=[x]), Basis(part="term", text=y, words=[y])]
                  + first.basis[:1])


def compared(question: str, sc: Scope, retriever: Retriever, read_one: Callable[[str], Answer]) -> Answer | None:
    """Y a unit the document prints as a row (a department's subordinate unit: qa/units.py), else an item of the
    same document: each read, then compared."""
    from qa.units import units_compared

    return units_compared(question, sc, retriever, read_one) or items_compared(question, sc, read_one)
