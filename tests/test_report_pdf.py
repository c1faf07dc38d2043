"""The PDF report reads as an audit memo: a cover page (document, unit, year, what was checked, counts by severity
and kind, the list of findings), then one section per finding with its computation, evidence and a picture of the
cited page region in which the evidence is boxed in the severity's colour."""
from pathlib import Path

import pymupdf
import pytest

from rules.findings import DocumentReport, Evidence, Finding
from rules.report import Options
from rules.report.pdf import write

LINES = ["某某局2024年部门预算", "本年支出预算100.00万元，其中：基本支出60.00万元，",
         "占70.00%；项目支出40.00万元。"]


def source(tmp_path: Path) -> Path:
    pdf = pymupdf.open()
    pdf.new_page()
    page = pdf.new_page()
    for i, line in enumerate(LINES):
        page.insert_text((50, 300 + 16 * i), line, fontname="china-s", fontsize=10)
    path = tmp_path / "src.pdf"
    pdf.save(path)
    return path


def report(src: Path) -> DocumentReport:
    share = Finding(id="e1", rule="percentage.share", kind="percentage", severity="error",
                    message="基本支出占比应为60.00%，文中为70.00%", actual=70.0, unit="%",
                    computation="60.00÷100.00=60.00%，文中为70.00%", explanation="百分比应由文中金额重新计算。",
                    explanation_source="template",
                    evidence=[Evidence(page=2, text="本年支出预算100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元。")])
    empty = [Finding(id=f"w{i}", rule="completeness.empty_unexplained", kind="completeness", severity="warning",
                     message=f"第{i}张表为空表，但未说明原因", evidence=[Evidence(page=1, text="-")]) for i in range(4)]
    return DocumentReport(source=str(src), kind="budget", year=2024, entity="某某局", pages=2, findings=empty + [share])


def _pixels(page: pymupdf.Page, rgb: tuple[int, int, int]) -> int:
    pix = page.get_pixmap(dpi=72)
    data = pix.samples
    n = 0
    for i in range(0, len(data), pix.n):
        if all(abs(data[i + k] - rgb[k]) < 30 for k in range(3)):
            n += 1
    return n


def test_cover_page_then_one_section_per_finding_with_the_boxed_page_region(tmp_path):
    out = tmp_path / "report.pdf"
    written = write(report(source(tmp_path)), out, Options(), rules=31)
    doc = pymupdf.open(out)
    cover = doc[0].get_text()
    for words in ("预算公开文件一致性检查报告", "src.pdf", "某某局", "2024", "部门预算", "31 条规则", "错误", "警告",
                  "百分比", "完整性", "问题清单"):
        assert words in cover, words
    assert doc.page_count == 3  # cover, the error, the folded warnings
    error_page = doc[1].get_text()
    assert "问题 1 · 错误 · 占比计算不符" in error_page and "60.00÷100.00=60.00%，文中为70.00%" in error_page
    assert "第 2 页" in error_page and "百分比应由文中金额重新计算" in error_page
    assert written.highlights == 1 and doc[1].get_images()
    assert _pixels(doc[1], (204, 26, 26)) > 40  # the evidence box, drawn in the error colour
    assert _pixels(doc[2], (204, 26, 26)) < 5
    warnings = doc[2].get_text()
    assert "同类 4 处" in warnings and "第3张表为空表" in warnings and "空表未说明原因" in warnings
    assert "percentage.share" not in cover + error_page  # rule ids never stand for words
    assert all(doc.xref_get_key(x[0], "Filter")[1] == "/FlateDecode" for x in doc[1].get_images())
    assert out.stat().st_size < 400_000  # pictures deflated, fonts subset (1.3 MB a picture and whole fonts before)


def test_english_report_and_a_text_source_without_pictures(tmp_path):
    txt = tmp_path / "d.txt"
    txt.write_text("\n".join(LINES), encoding="utf-8")
    r = report(source(tmp_path))
    r.source = str(txt)
    r.findings[-1].evidence[0].line, r.findings[-1].evidence[0].section = 2, "一、收支总体情况"
    out = tmp_path / "report.pdf"
    write(r, out, Options(lang="en"))
    doc = pymupdf.open(out)
    assert "Consistency report on a budget disclosure" in doc[0].get_text()
    text = doc[1].get_text()
    assert "share miscalculated" in text and "line 2" in text and "一、收支总体情况" in text
    assert not doc[1].get_images()
