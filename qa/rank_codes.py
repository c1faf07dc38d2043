"""The lists a classification's codes make in a table: each coded row with the rows coded below it (301 工资福利支出
over 30101 基本工资 …), and the 款 or 项 under a functional 类 (qa/rank.py ranks them); and which classification a
table is coded in, and which one a question asks."""
from __future__ import annotations

import re

from index.numbers import halfwidth


def coded_groups(rows: list) -> list[tuple[str, str, object, list]]:
    """Every coded row with rows coded below it: its children (a level down, or the nearest level printed: 3010201
    under 301 when no 30102 is printed), and the 款 or 项 under a functional 类."""
    coded = {r.code: r for r in rows if r.code}
    # each row under the longest code printed that begins its own (read once: tables by unit run to hundreds of rows)
    children: dict[str, list] = {}
    for r in rows:
        parent = next((r.code[:n] for n in range(len(r.code or "") - 1, 0, -1) if r.code[:n] in coded), None)
        if parent is not None:
            children.setdefault(parent, []).append(r)

    def under(code: str, width: int | None = None) -> list:  # the rows coded below `code`, a level down
        if width:
            return [r for r in rows if r.code and r.code.startswith(code) and len(r.code) == width]
        return children.get(code, [])

    out = []
    for code, head in coded.items():
        kids = under(code)
        while len(kids) == 1 and under(kids[0].code):
            kids = under(kids[0].code)  # one 款 under the 类 (21011 alone under 210): its 项 are the items
        if kids:
            out.append((head.label or "", "row", head, kids))
        for level, width in (("款", 5), ("项", 7)):  # the 项 under a 类, when the question asks 项
            # (functional codes only: the economic classification has 类 and 款, its 7-digit rows are a unit's own
            # sub-items, and 哪一项 under 工资福利支出 asks its 款)
            deep = under(code, width)
            if code.startswith("2") and width > len(code) + 2 and len(deep) >= 2 and deep != kids:
                out.append((head.label or "", f"row:{level}", head, deep))
    return out


def asked_classification(question: str) -> str | None:
    """按功能分类 / 功能支出 (or 项级科目) or 按经济分类: the classification whose items a question ranks. Of the two economic
    classifications, 政府预算经济分类 (codes 5xx: 机关工资福利支出 501…) and 部门预算经济分类 (3xx), the one the
    question names; 经济 alone, either."""
    q = halfwidth(question)
    if "功能" in q or "项级" in q:
        return "功能"  # (项 is a level of the functional classification only: the economic one has 类 and 款)
    if not re.search(r"经济(?:分类|科目|性质)", q):
        return None
    return "经济5" if re.search(r"政府(?:预算)?(?:支出)?经济", q) else "经济3" if re.search(r"部门(?:预算)?(?:支出)?经济", q) \
        else "经济"


def classification(items: list) -> str | None:
    """The classification a table's top rows are coded in (DOMAIN.md): 类 codes 2xx of the functional one, 3xx of the
    department's economic one (经济3), 5xx of the government's (经济5); None when most rows print no such code."""
    codes = [r.code for r in items if r.code and len(r.code) == 3]
    if len(codes) * 2 < len(items) or not codes:
        return None
    return classification_of(codes)


def classification_of(codes: list[str]) -> str | None:
    """The classification most of the codes are of, by their first digit (2 功能, 3 经济3, 5 经济5); None if none is."""
    for prefix, name in (("2", "功能"), ("3", "经济3"), ("5", "经济5")):
        if sum(c.startswith(prefix) for c in codes) * 2 > len(codes):
            return name
    return None


def same_classification(asked: str, printed: str | None) -> bool | None:
    """Whether a table coded in `printed` is of the classification asked; None when its codes do not say."""
    if printed is None:
        return None
    return printed.startswith(asked)
