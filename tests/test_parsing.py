"""Table reading across templates (issue 13): titles and numbers, column-number rows, hierarchy, units, joins,
and the parsing measurement itself."""
import subprocess
import sys
from pathlib import Path

import pymupdf

from eval.parsing import coverage, name_matches, norm_name, structure
from index import captions
from index.document import Row, Table
from index.grid import GridRow, build_table, is_column_numbers
from index.hierarchy import assign, problems
from index.pdf import parse_pdf
from index.text import parse_text_string
from rules.pack import load_pack

REPO = Path(__file__).resolve().parents[1]


def _rows(*specs) -> list[Row]:
    return [Row(label=label, code=code, values=[v], page=1) for label, code, v in specs]


def test_table_numbers_before_or_after_the_name():
    for line in ("表5", "表14-1", "预算01表", "公开01表", "表一", "附表3", "部门预算表3"):
        assert captions.is_table_number(line), line
        assert captions.is_caption_meta(line)
    assert captions.table_number("表3 支出总表") == "表3"
    assert captions.clean_title("表3 支出总表") == "支出总表"
    assert captions.clean_title("预算01表 收支总表") == "收支总表"
    assert captions.clean_title("收支总表（公开01表）") == "收支总表"
    assert captions.is_year_line("（2026年度）") and captions.is_caption_meta("2026年")
    assert not captions.looks_like_title("纳入本部门预算编制范围的二级预算单位共有5个，包括：")


def test_title_above_number_year_and_unit_lines_and_wrapped_title():
    doc = parse_text_string(
        "表5\n某某局2021年部门综合预算一般公共预算支出明细表（按支出功能分类科\n目-不含上年结转）\n（2021年度）\n"
        "预算单位：某某局\n单位：元\n科目名称\t合计\n合计\t3.00\n", "t.txt")
    t = doc.tables[0]
    assert t.title == "某某局2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）"
    assert t.number == "表5" and t.unit == "元" and t.unit_source == "printed"


def test_column_number_row_is_header_not_data():
    assert is_column_numbers(["**", "**", "1", "2", "3"])
    assert is_column_numbers(["栏次", "", "1", "2"])
    assert not is_column_numbers(["合计", "1", "2"])
    grid = [GridRow(["科目编码", "科目名称", "本年收入合计", "财政拨款"]), GridRow(["**", "**", "1", "2"]),
            GridRow(["合计", "", "10.00", "10.00"]), GridRow(["201", "一般公共服务支出", "10.00", "10.00"])]
    t = build_table(table_id="t1", title="收入决算表", unit="万元", grid=grid)
    assert [r.label for r in t.rows] == ["合计", "一般公共服务支出"]
    assert t.header == [["本年收入合计"], ["财政拨款"]]


def test_hierarchy_from_codes_bracketed_codes_and_group_rows():
    grid = [GridRow(["科目", "金额"]), GridRow(["合计", "30.00"]), GridRow(["某某局本级", "30.00"]),
            GridRow(["[301]工资福利支出", "20.00"]), GridRow(["[30101]基本工资", "20.00"]),
            GridRow(["[302]商品和服务支出", "10.00"]), GridRow(["[30201]办公费", "10.00"])]
    t = build_table(table_id="t1", title="基本支出表", unit="万元", grid=grid)
    by = {r.label: r for r in t.rows}
    assert by["工资福利支出"].code == "301" and by["基本工资"].code == "30101"
    assert (by["合计"].level, by["某某局本级"].level, by["工资福利支出"].level, by["基本工资"].level) == (0, 1, 2, 3)
    assert t.rows[by["基本工资"].parent].label == "工资福利支出"
    assert t.rows[by["商品和服务支出"].parent].label == "某某局本级"
    assert problems(t) == []


def test_hierarchy_from_ordinals_of_which_and_indentation():
    rows = _rows(("一、财政拨款", None, 5), ("1.一般公共预算拨款", None, 4), ("2.政府性基金", None, 1),
                 ("上年结转", None, 2), ("其中：（1）基本支出结转", None, 1), ("（2）项目支出结转", None, 1))
    assign(rows)
    assert [r.level for r in rows] == [1, 2, 2, 1, 2, 2]
    assert rows[5].parent == 3 and rows[1].parent == 0
    rows = _rows(("工资福利支出", None, 3), ("基本工资", None, 1), ("津贴补贴", None, 2), ("商品和服务支出", None, 1))
    assign(rows, indents=[0, 2, 2, 0])
    assert [r.parent for r in rows] == [None, 0, 0, None]


