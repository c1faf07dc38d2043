"""index/nesting.py: nesting read from the amounts when labels carry no code, ordinal or indentation."""
from index.document import Row
from index.hierarchy import sums
from index.nesting import _forest, regroup
from tests.test_tables_types import table_of


def _rows(pairs: list[tuple[str, float]]) -> list[Row]:
    out = [Row(label=label, values=[v], cells=[f"{v:.2f}"], page=1, level=0 if label == "合计" else 1)
           for label, v in pairs]
    return out


def test_four_levels_without_any_marker_are_read_from_the_sums():
    # unit → category → sub-category → projects, then a second unit: all printed flush left.
    rows = _rows([("合计", 130), ("甲单位", 100), ("类别A", 100), ("子类A1", 100), ("项目1", 60), ("项目2", 40),
                  ("乙单位", 30), ("项目3", 30)])
    regroup(rows)
    assert [r.level for r in rows] == [0, 1, 2, 3, 4, 4, 1, 2]
    assert [r.parent for r in rows] == [None, None, 1, 2, 3, 3, None, 6]


def test_equal_neighbours_stay_siblings_when_the_parent_balances_flat():
    rows = _rows([("合计", 50), ("项目1", 20), ("项目2", 20), ("项目3", 10)])
    regroup(rows)
    assert [r.level for r in rows] == [0, 1, 1, 1]


def test_a_reading_that_cannot_balance_the_parent_is_not_kept():
    # Flat rows over-count the total, but no nesting makes every head the sum of its run: left as printed.
    rows = _rows([("合计", 50), ("A", 40), ("B", 30), ("C", 25)])
    regroup(rows)
    assert [r.level for r in rows] == [0, 1, 1, 1]
    assert [r.parent for r in rows] == [None] * 4


def test_a_wrong_head_over_an_equal_neighbour_is_undone():
    # 项目 rows of 20 under a head of 60, then 40: heading one 20 with another leaves the 60 short, so the only
    # balanced reading is the three 20s side by side under it.
    vals = [60, 20, 20, 20, 40]
    assert _forest(vals, 100, [True] * len(vals), 0) == [None, 0, 0, 0, None]
    assert _forest(vals, 100, [True] * len(vals), 0, equal_as_siblings=False) == [None, 0, 0, 0, None]


def test_equal_neighbours_are_read_as_siblings_before_parent_and_child():
    # 200 | 200 | 200 after a unit of 700 = 500 + 200: the second 200 (乙单位) heads the third, not the first.
    vals = [900, 700, 500, 200, 200, 200]
    assert _forest(vals, 900, [True] * len(vals), 0) == [None, 0, 1, 1, 0, 4]


def test_a_procurement_table_grouped_by_fund_then_unit_then_item_sums_again():
    t = table_of("政府采购预算表", "元", "单位编码|采购项目|数量|预算金额", "|合计|4|900", "1|全额|4|900",
                 "101|甲单位|3|700", "|办公设备|2|500", "|印刷服务|1|200", "102|乙单位|1|200", "|车辆|1|200")
    # The unit number column is an identifier, never an amount.
    assert t.rows[2].values[0] is None and t.rows[2].cells[0] == "101"
    assert [(r.label, r.level) for r in t.rows] == [("合计", 0), ("全额", 1), ("甲单位", 2), ("办公设备", 3),
                                                   ("印刷服务", 3), ("乙单位", 2), ("车辆", 3)]
    assert sums(t) is True


def test_lines_under_qizhong_are_some_parts_at_most_the_parent():
    t = table_of("收支总表", "万元", "项目|金额", "合计|100.00", "一、财政拨款|100.00", "其中：专项资金|30.00")
    assert [r.parent for r in t.rows] == [None, None, 1]
    assert sums(t) is True
    over = table_of("收支总表", "万元", "项目|金额", "合计|100.00", "一、财政拨款|100.00", "其中：专项资金|130.00")
    assert sums(over) is False
    whole = table_of("收支总表", "万元", "项目|金额", "合计|100.00", "一、财政拨款|100.00", "（一）专项资金|30.00")
    assert sums(whole) is False


def test_numbered_rows_of_one_kind_are_siblings_whatever_their_offset():
    from index.hierarchy import assign  # noqa: PLC0415

    rows = [Row(label=label, values=[1.0], page=1) for label in
            ("财政拨款", "1.一般公共预算拨款", "2.政府性基金预算拨款", "3.国有资本经营预算拨款")]
    # The second numbered label starts further right (wrapped, or centred): still a sibling of the first; all
    # three sit under the unnumbered row printed left of them.
    assign(rows, [0.0, 2.0, 4.0, 2.0])
    assert [r.parent for r in rows] == [None, 0, 0, 0]


def test_a_row_indented_too_far_is_lifted_when_its_sums_say_so():
    rows = _rows([("本级", 100), ("甲", 40), ("乙", 25), ("丙", 35)])
    rows[0].level = 1
    for r in rows[1:]:
        r.level, r.parent = 2, 0
    rows[3].level, rows[3].parent = 3, 2  # 丙 printed further right, as if under 乙 (25 != 35)
    regroup(rows)
    assert [r.parent for r in rows] == [None, 0, 0, 0]
    assert [r.level for r in rows] == [1, 2, 2, 2]


def test_rows_printing_a_unit_number_are_tried_as_the_heads_first():
    # 全额 100 = 甲单位 60 + 乙单位 40; without the numbers, 项目a (60) could as well head 乙单位's lines.
    rows = _rows([("合计", 100), ("全额", 100), ("甲单位", 60), ("项目a", 60), ("乙单位", 40), ("项目b", 40)])
    regroup(rows, [False, True, True, False, True, False])
    assert [r.parent for r in rows] == [None, None, 1, 2, 1, 4]


def test_a_table_spends_a_bounded_number_of_search_steps():
    from index.nesting import _Pool  # noqa: PLC0415

    vals = [60, 20, 20, 20, 40]
    pool = _Pool(1000)
    assert _forest(vals, 100, [True] * len(vals), 0, pool=pool) is not None
    assert 0 < pool.left < 1000  # the steps it took came out of the table's pool
    assert _forest(vals, 100, [True] * len(vals), 0, pool=_Pool(0)) is None  # nothing left: the flat reading stays
