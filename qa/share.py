"""A share the documents do not print, computed from the cells they do: "X占Y的比例" reads X and Y each as a
single question on the documents the question names, and answers X / Y in percent, citing both cells."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.basis import basis_of
from qa.citations import cite
from qa.models import Answer, AnswerRow
from qa.question import POINTER
from qa.scope import without_names

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# "X占Y的比例/比重/百分比/多大比例/百分之几"; the whole may also come first ("Y中X占多大比例").
# (占了/占到: the aspect word is not the whole; 几成: tenths, asked as a percentage)
_SHARE = re.compile(r"^(?P<part>.+?)(?:所)?占(?:了|到|据)?(?P<whole>.*?)(?:的)?(?:多大|多少|几)?"
                    r"(?:比例|比重|百分比|份额|百分之几|百分之多少|成|的?多少)")
# Words pointing at the thing (这一大类, 这一项的: qa.question.POINTER), and the year said before it: no words of the
# part or the whole. (A bracket stays: 全部支出（各类资金都算上） says which table's total, which a reading without it
# would lose.)
_FRAMES = re.compile(r"20\d\d\s*年度?")
_EDGE = "，,。、；;：: ()（）"
_SCOPE = re.compile(r"[（(]?(?:本级|汇总)[）)]?")
_LEAD = re.compile(r"^(?:其中|那么|请问)")


def parts(question: str) -> tuple[str, str] | None:
    """(part, whole) of a share question, or None when it is not one."""
    m = _SHARE.search(halfwidth(question))
    if not m:
        return None
    part, whole = m.group("part").strip(_EDGE), m.group("whole").strip(_EDGE + "的")
    inside = re.fullmatch(r"(?P<a>.+?)[，,]?在(?P<b>.+?)[中里内]", part) if not whole else None
    if inside:
        part, whole = inside.group("a"), inside.group("b")  # "A在B里占多大比例"
    if not whole:
        # "收入预算中一般公共预算拨款占多大比例": the whole is what the part is said to be in.
        split = re.split(r"[中里内]", part, maxsplit=1)
        if len(split) != 2:
            return None
        whole, part = (x.strip(_EDGE) for x in split)
    part = _LEAD.sub("", part)
    part, whole = (_SCOPE.sub("", x).strip(_EDGE) for x in (part, whole))
    # each said in its own clause, after what frames it, and without the words pointing at it
    part, whole = (POINTER.sub("", re.split(r"[，,]", _FRAMES.sub("", x).strip(_EDGE))[-1]).strip(_EDGE + "的")
                   for x in (part, whole))
    # 全部支出, 总支出, 支出总额: the whole said as people say it is the documents' 支出总计
    whole = re.sub(r"^(?:全部|所有|总)(收入|支出)$|^(收入|支出)(?:总额|总数|合计)$", lambda m: (m.group(1) or m.group(2)) + "总计",
                   whole)
    return (part, whole) if len(part) >= 2 and len(whole) >= 2 else None


def computed_share(question: str, sc: Scope, retriever: Retriever, k: int) -> Answer | None:
    """X / Y of one document, both read as amounts; None when either is not found or the whole is zero."""
    from qa.evidence import structured
    from qa.retrieve import totals_of

    asked = parts(without_names(question, retriever.documents(), sc))
    if asked is None or len(sc.keys) != 1:
        return None
    read = []
    # The part is read within its whole ("收入预算中一般公共预算拨款"): a row of the same name under another heading
    # (上年结转 / 一般公共预算拨款) is another figure.
    for phrase in (f"{asked[1]}中{asked[0]}", asked[1]):
        q = f"{phrase}是多少"
        cand = None
        if read and read[0].table:
            # the whole of a part read in a table is first that table's total (工资福利支出 of 基本支出: the 合计
            # row's 基本支出), not a figure of the same name in another table
            cand = structured(q, totals_of([read[0].hit], retriever.chunks()), retriever.terms())
        if cand is None or not cand.value:
            hits = retriever.search(q, 20, docs=sc.keys)
            cand = structured(q, hits + totals_of(hits[:5], retriever.chunks()), retriever.terms())
        if cand is None or cand.unit != "万元":
            return None
        read.append(cand)
    part, whole = read
    if whole.hit.chunk.id != part.hit.chunk.id and whole.hit.chunk.kind == "paragraph":
        # the whole read in a sentence that also states the part (收入预算14,770.62万元，其中一般公共预算拨款
        # 12,672.73万元): the part of that same account, not a cell of another table (财政拨款收支表)
        again = structured(f"{asked[0]}是多少", [whole.hit], retriever.terms())
        if again is not None and again.unit == "万元" and again.hit.chunk.id == whole.hit.chunk.id and \
                abs(again.value - whole.value) > 0.005:
            part = read[0] = again
    if not whole.value or part.value >= whole.value - 0.005:
        return None  # a part as large as its whole, or larger: one of the two was misread (or both are the whole)
    value = round(100.0 * part.value / whole.value, 2)
    text = (f"{asked[0]}占{asked[1]}的{value:.2f}%（{part.value:,.2f}万元 ÷ {whole.value:,.2f}万元；"
            f"文件未直接列出这一比例，由{'同一句中的两个' if part.hit.chunk.id == whole.hit.chunk.id else '两处'}数字计算）。")
    rows = [AnswerRow(entity=name, value=round(c.value, 4), unit=c.unit, source=c.hit.chunk.source,
                      page=c.hit.chunk.page, table=c.table, row=c.row, column=c.column)
            for name, c in zip(asked, read)]
    citations = [cite(c.hit, c.text if c.hit.chunk.kind == "paragraph" else None) for c in read]
    return Answer(question=question, answer=text, value=value, unit="%", citations=citations[:max(k, 2)],
                  mode="structured", rows=rows, confidence=round(min(c.cover for c in read), 3),
                  basis=[b for c in read for b in basis_of(question, c)], table=part.table, row=part.row,
                  column=part.column)