def test_a_flat_sum_twice_the_total_is_reported_as_a_nesting_misread():
    t = Table(id="t1", title="x", unit="万元", pages=[1], header=[["金额"]],
              rows=_rows(("合计", None, 10.0), ("工资福利支出", None, 10.0), ("基本工资", None, 10.0)))
    assign(t.rows)  # no code, no ordinal, no indentation: read flat
    assert any("nesting misread" in p for p in problems(t))


def test_dash_and_blank_are_zero_but_not_a_printed_zero():
    grid = [GridRow(["项目", "甲", "乙", "丙"]), GridRow(["合计", "-", "", "0.00"])]
    r = build_table(table_id="t1", title="x", unit="万元", grid=grid).rows[0]
    assert r.values == [None, None, 0.0] and r.dashes == [0]


def _pdf(tmp_path: Path, pages: list[list[tuple[float, float, str]]], bold: bool = False) -> Path:
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        for x, y, text in lines:
            for dx in ((0, 0.3, 0.6) if bold else (0,)):
                page.insert_text((x + dx, y), text, fontname="china-s", fontsize=10)
    path = tmp_path / "t.pdf"
    doc.save(path)
    return path


def test_overprinted_bold_text_is_read_once(tmp_path):
    path = _pdf(tmp_path, [[(100, 100, "收支总表")]], bold=True)
    assert "收支总表" in parse_pdf(path).page_texts[0] and "收收" not in parse_pdf(path).page_texts[0]


def test_a_running_header_is_never_a_title(tmp_path):
    pages = [[(50, 40, "某某局2026年部门预算"), (50, 100 + 20 * i, f"第{i}段正文内容。")] for i in range(6)]
    doc = parse_pdf(_pdf(tmp_path, pages))
    assert all("某某局2026年部门预算" != p.text for p in doc.paragraphs[1:])


def test_names_match_across_wording_of_the_same_table():
    assert norm_name("表6 2022年部门综合预算收支总表（万元）") == "部门综合预算收支总表"
    assert name_matches("部门综合预算一般公共预算支出明细表（按支出经济分类科目）",
                        "2022年部门综合预算一般公共预算支出明细表（按经济分类科目分）")
    assert not name_matches("收入总表", "支出总表")


def test_coverage_and_structure_scoring_can_fail():
    pack = load_pack()
    doc = parse_text_string("收支总表\n单位：万元\n项目\t预算数\n合计\t5.00\n一般公共服务支出\t5.00\n", "t.txt")
    cov = coverage(doc, [{"name": "收支总表", "unit": "万元"}, {"name": "收入总表", "unit": "万元"}], pack)
    assert cov["found"] == 1 and cov["misses"] == ["收入总表"]
    wrong_unit = coverage(doc, [{"name": "收支总表", "unit": "元"}], pack)
    assert wrong_unit["found"] == 0
    st = structure(doc, [{"name": "收支总表", "unit": "万元", "rows": 2, "total": {"label": "合计", "value": 5.0},
                          "samples": [{"label": "一般公共服务支出", "level": 1, "parent": None, "value": 6.0}]}], pack)
    assert st["checks"] == 8 and st["right"] == 7 and "value" in st["wrong"][0]


