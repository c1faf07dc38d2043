"""A share the documents do not print, computed from the cells they do: "X占Y的比例" reads X and Y each as a
single question on the documents the question names, and answers X / Y in percent, citing both cells."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.basis import basis_of
from qa.citations import cite
from qa.models import Answer, AnswerRow
from qa.question import POINTER
from qa.scope import said_with_own_office, without_names

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# "X占Y的比例/比重/百分比/多大比例/百分之几"; the whole may also come first ("Y中X占多大比例").
# (占了/占到: the aspect word is not the whole; 几成: tenths, asked as a percentage)
# (X占比是多少: the whole is what X is said to be in)
_SHARE = re.compile(r"^(?P<part2>.+?)(?:的)?占比(?:是|为|有)?(?:多少|多大|几)|"
                    r"^(?P<part>.+?)(?:所)?占(?:了|到|据)?(?P<whole>.*?)(?:的)?(?:多大|多少|几)?"
                    r"(?:比例|比重|百分比|份额|百分之几|百分之多少|成|的?多少)")
# Words pointing at the thing (这一大类, 这一项的: qa.question.POINTER), and the year said before it: no words of the
# part or the whole. (A bracket stays: 全部支出（各类资金都算上） says which table's total, which a reading without it
# would lose.)
_FRAMES = re.compile(r"20\d\d\s*年度?")
_EDGE = "，,。、；;：: ()（）"
_SCOPE = re.compile(r"[（(]?(?:本级|汇总)[）)]?")
_LEAD = re.compile(r"^(?:其中|那么|请问)")


def _balanced(text: str) -> str:
    """The text with the bracket its edge lost closed again (全部支出（各类资金都算上）: the ） went with the edge)."""
    return text + ")" if text.count("(") > text.count(")") else text


# A whole said as the table's whole in everyday words (总盘子, 合计, 全部…): the total of the part's own table.
_WHOLE_WORDS = re.compile(r"合计|总计|盘子|总额|总数|全部|所有|整体|整个|一共|总共")


# "Y（里），有百分之多少是X": the whole first, then the share of it the part is
_SHARE_OF = re.compile(r"^(?P<whole>.+?)(?:里|中|当中)?[，,]\s*(?:其中)?(?:约|大约)?有?(?:百分之多少|百分之几|多大比例|多少比例|几成)"
                       r"(?:的钱|的资金|的部分)?(?:是|为|属于|来自|用于|用在|花在)(?P<part>[^？?。，,]{2,})")


def parts(question: str) -> tuple[str, str] | None:
    """(part, whole) of a share question, or None when it is not one."""
    m = _SHARE.search(halfwidth(question))
    if not m and (of := _SHARE_OF.search(halfwidth(question))):
        part, whole = (_balanced(POINTER.sub("", _FRAMES.sub("", of.group(x))).strip(_EDGE + "的"))
                       for x in ("part", "whole"))
        return (part, whole) if len(part) >= 2 and len(whole) >= 2 else None
    if not m:
        return None
    part, whole = (m.group("part") or m.group("part2")).strip(_EDGE), (m.group("whole") or "").strip(_EDGE + "的")
    # (a bracket closed before anything opened it is the rest of a name taken out: 深圳建筑工务署（全署）)
    part, whole = (re.sub(r"^[^()]*\)", "", x).strip(_EDGE) for x in (part, whole))
    inside = re.fullmatch(r"(?P<a>.+?)[，,]?在(?P<b>.+?)[中里内]", part) if not whole else None
    if inside:
        part, whole = inside.group("a"), inside.group("b")  # "A在B里占多大比例"
    if not whole:
        # "收入预算中一般公共预算拨款占多大比例": the whole is what the part is said to be in.
        # (of frames each closed by a comma, the last is the nearest whole: 一般公共预算里，工资福利中，津贴补贴)
        framed = list(re.finditer(r"[中里内](?=[，,])", part))
        split = [part[:framed[-1].start()], part[framed[-1].end():]] if framed else \
            re.split(r"[中里内]", part, maxsplit=1)
        if len(split) != 2:
            return None
        whole, part = (x.strip(_EDGE) for x in split)
        inner = re.fullmatch(r"(?P<w>[\u4e00-\u9fff“”\"]{2,}?)(?:当中|中|里)(?P<p>[\u4e00-\u9fff“”\"]{2,})", part) \
            if framed else None
        if inner:
            # "…表里，一般公共服务支出中项目支出占…": the nearest whole is the one the part is said in, read where
            # the frame says (the table's row, not the table's total)
            whole, part = f"{whole}里{inner.group('w')}", inner.group("p")
    part = _LEAD.sub("", part)
    part, whole = (_SCOPE.sub("", x).strip(_EDGE) for x in (part, whole))
    # "“三公”经费里，出国那块占总数的百分之几": the clause saying where the part is read is the whole a whole-word
    # (总数, 总盘子, 全部) means, and the part is read within it
    frame = re.match(r"^(?P<f>[^，,]{2,30}?)(?:里|中|当中|内)[，,]\s*(?P<p>.+)$", _FRAMES.sub("", part))
    where = POINTER.sub("", frame.group("f")) if frame else ""
    # (…or only the words pointing back at the frame: 粮油物资储备支出里，储备粮油补贴占这一类的百分之几)
    pointed = bool(whole) and not POINTER.sub("", whole).strip(_EDGE + "的")
    if (_WHOLE_WORDS.search(whole) or pointed) and len(where.strip(_EDGE)) >= 2:
        whole, part = where.strip(_EDGE + "的"), frame.group("p")
    # each said in its own clause, after what frames it, and without the words pointing at it
    part, whole = (_balanced(POINTER.sub("", re.split(r"[，,]", _FRAMES.sub("", x).strip(_EDGE))[-1]).strip(_EDGE + "的"))
                   for x in (part, whole))
    # 全部支出, 总支出, 支出总额: the whole said as people say it is the documents' 支出总计
    whole = re.sub(r"^(?:全部|所有|总)(收入|支出)$|^(收入|支出)(?:总额|总数|合计)$", lambda m: (m.group(1) or m.group(2)) + "总计",
                   whole)
    return (part, whole) if len(part) >= 2 and len(whole) >= 2 else None


def computed_share(question: str, sc: Scope, retriever: Retriever, k: int,
                   ask: Callable[[str], Answer] | None = None) -> Answer | None:
    """X / Y of one document, both read as amounts; None when either is not found or the whole is zero. `ask`:
    the whole single-question reading, by which X and Y are read as questions of their own when no cell or
    sentence reads as either here (全部预算: the budget said whole, qa/whole.py; a term the asker's words mean)."""
    asked = parts(without_names(question, retriever.documents(), sc))
    if asked is None or len(sc.keys) != 1:
        return None
    if either := _EITHER.fullmatch(asked[0]):
        # "A和B哪个多？多的那块占C的百分之几": the share of each, and the larger's (or the smaller's) is asked
        shares = [a for x in ("a", "b") if (a := computed_share(question.replace(asked[0], either.group(x)), sc,
                                                                retriever, k, ask)) is not None]
        if len(shares) != 2 or shares[0].value == shares[1].value:
            return None
        return (max if either.group("more") else min)(shares, key=lambda a: a.value)
    return _from_cells(question, asked, sc, retriever, k) or \
        (_from_answers(question, asked, sc, retriever, ask) if ask is not None else None)


# The part said as the larger or smaller of two things named (人员经费和公用经费多的那块: 那块 already taken out).
_EITHER = re.compile(r"(?P<a>[^和与跟、]{2,}?)(?:和|与|跟)(?P<b>[^和与跟、]{2,}?)(?:两者|两项|之中|中|里)?(?:哪个|哪项|哪一项)?"
                     r"较?(?:(?P<more>多|大|高)|少|小|低)的?")


def _from_cells(question: str, asked: tuple[str, str], sc: Scope, retriever: Retriever, k: int) -> Answer | None:
    """The share read from the cells and sentences that name its part and whole."""
    from qa.evidence import structured
    from qa.retrieve import totals_of

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
                # …then a row of that table the whole names, said with what qualifies it or without (工资福利 of
                # 津贴补贴: the class row 工资福利支出 above it), not a figure of the same name in another table
                cand = _row_named(_head(phrase), read[0], retriever)
        if cand is None or not cand.value:
            cand = _read(q, sc, retriever)
        if cand is None and _head(phrase) != phrase:
            cand = _read(f"{_head(phrase)}是多少", sc, retriever)
        if cand is None:
            # said in other words than the documents' (“三公”经费中公车这一块): read in the term they mean, as a
            # figure asked alone is (qa.reword)
            cand = _reworded(q, sc, retriever)
        if read and (cand is None or not cand.value):
            cand = _table_whole(asked[1], read[0], retriever)
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
    if whole.value and part.value >= whole.value - 0.005:
        # the part read as its whole (财政拨款“三公”经费中出国费用: the sentence of the 三公 total): read again with
        # the comma that makes the part the thing asked within the whole (qa.evidence: "Y中，X是多少")
        again = _read(f"{asked[1]}中，{asked[0]}是多少", sc, retriever)
        if again is not None and again.unit == "万元" and again.value < whole.value - 0.005:
            part = read[0] = again
    if not whole.value or part.value >= whole.value - 0.005:
        return None  # a part as large as its whole, or larger: one of the two was misread (or both are the whole)
    if not part.value and (part.hit.chunk.source, part.table) != (whole.hit.chunk.source, whole.table):
        return None  # nothing, read in another table than the whole: a row of another account that names the part
    value = round(100.0 * part.value / whole.value, 2)
    same = ("同一行" if part.hit.chunk.kind == "row" else "同一句") + "中的两个" \
        if part.hit.chunk.id == whole.hit.chunk.id else "两处"
    text = _said(asked, value, part.value, whole.value, f"由{same}数字计算") + "。"
    rows = [AnswerRow(entity=name, value=round(c.value, 4), unit=c.unit, source=c.hit.chunk.source,
                      page=c.hit.chunk.page, table=c.table, row=c.row, column=c.column)
            for name, c in zip(asked, read)]
    citations = [cite(c.hit, c.text if c.hit.chunk.kind == "paragraph" else None) for c in read]
    return Answer(question=question, answer=text, value=value, unit="%", citations=citations[:max(k, 2)],
                  mode="structured", rows=rows, confidence=round(min(c.cover for c in read), 3),
                  basis=[b for c in read for b in basis_of(question, c)], table=part.table, row=part.row,
                  column=part.column)


def _from_answers(question: str, asked: tuple[str, str], sc: Scope, retriever: Retriever,
                  ask: Callable[[str], Answer]) -> Answer | None:
    """The share of two figures each read as a question of its own about the unit and year asked (the part within
    its whole first, then alone): both answered, in 万元, the part smaller than the whole and not nothing."""
    key = next(iter(sc.keys))
    said = sc.named.get(key)
    if not said:
        return None
    own = "（本级）" if said_with_own_office(question, said) else ""
    years = "".join(f"{y}年" for y in sc.years)

    def read(*phrases: str) -> Answer | None:
        for phrase in phrases:
            answer = ask(f"{said}{own}{years}{phrase}是多少")
            if answer.answered and answer.value is not None and answer.unit == "万元" and answer.citations:
                return answer
        return None

    whole = read(asked[1])
    part = read(f"{asked[1]}中{asked[0]}", asked[0]) if whole is not None else None
    if part is None or not part.value or not whole.value or part.value >= whole.value - 0.005:
        return None
    value = round(100.0 * part.value / whole.value, 2)
    text = _said(asked, value, part.value, whole.value, f"由两处数字计算：{part.answer}{whole.answer}")
    rows = [AnswerRow(entity=name, value=round(a.value, 4), unit=a.unit, source=a.citations[0].source,
                      page=a.citations[0].page, table=a.table, row=a.row, column=a.column)
            for name, a in zip(asked, (part, whole))]
    basis = list({(b.part, b.text): b for b in part.basis + whole.basis}.values())  # (the unit's basis once)
    return Answer(question=question, answer=text, value=value, unit="%",
                  citations=[part.citations[0], whole.citations[0]], mode="structured", rows=rows,
                  confidence=min(part.confidence, whole.confidence), basis=basis, table=part.table, row=part.row,
                  column=part.column)


def _said(asked: tuple[str, str], value: float, part: float, whole: float, how: str) -> str:
    """The share said: part of whole, its percentage, the two amounts, and how it was computed."""
    return (f"{asked[0]}占{asked[1]}的{value:.2f}%（{part:,.2f}万元 ÷ {whole:,.2f}万元；文件未直接列出这一比例，"
            f"{how}）")


def _row_named(whole: str, part, retriever: Retriever):
    """The row of the part's table whose label holds the whole's words and whose figure in the part's column is
    larger (工资福利 for 津贴补贴: the class row 工资福利支出 above it); None unless exactly one label does."""
    from qa.phrase import clean
    from qa.retrieve import table_rows

    if part.hit.chunk.kind != "row" or len(said := clean(whole)) < 2:
        return None
    found = {}
    for h in table_rows([part.hit], retriever.chunks()):
        fact = next((f for f in h.chunk.facts or () if f["column"] == part.column), None)
        if h.chunk.id != part.hit.chunk.id and said in clean(h.chunk.label or "") and fact is not None and \
                fact["value"] and fact["value"] > part.value + 0.005:
            found.setdefault(h.chunk.label, (h.chunk, fact["value"]))
    if len(found) != 1:
        return None
    row, value = next(iter(found.values()))
    return _cell(part, row, part.column, value)


def _head(phrase: str) -> str:
    """The thing a phrase said with what qualifies it names (发给在编人员的工资福利: the words after its last 的)."""
    head = phrase.rsplit("的", 1)[-1]
    return head if len(head) >= 2 else phrase


def _read(q: str, sc: Scope, retriever: Retriever):
    """The figure a question reads as, among the named documents' passages and their tables' totals."""
    from qa.evidence import structured
    from qa.retrieve import totals_of

    hits = retriever.search(q, 20, docs=sc.keys)
    return structured(q, hits + totals_of(hits[:5], retriever.chunks()), retriever.terms())


def _reworded(q: str, sc: Scope, retriever: Retriever):
    """The figure a question reads as once its words are read in the documents' term (qa.reword), or None."""
    from qa.reword import reword

    mapped = reword(q, sc, retriever)
    return _read(mapped[0], sc, retriever) if mapped is not None else None


def _table_whole(whole: str, part, retriever: Retriever):
    """The whole of a part, when the question says it in words no row or sentence prints (项目钱, 总盘子, 合计,
    全部支出（各类资金都算上）): for a part read in a table, and a whole said of that table (a word of its title, or
    a word for a whole), the table's total in the part's column, or, for a cell of the total row itself (合计's
    专项业务经费支出), that row's whole; for a part read in a sentence, the amount the sentence says it is part of."""
    from qa.evidence import column_parts, is_total_row
    from qa.phrase import clean, grams
    from qa.retrieve import totals_of

    chunk = part.hit.chunk
    if chunk.kind == "paragraph" and _WHOLE_WORDS.search(whole):
        return _sentence_whole(part)
    if chunk.kind != "row" or not (_WHOLE_WORDS.search(whole) or grams(clean(whole)) & grams(clean(chunk.table or ""))):
        return None
    if is_total_row(chunk):
        rows, column = [chunk], next((f["column"] for f in chunk.facts if not column_parts(f["column"])), None)
    else:
        rows, column = [h.chunk for h in totals_of([part.hit], retriever.chunks())], part.column
    for row in rows:
        fact = next((f for f in row.facts or () if f["column"] == column), None)
        if fact is not None and fact["value"] and (row is not chunk or column != part.column):
            return _cell(part, row, column, fact["value"])
    return None


def _cell(part, row, column: str | None, value: float):
    """A cell of another row read in place of the part's candidate: its row, column, value and sentence."""
    from dataclasses import replace

    label = f"“{row.label}”" + (f"（{column}）" if column else "")
    return replace(part, value=value, hit=type(part.hit)(row, 0.0), row=row.label, column=column,
                   text=f"{row.table}中{label}为{value:,.2f}万元。")


# "A万元，其中：…B万元": the amount a sentence breaks down, before its 其中
_BROKEN_DOWN = re.compile(r"([\d,]+(?:\.\d+)?)\s*万元[，,；;：:]?\s*其中")


def _sentence_whole(part):
    """The amount the part's sentence breaks down with 其中, before the part's own figure (19,230.18万元，其中：一般公共
    服务支出15,958.96万元 → 19,230.18); None when the sentence breaks none down."""
    from dataclasses import replace

    text = halfwidth(part.hit.chunk.text)
    at = min((i for f in (f"{part.value:,.2f}", f"{part.value:.2f}", f"{part.value:g}") if (i := text.find(f)) >= 0),
             default=-1)
    found = [m for m in _BROKEN_DOWN.finditer(text) if at < 0 or m.end() <= at]
    if not found:
        return None
    value = float(found[-1].group(1).replace(",", ""))
    return replace(part, value=value, text=part.text) if value > part.value else None
