"""A part of a unit an English question names (the Eastern Water Source Management Centre of the Shenzhen Water
Affairs Bureau, the Bureau's data management centre): one of the subordinate units its department's documents print
a block for, read from the phrase as a unit's name is (qa/english_unit.py), by the dictionary and the encoder
together. The Chinese question then names it after its department, as a Chinese asker would (qa/unit_row.py)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from qa.english_named import PLACE_RANK, Named, documents_of
from qa.english_unit import _unit, spelled_by
from qa.gloss import proper_names
from qa.unit_row import block_rows

if TYPE_CHECKING:
    from qa.retrieve import Retriever


class Part(NamedTuple):
    unit: str  # the department whose block it is
    name: str  # the part's own name, as its department's documents print it (深圳市东部水源管理中心)
    phrase: str  # the question's words that named it


def part_named(found: Named, retriever: Retriever) -> Part | None | bool:
    """The subordinate unit the question names of its one unit; None when it names none; False when it names a part
    of the unit (in words the unit's name does not say) that none of the unit's blocks is: a part the store has
    no figures of, declined rather than answered with the department's."""
    units = list(dict.fromkeys(found.units))
    if len(units) != 1 or not (found.parts or found.loose):
        return None if not found.parts else False
    docs = retriever.documents()
    blocks = [u for u, _ in block_rows(sorted(documents_of(units, docs)), retriever.chunks())]
    places = {d.get("place") for d in docs.values() if d.get("place")}
    # (a second phrase read as the same unit: either may be the part, the first read as the unit loosely — the
    # Hydrology and Water Quality Centre under the Water Affairs Bureau)
    for phrase in found.parts + found.loose + (found.orgs if found.parts else []):
        words = " ".join(w for w in phrase.split() if re.sub(r"[^a-z]", "", w.lower()) not in found.place_words)
        if any(proper_names(w) and not spelled_by(w, blocks) for w in re.findall(r"\b[A-Z][a-z]+\b", words)):
            continue  # a part named in its own name (Dongjiang: 东江) that no block is: not its sibling (东部)
        read = _unit(PLACE_RANK.sub(" ", words).strip(), blocks, places) if blocks else None
        if read:
            return Part(units[0], read, _with_joint(phrase, found))
    return False if found.parts else None


# The words that join a part to its unit (…Centre, one of the units under the … Bureau; …Office of the … Bureau)
_JOINT = (r"(?:,?\s*(?:one\s+of\s+the\s+units\s+|a\s+(?:sub(?:ordinate)?[\s-])?unit\s+)?"
          r"(?:under|of|within|attached\s+to|subordinate\s+to|affiliated\s+(?:to|with)|belonging\s+to|run\s+by)"
          r"\s+(?:the\s+|its\s+)?)")


def _with_joint(phrase: str, found: Named) -> str:
    """The part's phrase with the words joining it to its unit's name after it ("under the"): no words of the
    quantity either."""
    names = [o for o in found.orgs + found.parts if o != phrase]
    m = re.search(re.escape(phrase) + _JOINT + "(?=" + "|".join(map(re.escape, names)) + ")", found.question) \
        if names else None
    return m.group(0) if m else phrase
