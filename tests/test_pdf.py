"""index.pdf on PDFs drawn here with pymupdf: sentences keep digits set in another font, wrapped lines become
one paragraph, ruled tables with merged header cells become header paths, bad files fail with one line."""
from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

import index.pdf
from index.document import ParseError
from index.pdf import parse_pdf

CJK = "china-s"
W, H = 595, 842


def _save(pdf: pymupdf.Document, path: Path) -> Path:
    pdf.save(path)
    pdf.close()
    return path


def _ruled_table(page: pymupdf.Page, top: float, xs: list[float], rows: list[list[tuple[int, int, str]]],
                 row_h: float = 22) -> float:
    """Draw a table cell by cell; each cell is (column, column span, text), a text with "\n" wraps inside it.
    A cell spanning two rows is given as span -1 in the second row (nothing drawn there)."""
    for i, row in enumerate(rows):
        y0 = top + i * row_h
        for col, span, text in row:
            if span < 0:
                continue
            down = 2 if any(c == col and s < 0 for c, s, _ in (rows[i + 1] if i + 1 < len(rows) else [])) else 1
            rect = pymupdf.Rect(xs[col], y0, xs[col + span], y0 + down * row_h)
            page.draw_rect(rect, color=(0, 0, 0), width=0.5)
            for k, part in enumerate(text.split("\n")):
                page.insert_text((rect.x0 + 3, rect.y0 + 10 + k * 9), part, fontname=CJK, fontsize=8)
    return top + len(rows) * row_h


HEADER = [
    [(0, 1, "项目"), (1, 2, "一般公共预算"), (3, 1, "其他")],
    [(0, -1, ""), (1, 1, "财\n政拨款"), (2, 1, "事业收入"), (3, -1, "")],
]
XS = [60, 220, 320, 420, 520]


def _table_page(pdf: pymupdf.Document, title: str, body: list[list[str]], with_caption: bool = True) -> None:
    page = pdf.new_page(width=W, height=H)
    y = 60
    if with_caption:
        page.insert_text((200, y), title, fontname=CJK, fontsize=14)
        page.insert_text((60, y + 24), "编制部门：示例局", fontname=CJK, fontsize=9)
        page.insert_text((460, y + 24), "单位：元", fontname=CJK, fontsize=9)
        y += 36
    rows = HEADER + [[(j, 1, cell) for j, cell in enumerate(r)] for r in body]
    _ruled_table(page, y, XS, rows)


@pytest.fixture()
def table_pdf(tmp_path: Path) -> Path:
    pdf = pymupdf.open()
    _table_page(pdf, "2025年部门示例预算表", [["合计", "1,234.50", "200.00", "34.50"],
                                         ["行政运行", "1,000.00", "", "0.00"]])
    return _save(pdf, tmp_path / "table.pdf")


def test_merged_header_cells_become_header_paths(table_pdf):
    doc = parse_pdf(table_pdf)
    (table,) = doc.tables
    assert (table.title, table.unit, table.pages) == ("2025年部门示例预算表", "元", [1])
    # "财\n政拨款" is one word again; the spanned 一般公共预算 heads both of its columns.
    assert table.header == [["一般公共预算", "财政拨款"], ["一般公共预算", "事业收入"], ["其他"]]
    total = table.rows[0]
    assert total.label == "合计" and total.values == [1234.5, 200.0, 34.5]
    assert table.rows[1].values == [1000.0, None, 0.0]


def test_table_continued_with_repeated_header_is_one_table(tmp_path):
    pdf = pymupdf.open()
    _table_page(pdf, "2025年部门示例预算表", [["合计", "30.00", "10.00", "20.00"], ["甲项", "10.00", "", "10.00"]])
    _table_page(pdf, "", [["乙项", "20.00", "10.00", "10.00"]], with_caption=False)
    doc = parse_pdf(_save(pdf, tmp_path / "two.pdf"))
    (table,) = doc.tables
    assert table.pages == [1, 2]
    assert [r.label for r in table.rows] == ["合计", "甲项", "乙项"]
    assert table.rows[2].values == [20.0, 10.0, 10.0] and table.rows[2].page == 2


