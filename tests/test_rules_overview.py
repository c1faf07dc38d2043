"""rules/checks/overview.py: each side of a 收支总表 adds up (本年合计 = its items; 总计 = 本年合计 + carry-overs)."""
from tests.budgetdoc import make_doc, table

RULE = "arithmetic.overview_sides"


def _overview(income_sub="120.00", income_total="130.00", spend_total="130.00", spend_sub="120.00") -> str:
    # Items print in levels (一、财政拨款 over 1.一般公共预算拨款) and so do the carry-overs: only some nesting adds up.
    return table("收入支出总表", ["项目", "金额", "项目", "金额"],
                 [["一、财政拨款", "100.00", "基本支出", "70.00"], ["1.一般公共预算拨款", "100.00", "项目支出", "50.00"],
                  ["二、事业收入", "20.00", "", ""], ["本年收入合计", income_sub, "本年支出合计", spend_sub],
                  ["上年结转", "10.00", "结转下年", "10.00"], ["1.财政拨款结转", "10.00", "", ""],
                  ["收入总计", income_total, "支出总计", spend_total]])


def findings(run_rule, **kw):
    return run_rule(make_doc("说明。", tables=[_overview(**kw)]), RULE)


def test_a_balanced_overview_says_nothing(run_rule):
    assert not findings(run_rule)


def test_this_years_subtotal_differs_from_its_items(run_rule):
    fs = findings(run_rule, income_sub="125.00", income_total="135.00", spend_total="135.00", spend_sub="125.00")
    assert sorted((f.severity, f.expected, f.actual, f.message.endswith("本年各项之和不符")) for f in fs) == [
        ("error", 120.0, 125.0, True), ("error", 120.0, 125.0, True)]
    assert {f.message.split("“")[1].split("”")[0] for f in fs} == {"本年收入合计", "本年支出合计"}


def test_the_grand_total_differs_from_subtotal_plus_carry_overs(run_rule):
    (f,) = findings(run_rule, spend_total="140.00", income_total="140.00")
    assert (f.expected, f.actual) == (130.0, 140.0) and "支出总计" in f.message
    # Both totals moved together: 收入总计 = 支出总计 still, which overview_totals alone would not see. (The income
    # side is not flagged: 120 + 10 + 10 adds up when the carry-over's own part is read as a second carry-over.)
    assert not run_rule(make_doc("说明。", tables=[_overview(spend_total="140.00", income_total="140.00")]),
                        "arithmetic.overview_totals")
