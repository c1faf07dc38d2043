"""One self-contained HTML file (inline CSS, no external assets); every document string is escaped."""
from __future__ import annotations

from html import escape

from rules.findings import DocumentReport
from rules.report import SEVERITY_ZH, counts, evidence_text, pages_of, source_label

_CSS = """body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.4rem;vertical-align:top;font-size:.9rem}
th{background:#f3f3f3}.error{background:#fde8e8}.warning{background:#fff6dd}.info{background:#eef5ff}
.ev{color:#555;font-size:.85rem;white-space:pre-wrap}.calc{font-family:monospace}"""


def render(reports: list[DocumentReport]) -> str:
    parts = ["<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>DocQA 检查报告</title>",
             f"<style>{_CSS}</style></head><body><h1>DocQA 一致性检查报告</h1>", _summary(reports)]
    for r in reports:
        parts.append(f"<h2>{escape(r.source)}</h2>")
        if r.error:
            parts.append(f"<p class='error'>无法解析：{escape(r.error)}</p>")
            continue
        c = counts(r)
        parts.append(f"<p>类型 {escape(r.kind)} · 年度 {escape(str(r.year))} · 单位 {escape(str(r.entity))} · "
                     f"错误 {c['error']} · 警告 {c['warning']} · 提示 {c['info']}</p>")
        for fail in r.rule_failures:
            parts.append(f"<p class='error'>规则运行失败：{escape(fail['rule'])} {escape(fail['error'])}</p>")
        if not r.findings:
            parts.append("<p>未发现问题。</p>")
            continue
        parts.append("<table><tr><th>严重程度</th><th>页码</th><th>类型</th><th>规则</th><th>说明</th><th>计算过程</th>"
                     "<th>证据</th><th>解释</th><th>来源</th></tr>")
        for f in r.findings:
            ev = evidence_text(f)
            parts.append(
                f"<tr class='{f.severity}'><td>{SEVERITY_ZH[f.severity]}</td><td>{escape(pages_of(f))}</td>"
                f"<td>{escape(f.kind)}</td><td>{escape(f.rule)}</td><td>{escape(f.message)}</td><td class='calc'>{escape(f.computation)}</td>"
                f"<td class='ev'>{escape(ev)}</td><td>{escape(f.explanation or '')}</td>"
                f"<td>{escape(source_label(f))}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def _summary(reports: list[DocumentReport]) -> str:
    rows = []
    for r in reports:
        c = counts(r)
        rows.append(f"<tr><td>{escape(r.source)}</td><td>{c['error']}</td><td>{c['warning']}</td><td>{c['info']}</td>"
                    f"<td>{len(r.rule_failures)}</td><td>{'是' if r.error else ''}</td></tr>")
    return ("<table><tr><th>文件</th><th>错误</th><th>警告</th><th>提示</th><th>规则失败</th><th>解析错误</th></tr>"
            + "".join(rows) + "</table>")
