from tests.budgetdoc import EXPENDITURE, make_doc, table


def test_clean_table_adds_up(run_rule):
    assert not run_rule(make_doc(), "arithmetic")


def test_hierarchy_item_changed_breaks_its_parent(run_rule):
    doc = make_doc(tables=[EXPENDITURE.replace("2101502\t一般行政管理事务\t40.00", "2101502\t一般行政管理事务\t45.00")])
    f = run_rule(doc, "arithmetic.hierarchy")
    assert f and f[0].severity == "error" and "45.00" in f[0].computation


def test_total_row_against_top_level_rows(run_rule):
    doc = make_doc(tables=[EXPENDITURE.replace("\t合计\t100.00", "\t合计\t120.00")])
    assert run_rule(doc, "arithmetic.total_row")


def test_column_group_basic_equals_personnel_plus_public(run_rule):
    t = table("一般公共预算基本支出表", ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
              [["", "合计", "10.00", "7.00", "3.00"], ["30101", "基本工资", "7.00", "7.00", ""],
               ["30201", "办公费", "3.00", "", "3.00"]])
    assert not run_rule(make_doc(tables=[t]), "arithmetic.column_groups")
    bad = t.replace("30201\t办公费\t3.00\t\t3.00", "30201\t办公费\t3.00\t\t3.50")
    assert run_rule(make_doc(tables=[bad]), "arithmetic.column_groups")


def test_rounding_allows_one_unit_per_summand(run_rule):
    doc = make_doc(tables=[EXPENDITURE.replace("2101502\t一般行政管理事务\t40.00", "2101502\t一般行政管理事务\t40.01")])
    assert not run_rule(doc, "arithmetic.hierarchy")


def test_parts_exceeding_their_whole(run_rule):
    doc = make_doc("收入合计30.00万元，其中：财政拨款25.00万元；事业收入10.00万元。")
    assert run_rule(doc, "narrative.parts_sum")
    assert not run_rule(make_doc("收入合计30.00万元，其中：财政拨款20.00万元；事业收入10.00万元。"), "narrative.parts_sum")


def _overview(income_total: str) -> str:
    # A two-sided 收支总表: income on the left, expenditure on the right, both sides closing with 总计.
    return table("收入支出总表", ["项目", "金额", "项目", "金额"],
                 [["一般公共预算拨款", "100.00", "基本支出", "60.00"],
                  ["", "", "项目支出", "40.00"],
                  ["总计", income_total, "总计", "100.00"]])


def test_both_sides_of_the_overview_close_on_the_same_total(run_rule):
    assert not run_rule(make_doc("说明。", tables=[_overview("100.00")]), "arithmetic.overview_totals")
    (f,) = run_rule(make_doc("说明。", tables=[_overview("120.00")]), "arithmetic.overview_totals")
    assert f.expected == 120.0 and f.actual == 100.0


def _projects(total: str) -> str:
    return table("项目支出表", ["项目名称", "金额"], [["档案整理", "30.00"], ["系统运维", "10.00"], ["合计", total]])


def test_a_plain_list_closes_on_its_total(run_rule):
    assert not run_rule(make_doc(tables=[EXPENDITURE, _projects("40.00")]), "arithmetic.list_total")
    (f,) = run_rule(make_doc(tables=[EXPENDITURE, _projects("48.00")]), "arithmetic.list_total")
    assert f.expected == 40.0 and f.actual == 48.0 and "30.00" not in f.message


def test_a_list_whose_unit_named_rows_are_leaves(run_rule):
    # 某某局-综合定额 names a unit but is a purchase line of its own: all rows add up to the 合计.
    purchase = table("政府采购支出表", ["项目名称", "合计"],
                     [["公务用车更新配备", "18.00"], ["某某局-综合定额（行政）", "0.60"],
                      ["某某中心-综合定额（事业）", "0.40"], ["合计", "19.00"]])
    assert not run_rule(make_doc(tables=[EXPENDITURE, purchase]), "arithmetic.list_total")
    broken = purchase.replace("合计\t19.00", "合计\t21.00")
    assert run_rule(make_doc(tables=[EXPENDITURE, broken]), "arithmetic.list_total")


def test_a_continuation_under_a_header_of_another_width_is_not_read_by_column(run_rule):
    head = ["科目名称", "合计", "基本支出", "", "项目支出", ""]
    sub = ["", "", "小计", "人员经费", "小计", "特定目标类"]
    first = table("部门支出预算表", head, [sub, ["合计", "50.00", "30.00", "30.00", "20.00", "20.00"],
                                          ["行政运行", "30.00", "30.00", "30.00", "", ""]])
    # The same title again, one column short: a row shifted by a lost cell must not read as a broken sum.
    rest = table("部门支出预算表", head[:-1], [sub[:-1], ["一般行政管理事务", "20.00", "", "", "20.00"]])
    assert not run_rule(make_doc(tables=[EXPENDITURE, first, rest]), "arithmetic.column_groups")