def test_digits_in_another_font_stay_in_their_sentence(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=W, height=H)
    page.insert_text((60, 100), "示例局2025年部门预算", fontname=CJK, fontsize=16)
    # The number is set in Helvetica a little below the CJK baseline, as the real disclosures do.
    x = 60 + pymupdf.get_text_length("收入支出总计", fontname=CJK, fontsize=10.5)
    page.insert_text((60, 140), "收入支出总计", fontname=CJK, fontsize=10.5)
    page.insert_text((x, 141.2), "2995.39", fontname="helv", fontsize=10.5)
    x += pymupdf.get_text_length("2995.39", fontname="helv", fontsize=10.5)
    page.insert_text((x, 140), "万元。", fontname=CJK, fontsize=10.5)
    doc = parse_pdf(_save(pdf, tmp_path / "digits.pdf"))
    assert any("收入支出总计2995.39万元" in p.text for p in doc.paragraphs)
    assert doc.year == 2025


def test_wrapped_lines_merge_and_split_numbers_rejoin(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=W, height=H)
    size, left = 10.5, 60
    per_line = int((W - 2 * left) / size)
    first = ("本部门收入预算安排事项较多" * 10)[: per_line - 7] + "91,016,"
    page.insert_text((left, 100), "一、收入预算情况", fontname=CJK, fontsize=size)
    page.insert_text((left, 120), first, fontname=CJK, fontsize=size)
    page.insert_text((left, 138), "775.35元，比上年增加。", fontname=CJK, fontsize=size)
    page.insert_text((left + 2 * size, 156), "二、支出预算情况", fontname=CJK, fontsize=size)
    page.insert_text((left + 2 * size, 174), "支出短句。", fontname=CJK, fontsize=size)
    doc = parse_pdf(_save(pdf, tmp_path / "wrap.pdf"))
    texts = [p.text for p in doc.paragraphs]
    merged = next(t for t in texts if "91,016,775.35元" in t)
    assert merged.startswith("本部门收入") and merged.endswith("比上年增加。")
    # Numbered headings and indented lines start their own paragraphs / sections.
    assert [s.title for s in doc.sections] == ["一、收入预算情况", "二、支出预算情况"]
    assert "支出短句。" in texts


def test_real_budget_cells(pdf_paths):
    """A few cells read off the rendered pages of the 2025 office budget (the acceptance tests pin the rest)."""
    path = next(p for p in pdf_paths if "gov-office-2025" in p.name)
    doc = parse_pdf(path)
    assert (doc.kind, doc.year, doc.entity, doc.pages) == ("budget", 2025, "上海市普陀区人民政府办公室", 22)
    tables = {t.title: t for t in doc.tables}
    overview = tables["2025年部门财务收支预算总表"]
    assert overview.unit == "元" and overview.pages == [8]
    assert next(r for r in overview.rows if "总计" in r.label).values[0] == 91016775.35
    sangong = tables["2025年部门“三公”经费和机关运行经费预算表"]
    assert sangong.unit == "万元" and sangong.header[0] == ["“三公”经费预算数", "合计"]
    assert sangong.header[-1] == ["机关运行经费预算数"]  # "预算\n数" wrapped inside its merged cell
    assert sangong.rows[0].values == [867.5, 839.0, 28.5, None, None, None, 213.28]


# --- bad input: each one raises ParseError with a single line naming the file ---

def _one_line_error(path: Path) -> str:
    with pytest.raises(ParseError) as exc:
        parse_pdf(path)
    message = str(exc.value)
    assert "\n" not in message and str(path) in message
    return message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert "empty" in _one_line_error(path)


def test_non_pdf_bytes_with_pdf_suffix(tmp_path):
    path = tmp_path / "photo.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "not a PDF" in _one_line_error(path)


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage\xff" * 200)
    _one_line_error(path)


