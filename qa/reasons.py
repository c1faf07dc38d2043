"""Passages that answer in words: the sentence that says most of the question, the clause that gives a reason
(主要原因…/由于…) for what it names, the sentence that defines a term (项目支出：是指…)."""
from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth

from qa.phrase import SENTENCE, Query, bigrams, clean, grams, less_units, rate_kind, strip_entity
from qa.question import definition_term

if TYPE_CHECKING:
    from qa.retrieve import Hit, Retriever

def extractive(question: str, hits: list[Hit]) -> tuple[str, Hit | None, int]:
    """The sentence sharing the most bigrams with the question (less the unit's name), and how many it shares."""
    qb = bigrams(less_units(question, hits))
    best = ("", None, 0)
    # Sentences come from the narrative first; table rows only when no paragraph was retrieved.
    prose = [h for h in hits if h.chunk.kind == "paragraph"] or hits
    for rank, h in enumerate(prose):
        for s in SENTENCE.findall(h.chunk.text):
            shared = len(qb & bigrams(s))
            if shared > best[2] or (shared == best[2] and best[1] is None):
                best = (s.strip(), h, shared)
    return best


_REASON_MARK = re.compile(r"主要原因|原因是|原因：|原因:|原因主要|由于|因为|是因|主要是(?![\d一二三四五六七八九十])")
_CLAUSE = re.compile(r"[^。！？；\n]+[。！？；]?")


def reason_candidates(question: str, hits: list[Hit]) -> list[tuple[float, str, Hit]]:
    """Clauses that give a reason (主要原因…/由于…) for what the question names, with the clause before them when
    the reason stands alone; scored by how well that names the question's subject."""
    q = Query.of(re.sub(r"为什么|为何|的?主要原因是什么|的?原因是什么|什么原因", "", question), hits)
    direction = rate_kind(question) if re.search(r"增|减|降|升|提高", question) else None
    out = []
    for rank, h in enumerate(hits):
        if h.chunk.kind != "paragraph":
            continue
        clauses = [m.group(0).strip() for m in _CLAUSE.finditer(h.chunk.text) if m.group(0).strip()]
        for i, clause in enumerate(clauses):
            mark = _REASON_MARK.search(clause)
            if not mark:
                continue
            about = clause[:mark.start()] or (clauses[i - 1] if i else "")
            lead = "" if clause[:mark.start()].strip("，, ") else (clauses[i - 1] if i else "")
            # The clause a reason follows is long and says much else: count what it says of the question only.
            own = grams(clean(strip_entity(lead + about, h)))
            said = len(q.grams & own)
            # The paragraph's first clause often names the item the whole paragraph is about ("(二)公务接待费…").
            head = len(q.grams & (grams(clean(strip_entity(clauses[0], h))) - own)) if i >= 1 else 0
            if said + head < 2:
                continue
            score = 2.0 * said + 1.0 * head - 0.1 * rank
            if direction and rate_kind(about) not in (None, direction):
                score -= 4.0
            out.append((score, lead + clause + _listed_after(clauses[i + 1:]), h))
    return out


_ORDINAL = re.compile(r"^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+是|其[一二三四五六七八九十])")


def _listed_after(rest: list[str]) -> str:
    """The reasons that follow a first one as a numbered list (1.…；2.…), said with it."""
    out = ""
    for clause in rest[:6]:
        if not _ORDINAL.match(clause):
            break
        out += clause
    return out


_DEFINED = r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])?\s*[“\"]?{term}[”\"]?\s*[：:]\s*(?:是)?指"


def definition_pattern(question: str, hits: list[Hit]) -> re.Pattern | None:
    term = definition_term(less_units(question, hits))
    return re.compile(_DEFINED.format(term=re.escape(term))) if term else None


def stated_reason(question: str, hits: list[Hit], retriever: Retriever) -> tuple[str, Hit] | None:
    """The clause that gives the reason for what the question names, with the change it explains (in the paragraph
    before when the clause states no figure)."""
    found = reason_candidates(question, hits)
    if not found:
        return None
    _, text, hit = max(found, key=lambda t: t[0])
    if not re.search(r"\d", text):
        # "预算收支减少主要原因说明：因减员…": the change it explains is stated in the paragraph before.
        before = previous_paragraph(retriever, hit.chunk)
        if before is not None and re.search(r"\d", before.text) and len(before.text) <= 300:
            text = before.text.strip() + text
    return text, hit


def previous_paragraph(retriever: Retriever, chunk):
    """The paragraph printed just before a chunk in its document (chunks are stored in reading order)."""
    docs = retriever.documents()
    key = next((k for k, d in docs.items() if chunk.id in (d.get("chunk_ids") or [])), None)
    if key is None:
        return None
    chunks = retriever.chunks()
    ids = docs[key]["chunk_ids"]
    at = ids.index(chunk.id)
    for cid in reversed(ids[:at]):
        c = chunks.get(cid)
        if c is not None and c.kind == "paragraph":
            return c
    return None


def stated_definition(question: str, hits: list[Hit], retriever: Retriever) -> tuple[str, Hit] | None:
    """The definition of the term a question names ("项目支出：是指…"), from the hits or else from the passages of
    the documents the question is about."""
    from qa.hit import Hit

    rx = definition_pattern(question, hits)
    if rx is None:
        return None
    chunks = retriever.chunks()
    sc = retriever.scope(question)
    if sc.named:
        allowed = retriever.allowed(question, sc.keys)
    else:
        # a question that names no unit: the documents the hits come from, not every document of the store (a
        # city's 48,000 chunks would be read to find one definition)
        docs = retriever.documents()
        keys = [k for k in dict.fromkeys(chunks.doc_of(h.chunk.id) for h in hits) if k in docs]
        allowed = {cid for k in keys for cid in docs[k].get("chunk_ids") or []}

    def rest():  # in reading order, a document read only when the hits held no definition
        return (Hit(c, 0.0) for cid in chunks if cid in allowed and (c := chunks[cid]).kind == "paragraph")

    for h in itertools.chain(hits, rest()):
        text = halfwidth(h.chunk.text).strip()
        if h.chunk.kind == "paragraph" and rx.search(text):
            sentence = next((s for s in SENTENCE.findall(h.chunk.text) if "指" in s), h.chunk.text)
            return sentence.strip(), h
    return None
