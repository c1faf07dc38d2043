"""Two units of one document compared: "深圳市建筑工务署本级的预算比下属文体和水务工程管理中心多出多少" names the
department (its document) and a unit its tables print as a row (a 汇总 document's tables list each unit). Each figure
is read by the whole single-document reading, the second asked of that unit's row; the difference is answered only
when both are."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from index.numbers import halfwidth
from qa.models import Answer, AnswerRow, Basis
from qa.phrase import is_unit
from qa.vocab import norm

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# 比(下属的)Y多/少/高/低…: Y, the other unit, as the question says it
_OTHER = re.compile(r"比(?:其?下属的?|所属的?)?(?P<y>[^，,。？?比]{2,24}?)的?(?:多|少|高|低)(?:出|了)?(?:多少|几)")


def units_compared(question: str, sc: Scope, retriever: Retriever, read_one: Callable[[str], Answer]) -> Answer | None:
    q = halfwidth(question)
    m = _OTHER.search(q)
    if m is None or len(sc.keys) != 1:
        return None
    key = next(iter(sc.keys))
    doc = retriever.documents()[key]
    chunks = retriever.chunks()
    said = norm(m.group("y"))
    labels = {norm(c.label or "") for cid in doc.get("chunk_ids") or [] if (c := chunks.get(cid)) is not None
              and c.kind == "row" and is_unit(c.label or "") and said in norm(c.label or "")}
    if len(labels) != 1:
        return None  # Y is no unit row of the document, or several
    label = labels.pop()
    alias = sc.named.get(key, "")
    at = q.find(alias)
    # what is compared: the words between the first unit (and its 本级) and 比 (的预算 → 预算)
    quantity = re.sub(r"^[（(]?本级[）)]?|的", "", q[at + len(alias):m.start()] if at >= 0 else "")
    year = "".join(f"{y}年" for y in sc.years)
    first = read_one(q[:m.start()].rstrip("的") + "是多少")
    second = read_one(label + year + re.sub(r"20\d\d年", "", quantity) + "是多少")
    if not (first.answered and second.answered and first.value is not None and second.value is not None
            and first.unit == second.unit and first.citations and second.citations):
        return None
    value = round(abs(first.value - second.value), 4)
    names = [alias + ("（本级）" if re.match(r"[（(]?本级", q[at + len(alias):]) else ""), label]
    rows = [AnswerRow(entity=n, value=a.value, unit=a.unit, source=a.citations[0].source, page=a.citations[0].page,
                      table=a.table, row=a.row, column=a.column) for n, a in zip(names, (first, second))]
    text = (f"{names[0]}与{names[1]}相差{value:,.2f}{first.unit or ''}（{first.value:,.2f}，{second.value:,.2f}；"
            f"同一文件中两个单位各自的数字）。")
    return Answer(question=question, answer=text, value=value, unit=first.unit, mode="structured", rows=rows,
                  citations=[first.citations[0], second.citations[0]], table=first.table, row=first.row,
                  column=first.column, confidence=min(first.confidence, second.confidence),
                  basis=[Basis(part="row", text=label, words=[m.group("y")])] + first.basis[:1])
