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
