"""The largest or smallest item within one document: children found by codes or, in a table that prints none, by
the sums a correct table obeys."""
from types import SimpleNamespace

from index.chunk import Chunk
from qa.rank import _groups, _summed_children


def _row(label: str, value: float, table: str = "基本支出表", code: str | None = None) -> Chunk:
    return Chunk(id=label + table, source="a.txt", kind="row", pages=[1], text=label, table=table, unit="万元",
                 label=label, code=code, entity="示例局", facts=[{"column": "合计", "value": value, "raw": value,
                                                                 "unit": "万元"}])


def test_a_table_of_headed_halves_is_one_list_per_half_and_a_whole_on_top_is_no_item():
    def half(label: str, value: float, block: str) -> Chunk:
        return _row(label, value, table="收支总表").model_copy(update={"id": label + block, "block": block})

    func, econ = "支出功能分类科目（按大类）", "政府预算支出经济分类科目（按大类）"
    rows = [half("一、部门预算", 310.0, func), half("1、一般公共服务支出", 250.0, func), half("2、住房保障支出", 60.0, func),
            half("本年支出合计", 310.0, func),
            half("一、部门预算", 310.0, econ), half("1、机关工资福利支出", 200.0, econ),
            half("2、机关商品和服务支出", 100.0, econ), half("3、对个人和家庭的补助", 10.0, econ),
            half("本年支出合计", 310.0, econ)]
    tables = {name: [r.label for r in items] for name, kind, _, items in _groups(rows) if kind == "table"}
    assert tables == {func: ["1、一般公共服务支出", "2、住房保障支出"],
                      econ: ["1、机关工资福利支出", "2、机关商品和服务支出", "3、对个人和家庭的补助"]}


def test_the_rows_that_take_the_years_total_to_the_grand_total_are_no_items():
    # a 收支总表's half goes on below 本年支出合计: 结转下年, the money left unspent, 支出总计 (none an item of it)
    rows = [_row("一、部门预算", 310.0, "收支总表"), _row("1、机关工资福利支出", 200.0, "收支总表"),
            _row("2、机关商品和服务支出", 100.0, "收支总表"), _row("3、对个人和家庭的补助", 10.0, "收支总表"),
            _row("本年支出合计", 310.0, "收支总表"), _row("结转下年", 5.0, "收支总表"),
            _row("未安排支出的实户资金", 40.0, "收支总表"), _row("支出总计", 355.0, "收支总表")]
    [tops] = [items for _, kind, _, items in _groups(rows) if kind == "table"]
    assert [r.label for r in tops] == ["1、机关工资福利支出", "2、机关商品和服务支出", "3、对个人和家庭的补助"]


def test_children_are_the_rows_that_add_up_to_a_row():
    rows = [_row("工资福利支出", 30.0), _row("基本工资", 20.0), _row("津贴补贴", 10.0),
            _row("商品和服务支出", 6.5), _row("办公费", 1.5), _row("水费", 2.0), _row("电费", 3.0)]
    found = {head.label: [k.label for k in kids] for head, kids in _summed_children(rows)}
    assert found == {"工资福利支出": ["基本工资", "津贴补贴"], "商品和服务支出": ["办公费", "水费", "电费"]}


def test_heads_each_printing_the_one_below_as_its_single_part_head_the_same_rows():
    rows = [_row("合计", 30.0), _row("全额", 30.0), _row("示例局", 30.0), _row("专用项目", 30.0), _row("项目甲", 18.0),
            _row("项目乙", 12.0)]
    assert {h.label: [k.label for k in kids] for h, kids in _summed_children(rows[1:])} == {
        "全额": ["项目甲", "项目乙"], "示例局": ["项目甲", "项目乙"], "专用项目": ["项目甲", "项目乙"]}
    # …so the table's items are the projects, each head adding them all up
    [tops] = [items for _, kind, _, items in _groups(rows) if kind == "table"]
    assert [r.label for r in tops] == ["项目甲", "项目乙"]


def test_rows_that_do_not_add_up_are_not_children():
    rows = [_row("商品和服务支出", 9.0), _row("办公费", 1.5), _row("水费", 2.0), _row("电费", 3.0)]
    assert _summed_children(rows) == []


def test_a_tables_top_items_leave_out_the_total_and_the_children():
    rows = [_row("示例局", 36.5), _row("工资福利支出", 30.0), _row("基本工资", 20.0), _row("津贴补贴", 10.0),
            _row("商品和服务支出", 6.5), _row("办公费", 1.5), _row("水费", 2.0), _row("电费", 3.0)]
    tables = [(name, items) for name, kind, _, items in _groups(rows) if kind == "table"]
    assert [[r.label for r in items] for _, items in tables] == [["工资福利支出", "商品和服务支出"]]


def test_a_row_named_as_the_department_beside_a_printed_total_is_its_own_office():
    # a 汇总 table by unit: 合计, then the department's own office under the department's name, then its units
    rows = [_row("合计", 36.5, "收入总表"), _row("示例局", 20.0, "收入总表"), _row("深圳市示例中心", 10.0, "收入总表"),
            _row("深圳市示例支队", 6.5, "收入总表")]
    tables = [[r.label for r in items] for _, kind, _, items in _groups(rows) if kind == "table"]
    assert tables == [["示例局", "深圳市示例中心", "深圳市示例支队"]]
    # without a 合计, or printing the 合计's amount, the department's row is the table's total
    for table in (rows[1:], [_row("合计", 20.0, "收入总表")] + rows[1:2] + [_row("深圳市示例中心", 20.0, "收入总表")]):
        tables = [[r.label for r in items] for _, kind, _, items in _groups(table) if kind == "table"]
        assert tables == [[r.label for r in table if r.label.startswith("深圳市")]]


