from tests.budgetdoc import EXPENDITURE, make_doc, table


def test_direction_word_contradicted_by_the_rate(run_rule):
    assert run_rule(make_doc("今年支出110.00万元，比上年减少10.00万元，下降10.00%。"), "direction.change_sign")
    assert run_rule(make_doc("今年支出110.00万元，与上年持平，增加10.00万元。"), "direction.flat_with_change")


def test_a_fall_of_everything_while_the_amount_is_all_new(run_rule):
    # 21.54 this year, 21.54 less than last year and 下降100%: only 增加 from a zero base (增长100%) fits.
    assert run_rule(make_doc("采购支出21.54万元，比上年减少21.54万元，下降100%。"), "direction.change_sign")
    assert not run_rule(make_doc("采购支出21.54万元，比上年增加21.54万元，增长100%。"), "direction.change_sign")


def test_a_reason_pointing_the_other_way(run_rule):
    doc = make_doc("今年支出110.00万元，比上年减少10.00万元，下降8.33%。主要原因是：业务经费增加。")
    assert run_rule(doc, "direction.reason")
    assert not run_rule(make_doc(
        "今年支出110.00万元，比上年减少10.00万元，下降8.33%。主要原因是：业务经费减少。"), "direction.reason")
    # A reason that names movements both ways says nothing about the direction.
    assert not run_rule(make_doc(
        "今年支出110.00万元，比上年减少10.00万元，下降8.33%。主要原因是：人员增加，项目压减。"), "direction.reason")


def test_comparison_words(run_rule):
    doc = make_doc("年初预算为80.00万元，支出决算为60.00万元，完成年初预算的75.00%，决算数大于预算数。")
    assert run_rule(doc, "direction.comparison")


def test_vehicle_count_against_its_list(run_rule):
    assert run_rule(make_doc("共有车辆3辆，其中：执法用车1辆，其他用车1辆。"), "count.vehicles")
    assert not run_rule(make_doc("共有车辆2辆，其中：执法用车1辆，其他用车1辆。"), "count.vehicles")


def test_project_count_against_project_table(run_rule):
    projects = table("项目支出表", ["项目名称", "合计"], [["合计", "40.00"], ["甲项目", "30.00"], ["乙项目", "10.00"]])
    assert not run_rule(make_doc("项目支出40.00万元，涉及项目2个。", tables=[EXPENDITURE, projects]), "count.projects")
    assert run_rule(make_doc("项目支出40.00万元，涉及项目3个。", tables=[EXPENDITURE, projects]), "count.projects")


def test_vehicles_listed_as_zero_under_a_catch_all_do_not_add_up(run_rule):
    assert run_rule(make_doc("共有车辆1辆，其中：执法用车0辆，其他用车0辆。"), "count.vehicles")
    # Without a catch-all category the zeros may name other kinds of car than the one the unit has.
    assert not run_rule(make_doc("共有车辆1辆，其中：执法用车0辆、应急用车0辆。"), "count.vehicles")


def test_project_table_with_a_text_column_and_unit_subtotals(run_rule):
    # 项目类型 is words, not amounts; unit rows repeat the unit code that every project row carries.
    projects = table("项目支出表", ["项目名称", "单位编码", "项目类型", "合计"],
                     [["合计", "", "", "40.00"], ["某某局本级", "001001", "", "40.00"],
                      ["甲项目", "001001", "运转类", "30.00"], ["乙项目", "001001", "特定目标类", "10.00"]])
    assert not run_rule(make_doc("项目支出40.00万元，涉及项目2个。", tables=[EXPENDITURE, projects]), "count.projects")
    assert run_rule(make_doc("项目支出40.00万元，涉及项目3个。", tables=[EXPENDITURE, projects]), "count.projects")


def test_empty_table_needs_a_note(run_rule):
    empty = table("政府性基金预算支出表", ["科目编码", "科目名称", "合计"], [["", "合计", ""]])
    assert run_rule(make_doc(tables=[EXPENDITURE, empty]), "completeness.empty_unexplained")
    noted = table("政府性基金预算支出表", ["科目编码", "科目名称", "合计"], [["", "合计", ""]], note="注：本单位故本表无数据。")
    assert not run_rule(make_doc(tables=[EXPENDITURE, noted]), "completeness.empty_unexplained")


def test_placeholders_and_unchosen_alternatives(run_rule):
    assert run_rule(make_doc("收入XX万元，比上年增长（下降）5%。"), "wording.placeholder")
    assert not run_rule(make_doc("收入10.00万元。"), "wording.placeholder")


def test_year_in_a_title_differs(run_rule):
    t = lambda y: table(f"某某局{y}年部门支出总表", ["科目编码", "科目名称", "合计"], [["", "合计", "1.00"]])
    ok = make_doc(tables=[t(2024), t(2024).replace("支出总表", "收入总表"), t(2024).replace("支出总表", "收支总表")])
    assert not run_rule(ok, "metadata.year")
    bad = make_doc(tables=[t(2024), t(2024).replace("支出总表", "收入总表"), t(2022).replace("支出总表", "收支总表")])
    assert run_rule(bad, "metadata.year")


