"""Figures the narrative states, read against a question: whose figure a sentence's amount is (an item's carried-over
part is the item's), and a unit named in the question choosing its own section of a department's narrative."""
from types import SimpleNamespace

from qa.narrative import _listed_unnamed
from qa.phrase import Query
from tests.conftest import city_of


def _hit(text: str):
    return SimpleNamespace(chunk=SimpleNamespace(entity="深圳市示例局", text=text))


def _unnamed(question: str, sentence: str, figure: str) -> bool:
    q = Query.of(question, [])
    return _listed_unnamed(q, sentence[:sentence.index(figure)], _hit(sentence))


def test_a_carried_over_part_said_after_an_items_amount_is_that_items():
    said = "3.转移支付项目10,289.74万元，主要包括：西九龙站物业管理服务2,520.00万元，上年结转122.31万元，用于运行维护。"
    assert _unnamed("上年结转是多少", said, "122.31")  # the department's carry-over is not this item's
    assert not _unnamed("西九龙站物业管理服务上年结转是多少", said, "122.31")
    # …in a list or not, and when the item names it before the carry-over (莲塘…项目上年结转)
    assert _unnamed("上年结转是多少", "查验服务费7,083.34万元，上年结转564.09万元。", "564.09")
    assert _unnamed("上年结转是多少", "平台运营管理项目上年结转66.73万元，用于专业管理服务。", "66.73")
    # …and when 其中 opens it: the 其中 heads no list, the clause before says whose it is
    assert _unnamed("结转结余是多少", "常用装备保障项目615.04万元，其中结转结余126.00万元。", "126.00")


def test_a_part_listed_with_its_change_is_named_by_the_item_not_by_the_way_it_went():
    said = "支出比2025年减少246,429.22万元，主要是基本支出增加5,246.63万元，项目支出减少251,675.84万元。"
    assert not _unnamed("项目支出比上年少了多少", said, "251,675.84")
    assert _unnamed("基本支出比上年增加了多少", said, "251,675.84")


def test_a_carried_over_amount_beside_a_source_of_funds_or_a_whole_is_not_its_items():
    said = "收入预算2,000.00万元，其中：一般公共预算拨款1,500.00万元，上年结转500.00万元。"
    assert not _unnamed("上年结转是多少", said, "500.00")
    # …nor beside a whole (收入预算, 项目支出): its carry-over is the department's as asked
    assert not _unnamed("上年结转是多少", "2026年收入预算1,000.00万元，其中上年结转200.00万元。", "200.00")
    assert not _unnamed("上年结转是多少", "2026年收入预算1,000.00万元，上年结转200.00万元。", "200.00")


def test_the_unit_as_the_question_says_it():
    from qa.unit_row import named_whole, unit_names

    # the names a section's unit is said by (whole, or without its place), and whether the question says one
    assert unit_names("深圳市人才服务中心") == ("深圳市人才服务中心", "人才服务中心")
    assert named_whole("深圳市人才服务中心", "深圳人社局下面的人才服务中心给高端人才发的补贴")
    assert named_whole("深圳市人才服务中心", "深圳市人才服务中心预算是多少")
    assert not named_whole("深圳市人才服务中心", "人才补贴是多少")


# a department's narrative, each unit under its own heading (一、…本级, 二、…中心), the centre's name sharing 人才 with
# the item asked; and its table by unit
UNITS = ("一、深圳市示例局（本级）\n深圳市示例局（本级）预算1,000.00万元，包括在职人员经费600.00万元、项目支出400.00万元。\n\n"
         "二、深圳市人事人才公共服务中心\n深圳市人事人才公共服务中心预算9,000.00万元，包括在职人员经费1,000.00万元、"
         "项目支出8,000.00万元。\n1.市级人才专项经费8,000.00万元，主要包括：青年人才入户补贴2,000.00万元，用于向新引进青年"
         "人才发放生活补贴；高层次人才奖励补贴6,000.00万元，用于人才奖励补贴支出。\n\n"
         "一般公共预算支出表（按功能分类）\n单位：万元\n单位名称\t支出总计\n深圳市示例局\t10,000.00\n"
         "深圳市示例局（本级）\t1,000.00\n深圳市人事人才公共服务中心\t9,000.00\n")


def test_a_unit_named_in_the_question_chooses_its_section_not_the_sentence(tmp_path):
    from qa.answer import ask

    city = city_of(tmp_path, [("示例局", UNITS), ("文化局", "文物保护项目700.00万元。")])
    # the centre's name says which section; the rest of the question says which item (not the centre's whole budget)
    a = ask("深圳示例局下面的人事人才公共服务中心2026年给高端人才发奖励补贴，准备了多少钱？", city.store.root, retriever=city)
    assert a.answered and a.value == 6000.0, a.answer
    whole = ask("深圳示例局下面的人事人才公共服务中心2026年预算是多少？", city.store.root, retriever=city)
    assert whole.answered and whole.value == 9000.0, whole.answer


def test_how_much_was_set_aside_asks_as_how_much_is_and_names_no_reserve():
    # 准备了多少钱 asks the amount (as 安排了多少 does): 准备 is no word of 预算准备金
    assert "准备" not in Query.of("给在编人员发奖金准备了多少钱？", []).text
    assert "准备" in Query.of("预算准备金是多少？", []).text


