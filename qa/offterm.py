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

# A word held by at most this share of the store's documents is specific to what the question is about (西九龙, 骗保,
# 劳务派遣); one that most documents use (人员, 保险, 日常) says nothing about it.
SPECIFIC_SHARE = 0.15
# Below this many documents, how few of them use a word tells nothing: the check is not made.
MIN_DOCUMENTS = 10
MIN_PIECE = 4  # a passage "says the term" when it holds this many of its characters in a row (or the whole term)
PIECE_SHARE = 0.7  # … and at least this share of a long term's characters


def _says(text: str, term: str) -> bool:
    n = min(len(term), max(MIN_PIECE, round(PIECE_SHARE * len(term))))
    return any(term[i:i + n] in text for i in range(len(term) - n + 1))


def off_term(question: str, term: str, known: str, sc: Scope, retriever: Retriever) -> list[str]:
    """The question's words (its unit, year and asking words aside), left out by the term and by `known` (the
    table, row, column and text read), that the named documents use, few documents of the store use, and no chunk
    of the named documents says beside the term."""
    from index.bm25 import segmenter
    from index.entity import in_order
    from qa.reword import _bridged, subject_phrase

    docs = retriever.documents()
    if len(docs) < MIN_DOCUMENTS or not sc.keys:
        return []
    phrase = subject_phrase(question, docs, sc)
    chunks = retriever.chunks()
    bm25 = retriever.store.bm25()
    said = set(_bridged(phrase, term))  # 养护 → 维护: the reading kept its sense
    words = [w for w in segmenter().cut(phrase) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w) and w not in known
             and w not in said and not in_order(w, term)]  # 公车 for 公务用车
    out = []
    for w in dict.fromkeys(words):
        held = bm25.holders(w)
        owners = {chunks.doc_of(cid) for cid in held}
        mine = [cid for cid in held if chunks.doc_of(cid) in sc.keys]
        if not mine or len(owners) > SPECIFIC_SHARE * len(docs):
            continue
        if not any(_says(chunks[cid].text, term) for cid in mine):
            out.append(w)
    return out
