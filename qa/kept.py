"""What a documents' term keeps of the words of a question: a word of two characters (退休金 → 退休费), its
meaningful characters, or a word of the same sense (招待 and 接待). The lexical evidence that a reading of the
question in the documents' terms (qa/reword.py) is a reading, not the encoder's guess."""
from __future__ import annotations

SURE_E5 = 0.895  # sure enough to rest on one shared character (the ones above scored 0.899; a wrong one 0.89)
# Characters every budget phrase carries: sharing one of them says nothing about the meaning.
PLAIN = set("年的了是有费钱金支出预算元多少用给要在为和及其他项目经资")


def kept_words(phrase: str, term: str) -> set[str]:
    """The phrase's two meaningful characters in a row that the term prints (退休 of 退休金 in 退休费)."""
    return {phrase[i:i + 2] for i in range(len(phrase) - 1) if phrase[i:i + 2] in term and set(phrase[i:i + 2]) - PLAIN}


def keeps_a_word(phrase: str, term: str) -> bool:
    """The term keeps two meaningful characters of the phrase in a row (退休金 → 退休费)."""
    return bool(kept_words(phrase, term))


def keeps_a_morpheme(phrase: str, term: str, sim: float = 1.0) -> bool:
    """The term keeps a meaningful word of the phrase (退休金 → 退休费), two meaningful characters (买新公车 →
    公务用车购置) or, when the encoder is sure of it, one (开会 → 会议费, 招待 → 公务接待费): a nearest term that
    shares nothing is the encoder's guess, not a reading of the question."""
    if keeps_a_word(phrase, term):
        return True
    own = set(term) - PLAIN
    if len(term) <= 3 and own and own <= set(phrase):
        # a short term every meaningful character of which the phrase says in that character's own meaning: alone
        # (办公楼|用|电 → 电费), or in a word that keeps its sense; not inside a word meaning something else (缩水,
        # to shrink, holds no 水费)
        from qa.gloss import senses, words

        held = {c: w for w in words(phrase) for c in w if c in own}
        if all(len(w) == 1 or senses(w) & senses(c) for c, w in held.items()) and set(held) == own:
            return True
    shared = (set(phrase) & set(term)) - PLAIN
    return len(shared) >= 2 or (sim >= SURE_E5 and bool(shared))  # 公车 → 公务用车…: two characters kept


def bridged(phrase: str, term: str) -> list[str]:
    """The phrase's words that the term says, or that share an English sense (CC-CEDICT, one that few words have:
    qa.gloss.share_a_sense) with one of its words of two characters or more (招待 and 接待: to entertain guests).
    Single characters bridge nothing: their senses are too many (这: this, 费: fee). The encoder's nearest term that shares no character with the phrase is kept when
    such a word bridges the two."""
    from qa.gloss import share_a_sense, words

    # (nor do words of characters every budget phrase carries, 经费, 支出: said by every question and every term)
    own = [w for w in words(term) if len(w) >= 2 and set(w) - PLAIN]
    return [w for w in words(phrase) if len(w) >= 2 and set(w) - PLAIN and
            (w in term or any(share_a_sense(w, x) or sense_and_character(w, x) for x in own))]


def sense_and_character(word: str, other: str) -> bool:
    """Two words sharing a sense, however common, and a meaningful character (出差 and 差旅: business, 差; 开会 and
    会议: meet, 会): two signs of one meaning where either alone is weak."""
    from qa.gloss import senses

    return bool(senses(word) & senses(other)) and bool((set(word) & set(other)) - PLAIN)
