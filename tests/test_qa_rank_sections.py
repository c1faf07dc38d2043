"""A department's units ranked by the item each unit's own section states, when no table ranks them."""

DEPARTMENT = """2026年深圳市建筑工务署部门预算

一、部门职责
负责全市政府投资工程建设。

第三部分 部门预算支出具体情况
一、市建筑工务署本级
市建筑工务署本级预算900.00万元，包括在职人员经费300.00万元、公用经费100.00万元、项目支出500.00万元。
（一）在职人员经费300.00万元，主要是在职人员工资福利和社保缴费等相关支出。
二、市建筑工务署工程管理中心
市建筑工务署工程管理中心预算800.00万元，包括在职人员经费569.00万元、公用经费72.00万元、项目支出159.00万元。
（一）在职人员经费569.00万元，主要是在职人员工资福利和社保缴费等相关支出。
三、市建筑工务署工程设计管理中心
市建筑工务署工程设计管理中心预算600.00万元，包括在职人员经费471.00万元、公用经费14.00万元、项目支出115.00万元。
（一）在职人员经费471.00万元，主要是在职人员工资福利和社保缴费等相关支出。
"""


def _store(tmp_path):
    from tests.conftest import department_store

    return department_store(tmp_path, DEPARTMENT)


def test_units_are_ranked_by_the_item_their_sections_state(tmp_path):
    from qa.answer import ask

    city = _store(tmp_path)
    # the units below the office: its own section aside
    a = ask("深圳建筑工务署下属单位里，2026年在职人员经费最多的是哪一家？", city.store.root, retriever=city)
    assert a.answered and a.value == 569.0 and "工程管理中心" in a.answer, a.answer
    assert [r.value for r in a.rows] == [569.0, 471.0] and a.citations[0].page == a.rows[0].page
    least = ask("深圳建筑工务署下属单位里，2026年在职人员经费最少的是哪一家？", city.store.root, retriever=city)
    assert least.value == 471.0, least.answer
    # counted with the office (三家预算单位 of three sections), the office is one of them
    three = ask("深圳建筑工务署下面三家预算单位里，2026年在职人员经费最少的是哪一家？", city.store.root, retriever=city)
    assert three.value == 300.0 and len(three.rows) == 3, three.answer
    # an item some unit does not state ranks nothing
    assert not ask("深圳建筑工务署下属单位里，2026年增人增资最多的是哪一家？", city.store.root, retriever=city).answered


def test_the_kind_of_unit_asked_and_its_whole_budget(tmp_path):
    from qa.answer import ask

    city = _store(tmp_path)
    # 各…中心里: the units of that kind; 预算盘子: the budget each section opens with
    a = ask("深圳建筑工务署在各个中心里，哪一个2026年的预算盘子最小？", city.store.root, retriever=city)
    assert a.answered and a.value == 600.0 and [r.value for r in a.rows] == [600.0, 800.0], a.answer
