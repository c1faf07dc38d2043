"""Answer a question from the store: from a table cell or a narrative amount when the question is numeric,
else from the best sentences; always with citations. When the evidence is weak, say so instead of guessing."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from index.chunk import Chunk
from index.numbers import halfwidth
from qa.citations import cite, snippet
from qa.models import Answer
from qa.question import is_numeric
from qa.retrieve import Hit, Retriever

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])\s*")
_PUNCT = re.compile(r"[“”\"'（）()、，,。：:；;？?！!\s]")
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
MIN_MATCH = 3  # characters a label or subject must share with the question to be trusted


@dataclass
class _Candidate:
    score: float
    value: float
    unit: str
    text: str
    hit: Hit
    table: str | None = None
    row: str | None = None
    column: str | None = None


def _norm(text: str) -> str:
    return _PUNCT.sub("", halfwidth(_NUMBERING.sub("", text or "")))


def _overlap(a: str, b: str) -> int:
    """Length of the longest common substring (short strings: a simple scan is fast enough)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _bigrams(text: str) -> set[str]:
    t = _norm(text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _row_candidates(q: str, hit: Hit, rank: int) -> list[_Candidate]:
    c = hit.chunk
    if not c.facts:
        return []
    label = _norm(c.label or "")
    label_hit = len(label) if label and label in q else _overlap(label, q)
    title_hit = _overlap(_norm(c.table or ""), q)
    out = []
    for i, fact in enumerate(c.facts):
        column = fact["column"] or ""
        col_parts = [p for p in re.split(r"/", column) if p and p not in ("合计", "小计")]
        col_hit = max((_overlap(_norm(p), q) for p in col_parts), default=0)
        col_hit = col_hit if col_hit >= 2 else 0  # one shared character (费, 支) names nothing
        # The column the question names is its leaf ("人员经费", not "基本支出/人员经费/工资福利支出").
        leaf = _norm(col_parts[-1]) if col_parts else ""
        col_hit += len(leaf) if leaf and leaf in q else 0
        # The first column (合计 / 预算数) answers a question that names no column.
        # A 合计 row (or a one-row table) is the quantity the table's title names.
        names_table = label == _norm(c.table or "") or label in ("合计", "总计")
        base = max(label_hit if label not in ("合计", "总计") else 0, title_hit if names_table else 0)
        if base < MIN_MATCH and not (names_table and col_hit >= MIN_MATCH):
            continue
        score = 2 * base + col_hit + (0.5 if i == 0 else 0) - 0.2 * rank
        raw = f"{fact['raw']:,.2f}{fact['unit'] or ''}"
        year = f"{c.year}年" if c.year and str(c.year) not in (c.table or "") else ""
        entity = c.entity if c.entity and c.entity not in (c.table or "") else ""
        text = (f"{entity}{year}{c.table}中“{c.label}”{('（' + column + '）') if column else ''}"
                f"为{fact['value']:,.2f}万元" + (f"（表中为{raw}）" if fact["unit"] != "万元" else "") + "。")
        out.append(_Candidate(score, fact["value"], "万元", text, hit, c.table, c.label, column))
    return out


def _paragraph_candidates(q: str, hit: Hit, rank: int) -> list[_Candidate]:
    from rules.claims import amounts_in

    out = []
    for a in amounts_in(hit.chunk.text):
        if a.bound or a.change:
            continue
        subject = _norm(a.subject)
        match = _overlap(subject[-12:], q)
        if match < MIN_MATCH:
            continue
        sentence = next((s for s in _SENTENCE.findall(hit.chunk.text) if a.text in s), a.text)
        out.append(_Candidate(2 * match - 0.2 * rank - 0.5, a.value, "万元", sentence.strip(), hit))
    return out


def _strip_names(q: str, hits: list[Hit]) -> str:
    """The question without the unit's name and the year: they choose the document, not the row
    ("普陀区人民政府办公室" must not match the row "政府办公厅（室）事务")."""
    from qa.question import _core

    for entity in {h.chunk.entity for h in hits if h.chunk.entity}:
        for piece in sorted([_norm(entity)] + _core(_norm(entity)), key=len, reverse=True):
            q = q.replace(piece, "")
    return re.sub(r"20\d\d年度?", "", q)


_PERCENT_Q = re.compile(r"百分|比例|占比|比重|增长率|增幅|降幅|%")
_COUNT_Q = re.compile(r"几个|几家|几辆|多少个|多少家|多少辆|多少人|数量")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_COUNT = re.compile(r"(\d+)\s*(个|家|辆|人|项)")


def _stated_numbers(q: str, hits: list[Hit], rx: re.Pattern, unit: str) -> list[_Candidate]:
    """Percentages or counts stated in the narrative, in the sentence that shares most with the question."""
    out = []
    for rank, h in enumerate(hits):
        if h.chunk.kind != "paragraph":
            continue
        for s in _SENTENCE.findall(h.chunk.text):
            for m in rx.finditer(s):
                before = _norm(s[max(0, m.start() - 24):m.start()])
                match = _overlap(before, q)
                if match >= MIN_MATCH:
                    out.append(_Candidate(2 * match - 0.2 * rank, float(m.group(1)), unit, s.strip(), h))
    return out


def structured(question: str, hits: list[Hit]) -> _Candidate | None:
    q = _strip_names(_norm(question), hits)
    if _PERCENT_Q.search(question):
        cands = _stated_numbers(q, hits, _PERCENT, "%")
        return max(cands, key=lambda c: c.score) if cands else None
    if _COUNT_Q.search(question):
        cands = _stated_numbers(q, hits, _COUNT, "个")
        return max(cands, key=lambda c: c.score) if cands else None
    cands: list[_Candidate] = []
    for rank, h in enumerate(hits):
        if h.chunk.kind == "row":
            cands += _row_candidates(q, h, rank)
        elif h.chunk.kind == "paragraph":
            cands += _paragraph_candidates(q, h, rank)
    return max(cands, key=lambda c: c.score) if cands else None


def extractive(question: str, hits: list[Hit]) -> tuple[str, Hit | None, int]:
    """The sentence sharing the most bigrams with the question, and how many it shares."""
    qb = _bigrams(question)
    best = ("", None, 0)
    # Sentences come from the narrative first; table rows only when no paragraph was retrieved.
    prose = [h for h in hits if h.chunk.kind == "paragraph"] or hits
    for rank, h in enumerate(prose):
        for s in _SENTENCE.findall(h.chunk.text):
            shared = len(qb & _bigrams(s))
            if shared > best[2] or (shared == best[2] and best[1] is None):
                best = (s.strip(), h, shared)
    return best


def ask(question: str, store_dir: Path | str, k: int = 5, settings=None, retriever: Retriever | None = None) -> Answer:
    retriever = retriever or Retriever(store_dir, "hybrid", settings)
    # A deeper pool for reading facts than for citing: the cell that answers may rank below the top k.
    hits = retriever.search(question, max(k, 20))
    citations = [cite(h) for h in hits[:k]]
    if not hits:
        return Answer(question=question, answer="未检索到相关内容，无法回答。", citations=[], mode="extractive")
    if settings is not None and getattr(settings, "llm", None) is not None and settings.llm.configured:
        llm = _llm_answer(question, hits[:k], settings)
        if llm is not None:
            return llm
    if is_numeric(question):
        cand = structured(question, hits + _totals_of(retriever, hits[:5]))
        if cand is not None:
            first = cite(cand.hit, cand.text if cand.hit.chunk.kind == "paragraph" else None)
            rest = [c for c in citations if (c.source, c.page, c.text) != (first.source, first.page, first.text)]
            return Answer(question=question, answer=cand.text, value=round(cand.value, 4), unit=cand.unit,
                          citations=[first] + rest[: k - 1], mode="structured", table=cand.table, row=cand.row,
                          column=cand.column)
    sentence, hit, shared = extractive(question, hits)
    if hit is None or shared < 2:
        return Answer(question=question, answer="证据不足：检索到的段落与问题关系不大，未作回答。以下为最接近的段落。",
                      citations=citations, mode="extractive")
    first = cite(hit, sentence)
    rest = [c for c in citations if (c.source, c.page) != (first.source, first.page) or c.text != first.text]
    return Answer(question=question, answer=sentence, citations=[first] + rest[: k - 1], mode="extractive")


def _totals_of(retriever: Retriever, hits: list[Hit]) -> list[Hit]:
    """The 合计 rows of the tables the best hits come from: a question about a table's subject asks for them."""
    tables = {(h.chunk.source, h.chunk.table) for h in hits if h.chunk.table}
    return [Hit(c, 0.0) for c in retriever.store.chunks().values()
            if c.kind == "row" and (c.source, c.table) in tables and c.label in ("合计", "总计")]


def _llm_answer(question: str, hits: list[Hit], settings) -> Answer | None:
    """An answer generated from numbered passages; None (fall back) when the model fails or its answer does not
    pass the grounding check."""
    try:
        from qa.llm import answer_from_passages
    except ImportError:
        return None
    passages = [h.chunk.text for h in hits]
    result = answer_from_passages(question, passages, settings)
    if not result:
        return None
    text, cited = result
    # Passages were given as plain strings, so the model cites them by their 1-based number.
    cited_hits = [hits[i - 1] for i in cited if isinstance(i, int) and 1 <= i <= len(hits)] or hits[:1]
    return Answer(question=question, answer=text, citations=[cite(h) for h in cited_hits], mode="llm")


__all__ = ["ask", "structured", "extractive", "Chunk", "snippet"]
