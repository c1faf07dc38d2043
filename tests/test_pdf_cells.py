"""index.pdf reading cells: the x-offset of a label nests rows unless the column centres its text; a label that runs on over the ruling; rows broken over a page."""
from __future__ import annotations

from pathlib import Path

import pymupdf

from index.pdf import parse_pdf

CJK = "china-s"


def _table(tmp_path: Path, labels: list[tuple[str, float]], centred: bool) -> Path:
    """A ruled 2-column table (label | 金额) under a title; each label drawn at its indent (in characters), or
    centred in its cell."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_text((200, 60), "项目支出表", fontname=CJK, fontsize=14)
    page.insert_text((450, 84), "单位：万元", fontname=CJK, fontsize=9)
    xs, top, h, size = [60, 360, 480], 96, 20, 8
    rows = [("项目名称", "金额")] + [(spec[0], spec[1]) for spec in labels]
    for i, (label, value) in enumerate(rows):
        y = top + i * h
        for j, text in enumerate((label, value if i == 0 else f"{value:.2f}")):
            page.draw_rect(pymupdf.Rect(xs[j], y, xs[j + 1], y + h), color=(0, 0, 0), width=0.5)
            width = pymupdf.get_text_length(text, fontname=CJK, fontsize=size)
            indent = labels[i - 1][2] if i and j == 0 and len(labels[i - 1]) > 2 else 0
            x = (xs[j] + xs[j + 1] - width) / 2 if centred or i == 0 else xs[j] + 3 + indent * size
            page.insert_text((x, y + 14), text, fontname=CJK, fontsize=size)
    path = tmp_path / "t.pdf"
    pdf.save(path)
    return path


def test_centred_labels_of_different_lengths_stay_flat(tmp_path):
    labels = [("合计", 60.0), ("短项目", 10.0), ("一个名字长得多的项目", 20.0), ("中等长度项目", 30.0)]
    t = parse_pdf(_table(tmp_path, labels, centred=True)).tables[0]
    assert [r.level for r in t.rows] == [0, 1, 1, 1]


def test_labels_pushed_right_nest_under_the_line_above(tmp_path):
    labels = [("合计", 30.0, 0), ("某类项目", 30.0, 0), ("子项目甲", 10.0, 2), ("子项目乙名字较长", 20.0, 2)]
    t = parse_pdf(_table(tmp_path, labels, centred=False)).tables[0]
    assert [r.level for r in t.rows] == [0, 1, 2, 2]


def _two_page_table(tmp_path: Path, broken: bool) -> Path:
    """One ruled table over two pages; with `broken`, the last row of page 1 ends at the top of page 2, above
    the first row ruling there (the column rulings run on up to it)."""
    pdf = pymupdf.open()
    xs, h, size = [60, 300, 420], 20, 8
    for n, body in enumerate(([("合计", "60.00"), ("甲项目", "10.00"), ("乙项目", "20.00")],
                              [("丙项目", "30.00")])):
        page = pdf.new_page(width=595, height=842)
        top = 96
        if n == 0:
            page.insert_text((200, 60), "项目支出表", fontname=CJK, fontsize=14)
            page.insert_text((450, 84), "单位：万元", fontname=CJK, fontsize=9)
            body = [("项目名称", "金额")] + body
        elif broken:
            for x in xs:
                page.draw_line((x, top - h), (x, top), color=(0, 0, 0), width=0.5)
            page.insert_text((xs[0] + 3, top - 6), "（续）", fontname=CJK, fontsize=size)
        for i, row in enumerate(body):
            for j, text in enumerate(row):
                y = top + i * h
                page.draw_rect(pymupdf.Rect(xs[j], y, xs[j + 1], y + h), color=(0, 0, 0), width=0.5)
                page.insert_text((xs[j] + 3, y + 14), text, fontname=CJK, fontsize=size)
        page.insert_text((290, 800), f"— {n + 1} —", fontname=CJK, fontsize=9)
    path = tmp_path / "two.pdf"
    pdf.save(path)
    return path


def test_a_row_broken_over_the_page_does_not_part_the_table(tmp_path):
    doc = parse_pdf(_two_page_table(tmp_path, broken=True))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert [r.label for r in t.rows] == ["合计", "甲项目", "乙项目（续）", "丙项目"]
    assert t.pages == [1, 2]


def test_letter_spaced_page_numbers_are_page_furniture():
    from index.assemble import _PAGE_FOOTER  # noqa: PLC0415

    assert all(_PAGE_FOOTER.match(s) for s in ("— 1 0 —", "- 3 -", "12", "第3页共40页", "第7页，共45页"))
    assert not any(_PAGE_FOOTER.match(s) for s in ("2026年", "12 34 56", "合计"))


def test_a_label_running_on_into_the_amount_cell_is_taken_back(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_text((200, 60), "项目支出表", fontname=CJK, fontsize=14)
    page.insert_text((450, 84), "单位：元", fontname=CJK, fontsize=9)
    xs, top, h, size = [60, 200, 330], 96, 20, 8
    rows = [("项目名称", "金额"), ("合计", "1700"), ("短项目", "1000"), ("一个名字实在太长以至于放不进这个格子里的项目", "700")]
    for i, (label, value) in enumerate(rows):
        y = top + i * h
        for j in range(2):
            page.draw_rect(pymupdf.Rect(xs[j], y, xs[j + 1], y + h), color=(0, 0, 0), width=0.5)
        page.insert_text((xs[0] + 3, y + 14), label, fontname=CJK, fontsize=size)  # may run past xs[1]
        width = pymupdf.get_text_length(value, fontname=CJK, fontsize=size)
        page.insert_text((xs[2] - 3 - width, y + 14), value, fontname=CJK, fontsize=size)
    path = tmp_path / "overflow.pdf"
    pdf.save(path)
    t = parse_pdf(path).tables[0]
    assert [(r.label, r.values) for r in t.rows][-1] == ("一个名字实在太长以至于放不进这个格子里的项目", [700.0])


def test_a_header_cell_whose_column_rulings_no_row_line_crosses_keeps_its_columns(tmp_path):
    """Column rulings drawn cell by cell: the pieces beside a header cell split into sub-rows on its right
    touch no row line, yet they belong to the table (the two columns on the left must stay apart)."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_text((200, 60), "“三公”经费支出表", fontname=CJK, fontsize=14)
    page.insert_text((450, 84), "单位：万元", fontname=CJK, fontsize=9)
    xs, ys = [60, 120, 260, 340, 420], [96, 110, 124, 144, 164]
    black = (0, 0, 0)
    for y in (ys[0], ys[3], ys[4]):
        page.draw_line((xs[0], y), (xs[-1], y), color=black, width=0.5)
    for y in ys[1:3]:  # row lines only under the year header on the right
        page.draw_line((xs[2], y), (xs[-1], y), color=black, width=0.5)
    for x in xs:  # every column ruling drawn piece by piece, one piece per sub-row
        for a, b in zip(ys, ys[1:]):
            if x in xs[:2] and a in ys[1:3]:
                page.draw_line((x, a + 0.7), (x, b - 0.7), color=black, width=0.5)
            else:
                page.draw_line((x, a), (x, b), color=black, width=0.5)
    for x, y, text in [(63, 130, "单位编码"), (123, 130, "单位名称"), (263, 106, "2025年"), (263, 138, "合计"),
                       (343, 138, "培训费"), (63, 158, "101"), (123, 158, "某局"), (263, 158, "3.00"), (343, 158, "1.00")]:
        page.insert_text((x, y), text, fontname=CJK, fontsize=8)
    path = tmp_path / "header.pdf"
    pdf.save(path)
    t = parse_pdf(path).tables[0]
    assert t.columns[:2] == ["单位编码", "单位名称"]
    assert (t.rows[0].code, t.rows[0].label) == ("101", "某局")
