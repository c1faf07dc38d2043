"""Highlighted PDF copies: evidence found on its page and annotated with the finding; names are ours."""
from pathlib import Path

import pymupdf

from rules.findings import DocumentReport, Evidence, Finding
from rules.report.pdf import safe_name, write

LINES = ["某某局2024年部门预算", "本年支出预算100.00万元，其中：基本支出60.00万元，",
         "占70.00%；项目支出40.00万元。", "合计 100.00 60.00 40.00"]


def source_pdf(tmp_path: Path) -> Path:
    pdf = pymupdf.open()
    pdf.new_page()
    page = pdf.new_page()  # the evidence is on page 2
    for i, line in enumerate(LINES):
        page.insert_text((50, 72 + 16 * i), line, fontname="china-s", fontsize=10)
    path = tmp_path / "src.pdf"
    pdf.save(path)
    return path


def finding(evidence: list[Evidence], fid: str = "f1") -> Finding:
    return Finding(id=fid, rule="percentage.share", kind="percentage", severity="error", message="基本支出占比不符",
                   computation="60.00÷100.00=60.00%，文中为70.00%", evidence=evidence)


def test_a_passage_wrapped_over_two_lines_is_highlighted_with_the_message(tmp_path):
    ev = Evidence(page=2, text="本年支出预算100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元。")
    report = DocumentReport(source=str(source_pdf(tmp_path)), kind="budget", findings=[finding([ev])])
    written = write(report, tmp_path / "out.pdf")
    assert (written.highlights, written.missed) == (1, 0)
    out = pymupdf.open(tmp_path / "out.pdf")
    assert out[0].first_annot is None
    page = out[1]  # keep the page alive while its annotation is read
    annot = page.first_annot
    assert annot.type[1] == "Highlight" and "基本支出占比不符" in annot.info["content"]
    assert "60.00÷100.00" in annot.info["content"] and annot.info["title"].startswith("DocQA error")


def test_a_table_cell_is_found_by_its_printed_value(tmp_path):
    ev = Evidence(page=2, text="部门支出总表｜合计｜基本支出：60.00万元", table="部门支出总表")
    report = DocumentReport(source=str(source_pdf(tmp_path)), kind="budget", findings=[finding([ev])])
    assert write(report, tmp_path / "out.pdf").highlights == 1
    page = pymupdf.open(tmp_path / "out.pdf")[1]
    rect = page.first_annot.rect
    assert 72 + 16 * 2 < rect.y1 < 72 + 16 * 3 + 4  # the 60.00 on the 合计 line, not the narrative's


def test_document_level_findings_become_a_note_on_the_first_page(tmp_path):
    whole = finding([Evidence(page=0, text="全文")], "f2")
    missing = finding([Evidence(page=2, text="此句不在页面上")], "f3")
    report = DocumentReport(source=str(source_pdf(tmp_path)), kind="budget", findings=[whole, missing])
    written = write(report, tmp_path / "out.pdf")
    assert (written.highlights, written.missed, written.notes) == (0, 1, 1)
    page = pymupdf.open(tmp_path / "out.pdf")[0]
    note = page.first_annot
    assert note.type[1] == "Text" and "基本支出占比不符" in note.info["content"]


def test_output_names_are_ours_whatever_the_source_is_called():
    assert safe_name("/in/../../etc/passwd", 1) == "01-passwd-checked.pdf"
    assert safe_name("报告 2024 (终).pdf", 12) == "12-报告_2024_终-checked.pdf"
    assert safe_name("/in/....pdf", 3) == "03-document-checked.pdf"
