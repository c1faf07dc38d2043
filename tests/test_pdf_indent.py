"""index.pdf: the x-offset of a label nests rows, unless the column centres its text."""
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
