"""English questions about the same facts, read as the Chinese question they ask: the place by its pinyin
(Shenzhen → 深圳), the unit by the multilingual encoder's nearest unit name of that place (Meteorological Bureau →
气象局), the quantity by a Chinese term the question quotes (机关运行经费) or else the nearest term of the
documents' own vocabulary, the year as written. The Chinese pipeline then answers it; nothing here is a
dictionary of budget words."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from qa.retrieve import Retriever

_ORG_WORD = r"(?i:bureau|commission|office|department|committee|administration|agency|government|centre|center|" \
            r"service|authority|council)s?"
# Words that ask or join (what, is, the, of…): part of no unit's name and of no quantity's.
_GRAMMAR = (r"what|how|much|many|is|was|are|were|the|of|for|in|its|their|does|do|did|has|have|had|to|on|at|a|an|"
            r"and|according|by|s")
# The words before the kind of body name the unit, capitalised or not ("the public security bureau"), back to a
# grammar word.
_ORG = re.compile(r"((?:\b(?!(?:" + _GRAMMAR + r")\b)[A-Za-z][A-Za-z'’-]*\s+(?:and\s+)?){0,6}" + _ORG_WORD +
                  r"(?:\s+of\s+the\s+(?:[A-Z][A-Za-z'’-]*\s*)+)?)", re.I)
# Words that say the place's rank (市, 省, 县, 区), not the unit: the place is read from its pinyin.
_PLACE_RANK = re.compile(r"\b(?:municipal(?:ity)?|city|provincial|province|county|district|prefecture)\b", re.I)
_CHINESE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff“”\"]+")
_STOP = re.compile(r"\b(?:" + _GRAMMAR + r"|budget(?:ed|s)?|plan(?:s|ned)?|spend|total|year)\b", re.I)
_LOWER = re.compile(r"(?:,?\s*and\s+)?how much (?:lower|less|more|higher)(?: is it)?|than last year|compared with|"
                    r"decrease|increase", re.I)


def is_english(question: str) -> bool:
    letters = sum(ch.isascii() and ch.isalpha() for ch in question)
    return letters >= 0.5 * len(question.replace(" ", ""))


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower()


# multilingual-e5 on short English and Chinese names scores everything near 0.8: the nearest name is taken only
# when it is clearly nearer than the next one (a tie is a guess, and a guessed unit or term is a wrong answer).
MIN_MARGIN = 0.005
# A name or term read through its English senses (qa/gloss.py) must say a fair share of them, and more than the
# next candidate: a single shared common sense (office, expense) is no reading.
MIN_GLOSS = 0.5
MIN_GLOSS_LEAD = 0.05


def _nearest(query: str, names: list[str]) -> tuple[float, str] | None:
    from qa.meaning import nearest

    found = nearest(query, names, 2)
    if not found or (len(found) > 1 and found[0][0] - found[1][0] < MIN_MARGIN):
        return None
    return found[0]


def _by_gloss(query: str, names: list[str], places: set[str] = frozenset(),
              prefer: dict[str, int] | None = None, guess: bool = True) -> str | None:
    """The name whose dictionary senses the English words say (Public Security Bureau → 公安局: public security,
    bureau): most of the query said by most of the name, clearly ahead of the next name, or among names that say
    it equally the one `prefer` ranks first (the term more documents use); else the encoder's nearest name. Without
    `guess` (a unit: another unit's figure is the worst answer), a reading the dictionary finds weak for every name
    is no reading, and the encoder is asked only when the dictionary reads the words as no name at all."""
    from qa.gloss import best, stems

    def bare(name: str) -> str:
        for p in sorted(places, key=len, reverse=True):
            name = re.sub(f"^(?:中共)?{p}[市省县区]?(?:委)?", "", name)
        return name

    read = best(stems(query), [bare(n) for n in names])
    found = [m for m in read if m.word_share >= MIN_GLOSS and m.query_share >= MIN_GLOSS]
    if read and not found and not guess:
        return None  # the dictionary reads the words as several names, none of them well: no guess
    tied = [m for m in found if m.score > found[0].score - MIN_GLOSS_LEAD] if found else []
    if len(tied) > 1 and prefer:
        tied = sorted(tied, key=lambda m: -prefer.get(m.text, 0))
        tied = tied[:1] if prefer.get(tied[0].text, 0) > prefer.get(tied[1].text, 0) else tied
    if len(tied) == 1:
        return next(n for n in names if bare(n) == tied[0].text)
    near = _nearest(query, names)
    return near[1] if near else None


def translate(question: str, retriever: Retriever) -> str | None:
    """The Chinese question an English one asks; None when it names no place or unit the store holds."""
    docs = retriever.documents()
    letters = re.sub(r"[^a-z]", "", question.lower())
    places = sorted({d.get("place") for d in docs.values() if d.get("place")})
    said = [p for p in places if _pinyin(p) and _pinyin(p) in letters]
    years = re.findall(r"(?<!\d)(20\d\d)(?!\d)", question)  # FY2024, 2024's
    orgs = [m.group(1).strip() for m in _ORG.finditer(question)]
    pool = [d for d in docs.values() if not said or d.get("place") in said]
    units: list[str] = []
    for org in orgs:
        # the place's own word ("Xi'an", "Shenzhen") is said by the place, not by the unit
        phrase = " ".join(w for w in org.split() if re.sub(r"[^a-z]", "", w.lower()) not in {_pinyin(p) for p in said})
        phrase = _PLACE_RANK.sub(" ", re.sub(r"^(?:the|a)\s+", "", phrase, flags=re.I)).strip()
        names = sorted({d.get("name") or d.get("entity") or "" for d in pool} - {""})
        if said and len(said) > 1:
            # "the Shenzhen and Chongqing meteorological bureaus": the same kind of unit in each place
            kind = _by_gloss(phrase, sorted({re.sub("^.*?[市省县区]", "", n) for n in names}), guess=False)
            if kind:
                units += [n for n in names if n.endswith(kind)]
        else:
            # the kind of body (Bureau, Commission…) is said by almost every name and by no single character of
            # it that the dictionary glosses (局: office): the words before it tell the units apart
            unit = _by_gloss(re.sub(rf"\b{_ORG_WORD}\b", " ", phrase) or phrase, names,
                             {d.get("place") for d in pool if d.get("place")}, guess=False)
            if unit:
                units.append(unit)
    if not units:
        return None  # no unit of the store, or none clearly nearer than another
    quoted = [c.strip("“”\"") for c in _CHINESE.findall(question)]
    rest = question
    for org in orgs:
        rest = rest.replace(org, " ")
    rest = _STOP.sub(" ", re.sub(r"\b20\d\d\b|\([^)]*\)|[\"“”?.,']", " ", _LOWER.sub(" ", rest)))
    term = quoted[0] if quoted else None
    if term is None and rest.strip():
        from qa.reword import _vocabulary

        vocab = _vocabulary(retriever)
        keys = {k for k, d in docs.items() if (d.get("name") or d.get("entity")) in units}
        ids = {cid for k in keys for cid in docs[k].get("chunk_ids") or []}
        labels = sorted({t for t in vocab.terms_of(ids, retriever.chunks()) if vocab.common(t)})
        term = _by_gloss(" ".join(rest.split()), sorted(set(labels) | set(vocab.gloss)), prefer=vocab.sources)
    if term is None or re.search(r"\bhow many\b", question, re.I):
        # "How many vehicles…" asks a count, which no term of the money tables reads: declined rather than
        # answered with an amount.
        return None
    several = "和".join(dict.fromkeys(units))
    year = "".join(f"{y}年" for y in dict.fromkeys(years))
    total = "合计" if len(set(units)) > 1 else ""
    out = f"{several}{year}{term}{total}是多少"
    if _LOWER.search(question):
        out += "，比上年减少多少"
    return out
