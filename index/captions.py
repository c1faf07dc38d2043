"""The lines around a table: its title, its `单位：` line, the unit-name line and the notes under it."""
from __future__ import annotations

import re

from index.numbers import halfwidth, join_cjk

_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(亿元|万元|千元|元)")
_ENTITY_FIELD = re.compile(r"^(?:预算主管部门|主管部门|编制部门|编制单位|部门名称|单位名称|预算单位|填报单位|项目单位)\s*[:：]\s*(.+)$")
_NUM = r"[0-9一二三四五六七八九十]+(?:[-—－][0-9]+)?"
# A table's number as printed: 表5, 表14-1, 表一, 附表3, 部门预算表3, 预算01表, 公开01表, 决算02表.
_TABLE_NO = re.compile(rf"^(?:(?:附|部门预算|部门决算|预算|决算)?表{_NUM}|(?:预算|公开|决算|部门)?{_NUM}表)$")
_LEADING_NO = re.compile(rf"^(?:(?:附|部门预算|部门决算|预算|决算)?表{_NUM}|(?:预算|公开|决算)\s*{_NUM}表)\s*[:：.、\-—－]?\s*(?=[^\d\s])")
_TRAILING_NO = re.compile(rf"\s*[（(]?(?:(?:附|部门预算|部门决算)?表{_NUM}|(?:预算|公开|决算)\s*{_NUM}表)[）)]?$")
_YEAR_LINE = re.compile(r"^[（(]?\s*20\d\d\s*年度?\s*[）)]?$")
_NOTE = re.compile(r"^(?:注|备注|说明)\s*\d*\s*[:：.、]|故本表无数据|本表无数据|此表无数据|本表为空")
_TITLE_HINT = ("表", "预算", "决算")


def unit_of(line: str) -> str | None:
    """The unit a `单位：万元` line declares (full-width colon or not), else None."""
    m = _UNIT.search(halfwidth(line).replace(" ", "").replace("：", ":"))
    return m.group(1) if m else None


_CELL_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?(亿元|万元|千元|元)\s*[）)]|单位\s*[:：]\s*(亿元|万元|千元|元)")


def units_in_cells(cells: list[str]) -> set[str]:
    """Money units named inside table cells: 金额（万元）, 资金金额(元), 单位：元."""
    out: set[str] = set()
    for c in cells:
        if "元" in c:
            for m in _CELL_UNIT.finditer(halfwidth(c).replace("（", "(").replace("）", ")")):
                out.add(m.group(1) or m.group(2))
    return out


def entity_field(line: str) -> str | None:
    m = _ENTITY_FIELD.match(join_cjk(halfwidth(line)))
    if not m:
        return None
    # (the unit line printed on the same line: 部门名称：X局  金额单位：元, its 金额 too)
    value = re.split(r"\s{2,}|(?:金额)?单位\s*[:：]", m.group(1))[0].strip()
    return value or None


def is_table_number(line: str) -> bool:
    return bool(_TABLE_NO.match(halfwidth(join_cjk(line)).replace(" ", "")))


def table_number(line: str) -> str | None:
    """The table number a line prints (alone, before or after the title), else None."""
    s = join_cjk(line.strip()).replace(" ", "")
    if _TABLE_NO.match(halfwidth(s)):
        return s
    m = _LEADING_NO.match(halfwidth(s)) or _TRAILING_NO.search(halfwidth(s))
    return m.group(0).strip("（）()：:.、-—－ ") if m else None


def is_year_line(line: str) -> bool:
    """A line printing only the year under a title: （2026年度）, 2026年."""
    return bool(_YEAR_LINE.match(halfwidth(join_cjk(line)).replace(" ", "")))


def is_note(line: str) -> bool:
    return bool(_NOTE.search(line.strip()))


def is_caption_meta(line: str) -> bool:
    """A line between a title and its grid that is not the title itself."""
    s = line.strip()
    return bool(unit_of(s) or entity_field(s) or is_table_number(s) or is_year_line(s))


def looks_like_title(line: str) -> bool:
    s = join_cjk(line.strip().strip("#* "))
    # A figure's caption (…预算对比图) names a chart: its gridlines may read as a grid, it is never a table.
    if not s or len(s) > 60 or s.endswith(("。", "；", "，", "：", ":", "图")) or "。" in s:
        return False
    return s.endswith("表") or ("表" in s[-6:]) or any(h in s for h in _TITLE_HINT)


def clean_title(line: str) -> str:
    s = join_cjk(line.strip().strip("#* "))
    s = re.sub(r"^(?:附件\s*\d*\s*[:：]?|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])\s*", "", s)
    h = halfwidth(s)
    m = _LEADING_NO.match(h)
    if m and len(re.findall(r"[\u4e00-\u9fff]", s[m.end():])) >= 2:
        s = s[m.end():]
    else:
        m = _TRAILING_NO.search(h)
        if m and m.start() >= 4:
            s = s[:m.start()]
    s = re.sub(r"\s*(?:金额)?单位\s*[:：]\s*(?:亿元|万元|千元|元)\s*$", "", s)
    return s.strip()


def starts_title(line: str) -> bool:
    """The first line of a title wrapped over two (…一般公共预算拨款“三公”经费及 / 会议费、培训费表): names a
    budget or a table's subject but does not end as a title ends."""
    s = join_cjk(line.strip())
    return 6 <= len(s) <= 40 and not s.endswith(("表", "：", ":")) and not any(c in s for c in "。；，,") \
        and bool(re.search(r"预算|决算|表", s)) and not is_caption_meta(s) and not re.match(r"^第.{1,3}部分", s)


def continues_title(line: str) -> bool:
    """A short line that may be the wrapped end of a title above it (…（按支出功能分类科 / 目-不含上年结转）)."""
    s = join_cjk(line.strip())
    return 0 < len(s) <= 30 and not any(c in s for c in "。；，") and not is_note(s) \
        and not re.search(r"\d[\d,.]*\s*(?:万元|元|%)", s)
