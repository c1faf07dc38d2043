"""The units an English question names: the place by its pinyin (Shenzhen → 深圳), each body by the dictionary and
the multilingual encoder's reading of its English name (qa/english_unit.py), and whether the unit's own office
(本级) is asked; nothing here reads the quantity asked (qa/english.py)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from qa.english_unit import _ORG_WORD, _part_of, _said_whole, _unit, spelled_by
from qa.english_unit import pinyin as _pinyin  # (a place's pinyin, as a unit's)
from qa.gloss import proper_names

if TYPE_CHECKING:
    from qa.retrieve import Retriever

# Words that ask or join (what, is, the, of…): part of no unit's name and of no quantity's.
_GRAMMAR = (r"what|how|much|many|is|was|are|were|the|of|for|in|its|their|does|do|did|has|have|had|to|on|at|a|an|"
            r"and|according|by|than|among|s")
# Words that frame the question (how much will X set aside, allocate, expect to spend): no quantity's words.
_FRAMING = (r"budget(?:ed|s|ing)?|plan(?:s|ned)?|spend(?:s|ing)?|spent|total|year|will|would|set|aside|allocat\w*|"
            r"earmark\w*|expect\w*|"
            # (the asker's verbs of what the unit states or intends: it says, wants to…; not "aim", which may name the
            # target itself, 目标)
            r"say(?:s|ing)?|said|want(?:s|ed)?|intend(?:s|ed)?|hope[sd]?|"
            r"amount|figure|money|much|what|whats|which|combined|together|altogether|"
            # (the verbs of paying it out: hands to enterprises, gives, goes to, puts into)
            r"hand(?:s|ed|ing)?|give[sn]?|gave|giving|go(?:es|ing)?|went|put(?:s|ting)?|"
            # (…-based: what a thing is based on, performance-based wages, is said by the word before it)
            r"(?<=-)based|"
            # where the figure is read and how exactly it is asked (according to its final accounts, actually
            # spent, just to…): the source is the document the year and unit choose
            r"according|final|accounts?|actual(?:ly)?|specifically|just|exactly|receive[ds]?|"
            # how the unit is taken (taking X as a whole department, all its units): its scope, no quantity's words
            r"taking|take[ns]?|counting|whole|entire|overall|consolidated|all|units?")
# The words before the kind of body name the unit, capitalised or not ("the public security bureau"; a list of its
# fields with commas: "culture, tourism and sports bureau"), back to a
# grammar word.
_ORG = re.compile(r"((?:\b(?!(?:" + _GRAMMAR + "|" + _FRAMING + r")\b)[A-Za-z][A-Za-z'’-]*,?\s+(?:and\s+)?){0,6}" + _ORG_WORD +
                  r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][A-Za-z'’-]*)(?:\s+(?:and\s+)?(?-i:[A-Z][A-Za-z'’-]*))*)?)", re.I)
# Words that say the place's rank (市, 省, 县, 区), not the unit: the place is read from its pinyin.
PLACE_RANK = re.compile(r"\b(?:municipal(?:ity)?|city|provincial|province|county|district|prefecture)\b", re.I)
_FISCAL = re.compile(r"\b(?:FY|fiscal\s+year)\s*'?((?:20)?\d\d)\b", re.I)
_OFFICES_OF = re.compile(r"\b(?:the|its|their)\s+(?-i:offices?)\s+of\s+(?=(?:the\s+)?[A-Z])")
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s\b")
STOP = re.compile(r"\b(?:" + _GRAMMAR + "|" + _FRAMING + r")\b", re.I)
# The unit's own office (本级), said after its name: "(own office)", "its own office", "own-office budget".
# (…but keeping its own office running is what the office costs to run, 机关运行: no scope)
_KEEPING = "".join(f"(?<!{verb} )(?<!{verb} its )" for verb in ("keep", "keeping", "run", "running", "maintaining"))
_OWN_OFFICE = re.compile(r"\(\s*(?:its\s+)?own\s+office\s*\)|" + _KEEPING +
                         r"\b(?:its\s+)?own[\s-]+office\b(?!s?\s+(?:running|operat))", re.I)

_BODY_OF = re.compile(r"(.+?\b" + _ORG_WORD + r")\s+(?:of|under)\s+(?:the\s+)?(.+\b" + _ORG_WORD + r")", re.I)
_NAME_GLOSS = re.compile(r"\s*\([A-Za-z ,'’-]+\)\s*(?=" + _ORG_WORD + r"\b)")


# A proper name said as a unit's own, before the kind of body it names (the Longgang branch, Futian district office).
_BRANCH = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?i:branch|sub-?bureau|district)|" + _ORG_WORD + r")\b")


def names_of(entries) -> list[str]:
    """The units' names of these manifest entries."""
    return sorted({d.get("name") or d.get("entity") or "" for d in entries} - {""})


