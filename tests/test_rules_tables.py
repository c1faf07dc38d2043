"""rules/analysis/tables.py: readings of a table's own structure."""
from rules.analysis.tables import nests_to


def test_amounts_nest_into_levels_that_add_up():
    # 全额 10 over a unit 10 over 通用 3 (1 + 2) and 专用 7 (7): read in levels, the rows make 10.
    assert nests_to([10, 10, 3, 1, 2, 7, 7], 10, 0.01)
    assert nests_to([4, 6], 10, 0.01)  # a flat list is a nesting too
    assert nests_to([10, 10, 3, 1, 2, 7, 7], 11, 0.01) is False
    assert nests_to([10, 4, 6, 5], 16, 0.01) is False  # 10 heads 4 + 6, then 5: 15, never 16


def test_a_long_list_answers_within_its_budget():
    assert nests_to([1.0] * 300, 300.0, 0.01) is True  # the flat reading is tried first
    assert nests_to([1.0] * 300, 305.0, 0.01, budget=2000) is None  # no answer is not a no
