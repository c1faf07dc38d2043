"""Which unit of the store an English phrase names (Meteorological Bureau → 深圳市气象局), and the dictionary reading
both units and quantities share: the phrase's words read through CC-CEDICT's senses (qa/gloss.py), checked by the
multilingual encoder's ranking; two readers that disagree are a guess, and a guessed unit is no unit."""
from __future__ import annotations

import functools
import re

from qa.bodies_en import standard_body
from qa.gloss import MIN_GLOSS, MIN_GLOSS_LEAD
from qa.meaning import MIN_MARGIN

# ("services" in lower case is what is bought, social worker services, legal services: no body)
_ORG_WORD = r"(?:(?i:bureau|commission|office|department|committee|administration|agency|government|centre|center|" \
            r"authority|council)s?|(?i:service)(?!s\b)|(?-i:Services))"
_KIND_OF_BODY = re.compile(r"\b" + _ORG_WORD + r"\b")


def _clear_first(ranked: list[tuple[float, str]]) -> tuple[float, str] | None:
    """The encoder's first name when it is clearly nearer than the next one (by MIN_MARGIN), else None."""
    if not ranked or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] < MIN_MARGIN):
        return None
    return ranked[0]


def _nearest(query: str, names: list[str]) -> tuple[float, str] | None:
    from qa.meaning import nearest

    return _clear_first(nearest(query, names, 2))


def _ranked(query: str, names: list[str]) -> list[tuple[float, str]]:
    """Every name, nearest to the query first (the encoder's whole ranking)."""
    from qa.meaning import nearest

    return nearest(query, names, len(names))


def _bare(names: list[str], places: set[str]) -> dict[str, str]:
    """Each name without its place (深圳市气象局 → 气象局), to the name: the place is read from its pinyin."""
    bare: dict[str, str] = {}
    for n in names:
        b = n
        for p in sorted(places, key=len, reverse=True):
            b = re.sub(f"^(?:中共)?{p}[市省县区]?(?:委)?", "", b)
        bare.setdefault(b, n)
    return bare


def _gloss_reading(query: str, names: list[str], places: set[str] = frozenset(),
                   prefer: dict[str, int] | None = None) -> tuple[str | None, bool]:
    """The name whose dictionary senses the English words say (Public Security Bureau → 公安局: public security,
    bureau): most of the query said by most of the name, clearly ahead of the next name, or among names that say
    it equally the one `prefer` ranks first (the term more documents use). Also whether the dictionary read the
    words as any name at all."""
    from qa.gloss import best, fullness, stems

    bare = _bare(names, places)
    read = best(stems(query), list(bare))
    if prefer is not None:
        # a term said by one sense of a single character (被装购置费 for "trips": 被) is no reading; a unit's name
        # is checked by the encoder besides
        read = [m for m in read if not m.chance]
    found = [m for m in read if m.word_share >= MIN_GLOSS and m.query_share >= MIN_GLOSS]
    # clearly ahead of every other reading, even one too weak to be taken (其他收入 barely over the bar, 事业收入
    # just under it, for "revenue": the question does not tell them apart)
    tied = [m for m in read if m.score > found[0].score - MIN_GLOSS_LEAD] if found else []
    if prefer is not None and tied and any(set(m.explained) - set(tied[0].explained) for m in found):
        # a word of the question that another fair reading says is left unsaid by this one (行政运行 for
        # "administrative operating costs", whose "costs" 物业管理费 says): the reading is of part of the question
        return None, True
    if len(tied) > 1:
        # names read equally: the one whose words' definitions the query says whole (财政局 for "Finance", where
        # 审计 is "to examine finances")
        whole = {m.text: sum(fullness(w, frozenset(m.explained)) for w in m.said) / len(m.said) for m in tied}
        ranked = sorted(tied, key=lambda m: -whole[m.text])
        tied = ranked[:1] if whole[ranked[0].text] > whole[ranked[1].text] else tied
    if len(tied) > 1 and prefer:
        if any(m.word_share < 1.0 for m in tied):
            # each leaves some of its words unsaid (事业收入, 其他收入 for "revenue"): other quantities, not other
            # wordings of one, and the question does not say which
            return None, True
        tied = sorted(tied, key=lambda m: -prefer.get(m.text, 0))
        tied = tied[:1] if prefer.get(tied[0].text, 0) > prefer.get(tied[1].text, 0) else tied
    if len(tied) > 1:
        # names the dictionary reads equally (交通运输局 and 公安局交通管理局 for "Transportation"): the encoder
        # may tell them apart, choosing among these only
        near = _nearest(query, [bare[m.text] for m in tied])
        return (near[1] if near else None), True
    return (bare[tied[0].text] if tied else None), bool(read)


