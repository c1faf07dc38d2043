"""The parts of a figure the question names beside it: "基本支出和项目支出合起来一共多少" read from a row's total
column also says that row's 基本支出 and 项目支出 cells, so the answer shows what it adds up."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.vocab import norm

# Two columns added up (基本支出和项目支出合起来, （…合在一起）): which cells to read, not what the figure is of.
_FIRST, _SECOND = r"([\u4e00-\u9fff]{2,})", r"([\u4e00-\u9fff]{2,}?)[)）]?"
_ADDED_UP = r"(?:合起来|加起来|加在一起|合在一起|算在一起|合计|一共|总共|共计)"
_JOINED = r"(?:和|与|及|、|加上|加(?![起在]))"
_SUMMED = re.compile(_FIRST + _JOINED + _SECOND + _ADDED_UP)
# (…or two columns said alone in brackets after the thing, 办公设备购置（基本加项目）: the parts the figure adds up)
_BRACKETED = re.compile(r"(?<=[（(，,])" + _FIRST + _JOINED + r"([\u4e00-\u9fff]{2,}?)(?=[)）])")
# (…or said one after the other with nothing between, 交水费电费一共: read when no joined pair is, each a term)
_JUXTAPOSED = re.compile(_FIRST + _SECOND + _ADDED_UP)
# (…or three and more in a list before it, “三公”经费、会议费、培训费加在一起: each a term; the list runs back to the
# clause's start, and is cut at its joining words: no nested pattern to try every way of cutting a long clause)
_ADDED_UP_AT = re.compile(_ADDED_UP)
_CLAUSE_START = re.compile(r"[，,。？?；;：:（(]")
_LIST_JOIN = re.compile(r"、|以及|和|与|及")

_TOTAL = re.compile(r"总计|合计|小计")  # (a total column: what parts add up to)
MAX_SAID = 4  # parts said beside a total unasked (more is the table's breakdown, not a note on one figure)

# Two short phrases each ending in a kind of funding (日常经费, 专项业务经费) are the columns in everyday words.
_FUNDING = re.compile(r"(?:经费|支出)$|^专项(?:业务)?$")  # (专项 alone: the 专项业务经费 in short)
_SHORT_PART = 8
_ASKS = re.compile(r"一共|总共|合计|多少|是|的|里|中|钱|各|[？?，,。]")


def _column(part: str, columns: set[str]) -> str | None:
    """The store's column a part names: whole (基本支出) or by its stem (基本, 项目: 基本和项目加起来)."""
    part = norm(part)
    return part if part in columns else next((c for c in sorted(columns) if c.startswith(part) and
                                              c[len(part):] in ("支出", "经费")), None)


def _first_column(m: re.Match, columns: set[str]) -> str | None:
    """The words of the first of two parts added up that name a store's column (…的基本支出 → 基本支出; 基本), or None."""
    return next((m.group(1)[i:] for i in range(len(m.group(1)) - 1) if _column(m.group(1)[i:], columns)), None)


def _pairs_added_up(text: str) -> list[re.Match]:
    """Two things said added up (…和…合起来), then two said alone in brackets after a thing (（基本加项目）)."""
    return [*_SUMMED.finditer(text), *_BRACKETED.finditer(text)]


def without_summed_parts(text: str, columns: set[str]) -> str:
    """The text without the words that add up two of the store's columns (its brackets and comma too): the thing
    they are cells of is said elsewhere in the question. The text as it was when nothing else is left."""
    for m in _pairs_added_up(text):
        first = _first_column(m, columns)
        if first is None and _FUNDING.search(m.group(1)) and _FUNDING.search(m.group(2)) and \
                len(m.group(1)) <= _SHORT_PART:
            first = m.group(1)  # (日常经费和项目经费合起来: two kinds of funding in everyday words, parts too)
        elif first is None or _column(m.group(2), columns) is None:
            continue
        start = m.end(1) - len(first)
        # (and the bracket the parts were said in, when it closed with them: （基本支出加项目支出）一共)
        bracketed = text[m.end(2):m.end(2) + 1] in (")", "）")
        # (a bracket closing right after the parts, opened right before them, goes with them: （基本加项目）; one
        # opened earlier keeps what else it says: （30299，基本加项目）)
        opened = text[:start].endswith(("（", "("))
        rest = text[:start].rstrip(("（(" if opened else "，,") if bracketed else "") + \
            text[m.end() + (bracketed and opened and m.end() == m.end(2)):]
        rest = re.sub(r"[（(]\s*[）)]|[，,]\s*(?=[，,？?。]|$)", "", rest)
        return rest if re.search(r"[\u4e00-\u9fff]{2,}", _ASKS.sub("", rest)) else text
    return text


def summed_columns(text: str, columns: set[str]) -> tuple[str, str] | None:
    """The two of the store's columns the text adds up (基本支出和项目支出合起来 → 基本支出, 项目支出), or None."""
    for m in _pairs_added_up(text):
        first = _first_column(m, columns)
        if first is not None and _column(m.group(2), columns) is not None:
            return _column(first, columns), _column(m.group(2), columns)
    return None


