"""Whose figure a table row is: a department's document often prints its tables once per unit (the department's
line, its own office 本级, then each subordinate unit with the same items under it, or one 三公经费 line per 预算单位).
A row of another unit's block is not the department's figure, however well its words fit the question: 深圳市考试院's
公务接待费 is not 深圳市人力资源和社会保障局's."""
from __future__ import annotations

import os
import re

from index.entity import clean_name, org_suffix, place_of
from index.numbers import halfwidth

# A text cell naming the unit a line is printed for (预算单位=深圳市考试院), and the unit code some print before it.
_UNIT_CELL = re.compile(r"(?:预算单位|单位名称)=([^；;]+)")
_CODE = re.compile(r"^\s*[\[［【(（]?\d{3,}[\]］】)）]?\s*")
# A question asking the department's own office, not its subordinate units.
OWN_OFFICE = re.compile(r"本级|机关(?:本身|自己|自身)|[局委厅办]机关|(?:不含|不算|不包括|除去|除了)(?:下属|所属|二级)")
# …beside other units (署本级和下面三个中心, 四家预算单位里谁, 哪家): the office is one of those compared, not the one
# asked (哪一块, 哪一项 choose among its items)
_BESIDE = re.compile(r"(?:本级|机关)[和与及、跟]|[和与及、跟][^，,。？?]{0,12}(?:本级|机关)|[两三四五六七八九十\d]+[家个]|谁|"
                     r"哪一?家|哪一?个?(?:单位|部门|机构)")
MIN_NAME = 4  # a shorter name is a cut-off piece of a cell (厅（本级）), no unit's
# The words joining a subordinate unit to its department (深圳水务局下属的观澜河流域管理中心): no words of the thing asked.
JOINING = re.compile(r"(?:下属|所属|下面|下辖|旗下|管的)的?(?:单位)?")


def row_unit(chunk) -> str | None:
    """The unit a row chunk is printed for: its block's unit, or its 预算单位 cell."""
    if chunk.budget_unit:
        return chunk.budget_unit
    if chunk.kind != "row":
        return None
    m = _UNIT_CELL.search(chunk.text.split("｜", 1)[-1])
    return m.group(1).strip() if m else None


def other_unit(chunk, question: str) -> str | None:
    """The unit a row's figure is printed for, when the question asks about another: a subordinate unit the
    question does not name, or the department's own office (本级) when the question asks the department (its
    document is the whole department's and the question does not say 本级). None when the row is the asked unit's."""
    unit = row_unit(chunk)
    if not unit:
        return None
    name, scope = clean_name(_CODE.sub("", halfwidth(unit)))
    own, own_scope = clean_name(halfwidth(chunk.entity or ""))
    q = halfwidth(question)
    if len(name) < MIN_NAME or own.startswith(name):  # the document's unit (its name cut short by a wrapped cell)
        return unit if scope == "本级" and own_scope != "本级" and not OWN_OFFICE.search(q) else None
    if named_whole(unit, question):  # (考试院: its name without the place)
        return None
    return None if _named_by_own_words(name, own, q) else unit


def _named_by_own_words(name: str, department: str, question: str) -> bool:
    """Whether the question names the unit by what tells it from its department: 执法监察 of 西安市安全生产执法
    监察支队 under 西安市安全生产监督管理局 (the words they share and the organisation word dropped), the way a
    question says it (下面那支执法监察队伍). Four characters of those words, or all of them when shorter, that the
    department's name does not hold (生态环境 of 广东省深圳生态环境监测中心站 is 深圳市生态环境局's word too)."""
    shared = len(os.path.commonprefix([name, department]))
    rest = name[shared:]
    rest = rest[: -len(suffix)] if (suffix := org_suffix(rest)) else rest
    if len(rest) < 2:
        return False
    n = min(4, len(rest))
    # (no words across the places it opens with: 深圳生态 of 广东省深圳生态环境监测中心站 is a place and the
    # department's word)
    own = rest[max(0, len(name) - len(_bare(name, place_of(department)[0])) - shared):]

    def says(words: str, n: int) -> bool:  # n characters in a row of the words, the question's, not the department's
        return any((w := words[i:i + n]) in question and w not in department for i in range(len(words) - n + 1))

    # (…or said short, without the words that join its parts: 文体水务 of 文体和水务工程管理中心)
    joined = _CONJUNCTION.sub("", own)
    return says(own, n) or len(own) > len(joined) >= 4 and says(joined, 4)


_CONJUNCTION = re.compile(r"[和及与]")


