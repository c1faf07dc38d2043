"""rules/checks/cross_table.py: the same quantity in two tables."""
from tests.budgetdoc import make_doc, table

RULE = "cross_table.economic_vs_functional"


def _doc(gpb: str | None, all_funds: str, basic: str):
    head = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    rows = lambda v: [["", "合计", v, v, ""], ["221", "住房保障支出", v, v, ""],  # noqa: E731
                      ["22102", "住房改革支出", v, v, ""], ["2210201", "住房公积金", v, v, ""]]
    tables = [table("部门支出总表", head, rows(all_funds))]
    if gpb is not None:
        tables.append(table("一般公共预算支出表", head, rows(gpb)))
    return make_doc(tables=tables + [table("一般公共预算基本支出表", ["科目编码", "科目名称", "合计"],
                                           [["", "合计", basic], ["301", "工资福利支出", basic],
                                            ["30113", "住房公积金", basic]])])


def test_the_economic_item_is_read_against_the_general_budget_functional_item(run_rule):
    assert not run_rule(_doc("34.59", "40.00", "34.59"), RULE)
    (f,) = run_rule(_doc("34.59", "40.00", "34.81"), RULE)
    assert f.severity == "warning" and {f.expected, f.actual} == {34.59, 34.81}
    # The all-funds table is another scope: it does not mask a difference with the general-budget table.
    (g,) = run_rule(_doc("34.59", "34.81", "34.81"), RULE)
    assert {g.expected, g.actual} == {34.59, 34.81}


def test_without_a_general_budget_table_the_units_table_stands_in(run_rule):
    assert not run_rule(_doc(None, "34.81", "34.81"), RULE)
    assert run_rule(_doc(None, "40.00", "34.81"), RULE)
