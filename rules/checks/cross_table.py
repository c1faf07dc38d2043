"""The same quantity in two tables: grand totals, rows shared by tables of one scope, economic vs functional."""
from __future__ import annotations

import re

from pydantic import Field

from index.numbers import halfwidth, parse_number
from rules.analysis import ROW_TABLES, Analysis, cell_ev, first_value, grand_total, in_yuan
from rules.findings import Evidence
from rules.registry import Options, Rule, rule
from rules.semantics import Cell, TableInfo, code_kind, label_keys, norm_label


class CrossOptions(Options):
    digits: float = Field(1.0, description="Rounding allowance: units of the last printed digit of the coarser table.")


class SharedRowsOptions(CrossOptions):
    min_shared: int = Field(3, ge=1, description="Rows two tables must share before they are compared row by row.")


class FiscalClassesOptions(CrossOptions):
    min_shared: int = Field(2, ge=1, description="类 rows the two tables must share before they are compared.")


def _tol(opts: CrossOptions, *cells: Cell) -> float:
    return opts.digits * max(10 ** -c.decimals * c.table.scale() for c in cells) + 1e-9


def _overview_row(ctx: Analysis, suffix: str) -> Cell | None:
    for info in ctx.sem.types("overview"):
        for r in info.table.rows:
            if norm_label(r.label).endswith(suffix):
                for col in info.value_cols:
                    c = info.cell(r, col)
                    if c:
                        return c
    return None


def _mismatch(rule: Rule, opts: CrossOptions, a: Cell, b: Cell, what: str, ctx: Analysis | None = None):
    if abs(a.value - b.value) > _tol(opts, a, b):
        return rule.finding(
            "error", f"{what}：{a.table.title or a.table.id}为{a.value:.2f}万元，{b.table.title or b.table.id}为"
            f"{b.value:.2f}万元", [cell_ev(a), cell_ev(b)],
            f"{a.value:.2f}−{b.value:.2f}＝{a.value - b.value:.2f}万元", expected=round(a.value, 4),
            actual=round(b.value, 4), unit="万元",
            doubts=ctx.table_doubts([a.table, b.table]) if ctx is not None else [],
            basis=["两表类型已识别", "差额超出末位舍入"])
    return None


def _overview_cells(ctx: Analysis, suffix: str) -> list[Cell]:
    """Every cell of the 收支总表 printed beside a label ending in `suffix`: the row's own label, or on a
    two-sided table the label cell just left of the value (本年支出合计 on the expenditure side)."""
    out = []
    for info in ctx.sem.types("overview"):
        for r in info.table.rows:
            if norm_label(r.label).endswith(suffix):
                c = next((x for x in (info.cell(r, col) for col in info.value_cols) if x), None)
                if c:
                    out.append(c)
            for col in info.value_cols:
                if 0 < col < len(r.cells) and norm_label(r.cells[col - 1]).endswith(suffix):
                    c = info.cell(r, col)
                    if c:
                        out.append(c)
    return out


@rule("cross_table.totals", "cross_table", options=CrossOptions)
def totals(ctx: Analysis, rule: Rule, opts: CrossOptions):
    """The grand total differs between the 收支总表, the 收入表 and the 支出表. A table's total may be printed with
    or without the carry-overs (本年收入合计 or 收入总计; 本年支出合计 or 支出总计): it must equal one of them."""
    inc = next((c for c in map(grand_total, ctx.sem.types("income")) if c), None)
    exp = next((c for c in map(grand_total, ctx.sem.types("expenditure")) if c), None)
    if ctx.doc.kind == "final":
        pairs = [(_overview_row(ctx, "本年收入合计"), [], inc, "本年收入合计"),
                 (_overview_row(ctx, "本年支出合计"), [], exp, "本年支出合计")]
    else:
        total = _overview_row(ctx, "收入总计")
        pairs = [(total, _overview_cells(ctx, "本年收入合计"), inc, "收入总计"),
                 (total, _overview_cells(ctx, "本年支出合计") + _overview_cells(ctx, "支出总计"), exp, "支出总计")]
    for a, alternatives, b, what in pairs:
        if a and b and not any(abs(x.value - b.value) <= _tol(opts, x, b) for x in alternatives):
            f = _mismatch(rule, opts, a, b, what, ctx)
            if f:
                yield f


