"""A project's money in the narrative against the project table and its performance self-evaluation form."""
from tests.budgetdoc import EXPENDITURE, make_doc, table


PROJECTS = table("项目支出表", ["类型", "项目名称", "项目单位", "合计"],
                 [["", "", "合计", "40.00"], ["特定目标类", "甲项目", "某某局", "30.00"],
                  ["其他运转类", "乙项目", "某某局", "10.00"]])


def test_a_projects_funds_against_its_row_in_the_project_table(run_rule):
    def doc(amount: str):
        return make_doc("（一）项目情况。", "1. “乙项目”项目。", "（1）年度预算安排。项目预算安排资金" + amount,
                        tables=[EXPENDITURE, PROJECTS])
    assert not run_rule(doc("10.0万元"), "narrative.project_funds")
    (f,) = run_rule(doc("12.0万元"), "narrative.project_funds")
    assert f.expected == 10.0 and f.actual == 12.0 and f.kind == "narrative_vs_table"


def test_funds_of_a_sentence_counting_all_the_projects(run_rule):
    ok = make_doc("本单位纳入绩效管理的项目支出40.00万元，涉及项目2个。", tables=[EXPENDITURE, PROJECTS])
    assert not run_rule(ok, "narrative.project_funds")
    (f,) = run_rule(make_doc("本单位纳入绩效管理的项目支出48.00万元，涉及项目2个。", tables=[EXPENDITURE, PROJECTS]),
                 "narrative.project_funds")
    assert f.expected == 40.0
    # Another number of projects: another set, nothing to compare.
    assert not run_rule(make_doc("本单位纳入绩效管理的项目支出48.00万元，涉及项目3个。", tables=[EXPENDITURE, PROJECTS]),
                     "narrative.project_funds")


def _self_evaluation(prose_amount: str) -> object:
    form = "\n".join([
        "项目支出绩效自评表", "", "项目名称\t\t甲项目（2024年）\t\t", "主管部门\t\t某某局\t\t",
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t执行率",
        "\t年度资金总额：\t20\t18.50\t17.20\t92.97%", "\t财政拨款\t20\t18.50\t17.20\t92.97%", ""])
    return make_doc("甲项目（2024年）项目绩效自评情况：项目绩效自评得分为95分。项目全年预算数为18.50万元，执行数为"
                    + prose_amount + "，完成预算的92.97%。", tables=[EXPENDITURE, form])


def test_self_evaluation_prose_against_its_form(run_rule):
    assert not run_rule(_self_evaluation("17.20万元"), "narrative.performance_funds")
    (f,) = run_rule(_self_evaluation("19.20万元"), "narrative.performance_funds")
    assert f.expected == 17.2 and f.actual == 19.2 and f.kind == "narrative_vs_table"


def test_self_evaluation_figure_ten_thousand_times_its_form(run_rule):
    (f,) = run_rule(_self_evaluation("172000.00万元"), "unit.wan_yuan_slip")
    assert f.expected == 17.2
    assert not run_rule(_self_evaluation("172000.00万元"), "narrative.performance_funds")
