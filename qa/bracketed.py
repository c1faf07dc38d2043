"""A question that describes a thing in its own words and then names it in brackets ("留着应付年内新进人员、晋级加工资的
那笔钱（增人增资）"): the bracketed word, when the named documents print it, is their own name for the thing, and the
question asks it by that name. Brackets that say more than a name ("（预算里归在“测绘管理”）", "（连水资源税一起）")
qualify the description: they are left to the question as asked."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# a name alone in brackets, maybe quoted: two to twelve Chinese characters
_NAME = re.compile(r"\(\s*[“\"'‘]?([\u4e00-\u9fff]{2,12})[”\"'’]?\s*\)")
# what ends the question's frame before the description: its year (2026年, 22年) or the unit's own office
_FRAME_END = re.compile(r"(?:20)?\d\d\s*年度?|本级")
# a description is one clause that asks nothing (哪个, 几, 多少 ask: they are no name's gloss)
_ASKS = re.compile(r"[，,；;]|哪|几|多少|是否")
# a column that measures (a fund, a total, a budget or final figure, a part of the spending), not a kind of thing
_MEASURE = re.compile(r"总计|合计|小计|预算|决算|拨款|资金|收入|基金|数$|^(?:基本|项目)支出$")
MIN_DESCRIPTION = 4  # characters of description before the brackets: a bare "X（Y）" is one name, not a gloss
# where a description says to look, before the thing: up to its last 里 (or 当中, 之中) after two characters or more
_WHERE = re.compile(r"[\u4e00-\u9fff“”\"]{2,}(?:里|当中|之中)(?=.)")


def bracketed_name(question: str, sc: Scope, retriever: Retriever) -> str | None:
    """The question asked by the name it gives in brackets (see the module's account); None when it gives none or
    the named documents do not print it."""
    if not sc.named:
        return None
    q = halfwidth(question)
    found = [m for m in _NAME.finditer(q) if m.group(1) not in ("本级", "汇总")]
    if len(found) != 1:
        return None
    m = found[0]
    name, head, tail = m.group(1), q[:m.start()], q[m.end():]
    ends = [f.end() for f in _FRAME_END.finditer(head)] + [head.find(a) + len(a) for a in sc.named.values() if a in head]
    start = max(ends, default=0)
    described = head[start:]
    if len(described) < MIN_DESCRIPTION or name in described or _ASKS.search(described):
        return None  # (哪个下属支队（单位）: the brackets gloss a word of what is ranked, not the thing asked)
    if name in retriever.vocabulary().columns and _MEASURE.search(name):
        return None  # 机关日常运转花的钱（一般公共预算）: a fund, a total or a part of the spending qualifies the thing;
        # a column of kinds of things (政府采购里真正买东西（货物）的部分) names it
    docs, chunks = retriever.documents(), retriever.chunks()
    texts = [chunks[cid].text for key in sc.keys for cid in docs.get(key, {}).get("chunk_ids") or []]
    if not any(name in t for t in texts):
        return None
    if any(described in t for t in texts):
        return None  # 公用经费（机关运行）: the words before the brackets are the documents' own term, the brackets an aside
    # where the description says to look stays (政府采购里真正买东西（货物）: 政府采购里货物): it is no word of the thing
    where = m.group() if (m := _WHERE.match(described)) else ""
    return head[:start] + where + name + tail
