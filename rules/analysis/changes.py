"""Readings of change and share claims: every way a change claim's rate can be recomputed, the whole of a list of
shares that names none."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rules.analysis.common import n
from rules.claims import Amount

if TYPE_CHECKING:
    from rules.analysis.context import Analysis


def change_candidates(c) -> list[tuple[float, float, list[tuple[float, float]], str]]:
    """(recomputed rate with its sign, base, rounding parts, how) for every reading of a change claim."""
    out = []
    if c.change is not None:
        a = c.change
        sign = 1 if a.change == "+" else -1
        for cur in c.others[:4]:
            base = cur.value - sign * a.value
            if base > 0:
                out.append((sign * a.value / base * 100, base, [(a.value, a.half), (base, cur.half + a.half)],
                            f"{n(a.value)}÷({n(cur.value)}{'−' if sign > 0 else '＋'}{n(a.value)})"))
            elif abs(base) <= cur.half + a.half:
                out.append((float("inf"), 0.0, [], f"{n(cur.value)}{'−' if sign > 0 else '＋'}{n(a.value)}=0"))
    elif c.prior is not None:
        p = c.prior
        for cur in c.others[:3]:
            if p.value > 0:
                d = cur.value - p.value
                out.append((d / p.value * 100, p.value, [(d, cur.half + p.half), (p.value, p.half)],
                            f"({n(cur.value)}−{n(p.value)})÷{n(p.value)}"))
            elif p.value == 0 and cur.value > 0:
                out.append((float("inf"), 0.0, [], f"上年为0，本年{n(cur.value)}"))
    return out


def list_wholes(ctx: Analysis) -> dict[tuple[str, str], Amount | None]:
    """For each list of shares that names no whole (社会保障和就业支出5万元，占0.18%；卫生健康支出…，占99.82%), keyed by
    its paragraph and sentence: the stated amount, in this paragraph or the two before, the listed parts add up to."""
    lists: dict[tuple[str, str], list[Amount]] = {}
    for s in ctx.of("share"):
        if s.whole is None and s.amount is not None:
            parts = lists.setdefault((s.paragraph, s.sentence), [])
            if all(s.amount is not p for p in parts):
                parts.append(s.amount)
    lists = {k: v for k, v in lists.items() if len(v) >= 2}
    if not lists:
        return {}
    ids = [p.id for p in ctx.paragraphs]
    order = {pid: i for i, pid in enumerate(ids)}
    stated: dict[str, list[Amount]] = defaultdict(list)
    for x in ctx.of("amount"):
        stated[x.paragraph].append(x.amount)
    out = {}
    for (pid, sentence), parts in lists.items():
        if pid not in order:
            continue
        total, slack = sum(p.value for p in parts), sum(p.half for p in parts)
        near = (a for k in range(order[pid], order[pid] - 3, -1) if k >= 0 for a in reversed(stated[ids[k]]))
        out[(pid, sentence)] = next((a for a in near if all(a is not p for p in parts) and not a.bound
                                     and abs(a.value - total) <= slack + a.half), None)
    return out
