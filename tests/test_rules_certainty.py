"""Issue 14: an error only on a certain evidence chain; doubts make a warning that says what is uncertain;
rounding (truncated or nudged percentages) is info. Documents are built with our own wording."""
from rules.engine import check_document
from tests.budgetdoc import EXPENDITURE, make_doc, table

NOT_PRINTED = table("部门支出总表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                    [["", "合计", "100.00", "60.00", "40.00"], ["2101502", "一般行政管理事务", "40.00", "", "40.00"]],
                    unit="")


def test_an_error_carries_its_certain_basis_in_the_json(run_rule):
    (f,) = run_rule(make_doc("2024年一般行政管理事务预算为45.00万元。"), "narrative.amount_vs_table")
    data = f.model_dump()
    assert data["severity"] == "error" and data["certainty"]["level"] == "certain" and data["certainty"]["reasons"]


def test_a_subject_narrower_than_the_label_is_a_warning_naming_the_doubt(run_rule):
    (f,) = run_rule(make_doc("2024年信访一般行政管理事务预算为45.00万元。"), "narrative.amount_vs_table")
    assert f.severity == "warning" and f.certainty.level == "uncertain"
    assert any("信访" in r for r in f.certainty.reasons) and "存疑" in f.message


def test_an_item_never_falls_back_to_the_tables_grand_total(run_rule):
    # The paragraph is about one item (its code in brackets): 基本支出 here is that item's, not the 合计 row's.
    doc = make_doc("（1）一般行政管理事务（2101502）40.00万元。具体为：基本支出5.00万元，项目支出35.00万元。")
    assert not run_rule(doc, "narrative.amount_vs_table")
    # Said of the whole unit, the same words are checked against the 合计 row.
    assert run_rule(make_doc("2024年本部门基本支出65.00万元。"), "narrative.amount_vs_table")


def test_a_fund_tables_columns_answer_only_sentences_about_that_fund(run_rule):
    fund = table("政府性基金预算支出表", ["单位名称", "合计", "基本支出", "项目支出"], [["某某局", "0.00", "0.00", "0.00"]])
    other = table("部门收入总表", ["项目", "金额"], [["合计", "100.00"]])
    doc = make_doc("2024年本部门安排项目经费75.00万元，其中项目支出75.00万元。", tables=[other, fund])
    assert not run_rule(doc, "narrative.amount_vs_table")


def test_a_table_with_no_printed_unit_is_uncertain_evidence(run_rule):
    (f,) = run_rule(make_doc("2024年一般行政管理事务预算为45.00万元。", tables=[NOT_PRINTED]),
                    "narrative.amount_vs_table")
    assert f.severity == "warning" and any("未印金额单位" in r for r in f.certainty.reasons)


def test_truncated_and_nudged_shares_are_info(run_rule):
    # 34.59 / 719.68 = 4.806%: printed 4.80% is cut off, not rounded.
    cut = make_doc("支出合计719.68万元，其中：住房保障支出34.59万元，占4.80%。")
    (f,) = run_rule(cut, "percentage.share")
    assert f.severity == "info" and "截尾" in f.message
    # 100/300 and 200/300 are 33.33% and 66.67%; printed 33.32% and 66.68% still add to 100: a nudge.
    nudged = make_doc("支出合计300.00万元，其中：基本支出100.00万元，占33.32%；项目支出200.00万元，占66.68%。")
    assert {f.severity for f in run_rule(nudged, "percentage.share")} == {"info"}
    wrong = make_doc("支出合计300.00万元，其中：基本支出100.00万元，占35.00%；项目支出200.00万元，占65.00%。")
    assert "error" in {f.severity for f in run_rule(wrong, "percentage.share")}


def test_a_rate_in_brackets_after_the_change_is_checked(run_rule):
    ok = make_doc("公务接待费8.60万元，较上年增加1.50万元（21.13%）。")
    bad = make_doc("公务接待费8.60万元，较上年增加1.50万元（1.21%）。")
    assert not run_rule(ok, "percentage.change_rate")
    (f,) = run_rule(bad, "percentage.change_rate")
    assert f.severity == "error" and f.expected == 21.13


