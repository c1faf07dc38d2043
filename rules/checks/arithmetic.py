"""Tables that must add up: 类 = Σ款 = Σ项, 合计 rows, column groups (基本支出 = 人员经费 + 公用经费 …), 收支平衡."""
from __future__ import annotations

import re

from pydantic import Field

from rules.analysis import Analysis
from rules.analysis.tables import column_relations, nests_to, part_rows
from rules.findings import Evidence
from rules.registry import Options, Rule, rule
from rules.semantics import (TableInfo, code_kind, is_column_number_row, is_total_row, is_unit_row, names_unit,
                             norm_label)



class SumOptions(Options):
    digits: float = Field(1.0, description="Rounding allowance: units of the table's last printed digit per summand.")
    max_failure_share: float = Field(
        0.5, ge=0, le=1, description="When more than this share of a table's checks of one relation fail (and at "
        "least 3 were made), the header was misread: nothing is reported for that table.")


class ColumnGroupOptions(SumOptions):
    max_failure_share: float = Field(
        0.34, ge=0, le=1, description="When more than this share of the rows of one column group fail (and at "
        "least 3 were checked), the header was misread: nothing is reported for that group.")


class TotalsOptions(Options):
    digits: float = Field(1.0, description="Rounding allowance: units of the table's last printed digit.")


def _v(x: float | None) -> float:
    return x or 0.0


def _tol(opts: Options, info: TableInfo, count: int) -> float:
    return opts.digits * max(1, count) * 10 ** -info.decimals + 1e-9


def _off(a: float, b: float, tol: float) -> bool:
    """|a − b| beyond the tolerance, with room for the float error of large sums (786,781,502.80 vs .82)."""
    return abs(a - b) - tol > 1e-9 * max(1.0, abs(a), abs(b))


def _ev(info: TableInfo, rows, col: int, text: str) -> Evidence:
    return Evidence(page=rows[0].page, text=text[:300], table=info.table.title or info.table.id)


def _fmt(x: float, info: TableInfo) -> str:
    return f"{x:,.{info.decimals}f}"


def _mismatch(rule: Rule, info: TableInfo, sev: str, where: str, whole: str, stated: float, parts: str,
              computed: float, row, col: int, cell: str, doubts: list[str] | None = None, members=()):
    """A stated total against the sum of its parts: message, evidence and computation in one shape. The finding
    is certain only when the numbers cannot be a misreading (one digit dropped or doubled, a factor of ten) and
    the table's unit is printed. Parts printed on other pages than the total (`members`) are cited there too: the
    reviewer needs those pages to add them up."""
    unit = info.table.unit or "万元"
    doubts = list(doubts or [])
    if _glitch(stated, computed, info):
        doubts.append("两数只差一位数字（或十倍），疑为数字识读有误")
    if not info.table.unit:
        doubts.append("表格未印金额单位")
    return rule.finding(
        sev, f"{info.table.title or '表'}{where}为{_fmt(stated, info)}{unit}，{whole}为{_fmt(computed, info)}{unit}",
        [_ev(info, [row], col, f"{cell}：{_fmt(stated, info)}")] + _member_pages(info, row, members, col),
        f"{parts}＝{_fmt(computed, info)}，{where.removeprefix('中')}为{_fmt(stated, info)}，差{_fmt(stated - computed, info)}{unit}",
        expected=round(computed * info.scale, 4), actual=round(stated * info.scale, 4), unit="万元",
        doubts=doubts, basis=["表格类型已识别", "差额超出各项末位舍入之和"])


def _member_pages(info: TableInfo, row, members, col: int) -> list[Evidence]:
    """One evidence per page the parts are printed on, besides the total's own page."""
    pages: dict[int, list] = {}
    for m in members:
        if m.page != row.page:
            pages.setdefault(m.page, []).append(m)
    return [Evidence(page=pg, text="；".join(f"{m.code or ''} {m.label}：{_fmt(_v(m.value(col)), info)}"
                                          for m in ms)[:300], table=info.table.title or info.table.id)
            for pg, ms in sorted(pages.items())]