def pinyin(text: str) -> str:
    """The text read in pinyin, without tones or spaces (深汕 → shenshan)."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower()


@functools.lru_cache(maxsize=4096)
def _spellings(name: str) -> frozenset[str]:
    """The pinyin of every run of two to four characters of a name (大鹏 → dapeng)."""
    return frozenset(pinyin(name[i:j]) for i in range(len(name)) for j in range(i + 2, min(i + 4, len(name)) + 1))


def spelled_by(word: str, names: list[str]) -> list[str]:
    """The names part of which the word spells in pinyin (Dapeng: …大鹏管理局)."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    return [n for n in names if letters in _spellings(n)]


def _spelled(phrase: str, names: list[str]) -> tuple[str, list[str]]:
    """The names a capitalised word of the phrase spells in pinyin (Dapeng: …大鹏管理局; Shenshan: …深汕监管局), and
    the phrase without that word: a district or an office named in its own name, which no dictionary sense reads.
    (The phrase and every name when no word spells a name.)"""
    for word in re.findall(r"\b[A-Z][a-z'’]+\b", phrase):
        spelled = spelled_by(word, names)
        if spelled:
            return " ".join(re.sub(rf"\b{re.escape(word)}\b", " ", phrase).split()), spelled
    return phrase, names


def _unit(phrase: str, names: list[str], places: set[str]) -> str | None:
    """The unit an English phrase names, read by the dictionary from the words before the kind of body (which
    almost every name says, and no single character of it that the dictionary glosses: 局 is "office") and by the
    encoder from the whole phrase. Two readers that disagree are a guess either way: no unit, unless the dictionary
    reads every word of the phrase as every word of one name (Public Security → 公安局), which the encoder, near
    0.8 for any pair of English and Chinese names, cannot overrule. A word spelling part of some names in pinyin
    (Dapeng) narrows the reading to those names."""
    from qa.gloss import best, stems

    rest, spelled = _spelled(phrase, names)
    if spelled is not names and len(spelled) > 1:
        return _unit(rest, spelled, places) if rest else None
    if spelled is not names:
        # one name spelled: the rest of the phrase must be its words (market regulation … Shenshan office:
        # 市场监督管理局深汕监管局), whose other part the spelling says
        bare = next(iter(_bare(spelled, places)))
        read = best(stems(rest), [bare])
        return spelled[0] if not stems(rest) or read and read[0].query_share >= MIN_GLOSS else None
    bare = _bare(names, places)  # (each name without its place, to the name: read by every reading below)
    body = standard_body(phrase)
    held = [n for b, n in bare.items() if b in (body, f"人民政府{body}")] if body else []
    if len(held) == 1:
        # named by the body's standard English name (Healthcare Security Administration: 医疗保障局; the SASAC is
        # the 人民政府's), qa/bodies_en.py. (A body the store lacks is read as before: askers name a unit loosely,
        # Water Resources Bureau for 水务局, and the readers below decline the ones the store does not hold.)
        return held[0]
    # the kind of body ends the phrase or opens it (Bureau of Commerce); inside it, it is the unit's own word
    # (Government Affairs Service Bureau)
    words = re.sub(rf"^{_ORG_WORD}\b(?:\s+of\b)?|\b{_ORG_WORD}$", " ", phrase.strip()).strip() or phrase
    found, _ = _gloss_reading(words, names, places)
    ranked = _ranked(phrase, names)
    near = _clear_first(ranked)
    sims = {text: sim for sim, text in ranked}

    def not_behind(name: str) -> bool:
        # the encoder does not put the name behind its first (a tie within MIN_MARGIN included): with the
        # dictionary's clear reading, two readers agree; the encoder alone could not have chosen among the tied
        return sims.get(name, -1.0) >= ranked[0][0] - MIN_MARGIN

    if found and near and near[1] != found:
        # …unless the dictionary is split between the two: each says a word of the phrase the other leaves
        # unsaid (Water Affairs: 民政局 affairs, 水务局 water), and the encoder's is mostly said as well
        read = {bare[m.text]: m for m in best(stems(words), list(bare))}
        mine, theirs = read.get(found), read.get(near[1])
        split = mine and theirs and theirs.word_share >= MIN_GLOSS and \
            set(theirs.explained) - set(mine.explained) and set(mine.explained) - set(theirs.explained)
        # (two words or more: a single word, "government", is said whole by too many names' glosses)
        whole = mine and mine.word_share >= 1.0 and mine.query_share >= 1.0 and len(stems(words)) >= 2
        if not whole and len(stems(words)) < 2:
            # a name made mostly of kinds of body (Government General Office: 人民政府办公厅): read whole, kind words
            # and all, by three words or more
            full = next((m for m in best(stems(phrase), list(bare)) if bare[m.text] == found), None)
            whole = bool(full) and full.word_share >= 1.0 and full.query_share >= 1.0 and len(stems(phrase)) >= 3
        return found if whole and not split else near[1] if split else None
    if found:
        # a reading that leaves a word of the phrase unsaid (Xi'an "Water Affairs": 商务局 says affairs, no unit of
        # Xi'an says water) stands only when the encoder does not put it behind another: the unit may be one the
        # store lacks
        read = {bare[m.text]: m for m in best(stems(words), list(bare))}
        if set(stems(words)) - set(read[found].explained) and not not_behind(found):
            return None
    if found is None and ranked:
        # the dictionary's reading too weak to stand alone but its clear first among the encoder's nearest (ports office:
        # 口岸 says the phrase, not the rest of 人民政府口岸办公室): two readers agreeing on the unit
        read = best(stems(words), list(bare))
        first = read[0] if read and (len(read) == 1 or read[0].score > read[1].score) else None
        if first and not_behind(bare[first.text]) and max(first.word_share, first.query_share) >= MIN_GLOSS:
            return bare[first.text]
    # Never the encoder alone: a unit the store does not hold is still near one it does (Chongqing Education
    # Commission → 重庆市人民政府办公厅)
    return found


def _part_of(phrase: str, other: str) -> bool:
    """A body's phrase says words the other phrase of the same unit does not, and the other says none of its own
    apart (Dongjiang water source project office after Water Affairs Bureau): a part of the unit, not the unit said
    again (the same name said shorter is no part)."""
    from qa.gloss import stems

    mine, theirs = stems(_KIND_OF_BODY.sub(" ", phrase)), stems(_KIND_OF_BODY.sub(" ", other))
    return bool(mine - theirs) and bool(mine & theirs)


def _said_whole(words: list[str], names: list[str], places: set[str]) -> tuple[str | None, list[str]]:
    """A unit the question names with no kind of body ("the Xi'an police"): the one name every word of which the
    question's words say, which the encoder reads from those words too; and the words that said it."""
    from qa.gloss import best, senses, stems

    bare = _bare(names, places)
    full = [m for m in best(stems(" ".join(words)), list(bare)) if m.word_share >= 1.0]
    if len(full) != 1:
        return None, []
    said = set().union(*(senses(w) for w in full[0].said))
    own = [w for w in words if stems(w) & said]
    return (bare[full[0].text], own) if own and _unit(" ".join(own), names, places) == bare[full[0].text] \
        else (None, [])
