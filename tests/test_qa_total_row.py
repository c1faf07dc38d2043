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