def _coded(info: TableInfo) -> dict[tuple[str, str], list[Cell]]:
    out: dict[tuple[str, str], list[Cell]] = {}
    for r in info.table.rows:
        if code_kind(r.code) in ("functional", "economic") and info.total_col is not None:
            c = info.cell(r, info.total_col)
            out.setdefault((r.code, norm_label(r.label)), []).append(c)
    return {k: v for k, v in out.items() if len(v) == 1 and v[0] is not None}


@rule("cross_table.same_rows", "cross_table", options=SharedRowsOptions)
def same_rows(ctx: Analysis, rule: Rule, opts: SharedRowsOptions):
    """A classified row (functional or economic code) differs between two tables whose grand totals agree (same
    scope); tables of different scopes may differ row by row (carry-overs, other funds) and are not compared."""
    # A table that lists its units (036 某某局) keys each classified row once per unit: _coded keeps only the rows
    # printed once, so a one-unit table compares like any other.
    infos = [i for i in ctx.sem.infos if i.type in ROW_TABLES]
    seen = set()
    for i, a in enumerate(infos):
        ga, ka = grand_total(a), _coded(a)
        for b in infos[i + 1:]:
            gb, kb = grand_total(b), _coded(b)
            if not ga or not gb or abs(ga.value - gb.value) > _tol(opts, ga, gb):
                continue
            shared = [k for k in ka if k in kb]
            if len(shared) < opts.min_shared:
                continue
            bad = [k for k in shared if abs(ka[k][0].value - kb[k][0].value) > _tol(opts, ka[k][0], kb[k][0])]
            if len(bad) > max(1, 0.2 * len(shared)):
                continue  # the two tables do not measure the same thing
            for k in bad:
                x, y = ka[k][0], kb[k][0]
                if (k, round(x.value, 2), round(y.value, 2)) in seen:
                    continue
                seen.add((k, round(x.value, 2), round(y.value, 2)))
                f = _mismatch(rule, opts, x, y, f"{k[0]} {x.row.label}", ctx)
                if f:
                    yield f


def _gpb_column(info: TableInfo) -> int | None:
    """The 一般公共预算 column of a 财政拨款收支总表's expenditure side."""
    return next((i for i in info.value_cols if i < len(info.table.header)
                 and "一般公共预算" in "/".join(info.table.header[i])), None)


@rule("cross_table.fiscal_classes", "cross_table", options=FiscalClassesOptions)
def fiscal_classes(ctx: Analysis, rule: Rule, opts: FiscalClassesOptions):
    """A 类 in the 财政拨款收支总表 (一般公共预算 column) differs from the same 类 in the 一般公共预算支出表."""
    for f_info in ctx.sem.types("fiscal_overview"):
        col = _gpb_column(f_info)
        if col is None:
            continue
        mine = {}
        for r in f_info.table.rows:
            c = f_info.cell(r, col)
            if c is not None:
                mine.setdefault(norm_label(r.label), []).append(c)  # norm_label drops "一、"/"（一）"
        for g_info in ctx.sem.types("gpb_expenditure"):
            if g_info.total_col is None:
                continue
            theirs = {norm_label(r.label): g_info.cell(r, g_info.total_col) for r in g_info.table.rows
                      if r.code and len(r.code) == 3 and code_kind(r.code) == "functional"}
            shared = [k for k, c in theirs.items() if c and len(mine.get(k, [])) == 1]
            if len(shared) < opts.min_shared:
                continue
            bad = [k for k in shared if abs(mine[k][0].value - theirs[k].value) > _tol(opts, mine[k][0], theirs[k])]
            if len(bad) > max(1, 0.2 * len(shared)):
                continue  # other scopes (carry-overs counted on one side only): not the same quantities
            for k in bad:
                f = _mismatch(rule, opts, mine[k][0], theirs[k], f"{theirs[k].row.code} {k}（一般公共预算）", ctx)
                if f:
                    yield f


