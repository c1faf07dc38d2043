"""The rich view: findings grouped by severity per document, then a summary table."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rules.findings import DocumentReport
from rules.report import SEVERITY_ZH, counts, pages_of

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def show(console: Console, reports: list[DocumentReport]) -> None:
    for r in reports:
        console.rule(f"[bold]{escape(r.source)}")
        if r.error:
            console.print(f"[red]无法解析：{escape(r.error)}", highlight=False)
            continue
        meta = f"{r.kind} · {r.year or '年度未知'} · {r.entity or '单位未知'} · {r.pages} 页 · {r.seconds:.2f} s"
        console.print(escape(meta), highlight=False)
        for fail in r.rule_failures:
            console.print(f"[red]规则运行失败 {escape(fail['rule'])}: {escape(fail['error'])}", highlight=False)
        for sev in ("error", "warning", "info"):
            found = [f for f in r.findings if f.severity == sev]
            if not found:
                continue
            t = Table(title=f"{SEVERITY_ZH[sev]}（{len(found)}）", title_style=_STYLE[sev], show_lines=True,
                      expand=True)
            t.add_column("页", width=5)
            t.add_column("类型", width=18, overflow="fold")
            t.add_column("说明", ratio=3, overflow="fold")  # fold, not "…": the whole message matters
            t.add_column("计算过程", ratio=2, overflow="fold")
            for f in found:
                t.add_row(pages_of(f), f.kind, escape(f.message), escape(f.computation))
            console.print(t)
        if not r.findings:
            console.print("[green]未发现问题。")
    summary = Table(title="汇总", show_footer=len(reports) > 1)
    totals = {"error": 0, "warning": 0, "info": 0}
    for r in reports:
        for k, v in counts(r).items():
            totals[k] += v
    footer = [f"{len(reports)} 份文件", str(totals["error"]), str(totals["warning"]), str(totals["info"]),
              str(sum(len(r.rule_failures) for r in reports)), str(sum(1 for r in reports if r.error))]
    for col, foot in zip(("文件", "错误", "警告", "提示", "规则失败", "解析错误"), footer):
        summary.add_column(col, footer=foot, overflow="fold")
    for r in reports:
        c = counts(r)
        summary.add_row(escape(r.source), str(c["error"]), str(c["warning"]), str(c["info"]), str(len(r.rule_failures)),
                        "是" if r.error else "")
    console.print(summary)