def _places_said(question: str, places: list[str]) -> list[str]:
    """The places whose pinyin is one or a few whole words of the question (Xi'an, Chong Qing): a place of one
    syllable (泗: si) is no part of another word (trips in)."""
    words = [w for w in (re.sub(r"[^a-z]", "", w.lower()) for w in question.split()) if w]
    spans = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)) + 1)}
    return [p for p in places if _pinyin(p) in spans]


class Named(NamedTuple):
    question: str  # the question as read (its fiscal year a year, its own office and glosses taken out)
    units: list[str]  # the store's units it names
    orgs: list[str]  # the words that named them
    own_office: bool  # the unit's own office (本级) asked
    place_words: set[str]  # the pinyin of the places it names
    parts: list[str] = []  # phrases naming a part of a unit in words its name does not say (read among its blocks)
    loose: list[str] = []  # phrases naming a body that is no unit of the store (perhaps a part of one)


def units_named(question: str, retriever: Retriever) -> list[str]:
    """The store's units an English question names (none when it names a place the store lacks or a part of a unit
    the store has no document of)."""
    found = named(question, retriever.documents())
    return found.units if found else []


def documents_of(units: list[str], docs: dict) -> set[str]:
    """The store's documents (manifest keys) of these units."""
    return {k for k, d in docs.items() if (d.get("name") or d.get("entity")) in units}