def test_a_scope_said_in_brackets_and_a_word_of_when_name_nothing_of_the_thing():
    from qa.encoder_phrase import named_phrase as _phrase
    from qa.specific import _WHEN

    # （整个部门） chooses the document: neither it nor its emptied brackets stay in what is asked
    assert _phrase("（整个部门）2026年预算里，往年没花完的钱有多少？") == _phrase("2026年预算里，往年没花完的钱有多少？")
    # 往年 is when, not a rare word of one item
    assert _WHEN.fullmatch("往年") and _WHEN.fullmatch("历年") and not _WHEN.fullmatch("年金")


def test_a_years_span_said_in_words_is_no_word_of_the_thing():
    from qa.encoder_phrase import named_phrase as _phrase

    # 一年的 says when, as 2026年 does: the thing is the electricity
    assert _phrase("日常运转经费里，一年的用电开销是多少？") == _phrase("日常运转经费里，用电开销是多少？")
    # (…but not inside a word: 安全年度 keeps its characters)
    assert "全年" not in _phrase("全年的会议费是多少？") and "安全" in _phrase("安全年度检查经费是多少？")


def test_an_amount_of_the_thing_asked_joined_with_others_is_theirs_together(tmp_path):
    from qa.answer import ask
    from qa.phrase import grams, joined_with_others, last_name

    asked = grams("一般公共预算安排的三公经费是多少")
    said = "本部门一般公共预算“三公”经费及会议费、培训费预算支出共"
    assert joined_with_others(asked, last_name(said))
    assert not joined_with_others(asked, last_name("其中：1、“三公”经费预算"))
    # (a clause's earlier amounts name other items: 会议费10万元、 names nothing of the figure after it)
    assert last_name("会议费10.00万元、培训费") == "培训费"
    # (及 inside a word joins nothing: 委托业务费涉及财拨资金 is one thing's money)
    assert not joined_with_others(grams("委托业务费涉及的财政拨款"), "委托业务费涉及财拨资金")
    sangong = ("2026年本部门一般公共预算“三公”经费及会议费、培训费预算支出共263.72万元，其中：\n\n"
               "1、“三公”经费预算18.60万元，较上年减少24.50万元。\n\n"
               "2、会议费预算45.12万元。\n\n3、培训费预算200.00万元。")
    city = city_of(tmp_path, [("示例局", sangong), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市示例局2026年一般公共预算安排的“三公”经费是多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 18.6, a.answer


def test_the_base_a_change_is_stated_against_is_computed_from_the_level_before_it():
    from qa.narrative import level_before
    from rules.claims import amounts_in

    text = "公务用车购置费2026年预算数144.00万元，较2025年年初预算减少108.00万元，主要是报废更新车辆减少。"
    level, change = amounts_in(text)[:2]
    assert level_before(text, level, change) == "（2025年年初预算为252.00万元，由144.00＋108.00推算）"
    rose = "培训费30.00万元，比上年增加5.00万元。"
    assert level_before(rose, *amounts_in(rose)[:2]) == "（上年为25.00万元，由30.00−5.00推算）"
    # a change not joined to the level before it (another clause between) says nothing of its base
    apart = "培训费30.00万元，主要用于干部培训，比上年增加5.00万元。"
    assert level_before(apart, *amounts_in(apart)[:2]) == ""


def test_an_amount_said_with_no_year_is_the_documents_years_not_another_year_asked(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    city = city_of(tmp_path, [("气象局", "雷达运维项目300.00万元，比上年增加20.00万元，用于雷达运行维护。"),
                              ("文化局", "文物保护项目700.00万元。")])
    this_year = ask("深圳市气象局2026年雷达运维项目安排了多少？", city.store.root, retriever=city)
    assert this_year.answered and this_year.value == 300.0, this_year.answer
    # 2025's figure asked of the 2026 budget: the sentence's 300.00 is 2026's, not it
    before = ask("深圳市气象局2026年预算里，2025年的雷达运维项目是多少？", city.store.root, retriever=city)
    assert not (before.answered and before.value == 300.0), before.answer



PROCUREMENT = ("所属各预算单位政府采购预算总额712.49万元：政府采购货物预算486.50万元、政府采购工程预算0万元、政府采购服务预算"
               "225.99万元；其中一般公共预算拨款政府采购504.98万元：政府采购货物预算480.50万元、政府采购工程预算0万元、"
               "政府采购服务预算24.48万元。\n\n2026年政府采购预算明细表\n单位：万元\n项目编号\t项目名称\t总计\t"
               "一般公共预算拨款收入\t其他收入\n\t合计\t712.49\t504.98\t207.51\nA\t货物\t486.50\t480.50\t6.00\n"
               "C\t服务\t225.99\t24.48\t201.51")


def test_a_list_lead_is_the_whole_and_its_parts_names_are_no_words_of_the_next_lead(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    city = city_of(tmp_path, [("气象局", PROCUREMENT), ("文化局", "文物保护项目700.00万元。")])
    # the whole asked (总额): the lead, not the first part after it, which the lead's words would carry
    whole = ask("深圳市气象局2026年部门预算里的政府采购总额是多少？", city.store.root, retriever=city)
    assert whole.answered and whole.value == 712.49, whole.answer
    # the goods of the general budget's procurement: the table's cell; the second lead (504.98) says no 货物, a word of
    # the first list's part before it
    goods = ask("深圳市气象局2026年买货物的政府采购预算中，用一般公共预算拨款支付的有多少万元？", city.store.root,
                retriever=city)
    assert goods.answered and goods.value == 480.5, goods.answer
