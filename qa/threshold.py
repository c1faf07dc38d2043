"""Which units of the store pass a threshold ("哪些单位的X超过N万元？") or have an item at all ("哪个单位安排了X？"):
X read from each document in turn, then compared."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from index.document import UNIT_TO_WANYUAN
from index.numbers import halfwidth
from qa.citations import cite
from qa.evidence import structured
from qa.models import Answer
from qa.retrieve import totals_of

if TYPE_CHECKING:
    from qa.retrieve import Retriever

_THRESHOLD = re.compile(r"(超过|高于|大于|多于|不少于|不低于|达到|低于|少于|小于|不足|不到)\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元)?")
_ABOVE = ("超过", "高于", "大于", "多于", "不少于", "不低于", "达到")
_LIST_HEAD = re.compile(r"^.*?(?:哪些|哪个|哪家|哪一家|哪几个?)(.*?)(?:单位|部门)?的")


def across_documents(question: str, retriever: Retriever, k: int) -> Answer | None:
    """"哪些单位的X超过N万元？" / "哪个单位安排了X？": X read from each document in turn (the structured answer on
    that document alone), then compared with the threshold (or with zero)."""
    q = halfwidth(question)
    m = _THRESHOLD.search(q)
    op, limit = (m.group(1), float(m.group(2)) * UNIT_TO_WANYUAN.get(m.group(3) or "万元", 1.0)) if m else ("超过", 0.0)
    head = _LIST_HEAD.match(q)
    group = (head.group(1) if head else "").strip()
    subject = q[:m.start()] if m else q
    subject = re.sub(r"^.*?(?:哪些|哪个|哪家|哪一家|哪几个?)[^的]*?的", "", subject)
    subject = re.sub(r"^.*?(?:哪些|哪个|哪家|哪一家|哪几个?)(?:单位|部门)?(?:安排了|有|列支了|发生了)?", "", subject)
    subject = re.sub(r"[？?。]", "", subject).strip()
    if len(subject) < 2:
        return None
    docs = retriever.documents()
    found = []
    for key, d in docs.items():
        entity = d.get("name") or d.get("entity") or ""
        if group and group not in entity:
            continue
        hits = retriever.search(f"{subject}是多少", 20, docs={key})
        cand = structured(f"{subject}是多少", hits + totals_of(hits[:5], retriever.chunks()), retriever.terms())
        if cand is None:
            continue
        ok = cand.value > limit if op in _ABOVE else cand.value < limit
        if ok:
            found.append((entity or Path(d.source or key).name, cand))
    if not found:
        return Answer(question=question, answer=f"没有找到{subject}{op}{limit:g}万元的单位。", mode="structured")
    parts = [f"{name}（{c.value:,.2f}万元）" for name, c in found]
    cites = [cite(c.hit, c.text if c.hit.chunk.kind == "paragraph" else None) for _, c in found]
    return Answer(question=question, answer=f"{subject}{op}{limit:g}万元的单位：" + "；".join(parts) + "。",
                  citations=cites[: max(k, len(cites))], mode="structured")
