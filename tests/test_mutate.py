"""Mutation operators change exactly what they claim, in text and in a PDF's text layer, with ground truth."""
from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

import random

from eval import mutate

# A small budget document written for this test (tables tab-separated, two pages).
DOC = "\n".join([
    "示例区测试局2024年部门预算",
    "一、收入支出预算总体情况说明",
    "示例区测试局2024年收入总计120.50万元，比2023年增加20.50万元，增长20.50%。",
    "其中：基本支出80.00万元，占66.39%；项目支出40.50万元，占33.61%。",
    "2024年纳入绩效管理的项目支出40.50万元，涉及项目2个。",
    "一般公共预算支出完成年初预算的98.00%。",
    "\f示例区测试局2024年支出总表",
    "单位名称：示例区测试局",
    "单位：万元",
    "科目编码\t科目名称\t合计\t基本支出\t项目支出",
    "2010301\t行政运行\t80.00\t80.00\t",
    "2010302\t一般行政管理事务\t40.50\t\t40.50",
    "\t合计\t120.50\t80.00\t40.50",
    "",
    "示例区测试局2024年一般公共预算支出表",
    "单位：万元",
    "科目编码\t科目名称\t合计",
    "2010301\t行政运行\t80.00",
    "\t合计\t120.50",
    "",
    "示例区测试局2024年项目支出表",
    "单位：万元",
    "项目名称\t金额",
    "档案整理\t30.00",
    "系统运维\t10.50",
    "合计\t40.50",
    "",
    "示例区测试局2024年收入总表",
    "单位：万元",
    "项目\t合计",
    "一般公共预算拨款收入\t120.50",
    "合计\t120.50",
])


@pytest.fixture()
def doc(tmp_path: Path) -> Path:
    p = tmp_path / "sample.txt"
    p.write_text(DOC, encoding="utf-8")
    return p


def _apply(path: Path, op, tmp_path: Path, n: int = 0):
    v = mutate.view(path)
    import random

    found = op(v, random.Random(1))
    assert found, op.__name__
    m = found[n]
    out = v.write(m.edits, tmp_path / f"out{path.suffix}")
    return m, out.read_text(encoding="utf-8") if path.suffix == ".txt" else out


def test_narrative_amount_changes_one_quoted_amount(doc, tmp_path):
    m, text = _apply(doc, mutate.narrative_amount, tmp_path)
    old, new = m.numbers
    assert m.kind == "narrative_vs_table" and m.page == 1
    assert old in (120.5, 20.5, 80.0, 40.5) and new != old and abs(new - old) >= 0.5
    assert f"{new:.2f}万元" in text and text.count("\f") == 1


def test_percent_operators_change_the_rate_only(doc, tmp_path):
    for op, old in ((mutate.share, "66.39"), (mutate.change_rate, "20.50"), (mutate.completion_rate, "98.00")):
        m, text = _apply(doc, op, tmp_path)
        assert m.kind == "percentage"
        assert f"{m.numbers[0]:.2f}%" in text and m.numbers[0] != float(old)
        assert text.replace(f"{m.numbers[0]:.2f}%", f"{old}%") == DOC


def test_direction_word_flips_both_words(doc, tmp_path):
    m, text = _apply(doc, mutate.direction_word, tmp_path)
    assert m.kind == "direction" and m.numbers == [20.5]
    assert "比2023年减少20.50万元，下降20.50%" in text


def test_direction_word_skips_a_flip_the_numbers_cannot_show(tmp_path):
    # 4.97 of 793.48 is 0.63% up and 0.62% down: printed 0.6% either way, so flipping both words contradicts
    # nothing on the page; 20.50 of 120.50 is 20.50% up but 14.54% down, so that flip shows.
    p = tmp_path / "flat.txt"
    p.write_text("\n".join(["示例区测试局2024年部门预算", "运行经费预算793.48万元，较上年增加4.97万元，增长0.6%。",
                            "收入总计120.50万元，比上年增加20.50万元，增长20.50%。"]), encoding="utf-8")
    found = mutate.direction_word(mutate.view(p), __import__("random").Random(0))
    assert [m.numbers for m in found] == [[20.5]]


