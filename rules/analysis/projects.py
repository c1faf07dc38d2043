"""Project readings: the project table's rows and total, performance (self-evaluation) forms and the paragraphs
that report on them."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import parse_number
from rules.analysis.common import in_yuan, n
from rules.findings import Evidence
from rules.semantics import is_total_row, is_unit_row, names_unit, norm_label

if TYPE_CHECKING:
    from rules.analysis.context import Analysis

# Self-evaluation prose: "县级干部医疗费（2024年）项目绩效自评情况：…项目全年预算数为A万元，执行数为B万元"
SELF_EVALUATION = re.compile(r"^(.{2,60}?)项目(?:支出)?绩效自评(?:情况|结果)")
FORM_COLUMNS = {"年初预算数": re.compile(r"年初预算"), "全年预算数": re.compile(r"全年预算"),
                "全年执行数": re.compile(r"执行数|实际执行|决算数")}


def project_name(text: str) -> str:
    return re.sub(r"[-_—－\s]", "", norm_label(text))


def same_project(a: str, b: str) -> bool:
    a, b = project_name(a), project_name(b)
    return bool(a and b) and (a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)))


def project_rows(ctx: Analysis):
    """(rows, total in 万元, table) of the project table when its rows add up to its total; else None.

    Unit subtotal rows are told apart by their code (6/9 digits, or a bare code as label) or, when every project row repeats its
    unit's code, by a unit name as label."""
    for info in ctx.sem.types("project_expenditure"):
        col = info.total_col
        if col is None:
            continue
        totals = [r for r in info.table.rows if is_total_row(r) and r.value(col)]
        if not totals:
            continue
        total = totals[0].value(col)
        body = [r for r in info.table.rows if r not in totals and r.value(col)]
        for unit in (lambda r: is_unit_row(r, ctx.doc.entity), lambda r: names_unit(r, ctx.doc.entity)):
            leaves = [r for r in body if not unit(r) and (not r.code or len(r.code) != 3) and not r.label.isdigit()]
            if leaves and abs(sum(r.value(col) for r in leaves) - total) <= len(leaves) * 10 ** -info.decimals:
                return leaves, total * info.scale, info
    return None


def performance_forms(ctx: Analysis) -> list[tuple[str, dict[str, float], int, str]]:
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
            heads = {key: j for j, c in enumerate(cells) for key, rx in FORM_COLUMNS.items() if rx.search(c)}
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


def self_evaluations(ctx: Analysis) -> set[str]:
    """Ids of the paragraphs that report a project's self-evaluation (“X项目绩效自评情况：…”)."""
    return {p.id for p in ctx.paragraphs if SELF_EVALUATION.match(p.text)}


def form_figure(ctx: Analysis, c, forms) -> tuple[str, str, float, Evidence] | None:
    """(project, column, 万元, evidence) of the performance-form figure a self-evaluation sentence states
    (项目全年预算数为A万元 → 全年预算数 of that project's 年度资金总额), or None."""
    a = c.amount
    p = ctx.paragraph(c.paragraph)
    m = SELF_EVALUATION.match(p.text) if p and not a.bound and not a.change else None
    key = next((k for k, rx in FORM_COLUMNS.items() if rx.search(a.subject)), None) if m else None
    if key is None:
        return None
    form = [f for f in forms if same_project(f[0], m.group(1)) and key in f[1]]
    if len(form) != 1:
        return None
    name, values, page, title = form[0]
    return name, key, values[key], Evidence(page=page, text=f"{name}｜年度资金总额｜{key}={n(values[key])}万元", table=title)
