"""Required tables present; empty tables explained; tables said to be empty really empty; 三公 table when 三公 money."""
from __future__ import annotations

from rules.findings import Evidence
from rules.registry import Context, rule
from rules.semantics import norm_label

NAMES = {
    "overview": "收支总表", "income": "收入总表", "expenditure": "支出总表", "fiscal_overview": "财政拨款收支总表",
    "gpb_expenditure": "一般公共预算（财政拨款）支出表", "gpb_basic": "一般公共预算基本支出表",
    "economic_summary": "支出经济分类汇总表", "sangong": "“三公”经费支出表", "fund_expenditure": "政府性基金预算支出表",
    "state_capital": "国有资本经营预算支出表", "project_expenditure": "项目支出表",
}


def _noted(ctx: Context, notes: list[str]) -> bool:
    return any(w in note for note in notes for w in ctx.pack.empty_note_words)


def _said_empty(ctx: Context, type_: str) -> bool:
    """The narrative says there is nothing of this kind (我单位无政府性基金预算支出)."""
    aliases = next((t.aliases for t in ctx.pack.table_types if t.type == type_), [])
    for p in ctx.doc.paragraphs:
        if any(a in p.text for a in aliases) and any(w in p.text for w in ctx.pack.empty_note_words + ["无", "未"]):
            return True
    return False


@rule("completeness.required_tables", "completeness")
def required_tables(ctx: Context):
    """A table the disclosure must publish is missing."""
    groups = ctx.pack.required_tables.get(ctx.doc.kind, [])
    if len(ctx.sem.by_type) < 3:
        return  # tables were not recognised at all: a parsing problem, not a missing table
    for group in groups:
        if not ctx.sem.types(*group):
            name = "或".join(NAMES.get(g, g) for g in group)
            yield ctx.finding(
                "warning", f"未找到{name}", [Evidence(page=0, text=f"全文未见{name}", table=None)],
                f"应公开的表：{name}；已识别的表：{'、'.join(NAMES.get(t, t) for t in ctx.sem.by_type)}",
                expected=name, actual=None)


@rule("completeness.empty_unexplained", "completeness")
def empty_unexplained(ctx: Context):
    """A table is empty and no note says why (故本表无数据)."""
    for info in ctx.sem.infos:
        t = info.table
        if info.type is None or info.type == "performance" or not t.is_empty or _noted(ctx, t.notes):
            continue
        if _said_empty(ctx, info.type):
            continue
        yield ctx.finding(
            "warning", f"{t.title}为空表，但未说明原因（如“故本表无数据”）",
            [Evidence(page=t.page, text=t.title, table=t.title)], "表内金额均为空或0，表下无说明",
            expected="说明", actual=None)


@rule("completeness.note_says_empty", "completeness")
def note_says_empty(ctx: Context):
    """A note says the table has no data, yet the table carries amounts."""
    for info in ctx.sem.infos:
        t = info.table
        if info.type is None or t.is_empty:
            continue
        note = next((x for x in t.notes if "无数据" in x or "为空" in x or "空表" in x), None)
        if not note:
            continue
        amounts = [v * info.scale for r in t.rows for i, v in enumerate(r.values)
                   if v and i in info.value_cols and i not in r.percent]
        if not amounts:
            continue
        yield ctx.finding(
            "warning", f"{t.title}注明本表无数据，但表中列有金额", [Evidence(page=t.page, text=note[:200], table=t.title)],
            f"表中非零金额{len(amounts)}个，最大{max(amounts):.2f}万元", expected=0.0, actual=round(max(amounts), 4),
            unit="万元")


@rule("completeness.sangong_missing", "completeness")
def sangong_missing(ctx: Context):
    """No 三公 table, although 三公 items carry money in the economic tables."""
    if ctx.sem.types("sangong") or ctx.doc.kind not in ("budget", "final"):
        return
    hits = []
    for info in ctx.sem.types("gpb_basic", "economic_summary"):
        for r in info.table.rows:
            label = norm_label(r.label)
            if any(w in label for w in ctx.pack.sangong_items):
                c = next((info.cell(r, i) for i in info.value_cols if r.value(i)), None)
                if c:
                    hits.append(c)
    if hits:
        c = hits[0]
        yield ctx.finding(
            "warning", f"未公开“三公”经费表，但{c.table.title}列有{c.row.label}{c.value:.2f}万元",
            [Evidence(page=c.page, text=c.text(), table=c.table.title)],
            "；".join(f"{h.row.label}{h.value:.2f}万元" for h in hits[:4]), expected="三公经费表", actual=None)
