"""Required tables present; empty tables explained; tables said to be empty really empty; 三公 table when 三公 money."""
from __future__ import annotations

import re

from rules.analysis import Analysis
from rules.findings import Evidence
from rules.registry import Options, Rule, rule
from rules.semantics import norm_label, table_type_of

NAMES = {
    "overview": "收支总表", "income": "收入总表", "expenditure": "支出总表", "fiscal_overview": "财政拨款收支总表",
    "gpb_expenditure": "一般公共预算（财政拨款）支出表", "gpb_basic": "一般公共预算基本支出表",
    "economic_summary": "支出经济分类汇总表", "sangong": "“三公”经费支出表", "fund_expenditure": "政府性基金预算支出表",
    "state_capital": "国有资本经营预算支出表", "project_expenditure": "项目支出表",
    "performance": "绩效目标表", "procurement": "政府采购表", "purchase_service": "政府购买服务表",
}


def _noted(ctx: Analysis, notes: list[str]) -> bool:
    return any(w in note for note in notes for w in ctx.pack.empty_note_words)


_SENTENCES = re.compile(r"[^。；;！!\n]+")
_ZERO = re.compile(r"(?<![\d.,])0(?:\.0+)?\s*(?:万元|元)")
_AMOUNT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(?:万元|元)")


def _said_empty(ctx: Analysis, type_: str) -> bool:
    """The narrative says there is nothing of this kind: one sentence names the table's subject (an alias of its
    type) and says it has none (没有政府性基金预算拨款安排的支出, 无国有资本经营预算支出) or that it is zero
    (国有资本经营预算支出0.00万元) without naming any other amount."""
    for p in ctx.doc.paragraphs:
        for sentence in _SENTENCES.findall(p.text):
            # The sentence is about this type when its words name it first (政府性基金预算财政拨款支出决算 names
            # the fund table, not the 支出决算表), as a title would be classified.
            tt = table_type_of(sentence, ctx.pack)
            if tt is None or tt.type != type_:
                continue
            hit = next(a for a in tt.aliases if a in sentence)
            if any(w in sentence for w in ctx.pack.empty_note_words):
                return True
            if re.search(rf"[无未][^，,。；]{{0,6}}{re.escape(hit)}", sentence):
                return True
            amounts = [a for a in _AMOUNT.findall(sentence) if float(a.replace(",", "")) != 0]
            if _ZERO.search(sentence) and not amounts:
                return True
    return False


def _amounts(info) -> list[float]:
    """The table's non-zero amounts in 万元 (value columns only: not codes, 行次/栏次 numbers or percentages)."""
    return [v * info.scale for r in info.table.rows if norm_label(r.label) not in ("栏次", "行次")
            for i, v in enumerate(r.values) if v and i in info.value_cols and i not in r.percent]


def _sangong_hits(ctx: Analysis) -> list:
    """三公 items carrying money in the economic tables (公务接待费 8.80 in 一般公共预算基本支出表)."""
    hits = []
    for info in ctx.sem.types("gpb_basic", "economic_summary"):
        for r in info.table.rows:
            label = norm_label(r.label)
            if any(w in label for w in ctx.pack.sangong_items):
                c = next((info.cell(r, i) for i in info.value_cols if r.value(i)), None)
                if c:
                    hits.append(c)
    return hits


@rule("completeness.required_tables", "completeness", severity="warning")
def required_tables(ctx: Analysis, rule: Rule, opts: Options):
    """A table the disclosure must publish is missing."""
    groups = ctx.pack.required_tables.get(ctx.doc.kind, [])
    if len(ctx.sem.by_type) < 3:
        return  # tables were not recognised at all: a parsing problem, not a missing table
    for group in groups:
        if "sangong" in group and ctx.doc.kind in ("budget", "final") and _sangong_hits(ctx):
            continue  # completeness.sangong_missing reports it, with the money that makes the table necessary
        if not ctx.sem.types(*group):
            name = "或".join(NAMES.get(g, g) for g in group)
            yield rule.finding(
                "warning", f"未找到{name}", [Evidence(page=0, text=f"全文未见{name}", table=None)],
                f"应公开的表：{name}；已识别的表：{'、'.join(NAMES.get(t, t) for t in ctx.sem.by_type)}",
                expected=name, actual=None)


@rule("completeness.empty_unexplained", "completeness", severity="warning")
def empty_unexplained(ctx: Analysis, rule: Rule, opts: Options):
    """A table is empty and no note says why (故本表无数据)."""
    for info in ctx.sem.infos:
        t = info.table
        if info.type is None or info.type == "performance" or _amounts(info) or _noted(ctx, t.notes):
            continue
        if _said_empty(ctx, info.type):
            continue
        yield rule.finding(
            "warning", f"{t.title}为空表，但未说明原因（如“故本表无数据”）",
            [Evidence(page=t.page, text=t.title, table=t.title)], "表内金额均为空或0，表下无说明",
            expected="说明", actual=t.title)


@rule("completeness.note_says_empty", "completeness", severity="warning")
def note_says_empty(ctx: Analysis, rule: Rule, opts: Options):
    """A note says the table has no data, yet the table carries amounts."""
    for info in ctx.sem.infos:
        t = info.table
        if info.type is None or t.is_empty:
            continue
        note = next((x for x in t.notes if "无数据" in x or "为空" in x or "空表" in x), None)
        if not note:
            continue
        amounts = _amounts(info)
        if not amounts:
            continue
        yield rule.finding(
            "warning", f"{t.title}注明本表无数据，但表中列有金额", [Evidence(page=t.page, text=note[:200], table=t.title)],
            f"表中非零金额{len(amounts)}个，最大{max(amounts):.2f}万元", expected=0.0, actual=round(max(amounts), 4),
            unit="万元")


@rule("completeness.sangong_missing", "completeness", severity="warning")
def sangong_missing(ctx: Analysis, rule: Rule, opts: Options):
    """No 三公 table, although 三公 items carry money in the economic tables."""
    if ctx.sem.types("sangong") or ctx.doc.kind not in ("budget", "final"):
        return
    hits = _sangong_hits(ctx)
    if hits:
        c = hits[0]
        yield rule.finding(
            "warning", f"未公开“三公”经费表，但{c.table.title}列有{c.row.label}{c.value:.2f}万元",
            [Evidence(page=c.page, text=c.text(), table=c.table.title)],
            "；".join(f"{h.row.label}{h.value:.2f}万元" for h in hits[:4]), expected="三公经费表", actual=None)
