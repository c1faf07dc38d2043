from tests.budgetdoc import EXPENDITURE, make_doc, table


def test_amount_matching_its_cell_is_silent(run_rule):
    assert not run_rule(make_doc("2024年项目支出40.00万元，基本支出60.00万元。"), "narrative.amount_vs_table")


def test_amount_differing_from_the_cell_it_names(run_rule):
    (f,) = run_rule(make_doc("2024年一般行政管理事务预算为45.00万元。"), "narrative.amount_vs_table")
    assert f.severity == "error" and f.expected == 40.0 and f.actual == 45.0
    assert [e.page for e in f.evidence] == [1, 1] and f.evidence[1].table == "部门支出总表"
    assert f.explanation and f.explanation_source == "template"


def test_unmappable_subject_says_nothing(run_rule):
    assert not run_rule(make_doc("机构运转经费预算为45.00万元。"), "narrative.amount_vs_table")
    assert not run_rule(make_doc("上年一般行政管理事务为45.00万元。"), "narrative.amount_vs_table")


def test_generic_subject_inherits_the_item_path(run_rule):
    doc = make_doc("“卫生健康支出（类）医疗保障管理事务（款）行政运行（项）”。2024年预算安排65.00万元。")
    assert run_rule(doc, "narrative.amount_vs_table")


def test_yuan_tables_compare_at_wanyuan_precision(run_rule):
    t = table("部门支出总表", ["科目编码", "科目名称", "合计"],
              [["", "合计", "1,234,567.00"], ["2101501", "行政运行", "1,234,567.00"]], unit="元")
    assert not run_rule(make_doc("行政运行预算为123.46万元。", tables=[t]), "narrative.amount_vs_table")
    assert run_rule(make_doc("行政运行预算为124.46万元。", tables=[t]), "narrative.amount_vs_table")


def test_unit_slip_is_reported_as_unit(run_rule):
    (f,) = run_rule(make_doc("2024年一般行政管理事务预算为400000.00万元。"), "unit.wan_yuan_slip")
    assert f.kind == "unit" and not run_rule(make_doc("2024年一般行政管理事务预算为400000.00万元。"),
                                           "narrative.amount_vs_table")


def test_a_bare_subject_names_the_grand_total(run_rule):
    # 部门支出总表's 合计 is 100.00: "支出预算" means it, with or without the year and the unit's name.
    assert not run_rule(make_doc("某某局2024年支出预算100.00万元。"), "narrative.amount_vs_table")
    (f,) = run_rule(make_doc("某某局2024年支出预算120.00万元。"), "narrative.amount_vs_table")
    assert f.expected == 100.0 and f.actual == 120.0


def test_a_path_written_with_dashes_names_its_item(run_rule):
    doc = make_doc("“卫生健康支出-医疗保障管理事务-行政运行”科目65.00万元，用于日常运转。")
    (f,) = run_rule(doc, "narrative.amount_vs_table")
    assert f.expected == 60.0 and f.actual == 65.0
    assert not run_rule(make_doc("“卫生健康支出-医疗保障管理事务-行政运行”科目60.00万元。"), "narrative.amount_vs_table")


def test_income_and_expenditure_both_totalling(run_rule):
    assert run_rule(make_doc("2024年收、支总计均为120.00万元。"), "narrative.amount_vs_table")
    assert not run_rule(make_doc("2024年收、支总计均为100.00万元。"), "narrative.amount_vs_table")


def test_one_sources_income_and_expenditure_are_one_figure(run_rule):
    fiscal = table("财政拨款收支总表", ["收入", "金额", "支出", "金额"],
                   [["一般公共预算拨款", "90.00", "卫生健康支出", "100.00"], ["上年结转", "10.00", "", ""],
                    ["收入总计", "100.00", "支出总计", "100.00"]])
    # The carry-over is folded into "一般公共预算收支预算": the source's own income is 90.00.
    (f,) = run_rule(make_doc("2024年一般公共预算收支预算100.00万元。", tables=[fiscal]), "narrative.amount_vs_table")
    assert f.expected == 90.0 and f.actual == 100.0
    assert not run_rule(make_doc("2024年一般公共预算收支预算90.00万元。", tables=[fiscal]), "narrative.amount_vs_table")


