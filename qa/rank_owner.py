"""Which unit a row group of a department's table belongs to. A department's project table prints each unit's block
(its code and name, then its projects) one after another, and the units' blocks repeat the same group names
(委托咨询业务, 通用项目): a group named by the question in two blocks is a different list in each, and the question
must say whose it asks (the office, 机关 / 本级, is the block printed under the department's own name). Also the rows of
a table that are no items of a ranking: heads printed over each group, totals adding up every smaller row."""
from __future__ import annotations

import re

from qa.phrase import is_unit, norm
from qa.question import entity_match

OFFICE = re.compile(r"机关|本级")  # the department's own office said (局机关, X局（本级）)


def owner(head, chunks: list) -> str | None:
    """The name of the unit whose block holds the row (the nearest coded unit row above it in its table: its code
    printed before its name, or in a code column of its own, 单位编码=204004); the budget unit the parser read for
    the row's block first, where it read one (a block headed by the unit's name alone)."""
    if head.budget_unit:
        return norm(head.budget_unit)
    rows = [c for c in chunks if c.kind == "row" and c.source == head.source and c.table == head.table]
    at = next((i for i, c in enumerate(rows) if c is head), None)
    if at is None:
        return None
    return next((norm(c.label or "") for c in reversed(rows[:at])
                 if (c.code or "编码=" in c.text) and is_unit(c.label or "")), None)


def rounding_slack(n: int) -> float:
    """How far n printed figures, each rounded to its last digit, may add up from the total printed for them."""
    return 0.006 * n + 0.01


def _unit_lines(rows: list) -> list[int]:
    """The indices of a table's coded unit rows (125001 西安市安全生产监督管理局), each heading its unit's block."""
    return [i for i, r in enumerate(rows) if r.code and is_unit(r.label or "")]


