"""A table's total row is no answer to a question whose own words name another row of that table: "一般公共预算基本
支出里付给物业公司的钱" reads the basic-expenditure table, whose 合计 row says every word of the table's title and
none of 物业公司, while its 物业管理费 row says 物业. The total is what is read when the thing asked is left unsaid;
the question then asks the row (read by the later steps: a term, an item), never the total."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.gloss import words
from qa.rank import TOTAL_ROW
from qa.kept import PLAIN

if TYPE_CHECKING:
    from qa.retrieve import Retriever


def other_row_named(phrase: str, cand, retriever: Retriever, keys: set[str]) -> bool:
    """The candidate is a total row, and a word of what the question asks (`phrase`, without the unit's names:
    reword.subject_phrase; two characters or more, that the table's title, the row and the column do not say) is
    said by another row label of the same table (of the documents `keys`)."""
    read = _total_said(cand)
    if read is None:
        return False
    chunk = cand.hit.chunk
    unsaid = {w for w in words(phrase) if len(w) >= 2 and w not in read and set(w) - PLAIN}
    if not unsaid:
        return False
    docs = retriever.documents()
    chunks = retriever.chunks()
    for key in keys:
        for cid in docs[key].get("chunk_ids") or []:
            other = chunks.get(cid)
            if other is None or other.kind != "row" or other.source != chunk.source or \
                    other.table != chunk.table or other.id == chunk.id or TOTAL_ROW.match(other.label or ""):
                continue
            if any(w in (other.label or "") for w in unsaid):
                return True
    return False


# Words that ask, frame or scope a question, not name what it asks (安排了多少, 一共, 部门预算, 本级).
_NOT_THE_THING = re.compile(r"多少|一共|总共|合计|共计|加起来|大概|大约|请问|安排|准备|打算|部门|单位|本级|汇总|全年|当年|今年|"
                            r"整个|全部|所有|万元|亿元|总额|总数|总计|数额|金额|规模|情况|盘子|科目")


def thing_unsaid(phrase: str, cand) -> bool:
    """The candidate is a total row, and the question (`phrase`, without the unit's names) names a thing in a word of
    two characters or more, no asking or scoping word, that neither the table's title, the row, the column nor the
    row's classification path says: 一般公共预算给开会安排了多少钱 is not the 一般公共预算 合计 of the income table
    (开会 is left unsaid), however well the fund's words match it."""
    read = _total_said(cand)
    if read is None:
        return False
    rest = _NOT_THE_THING.sub(" ", phrase)
    return any(len(w) >= 2 and w not in read and set(w) - PLAIN for w in words(rest))


def _total_said(cand) -> str | None:
    """What a total row read as the answer says (its table's title, row, column, classification path and code), or
    None when the candidate is no total row."""
    from qa.evidence import is_total_row

    chunk = cand.hit.chunk
    # (or the unit's own line, the whole of a 本级 document's table: 深圳市司法局（本级）)
    if chunk.kind != "row" or not (TOTAL_ROW.match(chunk.label or cand.row or "") or is_total_row(chunk)):
        return None
    return f"{chunk.table or ''}{cand.row or ''}{cand.column or ''}{chunk.parents or ''}{chunk.code or ''}"


def total_not_asked(phrase: str, cand, retriever: Retriever, keys: set[str]) -> bool:
    """A total row read where the question names another row of its table, or a thing the total leaves unsaid: the
    total is not what is asked (answered by the later readings, or across documents by each one's own reading)."""
    return other_row_named(phrase, cand, retriever, keys) or thing_unsaid(phrase, cand)
