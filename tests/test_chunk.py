"""Chunking: a sentence broken over two paragraphs is put back together; coded rows carry their 类/款 path."""
from __future__ import annotations

from index.chunk import chunk_document
from index.text import parse_text_string

DOC = """示例区水务局
2024年部门预算公开

三、预算绩效情况说明
2024年，我单位按要求编制了绩效目标，综合反映了各项目预期完成的成本指标和产出指标等情况，纳入预算绩效管理的项目支

出216.20万元，涉及项目15个。

四、其他说明
本单位无政府性基金预算。

部门支出总表
单位：万元
科目编码\t科目名称\t合计
212\t城乡社区支出\t500.00
21201\t城乡社区管理事务\t500.00
2120101\t行政运行\t320.00
2120199\t其他城乡社区管理事务支出\t180.00
"""


def test_a_sentence_broken_over_two_paragraphs_is_one_chunk():
    chunks = chunk_document(parse_text_string(DOC, "water.txt"))
    texts = [c.text for c in chunks if c.kind == "paragraph"]
    assert any("纳入预算绩效管理的项目支出216.20万元，涉及项目15个。" in t for t in texts)
    assert not any(t.startswith("出216.20") for t in texts)
    assert "四、其他说明" in texts or any(t.startswith("本单位无政府性基金预算") for t in texts)


def test_coded_rows_carry_their_classification_path():
    chunks = chunk_document(parse_text_string(DOC, "water.txt"))
    row = next(c for c in chunks if c.kind == "row" and c.code == "2120101")
    assert row.parents == "城乡社区支出/城乡社区管理事务" and "城乡社区管理事务" in row.text
    top = next(c for c in chunks if c.kind == "row" and c.code == "212")
    assert top.parents is None


def test_a_sentence_the_page_break_cut_is_one_passage_over_both_pages():
    from index.document import Document, Paragraph

    section = "其他需要说明情况 / 国有资产占用情况"
    doc = Document(source="a.pdf", pages=2, paragraphs=[
        Paragraph(id="p1", page=1, section=section, text="截至2025年10月，本单位共"),
        Paragraph(id="p2", page=2, section=section, text="有车辆664辆，其中执法执勤用车402辆。"),
        Paragraph(id="p3", page=2, section=section, text="2026年计划购置车辆30辆。")])
    passages = [(c.text, c.pages) for c in chunk_document(doc) if c.kind == "paragraph"]
    assert passages == [("截至2025年10月，本单位共有车辆664辆，其中执法执勤用车402辆。", [1, 2]),
                        ("2026年计划购置车辆30辆。", [2])]


SUMMARY = """西安市示例局
2022年部门决算

财政拨款收入支出决算总表
单位：万元
项目\t收入金额
一、一般公共预算财政拨款\t300.00
二、政府性基金预算财政拨款\t500.00
本年收入合计\t800.00
年初结转和结余\t60.00
一般公共预算财政拨款\t10.00
政府性基金预算财政拨款\t50.00
总计\t860.00
"""


def test_a_label_printed_again_carries_the_row_that_heads_it():
    chunks = chunk_document(parse_text_string(SUMMARY, "summary.txt"))
    rows = [c for c in chunks if c.kind == "row" and c.label.endswith("一般公共预算财政拨款")]
    first, again = rows
    # the year's own figure stands alone; the fund printed again is the carry-over's part, and says so
    assert first.parents is None and first.facts[0]["value"] == 300.0
    assert again.parents == "年初结转和结余" and "年初结转和结余" in again.text
    fund = next(c for c in chunks if c.kind == "row" and c.label == "政府性基金预算财政拨款")
    assert fund.parents == "年初结转和结余"  # (the nearest row above that is no repeat itself)


def test_the_same_lines_printed_under_every_unit_are_no_repeats_of_each_other():
    from tests.conftest import SANGONG_BY_UNIT

    chunks = chunk_document(parse_text_string(SANGONG_BY_UNIT, "by_unit.txt"))
    lines = [c for c in chunks if c.kind == "row" and c.label == "2026 年"]
    # each unit's 2026 line says its unit, and no line of another unit heads it
    assert len(lines) == 4 and all(c.parents is None for c in lines)
    assert "预算单位=深圳市示例执法支队" in lines[-1].text and "增减变化金额" not in lines[-1].text


NUMBERED = """财政拨款收支总体情况表
单位：万元
项目\t预算数
一、本年收入\t3,900.00
（一）一般公共预算资金\t3,600.00
（二）政府性基金预算资金\t300.00
二、上年结转\t270.00
（一）一般公共预算拨款\t170.00
（二）政府性基金预算拨款\t100.00
收入合计\t4,170.00
"""


def test_a_numbered_line_carries_the_line_numbered_a_rank_above_it():
    chunks = {c.text.split("｜")[1].split("：")[0]: c for c in chunk_document(parse_text_string(NUMBERED, "n.txt"))
              if c.kind == "row"}
    # the funds are numbered alike under the year's income and the carry-over: only their head tells them apart
    carried = chunks["（二）政府性基金预算拨款（二、上年结转）"]
    assert carried.parents == "二、上年结转" and carried.facts[0]["value"] == 100.0
    assert chunks["（一）一般公共预算资金（一、本年收入）"].parents == "一、本年收入"
    # a top line, and the total, are under nothing
    assert chunks["二、上年结转"].parents is None and chunks["收入合计"].parents is None
