"""The documents' term a multilingual encoder places nearest to a phrase in everyday words (qa/reword.py reads a
question again in that term): each term read with what it means — the documents' definition, or the
classification's scope of an item (qa/item_scope.py) —, and taken only when it is clearly nearer than every other
term (qa.meaning.MIN_MARGIN), save two wordings of one quantity."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.item_scope import scope
from qa.vocab import money_stem, norm, wordings

if TYPE_CHECKING:
    from qa.vocab import Vocabulary

# multilingual-e5 similarities are compressed (unrelated short texts score ~0.8); the right term of the colloquial
# phrasings of the dev set scored 0.88-0.92 (measured; see the commit that set it).
MIN_E5 = 0.86


def encoded(phrase: str, terms: list[str], vocab: Vocabulary,
            ties: list[str] | None = None) -> tuple[float, str, str] | None:
    """(similarity, term, why) of the term nearest to the phrase, or None: none near enough (MIN_E5), or two the
    encoder cannot tell apart (their names then put in `ties`, for the decline to say)."""
    try:
        from qa.meaning import MIN_MARGIN, nearest
    except ImportError:  # no encoder to hand: the lexical reading only
        return None
    texts = {t + ("：" + vocab.gloss[t] if t in vocab.gloss else ""): t for t in terms}
    # (an item of the classification read by its name, by its scope or by a document's definition of it, whichever is
    # nearer: a described thing, 托外面单位代办事情, is near what 委托业务费 pays for, not near the two words of its name;
    # and a definition one document prints, 公务接待费：单位按规定开支的各类公务接待…, is no reason to read the term
    # farther than the classification's own account of it)
    texts |= {f"{t}：{said}": t for t in terms if (said := scope(t))} | {t: t for t in terms if t in vocab.gloss}
    found = []  # the two nearest terms (each is one text or two, its name and its scope: three texts hold two terms)
    for sim, text in nearest(phrase, list(texts), 3):
        if all(texts[text] != texts[t] for _, t in found):
            found.append((sim, text))
    if not found or found[0][0] < MIN_E5:
        return None
    sim, text = found[0]
    second = texts[found[1][1]] if len(found) > 1 else ""
    if second and sim - found[1][0] < MIN_MARGIN and not one_family(texts[text], second):
        if ties is not None:
            ties[:] = [texts[text], second]  # (said in the decline)
        return None  # two terms the encoder cannot tell apart: either is a guess (MIN_MARGIN)
    lead = f"，比次近的“{second}”近{sim - found[1][0]:.2f}" if second else ""
    return sim, texts[text], f"近义（{sim:.2f}{lead}）→{texts[text]}"


_LEAD = re.compile(r"近义（[\d.]+，比次近的“[^”]*”近(?P<lead>[\d.]+)）")


def lead_of(why: str) -> float | None:
    """How much nearer the encoder placed the term read than the next one, as its reading says (None: not said)."""
    m = _LEAD.search(why)
    return float(m.group("lead")) if m else None


# A stem this long names one thing: 物业管理费 and 办公用房物业管理服务项目 are one family, 办公费 and 办公设备购置 not.
_FAMILY_STEM = 3


def one_family(a: str, b: str) -> bool:
    """Two wordings of one quantity (qa.vocab.wordings), or a term and a qualified form of it (对企业补助 and
    对企业补助（基本建设）, 经营收入 and 事业单位经营收入资金): no two things a reader must choose between."""
    if wordings(a, b):
        return True
    short, long = sorted((norm(a), norm(b)), key=len)
    stem = money_stem(short)
    return len(stem) >= _FAMILY_STEM and stem in long


NEAR_READING = 0.5  # confidence of a figure read through the encoder's term alone when its lead is not said (README)


def read_near(term) -> list[str]:
    """The words of a reading the encoder's term alone made (近义…), from its basis; none for any other reading."""
    return [w for b in term for w in b.words if "近义" in w]


def said_near(term: str, text: str) -> str:
    """An answer's text, saying first that its figure was read through the encoder's term alone."""
    return f"（问题所说读作文件中的“{term}”，系近义推断）{text}"


def near_confidence(why: list[str]) -> float:
    """The confidence a figure read through the encoder's term alone can have, by how clearly the term led the next
    (measured on the tuned questions: a lead of 0.02 or more was right 43 times in 44, less 55 in 66): from 0.3 for
    a bare lead to 0.7 for one of 0.04 or more."""
    lead = next((x for w in why if (x := lead_of(w)) is not None), None)
    return NEAR_READING if lead is None else round(min(0.7, 0.3 + 10.0 * lead), 3)
