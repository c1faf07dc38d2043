"""Where one table ends and the next begins: forms printed back to back with the same first row are separate
tables, a grid below another on the same page is a table of its own, and a table continued over a page break
under its repeated header is still one table (PDF and text)."""
from __future__ import annotations

from pathlib import Path

import pymupdf

from index.pdf import parse_pdf
from index.text import parse_text_string
from tests.test_pdf import CJK, H, W, XS, _ruled_table, _save

FORM_TITLE = "项目支出绩效自评表"


def _form_head(project: str) -> list[list[str]]:
    return [[FORM_TITLE, "", "", ""], ["项目名称", project, "", ""], ["指标", "年度指标值", "实际值", "得分"]]


def _form_body(project: str, n: int) -> list[list[str]]:
    return [[f"{project}指标{k}", "≥90%", f"9{k}.50%", f"1{k}.00"] for k in range(n)]


def _draw_form(page: pymupdf.Page, top: float, head: list[list[str]], body: list[list[str]]) -> float:
    """The title row spans the whole form, the project's name spans the three columns on the right."""
    rows = [[(0, 4, head[0][0])], [(0, 1, head[1][0]), (1, 3, head[1][1])]]
    rows += [[(j, 1, c) for j, c in enumerate(r)] for r in head[2:] + body]
    return _ruled_table(page, top, XS, rows)


def _labels(table) -> list[str]:
    return [r.label for r in table.rows]


def test_forms_back_to_back_on_consecutive_pages_are_separate_tables(tmp_path: Path):
    pdf = pymupdf.open()
    for project in ("甲项目", "乙项目"):
        page = pdf.new_page(width=W, height=H)
        _draw_form(page, 60, _form_head(project), _form_body(project, 3))
    doc = parse_pdf(_save(pdf, tmp_path / "forms.pdf"))
    assert [t.pages for t in doc.tables] == [[1], [2]]
    assert [_labels(t) for t in doc.tables] == [[f"{p}指标{k}" for k in range(3)] for p in ("甲项目", "乙项目")]
    assert all(len(t.rows) == 3 for t in doc.tables)


def test_grid_below_another_on_the_same_page_is_a_new_table(tmp_path: Path):
    """Even when it repeats the whole header of the grid above, a second grid on the page is another table."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=W, height=H)
    head = _form_head("甲项目")
    bottom = _draw_form(page, 60, head, _form_body("甲项目", 2))
    _draw_form(page, bottom + 30, head, _form_body("乙项目", 2))
    doc = parse_pdf(_save(pdf, tmp_path / "stacked.pdf"))
    assert [_labels(t) for t in doc.tables] == [["甲项目指标0", "甲项目指标1"], ["乙项目指标0", "乙项目指标1"]]


def test_form_continued_over_a_page_break_joins_and_the_next_form_does_not(tmp_path: Path):
    pdf = pymupdf.open()
    body = _form_body("甲项目", 5)
    page = pdf.new_page(width=W, height=H)
    _draw_form(page, 60, _form_head("甲项目"), body[:3])
    page = pdf.new_page(width=W, height=H)
    bottom = _draw_form(page, 60, _form_head("甲项目"), body[3:])  # the header repeated in full
    page.insert_text((60, bottom + 30), "以下为乙项目。", fontname=CJK, fontsize=10)
    page = pdf.new_page(width=W, height=H)
    _draw_form(page, 60, _form_head("乙项目"), _form_body("乙项目", 2))
    doc = parse_pdf(_save(pdf, tmp_path / "continued.pdf"))
    first, second = doc.tables
    assert first.pages == [1, 2] and _labels(first) == [r[0] for r in body]
    assert first.rows[4].values[2] == 14.0 and first.rows[4].page == 2
    assert second.pages == [3] and _labels(second) == ["乙项目指标0", "乙项目指标1"]


def test_text_forms_back_to_back_are_separate_but_a_repeated_header_continues(tmp_path: Path):
    def grid(rows: list[list[str]]) -> str:
        return "\n".join("\t".join(r) for r in rows)

    body = _form_body("甲项目", 4)
    text = "\n\n".join([
        "附件：绩效自评表",
        grid(_form_head("甲项目") + body[:2]),
        grid(_form_head("甲项目") + body[2:]),  # its page break, header repeated: same table
        grid(_form_head("乙项目") + _form_body("乙项目", 2)),  # the next form: same title row, other project
    ])
    doc = parse_text_string(text, "forms.txt")
    assert [_labels(t) for t in doc.tables] == [[r[0] for r in body], ["乙项目指标0", "乙项目指标1"]]
