"""The HTML report: one self-contained file in which every document string is escaped."""
from rules.findings import DocumentReport, Evidence, Finding
from rules.report.html import render

HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def report() -> DocumentReport:
    finding = Finding(
        id="f1", rule="percentage.share", kind="percentage", severity="error", message=f"占比不符{HOSTILE}",
        expected=60.0, actual=70.0, unit="%", computation="60.00÷100.00=60.00%，文中为70.00%",
        evidence=[Evidence(page=3, text=f"基本支出{HOSTILE}", table=None)],
        explanation=HOSTILE, explanation_source="template")
    whole = Finding(id="f2", rule="completeness.required_table", kind="completeness", severity="warning",
                    message="缺少必备表格", evidence=[Evidence(page=0, text="全文未见三公经费表")])
    return DocumentReport(source=f"/in/{HOSTILE}.pdf", kind="budget", year=2024, entity=HOSTILE,
                          findings=[finding, whole], rule_failures=[{"rule": "x.y", "error": HOSTILE}])


def test_no_document_string_reaches_the_page_unescaped():
    html = render([report()])
    assert "<script" not in html and "<img" not in html
    assert html.count("&lt;script&gt;") >= 5  # source, entity, message, evidence, explanation, rule failure


def test_the_file_needs_nothing_from_outside():
    html = render([report()])
    assert "<style>" in html
    for outside in ("<link", "src=", "http://", "https://", "@import"):
        assert outside not in html.replace("src=x", "")  # the escaped hostile text is not markup


def test_findings_show_their_computation_pages_and_summary():
    html = render([report(), DocumentReport(source="bad.pdf", kind="unknown", error="bad.pdf: encrypted")])
    assert "60.00÷100.00=60.00%，文中为70.00%" in html
    assert "<td>3</td>" in html and "<td>全文</td>" in html  # page 0 means the whole document
    assert "p0" not in html
    assert "无法解析：bad.pdf: encrypted" in html
    assert "<th>规则失败</th>" in html
