"""A thing described in the question's words and named in brackets is asked by that name, when the documents print
it; brackets that qualify (a fund, a gloss of what is ranked) leave the question as asked."""


def test_a_described_thing_is_asked_by_the_name_in_brackets(tmp_path):
    from qa.answer import ask
    from qa.bracketed import bracketed_name
    from tests.conftest import city_of

    reserve = "增人增资829.94万元，主要用于满足预算执行中的增人及晋级增资需求。业务运行保障项目120.00万元，用于日常业务。"
    city = city_of(tmp_path, [("医疗保障局", reserve), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    question = "深圳医保局2026年预算里留着应付年内新进人员、职级晋升加工资的那笔钱（增人增资）有多少？"
    assert bracketed_name(question, city.scope(question), city) == "深圳医保局2026年预算里增人增资有多少?"  # (where it says to look stays)
    a = ask(question, city.store.root, retriever=city)
    assert a.answered and a.value == 829.94, a.answer
    # a name the documents do not print, a fund (a column of the tables) or a gloss inside what is ranked: no name
    for other in ("深圳医保局2026年预算里留着给新进人员加工资的那笔钱（人员储备金）有多少？",
                  "深圳医保局2026年公车加油修车的那笔钱（支出总计）有多少？",
                  "深圳医保局2026年预算里哪个下属单位（支队）收入最多？",
                  # the words before the brackets are the documents' own term: the brackets are an aside
                  "深圳医保局2026年业务运行保障项目（增人增资）有多少？"):
        assert bracketed_name(other, city.scope(other), city) is None, other


def test_a_column_of_kinds_of_things_in_brackets_is_the_name_asked(tmp_path):
    from qa.answer import ask
    from qa.bracketed import bracketed_name
    from tests.conftest import city_of

    procured = ("政府采购预算94.28万元，其中：货物类项目8.00万元、服务类项目86.28万元。\n\n政府采购预算表\n单位：万元\n"
                "项目\t合计\t货物\t服务\n合计\t94.28\t8.00\t86.28\n")
    city = city_of(tmp_path, [("统计局", procured), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    assert "货物" in city.vocabulary().columns
    question = "深圳统计局2026年政府采购里真正买东西（货物）的部分是多少钱？"
    assert bracketed_name(question, city.scope(question), city) == "深圳统计局2026年政府采购里货物的部分是多少钱?"
    a = ask(question, city.store.root, retriever=city)
    assert a.answered and a.value == 8.0, a.answer

