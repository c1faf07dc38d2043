"""A department's units ranked by a line each unit's block of a table prints (qa/rank_blocks.py)."""

DEPARTMENT = """2026年深圳市建筑工务署部门预算

一、部门职责
负责全市政府投资工程建设。

支出总表
单位：万元
项目\t支出总计\t基本支出\t项目支出
合计\t2230.00\t2030.00\t200.00
深圳市建筑工务署（本级）\t910.00\t810.00\t100.00
购房补贴\t876.00\t876.00\t0.00
办公费\t24.00\t24.00\t0.00
差旅费\t10.00\t10.00\t0.00
深圳市建筑工务署工程管理中心\t1210.00\t1110.00\t100.00
购房补贴\t1116.00\t1116.00\t0.00
办公费\t84.00\t84.00\t0.00
差旅费\t10.00\t10.00\t0.00
深圳市建筑工务署工程设计管理中心\t105.00\t105.00\t0.00
购房补贴\t39.28\t39.28\t0.00
办公费\t60.72\t60.72\t0.00
差旅费\t5.00\t5.00\t0.00
深圳市建筑工务署文体和水务工程管理中心\t5.00\t5.00\t0.00
办公费\t3.00\t3.00\t0.00
差旅费\t2.00\t2.00\t0.00
"""


def _store(tmp_path):
    from tests.conftest import department_store

    return department_store(tmp_path, DEPARTMENT)


def test_units_are_ranked_by_the_line_their_blocks_print_not_by_their_totals(tmp_path):
    from qa.answer import ask

    city = _store(tmp_path)
    # the units below the office: the 工程管理中心's 购房补贴, not the largest unit line (also 工程管理中心's 1200)
    a = ask("深圳市建筑工务署2026年下属单位里，哪一家的购房补贴最多？", city.store.root, retriever=city)
    assert a.answered and a.value == 1116.0 and a.row == "深圳市建筑工务署工程管理中心", a.answer
    assert sorted(r.value for r in a.rows) == [39.28, 1116.0]  # (the office aside: not counted among them)
    # the office counted among them (署本级和下属三个中心这四家) is one of those ranked
    a = ask("深圳市建筑工务署2026年署本级和工程管理中心、工程设计管理中心这三家预算单位，哪家的办公费最多？",
            city.store.root, retriever=city)
    assert a.answered and a.value == 84.0 and len(a.rows) == 3, a.answer
    # every unit printing the line, the least is read
    a = ask("深圳市建筑工务署2026年下属单位里，哪一家的差旅费最少？", city.store.root, retriever=city)
    assert a.answered and a.value == 2.0 and a.row == "深圳市建筑工务署文体和水务工程管理中心", a.answer


def test_the_least_is_not_read_when_a_unit_prints_no_such_line(tmp_path):
    from qa.answer import ask

    city = _store(tmp_path)
    # the 文体和水务工程管理中心 prints no 购房补贴: it spends nothing on it, less than any unit printed
    a = ask("深圳市建筑工务署2026年下属单位里，哪一家的购房补贴最少？", city.store.root, retriever=city)
    assert a.value != 39.28, a.answer
