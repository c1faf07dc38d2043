"""rules.semantics.table_type_of: a title is typed by its most specific alias; index.columns: which column keys
the rows."""
from index.grid import GridRow, build_table
from index.hierarchy import sums
from rules.pack import RulePack, TableType, load_pack
from rules.semantics import table_type_of


def table_of(title: str, unit: str, *lines: str):
    """A table built from grid lines whose cells are separated by |."""
    return build_table(table_id="t1", title=title, unit=unit,
                       grid=[GridRow(cells=line.split("|"), page=1) for line in lines])


def _type(title: str, pack: RulePack | None = None) -> str | None:
    tt = table_type_of(title, pack or load_pack())
    return tt.type if tt else None


def test_a_classification_basis_is_more_specific_than_the_fund():
    assert _type("一般公共预算支出表（按经济分类）") == "economic_summary"
    assert _type("一般公共预算支出表（按功能分类）") == "gpb_expenditure"
    assert _type("一般公共预算基本支出表") == "gpb_basic"


def test_an_alias_inside_a_longer_phrase_names_only_part_of_it():
    assert _type("财政拨款收支总表") == "fiscal_overview"
    assert _type("收支总表") == "overview"
    assert _type("项目支出总表") == "project_expenditure"
    # 基本支出 of every fund: narrower than 支出总表, and not the 一般公共预算 table either.
    assert _type("基本支出总表") is None
    assert _type("一般公共预算财政拨款基本支出决算表") == "gpb_basic"
    assert _type("支出决算表") == "expenditure"


def test_containment_and_overlap_work_for_any_pack():
    pack = RulePack(table_types=[
        TableType(type="b", aliases=["甲乙"], require=["丁"]),
        TableType(type="a", aliases=["乙丙"]),
        TableType(type="c", aliases=["戊"]),
    ])
    assert _type("乙丙表", pack) == "a"
    assert _type("甲乙丙表", pack) is None  # 乙丙 is overlapped by 甲乙 starting further left
    assert _type("丁甲乙丙表", pack) == "b"
    assert _type("乙丙戊表", pack) == "a"  # disjoint: the pack's order


def test_a_group_cell_merged_down_gives_way_to_the_column_naming_each_line():
    t = table_of("“三公”经费支出表", "万元", "预算单位|年度|总计|因公出国（境）费", "某单位|2025年|10.00|4.00",
                 "|2026年|12.00|5.00", "|增减变化金额|2.00|1.00")
    assert [r.label for r in t.rows] == ["2025年", "2026年", "增减变化金额"]
    assert [r.values[1:] for r in t.rows] == [[10.0, 4.0], [12.0, 5.0], [2.0, 1.0]]
    assert t.rows[0].cells[0] == "某单位"


def test_a_total_merged_over_an_identifier_column_leaves_it_an_identifier():
    t = table_of("政府采购预算明细表", "万元", "项目编号|项目|总计|一般公共预算拨款收入", "合计||30.00|20.00",
                 "A|货物|20.00|15.00", "C|服务|10.00|5.00")
    assert [r.label for r in t.rows] == ["合计", "货物", "服务"]


def test_lines_repeated_under_each_merged_group_cell_nest_line_by_line():
    t = table_of("“三公”经费支出表", "万元", "预算单位|年度|总计",
                 "某局|2025年|30.00", "|2026年|36.00", "|增减变化金额|6.00",
                 "某局（本级）|2025年|20.00", "|2026年|25.00", "|增减变化金额|5.00",
                 "某中心|2025年|10.00", "|2026年|11.00", "|增减变化金额|1.00")
    assert [r.label for r in t.rows[:3]] == ["2025年", "2026年", "增减变化金额"]
    assert [r.cells[0] for r in t.rows] == ["某局"] * 3 + ["某局（本级）"] * 3 + ["某中心"] * 3
    # Each unit's line belongs to the department's same line: 2026年 of both units under 2026年 of 某局.
    assert [r.parent for r in t.rows] == [None, None, None, 0, 1, 2, 0, 1, 2]
    assert sums(t) is True


def test_a_number_that_is_no_classification_code_stays_in_the_label():
    t = table_of("项目支出表", "万元", "项目名称|金额", "合计|30.00", "12333热线经费|10.00", "208 社会保障和就业支出|20.00")
    assert [(r.code, r.label) for r in t.rows] == [(None, "合计"), (None, "12333热线经费"), ("208", "社会保障和就业支出")]


def test_a_figure_caption_is_not_a_table_title():
    from index import captions  # noqa: PLC0415

    assert captions.looks_like_title("2022年部门预算收支总表")
    assert not captions.looks_like_title("2022年与2021年预算支出对比图")


def test_a_unit_number_column_beside_class_code_columns_is_an_identifier():
    t = table_of("政府采购预算表", "元", "类|款|项|单位编码|采购项目|预算金额", "|||合计|合计|300", "201|33|02|201|某部|300",
                 "201|33|02|201001|某部本级|300", "201|33|02|-|印刷服务|300")
    assert [r.code for r in t.rows[1:]] == ["2013302"] * 3
    assert [r.cells[0] for r in t.rows[1:]] == ["201", "201001", "-"]
    assert t.rows[1].values[0] is None
