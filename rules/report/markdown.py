"""One markdown report for all documents."""
from __future__ import annotations

from rules.findings import DocumentReport
from rules.report import SEVERITY_ZH, counts, pages_of, source_label


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", "<br>")


def render(reports: list[DocumentReport]) -> str:
    lines = ["# DocQA 一致性检查报告", ""]
    for r in reports:
        lines += [f"## {r.source}", ""]
        if r.error:
            lines += [f"**无法解析**：{r.error}", ""]
            continue
        c = counts(r)
        lines += [f"类型 {r.kind} · 年度 {r.year} · 单位 {r.entity} · 错误 {c['error']} · 警告 {c['warning']} · 提示 {c['info']}", ""]
        for fail in r.rule_failures:
            lines.append(f"- 规则运行失败：`{fail['rule']}` {fail['error']}")
        if r.findings:
            lines += ["| 严重程度 | 页码 | 类型 | 说明 | 计算过程 | 解释 | 来源 |", "|---|---|---|---|---|---|---|"]
            for f in r.findings:
                lines.append("| " + " | ".join(_cell(x) for x in (
                    SEVERITY_ZH[f.severity], pages_of(f), f.kind, f.message, f.computation, f.explanation,
                    source_label(f))) + " |")
        else:
            lines.append("未发现问题。")
        lines.append("")
    return "\n".join(lines)
