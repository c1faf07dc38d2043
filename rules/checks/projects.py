"""A project's money in the narrative against the project table and against its performance form."""
from __future__ import annotations

import re
from collections import defaultdict

from pydantic import Field

from rules.analysis import Analysis, cell_ev, n, other_year, project_name, said
from rules.findings import Evidence
from rules.registry import Options, Rule, rule
from rules.semantics import norm_label

_QUOTED_PROJECT = re.compile(r"[“\"]([^”\"]{2,40})[”\"]项目")
_PROJECT_FUNDS = re.compile(r"^项目(?:预算安排资金|预算资金|资金|预算)")


class FundsOptions(Options):
    digits: float = Field(1.0, description="Rounding allowance: units of the last printed digit (of the narrative "
                                           "amount or of the table, whichever is coarser).")


def _wan(a, cell_value: float, tol: float) -> bool:
    """The amount differs from the cell beyond rounding, and not by a factor of 10,000 (unit.wan_yuan_slip's)."""
    return abs(cell_value - a.value) > tol and abs(cell_value * 10_000 - a.value) > tol


@rule("narrative.project_funds", "narrative_vs_table", options=FundsOptions)
def project_funds(ctx: Analysis, rule: Rule, opts: FundsOptions):
    """A project's funds in the narrative differ from the project table: by name (“X”项目 … 项目预算安排资金A万元),
    or, for a sentence that counts exactly the table's projects (涉及项目15个), from its 合计."""
    found = ctx.project_rows
    if not found:
        return
    leaves, total, info = found
    counts, amounts = defaultdict(list), defaultdict(list)
    for k in ctx.of("count"):
        if k.unit == "个":
            counts[(k.paragraph, k.sentence)].append(k)
    for c in ctx.of("amount"):
        amounts[(c.paragraph, c.sentence)].append(c)
    for c in ctx.of("amount"):
        a = c.amount
        if a.bound or a.bracketed or a.change or other_year(a.subject, ctx.doc.year):
            continue
        tol = opts.digits * max(2 * a.half, 10 ** -info.decimals * info.scale) + 1e-9
        p = ctx.paragraph(c.paragraph)
        names = _QUOTED_PROJECT.findall(p.section or "") if p and _PROJECT_FUNDS.match(norm_label(a.subject)) else []
        if names:
            rows = [r for r in leaves if project_name(r.label) == project_name(names[-1])]
            cell = info.cell(rows[0], info.total_col) if len(rows) == 1 else None
            if cell and _wan(a, cell.value, tol):
                yield rule.finding(
                    "error", f"“{names[-1]}”项目文中安排{n(a.printed, a.decimals)}{a.unit}，{info.table.title}为"
                    f"{n(cell.value)}万元", [said(c), cell_ev(cell)],
                    f"文中{n(a.value, max(2, a.decimals))}万元；表中{n(cell.value)}万元；差额{n(a.value - cell.value)}万元",
                    expected=round(cell.value, 2), actual=round(a.value, 4), unit="万元")
            continue
        key = (c.paragraph, c.sentence)
        if len(counts[key]) != 1 or int(counts[key][0].value) != len(leaves) or len(amounts[key]) != 1 \
                or "项目" not in a.subject:
            continue
        if _wan(a, total, tol):
            yield rule.finding(
                "error", f"文中{len(leaves)}个项目共{n(a.printed, a.decimals)}{a.unit}，{info.table.title}"
                f"列{len(leaves)}个项目合计{n(total)}万元",
                [said(c), Evidence(page=info.table.page, text=f"{info.table.title}：{len(leaves)}个项目，合计{n(total)}万元",
                                   table=info.table.title)],
                f"文中{n(a.value, max(2, a.decimals))}万元；表中合计{n(total)}万元；差额{n(a.value - total)}万元",
                expected=round(total, 2), actual=round(a.value, 4), unit="万元")


@rule("narrative.performance_funds", "narrative_vs_table", options=FundsOptions)
def performance_funds(ctx: Analysis, rule: Rule, opts: FundsOptions):
    """The budget or spending a self-evaluation paragraph states for a project (项目全年预算数为A万元，执行数为B万元)
    differs from that project's performance form."""
    evaluations = ctx.self_evaluations
    for c in ctx.of("amount"):
        hit = ctx.form_figure(c) if c.paragraph in evaluations else None
        if hit is None:
            continue
        name, key, value, ev = hit
        a = c.amount
        if _wan(a, value, opts.digits * 2 * a.half + 1e-9):
            yield rule.finding(
                "error", f"“{name}”自评说明中{key}为{n(a.printed, a.decimals)}{a.unit}，绩效自评表为{n(value)}万元",
                [said(c), ev], f"文中{n(a.value, max(2, a.decimals))}万元；自评表中{n(value)}万元；差额{n(a.value - value)}万元",
                expected=round(value, 2), actual=round(a.value, 4), unit="万元")
