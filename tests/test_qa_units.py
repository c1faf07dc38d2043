"""A department's document prints each of its units as a row: its own office (本级) and a subordinate unit are read
there, alone or compared."""
from qa.answer import ask
from tests.conftest import city_of

BY_UNIT = ("支出总表\n单位：万元\n单位名称\t支出总计\t基本支出\t项目支出\n合计\t900.00\t500.00\t400.00\n"
           "深圳市统计局（本级）\t600.00\t300.00\t300.00\n深圳市统计局数据管理中心\t300.00\t200.00\t100.00\n")


def test_the_own_office_row_and_a_unit_row_of_a_departments_document(tmp_path):
    city = city_of(tmp_path, [("统计局", BY_UNIT), ("文化局", "文物保护项目700.00万元。")])
    own = ask("深圳市统计局本级2026年支出总计是多少？", city.store.root, retriever=city)
    assert own.answered and own.value == 600.0 and own.row == "深圳市统计局（本级）", own.answer
    whole = ask("深圳市统计局2026年支出总表的支出总计是多少？", city.store.root, retriever=city)
    assert whole.value != 600.0, whole.answer  # without 本级: the department, not its own office
    gap = ask("深圳市统计局本级2026年支出总计比下属数据管理中心多出多少？", city.store.root, retriever=city)
    assert gap.answered and gap.value == 300.0 and [r.value for r in gap.rows] == [600.0, 300.0], gap.answer
    # a unit the document does not print: the comparison is declined, never half answered
    none = ask("深圳市统计局本级2026年支出总计比下属培训中心多出多少？", city.store.root, retriever=city)
    assert not none.answered, none.answer
