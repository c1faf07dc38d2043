"""Tables that must add up: 类 = Σ款 = Σ项, 合计 rows, column groups (基本支出 = 人员经费 + 公用经费 …), 收支平衡."""
from __future__ import annotations

import re

from pydantic import Field

from rules.analysis import Analysis
from rules.findings import Evidence
from rules.registry import Options, Rule, rule
from rules.semantics import TableInfo, code_kind, is_total_row, is_unit_row, names_unit, norm_label

_SUB = re.compile(r"^(?:小计|合计|总计)$")
_TOP_TOTAL = re.compile(r"^(?:合计|总计|本年(?:收入|支出)合计|.{0,8}经费合计|.{0,6}支出合计|.{0,6}收入合计)$")


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


def _ev(info: TableInfo, rows, col: int, text: str) -> Evidence:
    return Evidence(page=rows[0].page, text=text[:300], table=info.table.title or info.table.id)


def _fmt(x: float, info: TableInfo) -> str:
    return f"{x:,.{info.decimals}f}"


def _mismatch(rule: Rule, info: TableInfo, sev: str, where: str, whole: str, stated: float, parts: str,
              computed: float, row, col: int, cell: str):
    """A stated total against the sum of its parts: message, evidence and computation in one shape."""
    unit = info.table.unit or "万元"
    return rule.finding(
        sev, f"{info.table.title or '表'}{where}为{_fmt(stated, info)}{unit}，{whole}为{_fmt(computed, info)}{unit}",
        [_ev(info, [row], col, f"{cell}：{_fmt(stated, info)}")],
        f"{parts}＝{_fmt(computed, info)}，{where.removeprefix('中')}为{_fmt(stated, info)}，差{_fmt(stated - computed, info)}{unit}",
        expected=round(computed * info.scale, 4), actual=round(stated * info.scale, 4), unit="万元")


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
            if not children:
                continue
            for col in info.value_cols:
                parent = r.value(col)
                total = sum(_v(k.value(col)) for k in children)
                if parent is None and total == 0:
                    continue
                bad = abs(_v(parent) - total) > _tol(opts, info, len(children))
                checks.append((bad, r, children, col, _v(parent), total))
        for sev, (_, r, children, col, parent, total) in _report(opts, checks):
            codes = "＋".join(f"{k.code}（{_fmt(_v(k.value(col)), info)}）" for k in children[:8]) + \
                ("…" if len(children) > 8 else "")
            head = info.table.header_text(col)
            yield _mismatch(rule, info, sev, f"中{r.code} {r.label}（{head}）", "下级科目合计", parent, codes, total,
                            r, col, f"{r.code} {r.label}｜{head}")


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
            checks.append((abs(_v(tv) - s) > _tol(opts, info, len(top)), col, _v(tv), s))
        for sev, (_, col, tv, s) in _report(opts, checks):
            yield _mismatch(rule, info, sev, f"合计行（{t.header_text(col)}）", "各单位合计" if info.has_unit_rows else "各类合计",
                            tv, "＋".join(r.code for r in top),
                            s, totals[0], col, f"{totals[0].label}｜{t.header_text(col)}")


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
        body = [r for r in t.rows if r not in totals and not re.match(r"其中|小计", norm_label(r.label) or "")]
        if len(totals) != 1 or len(body) < 2 or t.rows.index(totals[0]) not in (0, len(t.rows) - 1):
            continue
        units = [r for r in body if names_unit(r, ctx.doc.entity)]
        readings = [[r for r in body if r not in units], units, body] if units else [body]
        checks = []
        for col in info.value_cols:
            tv = totals[0].value(col)
            sums = [sum(_v(r.value(col)) for r in rows) for rows in readings if rows]
            if tv is None and not any(sums):
                continue
            n = max(len(rows) for rows in readings)
            checks.append((all(abs(_v(tv) - x) > _tol(opts, info, n) for x in sums), col, _v(tv), sums[0]))
        for sev, (_, col, tv, total) in _report(opts, checks):
            yield _mismatch(rule, info, sev, f"合计行（{t.header_text(col)}）", "各行合计", tv, f"{len(readings[0])}行之和",
                            total, totals[0], col, f"{totals[0].label}｜{t.header_text(col)}")