def _glitch(a: float, b: float, info: TableInfo) -> bool:
    """The two figures differ as a misread number would: one digit missing or doubled, or a factor of ten."""
    if a and b and (abs(a / b - 10) < 1e-6 or abs(b / a - 10) < 1e-6):
        return True
    x, y = (f"{abs(v):.{info.decimals}f}".replace(".", "") for v in (a, b))
    if len(x) == len(y) or (a < 0) != (b < 0):
        return False
    short, long_ = sorted((x, y), key=len)
    return len(long_) - len(short) == 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _consistency(ctx: Analysis, info: TableInfo) -> list[str]:
    """A sum down a table that does not add up across is not certain evidence (see Analysis.inconsistent)."""
    why = ctx.inconsistent(info)
    return [why] if why else []


def _table_doubt(fails: int, checks: int) -> list[str]:
    """A table whose sums fail in five places or more is far more often misread (digits lost, columns shifted)
    than published so: none of its sums is certain evidence."""
    if fails >= 5:
        return [f"表内{fails}/{checks}处加总不平，表格读取可能有误"]
    return []


def _report(opts: SumOptions, checks, severity_ok="error"):
    """Keep the failures of one relation unless it fails on most rows (then the header was misread)."""
    fails = [c for c in checks if c[0]]
    if not fails:
        return []
    if len(checks) >= 3 and len(fails) / len(checks) > opts.max_failure_share:
        return []
    sev = severity_ok if len(checks) - len(fails) >= 1 or len(checks) == 1 else "warning"
    return [(sev, f) for f in fails]


@rule("arithmetic.hierarchy", "arithmetic", options=SumOptions)
def hierarchy(ctx: Analysis, rule: Rule, opts: SumOptions):
    """A 类 (or 款) row differs from the sum of its 款 (or 项) rows."""
    for info in ctx.sem.infos:
        if info.type == "performance":
            continue
        rows = info.table.rows
        checks = []
        for i, r in enumerate(rows):
            kind = code_kind(r.code)
            if kind is None or len(r.code) not in (3, 5) or (kind == "economic" and len(r.code) != 3):
                continue
            kids: dict[int, list] = {}
            for r2 in rows[i + 1:]:
                if not r2.code or not r2.code.startswith(r.code) or r2.code == r.code:
                    break
                kids.setdefault(len(r2.code), []).append(r2)
            level = len(r.code) + 2
            children = kids.get(level) or kids.get(level + 2) or []
            if kids.get(level) and kids.get(level + 2):
                # A 项 printed without its 款 (3010201 under 301, no 30102 row) is a direct child too: children
                # are the rows whose nearest printed ancestor is this row.
                present = {k.code for k in kids[level]}
                children = kids[level] + [k for k in kids[level + 2] if k.code[:level] not in present]
            if not children:
                continue
            for col in info.value_cols:
                parent = r.value(col)
                total = sum(_v(k.value(col)) for k in children)
                if parent is None and total == 0:
                    continue
                bad = _off(_v(parent), total, _tol(opts, info, len(children)))
                checks.append((bad, r, children, col, _v(parent), total))
        for sev, (_, r, children, col, parent, total) in _report(opts, checks):
            codes = "＋".join(f"{k.code}（{_fmt(_v(k.value(col)), info)}）" for k in children[:8]) + \
                ("…" if len(children) > 8 else "")
            head = info.table.header_text(col)
            blank = parent > total and any(not k.value(col) for k in children)
            cut = parent > total and children[-1] is info.table.rows[-1]
            yield _mismatch(rule, info, sev, f"中{r.code} {r.label}（{head}）", "下级科目合计", parent, codes, total,
                            r, col, f"{r.code} {r.label}｜{head}",
                            _consistency(ctx, info) + (["有下级科目读作空或0，可能漏读"] if blank else [])
                            + (["下级科目排到表末，可能续在下一页未读入"] if cut else []), members=children)


