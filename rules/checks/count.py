"""Counts against what they count: 涉及项目N个 vs the project table, 车辆N辆 vs the vehicles listed after 其中."""
from __future__ import annotations

from pydantic import Field

from rules.analysis import Analysis, said
from rules.findings import Evidence
from rules.registry import Options, Rule, rule


class ProjectCountOptions(Options):
    digits: float = Field(1.0, description="How closely the sentence's amount must match the project table's total "
                                           "(units of 0.01 万元 per project) for the count to be about those projects.")


@rule("count.projects", "count", options=ProjectCountOptions)
def projects(ctx: Analysis, rule: Rule, opts: ProjectCountOptions):
    """涉及项目N个 while the project table of the same total lists another number of projects."""
    counts = [c for c in ctx.of("count") if c.unit == "个"]
    found = ctx.project_rows if counts else None
    if not found:
        return
    leaves, total, info = found
    for c in counts:
        tol = opts.digits * 0.01 * max(1, len(leaves))
        if not any(abs(a.value - total) <= tol + a.half for a in c.others):
            continue  # the sentence is about another set of projects
        if int(c.value) != len(leaves):
            yield rule.finding(
                "error", f"文中称项目{int(c.value)}个，{info.table.title}列有{len(leaves)}个项目（合计{total:.2f}万元）",
                [said(c), Evidence(page=info.table.page, text=f"{info.table.title}：{len(leaves)}行，合计{total:.2f}万元",
                                   table=info.table.title)],
                f"项目表计{len(leaves)}行，文中为{int(c.value)}个", expected=float(len(leaves)),
                actual=c.value, unit="个")


@rule("count.vehicles", "count")
def vehicles(ctx: Analysis, rule: Rule, opts: Options):
    """共有车辆N辆 differs from the vehicles listed after 其中."""
    for c in ctx.of("count"):
        if c.unit != "辆" or not c.parts:
            continue
        s = sum(c.parts)
        if s == int(c.value):
            continue
        if s == 0 and "其他" not in c.sentence:
            continue  # a list of zeros without a catch-all may name other categories than the car the unit has
        yield rule.finding(
            "error" if s > c.value else "warning", f"文中称共有车辆{int(c.value)}辆，分类合计为{s}辆", [said(c)],
            "＋".join(map(str, c.parts)) + f"＝{s}辆，文中为{int(c.value)}辆", expected=float(s), actual=c.value,
            unit="辆")
