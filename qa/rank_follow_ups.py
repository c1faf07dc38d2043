"""The later questions a ranking answers from its own cells (哪一类最多？多少？占…比例？比第二名多多少？), and the
ranking a share question asks of its top item (最大的一类占…的比例): read off the question, for qa/answer.py."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.aggregate import _CLAUSE_SPLIT, follow_ups
from qa.operation import operation
from qa.question import MEASURES
from qa.rank_asks import GAP_ASKED, SHARE_ASKED, wants_item


def ranking_follow_ups(question: str) -> list[str] | None:
    """The later questions of one asking for the largest/smallest item, when the ranking answers them all from the
    same cells: the item's amount (哪一类最多？多少？), its share of the whole, its lead over the next; else None."""
    parts = follow_ups(question)
    if len(parts) < 2 or operation(parts[0]) not in ("max", "min") or not wants_item(parts[0]):
        return None
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(halfwidth(question)) if c.strip()]
    later = clauses[len(clauses) - (len(parts) - 1):]
    # (多少万元（基本和专项合计）: the bracket says which column the ranking reads, not another question)
    if all(SHARE_ASKED.search(c) or GAP_ASKED.search(c) or _AMOUNT_ONLY.fullmatch(_ASIDE.sub("", c).strip())
           for c in later):
        return later
    return None


# "项目支出中，最大的一类占了多少比例": the top item named by its rank and asked its share in one clause
_TOP_SHARE = re.compile(r"(?P<which>(?:最(?:大|多|高)|最(?:小|少|低)|第\s*[二三四五六七八九十\d]+\s*[大多高小少低])的(?:一|那)?"
                        r"(?:[类项个笔块种]|部分|项目|大类))(?P<rest>(?:所)?占.*)$")


def top_item_share(question: str) -> tuple[str, str] | None:
    """(the ranking asked, its share follow-up) of "X中，最大的一类占…的比例" (None for any other question)."""
    q = halfwidth(question).strip().rstrip("？?。")
    m = _TOP_SHARE.search(q)
    if m is None or not SHARE_ASKED.search(m.group("rest")):
        return None
    which = m.group("which")
    rank = re.sub(r"的(?:一|那)?(?:[类项个笔块种]|部分|项目|大类)$", "", which)
    return q[:m.start()].rstrip("，,") + f"，哪一类{rank}", m.group("rest")


_ASIDE = re.compile(r"[（(](?![^（()）]*(?:多少|几|为什么|为何|哪))[^（()）]*[）)]")  # (a bracket that asks is asked)


# (or the count a ranking by a count column reads: 参训人数最多？有多少人？)
_AMOUNT_ONLY = re.compile(r"(?:大约|大概|约为|约|大致|折合)?(?:一共|总共)?(?:是|有|为|共|合|计)?多少(?:钱|万元|人次|[人次天期个])?|"
                          r"(?:其)?金额(?:是|为|有)?多少(?:钱|万元|元)?|"
                          # (…or of a list's count: 哪一类车最多？有几辆？)
                          r"(?:一共|总共)?(?:是|有|为|共)?(?:多少|几)[" + MEASURES + "]|"
                          # (…or of the item named back: 它至少要争取多少)
                          r"(?:它|其|该[项类个家]|这一?[项类个家])[^，,？?；;]{0,6}?多少(?:钱|万元)?")