@rule("arithmetic.total_row", "arithmetic", options=SumOptions)
def total_row(ctx: Analysis, rule: Rule, opts: SumOptions):
    """A 合计 row differs from the sum of the top-level rows of its table: its 类 rows, or in a table listed by
    unit, its top-level unit rows (the units with the shortest code)."""
    for info in ctx.sem.infos:
        if info.type == "performance":
            continue
        t = info.table
        totals = [r for r in t.rows if is_total_row(r) and r.label.strip()]
        if info.has_unit_rows:
            coded = [r for r in t.rows if is_unit_row(r, ctx.doc.entity) and r.code and r.code.isdigit()]
            shortest = min((len(r.code) for r in coded), default=0)
            top = [r for r in coded if len(r.code) == shortest]
        else:
            coded = [r for r in t.rows if code_kind(r.code)]
            kind = code_kind(coded[0].code) if coded else None
            top = [r for r in coded if code_kind(r.code) == kind and len(r.code) == 3]
        if len(totals) != 1 or not top or len({r.code for r in top}) != len(top):
            continue
        checks = []
        for col in info.value_cols:
            tv = totals[0].value(col)
            s = sum(_v(r.value(col)) for r in top)
            if tv is None and s == 0:
                continue
            checks.append((_off(_v(tv), s, _tol(opts, info, len(top))), col, _v(tv), s))
        for sev, (_, col, tv, s) in _report(opts, checks):
            yield _mismatch(rule, info, sev, f"合计行（{t.header_text(col)}）", "各单位合计" if info.has_unit_rows else "各类合计",
                            tv, "＋".join(r.code for r in top),
                            s, totals[0], col, f"{totals[0].label}｜{t.header_text(col)}", _consistency(ctx, info))


@rule("arithmetic.list_total", "arithmetic", options=SumOptions)
def list_total(ctx: Analysis, rule: Rule, opts: SumOptions):
    """The 合计 row of a plain list (projects, purchases: no codes) differs from the sum of the rows it closes.
    Unit subtotal rows (本级, 某某中心) are either counted alone or their projects are, or a unit-named row is a
    leaf itself (某某局-综合定额): whichever adds up."""
    for info in ctx.sem.infos:
        t = info.table
        if info.type in (None, "performance", "overview", "fiscal_overview") or any(code_kind(r.code) for r in t.rows):
            continue
        totals = [r for r in t.rows if is_total_row(r) and r.label.strip()]
        parts = part_rows(info, _tol(opts, info, 1))
        body = [r for k, r in enumerate(t.rows) if r not in totals and k not in parts
                and not norm_label(r.label).startswith("小计") and not is_column_number_row(r)]
        if len(totals) != 1 or len(body) < 2 or t.rows.index(totals[0]) not in (0, len(t.rows) - 1):
            continue
        units = [r for r in body if names_unit(r, ctx.doc.entity)]
        readings = [[r for r in body if r not in units], units, body] if units else [body]
        # The parser's nesting (codes, ordinals, 其中, indentation, amounts): its top rows alone are the list when
        # the rows nest (a unit over its categories over their projects).
        top = [r for r in body if r.parent is None and not _under_code(r, body)]
        if 2 <= len(top) < len(body) or len(top) == 1 and len(body) > 1:
            readings.append(top)
        checks = []
        for col in info.value_cols:
            tv = totals[0].value(col)
            sums = [(rows, sum(_v(r.value(col)) for r in rows)) for rows in readings if rows]
            if tv is None and not any(x for _, x in sums):
                continue
            n = max(len(rows) for rows in readings)
            bad = all(_off(_v(tv), x, _tol(opts, info, n)) for _, x in sums)
            if bad and nests_to([_v(r.value(col)) for r in body], _v(tv), _tol(opts, info, n)):
                bad = False  # the rows add up once read in levels the parser did not nest
            checks.append((bad, col, _v(tv), min(sums, key=lambda rx: abs(rx[1] - _v(tv)))))
        cut = _continued_apart(ctx, info)
        for sev, (_, col, tv, (rows, total)) in _report(opts, checks):
            # A list row with no amount where its siblings have one: digits the reading may have lost.
            blank = ["有行在该列读作空，可能漏读"] if any(r.value(col) is None and r.label for r in body) else []
            yield _mismatch(rule, info, sev, f"合计行（{t.header_text(col)}）", "各行合计", tv, f"{len(rows)}行之和",
                            total, totals[0], col, f"{totals[0].label}｜{t.header_text(col)}",
                            _consistency(ctx, info) + cut + blank)