def test_a_titles_year_against_the_narrative_when_other_titles_print_none(run_rule):
    odd = table("2022年项目绩效目标汇总表", ["项目名称", "金额"], [["甲项目", "1.00"]])
    said = ("2024年收入预算100.00万元。", "2024年支出预算100.00万元。")
    assert run_rule(make_doc(*said, tables=[EXPENDITURE, odd]), "metadata.year")
    # One mention of the year is not enough to call the title wrong.
    assert not run_rule(make_doc(said[0], tables=[EXPENDITURE, odd], title="某某局部门预算"), "metadata.year")


def test_a_standalone_title_line_with_another_year(run_rule):
    # The line that titles the part of tables (on a page of its own) is a title too; a sentence naming another
    # year is not one.
    said = ("2024年收入预算100.00万元。", "2024年支出预算100.00万元。", "2024年财政拨款预算100.00万元。")
    (f,) = run_rule(make_doc(*said, "附件：2022年部门综合预算公开报表"), "metadata.year")
    assert f.actual == 2022.0 and f.expected == 2024.0
    assert not run_rule(make_doc(*said, "附件：2024年部门综合预算公开报表"), "metadata.year")
    assert not run_rule(make_doc(*said, "2023年预算执行情况较好，详见附表"), "metadata.year")


def test_same_row_in_two_tables_of_one_scope(run_rule):
    gpb = EXPENDITURE.replace("部门支出总表", "一般公共预算支出表")
    assert not run_rule(make_doc(tables=[EXPENDITURE, gpb]), "cross_table.same_rows")
    skewed = gpb.replace("2101501\t行政运行\t60.00", "2101501\t行政运行\t66.00")
    assert run_rule(make_doc(tables=[EXPENDITURE, skewed]), "cross_table.same_rows")


def test_placeholders_are_grouped_per_paragraph(run_rule):
    fs = run_rule(make_doc("XX局收入XX万元，支出XXX万元。"), "wording.placeholder")
    assert len(fs) == 1 and "共3处" in fs[0].computation


def test_each_empty_table_is_its_own_finding(run_rule):
    fund = table("政府性基金预算支出表", ["科目编码", "科目名称", "合计"], [["", "合计", ""]])
    capital = table("国有资本经营预算支出表", ["科目编码", "科目名称", "合计"], [["", "合计", ""]])
    found = run_rule(make_doc(tables=[EXPENDITURE, fund, capital]), "completeness.empty_unexplained")
    # Two empty tables on one page are two problems, told apart by the table they name.
    assert len(found) == 2 and len({(f.expected, f.actual) for f in found}) == 2


def test_an_empty_table_is_explained_by_a_sentence_about_it_only(run_rule):
    capital = table("国有资本经营预算支出表", ["科目编码", "科目名称", "合计"], [["", "合计", ""]])
    said = "本单位2024年国有资本经营预算支出0.00万元。"
    assert not run_rule(make_doc(said, tables=[EXPENDITURE, capital]), "completeness.empty_unexplained")
    # A nil sentence about another table (the fund table) or a sentence with money explains nothing here.
    for other in ("本单位没有政府性基金预算支出，国有资本经营预算支出10.00万元。",
                  "政府性基金预算财政拨款支出决算为0万元。"):
        assert run_rule(make_doc(other, tables=[EXPENDITURE, capital]), "completeness.empty_unexplained")


def test_missing_sangong_table_is_reported_once_with_its_money(run_rule):
    basic = table("一般公共预算基本支出表", ["科目编码", "科目名称", "合计"],
                  [["", "合计", "60.00"], ["30217", "公务接待费", "8.80"], ["30101", "基本工资", "51.20"]])
    income = EXPENDITURE.replace("部门支出总表", "部门收入总表")
    overview = EXPENDITURE.replace("部门支出总表", "部门收支总表")
    doc = make_doc(tables=[EXPENDITURE, basic, income, overview])
    assert run_rule(doc, "completeness.sangong_missing")
    assert not [f for f in run_rule(doc, "completeness.required_tables") if "三公" in f.message]


def test_same_row_in_tables_that_list_their_unit(run_rule):
    unit_row = "\t合计\t100.00\t60.00\t40.00\n036\t某某局\t100.00\t60.00\t40.00\n"
    exp = EXPENDITURE.replace("\t合计\t100.00\t60.00\t40.00\n", unit_row)
    gpb = exp.replace("部门支出总表", "一般公共预算支出表")
    assert not run_rule(make_doc(tables=[exp, gpb]), "cross_table.same_rows")
    skewed = gpb.replace("2101501\t行政运行\t60.00", "2101501\t行政运行\t66.00")
    assert run_rule(make_doc(tables=[exp, skewed]), "cross_table.same_rows")


def test_same_economic_row_in_two_tables_of_one_scope(run_rule):
    rows = [["", "合计", "60.00"], ["301", "工资福利支出", "60.00"], ["30101", "基本工资", "40.00"],
            ["30102", "津贴补贴", "15.00"], ["30103", "奖金", "5.00"]]
    basic = table("一般公共预算基本支出表", ["科目编码", "科目名称", "合计"], rows)
    econ = basic.replace("一般公共预算基本支出表", "支出经济分类汇总表")
    assert not run_rule(make_doc(tables=[EXPENDITURE, basic, econ]), "cross_table.same_rows")
    assert run_rule(make_doc(tables=[EXPENDITURE, basic, econ.replace("津贴补贴\t15.00",
                                                                                                   "津贴补贴\t18.00")]), "cross_table.same_rows")


