"""The term of the documents an English phrase names (qa/english.py reads the rest of the question): the
dictionary's reading of the terms (qa/gloss.py), the standard English names of the budget's labels (qa/budget_en.py),
and the encoder only where the dictionary reads some of the phrase and agrees."""
from __future__ import annotations

import re

from qa.english_unit import _gloss_reading
from qa.gloss import MIN_GLOSS, MIN_GLOSS_LEAD
from qa.meaning import MIN_MARGIN
from qa.vocab import wordings


def term_of(phrase: str, terms: list[str], sources: dict[str, int]) -> str | None:
    """The term an English phrase names: the dictionary's clear reading (see _gloss_reading); or, when the
    dictionary's best reading says most of the term but leaves some of the phrase unsaid (因公出国境费 for
    "official trips abroad": trips), that reading when the encoder picks it too (or a wording of it: 因公出国境费用),
    clearly ahead of every other term. Never the encoder alone: on English phrases and
    Chinese terms it is often near a wrong term (overseas trips → 对外交流与合作)."""
    from qa.budget_en import says_whole
    from qa.gloss import best, stems

    found, _ = _gloss_reading(phrase, terms, prefer=sources)
    if found:
        # …unless the phrase is, word for word, the standard English name of another label (goods and services:
        # 商品和服务支出, where CC-CEDICT glosses 劳务 "services (as in 'goods and services')")
        standard = standard_term(phrase, terms, sources)
        if standard and standard != found and says_whole(phrase, standard):
            return standard
        read = best(stems(phrase), terms)  # (the dictionary's readings of every term, for both checks below)
        return named_within(phrase, found, terms, read) or with_part(found, read)
    from qa.meaning import nearest

    read = [m for m in best(stems(phrase), terms) if not m.chance]
    said = [m for m in read if m.word_share >= MIN_GLOSS]
    if not said:
        return standard_term(phrase, terms, sources)
    # the encoder choosing among all the terms, not only those the dictionary reads: among few, agreeing is cheap
    # (a term the dictionary reads as leaving more of itself unsaid, 公务用车购置及运行维护费 for "running and
    # maintaining official cars", is ruled out by it; but not a term that says the same words of the question
    # and leaves unsaid other words than the best reading does: for "keeping official cars on the road"
    # 公务用车购置 leaves 购置 unsaid and 公务用车运行维护费 leaves 维护, and the shorter term is no better reading)
    less = {m.text for m in read if m.word_share < said[0].word_share - MIN_GLOSS_LEAD and
            (m.explained != said[0].explained or unsaid(said[0]) <= unsaid(m))}
    ranked = [(sim, text) for sim, text in nearest(phrase, terms, len(terms)) if text not in less]

    def wording(text: str) -> bool:
        return wordings(text, said[0].text)

    if any(m.text != said[0].text and not wording(m.text) and set(m.explained) == set(said[0].explained) and
           unsaid(m) and unsaid(said[0]) and unsaid(m) != unsaid(said[0]) for m in read):
        # another term says the same words of the question and each leaves a word of its own unsaid (公务用车购置,
        # 公务用车运行维护费 for "official car upkeep": 购置 or 运行维护?): the question does not tell them apart, and
        # the encoder's lean between such twins is a guess
        return standard_term(phrase, terms, sources)
    other = next((sim for sim, text in ranked if not wording(text)), None)
    if ranked and wording(ranked[0][1]) and (other is None or ranked[0][0] - other >= MIN_MARGIN):
        return ranked[0][1]
    return standard_term(phrase, terms, sources)


def named_within(phrase: str, found: str, terms: list[str], read: list) -> str | None:
    """The label whose standard English name the phrase says word for word ("…paying into the staff housing
    provident fund from its basic expenditure": 住房公积金), in place of the dictionary's reading when that reading
    leaves a word of the name unsaid (机关事业单位基本养老保险缴费 says fund and, by 养老, provident, not housing):
    CC-CEDICT lacks many of the standard senses (公积金 is "accumulated fund"), and a name of several words said
    whole is the asker naming the label. One such label only; None when there is none or several."""
    from qa.budget_en import names
    from qa.gloss import stems

    mine = next((m for m in read if m.text == found), None)
    explained = set(mine.explained) if mine else set()
    lowered = " ".join(re.findall(r"[a-z]+", phrase.lower()))
    within = {t for t in terms if t != found and any(
        len(n.split()) >= 2 and re.search(rf"\b{re.escape(' '.join(re.findall(r'[a-z]+', n.lower())))}\b", lowered)
        and not set(stems(n)) <= explained for n in names(t))}
    return within.pop() if len(within) == 1 else None


