"""qa.rank_by finds the column a ranking reads its items by, and the measure that column is in."""
from types import SimpleNamespace

from qa.rank_by import count_unit, named_column


def _rows(*columns: str) -> list:
    return [SimpleNamespace(facts=[{"column": c} for c in columns])] * 2


def test_a_forms_column_is_named_without_its_measure_and_its_form_word():
    # a performance form prints 指标值 and 指标权重(%); "权重最低" names the second
    form = _rows("当年整体绩效目标/指标值", "当年整体绩效目标/指标权重(%)")
    assert named_column("部门整体绩效目标表里，哪一项指标的权重最低？", form, 2026) == "当年整体绩效目标/指标权重(%)"
    # a question naming neither ranks by the row's amount, as before
    assert named_column("部门整体绩效目标表里，哪一项最多？", form, 2026) is None


def test_a_weight_or_share_column_is_ranked_in_percent_a_count_in_its_measure():
    assert count_unit("当年整体绩效目标/指标权重(%)") == "%"
    assert count_unit("执行率%") == "%"
    assert count_unit("参训人数") == "人" and count_unit("合计") == "万元"


def test_a_subtotal_column_is_named_by_what_it_totals():
    from qa.rank_by import column_name

    # a 支出总表 printing its procurement as 2026 年政府采购项目 / 小计 beside the sizes reserved for small firms
    table = _rows("支出总计", "基本支出", "项目支出", "2026 年政府采购项目/小计",
                  "2026 年政府采购项目/其中：2026 年政府采购项目中预留给中小企业的项目资金规模")
    assert column_name("2026 年政府采购项目/小计") == "政府采购项目" and column_name("基本支出") == "基本支出"
    assert named_column("支出总表的政府采购一栏里，哪个项级科目最多？", table, 2026) == "2026 年政府采购项目/小计"
    # …and no other year's: a question of 2025 names no column of 2026
    assert named_column("2025年支出总表的政府采购一栏里，哪个项级科目最多？", table, 2026) is None
    # the part within it, said in the asker's words, is the narrower column (its 其中 and its year are no words of it)
    reserved = "2026 年政府采购项目/其中：2026 年政府采购项目中预留给中小企业的项目资金规模"
    assert column_name(reserved) == "政府采购项目中预留给中小企业的项目资金规模"
    assert named_column("支出总表里，政府采购中预留给中小企业的资金，哪个项级科目最多？", table, 2026) == reserved


def test_a_count_asked_by_its_measure_ranks_by_the_column_counting_it():
    items = [SimpleNamespace(facts=[{"column": "人数", "value": 120.0}, {"column": "金额", "value": 6.0}]),
             SimpleNamespace(facts=[{"column": "人数", "value": 80.0}, {"column": "金额", "value": 12.0}])]
    assert named_column("哪个培训参加的人最多？多少人？", items, 2026) == "人数"
    assert named_column("哪个培训花钱最多？", items, 2026) is None  # (the amounts, as before)


def test_a_column_said_whole_outranks_its_look_alike_said_by_most_of_its_bigrams():
    table = _rows("合计", "人员经费支出", "公用经费支出")  # (公用经费支出 shares 经费支出 with the question)
    assert named_column("公路水路运输下面各个科目里，人员经费支出最多的是哪个", table, 2022) == "人员经费支出"
    # both parts said whole: their whole is ranked, no one column
    assert named_column("人员经费支出和公用经费支出加起来哪个科目最多", table, 2022) is None


def test_a_column_is_said_by_what_it_is_of_past_its_qualifier():
    # a 三公 table that also prints 会议费 and 培训费: its 合计 is all of them; "三公经费预算…哪家最多" ranks the 三公 subtotal
    table = _rows("当年/合计", "当年/一般公共预算拨款安排的“三公”经费预算/小计", "当年/会议费", "当年/培训费")
    assert named_column("“三公”经费预算按下属单位分，哪家单位最多？", table, 2026) == \
        "当年/一般公共预算拨款安排的“三公”经费预算/小计"
    assert named_column("按下属单位分，哪家单位最多？", table, 2026) is None
