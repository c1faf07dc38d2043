"""The lists a classification's codes make in a table: each coded row with the rows coded below it (301 工资福利支出
over 30101 基本工资 …), and the 款 or 项 under a functional 类 (qa/rank.py ranks them)."""
from __future__ import annotations


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
