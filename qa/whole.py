"""A unit's whole budget asked in the words people use (预算总额, 总预算, 预算盘子有多大, 2026年预算比上年增加多少):
the quantity is the budget's total, which every disclosure prints as the 收支总表's 支出总计 (equal to its 收入总计,
DOMAIN.md); the question is asked again in that term. Without this, the words 预算 and 总额 alone are read as any
figure that says them (所属各预算单位政府采购预算总额)."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.scope import Scope, without_names

# The whole budget said as a quantity: 预算, 总预算, 部门预算, 全年预算, 预算总额, 预算盘子…
_WHOLE = re.compile(r"(?:部门|单位)?(?:全年|年度|整体|全部|总)?预算(?:总盘子|盘子)?(?:支出|收入)?(?:总额|总数|总量|规模|总计|合计)?")
# The department with its units, said as people say it: the 汇总 scope
_WHOLE_SYSTEM = r"整个(?:系统|部门)|全系统|部门整体"
# What asks and frames, around it
_FRAME = re.compile(r"比|是|为|有|多少|多大|多少钱|钱|一共|总共|共计|共|大概|大约|请问|的|了|呢|吗|万元|元|[？?。，,\s]")


def _said_whole(phrase: str) -> re.Match | None:
    """The one place a phrase says the whole budget, when nothing but asking words stands around it."""
    found = list(_WHOLE.finditer(phrase))
    if len(found) != 1 or _FRAME.sub("", phrase[:found[0].start()] + phrase[found[0].end():]):
        return None
    return found[0]


def total_of(phrase: str) -> str | None:
    """The total row a quantity's name said alone asks (部门预算支出, 预算总额: 支出总计; 部门预算收入: 收入总计),
    else None."""
    said = _said_whole(phrase)
    if said is None:
        return None
    return "收入总计" if "收入" in said.group(0) else "支出总计"


def whole_budget(question: str, docs: dict[str, dict], sc: Scope, chunks=None) -> str | None:
    """The question asked of the 支出总计 when what it asks is the whole budget, else None. (A subordinate unit
    named, of the documents' `chunks`, is the one whose budget is asked: its block's 支出总计.)"""
    from qa.change import ASKED_CHANGE
    from qa.unit_row import JOINING, unit_names, units_named

    rest = halfwidth(without_names(question, docs, sc, years=False))
    for unit in units_named(question, sc.keys, chunks) if chunks is not None and sc.named else []:
        for name in unit_names(unit):
            rest = rest.replace(name, " ")
        rest = JOINING.sub(" ", rest)
    rest = ASKED_CHANGE.sub(" ", rest)
    rest = re.sub(r"20\d\d\s*年度?|[（(]?(?:本级|汇总)[）)]?|" + _WHOLE_SYSTEM + "|一下子|一共|总共", " ", rest)
    found = _said_whole(rest)
    if found is None or re.search(r"收入|支出", found.group(0)):
        return None  # (部门预算收入, as the narrative says it: read as said, its sentence answers it)
    said = found.group(0)
    q = halfwidth(question)
    at = q.rfind(said)
    if at < 0:
        return None
    # asked again plainly: the unit and year as said (the whole system as the department's 汇总 scope), the total,
    # and the change when one is asked
    head = re.sub(_WHOLE_SYSTEM, "（汇总）", q[:at])
    after = re.sub(r"一下子", "", q[at + len(said):])
    return head + "支出总计" + (after if ASKED_CHANGE.search(after) else "是多少")
