"""元/万元 slips: a narrative amount that is a table cell × or ÷ 10,000."""
from __future__ import annotations

from rules.checks.common import cell_ev, n, said
from rules.checks.narrative import subject_cells
from rules.registry import Context, rule


@rule("unit.wan_yuan_slip", "unit", factor=10000, digits=1.0)
def wan_yuan_slip(ctx: Context):
    """A narrative amount is off from the cell it names by exactly a factor of 10,000 (元 written as 万元)."""
    factor = ctx.tol("factor")
    for c in ctx.of("amount"):
        hit = subject_cells(ctx, c)
        if not hit or c.amount.value == 0:
            continue
        a = c.amount
        _, cells, _ = hit
        tol = lambda x: ctx.tol("digits") * max(2 * a.half, 10 ** -x.decimals * x.table.scale()) + 1e-9
        if any(abs(x.value - a.value) <= tol(x) for x in cells):
            continue
        for x in cells:
            if not x.value:
                continue
            for scaled, word in ((a.value / factor, "大了一万倍"), (a.value * factor, "小了一万倍")):
                if abs(scaled - x.value) <= tol(x) * (factor if word == "小了一万倍" else 1):
                    yield ctx.finding(
                        "error", f"文中“{a.subject}”{a.text}与表中{n(x.value)}万元相差一万倍，疑为元/万元单位错写",
                        [said(c), cell_ev(x)],
                        f"{n(a.value)}÷{int(factor)}＝{n(a.value / factor, 4)}，表中为{n(x.value)}万元（{word}）",
                        expected=round(x.value, 4), actual=round(a.value, 4), unit="万元")
                    break
            else:
                continue
            break
