"""Markdown and terminal views: findings grouped per document, page 0 shown as the whole document, totals."""
from rich.console import Console

from rules.findings import DocumentReport, Evidence, Finding
from rules.report.markdown import render
from rules.report.terminal import show


def reports() -> list[DocumentReport]:
    def finding(fid: str, severity: str, page: int, message: str) -> Finding:
        return Finding(id=fid, rule="r." + fid, kind="arithmetic", severity=severity, message=message,
                       computation=f"{fid}: 1+1=2，文中为3", evidence=[Evidence(page=page, text="x")])

    good = DocumentReport(source="a|b.txt", kind="budget", year=2024, entity="某局",
                          findings=[finding("e1", "error", 4, "合计不等|于分项[/x]"), finding("w1", "warning", 0, "缺表"),
                                    finding("i1", "info", 2, "提示一")],
                          rule_failures=[{"rule": "count.rows", "error": "ValueError: boom"}])
    clean = DocumentReport(source="clean.txt", kind="budget")
    broken = DocumentReport(source="bad.pdf", kind="unknown", error="bad.pdf: encrypted")
    return [good, clean, broken]


def test_markdown_keeps_table_cells_intact():
    md = render(reports())
    assert "| 错误 | 4 | arithmetic | 合计不等\\|于分项[/x] | e1: 1+1=2，文中为3 |" in md
    assert "| 警告 | 全文 |" in md
    assert "规则运行失败：`count.rows` ValueError: boom" in md
    assert "未发现问题。" in md and "**无法解析**：bad.pdf: encrypted" in md


def test_terminal_groups_by_severity_then_sums_up():
    console = Console(record=True, width=160)
    show(console, reports())
    text = console.export_text()
    assert text.index("错误（1）") < text.index("警告（1）") < text.index("提示（1）")
    assert "合计不等|于分项[/x]" in text  # document text is printed, never read as rich markup
    assert "规则运行失败 count.rows" in text and "无法解析：bad.pdf: encrypted" in text
    summary = text[text.index("汇总"):]
    assert "3 份文件" in summary
    footer = next(line for line in summary.splitlines() if "3 份文件" in line)
    assert [c.strip() for c in footer.split("│")[1:-1]] == ["3 份文件", "1", "1", "1", "1", "1"]
    assert "年度未知 · 单位未知" in text
