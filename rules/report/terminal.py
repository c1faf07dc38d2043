"""The rich view: findings grouped by severity per document, then a summary table."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from rules.findings import DocumentReport
from rules.report import SEVERITY_ZH, counts, pages_of

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def show(console: Console, reports: list[DocumentReport]) -> None:
    for r in reports:
        console.rule(f"[bold]{r.source}")
        if r.error:
            console.print(f"[red]无法解析：{r.error}", highlight=False)
            continue
        console.print(f"{r.kind} · {r.year} · {r.entity} · {r.pages} 页 · {r.seconds:.2f} s", highlight=False)
        for fail in r.rule_failures:
            console.print(f"[red]规则运行失败 {fail['rule']}: {fail['error']}", highlight=False)
        for sev in ("error", "warning", "info"):
            found = [f for f in r.findings if f.severity == sev]
            if not found:
                continue
            t = Table(title=f"{SEVERITY_ZH[sev]}（{len(found)}）", title_style=_STYLE[sev], show_lines=True,
                      expand=True)
            t.add_column("页", width=5)
            t.add_column("类型", width=12)
            t.add_column("说明", ratio=3)
            t.add_column("计算过程", ratio=2)
            for f in found:
                t.add_row(pages_of(f), f.kind, f.message, f.computation)
            console.print(t)
        if not r.findings:
            console.print("[green]未发现问题。")
    summary = Table(title="汇总")
    for col in ("文件", "错误", "警告", "提示", "规则失败", "解析错误"):
        summary.add_column(col)
    for r in reports:
        c = counts(r)
        summary.add_row(r.source, str(c["error"]), str(c["warning"]), str(c["info"]), str(len(r.rule_failures)),
                        "是" if r.error else "")
    console.print(summary)
