"""Highlighted PDF copies: evidence found on its page and annotated with the finding; names are ours."""
from pathlib import Path

import pymupdf

from rules.findings import DocumentReport, Evidence, Finding
from rules.report.annotated import safe_name, write

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
    assert annot.type[1] == "Square" and "基本支出占比不符" in annot.info["content"]
    assert "60.00÷100.00" in annot.info["content"] and annot.info["title"].startswith("DocQA error")


def test_a_table_cell_is_found_by_its_printed_value(tmp_path):
    ev = Evidence(page=2, text="部门支出总表｜合计｜基本支出：60.00万元", table="部门支出总表")
    report = DocumentReport(source=str(source_pdf(tmp_path)), kind="budget", findings=[finding([ev])])
    assert write(report, tmp_path / "out.pdf").highlights == 1
    page = pymupdf.open(tmp_path / "out.pdf")[1]
    rect = page.first_annot.rect
    assert 72 + 16 * 2 < rect.y1 < 72 + 16 * 3 + 6  # the 60.00 on the 合计 line (box drawn 1.5 pt out), not the narrative's


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


def test_boxes_take_the_severity_colour_and_a_placeholder_finding_boxes_the_placeholder(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((50, 72), "上海市XX局2024年度部门决算", fontname="china-s", fontsize=14)
    page.insert_text((50, 120), "上海市人民政府 2024", fontname="china-s", fontsize=10)
    src = tmp_path / "template.pdf"
    pdf.save(src)
    placeholder = Finding(id="p", rule="wording.placeholder", kind="wording", severity="warning",
                          message="文中留有模板占位“XX”", actual="XX",
                          evidence=[Evidence(page=1, text="上海市XX 局2024 年度部门决算")])
    wrong = finding([Evidence(page=1, text="上海市XX局2024年度部门决算")], "e")
    report = DocumentReport(source=str(src), kind="final", findings=[placeholder, wrong])
    write(report, tmp_path / "out.pdf")
    out = pymupdf.open(tmp_path / "out.pdf")
    page = out[0]
    annots = list(page.annots())
    boxes = {a.info["title"].split()[1]: (a.rect, a.colors["stroke"]) for a in annots}
    rect, colour = boxes["warning"]
    xx = page.search_for("XX")[0]
    assert rect.contains(xx) and rect.width < xx.width + 8  # the placeholder, not the words around it
    assert colour[0] > 0.8 and 0.4 < colour[1] < 0.7 and colour[2] < 0.1  # orange
    assert boxes["error"][1][0] > 0.7 and boxes["error"][1][1] < 0.2  # red
