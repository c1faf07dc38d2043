"""Several questions in one: each part answered, the answer whole only when every part is."""
from qa.answer import ask
from tests.conftest import city_of


def test_why_and_how_much_are_answered_by_the_figures_own_sentence(tmp_path):
    items = ("事业单位医疗636.25万元，较上年减少292.50万元，主要原因是分类改革后享受补助的人数减少。"
             "对事业单位经常性补助294.52万元，其中人员经费190.35万元，较上年增加22.69万元，属正常变化。")
    city = city_of(tmp_path, [("人力资源和社会保障局", items), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市人力资源和社会保障局2026年事业单位医疗为啥比上年少了？少了多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 292.5, a.answer
    assert "分类改革" in a.answer and "属正常变化" not in a.answer  # the reason of that figure, not another's


def test_a_figure_and_its_change_are_one_answer_only_when_both_are_read(tmp_path):
    city = city_of(tmp_path, [("气象局", "会议费12.00万元，主要用于业务会议。"), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市气象局2026年会议费是多少？比上年少了多少？", city.store.root, retriever=city)
    assert not a.answered and a.value == 12.0  # the level read, its change stated nowhere: half an answer


def test_a_rate_asked_after_a_change_is_read_from_the_changes_sentence(tmp_path):
    from qa.question import intent

    assert intent("预算比去年涨了几成？") == "percent" and intent("预算比上一年缩了多少？") == "change"
    said = ("2026年部门预算收入2,500.00万元，较2025年年初预算增加500.00万元，增长25.0%。\n\n收支总表\n单位：万元\n"
            "收入\t\t支出\t\n项目\t2026年预算数\t项目\t2026年预算数\n收入总计\t2500.00\t支出总计\t2500.00\n")
    city = city_of(tmp_path, [("水务局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市水务局整个系统2026年的预算盘子比去年年初一下子多出来多少钱？涨了几成？", city.store.root, retriever=city)
    assert a.answered and a.value == 500.0 and [r.value for r in a.rows] == [500.0, 25.0], a.answer


def test_a_frame_saying_which_classification_does_not_hide_a_rate_the_narrative_states(tmp_path):
    said = ("（三）对个人和家庭的补助（303）160.08万元，较上年增加61.90万元，增长63.05%，主要是退休人员增加。\n\n"
            "一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t160.08\n"
            "303\t对个人和家庭的补助\t160.08\n")
    city = city_of(tmp_path, [("水务局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("按照部门预算支出经济分类，深圳市水务局2026年对个人和家庭的补助（303）是多少万元？较上年增加多少、增长百分之几？",
            city.store.root, retriever=city)
    assert a.answered and a.value == 160.08 and [r.value for r in a.rows] == [160.08, 61.9, 63.05], a.answer


def test_a_why_asked_in_other_words_is_read_in_the_documents_term(tmp_path):
    meetings = ("会议费29.92万元，较上年增加22.12万元，主要原因是换届选举会议增加。\n\n一般公共预算基本支出表\n单位：万元\n"
                "科目编码\t科目名称\t合计\n30215\t会议费\t{0}\n30216\t培训费\t5.00\n")
    city = city_of(tmp_path, [(u, meetings.format(v)) for u, v in
                              [("民政局", "29.92"), ("文化局", "10.00"), ("统计局", "8.00"), ("水务局", "6.00")]])
    a = ask("深圳市民政局2026年开会的钱为啥比上年多出那么多？", city.store.root, retriever=city)
    assert a.answered and "换届选举" in a.answer, a.answer
    assert any(b.part == "term" and b.text == "会议费" for b in a.basis), a.basis  # read as the documents' term


def test_a_change_asked_after_a_figure_is_the_one_stated_beside_that_figure(tmp_path):
    # read alone, "基本支出比上年多了多少" shares its words with the sentence of the whole's change
    said = ("一般公共预算财政拨款支出500.00万元，比2025年增加80.00万元。其中：基本支出300.00万元，主要用于保障人员工资，"
            "比2025年增加30.00万元；项目支出200.00万元，比2025年增加50.00万元。\n\n一般公共预算基本支出表\n单位：万元\n"
            "科目编码\t科目名称\t基本支出\n\t合计\t300.00\n301\t工资福利支出\t300.00\n")
    city = city_of(tmp_path, [("规划局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市规划局2026年一般公共预算里的基本支出是多少？比上年多了多少？", city.store.root, retriever=city)
    assert a.answered and [r.value for r in a.rows] == [300.0, 30.0], a.answer
