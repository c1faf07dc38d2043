"""A classification's classes ranked by the narrative's coded list of them, when the question names the fund the
list is of: "一般公共预算支出按政府预算经济分类，哪一类最大" read from "（2）…当年一般公共预算支出53,598.71万元，其中：" and
the paragraphs under it, "1.机关工资福利支出（501）4,544.32万元，较上年…", "2.机关商品和服务支出（502）…". Each item's
code (501) says which classification the list is of (qa.rank_codes); the lead paragraph or its section says the fund.
A table that says no fund (a 收支总表 of all funds, split by the same classification) ranks other sums: the list
answers in its place (qa/rank_columns.py)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.document import UNIT_TO_WANYUAN
from index.numbers import halfwidth
from qa.citations import cite
from qa.models import Answer, AnswerRow, Basis
from qa.phrase import FUND
from qa.rank_changes import _AMOUNT, _ORDINAL
from qa.rank_codes import asked_classification, classification_of, same_classification

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# the classes asked (哪一类, 类级科目, 几大类): the lists of 3-digit codes
_CLASSES = re.compile(r"类级|大类|哪一?类|几类|各类")
# an item: its name, its code in brackets, its amount — opening a paragraph (after its ordinal, if any) or after a
# list's marks within one (其中：A（501）2,329.23万元；B（502）…)
_ITEM = re.compile(r"(?:^\s*|[；;：:]\s*)(?P<name>[^；;：:。，,\d（(][^；;：:。，,]*?)[（(](?P<code>\d{3,7})\s*[)）]\s*"
                   r"(?P<amount>[\d,]+(?:\.\d+)?)\s*(?P<unit>万元|元)")
_KINDS = {"功能": "功能分类", "经济3": "部门预算经济分类", "经济5": "政府预算经济分类"}


def _items(text: str) -> list[tuple[str, str, float]]:
    """(name, code, amount in 万元) of the coded items a paragraph prints."""
    t = _ORDINAL.sub("", halfwidth(text))
    return [(re.sub(r"\s", "", m.group("name")), m.group("code"),
             float(m.group("amount").replace(",", "")) * UNIT_TO_WANYUAN[m.group("unit")]) for m in _ITEM.finditer(t)]


def _runs(chunks: list) -> list[tuple[object, list[tuple[object, str, str, float]]]]:
    """Lists of coded items, each with its lead: consecutive paragraphs that each print some (the lead the paragraph
    before them), or one paragraph printing two or more after its own words (the lead itself)."""
    out, lead, run = [], None, []
    for c in [c for c in chunks if c.kind == "paragraph"] + [None]:
        found = _items(c.text) if c is not None else []
        if found and not run:
            head = c if len(found) >= 2 and _ITEM.search(_ORDINAL.sub("", halfwidth(c.text))).start() > 0 else lead
        if found:
            run += [(c, *item) for item in found]
            continue
        if run and head is not None:
            out.append((head, run))
        lead, run = c, []
    return out


def coded_list(question: str, sc: Scope, retriever: Retriever, op: str, k: int, n: int = 1,
               rest: str = "") -> Answer | None:
    """The n-th largest (smallest) class of the coded list of the classification and fund the question names;
    None when it names no classification's classes or no fund, or no list (or two that disagree) fits."""
    from qa.rank import one_document
    from qa.rank_asks import GAP_ASKED, SHARE_ASKED, gap_asked_last
    from qa.retrieve import Hit

    q = halfwidth(question)
    asked, fund = asked_classification(q), FUND.search(q)
    if asked is None or fund is None or not _CLASSES.search(q) or len(sc.keys) != 1:
        return None
    _, _, chunks = one_document(sc, retriever)
    found = []
    for lead, items in _runs(chunks):
        codes = [code for _, _, code, _ in items]
        if any(len(c) != 3 for c in codes) or classification_of(codes) is None or \
                not same_classification(asked, classification_of(codes)) or \
                fund.group(0) not in halfwidth(f"{lead.section or ''}{lead.text}"):
            continue
        found.append((lead, [(c, name, value) for c, name, _, value in items], classification_of(codes)))
    if not found or any(sorted(v for _, _, v in f[1]) != sorted(v for _, _, v in found[0][1]) for f in found[1:]):
        return None  # no list, or two that disagree: which one is meant is a guess
    lead, items, printed = found[0]
    ordered = sorted(items, key=lambda it: it[2], reverse=op != "min")
    if len(ordered) < max(n, 2) or n < len(ordered) and abs(ordered[n - 1][2] - ordered[n][2]) < 0.005:
        return None  # fewer classes than the rank asked, or a tie at it
    chunk, name, value = ordered[n - 1]
    word = ("最小" if op == "min" else "最大") if n == 1 else f"第{n}{'小' if op == 'min' else '大'}"
    kind = _KINDS[printed]
    text = f"{fund.group(0)}支出按{kind}所列各类中，金额{word}的是“{name}”，{value:,.2f}万元（文中所列）"
    answer, unit = value, "万元"
    if SHARE_ASKED.search(rest):
        stated = _AMOUNT.search(halfwidth(lead.text))  # (the whole a share is of: the amount the lead states)
        whole = float(stated.group(1).replace(",", "")) * UNIT_TO_WANYUAN[stated.group(2)] if stated else None
        if whole is None or sum(v for _, _, v in items) > whole + 0.01 * len(items) or value >= whole:
            return None  # no whole the lead states for the share asked
        answer, unit = round(100.0 * value / whole, 2), "%"
        text += f"，占{fund.group(0)}支出{whole:,.2f}万元的{answer:.2f}%（{value:,.2f} ÷ {whole:,.2f}，由文中数字计算）"
    if GAP_ASKED.search(rest) and n < len(ordered):
        after = ordered[n]
        text += f"，比其后的“{after[1]}”（{after[2]:,.2f}万元）多{abs(value - after[2]):,.2f}万元"
        if gap_asked_last(rest):
            answer, unit = round(abs(value - after[2]), 4), "万元"
    rows = [AnswerRow(entity=nm, value=v, unit="万元", source=c.source, page=c.page, row=nm) for c, nm, v in ordered]
    return Answer(question=question, answer=text + "。", value=answer, unit=unit, mode="extractive", row=name,
                  rows=rows, citations=[cite(Hit(chunk, 1.0), chunk.text), cite(Hit(lead, 0.5), lead.text)][:max(k, 1)],
                  confidence=0.8,
                  basis=[Basis(part="sentence", text=lead.text, words=[fund.group(0), asked]),
                         Basis(part="row", text=name, words=[f"{word}: {value:,.2f}"])])