def test_a_sangong_item_is_read_against_the_sangong_table(run_rule):
    sangong = table("“三公”经费预算表", ["合计", "因公出国（境）费", "公务用车运行费", "公务接待费"],
                    [["5.00", "0.00", "3.00", "2.00"]])
    economic = table("基本支出表", ["科目编码", "科目名称", "合计"],
                     [["", "合计", "9.00"], ["302", "商品和服务支出", "9.00"], ["30231", "公务用车运行维护费", "9.00"]])
    # The economic table counts basic expenditure only; the 三公 table words the item shorter.
    doc = make_doc("“三公”经费中，公务用车运行维护费3.00万元。", tables=[EXPENDITURE, economic, sangong])
    assert not run_rule(doc, "narrative.amount_vs_table")
    doc = make_doc("“三公”经费中，公务用车运行维护费4.00万元。", tables=[EXPENDITURE, economic, sangong])
    (f,) = run_rule(doc, "narrative.amount_vs_table")
    assert f.expected == 3.0


def test_a_sangong_item_headed_short_under_its_group(run_rule):
    sangong = table("“三公”经费预算表", ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
                    [["", "", "小计", "购置费", "运行费", ""], ["30.00", "0.00", "28.00", "25.00", "3.00", "2.00"]])
    ok = make_doc("“三公”经费预算30.00万元，其中：公务用车购置费25.00万元。", tables=[EXPENDITURE, sangong])
    assert not run_rule(ok, "narrative.amount_vs_table")
    bad = make_doc("“三公”经费预算30.00万元，其中：公务用车购置费75.00万元。", tables=[EXPENDITURE, sangong])
    (f,) = run_rule(bad, "narrative.amount_vs_table")
    assert f.expected == 25.0 and f.actual == 75.0


def test_an_amount_ten_thousand_times_a_row_the_sentence_names(run_rule):
    # No label maps "购置费", but the sentence names the row (公务用车) whose amount is 1/10,000 of it.
    purchase = table("政府采购支出表", ["项目名称", "合计"], [["合计", "0.18"], ["公务用车更新配备", "0.18"]])
    doc = make_doc("2024年安排购置公务用车1辆，购置费1800.00万元。", tables=[EXPENDITURE, purchase])
    (f,) = run_rule(doc, "unit.wan_yuan_slip")
    assert f.expected == 0.18
    # 18 times the largest figure of the document is not enough alone: the sentence must name the row.
    assert not run_rule(make_doc("2024年安排购置办公设备，购置费1800.00万元。", tables=[EXPENDITURE, purchase]),
                     "unit.wan_yuan_slip")


def test_a_rounded_wanyuan_figure_written_ten_thousand_times_over_is_a_slip(run_rule):
    # The table prints 782,855.28 元 (78.29 万元 rounded): 782,900.00 "万元" is 78.29 ×10,000, a slip whose trailing
    # zeros carry no digits (783,000.00 is 78.3 ×10,000, the cell's rounding too); 784,000.00 is 78.4 ×10,000,
    # which the cell does not round to.
    t = table("部门支出总表", ["科目编码", "科目名称", "合计"],
              [["", "合计", "782,855.28"], ["2101501", "行政运行", "782,855.28"]], unit="元")
    (f,) = run_rule(make_doc("行政运行预算为782900.00万元。", tables=[t]), "unit.wan_yuan_slip")
    assert f.kind == "unit" and f.expected == 78.2855
    assert run_rule(make_doc("行政运行预算为782855.28万元。", tables=[t]), "unit.wan_yuan_slip")
    assert run_rule(make_doc("行政运行预算为783000.00万元。", tables=[t]), "unit.wan_yuan_slip")
    assert not run_rule(make_doc("行政运行预算为784000.00万元。", tables=[t]), "unit.wan_yuan_slip")


PROCUREMENT = table("2024年政府采购预算明细表", ["项目编号", "总计", "一般公共预算拨款收入", "事业收入"],
                    [["合计", "100.00", "30.00", "70.00"], ["货物", "60.00", "30.00", "30.00"],
                     ["服务", "40.00", "", "40.00"]])