def test_table_total_and_item_rows_break_sums(doc, tmp_path):
    m, text = _apply(doc, mutate.table_total, tmp_path)
    assert m.kind == "arithmetic" and m.page == 2 and m.numbers[0] == 120.5
    assert f"\t合计\t{m.numbers[1]:.2f}\t80.00\t40.50" in text
    m, text = _apply(doc, mutate.hierarchy_item, tmp_path)
    assert m.kind == "arithmetic" and m.numbers[0] == 80.0
    assert f"2010301\t行政运行\t{m.numbers[1]:.2f}\t80.00" in text


def test_table_disagree_touches_a_row_printed_in_two_tables(doc, tmp_path):
    m, text = _apply(doc, mutate.table_disagree, tmp_path)
    assert m.kind == "cross_table" and m.numbers[0] == 80.0
    assert text.count("行政运行\t80.00") == 1


def test_unit_slip_count_year_entity_placeholder(doc, tmp_path):
    m, text = _apply(doc, mutate.unit_slip, tmp_path)
    assert m.kind == "unit" and m.numbers[1] == pytest.approx(m.numbers[0] * 10_000)
    m, text = _apply(doc, mutate.count_change, tmp_path)
    assert m.kind == "count" and m.numbers[0] == 2 and f"涉及项目{int(m.numbers[1])}个" in text
    m, text = _apply(doc, mutate.year_change, tmp_path)
    assert m.kind == "metadata" and m.page == 2 and "示例区测试局2022年支出总表" in text
    m, text = _apply(doc, mutate.entity_change, tmp_path)
    assert m.kind == "metadata" and "单位名称：洛阳区测试局" in text and text.count("洛阳") == 1
    m, text = _apply(doc, mutate.placeholder, tmp_path)
    assert m.kind == "wording" and "XX万元" in text


def test_remove_and_empty_table(doc, tmp_path):
    m, text = _apply(doc, mutate.remove_table, tmp_path)
    assert m.kind == "completeness" and m.page == 0
    assert "支出总表" not in text and "一般公共预算支出表" in text
    m, text = _apply(doc, mutate.empty_table, tmp_path)
    assert m.kind == "completeness" and m.page == 2
    assert "2010301\t行政运行\t\t\t" in text


def test_cases_for_writes_one_file_per_case(doc, tmp_path):
    cases = mutate.cases_for(doc, tmp_path / "cases", per_operator=1)
    assert len(cases) == 15  # every operator finds something in this document
    assert len({c.path for c in cases}) == 15 and all(c.path.exists() for c in cases)
    assert {c.mutation.kind for c in cases} == {"narrative_vs_table", "percentage", "direction", "arithmetic",
                                                "cross_table", "unit", "count", "completeness", "metadata",
                                                "wording"}


def test_pdf_text_layer_is_edited_in_place(tmp_path):
    src = tmp_path / "sample.pdf"
    with pymupdf.open() as pdf:
        page = pdf.new_page()
        page.insert_text((50, 80), "示例区测试局2024年收入总计120.50万元，比2023年增加20.50万元。", fontname="china-s",
                         fontsize=10)
        page = pdf.new_page()
        page.insert_text((50, 80), "支出总表", fontname="china-s", fontsize=10)
        page.insert_text((50, 100), "合计", fontname="china-s", fontsize=10)
        page.insert_text((200, 100), "1,205,000.00", fontname="helv", fontsize=10)
        page.insert_text((50, 120), "行政运行", fontname="china-s", fontsize=10)
        page.insert_text((200, 120), "1,205,000.00", fontname="helv", fontsize=10)
        pdf.save(src)
    v = mutate.view(src)
    import random

    m = mutate.narrative_amount(v, random.Random(0))[0]
    out = v.write(m.edits, tmp_path / "out.pdf")
    with pymupdf.open(out) as pdf:
        first = pdf[0].get_text()
    assert f"{m.numbers[1]:.2f}万元" in first and "120.50万元" not in first
    m = mutate.table_total(v, random.Random(0))[0]
    assert m.page == 2 and m.numbers[0] == 1205000.0
    out = v.write(m.edits, tmp_path / "out2.pdf")
    with pymupdf.open(out) as pdf:
        second = pdf[1].get_text()
    assert f"{m.numbers[1]:,.2f}" in second and second.count("1,205,000.00") == 1


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "doc.txt"
    p.write_text(text, encoding="utf-8")
    return p


