"""Percentages recomputed from their own amounts: shares (占X%), change rates (增长B%), completion (完成C%)."""
from __future__ import annotations

import math

from pydantic import Field

from rules.analysis import Analysis, n, pct, rate_tolerance, said
from rules.registry import Options, Rule, rule


class RateOptions(Options):
    digits: float = Field(0.5, description="Units of the percentage's last printed digit the recomputed figure may "
                                           "differ by, besides what the rounding of its amounts carries into it.")


@rule("percentage.share", "percentage", options=RateOptions)
def share(ctx: Analysis, rule: Rule, opts: RateOptions):
    """A share 占X% differs from part ÷ whole beyond the rounding of the printed figures.

    A share that is the recomputed one cut off instead of rounded (4.806% printed 4.80%), or nudged by one unit of
    its last digit in a list of shares that then adds up to exactly 100%, is how publishers print shares, not an
    inconsistency: it is reported as info."""
    wholes = ctx.list_wholes
    listed: dict[tuple, float] = {}
    for c in ctx.of("share"):
        whole = c.whole or wholes.get((c.paragraph, c.sentence))
        if whole is not None and c.value is not None:
            key = (c.paragraph, c.sentence, id(whole))
            listed[key] = listed.get(key, 0.0) + c.value
    for c in ctx.of("share"):
        part, whole = c.amount, c.whole or wholes.get((c.paragraph, c.sentence))
        if part is None or whole is None or whole.value <= 0 or part is whole or part.bound or whole.bound:
            continue
        r = part.value / whole.value * 100
        tol = rate_tolerance(r, c.decimals, [(part.value, part.half), (whole.value, whole.half)], opts.digits)
        if abs(r - c.value) > tol + 1e-9:
            unit = 10 ** -c.decimals
            to_100 = abs(listed.get((c.paragraph, c.sentence, id(whole)), 0.0) - 100) < 1e-6 and \
                abs(r - c.value) <= unit + tol
            cut = truncated(r, c.value, c.decimals)
            note = "疑为截尾取数（未四舍五入）" if cut else "各项占比被调整为合计100%" if to_100 else ""
            yield rule.finding(
                "info" if note else "error",
                f"“{part.subject}”占比应为{pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}"
                + (f"（{note}）" if note else ""),
                [said(c)],
                f"{n(part.value)}÷{n(whole.value)}={pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
                expected=round(r, 2), actual=c.value, unit="%",
                basis=[note] if note else ["差额超出百分比与金额的舍入误差"])


def truncated(rate: float, stated: float, decimals: int) -> bool:
    """The printed rate is the recomputed one cut off at its printed decimals (toward zero), not rounded."""
    scale = 10 ** decimals
    return abs(math.floor(abs(rate) * scale + 1e-9) / scale - abs(stated)) < 1e-9 and abs(abs(rate) - abs(stated)) < 1 / scale


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
        cut = truncated(r, c.value, c.decimals)
        yield rule.finding(
            "info" if cut else "error",
            f"变动率应为{pct(abs(r), max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}"
            + ("（疑为截尾取数）" if cut else ""),
            [said(c)],
            f"{how}={pct(abs(r), max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
            expected=round(abs(r), 2), actual=c.value, unit="%",
            doubts=["句中有多个可能的本年金额"] if len(finite) > 1 and not cut else [],
            basis=["截尾取数，非矛盾"] if cut else ["变动额、本年数与变动率出自同一句"])


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
            cut = truncated(r, c.value, c.decimals)
            yield rule.finding(
                "info" if cut else "error",
                f"完成率应为{pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}" + ("（疑为截尾取数）" if cut else ""),
                [said(c)],
                f"{n(final.value)}÷{n(budget.value)}={pct(r, max(2, c.decimals))}，文中为{pct(c.value, c.decimals)}",
                expected=round(r, 2), actual=c.value, unit="%")