def test_a_procurement_row_named_with_the_tables_subject(run_rule):
    # 货物 is named 政府采购货物; the total is the table's 总计; a 0 stands against a blank cell of its row.
    text = "政府采购预算总额{}万元：政府采购货物预算{}万元、政府采购服务预算40.00万元；其中一般公共预算拨款政府采购" \
           "30.00万元：政府采购货物预算30.00万元、政府采购服务预算0万元。"
    assert not run_rule(make_doc(text.format("100.00", "60.00"), tables=[EXPENDITURE, PROCUREMENT]),
                        "narrative.amount_vs_table")
    (f,) = run_rule(make_doc(text.format("100.00", "66.00"), tables=[EXPENDITURE, PROCUREMENT]),
                    "narrative.amount_vs_table")
    assert f.actual == 66.0 and f.expected == 60.0
    (f,) = run_rule(make_doc(text.format("110.00", "60.00"), tables=[EXPENDITURE, PROCUREMENT]),
                    "narrative.amount_vs_table")
    assert f.actual == 110.0 and f.expected == 100.0


def test_the_sangong_total_in_a_section_about_one_funding_source(run_rule):
    # The section is about 一般公共预算 money, yet “三公”经费 names the 三公 table's own total, not a bare 支出 (the
    # table's title, 财政拨款“三公”经费支出情况表, names it longer than the text does).
    sangong = table("2024年财政拨款“三公”经费支出情况表", ["合计", "因公出国（境）费", "公务接待费"], [["10.00", "4.00", "6.00"]])
    doc = "四、一般公共预算财政拨款支出情况说明\n\n2024年“三公”经费预算{}万元。"
    assert not run_rule(make_doc(doc.format("10.00"), tables=[EXPENDITURE, sangong]), "narrative.amount_vs_table")
    (f,) = run_rule(make_doc(doc.format("12.00"), tables=[EXPENDITURE, sangong]), "narrative.amount_vs_table")
    assert f.expected == 10.0 and f.actual == 12.0


def test_a_list_is_headed_by_the_amount_right_before_its_listing_word(run_rule):
    # 0万元 two clauses before 其中 heads nothing: 一般行政管理事务 is read against its row, not dropped as larger.
    doc = make_doc("政府性基金拨款0万元，2024年支出预算100.00万元，其中一般行政管理事务预算45.00万元。")
    (f,) = run_rule(doc, "narrative.amount_vs_table")
    assert f.expected == 40.0 and f.actual == 45.0


def test_parts_printed_as_zero_add_no_rounding(run_rule):
    # 22.79 + 0 + 0 exceeds 21.54: the zeros are nothing, not figures rounded to the 万元.
    text = "政府采购预算21.54万元。其中：货物类预算{}万元，工程类预算0万元，服务类预算0万元。"
    (f,) = run_rule(make_doc(text.format("22.79")), "narrative.parts_sum")
    assert f.expected == 21.54 and f.actual == 22.79
    assert not run_rule(make_doc(text.format("21.54")), "narrative.parts_sum")


def test_a_scope_word_in_an_earlier_statement_does_not_narrow_a_funding_source(run_rule):
    # 项目 belongs to the statement before the semicolon; the 一般公共预算拨款 after it is the unit's.
    fiscal = table("财政拨款收支总表", ["收入", "金额", "支出", "金额"],
                   [["一般公共预算拨款", "100.00", "卫生健康支出", "100.00"], ["收入总计", "100.00", "支出总计", "100.00"]])
    text = "财政拨款收入100.00万元，主要原因是项目增加；财政拨款支出100.00万元，其中一般公共预算拨款支出{}万元。"
    assert not run_rule(make_doc(text.format("100.00"), tables=[EXPENDITURE, fiscal]), "narrative.amount_vs_table")
    (f,) = run_rule(make_doc(text.format("120.00"), tables=[EXPENDITURE, fiscal]), "narrative.amount_vs_table")
    assert f.expected == 100.0 and f.actual == 120.0


def test_a_procurement_total_read_in_its_money_column(run_rule):
    # No column is headed 合计: the 合计 row's figure stands under 预算金额 (in 元), beside a 数量 column.
    purchases = table("部门综合预算政府采购（资产配置、购买服务）预算表", ["采购目录", "数量", "预算金额"],
                      [["合计", "3", "1,500,000.00"], ["台式计算机", "2", "1,000,000.00"], ["打印机", "1", "500,000.00"]],
                      unit="元")
    text = "当年本部门政府采购预算共{}万元。"
    assert not run_rule(make_doc(text.format("150.00"), tables=[EXPENDITURE, purchases]), "narrative.amount_vs_table")
    (f,) = run_rule(make_doc(text.format("170.00"), tables=[EXPENDITURE, purchases]), "narrative.amount_vs_table")
    assert f.expected == 150.0 and f.actual == 170.0
