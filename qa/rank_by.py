"""The column a ranking reads its items by: a column the question names (哪家培训费最多: the 培训费 column; 权重最低:
a form's 指标权重(%)), and the measure a ranked column is in (万元, a count's 人/个, a weight's or share's %)."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.phrase import OTHER_COLUMN, PREVIOUS, norm, says

# The clause that names the table to look in (“三公”经费及会议费、培训费表里).
IN_TABLE = re.compile(r"[^，,。？?]*表(?:里|中|内|上)")
# Columns that print a part of each row's amount: a question ranking by one of them (按项目支出排) ranks by it.
# (专项业务经费: the project spending of templates that name it so; the sources of funds too: 上年结余、结转,
# 事业单位经营收入, 上级补助收入, 财政专户管理资金…; and what of it is bought through government procurement, a
# 支出总表's 政府采购 column)
PART_COLUMN = re.compile(r"^(?:基本支出|项目支出|专项(?:业务)?经费|人员经费|公用经费|财政拨款|政府采购|一般公共预算|政府性基金预算?|国有资本经营预算|"
                         r"事业收入|(?:事业单位)?经营收入|其他收入|上级补助收入|附属单位上缴收入|财政专户|上年结[余转]|"
                         r"(?:上年)?结余结转)")


_SUBTOTAL = re.compile(r"小计|合计|总计")


def column_name(path: str) -> str:
    """What a column is of: its last header (公用经费), or, for a subtotal (2026 年政府采购项目 / 小计), the header it
    totals, without its year (政府采购项目); a part's header without its 其中 and its year (其中：2026 年政府采购项目中
    预留给中小企业的…: 政府采购项目中预留给中小企业的…)."""
    parts = path.split("/")
    leaf = norm(re.sub(r"^\s*其中\s*[：:]?|20\d\d\s*年度?", "", parts[-1])) or norm(parts[-1])
    if _SUBTOTAL.fullmatch(leaf) and len(parts) >= 2:
        return norm(re.sub(r"20\d\d\s*年度?", "", parts[-2])) or leaf
    return leaf


def named_column(question: str, items: list, year: int | None) -> str | None:
    """The column units are ranked by when the question names it (哪家培训费最多: the 培训费 column of the year asked,
    else of the document's year), printed for two units at least; None when it names none."""
    # (not by the words that name the table: “三公”经费及会议费、培训费表里 names no 会议费 column)
    q = norm(IN_TABLE.sub("", halfwidth(question)))
    asked = re.findall(r"(20\d\d)年", halfwidth(question)) or ([str(year)] if year else [])
    found: dict[str, int] = {}
    for c in items:
        for f in c.facts or ():
            path = f.get("column") or ""
            parts = path.split("/")
            leaf = column_name(path)
            # (a form's column said without its measure and its form word: 权重 of 指标权重(%))
            core = re.sub(r"^指标|[（(][^（）()]*[）)]|%", "", leaf)
            years = re.findall(r"20\d\d", path)
            # (not the year before's nor a change's, unless asked: 上年/…/公务用车运行维护费 beside 当年/…)
            other = OTHER_COLUMN.search("/".join(parts[:-1])) and not PREVIOUS.search(q)
            # (said whole, or contracted: 公车运行维护费 says 公务用车运行维护费)
            if len(leaf) >= 2 and (says(leaf, q) or (len(core) >= 2 and core != leaf and core in q) or _head_said(leaf, q)) and \
                    (not years or set(years) & set(asked)) and not other:
                found[path] = found.get(path, 0) + 1
    named = [p for p, n in found.items() if n >= 2]
    # (a column said whole outranks one said only by most of its bigrams: 人员经费支出最多 names no 公用经费支出)
    named = [p for p in named if column_name(p) in q] or named
    counted = _COUNT_ASKED.search(q)
    if not named and counted:
        # (a count asked by its measure, 参加的人最多, 多少人: the column counting it, 人数 or 人次)
        unit = counted.group(1) or counted.group(2)
        named = list(dict.fromkeys(f.get("column") for c in items for f in c.facts or ()
                                   if re.fullmatch(rf"{unit}(?:数|次)", column_name(f.get("column") or ""))))
        named = [p for p in named if sum(any(f.get("column") == p for f in c.facts or ()) for c in items) >= 2]
    parts = [p for p in named if PART_COLUMN.search(column_name(p))]
    if len({column_name(p) for p in parts}) >= 2 and not any(
            a != b and (b.startswith(a) or column_name(b).startswith(column_name(a))) for a in parts for b in parts):
        return None  # two parts named side by side (公用经费和专项业务经费都算): their whole is ranked, no one column
    # (one within the other, 政府采购项目 and its 政府采购项目中预留给小型微型企业的…: the narrower, said longer, below)
    return max(named, key=lambda p: (len(column_name(p)), -len(p))) if named else None


def _head_said(leaf: str, q: str) -> bool:
    """The question says what the column is of, past its qualifier (一般公共预算拨款安排的三公经费预算: 三公经费预算),
    four characters at least."""
    head = leaf.rsplit("的", 1)[-1]
    return head != leaf and len(head) >= 4 and head in q


_COUNT_ASKED = re.compile(r"(?:多少|几)\s*([人辆台套次天期])|([人辆台套次天期])最[多少]")
COUNTED = re.compile(r"人数|数量|个数|次数|天数|期数|[辆台套]数|人次")
RATED = re.compile(r"[%％]|权重")  # a column of shares or weights: no money, ranked as printed


def count_unit(column: str | None) -> str:
    """The unit of a ranked column: a weight's or share's %, a count's measure (人数 → 人, 人次), else 万元."""
    leaf = (column or "").split("/")[-1]
    if RATED.search(leaf):
        return "%"
    if not COUNTED.search(leaf):
        return "万元"
    m = re.search(r"人次|[人次天期个辆台套](?=数)", leaf)
    return m.group(0) if m else "个"
