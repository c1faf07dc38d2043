"""Document facts: kind (budget / final), year and the unit's name."""
from __future__ import annotations

import re
from collections import Counter

from index.captions import entity_field
from index.entity import ORG_SUFFIX
from index.numbers import halfwidth, join_cjk

_YEAR = re.compile(r"(20\d{2})\s*年")
_TITLE_TAIL = re.compile(
    r"(?:20\d{2}\s*年度?)?\s*(?:区级|市级|县级|省级)?\s*(?:部门|单位)?\s*(?:预算|决算)\s*(?:公开|说明|报告|情况)?.*$"
)


def detect_kind(head: str) -> str:
    """`final` for 决算, `budget` for 预算, judged on the title lines where both words may appear later."""
    fin, bud = head.find("决算"), head.find("预算")
    if fin >= 0 and (bud < 0 or fin < bud or "部门决算" in head or "年度决算" in head):
        return "final"
    if bud >= 0:
        return "budget"
    return "unknown"


def detect_year(head: str, body: str) -> int | None:
    years = _YEAR.findall(halfwidth(head))
    if years:
        return int(years[0])
    counted = Counter(_YEAR.findall(halfwidth(body[:20000])))
    return int(counted.most_common(1)[0][0]) if counted else None


# a title names a unit when it holds an organisation word's last character (局, 署 of 工务署, 中心…), a town's or an
# office's; XX stands for a name in templates
_ORG_CHAR = re.compile("[" + "".join(sorted({w[-1] for w in ORG_SUFFIX} | set("街镇室"))) + "]|XX")


def _title_name(line: str) -> str:
    s = join_cjk(halfwidth(line)).strip("#* ")
    s = re.sub(r"^20\d{2}\s*年度?\s*", "", s)
    s = _TITLE_TAIL.sub("", s).strip()
    return re.sub(r"20\d{2}\s*年度?$", "", s).strip().replace(" ", "")


def _names_unit(s: str) -> bool:
    return 2 <= len(s) <= 40 and not s.startswith("目") and bool(_ORG_CHAR.search(s))


def entity_from_title(title_lines: list[str]) -> str | None:
    for i, line in enumerate(title_lines):
        s = _title_name(line)
        if _names_unit(s):
            return s
        # a long name broken over two lines of the cover (…综合监测 / 与技术保障中心): the first half names no unit
        # alone, the second alone is no whole name
        if s and i + 1 < len(title_lines) and _names_unit(joined := _title_name(line + title_lines[i + 1])):
            return joined
    return None


def detect_entity(title_lines: list[str], lines: list[str]) -> str | None:
    fields = Counter(e for e in (entity_field(l) for l in lines[:4000]) if e)
    if fields:
        # A 主管部门 named on the cover outranks table headers that name sub-units.
        for line in title_lines:
            e = entity_field(line)
            if e:
                return e
        return fields.most_common(1)[0][0]
    return entity_from_title(title_lines)


def title_lines(lines: list[str]) -> list[str]:
    """The first non-empty lines before the table of contents or body: the cover title."""
    out: list[str] = []
    for line in lines:
        s = line.strip().strip("#* ")
        if not s:
            continue
        if s.replace(" ", "") in ("目录",) or len(out) >= 3 or len(s) > 60:
            break
        out.append(s)
    return out
