"""A table's total row is not the answer when the question's own words name another row of that table."""
from qa.answer import ask
from tests.conftest import city_of


def test_a_total_row_is_not_read_for_a_question_naming_another_row(tmp_path):
    city = city_of(tmp_path, [("统计局", "数据采集项目300.00万元。"), ("文化局", "文物保护项目700.00万元。")])
    # the table's title (一般公共预算支出) is said, the row (津贴) only in part: the total says none of it
    allowance = ask("深圳市统计局2026年一般公共预算支出里给干部发的津贴有多少？", city.store.root, retriever=city)
    assert allowance.value != 2000.0, allowance.answer
    assert not allowance.answered or allowance.value == 500.0, allowance.answer
    # asked whole, the total stands
    total = ask("深圳市统计局2026年一般公共预算支出合计是多少？", city.store.root, retriever=city)
    assert total.answered and total.value == 2000.0, total.answer


def test_a_total_row_is_not_read_for_a_thing_it_leaves_unsaid():
    from types import SimpleNamespace

    from qa.total_row import thing_unsaid

    chunk = SimpleNamespace(kind="row", label="合计", table="收入总表", parents=None, code=None)
    total = SimpleNamespace(hit=SimpleNamespace(chunk=chunk), row="合计", column="一般公共预算拨款/小计")
    # 开会 is what is asked: the fund's total says none of it
    assert thing_unsaid("部门预算里，一般公共预算给开会安排了多少钱", total)
    # asking and scoping words name no thing: the fund's total is what is asked
    assert not thing_unsaid("部门预算里一般公共预算一共安排了多少万元", total)
    # a row that is no total is judged by the later steps, not here
    row = SimpleNamespace(hit=SimpleNamespace(chunk=SimpleNamespace(kind="row", label="会议费", table="支出表",
                                                                     parents=None, entity="示例局")),
                          row="会议费", column="合计")
    assert not thing_unsaid("一般公共预算给开会安排了多少钱", row)
    # the unit's own line is the whole of a 本级 document's table: a total too (交水电的钱 is none of it)
    own = SimpleNamespace(kind="row", label="示例局（本级）", table="一般公共预算支出表", parents=None, code=None,
                          entity="示例局(本级)")
    line = SimpleNamespace(hit=SimpleNamespace(chunk=own), row="示例局（本级）", column="支出总计")
    assert thing_unsaid("一般公共预算里交水电的钱一共安排了多少", line)