def test_encrypted_pdf(tmp_path):
    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "secret", fontname="helv")
    path = tmp_path / "locked.pdf"
    pdf.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    assert "encrypted" in _one_line_error(path)


def test_scanned_pdf_without_text_layer(tmp_path):
    pdf = pymupdf.open()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), 0)
    pix.clear_with(200)
    for _ in range(2):
        pdf.new_page().insert_image(pymupdf.Rect(0, 0, 300, 300), pixmap=pix)
    assert "scanned" in _one_line_error(_save(pdf, tmp_path / "scan.pdf"))


def test_size_guard(tmp_path, table_pdf, monkeypatch):
    monkeypatch.setattr(index.pdf, "MAX_PDF_BYTES", 1000)
    assert "too large" in _one_line_error(table_pdf)


def test_page_opening_with_the_same_ruled_columns_continues_an_empty_table(tmp_path):
    """A blank form (no numbers to tell body from header) still continues when the next page opens straight
    with a grid ruled like the one that closed the previous page."""
    pdf = pymupdf.open()
    _table_page(pdf, "2025年部门示例预算表", [["一、甲类", "", "", ""], ["二、乙类", "", "", ""]])
    page = pdf.new_page(width=W, height=H)
    _ruled_table(page, 60, XS, [[(0, 1, "三、丙类"), (1, 1, ""), (2, 1, ""), (3, 1, "")],
                                [(0, 1, "总计"), (1, 1, ""), (2, 1, ""), (3, 1, "")]])
    doc = parse_pdf(_save(pdf, tmp_path / "blank.pdf"))
    (table,) = doc.tables
    assert table.pages == [1, 2] and table.title == "2025年部门示例预算表"
    assert [r.label for r in table.rows][-2:] == ["三、丙类", "总计"]


def test_table_ruled_only_horizontally_takes_its_columns_from_the_words(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=W, height=H)
    page.insert_text((200, 60), "2025年部门三线预算表", fontname=CJK, fontsize=14)
    page.insert_text((460, 84), "单位：万元", fontname=CJK, fontsize=9)
    for y in (90, 112, 178):  # top rule, rule under the header, bottom rule: no vertical rulings at all
        page.draw_line((60, y), (520, y), color=(0, 0, 0), width=0.8)
    rows = [("项目", "本年预算", "上年预算"), ("合计", "1,250.00", "1,100.50"),
            ("行政运行", "1,000.00", "900.50"), ("一般行政管理事务", "250.00", "200.00")]
    for i, row in enumerate(rows):
        y = 105 + i * 22 if i == 0 else 130 + (i - 1) * 20
        for x, text in zip((64, 300, 420), row):
            page.insert_text((x, y), text, fontname=CJK, fontsize=9)
    page.insert_text((60, 200), "注：本表为示例。", fontname=CJK, fontsize=9)
    doc = parse_pdf(_save(pdf, tmp_path / "open.pdf"))
    (table,) = doc.tables
    assert (table.title, table.unit) == ("2025年部门三线预算表", "万元")
    assert table.header == [["本年预算"], ["上年预算"]]
    assert [(r.label, r.values) for r in table.rows] == [
        ("合计", [1250.0, 1100.5]), ("行政运行", [1000.0, 900.5]), ("一般行政管理事务", [250.0, 200.0])]
    assert any("本表为示例" in n for n in table.notes)


def test_blank_template_forms(pdf_paths):
    """The final-accounts template prints its forms without amounts: header and body are told apart by the
    合计 row under the header and by the ruled columns of a continued page."""
    path = next(p for p in pdf_paths if "template" in p.name)
    tables = {t.title: t for t in parse_pdf(path).tables}
    income = tables["收入决算表"]
    assert income.rows[0].label == "合计" and len(income.header) == 7
    overview = tables["财政拨款收入支出决算总表"]
    assert overview.pages == [8, 9] and overview.rows[-1].label == "总计"
