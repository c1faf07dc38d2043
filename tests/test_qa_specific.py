"""The question's own rare words find the narrative item it is about: the amount of the one item that says them
(and most of the question's other words), never a guess between items that say them equally."""
from qa.answer import ask
from qa.specific import rare_words, stated_item


def test_rare_words_are_the_named_documents_and_few_others(look_alike_city):
    question = "深圳市口岸办公室2026年给派到西九龙站干活的人发补贴，预算多少？"
    rare = rare_words(question, look_alike_city.scope(question), look_alike_city)
    assert any("西九龙" in w for w in rare)
    assert "补贴" not in rare  # every document of the city says 津贴补贴
    # the unit's own name said again in short (口岸 of 口岸办公室) is who is asked about, not what
    again = "深圳市口岸办公室2026年口岸西九龙站派驻人员的补贴是多少？"
    assert "口岸" not in rare_words(again, look_alike_city.scope(again), look_alike_city)


def test_the_item_saying_the_rare_words_and_most_of_the_rest_gives_the_amount(look_alike_city):
    question = "深圳市口岸办公室2026年给派到西九龙站干活的人发补贴，预算多少？"
    item = stated_item(question, look_alike_city.scope(question), look_alike_city)
    assert item is not None and item.value == 9.42 and "派驻" in item.sentence
    a = ask(question, look_alike_city.store.root, retriever=look_alike_city)
    assert a.answered and a.value == 9.42 and a.citations[0].text and "西九龙" in a.citations[0].text
    assert any(b.part == "sentence" and b.words for b in a.basis)


def test_items_that_say_the_words_equally_are_no_answer(look_alike_city):
    # 西九龙站 is said by three items with three amounts, and nothing else of the question tells them apart
    question = "深圳市口岸办公室2026年西九龙站那块预算多少？"
    sc = look_alike_city.scope(question)
    assert rare_words(question, sc, look_alike_city)  # the words are there: the items are what ties
    assert stated_item(question, sc, look_alike_city) is None


def test_one_of_the_many_uses_an_item_pays_for_is_not_that_items_money(tmp_path):
    from tests.conftest import CITY_UNITS, city_of

    uses = ("委托业务费800.00万元，主要用于规划统筹、地质勘查、矿产勘查、耕地保护、生态修复、地灾防治、测绘地理信息等技术服务。"
            "危化品监管300.00万元，用于危化品专家服务、安全监督检查、企业安全指导服务、危化品全流程监管、资料印制。")
    city = city_of(tmp_path, [(CITY_UNITS[0], uses)] + [(u, f"业务运行保障项目{100 + i}.00万元，用于日常业务。")
                                                        for i, u in enumerate(CITY_UNITS[1:])])
    one = "深圳市口岸办公室2026年花在地灾防治上的钱一共多少？"
    assert rare_words(one, city.scope(one), city) and stated_item(one, city.scope(one), city) is None
    # a question describing most of an item's uses asks for the item
    most = "深圳市口岸办公室2026年请专家、上门检查、指导企业、全流程管危化品的钱有多少？"
    assert stated_item(most, city.scope(most), city).value == 300.0


def test_a_word_that_points_is_no_rare_word_however_few_documents_print_it(tmp_path):
    from tests.conftest import CITY_UNITS, city_of

    # only the first unit's narrative says 这些 (and 洗车): the question's 这些 points at its examples, names nothing
    city = city_of(tmp_path, [(u, "事业运行80.00万元，主要是这些单位补发绩效工资。洗车场建设20.00万元。" if i == 0
                               else f"业务运行保障项目{100 + i}.00万元。") for i, u in enumerate(CITY_UNITS)])
    question = "深圳市口岸办公室2026年公车运行维护费（洗车、维修这些）预算是多少？"
    rare = rare_words(question, city.scope(question), city)
    assert "洗车" in rare and "这些" not in rare
    from qa.question import POINTING

    assert all(POINTING.fullmatch(w) for w in ("这些", "那类", "这种", "那部分"))
    assert not POINTING.fullmatch("这些年")  # (a word that goes on is read as the segmenter cut it)


def test_a_verb_of_giving_is_no_rare_word_however_few_documents_print_it(tmp_path):
    from tests.conftest import CITY_UNITS, city_of

    # only the first unit says 拨给: how money moves to whoever gets it, never what it is (对企业补助 is asked)
    city = city_of(tmp_path, [(u, "文化产业扶持200.00万元，拨给申报企业。" if i == 0
                               else f"业务运行保障项目{100 + i}.00万元。") for i, u in enumerate(CITY_UNITS)])
    question = "深圳市口岸办公室2026年以注资、补贴形式直接拨给企业的钱有多少？"
    rare = rare_words(question, city.scope(question), city)
    assert "拨给" not in rare and "企业" in rare


def test_rare_words_said_only_where_the_question_looks_name_no_item(tmp_path):
    from tests.conftest import CITY_UNITS, city_of

    # 福彩公益金 is where the question looks (…的钱里，…), the thing is the part kept in reserve: the item saying only
    # 福彩公益金 is the fund's, not the reserve's
    fund = "2026年福彩公益金项目分配资金13,200.00万元列入本部门预算。"
    city = city_of(tmp_path, [(CITY_UNITS[0], fund)] + [(u, f"业务运行保障项目{100 + i}.00万元，用于日常业务。")
                                                        for i, u in enumerate(CITY_UNITS[1:])])
    within = "深圳市口岸办公室2026年福彩公益金的钱里，留着备用、应付临时开支的那部分有多少？"
    assert stated_item(within, city.scope(within), city) is None
    said = "深圳市口岸办公室2026年福彩公益金项目分配资金有多少？"
    assert stated_item(said, city.scope(said), city).value == 13200.0
