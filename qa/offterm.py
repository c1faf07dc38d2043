"""A question reworded into a table's term can lose what it was about. "口岸办给派到西九龙站的人发的补贴" reworded as
津贴补贴 reads the economic-class row of every allowance, while the document prints the posting's own allowance in a
sentence that names 西九龙. When the question keeps words the named document uses, that few documents of the store
use, and that no passage says together with the term, the term's figure is not the one asked: it is not given."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

MIN_PIECE = 4  # a passage "says the term" when it holds this many of its characters in a row (or the whole term)
PIECE_SHARE = 0.7  # … and at least this share of a long term's characters


def _says(text: str, term: str) -> bool:
    n = min(len(term), max(MIN_PIECE, round(PIECE_SHARE * len(term))))
    return any(term[i:i + n] in text for i in range(len(term) - n + 1))


def off_term(question: str, term: str, known: str, sc: Scope, retriever: Retriever,
             rare: dict[str, tuple[int, list[str]]] | None = None) -> list[str]:
    """The question's specific words (qa.specific.rare_words), left out by the term and by `known` (the table, row,
    column and text read), that no chunk of the named documents says beside the term."""
    from index.entity import in_order
    from qa.item_scope import scope
    from qa.kept import bridged
    from qa.reword import subject_phrase
    from qa.specific import rare_words

    rare = rare_words(question, sc, retriever) if rare is None else rare
    if not rare:
        return []
    said = set(bridged(subject_phrase(question, retriever.documents(), sc), term))  # 养护 → 维护: sense kept
    # …or what the classification says the item pays for (制服 of 被装购置费: 购置制服和被装); a class's examples
    # (对个人和家庭的补助，如…抚恤金) are items of their own, with figures of their own
    said |= {w for w in rare if w in (scope(term) or "").split("，如")[0]}
    chunks = retriever.chunks()
    return [w for w, (_, mine) in rare.items()
            if w not in known and w not in said and not in_order(w, term)  # 公车 for 公务用车
            and not any(_beside(chunks[cid].text, w, term) and not _row_named(chunks[cid], w) for cid in mine)
            and any(_as_a_word(chunks[cid].text, w) for cid in mine)]


def _as_a_word(text: str, word: str) -> bool:
    """Some sentence of the text says the word as a word (one of jieba's words holds it), not only as characters that
    end one word and begin the next (建国 of 省部共建国家重点实验室 is no 建国)."""
    from index.bm25 import segmenter

    return any(word in w for part in re.split(r"[。；;\n]", text) if word in part
               for w in segmenter().lcut(part) if len(w) >= len(word))


def _row_named(chunk, word: str) -> bool:
    """A row the word names (its label, before the cells), in a row's or a whole table's passage: the term among its
    columns does not say the word beside the term (科普活动's 一般公共预算拨款 is another row than the 一般公共预算 read
    for "一般公共预算里，搞科普的钱")."""
    if chunk.kind == "row":
        return word in (chunk.label or "")
    return chunk.kind == "table" and any(word in line.split("：", 1)[0] for line in chunk.text.split("\n")
                                         if "：" in line)


def _beside(text: str, word: str, term: str) -> bool:
    """A sentence, row or cell of the text says the word and the term together (a whole table's chunk holds both
    in far-apart rows: that is not the term's passage saying the word)."""
    return any(word in part and _says(part, term) for part in re.split(r"[。；;\n]", text))
