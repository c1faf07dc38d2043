"""Markdown and terminal views: labels in the reader's language, reading order (severity, then page), repeated
findings folded, page 0 shown as the whole document, totals."""
from rich.console import Console

from rules.findings import Certainty, DocumentReport, Evidence, Finding
from rules.report import Options, grouped, ordered
from rules.report.markdown import render
from rules.report.terminal import show


def finding(fid: str, severity: str, page: int, message: str, rule: str = "arithmetic.total_row") -> Finding:
    return Finding(id=fid, rule=rule, kind=rule.split(".")[0], severity=severity, message=message,
                   computation=f"{fid}: 1+1=2，文中为3", evidence=[Evidence(page=page, text="x")])


def reports() -> list[DocumentReport]:
    good = DocumentReport(source="a|b.txt", kind="budget", year=2024, entity="某局",
                          findings=[finding("i1", "info", 2, "提示一", "wording.placeholder"),
                                    finding("w1", "warning", 0, "缺表", "completeness.required_tables"),
                                    finding("e1", "error", 4, "合计不等|于分项[/x]")],
                          rule_failures=[{"rule": "count.rows", "error": "ValueError: boom"}])
    clean = DocumentReport(source="clean.txt", kind="budget")
    broken = DocumentReport(source="bad.pdf", kind="unknown", error="bad.pdf: encrypted")
    return [good, clean, broken]


def test_order_is_severity_then_certainty_then_page():
    fs = [finding("a", "warning", 9, "m"), finding("b", "error", 7, "m"), finding("c", "warning", 2, "m"),
          finding("d", "error", 3, "m")]
    assert [f.id for f in ordered(fs)] == ["d", "b", "c", "a"]
    doubt = finding("u", "warning", 1, "m")
    doubt.certainty = Certainty(level="uncertain", reasons=["unit inferred"])
    # a warning the rules are unsure of comes after the sure ones, whatever its page
    assert [f.id for f in ordered(fs + [doubt])] == ["d", "b", "c", "a", "u"]


def test_repeated_findings_of_one_rule_are_folded_at_their_first_place():
    many = [finding(f"p{i}", "warning", 20 - i, "占位", "wording.placeholder") for i in range(5)]
    groups = grouped(many + [finding("e", "error", 30, "x"), finding("w", "warning", 1, "y", "metadata.year")])
    assert [len(g.findings) for g in groups] == [1, 1, 5]
    assert groups[2].head.id == "p4" and groups[2].folded  # lowest page first
    assert len(grouped(many[:2])) == 2  # two alike stay apart


def test_markdown_speaks_chinese_and_keeps_cells_intact():
    md = render(reports())
    assert "| 错误 | 第 4 页 | 合计行与明细之和不符（表内勾稽） | 合计不等\\|于分项[/x] | e1: 1+1=2，文中为3 |" in md
    assert md.index("| 错误 |") < md.index("| 警告 |") < md.index("| 提示 |")
    assert "| 警告 | 全文 | 缺少规定公开的表格" in md
    assert "arithmetic" not in md and "narrative_vs_table" not in md
    assert "规则运行失败：`count.rows` ValueError: boom" in md
    assert "未发现问题。" in md and "**无法解析**：bad.pdf: encrypted" in md


def test_markdown_in_english():
    md = render(reports(), Options(lang="en"))
    assert "| error | page 4 | total row differs from the sum of its rows (sums within a table) |" in md
    assert "No findings." in md and "错误" not in md


def test_terminal_orders_labels_folds_then_sums_up():
    rs = reports()
    rs[0].findings += [finding(f"p{i}", "info", 10 + i, f"占位{i}", "wording.placeholder") for i in range(4)]
    console = Console(record=True, width=160)
    show(console, rs)
    text = console.export_text()
    assert text.index("合计不等|于分项[/x]") < text.index("缺表") < text.index("提示一")
    assert "同类 5 处" in text and "占位3" not in text  # folded: pages listed, messages not repeated
    assert "合计行与明细之和不符" in text and "arithmetic.total_row" not in text
    assert "规则运行失败 count.rows" in text and "无法解析：bad.pdf: encrypted" in text
    summary = text[text.index("汇总"):]
    footer = next(line for line in summary.splitlines() if "3 份文件" in line)
    assert [c.strip() for c in footer.split("│")[1:-1]] == ["3 份文件", "1", "1", "5", "1", "1"]


def test_text_locations_show_section_and_line_instead_of_page_1():
    ev = Evidence(page=1, text="本年支出100万元", line=42, section="（二）结构情况")
    r = DocumentReport(source="d.txt", kind="budget", pages=1,
                       findings=[Finding(id="x", rule="percentage.share", kind="percentage", severity="error",
                                         message="m", evidence=[ev])])
    console = Console(record=True, width=160)
    show(console, [r])
    text = "".join(console.export_text().split()).replace("│", "")  # cells may fold over lines
    assert "（二）结构情况" in text and "第42行" in text and "第1页" not in text


def test_findings_of_a_text_document_follow_its_lines():
    def at(fid: str, line: int) -> Finding:
        return Finding(id=fid, rule="percentage.change_rate", kind="percentage", severity="warning", message=fid,
                       evidence=[Evidence(page=1, text="x", line=line)])

    assert [f.id for f in ordered([at("c", 494), at("a", 242), at("b", 380)])] == ["a", "b", "c"]