def _bare(name: str, home: str = "") -> str:
    """A name without the places it opens with, its department's `home` among them (广东省深圳生态环境监测中心站 →
    生态环境监测中心站)."""
    for _ in range(3):
        place, rest = place_of(name)
        if not place and home and name.startswith(home):
            place, rest = home, name[len(home):]
        if not place or len(rest) < 2:
            break
        name = rest.lstrip("省市区县")
    return name


def units_named(question: str, keys, chunks) -> list[str]:
    """The units of the documents `keys` whose blocks the question names (their name, the name without the place,
    or what tells them from their department: 执法监察队伍), the department itself aside: a question asked again in
    other words keeps them, or it would ask the department's figure."""
    blocks = block_rows(keys, chunks)
    found = list(dict.fromkeys(unit for (unit, _), c in blocks.items() if other_unit(c, question) is None))
    # a unit named whole (北部水源工程管理处) is the one asked, not its siblings whose own words it shares (水源工程 of
    # 东江水源工程管理处)
    whole = [u for u in found if named_whole(u, question)]
    return whole or found


def block_rows(keys, chunks) -> dict[tuple[str, str], object]:
    """The subordinate units the documents `keys` print blocks for (the department and its own office aside), each
    with one row of its block, by (unit, department). Read once per documents and store: every search asks it."""
    def read() -> dict[tuple[str, str], object]:
        # (one row of each unit stands for its block: whose it is depends on the unit and the document, not the row)
        blocks: dict[tuple[str, str], object] = {}
        for key in keys:
            for c in chunks.of_doc(key).values():
                if c.kind == "row" and c.budget_unit and "本级" not in c.budget_unit:
                    blocks.setdefault((c.budget_unit, c.entity or ""), c)
        return {k: c for k, c in blocks.items() if other_unit(c, "") is not None}

    return _kept("blocks", keys, chunks, read)


def _section_units(chunk, blocks) -> frozenset[str]:
    """The units whose section of the narrative a paragraph is printed in: those with a block whose name its heading
    says, or 本级 for the department's own office's section (一、深圳市水务局（本级）); none for any other."""
    heading = (chunk.section or "").split(" / ")[-1]
    if "本级" in heading:
        return frozenset({"本级"})
    return frozenset(u for u, _ in blocks if any(n in heading for n in unit_names(u)))


def in_other_section(chunk, units: frozenset[str], keys, chunks) -> bool:
    """A paragraph printed in the section of a subordinate unit other than `units`, those the question names (the
    西部水源管理中心's items are not the 东江水源工程管理处's, though both print a 水源保护管理与水政执法 line), or in
    the department's own office's."""
    if not units or chunk.kind != "paragraph":
        return False
    return bool(owners := _section_units(chunk, block_rows(keys, chunks))) and not owners & units


def other_sections(question: str, keys, chunks) -> set[str]:
    """Ids of the paragraphs of the documents `keys` printed in the sections of subordinate units other than those
    the question names (none when it names none)."""
    units = frozenset(units_named(question, keys, chunks))
    if not units:
        return set()

    def read() -> dict[frozenset[str], set[str]]:  # (the sections' paragraphs, read once per documents and store)
        blocks, out = block_rows(keys, chunks), {}
        for key in keys:
            for c in chunks.of_doc(key).values():
                if c.kind == "paragraph" and (owners := _section_units(c, blocks)):
                    out.setdefault(owners, set()).add(c.id)
        return out

    return {cid for owners, ids in _kept("sections", keys, chunks, read).items() if not owners & units for cid in ids}


_KEPT: dict[tuple, tuple] = {}


def _kept(what: str, keys, chunks, read):
    """What `read` finds in the documents `keys` of one store's `chunks`, read once and kept (until the store's
    chunks are another object)."""
    key = (what, tuple(sorted(keys)), id(chunks))
    kept = _KEPT.get(key)
    if kept is None or kept[0] is not chunks:
        if len(_KEPT) > 256:
            _KEPT.clear()
        kept = _KEPT[key] = (chunks, read())
    return kept[1]


def unit_names(unit: str) -> tuple[str, ...]:
    """A unit's name and its name without the place (考试院 of 深圳市考试院), the longer first."""
    name = clean_name(_CODE.sub("", halfwidth(unit)))[0]
    rest = place_of(name)[1].lstrip("市")
    return (name, rest) if len(rest) >= 3 and rest != name else (name,)


def named_whole(unit: str, question: str) -> bool:
    """The question says the unit's name, or its name without the place."""
    q = halfwidth(question)
    return any(n in q for n in unit_names(unit))


def own_office_alone(question: str) -> bool:
    """The question asks the department's own office (机关本身, 本级), not it beside other units it compares."""
    q = halfwidth(question)
    return bool(OWN_OFFICE.search(q)) and not _BESIDE.search(q)