def _continued_apart(ctx: Analysis, info: TableInfo) -> list[str]:
    """The table that follows is an untitled piece starting on the next page, read with another column layout:
    the list may go on there, so its 合计 cannot be checked on this piece alone."""
    infos = ctx.sem.infos
    k = infos.index(info)
    nxt = infos[k + 1].table if k + 1 < len(infos) else None
    if nxt is not None and not nxt.title and nxt.pages and min(nxt.pages) <= max(info.table.pages) + 1:
        return ["表格在下一页续排而未能合并读取，列表可能不全"]
    return []


def _under_code(row, rows) -> bool:
    """Another row's code is a prefix of this row's (153 over 153013): a child, whatever the nesting says."""
    return bool(row.code) and any(o is not row and o.code and len(o.code) < len(row.code)
                                  and row.code.startswith(o.code) for o in rows)


@rule("arithmetic.column_groups", "arithmetic", options=ColumnGroupOptions)
def column_groups(ctx: Analysis, rule: Rule, opts: ColumnGroupOptions):
    """A 合计/小计 column differs from the sum of the columns it groups (e.g. 基本支出 ≠ 人员经费 + 公用经费)."""
    for info in ctx.sem.infos:
        if info.type in ("performance", "procurement", "purchase_service") or info.header_mismatch:
            continue
        t = info.table
        relations = []
        for total, members in column_relations(info):
            checks = []
            for r in t.rows:
                if is_column_number_row(r):
                    continue
                tv = r.value(total)
                vals = [r.value(m) for m in members]
                if tv is None and not any(vals):
                    continue
                s = sum(_v(v) for v in vals)
                checks.append((_off(_v(tv), s, _tol(opts, info, len(members))), r, _v(tv), s))
            relations.append((total, members, checks))
        reported = [(total, members, _report(opts, checks)) for total, members, checks in relations]
        doubts = _table_doubt(sum(len(x) for _, _, x in reported), sum(len(c) for _, _, c in relations))
        for total, members, failures in reported:
            for sev, (_, r, tv, s) in failures:
                parts = "＋".join(f"{t.header_text(m).split('/')[-1]}{_fmt(_v(r.value(m)), info)}" for m in members)
                blank = ["合计栏读作空或0而分项有数，可能漏读"] if not tv and s else []
                yield _mismatch(rule, info, sev, f"“{r.label or r.code or '首行'}”行：{t.header_text(total)}", "分项合计",
                                tv, parts, s, r, total, f"{r.code or ''} {r.label}｜{t.header_text(total)}",
                                doubts + blank)


def _side_total(info: TableInfo, side: str):
    """(row, column) of the 总计 on one side (收入 or 支出) of a two-sided 收支总表: the last 总计 row carrying a
    value in the first column headed by that side. Rows of both sides share the table, so labels alone collide."""
    col = next((i for i in info.value_cols if i < len(info.table.header) and info.table.header[i]
                and side in info.table.header[i][0]), None)
    if col is None and len(info.value_cols) == 2:  # 项目|金额|项目|金额 with no side named: income comes first
        col = info.value_cols[0 if side == "收入" else 1]
    if col is None:
        return None
    rows = [r for r in info.table.rows if norm_label(r.label).endswith("总计") and r.value(col) is not None
            and (side in norm_label(r.label) or norm_label(r.label) == "总计")]
    return (rows[-1], col) if rows else None


@rule("arithmetic.overview_totals", "arithmetic", options=TotalsOptions)
def overview_totals(ctx: Analysis, rule: Rule, opts: TotalsOptions):
    """收入总计 differs from 支出总计 in a 收支总表."""
    for info in ctx.sem.types("overview", "fiscal_overview"):
        inc, exp = _side_total(info, "收入"), _side_total(info, "支出")
        if not inc or not exp:
            continue
        a, b = inc[0].value(inc[1]), exp[0].value(exp[1])
        if _off(a, b, _tol(opts, info, 1)):
            t = info.table
            yield rule.finding(
                "error", f"{t.title}中收入总计{_fmt(a, info)}与支出总计{_fmt(b, info)}不相等",
                [_ev(info, [inc[0]], inc[1], f"收入总计：{_fmt(a, info)}；支出总计：{_fmt(b, info)}")],
                f"{_fmt(a, info)}−{_fmt(b, info)}＝{_fmt(a - b, info)}{t.unit or '万元'}",
                expected=round(a * info.scale, 4), actual=round(b * info.scale, 4), unit="万元")
