"""Percentages recomputed from their own amounts: shares (占X%), change rates (增长B%), completion (完成C%)."""
from __future__ import annotations

from pydantic import Field

from rules.analysis import Analysis, n, pct, rate_tolerance, said
from rules.registry import Options, Rule, rule


class RateOptions(Options):
    digits: float = Field(0.5, description="Units of the percentage's last printed digit the recomputed figure may "
                                           "differ by, besides what the rounding of its amounts carries into it.")


@rule("percentage.share", "percentage", options=RateOptions)
def share(ctx: Analysis, rule: Rule, opts: RateOptions):
    """A share 占X% differs from part ÷ whole beyond the rounding of the printed figures."""
    wholes = ctx.list_wholes
    for c in ctx.of("share"):
        part, whole = c.amount, c.whole or wholes.get((c.paragraph, c.sentence))
        if part is None or whole is None or whole.value <= 0 or part is whole or part.bound or whole.bound:
            continue
        r = part.value / whole.value * 100
        tol = rate_tolerance(r, c.decimals, [(part.value, part.half), (whole.value, whole.half)], opts.digits)
        if abs(r - c.value) > tol + 1e-9:
            yield rule.finding(
                "error",
                f"“{part.subject}”占比应为{pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
                [said(c)],
                f"{n(part.value)}÷{n(whole.value)}={pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
                expected=round(r, 2), actual=c.value, unit="%")


@rule("percentage.change_rate", "percentage", options=RateOptions)
def change_rate(ctx: Analysis, rule: Rule, opts: RateOptions):
    """A change rate (增长/下降B%) differs from change ÷ last year's amount, or grows from a zero base."""
    for c in ctx.of("change"):
        if c.direction == "0" or c.value is None:
            continue
        stated = c.value if c.direction == "+" else -c.value
        cands = ctx.change_candidates(c)
        if not cands:
            continue
        finite = [x for x in cands if x[0] != float("inf")]
        if any(abs(r - stated) <= rate_tolerance(r, c.decimals, parts, opts.digits) + 1e-9
               for r, _, parts, _ in finite):
            continue
        if any(abs(abs(r) - c.value) <= rate_tolerance(r, c.decimals, parts, opts.digits) + 1e-9
               for r, _, parts, _ in finite):
            continue  # right size, wrong direction word: direction.change_sign reports it
        if not finite:
            how = cands[0][3]
            yield rule.finding(
                "warning", f"上年基数为0，增长率无从计算，文中写为{pct(c.value, c.decimals)}", [said(c)],
                f"{how}，基数为0，增长率无意义，文中为{pct(c.value, c.decimals)}",
                expected=None, actual=c.value, unit="%")
            continue
        headline = _headline_fit(c, stated, opts.digits)
        if headline is not None:
            cur, r = headline
            said_now = c.others[0]
            yield rule.finding(
                "error", f"同一项目前文为{n(cur.printed, cur.decimals)}{cur.unit}，此处写为"
                f"{n(said_now.printed, said_now.decimals)}{said_now.unit}；变动率{pct(c.value, c.decimals)}按前者计算",
                [said(c)], f"({n(cur.value)}−{n(c.prior.value)})÷{n(c.prior.value)}={pct(r)}，与文中"
                f"{pct(c.value, c.decimals)}相符；按{n(said_now.value)}计算则为"
                f"{pct((said_now.value - c.prior.value) / c.prior.value * 100)}",
                expected=round(cur.value, 4), actual=round(said_now.value, 4), unit="万元", kind="narrative_vs_table")
            continue
        r, base, parts, how = finite[0]
        yield rule.finding(
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


@rule("percentage.completion_rate", "percentage", options=RateOptions)
def completion_rate(ctx: Analysis, rule: Rule, opts: RateOptions):
    """A completion rate (完成年初预算的C%) differs from 决算 ÷ 预算."""
    for c in ctx.of("completion"):
        final, budget = c.amount, c.whole
        if budget.value <= 0:
            continue
        r = final.value / budget.value * 100
        tol = rate_tolerance(r, c.decimals, [(final.value, final.half), (budget.value, budget.half)],
                             opts.digits)
        if abs(r - c.value) > tol + 1e-9:
            yield rule.finding(
                "error", f"完成率应为{pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}", [said(c)],
                f"{n(final.value)}÷{n(budget.value)}={pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
                expected=round(r, 2), actual=c.value, unit="%")