def test_a_parts_list_ends_where_a_new_statement_starts(run_rule):
    doc = make_doc("2024年本部门收入100.00万元，其中一般公共预算拨款收入100.00万元，2024年本部门支出100.00万元。")
    assert not run_rule(doc, "narrative.parts_sum")
    bad = make_doc("2024年本部门收入100.00万元，其中一般公共预算拨款收入80.00万元、其他收入30.00万元。")
    assert run_rule(bad, "narrative.parts_sum")


def test_roughly_flat_allows_a_small_change(run_rule):
    assert not run_rule(make_doc("培训支出192.08万元，较上年增加0.11万元，与上年基本持平。"), "direction.flat_with_change")
    (f,) = run_rule(make_doc("培训支出192.08万元，较上年增加0.11万元，与上年持平。"), "direction.flat_with_change")
    assert f.severity == "error"


def test_a_unit_slip_needs_the_printed_rounding_to_match(run_rule):
    t = table("部门支出总表", ["科目编码", "科目名称", "合计"], [["", "合计", "568,051.63"], ["2101501", "行政运行", "568,051.63"]])
    assert not run_rule(make_doc("行政运行支出决算56万元。", tables=[t]), "unit.wan_yuan_slip")
    t2 = table("部门支出总表", ["科目编码", "科目名称", "合计"], [["", "合计", "56.81"], ["2101501", "行政运行", "56.81"]])
    assert run_rule(make_doc("行政运行支出568,100.00万元。", tables=[t2]), "unit.wan_yuan_slip")


def test_a_column_number_row_is_header_not_amounts(run_rule):
    t = table("部门收入总表", ["单位名称", "合计", "财政拨款", "其他收入"],
              [["**", "1", "2", "3"], ["合计", "100.00", "90.00", "10.00"], ["某某局", "100.00", "90.00", "10.00"]])
    assert not run_rule(make_doc("说明。", tables=[t]), "arithmetic.column_groups")


def test_a_year_inside_a_bracketed_name_is_not_the_titles_year(run_rule):
    form = table("某某（2021年补助资金）项目绩效自评表", ["指标", "值"], [["产出", "100"]])
    titled = [table(f"2024年{name}", ["项目", "金额"], [["合计", "1.00"]]) for name in ("收入总表", "支出总表")]
    doc = make_doc("2024年部门预算说明。", "2024年预算安排如下。", tables=titled + [form])
    assert not run_rule(doc, "metadata.year")


def test_reports_put_certain_findings_first_within_a_severity():
    doc = make_doc("2024年信访一般行政管理事务预算为45.00万元。", "2024年行政运行预算为65.00万元。")
    warnings = [f for f in check_document(doc).findings if f.severity == "warning"]
    levels = [f.certainty.level for f in warnings]
    assert levels == sorted(levels, key=lambda x: x != "certain")


def test_revenue_and_spending_totals_are_the_grand_total_rows(run_rule):
    overview = table("收支总表", ["项目", "金额"], [["本年收入合计", "100.00"], ["上年结转", "20.00"], ["收入总计", "120.00"]])
    assert not run_rule(make_doc("2024年收、支总计均为120.00万元。", tables=[overview]), "narrative.amount_vs_table")
    (f,) = run_rule(make_doc("2024年收、支总计均为100.00万元。", tables=[overview]), "narrative.amount_vs_table")
    assert f.expected == 120.0


def test_an_item_printed_without_its_parent_is_a_direct_child(run_rule):
    econ = table("一般公共预算基本支出表", ["科目编码", "科目名称", "合计"],
                 [["", "合计", "100.00"], ["301", "工资福利支出", "100.00"], ["30101", "基本工资", "60.00"],
                  ["3010201", "津贴", "25.00"], ["3010202", "补贴", "15.00"]])
    assert not run_rule(make_doc("说明。", tables=[EXPENDITURE, econ]), "arithmetic.hierarchy")
    short = econ.replace("3010202\t补贴\t15.00", "3010202\t补贴\t5.00")
    assert run_rule(make_doc("说明。", tables=[EXPENDITURE, short]), "arithmetic.hierarchy")