def summed_terms(text: str, terms: set[str], columns: set[str], rows: set[str] = frozenset()) \
        -> tuple[str, str, int, int] | None:
    """Two of the documents' terms added up (水费和电费一共, 水费加电费）合计): (first, second, start, end), the span
    naming them; None when the words are one term (商品和服务支出) or two columns of one figure (基本支出和项目支出:
    without_summed_parts) — unless both are `rows`, labels many documents print on rows of their own (会议费 and
    培训费, though a 三公 table prints them as columns)."""
    for m in [*_SUMMED.finditer(text), *_JUXTAPOSED.finditer(text)]:
        head, second = m.group(1), norm(m.group(2))
        said = next((head[i:] for i in range(len(head) - 1) if norm(head[i:]) in terms), None)
        first, joined = norm(said or ""), text[m.end(1):m.start(2)]
        if said is None or second not in terms or (first in columns and second in columns and
                                                    not {first, second} <= rows) or \
                any(f"{first}{joined}{second}" in t for t in terms) or \
                re.search(r"(?:和|与|及|、)[”\"]?$", text[:m.end(1) - len(said)]):
            continue  # (…or the last two of a longer list: 三公经费及会议费、培训费 is three things' total)
        return first, second, m.end(1) - len(said), m.end(2)
    return None


def listed_terms(text: str, terms: set[str]) -> tuple[list[str], int, int] | None:
    """Three or more of the documents' terms listed and added up (“三公”经费、会议费、培训费加在一起): (the terms, the
    start and end of the span naming them); None unless every item of the list is a term (the first may follow
    other words: 一般公共预算里的…)."""
    for m in _ADDED_UP_AT.finditer(text):
        end = m.start() - 1 if m.start() and text[m.start() - 1] in ")）" else m.start()
        start = max((c.end() for c in _CLAUSE_START.finditer(text, 0, end)), default=0)
        # (each item with where it starts; the list is the run of terms that ends the clause, its first item
        # maybe after other words: 深圳市气象局和深圳市文化局2026年“三公”经费、会议费、培训费)
        joins = list(_LIST_JOIN.finditer(text, start, end))
        items = [(a, text[a:b]) for a, b in zip([start, *(j.end() for j in joins)], [*(j.start() for j in joins), end])]
        rest: list[str] = []
        while len(items) > 1 and norm(items[-1][1]) in terms:
            rest.insert(0, norm(items.pop()[1]))
        at, head = items[-1]
        first = next((head[i:] for i in range(len(head) - 1) if norm(head[i:]) in terms), None)
        found = [norm(first), *rest] if first is not None else []
        if len(found) >= 3 and len(set(found)) == len(found):
            return found, at + len(head) - len(first), end
    return None


def each_term(text: str, summed: tuple[list[str], int, int]) -> list[str]:
    """The text asked of each of the terms added up ((the terms, start, end) of their span, as `listed_terms` gives
    them), every other word kept (where to look too); the terms said in brackets after the asker's word for their sum
    (水电（水费加电费）) replace that word."""
    said, start, end = summed
    before, after = text[:start], text[end:]
    if re.search(r"[（(]$", before):
        before, after = re.sub(r"[^的，,（(]{1,4}[（(]$", "", before), re.sub(r"^[）)]", "", after)
    return [before + t + after for t in said]


def prints_parts(question: str, facts: list[dict], columns: set[str]) -> bool:
    """The row's table prints a column for each of the two columns the question adds up (the 收支总表's 培训支出 row,
    with no 基本支出 or 项目支出 column, is not the 培训费 of basic and project spending together); True when the
    question adds up none."""
    summed = summed_columns(halfwidth(question), columns)
    if summed is None:
        return True
    parts = {norm(p) for f in facts for p in (f.get("column") or "").split("/")}  # (each part of each header path)
    return all(any(part in p or (len(p) >= 3 and p in part) for p in parts) for part in summed)


def named_parts(question: str, facts: list[dict], read: str | None, every: bool = False) -> list[tuple[str, float]]:
    """(column, 万元) of the row's other cells whose column's last part the question says, in the row's order.
    Only cells of the read cell's column group (a 2025 column is no part of a 2026 total). `every`: a total read
    is said with the parts holding money that make it up (支出总计 with its 基本支出 and 项目支出), named or not."""
    q = norm(halfwidth(question))
    group = "/".join((read or "").split("/")[:-1])
    siblings = [(f.get("column") or "", f["value"]) for f in facts
                if (f.get("column") or "") != read and f.get("value") is not None
                and "/".join((f.get("column") or "").split("/")[:-1]) == group]
    out = [(c, v) for c, v in siblings if len(leaf := norm(c.split("/")[-1])) >= 2 and leaf in q]
    summed = _SUMMED.search(q) is not None
    if len(out) < 2 and (summed or every) and _TOTAL.search((read or "").split("/")[-1]):
        # two parts said added up in everyday words (日常经费和项目加起来) while the total column is read: the cells
        # beside it that add up to it are those parts
        total = next((f["value"] for f in facts if (f.get("column") or "") == read), None)
        if total is not None and len(siblings) >= 2 and abs(sum(v for _, v in siblings) - total) <= 0.01 * len(siblings):
            held = [(c, v) for c, v in siblings if v]
            out = siblings if summed else held if len(held) <= MAX_SAID else []
    return out if len(out) >= 2 else []


def parts_sentence(parts: list[tuple[str, float]]) -> str:
    return "其中" + "、".join(f"{c.split('/')[-1]}{v:,.2f}万元" for c, v in parts) + "。" if parts else ""
