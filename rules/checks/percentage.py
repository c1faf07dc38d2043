"""Percentages recomputed from their own amounts: shares (占X%), change rates (增长B%), completion (完成C%)."""
from __future__ import annotations

from collections import defaultdict

from rules.checks.common import n, pct, rate_tolerance, said
from rules.claims import Amount
from rules.registry import Context, rule


@rule("percentage.share", "percentage", digits=0.5)
def share(ctx: Context):
    """A share 占X% differs from part ÷ whole beyond the rounding of the printed figures."""
    wholes = _list_wholes(ctx)
    for c in ctx.of("share"):
        part, whole = c.amount, c.whole or wholes.get((c.paragraph, c.sentence))
        if part is None or whole is None or whole.value <= 0 or part is whole or part.bound or whole.bound:
            continue
        r = part.value / whole.value * 100
        tol = rate_tolerance(r, c.decimals, [(part.value, part.half), (whole.value, whole.half)], ctx.tol("digits"))
        if abs(r - c.value) > tol + 1e-9:
            yield ctx.finding(
                "error",
                f"“{part.subject}”占比应为{pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
                [said(c)],
                f"{n(part.value)}÷{n(whole.value)}={pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
                expected=round(r, 2), actual=c.value, unit="%")


def _list_wholes(ctx: Context) -> dict[tuple[str, str], Amount | None]:
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
    ids = [p.id for p in ctx.doc.paragraphs]
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


@rule("percentage.change_rate", "percentage", digits=0.5)
def change_rate(ctx: Context):
    """A change rate (增长/下降B%) differs from change ÷ last year's amount, or grows from a zero base."""
    for c in ctx.of("change"):
        if c.direction == "0" or c.value is None:
            continue
        stated = c.value if c.direction == "+" else -c.value
        cands = change_candidates(c)
        if not cands:
            continue
        finite = [x for x in cands if x[0] != float("inf")]
        if any(abs(r - stated) <= rate_tolerance(r, c.decimals, parts, ctx.tol("digits")) + 1e-9
               for r, _, parts, _ in finite):
            continue
        if any(abs(abs(r) - c.value) <= rate_tolerance(r, c.decimals, parts, ctx.tol("digits")) + 1e-9
               for r, _, parts, _ in finite):
            continue  # right size, wrong direction word: direction.change_sign reports it
        if not finite:
            how = cands[0][3]
            yield ctx.finding(
                "warning", f"上年基数为0，增长率无从计算，文中写为{pct(c.value, c.decimals)}", [said(c)],
                f"{how}，基数为0，增长率无意义，文中为{pct(c.value, c.decimals)}",
                expected=None, actual=c.value, unit="%")
            continue
        headline = _headline_fit(c, stated, ctx.tol("digits"))
        if headline is not None:
            cur, r = headline
            said_now = c.others[0]
            yield ctx.finding(
                "error", f"同一项目前文为{n(cur.printed, cur.decimals)}{cur.unit}，此处写为"
                f"{n(said_now.printed, said_now.decimals)}{said_now.unit}；变动率{pct(c.value, c.decimals)}按前者计算",
                [said(c)], f"({n(cur.value)}−{n(c.prior.value)})÷{n(c.prior.value)}={pct(r)}，与文中"
                f"{pct(c.value, c.decimals)}相符；按{n(said_now.value)}计算则为"
                f"{pct((said_now.value - c.prior.value) / c.prior.value * 100)}",
                expected=round(cur.value, 4), actual=round(said_now.value, 4), unit="万元", kind="narrative_vs_table")
            continue
        r, base, parts, how = finite[0]
        yield ctx.finding(
            "error" if len(finite) == 1 else "warning",
            f"变动率应为{pct(abs(r), max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
            [said(c)],
            f"{how}={pct(abs(r), max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
            expected=round(abs(r), 2), actual=c.value, unit="%")


def _headline_fit(c, stated: float, digits: float):
    """When the rate fits an amount the paragraph gave earlier for the same item (its headline) rather than the
    amount of this sentence, the two amounts contradict each other: (headline amount, its rate)."""
    p = c.prior
    if p is None or p.value <= 0 or not c.others:
        return None
    for cur in c.context:
        r = (cur.value - p.value) / p.value * 100
        if abs(r - stated) <= rate_tolerance(r, c.decimals, [(cur.value - p.value, cur.half + p.half),
                                                             (p.value, p.half)], digits) + 1e-9:
            return cur, r
    return None


@rule("percentage.completion_rate", "percentage", digits=0.5)
def completion_rate(ctx: Context):
    """A completion rate (完成年初预算的C%) differs from 决算 ÷ 预算."""
    for c in ctx.of("completion"):
        final, budget = c.amount, c.whole
        if budget.value <= 0:
            continue
        r = final.value / budget.value * 100
        tol = rate_tolerance(r, c.decimals, [(final.value, final.half), (budget.value, budget.half)],
                             ctx.tol("digits"))
        if abs(r - c.value) > tol + 1e-9:
            yield ctx.finding(
                "error", f"完成率应为{pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}", [said(c)],
                f"{n(final.value)}÷{n(budget.value)}={pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
                expected=round(r, 2), actual=c.value, unit="%")
