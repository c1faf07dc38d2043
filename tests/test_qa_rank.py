"""The largest or smallest item within one document: children found by codes or, in a table that prints none, by
the sums a correct table obeys."""
from index.chunk import Chunk
from qa.rank import _groups, _summed_children


def _row(label: str, value: float, table: str = "基本支出表", code: str | None = None) -> Chunk:
    return Chunk(id=label + table, source="a.txt", kind="row", pages=[1], text=label, table=table, unit="万元",
                 label=label, code=code, entity="示例局", facts=[{"column": "合计", "value": value, "raw": value,
                                                                 "unit": "万元"}])


def test_children_are_the_rows_that_add_up_to_a_row():
    rows = [_row("工资福利支出", 30.0), _row("基本工资", 20.0), _row("津贴补贴", 10.0),
            _row("商品和服务支出", 6.5), _row("办公费", 1.5), _row("水费", 2.0), _row("电费", 3.0)]
    found = {head.label: [k.label for k in kids] for head, kids in _summed_children(rows)}
    assert found == {"工资福利支出": ["基本工资", "津贴补贴"], "商品和服务支出": ["办公费", "水费", "电费"]}


def test_rows_that_do_not_add_up_are_not_children():
    rows = [_row("商品和服务支出", 9.0), _row("办公费", 1.5), _row("水费", 2.0), _row("电费", 3.0)]
    assert _summed_children(rows) == []


def test_a_tables_top_items_leave_out_the_total_and_the_children():
    rows = [_row("示例局", 36.5), _row("工资福利支出", 30.0), _row("基本工资", 20.0), _row("津贴补贴", 10.0),
            _row("商品和服务支出", 6.5), _row("办公费", 1.5), _row("水费", 2.0), _row("电费", 3.0)]
    tables = [(name, items) for name, kind, _, items in _groups(rows) if kind == "table"]
    assert [[r.label for r in items] for _, items in tables] == [["工资福利支出", "商品和服务支出"]]


def test_the_amount_of_a_row_is_not_a_count_printed_before_it():
    from qa.rank import _amount

    row = Chunk(id="t", source="a.txt", kind="row", pages=[1], text="值班业务培训", table="培训费明细表", unit="万元",
                label="值班业务培训", facts=[{"column": "人数", "value": 65.0, "raw": 65.0, "unit": "万元"},
                                             {"column": "金额", "value": 9.0, "raw": 9.0, "unit": "万元"}])
    assert _amount(row) == 9.0


def test_the_level_a_question_asks():
    from qa.rank import _level

    assert _level("一般公共预算支出按功能科目看，金额最大的是哪一项？") == "项"
    assert _level("几大类项目支出中哪一类预算最多？") == "类"
    assert _level("哪个单位的车最多？") is None
