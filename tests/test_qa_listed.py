"""A list the narrative prints, ranked when no table ranks it: its largest or smallest item, every item a row."""


def test_a_list_the_narrative_prints_is_ranked_when_no_table_ranks_it(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    census = ("（三）人口普查专项经费9,000.00万元，主要包括：入户登记项目5,500.00万元，用于普查员入户；"
              "数据处理项目3,500.00万元，用于录入和汇总。")
    city = city_of(tmp_path, [("统计局", census), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    most = ask("深圳市统计局2026年人口普查专项经费里哪一项最多？", city.store.root, retriever=city)
    assert most.answered and most.value == 5500 and "“入户登记项目”" in most.answer
    assert [r.value for r in most.rows] == [5500, 3500] and "人口普查" in most.citations[0].text
    least = ask("深圳市统计局2026年人口普查专项经费里哪一项最少？", city.store.root, retriever=city)
    assert least.value == 3500 and "“数据处理项目”" in least.answer


def test_the_top_items_share_is_of_the_amount_the_lists_head_prints(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    census = ("（三）人口普查专项经费9,000.00万元，主要包括：入户登记项目5,400.00万元，用于普查员入户；"
              "数据处理项目3,000.00万元，用于录入和汇总。")
    city = city_of(tmp_path, [("统计局", census), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    share = ask("深圳市统计局2026年人口普查专项经费里哪一项最多？占这笔经费的百分之几？", city.store.root, retriever=city)
    # 5,400 of the 9,000 the head prints (not of the 8,400 its two items add up to)
    assert share.answered and share.value == 60.0 and share.unit == "%" and "5,400.00 ÷ 9,000.00" in share.answer
    gap = ask("深圳市统计局2026年人口普查专项经费里哪一项最多？比第二名多多少？", city.store.root, retriever=city)
    assert gap.answered and gap.value == 2400.0 and "多2,400.00万元" in gap.answer, gap.answer


def test_the_nth_item_of_a_narrative_list_and_the_one_after_a_named_item(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    census = ("（三）人口普查专项经费9,000.00万元，主要包括：入户登记项目5,000.00万元，用于普查员入户；"
              "数据处理项目3,000.00万元，用于录入和汇总；宣传动员项目1,000.00万元，用于普查宣传。")
    city = city_of(tmp_path, [("统计局", census), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    second = ask("深圳市统计局2026年人口普查专项经费里排第二的是哪一项？", city.store.root, retriever=city)
    assert second.answered and second.value == 3000 and "“数据处理项目”" in second.answer, second.answer
    after = ask("深圳市统计局2026年人口普查专项经费里仅次于入户登记项目的是哪一项？", city.store.root, retriever=city)
    assert after.value == 3000, after.answer
    # the item said to come first is not first in this list: no second item is named
    wrong = ask("深圳市统计局2026年人口普查专项经费里仅次于宣传动员项目的是哪一项？", city.store.root, retriever=city)
    assert not wrong.answered, wrong.answer
    assert not ask("深圳市统计局2026年人口普查专项经费里排第五的是哪一项？", city.store.root, retriever=city).answered


# A list the narrative prints under a project, and the functional table whose rows share some of its head's words.
SAFETY = ("2.安全生产和应急管理专项经费300.00万元，主要包括：风险调查项目120.00万元、宣传推广项目150.00万元、"
          "专家服务项目30.00万元。\n\n收支总表\n单位：万元\n科目编码\t科目名称\t2026年预算数\n"
          "224\t灾害防治及应急管理支出\t900.00\n22401\t应急管理事务\t900.00\n2240101\t行政运行\t600.00\n"
          "2240102\t一般行政管理事务\t300.00\n")


def test_a_list_whose_head_names_what_is_ranked_is_read_before_a_table_sharing_fewer_words(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    city = city_of(tmp_path, [("应急管理局", SAFETY), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    a = ask("深圳市应急管理局2026年安全生产和应急管理专项经费底下那些项目，哪个最贵？", city.store.root, retriever=city)
    assert a.answered and a.value == 150.0 and "宣传推广项目" in a.answer, a.answer


def test_a_narrative_list_still_beats_the_table_when_the_items_amount_is_asked_after_it(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    city = city_of(tmp_path, [("应急管理局", SAFETY), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    # "多少？" after the ranking asks the top item's amount, which the list gives as well as any table
    a = ask("深圳市应急管理局2026年“安全生产和应急管理专项经费”拆开的几项里，哪一项钱最多？多少？", city.store.root,
            retriever=city)
    assert a.answered and a.value == 150.0 and "宣传推广项目" in a.answer, a.answer


def test_a_quoted_item_named_like_the_unit_is_ranked_by_the_list_whose_items_the_question_names(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    said = ("3.市场监督管理事务300.00万元，主要包括：综合事务工作200.00万元、质量监督管理工作60.00万元、"
            "注册审批管理工作40.00万元。\n\n收支总表\n单位：万元\n科目编码\t科目名称\t2026年预算数\n"
            "20138\t市场监督管理事务\t900.00\n2013801\t行政运行\t600.00\n2013802\t一般行政管理事务\t300.00\n")
    city = city_of(tmp_path, [("市场监督管理局", said), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    # the quoted words are the item's though the unit's name says them too; 几块工作 names the list's items
    a = ask("深圳市场监管局2026年“市场监督管理事务”拆成的几块工作里，钱排第二的是哪块？", city.store.root, retriever=city)
    assert a.answered and a.value == 60.0 and "质量监督管理工作" in a.answer, a.answer


VEHICLES = """深圳市示例局2026年部门预算

一、部门概况
截至2025年12月，本部门共有车辆9辆，其中执法执勤用车5辆，应急保障用车3辆，其他用车1辆。
2026年计划购置车辆2辆，其中执法执勤用车1辆，应急保障用车1辆。
"""


def test_the_counts_a_sentence_lists_are_ranked_in_the_measure_word_asked(tmp_path):
    from index.ingest import ingest_paths
    from qa.answer import ask

    (tmp_path / "sz-example.txt").write_text(VEHICLES, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    a = ask("深圳市示例局2026年各预算单位共有的车辆，按用途分哪一类车最多？有几辆？", tmp_path / "store")
    assert a.answered and a.row == "执法执勤用车" and a.value == 5.0 and a.unit == "辆"
    assert [r.value for r in a.rows] == [5.0, 3.0, 1.0]
    # the list of cars bought (the one its words say) ties at the top: no item is the most
    b = ask("深圳市示例局2026年计划购置的车辆，哪一类车最多？有几辆？", tmp_path / "store")
    assert not b.answered and b.value is None


def test_of_two_lists_saying_the_question_equally_the_one_it_names_word_for_word_is_ranked(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    lists = ("1.安全生产管理300.00万元，主要包括：基层管理240.00万元；培训业务60.00万元。\n\n"
             "2.安全生产和应急管理专项经费500.00万元，主要包括：风险评估400.00万元；监测预警100.00万元。")
    city = city_of(tmp_path, [("应急管理局", lists), ("文化局", "文物保护项目700.00万元。")])
    least = ask("深圳市应急管理局2026年“安全生产管理”这个项目里哪一块钱最少？", city.store.root, retriever=city)
    assert least.answered and least.value == 60.0 and least.row == "培训业务", least.answer


def test_a_quoted_name_is_where_the_question_looks_and_a_list_headed_otherwise_is_no_answer(tmp_path):
    from qa.answer import ask
    from qa.rank import quoted
    from tests.conftest import city_of

    assert quoted("“水务工程运行与维护”这笔钱拆成的几块里，“三公”") == ["水务工程运行与维护"]  # (三公: a title's word)
    listed = ("深圳市北部水源工程管理处预算500.00万元，主要包括：在职人员经费300.00万元；水务工程运行与维护200.00万元。"
              "水务工程运行与维护200.00万元，主要包括：设备维护80.00万元；河道保洁120.00万元。")
    city = city_of(tmp_path, [("水务局", listed), ("文化局", "文化活动项目80.00万元。"), ("统计局", "统计调查项目90.00万元。")])
    asked = "深圳市水务局下面的北部水源工程管理处，2026年“{}”这笔钱拆成的几块里，哪一块钱最多？"
    a = ask(asked.format("水务工程运行与维护"), city.store.root, retriever=city)
    assert a.answered and a.value == 120.0, a.answer
    b = ask(asked.format("信息化建设"), city.store.root, retriever=city)
    assert not b.answered, b.answer  # not the office's own list: the project named has none printed


def test_of_lists_alike_in_each_units_section_the_one_under_the_unit_asked_is_ranked(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    # a department's document states each unit's projects under the unit's own heading, the same project in each
    listed = ("一、深圳市北部水源工程管理处\n\n深圳市北部水源工程管理处负责北线引水工程。水务工程运行与维护500.00万元，"
              "主要包括：编外人员300.00万元；水库运行管理150.00万元；泵站运行管理50.00万元。\n\n"
              "二、深圳市东江水源工程管理处\n\n深圳市东江水源工程管理处负责东江引水工程。水务工程运行与维护900.00万元，"
              "主要包括：电费600.00万元；水库运行管理200.00万元；巡查100.00万元。")
    city = city_of(tmp_path, [("水务局", listed), ("文化局", "文化活动项目80.00万元。"), ("统计局", "统计调查项目90.00万元。")])
    a = ask("深圳市水务局下面的北部水源工程管理处，2026年“水务工程运行与维护”这笔钱拆成的几块里，排第二的是哪一块？",
            city.store.root, retriever=city)
    assert a.answered and a.value == 150.0 and "水库运行管理" in a.answer, a.answer
