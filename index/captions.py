"""The lines around a table: its title, its `单位：` line, the unit-name line and the notes under it."""
from __future__ import annotations

import re

from index.numbers import halfwidth, join_cjk

_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(亿元|万元|元)")
_ENTITY_FIELD = re.compile(r"^(?:预算主管部门|编制部门|编制单位|部门名称|单位名称|填报单位|项目单位)\s*[:：]\s*(.+)$")
_TABLE_NO = re.compile(r"^(?:公开\s*\d+\s*表|表\s*\d+(?:-\d+)?)$")
_NOTE = re.compile(r"^(?:注|备注|说明)\s*\d*\s*[:：.、]|故本表无数据|本表无数据|此表无数据|本表为空")
_TITLE_HINT = ("表", "预算", "决算")


def unit_of(line: str) -> str | None:
    """The unit a `单位：万元` line declares (full-width colon or not), else None."""
    m = _UNIT.search(halfwidth(line).replace(" ", "").replace("：", ":"))
    return m.group(1) if m else None


def entity_field(line: str) -> str | None:
    m = _ENTITY_FIELD.match(join_cjk(halfwidth(line)))
    if not m:
        return None
    value = re.split(r"\s{2,}|单位\s*[:：]", m.group(1))[0].strip()
    return value or None


def is_table_number(line: str) -> bool:
    return bool(_TABLE_NO.match(join_cjk(line).replace(" ", "")))


def is_note(line: str) -> bool:
    return bool(_NOTE.search(line.strip()))


def is_caption_meta(line: str) -> bool:
    """A line between a title and its grid that is not the title itself."""
    s = line.strip()
    return bool(unit_of(s) or entity_field(s) or is_table_number(s))


def looks_like_title(line: str) -> bool:
    s = join_cjk(line.strip().strip("#* "))
    if not s or len(s) > 60 or s.endswith(("。", "；", "，")):
        return False
    return s.endswith("表") or ("表" in s[-6:]) or any(h in s for h in _TITLE_HINT)


def clean_title(line: str) -> str:
    s = join_cjk(line.strip().strip("#* "))
    s = re.sub(r"^(?:附件\s*\d*\s*[:：]?|[一二三四五六七八九十]+、|\d+[.、．])\s*", "", s)
    return s.strip()
