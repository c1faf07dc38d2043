"""Binding a narrative amount to the table cells it names (rules/analysis/subjects.py, Semantics.lookup): generated
documents in our own wording, one mechanism each, both the silent (amount agrees) and the flagged (amount differs)
side."""
from tests.budgetdoc import EXPENDITURE, make_doc, table

RULE = "narrative.amount_vs_table"


def flagged(run_rule, text: str, tables=(EXPENDITURE,)):
    return [(f.severity, f.expected, f.actual) for f in run_rule(make_doc(text, tables=list(tables)), RULE)]


def test_a_subject_that_prints_its_code_is_the_row_of_that_code(run_rule):
    # The ordinal and the bracketed code are not part of the name; the row with code and name is the cell.
    assert not flagged(run_rule, "（1）行政运行（2101501）60.00万元，较上年增加2.00万元。")
    assert flagged(run_rule, "（1）行政运行（2101501）66.00万元，较上年增加2.00万元。") == [("error", 60.0, 66.0)]


def test_a_code_naming_another_row_falls_back_to_the_name(run_rule):
    # 2101599 is printed nowhere: the name before it is what a reader looks up.
    assert not flagged(run_rule, "（1）行政运行（2101599）60.00万元。")
    assert flagged(run_rule, "（1）行政运行（2101599）61.00万元。") == [("error", 60.0, 61.0)]


ECONOMIC = table("一般公共预算基本支出表", ["科目编码", "科目名称", "合计"],
                 [["", "合计", "30.00"], ["303", "对个人和家庭的补助", "30.00"], ["30302", "退休费", "30.00"]])


def test_a_label_is_found_without_its_particle(run_rule):
    assert not flagged(run_rule, "（三）对个人和家庭补助支出30.00万元，主要是退休费。", [EXPENDITURE, ECONOMIC])
    assert flagged(run_rule, "（三）对个人和家庭补助支出33.00万元，主要是退休费。", [EXPENDITURE, ECONOMIC]) == \
        [("error", 30.0, 33.0)]


def test_bare_basis_words_take_the_heading_before_them(run_rule):
    # “2024年年初预算数” says only which figure; the heading before the colon says of what.
    assert not flagged(run_rule, "（二）支出预算：2024年年初预算数100.00万元。")
    assert flagged(run_rule, "（二）支出预算：2024年年初预算数110.00万元。") == [("error", 100.0, 110.0)]
    # A heading with figures in it is a statement, not a heading: nothing to inherit.
    assert not flagged(run_rule, "支出合计100.00万元。2024年预算数110.00万元。")


# A 三公 table that lists years as rows (年度: 2023年 / 2024年 / 增减), each item under its fund sources.
SANGONG_BY_YEAR = table(
    "财政拨款“三公”经费支出表", ["年度", "总计", "总计", "公务接待费", "公务接待费", "因公出国（境）费", "因公出国（境）费"],
    [["", "一般公共预算", "政府性基金", "一般公共预算", "政府性基金", "一般公共预算", "政府性基金"],
     ["2023年", "9.00", "0.00", "5.00", "0.00", "4.00", "0.00"],
     ["2024年", "7.00", "0.00", "3.00", "0.00", "4.00", "0.00"],
     ["增减变化", "-2.00", "0.00", "-2.00", "0.00", "0.00", "0.00"]])


def test_a_sangong_item_is_read_on_the_row_of_the_documents_year(run_rule):
    tables = [EXPENDITURE, SANGONG_BY_YEAR]
    ok = "“三公”经费说明。1.公务接待费。2024年预算数3.00万元，较上年减少2.00万元。"
    assert not flagged(run_rule, ok, tables)
    bad = ok.replace("预算数3.00", "预算数5.00")  # last year's figure: not this year's cell, nor the change row
    assert flagged(run_rule, bad, tables) and all(f[1] == 3.0 for f in flagged(run_rule, bad, tables))
    # 费用 in the text, 费 in the table.
    assert not flagged(run_rule, "“三公”经费说明。1.因公出国（境）费用。2024年预算数4.00万元。", tables)
    assert flagged(run_rule, "“三公”经费说明。1.因公出国（境）费用。2024年预算数4.50万元。", tables)


def test_the_units_own_budget_income_is_the_grand_total(run_rule):
    income = table("部门收入总表", ["科目名称", "合计", "财政拨款"], [["合计", "100.00", "100.00"]])
    tables = [EXPENDITURE, income]
    assert not flagged(run_rule, "2024年某某局部门预算收入100.00万元。", tables)
    assert flagged(run_rule, "2024年某某局部门预算收入120.00万元。", tables)


def test_a_purpose_clause_does_not_make_the_next_amount_its_part(run_rule):
    # 基本支出 30.00 … 主要用于保障运转；项目支出 70.00: a sibling of 基本支出, not a part of it, so a cell larger
    # than 30.00 may be its cell.
    t = table("部门支出总表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
              [["", "合计", "100.00", "30.00", "70.00"], ["2101501", "行政运行", "100.00", "30.00", "70.00"]])
    text = "其中：基本支出30.00万元，主要用于保障机构运转；项目支出{}万元，主要用于业务工作。"
    assert not flagged(run_rule, text.format("70.00"), [t])
    assert flagged(run_rule, text.format("75.00"), [t])


