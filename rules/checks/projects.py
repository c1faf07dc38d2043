"""A project's money in the narrative against the project table and against its performance form."""
from __future__ import annotations

import re
from collections import defaultdict

from index.numbers import parse_number
from rules.checks.common import cell_ev, in_yuan, n, other_year, project_rows, said
from rules.findings import Evidence
from rules.registry import Context, rule
from rules.semantics import norm_label

_QUOTED_PROJECT = re.compile(r"[“\"]([^”\"]{2,40})[”\"]项目")
_PROJECT_FUNDS = re.compile(r"^项目(?:预算安排资金|预算资金|资金|预算)")
# Self-evaluation prose: "县级干部医疗费（2024年）项目绩效自评情况：…项目全年预算数为A万元，执行数为B万元"
_SELF_EVALUATION = re.compile(r"^(.{2,60}?)项目(?:支出)?绩效自评(?:情况|结果)")
_FORM_COLUMNS = {"年初预算数": re.compile(r"年初预算"), "全年预算数": re.compile(r"全年预算"),
                 "全年执行数": re.compile(r"执行数|实际执行|决算数")}


def _project_name(text: str) -> str:
    return re.sub(r"[-_—－\s]", "", norm_label(text))


def _same_project(a: str, b: str) -> bool:
    a, b = _project_name(a), _project_name(b)
    return bool(a and b) and (a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)))


def _wan(a, cell_value: float, tol: float) -> bool:
    """The amount differs from the cell beyond rounding, and not by a factor of 10,000 (unit.wan_yuan_slip's)."""
    return abs(cell_value - a.value) > tol and abs(cell_value * 10_000 - a.value) > tol


@rule("narrative.project_funds", "narrative_vs_table", digits=1.0)
def project_funds(ctx: Context):
    """A project's funds in the narrative differ from the project table: by name (“X”项目 … 项目预算安排资金A万元),
    or, for a sentence that counts exactly the table's projects (涉及项目15个), from its 合计."""
    found = project_rows(ctx)
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
        tol = ctx.tol("digits") * max(2 * a.half, 10 ** -info.decimals * info.scale) + 1e-9
        p = ctx.paragraph(c.paragraph)
        names = _QUOTED_PROJECT.findall(p.section or "") if p and _PROJECT_FUNDS.match(norm_label(a.subject)) else []
        if names:
            rows = [r for r in leaves if _project_name(r.label) == _project_name(names[-1])]
            cell = info.cell(rows[0], info.total_col) if len(rows) == 1 else None
            if cell and _wan(a, cell.value, tol):
                yield ctx.finding(
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
            yield ctx.finding(
                "error", f"文中{len(leaves)}个项目共{n(a.printed, a.decimals)}{a.unit}，{info.table.title}"
                f"列{len(leaves)}个项目合计{n(total)}万元",
                [said(c), Evidence(page=info.table.page, text=f"{info.table.title}：{len(leaves)}个项目，合计{n(total)}万元",
                                   table=info.table.title)],
                f"文中{n(a.value, max(2, a.decimals))}万元；表中合计{n(total)}万元；差额{n(a.value - total)}万元",
                expected=round(total, 2), actual=round(a.value, 4), unit="万元")


def performance_forms(ctx: Context) -> list[tuple[str, dict[str, float], int, str]]:
    """(project name, {年初预算数|全年预算数|全年执行数: 万元}, page, table) of every self-evaluation form: the name
    after 项目名称, the column names of the 项目资金 header, the amounts of the 年度资金总额 row under it."""
    out = []
    for t in ctx.doc.tables:
        name, columns, yuan = None, {}, False
        page = t.rows[0].page if t.rows else t.page
        for raw in t.grid:
            cells = [norm_label(c) for c in raw]
            if "项目名称" in cells:
                k = cells.index("项目名称")
                name = next((c.strip() for c in raw[k + 1:] if c.strip()), None)
                columns = {}
            heads = {key: j for j, c in enumerate(cells) for key, rx in _FORM_COLUMNS.items() if rx.search(c)}
            if len(heads) >= 2:
                columns, yuan = heads, in_yuan(raw)
                continue
            if name and columns and any(re.match(r"(?:年度)?资金总额", c) for c in cells):
                values = {}
                for key, j in columns.items():
                    v = parse_number(raw[j]) if j < len(raw) else None
                    if v is not None:
                        values[key] = v.value * (1e-4 if yuan else 1.0)
                if values:
                    out.append((name, values, page, t.title or "项目支出绩效自评表"))
                name, columns = None, {}
    return out


def self_evaluations(ctx: Context) -> set[str]:
    """Ids of the paragraphs that report a project's self-evaluation (“X项目绩效自评情况：…”)."""
    return {p.id for p in ctx.doc.paragraphs if _SELF_EVALUATION.match(p.text)}


def form_figure(ctx: Context, c, forms) -> tuple[str, str, float, Evidence] | None:
    """(project, column, 万元, evidence) of the performance-form figure a self-evaluation sentence states
    (项目全年预算数为A万元 → 全年预算数 of that project's 年度资金总额), or None."""
    a = c.amount
    p = ctx.paragraph(c.paragraph)
    m = _SELF_EVALUATION.match(p.text) if p and not a.bound and not a.change else None
    key = next((k for k, rx in _FORM_COLUMNS.items() if rx.search(a.subject)), None) if m else None
    if key is None:
        return None
    form = [f for f in forms if _same_project(f[0], m.group(1)) and key in f[1]]
    if len(form) != 1:
        return None
    name, values, page, title = form[0]
    return name, key, values[key], Evidence(page=page, text=f"{name}｜年度资金总额｜{key}={n(values[key])}万元", table=title)


@rule("narrative.performance_funds", "narrative_vs_table", digits=1.0)
def performance_funds(ctx: Context):
    """The budget or spending a self-evaluation paragraph states for a project (项目全年预算数为A万元，执行数为B万元)
    differs from that project's performance form."""
    evaluations = self_evaluations(ctx)
    forms = performance_forms(ctx) if evaluations else []
    for c in ctx.of("amount"):
        hit = form_figure(ctx, c, forms) if c.paragraph in evaluations else None
        if hit is None:
            continue
        name, key, value, ev = hit
        a = c.amount
        if _wan(a, value, ctx.tol("digits") * 2 * a.half + 1e-9):
            yield ctx.finding(
                "error", f"“{name}”自评说明中{key}为{n(a.printed, a.decimals)}{a.unit}，绩效自评表为{n(value)}万元",
                [said(c), ev], f"文中{n(a.value, max(2, a.decimals))}万元；自评表中{n(value)}万元；差额{n(a.value - value)}万元",
                expected=round(value, 2), actual=round(a.value, 4), unit="万元")