@rule("cross_table.economic_vs_functional", "cross_table", severity="warning", options=CrossOptions)
def economic_vs_functional(ctx: Analysis, rule: Rule, opts: CrossOptions):
    """An economic item (住房公积金 30113) differs from the functional 项 of the same name (2210201)."""
    func: dict[str, list[Cell]] = {}
    # The economic table counts 一般公共预算 only: its functional twin is the 一般公共预算支出表; the unit's 支出总表
    # (all funds) stands in only when the document has none.
    for info in ctx.sem.types("gpb_expenditure") or ctx.sem.types("expenditure"):
        basic = next((i for i in info.value_cols if "基本支出" in info.table.header_text(i)), None)
        for r in info.table.rows:
            if code_kind(r.code) == "functional" and len(r.code) == 7:
                c = info.cell(r, basic if basic is not None else info.total_col)
                for k in label_keys(r.label):
                    func.setdefault(k, []).append(c)
    econ: dict[str, list[Cell]] = {}
    for info in ctx.sem.types("gpb_basic"):
        for r in info.table.rows:
            if code_kind(r.code) == "economic" and len(r.code) == 5:
                v = first_value(r, info)
                c = next((info.cell(r, i) for i in info.value_cols if r.value(i) is not None), None)
                if v is not None and c:
                    econ.setdefault(norm_label(r.label), []).append(c)
    for key, cells in econ.items():
        if len(cells) != 1 or len(key) < 4 or key not in func:
            continue
        others = [c for c in func[key] if c is not None]
        if not others or any(abs(c.value - cells[0].value) <= _tol(opts, c, cells[0]) for c in others):
            continue
        if len({round(c.value, 2) for c in others}) != 1:
            continue
        f = _mismatch(rule, opts, cells[0], others[0], f"“{cells[0].row.label}”在经济分类与功能分类中不一致")
        if f:
            yield f.model_copy(update={"severity": "warning"})


_FUNDS = re.compile(r"年度资金总额|资金总额")
_COST = re.compile(r"成本指标")
# A cost target that names the project's whole cost (项目总成本, 救助资金使用金额), not a unit cost (单位成本, 人均).
_WHOLE_COST = re.compile(r"总成本|总额|资金|金额|总投入")
_UNIT_COST = re.compile(r"单位|人均|单价|每|标准|平均")
_MONEY = re.compile(r"^[≤<＜≦]?\s*(?:不超过|不高于)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)$")


@rule("cross_table.performance_cost", "cross_table", severity="warning", options=CrossOptions)
def performance_cost(ctx: Analysis, rule: Rule, opts: CrossOptions):
    """A performance target's cost indicator (项目总成本 ≤X元) exceeds the project's whole annual funds (年度资金总额)
    printed in the same form. Forms may follow one another in one table: each cost is read against the funds of
    the form it belongs to (the last 年度资金总额 above it)."""
    for info in ctx.sem.infos:
        funds = None
        for r in info.table.rows:
            cells = [r.label, *r.cells]
            k = next((i for i, c in enumerate(cells) if _FUNDS.search(c)), None)
            if k is not None:
                value = next((parse_number(c) for c in cells[k + 1:] if parse_number(c)), None)
                yuan = in_yuan(cells)
                funds = (value.value * (1e-4 if yuan else 1.0), value.decimals, r.page, cells[k]) if value else None
                continue
            k = next((i for i, c in enumerate(cells) if _COST.search(c)), None)
            if funds is None or funds[0] <= 0 or k is None or k + 2 >= len(cells):
                continue
            # The indicator's name is a cell between the 成本指标 cell and the target; a group cell merged down
            # (绩效指标) may be repeated among them, so the name is found by what it says, not by its position.
            names = cells[k + 1:-1]
            name = next((c for c in names if _WHOLE_COST.search(c)), "")
            target = halfwidth(cells[-1]).replace(" ", "")
            m = _MONEY.match(target)
            if not m or not name or any(_UNIT_COST.search(c) for c in names):
                continue
            cost = float(m.group(1).replace(",", "")) * (1e-4 if m.group(2) == "元" else 1.0)
            if cost <= funds[0] + opts.digits * 10 ** -funds[1] + 1e-9:
                continue
            yield rule.finding(
                "warning", f"绩效目标的成本指标“{name}”为{cells[-1]}（{cost:.2f}万元），超过项目年度资金总额"
                f"{funds[0]:.2f}万元", [Evidence(page=funds[2], text=f"{funds[3]}{funds[0]:.2f}万元", table=None),
                                      Evidence(page=r.page, text=f"{name} {cells[-1]}", table=None)],
                f"{cost:.2f}万元＞{funds[0]:.2f}万元", expected=round(funds[0], 4), actual=round(cost, 4), unit="万元")
