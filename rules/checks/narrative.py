"""Narrative vs table: the amounts a paragraph states against the table cells they name."""
from __future__ import annotations

from pydantic import Field

from rules.analysis import Analysis, cell_ev, n, said
from rules.registry import Options, Rule, rule
from rules.semantics import norm_label


class AmountOptions(Options):
    digits: float = Field(1.0, description="Rounding allowance: units of the last printed digit (of the narrative "
                                           "amount or of the table cell, whichever is coarser).")


@rule("narrative.amount_vs_table", "narrative_vs_table", options=AmountOptions)
def amount_vs_table(ctx: Analysis, rule: Rule, opts: AmountOptions):
    """A narrative amount differs from every table cell carrying the label it names."""
    factor = 10_000
    for c in ctx.of("amount"):
        hit = ctx.subject_cells(c)
        if not hit:
            continue
        key, cells, by_path = hit
        cells = [x for x in cells if x.table.unit or x.table.title]
        if not cells:
            continue
        a = c.amount
        tol = lambda x: opts.digits * max(2 * a.half, 10 ** -x.decimals * x.table.scale()) + 1e-9
        if any(abs(x.value - a.value) <= tol(x) for x in cells):
            continue
        if a.value == 0 and all(x.value == 0 for x in cells):
            continue
        # A factor of 10,000 is a unit slip, reported by unit.wan_yuan_slip.
        if any(x.value and abs(a.value / factor - x.value) <= tol(x) or abs(a.value * factor - x.value) <= tol(x)
               for x in cells):
            continue
        values = sorted({round(x.value, 2) for x in cells})
        best = min(cells, key=lambda x: abs(x.value - a.value))
        contextual = key in {norm_label(x) for x in ctx.pack.context_labels}
        whole = key in ctx.pack.total_subjects
        severity = "error" if len(values) == 1 and (by_path or whole or len(key) >= 4) and not contextual else "warning"
        yield rule.finding(
            severity,
            f"文中“{a.subject or key}”为{n(a.printed, a.decimals)}{a.unit}，表中“{best.row.label or key}”为"
            f"{n(best.value)}万元，两者不一致",
            [said(c), cell_ev(best)],
            f"文中{n(a.value, max(2, a.decimals))}万元；表中{'、'.join(n(v) for v in values[:4])}万元；"
            f"差额{n(a.value - best.value)}万元",
            expected=round(best.value, 2), actual=round(a.value, 4), unit="万元")


@rule("narrative.parts_sum", "arithmetic", options=AmountOptions)
def parts_sum(ctx: Analysis, rule: Rule, opts: AmountOptions):
    """The parts listed after 其中 add up to more than the whole they belong to."""
    for c in ctx.of("parts"):
        whole = c.whole
        parts = c.others
        if len(parts) < 2 or whole is None or whole.bound:
            continue
        total = sum(p.value for p in parts)
        tol = opts.digits * sum(2 * p.half for p in parts + [whole]) + 1e-9
        if total - whole.value > tol:
            yield rule.finding(
                "error",
                f"“{whole.subject}”{n(whole.printed, whole.decimals)}{whole.unit}，其中各项合计"
                f"{n(total)}万元，超过总数",
                [said(c)],
                "＋".join(n(p.value) for p in parts) + f"＝{n(total)}万元，大于{n(whole.value)}万元",
                expected=round(whole.value, 4), actual=round(total, 4), unit="万元")