def _target_form(cost: str) -> str:
    rows = [["项目资金（万元）", "年度资金总额:", "120.00", ""], ["", "其中：财政拨款", "120.00", ""],
            ["绩效指标", "一级指标", "二级指标", "指标值"], ["", "产出指标", "数量指标", "≥10人"],
            ["", "成本指标", "项目总成本", cost], ["", "成本指标", "车辆单位成本", "≤1800000元"]]
    return table("项目支出绩效目标表", ["项目名称", "甲项目", "", ""], rows)


def test_performance_cost_beyond_the_project_funds(run_rule):
    # 项目总成本 above the form's 年度资金总额 cannot be met; a unit cost is not compared with the whole.
    assert not run_rule(make_doc(tables=[EXPENDITURE, _target_form("≤1200000元")]), "cross_table.performance_cost")
    found = run_rule(make_doc(tables=[EXPENDITURE, _target_form("4800000元")]), "cross_table.performance_cost")
    assert len(found) == 1 and found[0].actual == 480.0 and found[0].expected == 120.0


def test_a_class_in_the_fiscal_overview_against_the_general_budget_table(run_rule):
    from eval.generate import Spec, build, render_text
    from index.text import parse_text_string

    text = render_text(build(Spec(kind="budget", unit="万元", seed=1)))
    line = next(ln for ln in text.splitlines() if "（三）卫生健康支出" in ln)
    cells = line.split("\t")
    changed = "\t".join(cells[:4] + ["650.00"] + cells[5:])  # the 一般公共预算 column only
    assert not run_rule(parse_text_string(text, "fiscal.txt"), "cross_table.fiscal_classes")
    (f,) = run_rule(parse_text_string(text.replace(line, changed), "fiscal.txt"), "cross_table.fiscal_classes")
    assert f.expected == 650.0 and "卫生健康支出" in f.message


def test_a_unit_name_line_naming_another_place_than_the_text(run_rule):
    said = ["示例市气象局2024年收入预算100.00万元。", "示例市气象局2024年支出预算100.00万元。"]
    bad = make_doc(*said, "部门名称：样本市气象局（本级）", title="示例市气象局2024年部门预算")
    (f,) = run_rule(bad, "metadata.entity")
    assert f.actual == "样本市气象局(本级)" and f.expected == "示例市气象局"
    assert not run_rule(make_doc(*said, "部门名称：示例市气象局（本级）", title="示例市气象局2024年部门预算"),
                        "metadata.entity")
    # A superior agency of another level (示例省气象局) is not the same unit under another place name.
    assert not run_rule(make_doc(*said, "部门名称：示例市气象局", "上级单位：示例省气象局", "示例省气象局",
                                 title="示例市气象局2024年部门预算"), "metadata.entity")


def test_the_documents_year_named_in_any_sentence_votes_for_it(run_rule):
    # Cover and one sentence name 2026 (one without 预算, one printed 2026 年); the tables' part says 2024.
    doc = make_doc("某某局2026年部门预算公开说明", "2026 年审计工作重点围绕以下方面展开。", "2024年部门综合预算公开报表",
                   title="某某局")
    (f,) = run_rule(doc, "metadata.year")
    assert f.actual == 2024.0 and f.expected == 2026.0 and f.severity == "warning"


def test_a_placeholder_in_a_table_cell(run_rule):
    form = table("项目支出绩效目标表", ["项目名称", "年度目标"],
                 [["宣传培训", "开展培训12次"], ["执法检查", "完成罚没任务XX万元"]])
    (f,) = run_rule(make_doc(tables=[EXPENDITURE, form]), "wording.placeholder")
    assert f.actual == "XX" and f.evidence[0].table == "项目支出绩效目标表"


def test_a_table_named_with_another_year_in_the_contents(run_rule):
    contents = table("目录", ["表号", "报表名称", "是否空表"],
                     [["表1", "2024年部门支出总表", "否"], ["表2", "2022年政府采购预算表", "是"]])
    said = ("2024年收入预算100.00万元。", "2024年支出预算100.00万元。", "2024年财政拨款预算100.00万元。")
    (f,) = run_rule(make_doc(*said, tables=[EXPENDITURE, contents]), "metadata.year")
    assert f.actual == 2022.0 and f.expected == 2024.0
    assert not run_rule(make_doc(*said, tables=[EXPENDITURE, contents.replace("2022年", "2024年")]), "metadata.year")


def test_the_cover_title_votes_for_the_documents_year(run_rule):
    # The cover and the tables' part heading are the only places naming a year: the cover is the document's own.
    (f,) = run_rule(make_doc("2022年部门综合预算公开报表", title="某某局2024年部门预算公开说明"), "metadata.year")
    assert f.actual == 2022.0 and f.expected == 2024.0
