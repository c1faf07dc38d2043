"""The names of the money items a unit's documents list, in the narrative and as the rows of their project tables:
the things a question in other words, or in English (qa/english.py), may describe."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.items import ORDINAL, items_in
from qa.vocab import TITLE

if TYPE_CHECKING:
    from qa.retrieve import Retriever


def item_names(keys: set[str], retriever: Retriever, units: frozenset[str] = frozenset()) -> list[str]:
    """The names of the money items these documents list: in the narrative (the last clause before each amount,
    without its ordinal) and as the rows of their tables: the things a question in other words, or in English, may
    describe. Of the subordinate `units` only, when given: not their siblings' sections and blocks."""
    from qa.unit_row import in_other_section, row_unit

    docs, chunks, vocab = retriever.documents(), retriever.chunks(), retriever.vocabulary()
    out: set[str] = set()
    for key in keys:
        for cid in docs.get(key, {}).get("chunk_ids") or []:
            chunk = chunks.get(cid)
            if chunk is not None and units and (in_other_section(chunk, units, keys, chunks) or
                                                chunk.kind == "row" and row_unit(chunk) not in units):
                continue
            if chunk is not None and chunk.kind == "row" and chunk.facts and not chunk.code:
                # a project's row (安全生产设备购置经费 in a 专项业务经费 table), without its brackets; the shared
                # vocabulary's rows (工资福利支出) and the classifications' coded rows are terms, read as such
                name = ORDINAL.sub("", re.sub(r"[（(].*?[）)]|\s", "", chunk.label or ""))
                if (2 <= len(name) <= 20 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and not vocab.common(name)
                        and not re.search(r"(?:合计|总计|小计)$", name) and not TITLE.search(name)):
                    out.add(name)
            if chunk is None or chunk.kind != "paragraph":
                continue
            for item in items_in(chunk.text):
                own = item.name[len(item.head):] if item.head and item.name.startswith(item.head) else item.name
                name = ORDINAL.sub("", re.split(r"[，,。；;：:、（）()]", own)[-1].strip())
                if 2 <= len(name) <= 20 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and not TITLE.search(name):
                    out.add(name)  # (a table's title, …绩效目标表, is no item)
    return sorted(out)