def test_total_row_of_a_table_listed_by_unit(run_rule):
    # The unit row (its code, then its name) is the only top-level row: the 合计 must equal it.
    def doc(total: str):
        t = table("支出经济分类汇总表", ["科目编码", "科目名称", "合计"],
                  [["", "合计", total], ["036", "某某局", "40.00"], ["30201", "办公费", "25.00"], ["30211", "差旅费", "15.00"]])
        return make_doc(tables=[EXPENDITURE, t])
    assert not run_rule(doc("40.00"), "arithmetic.total_row")
    (f,) = run_rule(doc("44.00"), "arithmetic.total_row")
    assert "各单位合计" in f.message


def _sangong_rows(total: str, bare_of_which: bool = False, total_first: bool = False) -> str:
    # Only the first part of 公务用车购置及运行费 carries 其中; the second follows at the same indentation.
    car = [["其中：", ""], ["公务用车购置费", "3.00"]] if bare_of_which else [["其中：公务用车购置费", "3.00"]]
    rows = [["因公出国（境）费", "2.00"], ["公务接待费", "3.00"], ["公务用车购置及运行费", "5.00"], *car,
            ["公务用车运行费", "2.00"]]
    rows = [["合计", total], *rows] if total_first else [*rows, ["合计", total]]
    return table("“三公”经费支出预算表", ["项目", "金额"], rows)


def test_the_parts_a_of_which_line_opens_are_not_summed_with_their_parent(run_rule):
    for bare in (False, True):
        for first in (False, True):
            doc = make_doc(tables=[EXPENDITURE, _sangong_rows("10.00", bare, first)])
            assert not run_rule(doc, "arithmetic.list_total"), (bare, first)
            (f,) = run_rule(make_doc(tables=[EXPENDITURE, _sangong_rows("12.00", bare, first)]), "arithmetic.list_total")
            assert f.expected == 10.0 and f.actual == 12.0


def test_rows_after_a_of_which_line_that_do_not_close_on_the_parent_are_the_lists_own(run_rule):
    # 其中 opens 3.00 of the car's 5.00 and the next row (4.00) would overshoot it: that row is a list item.
    rows = [["公务用车购置及运行费", "5.00"], ["其中：公务用车购置费", "3.00"], ["公务接待费", "4.00"], ["合计", "9.00"]]
    t = table("“三公”经费支出预算表", ["项目", "金额"], rows)
    assert not run_rule(make_doc(tables=[EXPENDITURE, t]), "arithmetic.list_total")


def _levels(total: str) -> str:
    # A per-unit project list printed in levels the parser cannot nest (no codes, no ordinals, no indentation):
    # 全额 over the unit over its categories over their projects.
    rows = [["合计", total], ["全额", "10.00"], ["某某局", "10.00"], ["通用项目", "3.00"], ["档案整理", "1.00"],
            ["系统运维", "2.00"], ["专用项目", "7.00"], ["执法检查", "7.00"]]
    return table("专项业务经费支出表", ["项目名称", "金额"], rows)


def test_a_list_printed_in_levels_adds_up_once_nested(run_rule):
    assert not run_rule(make_doc(tables=[EXPENDITURE, _levels("10.00")]), "arithmetic.list_total")
    (f,) = run_rule(make_doc(tables=[EXPENDITURE, _levels("12.00")]), "arithmetic.list_total")
    assert f.actual == 12.0


def test_a_list_with_a_blank_row_is_uncertain(run_rule):
    t = table("项目支出表", ["项目名称", "金额"], [["档案整理", "30.00"], ["系统运维", ""], ["合计", "48.00"]])
    (f,) = run_rule(make_doc(tables=[EXPENDITURE, t]), "arithmetic.list_total")
    assert f.severity == "warning" and any("读作空" in r for r in f.certainty.reasons)


def test_a_list_continued_on_a_piece_read_apart_is_uncertain(run_rule):
    t = table("项目支出表", ["项目名称", "金额"], [["合计", "48.00"], ["档案整理", "30.00"], ["系统运维", "10.00"]])
    rest = table("", ["", "", ""], [["网站维护", "8.00", "说明"]])
    (f,) = run_rule(make_doc(tables=[EXPENDITURE, t, rest]), "arithmetic.list_total")
    assert f.severity == "warning" and any("续排" in r for r in f.certainty.reasons)
    (f,) = run_rule(make_doc(tables=[EXPENDITURE, t]), "arithmetic.list_total")
    assert f.severity == "error"


def test_parts_on_another_page_are_cited_there(run_rule):
    # The 款 row closes page 1; its 项 rows run on page 2: both pages prove the sum.
    t = EXPENDITURE.replace("2101501\t行政运行", "\f2101501\t行政运行").replace("一般行政管理事务\t40.00", "一般行政管理事务\t45.00")
    found = run_rule(make_doc(tables=[t]), "arithmetic.hierarchy")
    assert any(sorted({e.page for e in f.evidence}) == [1, 2] for f in found)
