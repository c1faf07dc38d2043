"""A ranking whose top row holds nearly all of the list (商品和服务支出 with 97 % of a 项目支出 column, ranked among the
economic classes) tells nothing: asked "哪个经济科目最多" without a level, the asker wants the items within it, so the
top row's own coded items are ranked in its place. A question naming the level (哪一类, 类级) keeps the classes."""
from __future__ import annotations

from typing import Callable

# the share of the list's sum its top row holds for the ranking to be of that row's items (nine tenths: a class that
# is the list's whole in all but name)
DOMINANT = 0.9


def items_of_dominant(valued: list[tuple[float, object]], rows: list, amount: Callable[[object], float | None],
                      level: str | None) -> list[tuple[float, object]] | None:
    """The top row's next-level coded items, largest first, with their amounts, when that row holds DOMINANT of the
    list and the question asks no level (`level`: qa.rank._level); else None. `rows`: the rows of the top row's table
    (and half of it, qa.rank._tables)."""
    if level or len(valued) < 2:
        return None
    value, top = valued[0]
    total = sum(v for v, _ in valued if v > 0)
    code = getattr(top, "code", None)
    if not code or value <= 0 or value < DOMINANT * total:
        return None
    kids = [(v, r) for r in rows if (r.code or "").startswith(code) and len(r.code) == len(code) + 2
            and (v := amount(r)) is not None]
    if len(kids) < 2:
        return None
    return sorted(kids, key=lambda t: -t[0])
