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
        if a.value == 0 and any(x.value == 0 or _blank_column(ctx, x) for x in cells):
            continue  # an empty cell is 0: a row leaving a column blank can be the 0 the sentence states
        # A factor of 10,000 is a unit slip, reported by unit.wan_yuan_slip.
        if any(x.value and abs(a.value / factor - x.value) <= tol(x) or abs(a.value * factor - x.value) <= tol(x)
               for x in cells):
            continue
        values = sorted({round(x.value, 2) for x in cells})
        best = min(cells, key=lambda x: abs(x.value - a.value))
        yield rule.finding(
            "error",
            f"文中“{a.subject or key}”为{n(a.printed, a.decimals)}{a.unit}，表中“{best.row.label or key}”为"
            f"{n(best.value)}万元，两者不一致",
            [said(c), cell_ev(best)],
            f"文中{n(a.value, max(2, a.decimals))}万元；表中{'、'.join(n(v) for v in values[:4])}万元；"
            f"差额{n(a.value - best.value)}万元",
            doubts=ctx.binding_doubts(key, cells, by_path, c) + _column_doubt(ctx, best),
            basis=["主语对应唯一单元格", "差额超出舍入误差"],
            expected=round(best.value, 2), actual=round(a.value, 4), unit="万元")


def _blank_column(ctx: Analysis, cell) -> bool:
    info = ctx.sem.info_of.get(cell.table.id)
    return info is not None and any(cell.row.value(i) is None for i in info.value_cols)


def _column_doubt(ctx: Analysis, cell) -> list[str]:
    """A row named by the sentence, read in a column that is not the table's total: which column the sentence
    means is a guess."""
    info = ctx.sem.info_of.get(cell.table.id)
    if cell.via != "row" or info is None or info.total_col is None or cell.col == info.total_col:
        return []
    return [f"对应列“{cell.table.header_text(cell.col)}”不是该表合计列"]


@rule("narrative.parts_sum", "arithmetic", options=AmountOptions)
def parts_sum(ctx: Analysis, rule: Rule, opts: AmountOptions):
    """The parts listed after 其中 add up to more than the whole they belong to. Of a “三公” whole, only the 三公
    items (the pack's sangong_items) are its parts: 会议费 and 培训费 often follow it in the same list."""
    for c in ctx.of("parts"):
        whole = c.whole
        parts = c.others
        if whole is not None and "三公" in whole.subject:
            parts = [p for p in parts if any(w in p.subject for w in ctx.pack.sangong_items)]
        if len(parts) < 2 or whole is None or whole.bound:
            continue
        total = sum(p.value for p in parts)
        # A part printed as 0 is none of the whole, not a figure rounded to 0: it adds no rounding.
        tol = opts.digits * sum(2 * p.half for p in parts + [whole] if p.value) + 1e-9
        if total - whole.value > tol:
            yield rule.finding(
                "error",
                f"“{whole.subject}”{n(whole.printed, whole.decimals)}{whole.unit}，其中各项合计"
                f"{n(total)}万元，超过总数",
                [said(c)],
                "＋".join(n(p.value) for p in parts) + f"＝{n(total)}万元，大于{n(whole.value)}万元",
                expected=round(whole.value, 4), actual=round(total, 4), unit="万元")
