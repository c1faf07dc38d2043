"""`docqa check` end to end: JSON contract, reports in every format, bad inputs beside good ones."""
import json
from pathlib import Path

import pymupdf
from openpyxl import load_workbook
from typer.testing import CliRunner

from docqa.cli import app
from tests.budgetdoc import EXPENDITURE, TITLE

runner = CliRunner()
SHARE_WRONG = "2024年支出预算100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元，占40.00%。"


def write_doc(tmp_path: Path, name: str = "unit.txt", paragraph: str = SHARE_WRONG) -> Path:
    f = tmp_path / name
    f.write_text("\n\n".join([TITLE, paragraph, EXPENDITURE]), encoding="utf-8")
    return f


def test_json_contract(tmp_path):
    result = runner.invoke(app, ["check", str(write_doc(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["documents"][0]
    assert {"source", "kind", "year", "entity", "findings"} <= set(doc)
    share = next(f for f in doc["findings"] if f["rule"] == "percentage.share")
    assert share["severity"] == "error" and share["expected"] == 60.0 and share["actual"] == 70.0
    assert "60.00÷100.00" in share["computation"]
    assert share["explanation_source"] == "template" and share["explanation"]
    assert set(share) >= {"id", "rule", "kind", "severity", "message", "expected", "actual", "unit", "evidence",
                          "explanation", "explanation_source"}


def test_bad_file_is_reported_and_the_good_one_still_checked(tmp_path):
    good = write_doc(tmp_path)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 this is not really a pdf")
    result = runner.invoke(app, ["check", str(good), str(bad), "--json", "--workers", "1"])
    assert result.exit_code == 2
    docs = json.loads(result.stdout)["documents"]
    assert docs[0]["findings"] and docs[1]["error"].startswith(str(bad))


def test_html_report_is_self_contained_and_escaped(tmp_path):
    f = write_doc(tmp_path, paragraph="<script>alert(1)</script>" + SHARE_WRONG)
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["check", str(f), "--format", "html", "--out", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "http" not in html.split("<body>")[0]  # no external stylesheet or script


def test_xlsx_and_markdown_reports(tmp_path):
    f = write_doc(tmp_path)
    xlsx, md = tmp_path / "r.xlsx", tmp_path / "r.md"
    assert runner.invoke(app, ["check", str(f), "--format", "xlsx", "--out", str(xlsx)]).exit_code == 0
    ws = load_workbook(xlsx)["问题清单"]
    assert [c.value for c in ws[1]][:3] == ["文件", "页码", "严重程度"] and ws.freeze_panes == "A2"
    assert any(row[2] == "错误" for row in ws.iter_rows(min_row=2, values_only=True))
    assert runner.invoke(app, ["check", str(f), "--format", "md", "--out", str(md)]).exit_code == 0
    assert "60.00÷100.00" in md.read_text(encoding="utf-8")


def test_pdf_report_highlights_the_evidence(tmp_path):
    src = tmp_path / "unit.pdf"
    pdf = pymupdf.open()
    page = pdf.new_page()
    y = 72
    for line in [TITLE, SHARE_WRONG[:30], SHARE_WRONG[30:]]:
        page.insert_text((50, y), line, fontname="china-s", fontsize=10)
        y += 16
    pdf.save(src)
    out = tmp_path / "checked.pdf"
    result = runner.invoke(app, ["check", str(src), "--format", "pdf", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert findings
    checked = pymupdf.open(out)
    annot = checked[0].first_annot
    assert annot is not None and "DocQA" in annot.info["title"]


def test_unknown_rule_pack_fails_cleanly(tmp_path):
    result = runner.invoke(app, ["check", str(write_doc(tmp_path)), "--rules", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2
