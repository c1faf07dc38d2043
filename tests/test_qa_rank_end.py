"""Where a table's list of items ends: at a total that adds up the rows above it, when other rows follow."""
from index.chunk import Chunk
from qa.rank import _amount, _groups, _is_total
from qa.rank_end import closed_at


def _row(label: str, value: float) -> Chunk:
    return Chunk(id=label, source="a.txt", kind="row", pages=[1], text=label, table="绩效目标表", unit="万元",
                 label=label, entity="示例局", facts=[{"column": "合计", "value": value, "raw": value, "unit": "万元"}])


def test_a_total_adding_up_the_rows_above_it_ends_the_list_before_the_rows_that_follow():
    # a 部门整体支出绩效目标表: its tasks, their 金额合计, then its indicators, whose scores are no items of the tasks'
    rows = [_row("机关运转", 70.0), _row("业务管理", 25.0), _row("业务培训", 5.0), _row("金额合计", 100.0),
            _row("时效指标", 1.0), _row("效益指标", 6.0)]
    assert closed_at(rows, _amount, _is_total) == 3
    [tops] = [items for _, kind, _, items in _groups(rows) if kind == "table"]
    assert [r.label for r in tops] == ["机关运转", "业务管理", "业务培训"]
    # a 合计 the rows above it do not add up to closes nothing; nor one printed last (the list's own end)
    assert closed_at(rows[:3] + [_row("金额合计", 90.0)] + rows[4:], _amount, _is_total) == 6
    assert closed_at(rows[:4], _amount, _is_total) == 4
    # (a single row above a total is no list it adds up)
    assert closed_at([_row("全额", 30.0), _row("合计", 30.0), _row("项目甲", 18.0)], _amount, _is_total) == 3
