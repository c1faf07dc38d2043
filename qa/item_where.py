"""Where a question says to look, among project rows read as its item: "专项经费中，X的综合业务经费" names the table
(专项业务经费支出表) whose row is the item's whole; a row of another table printing the same name (a line of the
procurement table, one purchase of the item) shares its words, and more of them when its description cells happen to
say one of the question's (地铁 of a purchase's 规格型号), yet it is not what was asked."""
from __future__ import annotations

import re

from qa.phrase import clean, grams

_CLOSE = re.compile(r"(?:之?中|里面?|内|当中)?[，,：:\s]*$")  # the words closing a where (专项经费中，)

SAID = 0.5  # share of the where's word pairs a table's title must say to be where the question looks


def said_where(where: str, table: str | None) -> float:
    """The share of the where's word pairs (its names and year already out) the title says."""
    own = grams(clean(_CLOSE.sub("", where)))
    return len(own & grams(clean(table or ""))) / len(own) if own else 0.0


def placed_first(found: list, where: str) -> list:
    """The items (best first, qa.items.scored_items), or only the project rows of the table the question says to
    look in when the best is a row of a table that does not say it: where the question looks decides between two
    tables' rows; their shares decide within one."""
    if not where or not found or found[0].chunk.kind != "row" or said_where(where, found[0].chunk.table) >= SAID:
        return found
    there = [f for f in found if f.chunk.kind == "row" and said_where(where, f.chunk.table) >= SAID]
    return there or found
