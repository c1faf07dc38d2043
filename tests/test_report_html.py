"""The HTML report: one self-contained file in which every document string is escaped."""
from rules.findings import DocumentReport, Evidence, Finding
from rules.report import Options
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
    assert "第 3 页" in html and "· 全文 ·" in html  # page 0 means the whole document
    assert "p0" not in html
    assert html.index("占比不符") < html.index("缺少必备表格")  # errors first
    assert "占比计算不符" in html and "percentage.share" not in html  # the rule in words, not its id
    assert "无法解析：bad.pdf: encrypted" in html
    assert "<th>规则失败</th>" in html


def test_repeated_findings_are_folded_and_english_on_request():
    r = report()
    r.findings += [Finding(id=f"p{i}", rule="wording.placeholder", kind="wording", severity="warning",
                           message=f"占位{i}", evidence=[Evidence(page=10 + i, text="XX")]) for i in range(4)]
    html = render([r])
    assert html.count("<details>") == 1 and "同类 4 处" in html and "占位3" in html
    assert html.index("占位0") < html.index("<details>") < html.index("占位1")
    en = render([r], Options(lang="en"))
    assert "4 alike" in en and "share miscalculated" in en and "lang='en'" in en