def test_a_project_row_under_a_unit_is_an_uncertain_match_for_a_bare_subject(run_rule):
    # 专项业务费 is also one project of one unit: a sentence naming it bare may mean the whole.
    listed = table("项目支出表", ["项目名称", "金额"],
                   [["合计", "80.00"], ["某某中心", "80.00"], ["专项业务费", "50.00"], ["设备购置", "30.00"]])
    assert flagged(run_rule, "2024年专项业务费90.00万元。", [EXPENDITURE, listed]) == [("warning", 50.0, 90.0)]
    flat = table("项目支出表", ["项目名称", "金额"], [["合计", "80.00"], ["专项业务费", "50.00"], ["设备购置", "30.00"]])
    assert flagged(run_rule, "2024年专项业务费90.00万元。", [EXPENDITURE, flat]) == [("error", 50.0, 90.0)]


def test_the_units_total_is_not_one_funding_sources_total(run_rule):
    # 财政拨款收支总表's 支出合计 (90.00) is what the fiscal funds pay; the unit's 支出预算 is the 支出总表's 100.00.
    fiscal = table("财政拨款收支总表", ["项目", "合计"], [["支出合计", "90.00"]])
    assert not flagged(run_rule, "（二）支出预算：2024年年初预算数100.00万元。", [EXPENDITURE, fiscal])
    assert flagged(run_rule, "（二）支出预算：2024年年初预算数90.00万元。", [EXPENDITURE, fiscal]) == \
        [("error", 100.0, 90.0)]


def test_a_bare_total_in_a_funding_sources_section_is_not_the_units(run_rule):
    income = table("部门收入总表", ["科目名称", "合计", "财政拨款"], [["合计", "100.00", "100.00"]])
    tables = [EXPENDITURE, income]
    assert flagged(run_rule, "2024年收入预算120.00万元。", tables)
    # The fund's own income (its base not printed here): nothing to compare it with.
    assert not flagged(run_rule, "政府性基金预算拨款年初结转10.00万元，收入预算120.00万元。", tables)


def test_the_grand_total_row_printed_bare_is_the_total(run_rule):
    overview = table("收入支出总表", ["项目", "金额", "项目", "金额"],
                     [["本年收入合计", "100.00", "本年支出合计", "100.00"], ["上年结转", "20.00", "结转下年", "20.00"],
                      ["总计", "120.00", "总计", "120.00"]])
    assert not flagged(run_rule, "2024年收、支总计均为120.00万元。", [EXPENDITURE, overview])
    assert flagged(run_rule, "2024年收、支总计均为130.00万元。", [EXPENDITURE, overview])


def test_a_subject_broken_over_two_paragraphs_is_read_whole(run_rule):
    # …其中一般公共预算 | 拨款政府采购90.00万元: the subject is the general-budget share of procurement, not the whole
    # procurement table (100.00); read whole, its funding source keeps it off the table's total.
    buy = table("2024 年政府采购预算明细表", ["项目", "合计"], [["合计", "100.00"], ["办公设备", "100.00"]])
    tables = [EXPENDITURE, buy]
    text = ("2024年政府采购预算100.00万元，其中一般公共预算", "\f拨款政府采购90.00万元：货物类90.00万元。")
    assert not run_rule(make_doc(*text, tables=tables), RULE)
    # On one page, a paragraph without closing punctuation is a heading, not the start of the next one's subject.
    heading = ("（一）一般公共预算", "拨款政府采购90.00万元：货物类90.00万元。")
    assert flagged(run_rule, "\n\n".join(heading), tables) == [("error", 100.0, 90.0)]
    assert flagged(run_rule, "2024年政府采购预算100.00万元。拨款政府采购90.00万元。", tables) == \
        [("error", 100.0, 90.0)]  # the same words in one paragraph: a bare subject, bound to the total


def test_a_classification_path_never_names_a_project_of_the_same_name(run_rule):
    # 行政运行（项）60.00 is the functional item; 项目支出表 lists a project that happens to share the name (20.00).
    projects = table("项目支出表", ["单位名称", "项目名称", "金额"],
                     [["合计", "", "40.00"], ["某某局", "行政运行", "20.00"], ["某某局", "一般行政管理事务", "20.00"]])
    path = "“卫生健康支出（类）医疗保障管理事务（款）行政运行（项）”{}万元。"
    assert not flagged(run_rule, path.format("60.00"), [EXPENDITURE, projects])
    assert flagged(run_rule, path.format("65.00"), [EXPENDITURE, projects]) == [("error", 60.0, 65.0)]


def test_a_paragraph_opening_with_the_amount_takes_its_subject_from_the_one_before(run_rule):
    # No paragraph opens with a bare amount: the line before (same page) ends with its subject.
    assert flagged(run_rule, "2024年预算安排行政运行\n\n65.00万元，用于机构运转。") == [("error", 60.0, 65.0)]
    assert not flagged(run_rule, "2024年预算安排行政运行\n\n60.00万元，用于机构运转。")


def test_a_reason_after_the_amount_does_not_narrow_its_subject(run_rule):
    income = table("部门收入总表", ["项目", "合计"], [["合计", "100.00"], ["一般公共预算拨款", "100.00"]])
    found = flagged(run_rule, "2024年一般公共预算拨款120.00万元，主要原因是项目增加。", [EXPENDITURE, income])
    assert found == [("warning", 100.0, 120.0)]  # a funding source named bare: uncertain, but read
    assert not flagged(run_rule, "2024年项目一般公共预算拨款120.00万元。", [EXPENDITURE, income])


def test_a_total_said_with_gong(run_rule):
    assert flagged(run_rule, "2024年支出预算共120.00万元。") == [("error", 100.0, 120.0)]
    assert not flagged(run_rule, "2024年支出预算共100.00万元。")
