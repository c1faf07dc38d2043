"""The workbook finance staff open: the agreed columns, frozen header, filter, widths, and a summary sheet."""
from openpyxl import load_workbook

from rules.findings import DocumentReport, Evidence, Finding
from rules.report.xlsx import COLUMNS, write


def reports() -> list[DocumentReport]:
    share = Finding(id="f1", rule="percentage.share", kind="percentage", severity="error", message="占比不符",
                    expected=60.0, actual=70.0, unit="%", computation="60.00÷100.00=60.00%，文中为70.00%",
                    evidence=[Evidence(page=3, text="基本支出占70.00%"), Evidence(page=5, text="60.00", table="支出表")],
                    explanation="按表中数计算应为60.00%。", explanation_source="template")
    formula = Finding(id="f2", rule="wording.placeholder", kind="wording", severity="info",
                      message="=HYPERLINK(\"http://x\",\"y\")\x07", evidence=[Evidence(page=0, text="=1+1")],
                      explanation="模板解释", explanation_source="template", llm_note="timeout")
    return [DocumentReport(source="/in/a.pdf", kind="budget", year=2024, entity="某局", findings=[share, formula]),
            DocumentReport(source="/in/b.pdf", kind="unknown", error="/in/b.pdf: encrypted")]


def test_findings_sheet_has_the_agreed_columns_and_layout(tmp_path):
    out = tmp_path / "r.xlsx"
    write(reports(), out)
    ws = load_workbook(out)["问题清单"]
    assert [c.value for c in ws[1]] == ["文件", "页码", "严重程度", "类别", "问题", "说明", "期望值", "实际值", "单位",
                                        "计算过程", "证据", "解释", "解释来源", "规则编号", "问题编号"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:O3"
    assert ws.column_dimensions["F"].width == dict(COLUMNS)["说明"]
    row = [c.value for c in ws[2]]
    assert row[:9] == ["a.pdf", "3,5", "错误", "百分比", "占比计算不符", "占比不符", 60, 70, "%"]
    assert row[10] == "第 3 页: 基本支出占70.00%\n第 5 页: 60.00" and row[12] == "模板"
    assert row[13:] == ["percentage.share", "f1"]  # ids a reviewer copies into a --baseline file


def test_document_text_is_never_a_formula(tmp_path):
    out = tmp_path / "r.xlsx"
    write(reports(), out)
    ws = load_workbook(out)["问题清单"]
    message, evidence = ws.cell(3, 6), ws.cell(3, 11)
    assert message.data_type == "s" and message.value == "=HYPERLINK(\"http://x\",\"y\")"  # control char dropped
    assert evidence.data_type == "s" and evidence.value == "=1+1" and ws.cell(3, 2).value == "全文"


def test_a_discarded_llm_explanation_says_why(tmp_path):
    out = tmp_path / "r.xlsx"
    write(reports(), out)
    assert load_workbook(out)["问题清单"].cell(3, 13).value == "模板（未采用LLM：timeout）"


def test_summary_sheet_counts_each_document(tmp_path):
    out = tmp_path / "r.xlsx"
    write(reports(), out)
    rows = list(load_workbook(out)["汇总"].iter_rows(values_only=True))
    assert rows[0][:5] == ("文件", "单位", "年度", "类型", "错误")
    assert rows[1][4:8] == (1, 0, 1, 0) and rows[2][-1] == "/in/b.pdf: encrypted"