def blocks(rows: list) -> list[list]:
    """A table's rows by unit block: cut before each coded unit row (125001 西安市安全生产监督管理局, then its 301, 30101
    …) when the table prints two or more and the units' blocks repeat the same codes, so that one unit's codes are
    not read as another's children; else the table whole."""
    starts = _unit_lines(rows)
    codes = [r.code for r in rows if r.code and not is_unit(r.label or "")]
    if len(codes) == len(set(codes)):
        return [rows]  # (a table of units alone, 253 over 253001 …, is one list: only repeated codes are a unit's own)
    if len(starts) < 2:
        # (no coded unit rows, but the parser read each row's budget unit, a block headed by the unit's name alone:
        # the runs of one unit)
        if len({r.budget_unit for r in rows if r.budget_unit}) < 2:
            return [rows]
        runs: list[list] = []
        for r in rows:
            if runs and runs[-1][-1].budget_unit == r.budget_unit:
                runs[-1].append(r)
            else:
                runs.append([r])
        return runs
    cuts = [0] + starts + [len(rows)]
    return [rows[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def whose(heads: list, chunks: list, question: str, department: str) -> object | None:
    """Of row groups of one name in several units' blocks, the one of the unit the question names: by its name, or
    the office's (printed under the department's own name) when the question says 机关 or 本级; else None (the
    question does not say whose list it asks)."""
    owners = [owner(h, chunks) for h in heads]
    if len(set(owners)) < len(owners):
        return None
    asked = norm(question)
    # (by its whole name, or without its city: 行政争议预防调处中心 of 西安市行政争议预防调处中心)
    named = [h for h, o in zip(heads, owners) if o and o != department and
             (o in asked or re.sub(r"^[\u4e00-\u9fff]{2,3}?市", "", o) in asked)]
    if not named:
        # (…or by the longest run of its name the question says, when that says more of it than of the department:
        # 西安安监局执法监察支队 names 西安市安全生产执法监察支队, the department by its short name)
        runs = [entity_match(question, o) if o and o != department else 0 for o in owners]
        best = max(runs, default=0)
        if best > entity_match(question, department) and runs.count(best) == 1:
            named = [heads[runs.index(best)]]
    if not named and OFFICE.search(question):
        named = [h for h, o in zip(heads, owners) if o == department]
    return named[0] if len(named) == 1 else None


def told_apart(scored: list, chunks: list, question: str, department: str, amount) -> tuple | None:
    """The best-scored group the question tells apart: a group scored as high as another of its name in its table,
    with other rows (another unit's block), stands only when the question says whose it is (`whose`);
    otherwise the next group is read. `amount` reads a row's amount."""
    while scored:
        score, name, kind, head, items = scored[0]
        twins = {id(g[3]): g for g in scored if g[:3] == (score, name, kind) and g[3].table == head.table and
                 [amount(c) for c in g[4]] != [amount(c) for c in items]}
        if not twins:
            return scored[0]
        twins[id(head)] = scored[0]
        chosen = whose([c for c in chunks if id(c) in twins], chunks, question, department)
        if chosen is not None:
            return twins[id(chosen)]
        scored = [g for g in scored if g[:3] != (score, name, kind)]
    return None


def units_item(subject: str, units: list, rows: list, amount) -> tuple[str, list] | None:
    """The item the question ranks the units by, when it names a row each unit's block prints (哪家的住房公积金最多:
    the 住房公积金 row of each unit's block of a table by unit), with each unit's row of it, renamed as the unit: its
    amount and page are the item's, its name the unit's. The longest such label the question says, printed once in
    the blocks of two units or more; None when the question names none (the units' own amounts are ranked)."""
    said = norm(subject)
    whose = {id(u) for u in units}
    found: dict[str, dict[int, list]] = {}
    starts = _unit_lines(rows)
    # (each unit's block, from its coded row to the next unit's, whether or not its rows print codes)
    for block in (rows[a:b] for a, b in zip(starts, starts[1:] + [len(rows)])):
        if not block or id(block[0]) not in whose:
            continue
        head = block[0]
        for r in block[1:]:
            label = norm(r.label or "")
            stem = re.sub(r"支出$", "", label)
            if len(stem) >= 2 and stem in said and not is_unit(label) and amount(r) is not None:
                found.setdefault(label, {}).setdefault(id(head), []).append(r)
    label = max((x for x, per in found.items() if len(per) >= 2), key=len, default=None)
    if label is None:
        return None
    out = []
    for u in units:
        printed = found[label].get(id(u), [])
        if len({round(amount(r), 2) for r in printed}) == 1:  # (a label printed twice in a block, 20899 and 2089901)
            out.append(printed[0].model_copy(update={"label": u.label}))
    return (label, out) if len(out) >= 2 else None


# Rows of one unit's block read for nesting at most: the reading recurses a level per row a run of ever smaller
# amounts nests (the corpus's longest block is 72 rows).
MAX_BLOCK = 400


def unit_projects(rows: list, amount) -> list[tuple[str, str, object, list]]:
    """Each coded unit's own items, in a table printing units with their codes over uncoded rows (245002 西安市医疗
    保障经办服务中心, then its projects, perhaps under 通用项目 / 专用项目 and a group's name): (name, "row", unit row,
    the rows of its block with none under them, one at least). Nesting is read from the sums a correct table obeys, a
    row being the sum of the rows printed under it; a block its unit's amount does not add up is left out (read
    wrong)."""
    starts = _unit_lines(rows)
    out = []
    for a, b in zip(starts, starts[1:] + [len(rows)]):
        values = [amount(r) for r in rows[a:b]]
        if any(v is None for v in values) or b - a < 2 or b - a > MAX_BLOCK or any(r.code for r in rows[a + 1:b]):
            continue  # (a unit over coded rows: the codes say the nesting)
        end, leaves = _nested(values)
        if end == len(values) and leaves:
            out.append((rows[a].label or "", "row", rows[a], [rows[a + i] for i in leaves]))
    return out


def _nested(values: list[float]) -> tuple[int, list[int]]:
    """Where the rows under the first end (read from the sums: each row the sum of the rows after it, down to the
    first whose amounts add up to it), and the indices of the rows with none under them."""
    ends: dict[int, int] = {}

    def under(i: int) -> int:  # the end of row i's rows (i + 1: none)
        if i in ends:
            return ends[i]
        ends[i] = i + 1
        running, k, n = 0.0, i + 1, 0
        while k < len(values) and running + values[k] <= values[i] + rounding_slack(n + 1):
            running, k, n = running + values[k], under(k), n + 1
            if abs(running - values[i]) <= rounding_slack(n):
                ends[i] = k
                break
        return ends[i]

    end = under(0)
    return end, [i for i in range(1, end) if under(i) == i + 1]


def without_totals(valued: list[tuple[float, object]]) -> list[tuple[float, object]]:
    """Items without the rows that add up every smaller one (three or more): a total, whatever its label (全额, the
    unit's own name printed over its projects)."""
    def total(v: float) -> bool:
        smaller = [x for x, _ in valued if x < v - 0.005]
        return len(smaller) >= 3 and abs(v - sum(smaller)) <= rounding_slack(len(smaller))

    return [(v, c) for v, c in valued if not total(v)]


def group_heads(rows: list[tuple[float | None, object]]) -> set[int]:
    """Rows a table prints over each group of its items (专用项目 / 其他履职尽责专项业务费 over each group of projects,
    with the group's sum): a label printed more than once whose amount is the sum of the rows after it (two or
    more, heads below already left out). Read bottom up, in printed order; only repeated labels, so an item that
    happens to equal the next two is never taken for a head."""
    from collections import Counter

    seen = Counter((c.code, norm(c.label or "")) for _, c in rows)
    heads: set[int] = set()
    for i in range(len(rows) - 1, -1, -1):
        v, c = rows[i]
        if v is None or seen[(c.code, norm(c.label or ""))] < 2:
            continue
        total, n = 0.0, 0
        for w, d in rows[i + 1:]:
            if id(d) in heads or w is None:
                continue
            total, n = total + w, n + 1
            if n >= 2 and abs(total - v) <= 0.01:
                heads.add(id(c))
                break
            if total > v + 0.01:
                break
    return heads
