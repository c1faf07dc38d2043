"""A figure that could answer a numeric question, with how well the question names it: what qa/evidence.py reads
from table rows and qa/narrative.py from sentences, and weighs (qa/weigh.py) before choosing one."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qa.retrieve import Hit

MIN_COVER = 0.5  # below this share of the question said, the evidence is too weak to answer from


@dataclass
class _Candidate:
    score: float
    value: float
    unit: str
    text: str
    hit: Hit
    table: str | None = None
    row: str | None = None
    column: str | None = None
    cover: float = 1.0  # share of the question's bigrams the candidate's name and context say
    total_of: str = ""  # a total row whose column path the question says whole (一般公共预算基本支出/合计)
    part: bool = False  # a row the question names only in part (一般公共服务支出 for 一般公共预算…支出)
    fits_head: bool = True  # it says the term the question asks for (phrase.head_term), or the question says none
    named_row: bool = False  # a row the question names whole (精准预报)
    whole_bonus: float = 0.0  # what the question naming the table's subject added (a total) or took (a part)
    unnamed: bool = False  # a row whose label the question does not say (教育支出 for "基本支出合计"): never the answer
    said: str = ""  # the document's words that name the figure (label, columns, parents and title; or the subject)
    heading: str = ""  # a narrative figure's section heading (part of `said`; it frames, the sentence names)
