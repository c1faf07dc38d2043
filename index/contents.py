"""The document's own list of its tables (目录): table numbers and the names it gives them.

A page may print a table under a sheet name (财拨结转支出表) or under its number alone; the contents still name it
in full. Read from contents grids (表11 | 部门综合预算财政拨款结转资金支出表 | …) and from contents lines
(表11 部门综合预算财政拨款结转资金支出表……29).
"""
from __future__ import annotations

import re

from index import captions
from index.document import Table
from index.numbers import halfwidth, join_cjk

_DOTS = re.compile(r"[.．…·\s]*\d*\s*$")  # the leader dots and page number a contents line ends with
_PAGE_REF = re.compile(r"(?:[.．…·]{2,}|\s)\s*\d{1,3}\s*$")


def _bare(name: str) -> str:
    return re.sub(r"\s", "", halfwidth(name or ""))


def _key(number: str) -> str:
    return halfwidth(number).replace(" ", "")


def listed_names(tables: list[Table], lines: list[str]) -> dict[str, str]:
    """Table number -> the name the contents give it, from untitled grids pairing a table number with a table
    name, else from text lines that do and end as contents lines end (leader dots, a page number): a table's
    own caption line (表11 财拨结转支出表) is no entry of the contents. A number given two different names by
    one source is dropped (no guessing)."""
    grid_pairs: list[tuple[str, str]] = []
    for t in tables:
        if t.title:
            continue
        for row in t.grid:
            cells = [join_cjk(c).strip() for c in row if c and c.strip()]
            if len(cells) >= 2 and captions.is_table_number(cells[0]) and captions.looks_like_title(cells[1]):
                grid_pairs.append((cells[0], cells[1]))
    line_pairs: list[tuple[str, str]] = []
    for line in lines:
        s = join_cjk(line).strip()
        number = captions.table_number(s)
        if not number or not s.startswith(number) or not _PAGE_REF.search(s):
            continue
        name = _DOTS.sub("", s[len(number):]).strip(" ：:、.-—")
        if name and captions.looks_like_title(name):
            line_pairs.append((number, name))
    out = _unique(line_pairs)
    out.update(_unique(grid_pairs))
    return out


def _unique(pairs: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for number, name in pairs:
        k = _key(number)
        out[k] = name if out.get(k, name) == name else ""
    return {k: v for k, v in out.items() if v}


def name_tables(tables: list[Table], lines: list[str]) -> None:
    """Give each numbered table whose printed title is another name than the contents give its number (not the
    same name with spaces or a suffix) that name, as `listed_title` (the printed title stays as it is)."""
    listed = listed_names(tables, lines)
    for t in tables:
        name = captions.clean_title(listed.get(_key(t.number), "")) if t.number else ""
        a, b = _bare(name), _bare(t.title)
        if a and a not in b and (not b or b not in a):  # not the same name printed with spaces or a suffix
            t.listed_title = name