EXPENDITURE_TWO_PAGES = "\n".join([
    "示例区测试局2024年支出总表", "单位：万元", "科目编码\t科目名称\t合计\t基本支出\t项目支出",
    "\t合计\t1800.00\t40.00\t1760",
    "2101301\t城乡医疗救助\t1760\t\t1760",
    "\f科目编码\t科目名称\t合计\t基本支出\t项目支出",
    "2101501\t行政运行\t40.00\t40.00\t",
    "",
    "示例区测试局2024年政府性基金预算支出表", "单位：万元", "科目编码\t科目名称\t合计", "\t合计\t",
    "注：本单位没有政府性基金预算拨款安排的支出，故本表无数据。",
])


def test_empty_table_blanks_every_page_of_a_table_and_only_its_amounts(tmp_path):
    path = _write(tmp_path, "示例区测试局2024年部门预算\n" + EXPENDITURE_TWO_PAGES)
    found = mutate.empty_table(mutate.view(path), random.Random(0))
    # The fund table is already empty and explained: removing its note would contradict nothing.
    assert [m.description for m in found] == ["emptied table '示例区测试局2024年支出总表'"]
    text = mutate.view(path).write(found[0].edits, tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "2101301\t城乡医疗救助\t\t\t" in text  # integers are amounts too; the code stays
    assert "2101501\t行政运行\t\t\t" in text  # the continuation on the next page is emptied as well
    assert "故本表无数据" in text and text.count("\f") == 1
    # The amounts taken away, so a narrative figure the table held may be reported wherever it is read again.
    assert found[0].explains == [40.0, 1760.0, 1800.0]


def _budget(*tables: str) -> str:
    return "\n".join(["示例区测试局2024年部门预算", *tables])


def _table(title: str, rows: list[str], header: str = "科目编码\t科目名称\t合计") -> str:
    return "\n".join(["", f"示例区测试局2024年{title}", "单位：万元", header, *rows])


def test_remove_table_only_leaves_a_required_group_unmet(tmp_path):
    row = ["\t合计\t10.00", "30101\t基本工资\t10.00"]
    path = _write(tmp_path, _budget(_table("收支总表", ["收入总计\t10.00"], "项目\t预算数"),
                                    _table("收入总表", ["\t合计\t10.00"]), _table("支出总表", row),
                                    _table("一般公共预算基本支出表", row), _table("支出经济分类汇总表", row),
                                    _table("项目支出表", ["甲项目\t10.00"], "项目名称\t合计")))
    removed = {m.description for m in mutate.remove_table(mutate.view(path), random.Random(0))}
    # 基本支出表 and 经济分类汇总表 satisfy one requirement together; the project table is not required.
    assert removed == {"removed table '示例区测试局2024年收支总表'", "removed table '示例区测试局2024年收入总表'",
                       "removed table '示例区测试局2024年支出总表'"}


def test_table_disagree_pairs_tables_of_one_scope_only(tmp_path):
    unit = ["\t合计\t100.00", "036\t示例区测试局\t100.00", "2101501\t行政运行\t60.00", "2101502\t一般行政管理事务\t40.00"]
    same = _budget(_table("支出总表", unit), _table("一般公共预算支出表", unit))
    found = mutate.table_disagree(mutate.view(_write(tmp_path, same)), random.Random(0))
    # The unit's own row (036 示例区测试局) is not an amount row two tables share; the 合计 row neither.
    assert {m.numbers[0] for m in found} == {60.0, 40.0} and len(found) == 4
    # A table of a wider scope (carry-over included) may differ row by row: never paired.
    wider = [r.replace("100.00", "110.00").replace("40.00", "50.00") for r in unit]
    other = _budget(_table("支出总表", wider), _table("一般公共预算支出表", unit))
    assert mutate.table_disagree(mutate.view(_write(tmp_path, other)), random.Random(0)) == []


def test_pdf_number_is_retyped_inside_its_cell(tmp_path):
    src = tmp_path / "cell.pdf"
    with pymupdf.open() as pdf:
        page = pdf.new_page()
        page.insert_text((50, 100), "合计", fontname="china-s", fontsize=10)
        page.insert_text((200, 100), "1,205,000.00", fontname="helv", fontsize=10)
        page.insert_text((300, 100), "5.00", fontname="helv", fontsize=10)
        pdf.save(src)
    v = mutate.view(src)
    i = next(k for k, ln in enumerate(v.lines) if ln.text.startswith("1,205"))
    out = v.write([mutate.Edit(i, "1,388,123.45")], tmp_path / "out.pdf")
    with pymupdf.open(out) as pdf:
        words = {w[4]: w for w in pdf[0].get_text("words")}
    # Right-aligned where the old number ended, clear of the next column.
    assert abs(words["1,388,123.45"][2] - v.lines[i].bbox[2]) < 2 and words["1,388,123.45"][2] < 300
    assert "5.00" in words


def test_change_rate_only_where_the_sentence_gives_its_basis(tmp_path):
    # A growth target has nothing to be recomputed from: misstating it contradicts nothing a reader can see.
    p = tmp_path / "targets.txt"
    p.write_text("\n".join(["示例区测试局2024年部门预算", "全市生产总值增长7%以上，投资增长10%。",
                            "收入总计120.50万元，比上年增加20.50万元，增长20.50%。"]), encoding="utf-8")
    found = mutate.change_rate(mutate.view(p), __import__("random").Random(0))
    assert len(found) == 1 and "20.50%" in found[0].description and found[0].also == ["direction"]


def test_a_table_whose_rows_run_past_a_description_cell_is_not_emptied(tmp_path):
    # Each project row carries a sentence in a 项目简介 column on the right: the view's table stops at the first
    # one, so blanking what it holds would leave the later projects' amounts standing.
    def pdf(description: bool) -> Path:
        src = tmp_path / f"projects{description}.pdf"
        with pymupdf.open() as doc:
            page = doc.new_page(width=800, height=600)
            page.insert_text((200, 60), "2024年专项业务经费支出表", fontname="china-s", fontsize=10)
            page.insert_text((60, 100), "合计", fontname="china-s", fontsize=10)
            page.insert_text((300, 100), "430000", fontname="helv", fontsize=10)
            for k, (name, amount) in enumerate([("执法检查经费", "250000"), ("应急救援经费", "180000")]):
                y = 130 + 40 * k
                page.insert_text((60, y), name, fontname="china-s", fontsize=10)
                page.insert_text((300, y), amount, fontname="helv", fontsize=10)
                if description:
                    page.insert_text((400, y), "用于全市安全生产执法检查，申请财政预算拨款。", fontname="china-s",
                                     fontsize=10)
            doc.save(src)
        return src

    assert not mutate.empty_table(mutate.view(pdf(True)), random.Random(0))
    assert mutate.empty_table(mutate.view(pdf(False)), random.Random(0))


def test_retyping_a_line_keeps_the_digits_of_lines_set_close_to_it(tmp_path):
    # Boxes of lines 11 pt apart in a 16 pt font overlap: a redaction of the middle line's box erased the figures
    # printed just above and below it.
    src = tmp_path / "close.pdf"
    with pymupdf.open() as pdf:
        page = pdf.new_page()
        for k, text in enumerate(["收入预算41,534.73万元，财政专户22,070.82万元，", "事业收入资金6,282.98万元，",
                                  "其他收入7,885.67万元，比上年增加2,024.14万元。"]):
            page.insert_text((50, 100 + 11 * k), text, fontname="china-s", fontsize=16)
        pdf.save(src)
    v = mutate.view(src)
    i = next(k for k, ln in enumerate(v.lines) if "6,282.98" in ln.text)
    assert v.lines[i].bbox[1] < v.lines[i - 1].bbox[3]  # the boxes do overlap
    out = v.write([mutate.Edit(i, v.lines[i].text.replace("6,282.98", "7,011.44"))], tmp_path / "out.pdf")
    with pymupdf.open(out) as pdf:
        text = pdf[0].get_text().replace(" ", "")
    assert "7,011.44" in text and "6,282.98" not in text
    assert all(n in text for n in ("41,534.73", "22,070.82", "7,885.67", "2,024.14"))