def test_rows_named_as_parts_of_one_thing_are_its_items():
    rows = [_row("合计", 30.0, "项目支出总表"), _row("专项资金-港航领域", 18.0, "项目支出总表"),
            _row("专项资金-民航领域", 10.0, "项目支出总表"), _row("办公楼维修", 2.0, "项目支出总表")]
    named = [(name, [r.label for r in items]) for name, kind, _, items in _groups(rows) if kind == "named"]
    assert named == [("专项资金", ["专项资金-港航领域", "专项资金-民航领域"])]


def test_a_tables_total_is_never_less_than_the_item_it_is_a_total_of():
    from qa.rank import _table_total

    form = "部门整体支出绩效目标表"
    # a form prints rows named after itself (each indicator's line), before the tasks' 合计
    rows = [_row("机关运转", 3354.42, form), _row(form, 130.0, form), _row("合计", 4203.47, form)]
    assert _table_total(rows, form, at_least=3354.42) == 4203.47
    assert _table_total(rows, form) == 130.0  # (no item given: the first row read as a total)


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
    # the level named (项级) or said as the classification's last one (细到最末一级)
    assert _level("一般公共预算按项级功能科目排，第二大的是哪个科目？") == "项"
    assert _level("一般公共预算细到最末一级的功能科目，哪个科目的钱最多？") == "项"
    assert _level("按款级科目看，哪个最多？") == "款"


def test_which_item_is_asked_with_the_measure_word_of_the_thing_ranked():
    from qa.rank_asks import wants_item

    assert wants_item("培训费明细里，哪一场培训预算最多？") and wants_item("哪次会议花钱最多？")
    assert not wants_item("培训费预算是多少？")


def test_rows_that_add_up_every_smaller_one_are_totals_not_items():
    from qa.rank_owner import without_totals

    valued = [(1715.97, "全额"), (1715.97, "西安市气象局"), (654.0, "a"), (493.65, "b"), (305.57, "c"), (220.0, "d"),
              (28.5, "e"), (14.25, "f")]
    assert [c for _, c in without_totals(valued)] == ["a", "b", "c", "d", "e", "f"]
    assert without_totals([(100.0, "x"), (60.0, "y"), (40.0, "z")]) == [(100.0, "x"), (60.0, "y"), (40.0, "z")]


def test_which_project_asks_for_the_projects_themselves():
    from qa.rank import _level

    assert _level("专项业务经费支出表里，哪个项目金额最大？") == "项"
    assert _level("几大类项目支出里，哪一类钱最多？") == "类"
    assert _level("哪一项最多？") == "项"


RANKED = """深圳市示例局2026年部门预算

项目支出总表
单位：万元
项目名称\t总计
合计\t1000.00
信访大厅运行\t400.00
社工服务项目\t350.00
综合管理\t250.00
"""


