"""A question asked in other words, asked again in the documents' own term (qa/vocab.py): the unit and year it
names are kept, the rest is replaced by the term its words abbreviate, whose definition they say, or that the
encoder finds nearest. Used only when no row, column or sentence answers the question as asked."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.models import Basis
from qa.scope import without_names
from qa.vocab import Vocabulary

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

MIN_LEXICAL = 1.0  # a definition that says at least half of the question's words, or a full abbreviation
MIN_DENSE = {"static": 0.80, "e5": 0.93}  # nearest term by encoder: below this it is only a guess


def _vocabulary(retriever: Retriever) -> Vocabulary:
    return retriever.vocabulary()


def reword(question: str, sc: Scope, retriever: Retriever) -> tuple[str, list[Basis]] | None:
    docs = retriever.documents()
    subject = without_names(question, docs, sc)
    vocab = _vocabulary(retriever)
    found = vocab.lexical(subject)
    best = found[0] if found and found[0][0] >= MIN_LEXICAL else None
    if best is None:
        try:
            encoder = retriever._encoder()
        except Exception:  # no encoder to hand: the lexical mapping only
            encoder = None
        if encoder is not None:
            kind = "static" if type(encoder).__name__ == "StaticReader" else "e5"
            near = vocab.dense(subject, encoder, 2)
            if near and near[0][0] >= MIN_DENSE[kind]:
                best = near[0]
    if best is None:
        return None
    _, term, why = best
    names = "".join(dict.fromkeys(sc.named.values()))
    years = "".join(f"{y}年" for y in sc.years)
    asking = "多少" if re.search(r"多少|几", halfwidth(question)) else "是多少"
    again = f"{names}{years}{term}{'是' if asking == '多少' else ''}{asking}"
    return again, [Basis(part="term", text=term, words=[why])]