def test_parsing_one_pdf_imports_no_torch_chromadb_or_langchain(tmp_path):
    path = _pdf(tmp_path, [[(100, 100, "收支总表"), (100, 130, "单位：万元")]])
    code = ("import runpy, sys\nsys.argv = ['docqa', 'parse', %r]\ntry:\n    runpy.run_module('docqa', run_name='__main__')\n"
            "except SystemExit:\n    pass\nheavy = sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'chromadb', "
            "'langchain', 'langchain_core', 'sentence_transformers'})\nprint('HEAVY', heavy)\n") % str(path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert "HEAVY []" in out.stdout, out.stdout[-500:] + out.stderr[-2000:]


def test_unit_printed_in_a_cell_or_inherited_from_siblings_never_silently_defaulted():
    doc = parse_text_string("收支总表\n单位：元\n项目\t金额\n合计\t5.00\n\n支出总表\n项目\t金额\n合计\t5.00\n\n"
                            "绩效目标表\n项目名称\t甲\n资金金额（万元）\t5\n", "t.txt")
    units = [(t.title, t.unit, t.unit_source) for t in doc.tables]
    assert units == [("收支总表", "元", "printed"), ("支出总表", "元", "inherited"), ("绩效目标表", "万元", "printed")]
    bare = parse_text_string("支出总表\n项目\t金额\n合计\t5.00\n", "t.txt")
    assert bare.tables[0].unit is None and bare.tables[0].unit_source is None


def test_unit_names_and_code_column_after_the_label_column():
    grid = [GridRow(["预算单位", "科目编码", "科目名称", "合计"]), GridRow(["某某局", "", "", "9.00"]),
            GridRow(["", "201", "一般公共服务支出", "9.00"]), GridRow(["", "20101", "人大事务", "9.00"])]
    t = build_table(table_id="t1", title="支出总表", unit="万元", grid=grid)
    assert [(r.label, r.code, r.level) for r in t.rows] == [("某某局", None, 1), ("一般公共服务支出", "201", 2),
                                                           ("人大事务", "20101", 3)]
    assert t.columns == ["预算单位", "科目编码", "科目名称", "合计"] and t.lines == 3


def test_a_kuan_code_printed_by_its_own_two_digits_takes_its_class():
    grid = [GridRow(["功能科目编码", "功能科目名称", "合计"]), GridRow(["201", "一般公共服务支出", "5.00"]),
            GridRow(["10", "人力资源事务", "5.00"]), GridRow(["2011007", "博士后日常经费", "5.00"])]
    rows = build_table(table_id="t1", title="支出表", unit="万元", grid=grid).rows
    assert [(r.code, r.level, r.parent) for r in rows] == [("201", 1, None), ("20110", 2, 0), ("2011007", 3, 1)]


def test_a_unit_no_line_prints_is_inferred_from_the_narrative_magnitude():
    doc = parse_text_string("本年支出合计9,101.68万元。\n\n支出总表\n项目\t金额\n合计\t91,016,775.35\n", "t.txt")
    t = doc.tables[0]
    assert (t.unit, t.unit_source) == ("元", "inferred")
    doc = parse_text_string("本年支出合计9,101.68万元。\n\n支出总表\n项目\t金额\n合计\t9,101.68\n", "t.txt")
    assert (doc.tables[0].unit, doc.tables[0].unit_source) == ("万元", "inferred")



def test_a_small_table_without_a_total_takes_the_unit_its_amounts_are_stated_in():
    # a table of years by part printed beside the narrative, after a table in 元: its amounts are the narrative's 万元
    text = ("收入总计1,899.90万元，其中基本支出183.93万元。\n\n收支总表\n单位：元\n项目\t金额\n合计\t18,999,000.00\n\n"
            "年度对比\n年度\t总收入支出\t基本支出\n2021\t1493.51\t203.04\n2022\t1899.90\t183.93\n")
    t = parse_text_string(text, "t.txt").tables[1]
    assert (t.unit, t.unit_source) == ("万元", "inferred")
    # one amount alone in common with the narrative is a coincidence, not a unit
    once = text.replace("，其中基本支出183.93万元", "")
    assert parse_text_string(once, "t.txt").tables[1].unit_source == "inherited"

def test_a_department_row_over_its_only_unit_is_nested_not_summed_flat():
    grid = [GridRow(["单位名称", "合计"]), GridRow(["合计", "10.00"]), GridRow(["某某局", "10.00"]),
            GridRow(["某某局本级", "10.00"])]
    t = build_table(table_id="t1", title="支出总表", unit="万元", grid=grid)
    assert [(r.level, r.parent) for r in t.rows] == [(0, None), (1, None), (2, 1)]
    assert problems(t) == []


def test_an_identifier_column_is_not_the_label():
    grid = [GridRow(["项目编号", "项目", "总计"]), GridRow(["", "合计", "9.00"]), GridRow(["A", "货物", "5.00"]),
            GridRow(["C", "服务", "4.00"])]
    t = build_table(table_id="t1", title="政府采购预算明细表", unit="万元", grid=grid)
    assert [r.label for r in t.rows] == ["合计", "货物", "服务"]


def test_a_department_line_over_its_units_without_a_total_line_heads_them():
    grid = [GridRow(["预算单位", "收入总计"]), GridRow(["某某局", "10.00"]), GridRow(["某某局（本级）", "6.00"]),
            GridRow(["某某中心", "4.00"])]
    t = build_table(table_id="t1", title="收入总表", unit="万元", grid=grid)
    assert [(r.level, r.parent) for r in t.rows] == [(1, None), (2, 0), (2, 0)]