def named(question: str, docs: dict) -> Named | None:
    """What an English question names (None when no unit of the store, or a place or part of a unit it lacks)."""
    question = _FISCAL.sub(lambda m: f"20{m.group(1)[-2:]}", question)  # FY2026, FY26, fiscal year 2026: the year
    question = _POSSESSIVE.sub("", question)  # Shenzhen's weather bureau, the Bureau's budget
    own_office = bool(_OWN_OFFICE.search(question))
    question = _OWN_OFFICE.sub(" ", question)
    # the asker's gloss inside a unit's name ("Letters and Visits (petitions) Bureau") is no word of the name
    question = _NAME_GLOSS.sub(" ", question)
    # (the unit's offices, said before its name in lower case, are the unit: "the offices of the Chongqing …
    # Commission of Economy and Information Technology" names that commission)
    question = _OFFICES_OF.sub(" ", question)
    places = sorted({d.get("place") for d in docs.values() if d.get("place")})
    said = _places_said(question, places)
    if not said and any(proper_names(w) for w in re.findall(r"\b[A-Z][a-z]+\b", question)):
        # a place named in its own name (Hangzhou: 杭州) that no document of the store is of: its units' names are
        # those of the store's places too, and reading them there would answer for another city
        return None
    place_words = {_pinyin(p) for p in said}
    every = names_of(docs.values())
    if any(proper_names(w) and not spelled_by(w, every) for w in _BRANCH.findall(question)):
        # a district's branch or office named in its own name (the Longgang branch: 龙岗) that no unit of the store
        # is named by: a unit the store lacks, not the nearest branch it holds
        return None
    # a kind of body alone ("government procurement") names no unit
    # (and "its own offices", the unit's offices in general, names none: running its own offices is 机关运行)
    orgs = [o for m in _ORG.finditer(question)
            if not re.fullmatch(r"(?:(?:its|their|own)\s+)*" + _ORG_WORD, o := m.group(1).strip(), re.I)]
    pool = [d for d in docs.values() if not said or d.get("place") in said]
    names = names_of(pool)
    pool_places = {d.get("place") for d in pool if d.get("place")}
    units: list[str] = []
    named_by: dict[str, str] = {}  # unit -> the words that named it first
    naming: list[str] = []  # the phrases that named a unit ("public legal services" names none: it is the quantity)
    # "the Dapeng branch of the … Bureau": the branch's own name, said before the body's, is a word of its unit
    # (the phrase that names the unit is then the question's words from the branch's name to the body's)
    branches = [m for m in _BRANCH.finditer(question) if spelled_by(m.group(1), names)]
    if len(orgs) == 1 and branches and branches[0].start() < (at := question.find(orgs[0])):
        orgs = [question[branches[0].start():at + len(orgs[0])]]
    parts: list[str] = []
    loose: list[str] = []

    def bare_phrase(org: str) -> str:
        # the place's own word ("Xi'an", "Shenzhen") is said by the place, not by the unit
        phrase = " ".join(w for w in org.split() if re.sub(r"[^a-z]", "", w.lower()) not in place_words)
        return PLACE_RANK.sub(" ", re.sub(r"^(?:the|a)\s+", "", phrase, flags=re.I)).strip()

    for org in orgs:
        phrase = bare_phrase(org)
        # "the Eastern Water Source Management Centre of the Shenzhen Water Affairs Bureau": a body of a body, the
        # first a part of the second (one of its units, qa/english_part.py)
        body_of = _BODY_OF.fullmatch(org)
        if said and len(said) > 1:
            # "the Shenzhen and Chongqing meteorological bureaus": the same kind of unit in each place
            kind = _unit(phrase, sorted({re.sub("^.*?[市省县区]", "", n) for n in names}), set())
            if kind:
                units += [n for n in names if n.endswith(kind)]
                naming.append(org)
        else:
            unit = _unit(phrase, names, pool_places)
            if unit and unit in named_by and _part_of(phrase, named_by[unit]):
                # "the Water Affairs Bureau's Dongjiang water source project office": a second body read as the
                # same unit, in words the first does not say, is a part of it: one of its units, or declined
                parts.append(org)
                continue
            if body_of and unit is None and (unit := _unit(bare_phrase(body_of.group(2)), names, pool_places)):
                parts.append(body_of.group(1))
            elif body_of and unit:
                loose.append(body_of.group(1))  # (the General Office of the … Government: the unit's own name)
            elif unit is None:
                loose.append(org)
            if unit:
                units.append(unit)
                naming.append(org)
                named_by.setdefault(unit, phrase)
    orgs = naming if units else orgs
    if not orgs and len(said) == 1:
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", STOP.sub(" ", question))
                 if re.sub(r"[^a-z]", "", w.lower()) not in place_words and not PLACE_RANK.fullmatch(w)]
        unit, orgs = _said_whole(words, names, pool_places)
        units += [unit] if unit else []
    if not units:
        units, orgs = _by_acronym(question, pool)
    if not units:
        return None
    return Named(question, units, orgs, own_office, place_words, parts, loose)


_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")


def _by_acronym(question: str, pool: list[dict]) -> tuple[list[str], list[str]]:
    """The one unit the question names by the acronym the dictionary gives a name the documents call it by (the
    Xi'an SASAC: 国资委, "State-owned Assets Supervision and Administration Commission (SASAC)"), and the acronym;
    none when no unit, or more than one, is so named."""
    from qa.gloss import senses

    said = {a.lower(): a for a in _ACRONYM.findall(question)}
    found = {d.get("name") or d.get("entity"): [said[x] for x in said if x in senses(a)]
             for d in pool for a in d.get("aliases") or [] if set(said) & senses(a)}
    return (list(found), next(iter(found.values()))) if len(found) == 1 else ([], [])