def test_a_ranking_answers_its_follow_ups_from_the_same_cells(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask
    from qa.rank_follow_ups import ranking_follow_ups

    (tmp_path / "sz-example.txt").write_text(RANKED, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    assert ranking_follow_ups("项目支出中哪一项最多？占全部项目支出的比例是多少？") == ["占全部项目支出的比例是多少"]
    assert ranking_follow_ups("项目支出中哪一项最多？为什么增加？") is None
    share = ask("深圳市示例局2026年项目支出中哪一项最多？占全部项目支出的比例是多少？", tmp_path / "store")
    assert share.answered and share.value == 40.0 and share.unit == "%" and "信访大厅运行" in share.answer
    assert "项目支出的40.00%" in share.answer  # the whole said as a reader says it, not as the table (…总表)
    gap = ask("深圳市示例局2026年项目支出里哪一项最大？比第二名多多少？", tmp_path / "store")
    # (the lead, asked last, is the answer's value, as a share asked last is)
    assert gap.answered and gap.value == 50.0 and gap.unit == "万元" and "“信访大厅运行”，400.00万元" in gap.answer
    assert "多50.00万元" in gap.answer
    # the rank asked, when it is not the first
    second = ask("深圳市示例局2026年项目支出里金额排第二的是哪一项？多少钱？", tmp_path / "store")
    assert second.answered and second.value == 350.0 and "社工服务项目" in second.answer
    assert ask("深圳市示例局2026年项目支出里第二少的是哪一项？", tmp_path / "store").value == 350.0
    # a list the question describes at length, of which the table's name says little, is not that table's rows
    other = ask("深圳市示例局2026年给街道社区老年人助餐、孩子课后托管、残疾人康复训练这些民生项目支出里，哪一项最多？",
                tmp_path / "store")
    assert not other.answered or "信访大厅运行" not in other.answer
    # the top item named by its rank and asked its share in one clause
    one = ask("深圳市示例局2026年项目支出中，最大的一类占了多少比例？", tmp_path / "store")
    assert one.answered and one.value == 40.0 and "信访大厅运行" in one.answer


def test_the_rank_a_question_asks():
    from qa.rank_asks import nth

    assert nth("排第三的是哪个") == 3 and nth("第二大项目是什么") == 2 and nth("仅次于社工服务的是哪项") == 2
    assert nth("哪一项最多？") == 1 and nth("哪一项最多？比第二名多多少？") == 1  # the first, compared with the second


def test_which_item_is_asked_in_the_words_people_use():
    from qa.rank_asks import wants_item

    assert wants_item("项目支出里哪一大类钱最多？") and wants_item("列出的几大块里，哪一块钱最多？")
    assert wants_item("哪部分占得最多？") and not wants_item("项目支出一共多少？")


def test_a_ranking_by_function_reads_the_table_coded_in_the_functional_classification():
    from qa.rank_codes import asked_classification as _asked_classification, classification as _classification

    functional = [_row("教育支出", 5.0, "部门支出总体情况表", "205"), _row("农林水支出", 90.0, "部门支出总体情况表", "213"),
                  _row("住房保障支出", 5.0, "部门支出总体情况表", "221")]
    economic = [_row("工资福利支出", 30.0, "基本支出表", "301"), _row("商品和服务支出", 6.5, "基本支出表", "302")]
    assert _classification(functional) == "功能" and _classification(economic) == "经济3"
    assert _classification([_row("项目甲", 1.0), _row("项目乙", 2.0)]) is None  # no codes: no classification
    assert _asked_classification("支出按功能分类，哪一类最大？") == "功能"
    assert _asked_classification("占比最大的是哪一类功能支出？") == "功能"
    assert _asked_classification("按经济分类哪一项最多？") == "经济" and _asked_classification("哪一项最多？") is None


BY_UNIT = """深圳市示例局2026年部门预算

一般公共预算“三公”经费支出表
单位：万元
单位名称\t合计\t因公出国（境）费\t公务接待费\t公务用车运行维护费
合计\t30.00\t5.00\t10.00\t15.00
深圳市示例局\t20.00\t5.00\t5.00\t10.00
深圳市示例局信息中心\t10.00\t0.00\t5.00\t5.00
"""


def test_rows_that_are_units_are_not_the_items_asked_and_a_sentence_does_not_answer_a_ranking(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(BY_UNIT, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # the items of 三公经费 are the table's columns; its rows are the unit and the unit below it
    a = ask("深圳市示例局2026年“三公”经费里哪一项最多？", tmp_path / "store")
    assert not a.answered and a.value is None and "未作回答" in a.answer
    # nor is a "which one" asked in other words (哪家), answered from a sentence that shares its words
    b = ask("深圳市示例局2026年下属单位里哪家的公务接待费最多？", tmp_path / "store")
    assert not b.answered and b.value is None


BY_UNIT = """深圳市示例局2026年部门预算

专项业务经费支出表
单位：万元
单位名称\t项目金额
合计\t1000.00
深圳市示例局机关\t500.00
档案数字化项目\t500.00
深圳市示例执法支队\t300.00
执法装备购置项目\t300.00
深圳市示例服务中心\t200.00
窗口运行项目\t200.00
"""


def test_which_unit_ranks_the_rows_that_name_units(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask
    from qa.rank import is_unit
    from qa.rank_asks import asks_unit

    assert asks_unit("除了局机关本身，哪个下属单位拿得最多？") and asks_unit("哪家培训费最多？")
    assert asks_unit("局机关之外哪个下属支队（单位）的预算最多") and asks_unit("在各区设的管理局里，哪一个预算最小")
    assert not asks_unit("哪一项最多？") and not asks_unit("哪个项目最多？")
    assert is_unit("深圳市示例执法支队") and not is_unit("执法装备购置项目") and not is_unit("(8)对企业补助")
    (tmp_path / "sz-units.txt").write_text(BY_UNIT, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-units.txt"], tmp_path / "store").errors
    a = ask("深圳市示例局2026年专项业务经费里，除了局机关本身，哪个下属单位最多？多少？", tmp_path / "store")
    assert a.answered and a.value == 300.0 and "执法支队" in a.answer  # not the 500.00 project, nor the office


def test_the_economic_classification_the_question_names_is_the_one_ranked():
    from qa.rank_codes import asked_classification as _asked_classification, classification as _classification, same_classification as _same_classification

    department = [_row("工资福利支出", 30.0, "支出明细表（按经济分类科目分）", "301"),
                  _row("商品和服务支出", 6.5, "支出明细表（按经济分类科目分）", "302")]
    government = [_row("机关工资福利支出", 3.0, "政府预算经济分类表", "501"),
                  _row("机关商品和服务支出", 14.1, "政府预算经济分类表", "502")]
    assert _classification(department) == "经济3" and _classification(government) == "经济5"
    asked = _asked_classification("按政府预算经济分类的几类支出里，排第二的是哪类？")
    assert asked == "经济5"
    # the department's classification (301…) is another list of items: not read for it
    assert _same_classification(asked, "经济3") is False and _same_classification(asked, "经济5")
    # 经济分类 alone: either
    assert _same_classification(_asked_classification("按经济性质分的几大类里哪一类最大"), "经济3")


def test_the_items_at_the_level_asked_are_read_under_a_row():
    rows = [_row("卫生健康支出", 520.0, "功能分类表", "210"), _row("行政事业单位医疗", 300.0, "功能分类表", "21011"),
            _row("行政单位医疗", 60.0, "功能分类表", "2101101"), _row("公务员医疗补助", 150.0, "功能分类表", "2101103"),
            _row("事业单位医疗", 90.0, "功能分类表", "2101102"), _row("其他卫生健康支出", 220.0, "功能分类表", "21099"),
            _row("其他卫生健康支出", 220.0, "功能分类表", "2109901")]
    groups = {(name, kind): [r.label for r in items] for name, kind, _, items in _groups(rows)}
    assert groups[("卫生健康支出", "row")] == ["行政事业单位医疗", "其他卫生健康支出"]  # its 款
    # 哪个项目 asks 项: the 项 under the 类, not its 款
    assert sorted(groups[("卫生健康支出", "row:项")]) == ["事业单位医疗", "公务员医疗补助", "其他卫生健康支出", "行政单位医疗"]
    # a 类 with one 款: that 款's 项 are its items (one item is no list to rank)
    single = [_row("住房保障支出", 80.0, "功能分类表", "221"), _row("住房改革支出", 80.0, "功能分类表", "22102"),
              _row("住房公积金", 30.0, "功能分类表", "2210201"), _row("购房补贴", 50.0, "功能分类表", "2210203")]
    groups = {(name, kind): [r.label for r in items] for name, kind, _, items in _groups(single)}
    assert groups[("住房保障支出", "row")] == ["住房公积金", "购房补贴"]
    # economic codes have 类 and 款: a unit's 7-digit sub-items (绩效奖 under 绩效工资) are not the 项 asked
    wages = [_row("工资福利支出", 90.0, "基本支出表", "301"), _row("基本工资", 30.0, "基本支出表", "30101"),
             _row("绩效工资", 60.0, "基本支出表", "30107"), _row("基础绩效奖", 20.0, "基本支出表", "3010701"),
             _row("奖励绩效奖", 40.0, "基本支出表", "3010702")]
    assert not {kind for _, kind, _, _ in _groups(wages) if kind.startswith("row:")}


UNDER = """深圳市示例局2026年部门预算

一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计
\t合计\t1000.00
206\t科学技术支出\t1000.00
20601\t科学技术管理事务\t300.00
2060101\t行政运行\t250.00
2060102\t一般行政管理事务\t50.00
20602\t基础研究\t700.00
2060201\t行政运行\t100.00
2060203\t自然科学基金\t400.00
2060204\t实验室及相关设施\t200.00
"""


def test_the_items_under_the_row_a_question_names_and_an_item_name_under_two_rows(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(UNDER, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # the table is named, and the row whose 项 are ranked: the row's
    under = ask("深圳市示例局2026年一般公共预算支出表里，“基础研究”这一款下面哪个项目科目钱最多？", tmp_path / "store")
    assert under.answered and under.value == 400.0, under.answer
    # 行政运行 under two 款 is two items (two codes), not one item printed twice: the 项 are ranked
    second = ask("深圳市示例局2026年一般公共预算按项级功能科目排，第二大的是哪个科目？", tmp_path / "store")
    assert second.answered and second.value == 250.0, second.answer


REPEATED = """深圳市示例局2026年部门预算

一般公共预算支出明细表（按支出功能分类科目）
单位：万元
科目编码\t科目名称\t合计
\t合计\t1000.00
224\t灾害防治及应急管理支出\t400.00
208\t社会保障和就业支出\t100.00
224\t灾害防治及应急管理支出\t300.00
208\t社会保障和就业支出\t200.00
"""


def test_the_item_asked_by_its_rank_after_a_named_one_and_items_printed_twice(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask
    from qa.rank import _level
    from qa.rank_asks import wants_item

    assert wants_item("支出按功能分类，第二大类是什么") and wants_item("最大的一项是哪个")
    assert _level("按功能大类分，第二大类是什么") == "类"
    (tmp_path / "sz-example.txt").write_text(RANKED, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # the item named before the one asked is the table's first: the second is read
    second = ask("深圳市示例局2026年项目支出里，排在信访大厅运行后面的第二大项目是什么？", tmp_path / "store")
    assert second.answered and second.value == 350.0, second.answer
    # …and when the table's first is another item, the ranking is not the one the question means
    wrong = ask("深圳市示例局2026年项目支出里，仅次于综合管理的第二大项目是什么？", tmp_path / "store")
    assert not wrong.answered or wrong.value != 350.0
    # …nor its amount asked after it: the amount of no item named is no answer
    more = ask("深圳市示例局2026年项目支出里，仅次于综合管理的第二大项目是什么？多少钱？", tmp_path / "store")
    assert not more.answered, more.answer
    # classes printed once per unit (the same label, other amounts) are no list of distinct items
    (tmp_path / "sz-repeated.txt").write_text(REPEATED.replace("示例局", "重复局"), encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-repeated.txt"], tmp_path / "store2").errors
    twice = ask("深圳市重复局2026年一般公共预算支出按功能分类，哪一类最多？", tmp_path / "store2")
    assert not twice.answered or twice.value not in (400.0, 300.0)


def test_which_project_is_never_a_summary_tables_class_nor_a_forms_header(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    # the 收支总表 lists the project money by class (一般公共服务, 社会保障…): no class is a project; the project
    # table's rows are
    summary = ("收支总表\n单位：万元\n项目\t预算数\n支出总计\t900.00\n2、专项业务经费支出\t900.00\n(1)一般公共服务支出\t100.00\n"
               "(2)社会保障和就业支出\t800.00\n")
    projects = ("专项业务经费支出表\n单位：万元\n项目名称\t项目金额\n合计\t900.00\n统计调查项目\t600.00\n数据平台运维\t300.00\n")
    city = city_of(tmp_path, [("统计局", summary + "\n" + projects), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市统计局2026年专项业务经费里，哪个项目最多？", city.store.root, retriever=city)
    assert a.value != 800.0, a.answer
    assert a.value in (None, 600.0), a.answer
    # …nor when the projects are said as what is chosen among (各个项目里，排第二的是哪个)
    b = ask("深圳市统计局2026年专项业务经费的各个项目里，金额最大的是哪个？", city.store.root, retriever=city)
    assert b.value in (None, 600.0), b.answer
    # a 项目支出总表 is the projects' own table, no summary (its title ends like 支出总表's)
    (tmp_path / "own").mkdir()
    own = city_of(tmp_path / "own", [("统计局", projects.replace("专项业务经费支出表", "项目支出总表")),
                                     ("文化局", "文物保护项目700.00万元。")])
    c = ask("深圳市统计局2026年项目支出总表列出的几个项目里，预算最少的是哪个？", own.store.root, retriever=own)
    assert c.answered and c.value == 300.0, c.answer
    # a form's header read as a row (资金金额（万元）) is no item of a ranking
    form = ("专项业务经费绩效目标表\n单位：万元\n项目名称\t金额\n资金金额（万元）\t1000.00\n统计调查项目\t600.00\n数据平台运维\t300.00\n")
    (tmp_path / "form").mkdir()
    other = city_of(tmp_path / "form", [("统计局", form), ("文化局", "文物保护项目700.00万元。")])
    b = ask("深圳市统计局2026年专项业务经费绩效目标表里，哪个项目最多？", other.store.root, retriever=other)
    assert b.value != 1000.0, b.answer
    # …but the items of a class the question names in a summary table (公安款下面的几个项目) are its 项
    total = ("支出总表\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t900.00\n204\t公共安全支出\t900.00\n"
             "20402\t公安\t900.00\n2040201\t行政运行\t700.00\n2040220\t执法办案\t200.00\n")
    (tmp_path / "class").mkdir()
    named = city_of(tmp_path / "class", [("统计局", total), ("文化局", "文物保护项目700.00万元。")])
    d = ask("深圳市统计局2026年支出总表中，公安款下面的几个项目里，哪一项最少？", named.store.root, retriever=named)
    assert d.answered and d.value == 200.0 and d.row == "执法办案", d.answer


def test_units_are_ranked_by_the_column_the_question_names(tmp_path):
    from qa.answer import ask
    from qa.rank_by import named_column
    from tests.conftest import city_of

    # by unit: the department, its own office and two units; 合计 ranks one unit first, 培训费 the other
    table = ("三公经费及会议费、培训费支出预算表\n单位：万元\n单位名称\t2026年\t\t\n\t合计\t会议费\t培训费\n"
             "深圳市统计局\t100.00\t40.00\t60.00\n深圳市统计局（本级）\t55.00\t25.00\t30.00\n"
             "深圳市统计局数据管理中心\t30.00\t25.00\t5.00\n深圳市统计局调查队\t15.00\t-\t15.00\n")
    city = city_of(tmp_path, [("统计局", table), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市统计局2026年下属单位（不算局机关本身）里，哪家培训费预算最多？", city.store.root, retriever=city)
    assert a.answered and a.value == 15.0 and "调查队" in a.answer, a.answer
    # the own office is one of the units when the question counts it with them (三家: the office and two below)
    b = ask("深圳市统计局2026年表中三家预算单位里，哪家培训费预算最多？", city.store.root, retriever=city)
    assert b.answered and b.value == 30.0 and "本级" in b.answer, b.answer
    # no column named: none chosen (the row's first amount ranks, as before)
    assert named_column("哪家预算最多？", [], 2026) is None
    # the words that name the table name no column; a column said contracted (公车 of 公务用车) is named
    rows = city.chunks().values()
    items = [c for c in rows if c.kind == "row" and "下属" not in (c.label or "")]
    assert named_column("三公经费及会议费、培训费表里，哪家预算最多？", items, 2026) is None
    units = [SimpleNamespace(facts=[{"column": "2026年/公务用车运行维护费"}, {"column": "2026年/会议费"}])] * 2
    assert named_column("会议费培训费表里，公车运行维护费最多的是哪家？", units, 2026) == "2026年/公务用车运行维护费"


def test_group_heads_printed_over_each_group_are_no_items():
    from qa.rank_owner import group_heads

    rows = [(180.0, _row("专用项目", 180.0)), (180.0, _row("其他履职尽责专项业务费", 180.0)), (100.0, _row("城市宣传经费", 100.0)),
            (50.0, _row("文化活动经费", 50.0)), (30.0, _row("舆情信息工作经费", 30.0)), (80.0, _row("专用项目", 80.0)),
            (80.0, _row("其他履职尽责专项业务费", 80.0)), (60.0, _row("讲师团综合工作经费", 60.0)), (20.0, _row("学习经费", 20.0))]
    rows[5][1].id, rows[6][1].id = "second head", "second other head"
    heads = group_heads(rows)
    assert {c.label for _, c in rows if id(c) in heads} == {"专用项目", "其他履职尽责专项业务费"} and len(heads) == 4
    # an item that happens to equal the two after it, its label printed once, is an item
    flat = [(80.0, _row("a", 80.0)), (60.0, _row("b", 60.0)), (20.0, _row("c", 20.0))]
    assert not group_heads(flat)


def test_an_item_the_question_leaves_out_is_not_ranked(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(RANKED, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    a = ask("深圳市示例局2026年项目支出里，除了那笔400万的信访大厅运行，哪一项最多？", tmp_path / "store")
    assert a.answered and a.value == 350.0 and "社工服务项目" in a.answer, a.answer
    # (…said with its 外 and no comma after it)
    b = ask("深圳市示例局2026年项目支出里除信访大厅运行外最多的是哪一项？", tmp_path / "store")
    assert b.answered and b.value == 350.0, b.answer


FORM = RANKED + """
项目支出绩效表
单位：万元
项目\t金额
资金金额（万元）\t1000.00
"""


def test_a_list_of_one_row_ranks_nothing(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(FORM, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # the form's one row says the question's words as well as the project table's title: it is no list
    a = ask("深圳市示例局2026年项目支出里哪一项最多？", tmp_path / "store")
    assert a.answered and a.value == 400.0 and "信访大厅运行" in a.answer, a.answer


def test_units_are_ranked_by_the_years_column_not_the_year_befores():
    from qa.rank_by import named_column

    def unit(name: str, before: float, now: float) -> Chunk:
        return Chunk(id=name, source="a.txt", kind="row", pages=[1], text=name, table="三公经费表", unit="万元",
                     label=name, entity="示例局", facts=[
                         {"column": "上年/公务用车运行维护费", "value": before, "raw": before, "unit": "万元"},
                         {"column": "当年/公务用车运行维护费", "value": now, "raw": now, "unit": "万元"}])

    items = [unit("交通管理支队", 131.75, 124.56), unit("监所管理支队", 30.0, 24.94)]
    assert named_column("2026年哪个单位的公务用车运行维护费最多？", items, 2026) == "当年/公务用车运行维护费"


def test_a_ranking_by_a_count_column_reads_it_in_its_measure(tmp_path):
    from qa.rank_follow_ups import ranking_follow_ups
    from qa.answer import ask
    from qa.rank_by import count_unit
    from tests.conftest import city_of

    assert count_unit("人数") == "人" and count_unit("培训/人次") == "人次" and count_unit("合计") == "万元"
    question = "深圳市气象局2026年培训费明细表里，哪一期培训参训人数最多？有多少人？"
    assert ranking_follow_ups(question) == ["有多少人"]  # a count follow-up the same cells answer
    table = ("培训费明细表\n单位：万元\n培训名称\t人数\t金额\n业务骨干培训\t50\t6.00\n全员安全培训\t{0}\t1.00\n"
             "新入职培训\t20\t2.00\n")
    city = city_of(tmp_path, [(u, table.format(300 + i)) for i, u in enumerate(["气象局", "文化局", "统计局"])])
    a = ask(question, city.store.root, retriever=city)
    assert a.answered and a.value == 300.0 and a.unit == "人" and a.row == "全员安全培训", a.answer


CLASSES = """深圳市示例局2026年部门预算

一般公共预算支出表（按功能分类）
单位：万元
科目编码\t科目名称\t合计
\t合计\t480.00
201\t一般公共服务支出\t300.00
20101\t人大事务\t250.00
20199\t其他一般公共服务支出\t50.00
208\t社会保障和就业支出\t100.00
20805\t行政事业单位养老支出\t100.00
221\t住房保障支出\t80.00
22102\t住房改革支出\t80.00
"""


def test_which_class_ranks_the_classes_not_the_items_under_one_whose_name_the_question_shares(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(CLASSES, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # 一般公共预算 shares 一般公共 with 一般公共服务支出: still the 类 are ranked, not that 类's 款
    a = ask("深圳市示例局2026年一般公共预算按功能大类排，钱第二多的是哪一类？", tmp_path / "store")
    assert a.answered and a.row == "社会保障和就业支出" and a.value == 100.0


UNITS_BLOCKS = """西安市示例局2026年部门预算

部门综合预算专项业务经费支出表
单位：万元
单位编码\t单位（项目）名称\t项目金额
\t合计\t300.00
154\t西安市示例局\t300.00
154001\t西安市示例局\t200.00
\t委托咨询业务\t200.00
\t法律顾问\t120.00
\t档案整理\t80.00
154002\t西安市示例服务中心\t100.00
\t委托咨询业务\t100.00
\t法律顾问\t30.00
\t档案整理\t70.00
"""


def test_a_group_in_each_units_block_is_ranked_for_the_unit_the_question_names(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "xa-example.txt").write_text(UNITS_BLOCKS, encoding="utf-8")
    assert not ingest_paths([tmp_path / "xa-example.txt"], tmp_path / "store").errors
    # codes on the units' rows only: the projects under 委托咨询业务 are found by their sums, in each unit's block
    office = ask("西安市示例局机关2026年专项业务经费里“委托咨询业务”下面哪项最多？多少万元？", tmp_path / "store")
    assert office.answered and office.value == 120.0 and office.row == "法律顾问", office.answer
    # the same group in two units' blocks, and the question says neither: no unit's list is guessed
    either = ask("西安市示例局2026年专项业务经费里“委托咨询业务”下面哪项最多？多少万元？", tmp_path / "store")
    assert not either.answered, either.answer
    # a unit the department's document reports on its own rows is held, inside that document (qa.retrieve)
    centre = ask("西安市示例局2026年西安市示例服务中心专项业务经费里“委托咨询业务”下面哪项最多？", tmp_path / "store")
    assert centre.answered and centre.row == "档案整理" and centre.value == 70.0, centre.answer
    # …named without its city, as people say it
    short = ask("西安市示例局2026年示例服务中心专项业务经费里“委托咨询业务”下面哪项最多？", tmp_path / "store")
    assert short.answered and short.row == "档案整理", short.answer
    # …and one it does not print is another body the store lacks
    other = ask("西安市示例局2026年西安市示例培训中心专项业务经费里“委托咨询业务”下面哪项最多？", tmp_path / "store")
    assert not other.answered and "库中没有西安市示例培训中心" in other.answer, other.answer


UNIT_PROJECTS = """西安市示例局2026年部门预算

部门综合预算专项业务经费支出表
单位：万元
单位编码\t单位（项目）名称\t项目金额
\t合计\t390.00
154\t西安市示例局\t390.00
154001\t西安市示例局\t200.00
\t法律顾问\t120.00
\t档案整理\t80.00
154002\t西安市示例服务中心\t190.00
\t通用项目\t90.00
\t设备购置\t90.00
\t专用项目\t100.00
\t课题研究\t60.00
\t教材编写\t40.00
"""


def test_a_units_own_projects_are_ranked_when_the_question_names_the_unit(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "xa-example.txt").write_text(UNIT_PROJECTS, encoding="utf-8")
    assert not ingest_paths([tmp_path / "xa-example.txt"], tmp_path / "store").errors
    # the centre's projects are the rows its 190.00 adds up with none under them, 通用项目 and 专用项目 being heads
    low = ask("西安市示例局2026年专项业务经费支出表里，下属示例服务中心的各个项目中，哪一个金额最小？", tmp_path / "store")
    assert low.answered and low.row == "教材编写" and low.value == 40.0, low.answer
    top = ask("西安市示例局2026年专项业务经费支出表里，示例服务中心哪个项目最多？", tmp_path / "store")
    assert top.answered and top.row == "设备购置" and top.value == 90.0, top.answer
    # every unit's projects together are the table's, their sum its 合计: the share is of that
    table = ask("西安市示例局2026年专项业务经费支出表列的具体项目里，金额最大的是哪个？占合计的百分之几？", tmp_path / "store")
    assert table.answered and table.row == "法律顾问" and table.value == 30.77, table.answer
    # the office asked (局机关本级): the block coded under the department's own name, its projects only
    office = ask("西安市示例局（局机关本级）2026年专项业务经费的各个项目里，金额最小的是哪个？", tmp_path / "store")
    assert office.answered and office.row == "档案整理" and office.value == 80.0, office.answer


TWO_YEARS = """重庆市示例局2026年部门预算

2026年一般公共预算支出情况表
单位：万元
科目编码\t科目名称\t2025年预算数\t2026年预算数
\t合计\t600.00\t700.00
22001\t自然资源事务\t600.00\t700.00
2200101\t行政运行\t350.00\t300.00
2200104\t自然资源规划及管理\t250.00\t400.00
"""


def test_items_are_ranked_by_the_years_column_not_the_year_before_printed_first(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "cq-example.txt").write_text(TWO_YEARS, encoding="utf-8")
    assert not ingest_paths([tmp_path / "cq-example.txt"], tmp_path / "store").errors
    top = ask("重庆市示例局2026年“自然资源事务”这一款下面哪项最多？多少？", tmp_path / "store")
    assert top.answered and top.row == "自然资源规划及管理" and top.value == 400.0, top.answer
    assert "2026" in (top.column or ""), top.column
    # the year before, when asked, is read in its own column
    before = ask("重庆市示例局“自然资源事务”这一款下面哪项上年预算最多？", tmp_path / "store")
    assert before.row == "行政运行" and before.value == 350.0, before.answer

    # a column the question quotes is where it reads the items, no list of its own
    quoted = ask("重庆市示例局2026年一般公共预算支出情况表的“2025年预算数”那一栏里，“自然资源事务”下面哪项最多？",
                 tmp_path / "store")
    assert quoted.answered and quoted.row == "行政运行" and quoted.value == 350.0, quoted.answer


BY_PART = """深圳市示例局2026年部门预算

一般公共预算支出表（按功能分类）
单位：万元
科目编码\t科目名称\t支出总计\t基本支出\t项目支出
\t合计\t4200.00\t1200.00\t3000.00
22005\t气象事务\t4200.00\t1200.00\t3000.00
2200509\t气象服务\t1500.00\t0.00\t1500.00
2200504\t气象事业机构\t2000.00\t1200.00\t800.00
2200508\t气象预报预测\t700.00\t0.00\t700.00
"""


def test_items_are_ranked_by_the_part_column_the_question_ranks_them_by(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(BY_PART, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # by total the 事业机构 is first; by its 项目支出 the 气象服务, then the 事业机构's 800
    by_part = ask("深圳市示例局2026年“气象事务”下面的科目，按项目支出排第二的是哪个？多少钱？", tmp_path / "store")
    assert by_part.answered and by_part.value == 800.0 and "项目支出" in by_part.answer, by_part.answer
    by_total = ask("深圳市示例局2026年“气象事务”下面的科目，支出排第二的是哪个？多少钱？", tmp_path / "store")
    assert by_total.answered and by_total.value == 1500.0, by_total.answer


CARRIED = """深圳市示例局2026年部门预算

项目支出表
单位：万元
项目名称	总计	一般公共预算拨款	上年结余、结转
	合计	5000.00	4400.00	600.00
气象服务项目	4000.00	3900.00	100.00
建设项目	800.00	300.00	500.00
信息化项目	200.00	200.00	0.00
"""


def test_a_source_of_funds_column_the_question_names_ranks_the_items(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(CARRIED, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # the largest project uses 100 of the money carried over; the 建设项目 uses most of it
    a = ask("深圳市示例局2026年项目支出表中，哪个项目用到的上年结余结转最多？是多少？", tmp_path / "store")
    assert a.answered and a.value == 500.0 and "建设项目" in a.answer, a.answer


TWO_CHARACTER_ROW = """深圳市示例局2026年部门预算

部门支出总体情况表
单位：万元
科目编码\t科目名称\t总计\t基本支出\t项目支出
\t合计\t1000.00\t300.00\t700.00
213\t农林水支出\t1000.00\t300.00\t700.00
21303\t水利\t900.00\t300.00\t600.00
2130301\t行政运行\t300.00\t300.00\t0.00
2130305\t水利工程建设\t500.00\t0.00\t500.00
2130306\t水利工程运行与维护\t100.00\t0.00\t100.00
21399\t其他农林水支出\t100.00\t0.00\t100.00
2139999\t其他农林水支出\t100.00\t0.00\t100.00
"""


def test_the_row_the_items_are_under_may_be_named_in_two_characters(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(TWO_CHARACTER_ROW, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    a = ask("深圳市示例局2026年“水利”这一款下面的各项，钱排第二的是哪一项？多少？", tmp_path / "store")
    assert a.answered and a.value == 300.0 and "行政运行" in a.answer, a.answer


def test_the_share_of_an_item_ranked_by_a_column_is_of_that_columns_total(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    table = ("部门收入总体情况表\n单位：万元\n科目编码\t科目名称\t合计\t财政拨款收入\t事业收入\n\t合计\t1000.00\t900.00\t100.00\n"
             "208\t社会保障和就业支出\t300.00\t290.00\t10.00\n220\t自然资源海洋气象等支出\t700.00\t610.00\t90.00\n")
    city = city_of(tmp_path, [("气象局", table), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市气象局2026年收入表里的事业收入，哪一类最多？占全部事业收入的百分之几？", city.store.root, retriever=city)
    # 90 of the 事业收入 column's 100, not of the table's 1,000
    assert a.answered and a.value == 90.0 and "自然资源" in a.answer, a.answer


def test_items_of_the_same_amount_share_the_rank(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text("深圳市示例局2026年部门预算\n\n项目支出表\n单位：万元\n项目名称\t金额\n合计\t120.00\n"
                                             "档案整理\t50.00\n设备购置\t50.00\n课题研究\t20.00\n", encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    a = ask("深圳市示例局2026年项目支出表里哪个项目金额最大？", tmp_path / "store")
    # the two items of 50.00 are both the largest: naming one alone would hide the other
    assert a.answered and a.value == 50.0 and "并列" in a.answer, a.answer
    assert "档案整理" in a.answer and "设备购置" in a.answer and "课题研究" not in a.answer, a.answer


def test_a_largest_item_of_nothing_is_no_ranking(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    table = ("深圳市示例局2026年部门预算\n\n项目支出经济分类表\n单位：万元\n科目名称\t金额\n合计\t0.00\n办公费\t0.00\n"
             "印刷费\t0.00\n差旅费\t0.00\n")
    (tmp_path / "sz-example.txt").write_text(table, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # every cell empty: "第二大" names no item, whichever order the zeros are read in
    a = ask("深圳市示例局2026年项目支出经济分类表里，金额第二大的是哪一项？", tmp_path / "store")
    assert not a.answered or a.value != 0.0, a.answer


def test_a_list_printing_an_item_again_with_another_amount_is_no_one_list():
    from qa.rank import _printed_twice
    from qa.split_rows import merged

    # 水利's items under each unit's block of a table by unit: 行政运行 once per unit, each its own amount
    by_unit = [_row("行政运行", 40.0, "支出表", "2130301"), _row("水利工程运行与维护", 60.0, "支出表", "2130306"),
               Chunk(**{**_row("行政运行", 25.0, "支出表", "2130301").model_dump(), "id": "again", "budget_unit": "某站"})]
    assert _printed_twice(merged([(c.facts[0]["value"], c) for c in by_unit]))
    # the whole's list prints each once
    whole = [_row("行政运行", 65.0, "收支总表"), _row("水利工程运行与维护", 60.0, "收支总表")]
    assert not _printed_twice([(c.facts[0]["value"], c) for c in whole])


def test_a_part_column_named_ranks_by_it_and_two_named_side_by_side_by_their_whole():
    from qa.rank_by import named_column

    def row(name: str, people: float, office: float, projects: float) -> Chunk:
        return Chunk(id=name, source="a.txt", kind="row", pages=[1], text=name, table="一般公共预算支出明细表",
                     unit="万元", label=name, entity="示例局", facts=[
                         {"column": c, "value": v, "raw": v, "unit": "万元"} for c, v in (
                             ("合计", people + office + projects), ("人员经费支出", people), ("公用经费支出", office),
                             ("专项业务经费支出", projects))])

    items = [row("办公费", 0.0, 10.0, 30.0), row("租赁费", 0.0, 2.0, 147.18)]
    # 专项业务经费, the project spending of templates that name it so, is a part column like 项目支出
    assert named_column("商品和服务支出里，专项业务经费那一栏哪个科目最多？", items, 2026) == "专项业务经费支出"
    assert named_column("商品和服务支出（公用经费和专项业务经费都算）里，哪个科目最多？", items, 2026) is None