def with_part(found: str, read: list) -> str:
    """The term read, and the part of it the phrase asks when the phrase's words it leaves unsaid are exactly the
    words of one other term ("goods through government procurement": 政府采购 and 货物, asked as 政府采购货物, the
    way a Chinese question asks a part of a whole). `read`: the dictionary's readings of the terms (qa.gloss.best)."""
    read = [m for m in read if not m.chance]
    mine = next((m for m in read if m.text == found), None)
    # (of the words some term mostly said says: through, on… are said by none but a chance sense of a long name)
    unsaid = set().union(*(m.explained for m in read if m.word_share >= MIN_GLOSS)) - set(mine.explained) \
        if mine else set()
    parts = [m.text for m in read if unsaid and set(m.explained) == unsaid and m.word_share >= 1.0
             and m.text not in found and found not in m.text]
    return found + parts[0] if len(parts) == 1 else found


def own_label(phrase: str, terms: list[str], own: list[str]) -> str | None:
    """A row label of the unit's own tables that no other document prints (肉类储备 for "meat reserves"), when the
    dictionary reads it as saying the whole phrase and the phrase the whole label, clearly ahead of every term.
    Read as a term only so: a unit's own labels are many (project names), and one saying part of the phrase is the
    likelier a wrong reading ("construction works": 职业能力建设管理)."""
    from qa.gloss import best, stems

    read = [m for m in best(stems(phrase), terms + own) if not m.chance]
    # (said whole both ways: by the shares, or word for word — every word of the phrase explained, every word of the
    # label said — where the shares weigh a word's senses unevenly: 公共法律服务 for "public legal services")
    if not read or read[0].text not in own or (read[0].word_share < 1.0 or read[0].query_share < 1.0) and not (
            set(read[0].explained) >= stems(phrase) and not unsaid(read[0]) and len(read[0].said) >= 2):
        return None
    return read[0].text if len(read) == 1 or read[0].score - read[1].score >= MIN_GLOSS_LEAD else None


def unsaid(match) -> set[str]:
    """The words of a term, of two characters or more, whose senses the question does not say (a single character
    left unsaid, 费, is no evidence: see qa.gloss.best)."""
    from qa.gloss import senses, words

    return {w for w in words(match.text) if len(w) >= 2 and senses(w) and w not in match.said}


def standard_term(phrase: str, terms: list[str], sources: dict[str, int]) -> str | None:
    """The term of the budget's standard vocabulary the phrase names by the term's English names (qa/budget_en.py),
    where the dictionary reads none."""
    from qa.budget_en import read

    return read(phrase, terms, sources)


# A classification code said with the thing (economic item 30101, functional item "IT construction" (2040219), class
# 303): the rows printing that code are the thing, whatever the English calls it. (Not a figure's digits: 200,000.)
_CODE_SAID = re.compile(r"(?:\b(?:items?|codes?|class(?:es)?|category|heading|subject|classification|line)\s*"
                        r"(?:no\.?\s*)?|\()(\d{3}(?:\d{2}){0,2})(?![\d,])", re.I)


def code_said(question: str) -> str | None:
    """The one classification code an English question says (None: none, or several)."""
    found = set(_CODE_SAID.findall(question))
    return found.pop() if len(found) == 1 else None


def coded_label(code: str, ids: set[str], chunks: dict) -> str | None:
    """The label these chunks' rows (a unit's documents) print beside the code, in the most tables (a procurement table
    prints its purchases beside their function's code, many rows in one table: none is the classification's label),
    never a unit's name; the shorter of two as often printed. None when no row prints it."""
    from qa.phrase import is_unit
    from qa.vocab import norm

    tables: dict[str, set] = {}
    for cid in ids:
        if (c := chunks.get(cid)) is not None and c.kind == "row" and (c.code or "") == code:
            label = re.sub(r"^[\d.、．\s]+|[（(]\d+[)）]$", "", norm(c.label or ""))
            if label and not is_unit(label):
                tables.setdefault(label, set()).add((c.source, c.table))
    return min(tables, key=lambda t: (-len(tables[t]), len(t))) if tables else None