def _paths(info: TableInfo) -> list[tuple[str, ...]]:
    out = []
    for p in info.table.header:
        q = [("其中" if w.strip().startswith("其中") else "") + norm_label(w) for w in p]
        while q and (re.fullmatch(r"\d+|栏次", q[-1] or "") or not q[-1]):
            q.pop()
        out.append(tuple(q))
    return out


def column_relations(info: TableInfo) -> list[tuple[int, list[int]]]:
    """(total column, member columns) for each header group: 小计 = Σ siblings, 合计 = Σ top-level groups.
    Columns headed 其中… are subsets, never members."""
    paths = _paths(info)
    cols = [i for i in info.value_cols if i < len(paths) and paths[i]]
    rel = []
    if len({paths[i] for i in cols}) != len(cols):
        return rel  # two columns with one header: merged cells were misread, sums would be noise

    def total_of(prefix: tuple[str, ...]) -> int | None:
        for i in cols:
            p = paths[i]
            if len(p) == len(prefix) + 1 and p[:-1] == prefix and (
                    _SUB.match(p[-1]) or (not prefix and _TOP_TOTAL.match(p[-1]))):
                return i
        return None

    def members(prefix: tuple[str, ...], skip: int | None) -> list[int] | None:
        out: list[int] = []
        seen: list[str] = []
        for i in cols:
            p = paths[i]
            if i == skip or len(p) <= len(prefix) or p[:len(prefix)] != prefix:
                continue
            x = p[len(prefix)]
            if x in seen:
                continue
            seen.append(x)
            if x.startswith("其中") or _SUB.match(x):
                continue
            sub = prefix + (x,)
            exact = [j for j in cols if paths[j] == sub]
            if exact:
                out.append(exact[0])
                continue
            t = total_of(sub)
            if t is not None:
                out.append(t)
                continue
            inner = members(sub, None)
            if inner is None:
                return None
            out.extend(inner)
        return out

    prefixes = {p[:k] for p in (paths[i] for i in cols) for k in range(0, len(p))}
    for prefix in sorted(prefixes, key=len):
        t = total_of(prefix)
        if t is None:
            continue
        m = members(prefix, t)
        if m and len(m) >= 2 and len(set(m)) == len(m):
            rel.append((t, m))
    return rel


@rule("arithmetic.column_groups", "arithmetic", options=ColumnGroupOptions)
def column_groups(ctx: Analysis, rule: Rule, opts: ColumnGroupOptions):
    """A 合计/小计 column differs from the sum of the columns it groups (e.g. 基本支出 ≠ 人员经费 + 公用经费)."""
    for info in ctx.sem.infos:
        if info.type in ("performance", "procurement", "purchase_service") or info.header_mismatch:
            continue
        t = info.table
        for total, members in column_relations(info):
            checks = []
            for r in t.rows:
                tv = r.value(total)
                vals = [r.value(m) for m in members]
                if tv is None and not any(vals):
                    continue
                s = sum(_v(v) for v in vals)
                checks.append((abs(_v(tv) - s) > _tol(opts, info, len(members)), r, _v(tv), s))
            for sev, (_, r, tv, s) in _report(opts, checks):
                parts = "＋".join(f"{t.header_text(m).split('/')[-1]}{_fmt(_v(r.value(m)), info)}" for m in members)
                yield _mismatch(rule, info, sev, f"“{r.label or r.code or '首行'}”行：{t.header_text(total)}", "分项合计",
                                tv, parts, s, r, total, f"{r.code or ''} {r.label}｜{t.header_text(total)}")


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
        if abs(a - b) > _tol(opts, info, 1):
            t = info.table
            yield rule.finding(
                "error", f"{t.title}中收入总计{_fmt(a, info)}与支出总计{_fmt(b, info)}不相等",
                [_ev(info, [inc[0]], inc[1], f"收入总计：{_fmt(a, info)}；支出总计：{_fmt(b, info)}")],
                f"{_fmt(a, info)}−{_fmt(b, info)}＝{_fmt(a - b, info)}{t.unit or '万元'}",
                expected=round(a * info.scale, 4), actual=round(b * info.scale, 4), unit="万元")
