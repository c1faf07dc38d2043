"""Where a table's list of items ends, when rows follow that are no items of it: a 部门整体支出绩效目标表 prints its
tasks, their 金额合计, then its indicators with their values and scores, all in one table."""
from __future__ import annotations

import re
from typing import Callable

from qa.phrase import norm
from qa.rank_owner import rounding_slack

# a row that adds up others by its label: 合计, 总计, 小计 first, or last (金额合计)
_SUMS = re.compile(r"^(?:合计|总计|小计)|(?:合计|总计)$")


def closed_at(rows: list, amount: Callable, is_total: Callable) -> int:
    """The index of the total row that adds up the two or more rows above it (none of them a total), when rows follow
    it; else the table's length (the list runs to the end)."""
    above, summed = 0.0, 0
    for i, r in enumerate(rows):
        a, label = amount(r), norm(r.label or "")
        if summed >= 2 and i < len(rows) - 1 and a is not None and _SUMS.search(label) \
                and abs(a - above) <= rounding_slack(summed):
            return i
        if a is not None and not is_total(r):
            above, summed = above + a, summed + 1
    return len(rows)
