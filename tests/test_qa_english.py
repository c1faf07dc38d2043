"""English questions: what names the unit, the year and the place, before the Chinese pipeline answers them."""
from __future__ import annotations

from qa.english import is_english
from qa.english_term import term_of as _term
from qa.english_named import _ORG, _POSSESSIVE, PLACE_RANK as _PLACE_RANK, STOP as _STOP
from qa.english_unit import _gloss_reading, _unit

NAMES = ["深圳市公安局", "深圳市司法局", "深圳市生态环境局", "深圳市统计局", "深圳市气象局", "深圳市人民政府办公厅"]


def _encoder(monkeypatch, *first: str, tied: bool = False) -> None:
    """An encoder that ranks `first` ahead of every other name: clearly, or within MIN_MARGIN of each other."""
    import qa.english_unit

    def ranked(query: str, texts: list[str]) -> list[tuple[float, str]]:
        top = [(0.82 - (0.001 if tied else 0.02) * i, t) for i, t in enumerate(n for n in first if n in texts)]
        return top + [(0.70, t) for t in texts if t not in first]

    monkeypatch.setattr(qa.english_unit, "_ranked", ranked)


def test_the_unit_is_the_words_before_its_kind_of_body_capitalised_or_not():
    def orgs(q: str) -> list[str]:
        return [m.group(1).strip() for m in _ORG.finditer(q)]

    assert orgs("What is the 2026 budget of the Shenzhen Municipal Public Security Bureau?") == [
        "Shenzhen Municipal Public Security Bureau"]
    # the place after "of" is kept with the unit's words: it is told from them by its pinyin
    assert orgs("how much did the public security bureau of Xi'an plan for meetings?") == [
        "public security bureau of Xi'an"]
    # the kind of body first, then what it is of; framing words (will, set aside) are no part of a name
    assert orgs("the 2026 budget for official receptions of the Shenzhen Bureau of Public Works") == [
        "Shenzhen Bureau of Public Works"]
    assert orgs("How much will Chongqing water resources bureau spend") == ["Chongqing water resources bureau"]
    # services in lower case are bought, no body; a Service named as one is a body
    assert orgs("How much has the Justice Bureau budgeted for social worker services?") == ["Justice Bureau"]
    assert orgs("the budget of the Public Employment Service") == ["Public Employment Service"]
    assert _PLACE_RANK.sub(" ", "Municipal Public Security Bureau").split() == ["Public", "Security", "Bureau"]


def test_a_unit_is_read_from_the_dictionary_senses_of_its_name():
    places = {"深圳"}
    assert _gloss_reading("Public Security", NAMES, places)[0] == "深圳市公安局"
    assert _gloss_reading("Ecology and Environment", NAMES, places)[0] == "深圳市生态环境局"
    assert _gloss_reading("General Office of the People's Government", NAMES, places)[0] == "深圳市人民政府办公厅"


def test_english_is_told_from_chinese_by_its_letters():
    assert is_english("What is the 2026 budget for meetings (会议费)?")
    assert not is_english("深圳市气象局2026年会议费是多少？")


def test_a_unit_the_dictionary_and_the_encoder_read_differently_is_not_guessed(monkeypatch):
    names = ["重庆市水利局", "重庆市规划和自然资源局", "重庆市气象局"]
    assert _unit("Water Resources Bureau", names, {"重庆"}) == "重庆市水利局"  # both read 水利局
    assert _unit("Meteorological Bureau", names, {"重庆"}) == "重庆市气象局"
    _encoder(monkeypatch, "重庆市水利局")  # an encoder that reads 水利局 wherever it may
    assert _gloss_reading("Meteorological", names, {"重庆"})[0] == "重庆市气象局"
    # two readings: a guess either way (said other than by the body's standard name, which alone is read as such:
    # qa/bodies_en.py)
    assert _unit("Meteorological Office", names, {"重庆"}) is None
    assert _unit("Meteorological Bureau", names, {"重庆"}) == "重庆市气象局"
    # nor is the encoder's reading alone taken: a unit the store does not hold is still near one it holds
    assert _unit("Education Commission", names, {"重庆"}) is None


def test_possessives_and_framing_words_are_no_part_of_a_unit_or_a_quantity():
    assert _POSSESSIVE.sub("", "Shenzhen's weather bureau’s budget") == "Shenzhen weather bureau budget"
    from qa.english_named import _OWN_OFFICE

    # "(own office)" scopes to 本级; keeping its own office running is what running the office costs
    assert _OWN_OFFICE.search("the Civil Affairs Bureau (own office) budget")
    assert not _OWN_OFFICE.search("budget for keeping its own office running")
    assert _STOP.sub(" ", "how much will it set aside for overseas travel").split() == ["it", "overseas", "travel"]
    # where the figure is read and how exactly it is asked name no quantity either
    assert _STOP.sub(" ", "actually hosting official visitors according final accounts").split() == [
        "hosting", "official", "visitors"]
    # nor the verbs of paying it out: what is handed to enterprises is the subsidy
    assert _STOP.sub(" ", "how much does it hand to enterprises as subsidies").split() == [
        "it", "enterprises", "as", "subsidies"]
    # (…-based says what the thing is based on, in the word before: performance-based wages are 绩效工资)
    assert _STOP.sub(" ", "performance-based wages, a based one").split() == ["performance-", "wages,", "based", "one"]


def test_a_quantity_said_equally_by_several_terms_is_not_chosen_by_how_common_a_term_is():
    terms = ["其他收入", "事业收入", "经营收入", "培训费", "会议费"]
    sources = {"其他收入": 70, "事业收入": 70, "经营收入": 3}
    assert _gloss_reading("revenue", terms, prefer=sources)[0] is None  # which income? the question does not say
    assert _term("meeting costs", terms, sources) == "会议费"


def test_a_weak_reading_is_taken_when_the_encoder_reads_it_too():
    terms = ["因公出国（境）费", "因公出国（境）费用", "公务接待费", "办公费", "会议费", "公务用车运行维护费", "培训费", "差旅费",
             "机关运行经费", "住房公积金", "其他交通费用", "对外交流与合作"]
    # "trips" is said by no word of 因公出国（境）费, which the encoder also finds nearest
    assert _gloss_reading("official trips abroad", terms)[0] is None
    assert _term("official trips abroad", terms, {}) in ("因公出国（境）费", "因公出国（境）费用")
    # 差旅费 says travel and the encoder reads 其他交通费用: neither is taken; the standard vocabulary's English
    # names (qa/budget_en.py) read it as the 因公出国（境）费 row, domestic 差旅费 being "domestic business travel"
    assert _term("overseas travel", terms, {}) in ("因公出国（境）费", "因公出国（境）费用")


def test_a_term_that_leaves_unsaid_a_word_another_fair_reading_says_is_not_chosen():
    terms = ["行政运行", "物业管理费", "会议费", "培训费", "住房公积金"]
    # 行政运行 says "administrative operating" but not "costs", which 物业管理费 (property management fee) says
    assert _term("administrative operating costs", terms, {}) is None
    assert _term("administrative operation", terms, {}) == "行政运行"


def test_a_place_is_said_by_whole_words_of_its_pinyin():
    from qa.english_named import _places_said

    places = ["深圳", "泗", "西安", "重庆"]
    # 泗 (si) inside "trips in" is no place
    assert _places_said("How much does Shenzhen budget for overseas trips in 2026?", places) == ["深圳"]
    assert _places_said("the Xi'an police and the Chong Qing weather bureau", places) == ["西安", "重庆"]


def test_a_unit_read_from_part_of_its_phrase_needs_the_encoder_not_to_put_it_behind(monkeypatch):
    names = ["重庆市商务委员会", "重庆市气象局", "重庆市水利局"]
    # 商务 (commercial affairs) says "Affairs", no name says "Foreign": maybe a unit the store lacks
    assert _gloss_reading("Foreign Affairs", names, {"重庆"})[0] == "重庆市商务委员会"
    _encoder(monkeypatch, "重庆市水利局", "重庆市商务委员会")  # the encoder puts another name first, clearly
    assert _unit("Foreign Affairs Office", names, {"重庆"}) is None
    _encoder(monkeypatch, "重庆市商务委员会")
    assert _unit("Foreign Affairs Office", names, {"重庆"}) == "重庆市商务委员会"
    # the encoder cannot tell it from another name (a tie within MIN_MARGIN): the dictionary tells them apart
    _encoder(monkeypatch, "重庆市水利局", "重庆市商务委员会", tied=True)
    assert _unit("Foreign Affairs Office", names, {"重庆"}) == "重庆市商务委员会"


def test_a_kind_of_body_inside_a_unit_name_is_the_units_own_word(monkeypatch):
    names = ["深圳市民政局", "深圳市气象局", "深圳市财政局"]
    _encoder(monkeypatch, "深圳市财政局", "深圳市民政局")
    # "Government Affairs Service" is not "Affairs": 民政局 leaves government and service unsaid
    assert _unit("Government Affairs Service Bureau", names, {"深圳"}) is None
    _encoder(monkeypatch, "深圳市财政局", "深圳市民政局", tied=True)
    assert _unit("Bureau of Civil Affairs", names, {"深圳"}) == "深圳市民政局"


def test_how_many_reads_the_thing_counted_among_the_words_the_units_documents_count(look_alike_city):
    from qa.answer import ask
    from qa.english import translate

    question = "How many vehicles did the Shenzhen Meteorological Bureau have as of October 2025?"
    assert translate(question, look_alike_city) == "深圳市气象局截至2025年共有车辆多少辆"
    a = ask(question, look_alike_city.store.root, retriever=look_alike_city)
    assert a.answered and a.value == 4.0, a.answer
    # a thing the documents never count is not counted
    assert translate("How many bridges did the Shenzhen Meteorological Bureau build in 2025?", look_alike_city) is None


def test_a_question_naming_a_unit_but_no_quantity_declines_with_that_units_passages(look_alike_city):
    from pathlib import Path

    from qa.answer import ask
    from qa.english_named import units_named

    question = "How many bridges did the Shenzhen Meteorological Bureau build in 2025?"
    assert units_named(question, look_alike_city) == ["深圳市气象局"]
    a = ask(question, look_alike_city.store.root, retriever=look_alike_city)
    assert not a.answered and "深圳市气象局" in a.answer
    docs = look_alike_city.documents()
    own = {Path(d["source"]).name for d in docs.values() if d.get("name") == "深圳市气象局"}
    assert a.citations and {Path(c.source).name for c in a.citations} <= own  # no look-alike's passages


def test_a_unit_the_dictionary_reads_weakly_stands_when_the_encoder_puts_it_first(monkeypatch):
    names = ["深圳市人民政府口岸办公室", "深圳市气象局", "深圳市统计局"]
    # 口岸 says "ports", not the rest of the name: too weak alone, taken when the encoder's nearest is the same
    _encoder(monkeypatch, "深圳市人民政府口岸办公室")
    assert _unit("border ports office", names, {"深圳"}) == "深圳市人民政府口岸办公室"
    # the encoder elsewhere: no agreement, no unit
    _encoder(monkeypatch, "深圳市统计局")
    assert _unit("border ports office", names, {"深圳"}) is None


def test_a_quantity_the_dictionary_cannot_read_is_read_by_the_standard_vocabulary_english_names():
    terms = ["因公出国境费用", "公务接待费", "公务用车运行维护费", "会议费", "对外交流与合作"]
    assert _term("overseas travel", terms, {}) == "因公出国境费用"
    assert _term("upkeep official vehicles", terms, {}) == "公务用车运行维护费"


def test_a_phrase_that_is_a_labels_standard_english_name_reads_that_label():
    # CC-CEDICT reads "goods and services" as 劳务费 too; the standard name of 商品和服务支出 says the phrase whole
    terms = ["商品和服务支出", "劳务费", "货物", "办公费"]
    assert _term("goods and services", terms, {}) == "商品和服务支出"


def test_a_part_of_the_term_read_is_asked_with_it():
    # "goods" is left unsaid by 政府采购, and is all that 货物 says: the part of the procurement asked
    terms = ["政府采购", "货物", "工程", "会议费", "差旅费"]
    assert _term("goods through government procurement", terms, {}) == "政府采购货物"
    assert _term("government procurement", terms, {}) == "政府采购"


def test_a_count_of_things_priced_over_a_threshold_reads_the_disclosures_unit_price_line(tmp_path):
    from qa.answer import ask
    from qa.english import translate
    from qa.english_count import _PRICED, _wanyuan
    from tests.conftest import city_of

    assert _wanyuan(_PRICED.search("worth over 200,000 yuan each")) == "20"
    assert _wanyuan(_PRICED.search("costing over one million yuan apiece")) == "100"
    assert _wanyuan(_PRICED.search("valued at more than three million yuan each")) == "300"  # any number word
    held = "截至2025年10月，单价20万元以上的设备5台（套）。2026年计划购置单价20万元以上设备0台。"
    city = city_of(tmp_path, [("气象局", held), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    question = "How many pieces of equipment worth over 200,000 yuan each does the Shenzhen Meteorological Bureau own?"
    assert translate(question, city) == "深圳市气象局共有单价20万元以上的设备多少台"  # what it holds, not what it buys
    a = ask(question, city.store.root, retriever=city)
    assert a.answered and a.value == 5.0, a.answer


def test_an_english_question_describing_an_item_of_the_narrative_reads_that_item(tmp_path):
    from qa.answer import ask
    from qa.english import translate
    from tests.conftest import city_of

    items = ("人才专项经费900.00万元，主要包括：高层次人才引进经费600.00万元，用于引进高层次人才；"
             "医疗设备购置经费300.00万元，用于购置检验设备。")
    city = city_of(tmp_path, [("卫生健康委员会", items), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    question = "How much has the Shenzhen Health Commission set aside in 2026 for bringing in high-level talent?"
    assert translate(question, city) == "深圳市卫生健康委员会2026年高层次人才引进经费是多少"
    a = ask(question, city.store.root, retriever=city)
    assert a.answered and a.value == 600.0, a.answer
    # words that name no item of the unit's narrative (nor a term of its tables) are no question of it
    assert translate("How much will the Shenzhen Health Commission spend in 2026 on dragon boat races?", city) is None


def test_a_change_asked_in_english_is_read_as_a_change_in_its_direction(look_alike_city):
    from qa.english import translate

    upkeep = "深圳市气象局2026年公务用车运行维护费"
    asked = {
        "How much less will the Shenzhen Meteorological Bureau spend on upkeep of official vehicles in 2026 than in "
        "2025?": upkeep + "比上年减少多少",
        "What is the Shenzhen Meteorological Bureau's 2026 budget for upkeep of official vehicles, and how much higher "
        "is it than last year?": upkeep + "是多少，比上年增加多少",
        "How much does the Shenzhen Meteorological Bureau budget in 2026 for upkeep of official vehicles, and by how "
        "much is that below last year?": upkeep + "是多少，比上年减少多少",
        # "how does it compare with 2025", "change from 2025": the change asked without its way
        "What is the Shenzhen Meteorological Bureau's 2026 budget for upkeep of official vehicles, and how does it "
        "compare with 2025?": upkeep + "是多少，比上年变化多大",
        "By how much did the Shenzhen Meteorological Bureau's 2026 budget for upkeep of official vehicles change from "
        "2025?": upkeep + "比上年变化多大",
        # the departmental budget said whole, its change in absolute terms
        "How much larger is the 2026 departmental budget of the Shenzhen Meteorological Bureau than its initial 2025 "
        "budget, in absolute terms?": "深圳市气象局2026年预算比上年增加多少",
        # a phrase shaped like a body ("public weather services") that names no unit is the quantity, not a unit
        "How much does the Shenzhen Meteorological Bureau budget in 2026 for official vehicle upkeep services?":
            upkeep + "是多少",
        # raised over the previous year, reduced: verbs of a change too
        "By how much did the Shenzhen Meteorological Bureau raise its 2026 budget for upkeep of official vehicles "
        "over the previous year?": upkeep + "比上年增加多少",
        "By how much has the Shenzhen Meteorological Bureau reduced its 2026 budget for upkeep of official vehicles?":
            upkeep + "比上年减少多少",
        # by what percentage: the rate of the change, which the documents state beside it (增长10.8%)
        "By what percentage did the Shenzhen Meteorological Bureau's 2026 budget for upkeep of official vehicles grow "
        "over the 2025 initial budget?": upkeep + "比上年增长百分之几",
        # up or down after a form of be, with the year compared with: the later year is the one asked
        "How much does the Shenzhen Meteorological Bureau budget in 2026 for upkeep of official vehicles, and by how "
        "much was that up on 2025?": upkeep + "是多少，比上年增加多少",
        # the base said as the year before or the year's start, and the appropriation the thing is paid from: none
        # of them words of the thing
        "By how much did the Shenzhen Meteorological Bureau's 2026 budget for upkeep of official vehicles fall from "
        "the previous year?": upkeep + "比上年减少多少",
        "By what percentage did the Shenzhen Meteorological Bureau raise its 2026 fiscal appropriation for upkeep of "
        "official vehicles compared with the start of 2025?": upkeep + "比上年增长百分之几",
    }
    for question, chinese in asked.items():
        assert translate(question, look_alike_city) == chinese, question
    # (the words of the base and of the appropriation are taken out before the thing is read)
    from qa.english import _APPROPRIATION_FOR
    from qa.english_asks import _LOWER

    def left(text: str) -> str:
        return " ".join(_APPROPRIATION_FOR.sub(" ", _LOWER.sub(" ", text)).split())
    assert left("film budget fell from the previous year") == "film budget"
    assert left("raise its fiscal appropriation for running costs compared with the start of 2025") == \
        "its running costs"
    assert left("money carried over from previous years") == "money carried over from previous years"


def test_two_counts_asked_in_one_english_question_are_not_half_answered(look_alike_city):
    from qa.english import translate

    one = "How many vehicles did the Shenzhen Meteorological Bureau have at the end of 2025?"
    assert translate(one, look_alike_city) == "深圳市气象局截至2025年共有车辆多少辆"
    two = one.rstrip("?") + ", and how many items of equipment worth over 200,000 yuan each does it plan to buy?"
    assert translate(two, look_alike_city) is None


def test_people_are_counted_in_the_measure_word_that_says_people(tmp_path):
    from qa.answer import ask
    from qa.english import translate
    from tests.conftest import city_of

    # 单位 glosses "people" too in the dictionary, but it is counted in 个: the count asked is the one in 人
    staff = "截至2025年底，本部门下属单位3个，实有人员58人，其中行政20人、事业38人。"
    city = city_of(tmp_path, [("气象局", staff), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    question = "How many people were actually on staff at the Shenzhen Meteorological Bureau at the end of 2025?"
    assert translate(question, city) == "深圳市气象局截至2025年共有实有人员多少人"  # never 有人员: cut where words end
    a = ask(question, city.store.root, retriever=city)
    assert a.answered and a.value == 58.0, a.answer


def test_total_of_a_flow_names_its_total_row_while_total_elsewhere_only_frames(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    totals = "预算支出总表\n单位：万元\n项目\t预算数\n本年支出\t{1}.00\n结转下年\t100.00\n支出总计\t{0}.00\n"
    city = city_of(tmp_path, [("气象局", totals.format(2100, 2000)), ("文化局", totals.format(3100, 3000)),
                              ("统计局", totals.format(4100, 4000))])
    assert translate("What is the total 2026 expenditure of the Shenzhen Meteorological Bureau?",
                     city) == "深圳市气象局2026年支出总计是多少"
    # "than in 2025" is grammar, no quantity's word
    assert translate("What is the total 2026 expenditure of the Shenzhen Meteorological Bureau, and how much higher "
                     "is it than in 2025?", city) == "深圳市气象局2026年支出总计是多少，比上年增加多少"
    # of anything else "total" only frames the question
    assert translate("What is the Shenzhen Meteorological Bureau's total 2026 budget for upkeep of official vehicles?",
                     city) == "深圳市气象局2026年公务用车运行维护费是多少"


def test_a_units_own_office_its_whole_budget_and_its_change_are_read(look_alike_city):
    from qa.english import translate

    city = look_alike_city
    # (own office): 本级; the budget said whole: the total (qa/whole.py reads 预算 as 支出总计)
    assert translate("What is the 2026 budget of the Shenzhen Meteorological Bureau (own office)?", city) == \
        "深圳市气象局（本级）2026年预算是多少"
    # by how much it grew, then the total it grew to: the change first
    assert translate("By how much did the Shenzhen Meteorological Bureau's own-office budget for 2026 grow compared "
                     "with the 2025 initial budget, and to what total?", city) == \
        "深圳市气象局（本级）2026年预算比上年增加多少？深圳市气象局（本级）2026年预算是多少"
    # a smaller budget, and why: the change (its sentence gives the reason)
    assert translate("How much smaller is the 2026 expenditure budget of the Shenzhen Meteorological Bureau than its "
                     "2025 initial budget, and why did it shrink?", city) == "深圳市气象局2026年预算比上年减少多少"


def test_basic_and_project_spending_added_up_are_no_words_of_the_thing(tmp_path):
    from qa.answer import ask
    from qa.english import translate
    from tests.conftest import store_of

    store = store_of(tmp_path, "qx.txt", "深圳市气象局2026年部门预算\n\n一般公共预算支出表（按经济分类）\n单位：万元\n"
                     "科目编码\t科目名称\t支出总计\t基本支出\t项目支出\n\t合计\t900.00\t600.00\t300.00\n"
                     "30108\t机关事业单位基本养老保险缴费\t400.00\t400.00\t0.00\n"
                     "30207\t邮电费\t12.00\t8.00\t4.00\n30201\t办公费\t20.00\t20.00\t0.00\n")
    # the row's total is asked either way: "basic" and "project" (and "charges") must not pull the reading to
    # 机关事业单位基本养老保险缴费, which says basic, charge and, by 项, project
    # (said again in Chinese after the thing, so that the answer shows the two parts it adds up)
    for both in ("basic and project spending together", "counting both basic and project money",
                 "basic and project expenditure combined"):
        question = f"How much does the Shenzhen Meteorological Bureau budget in 2026 for postage and " \
                   f"telecommunications charges, {both}?"
        assert translate(question, store) == "深圳市气象局2026年邮电费（基本支出和项目支出合计）是多少"
    a = ask(question, store.store.root, retriever=store)
    assert a.value == 12.0 and "基本支出8.00万元" in a.answer and "项目支出4.00万元" in a.answer, a.answer


def test_a_bracketed_name_of_one_word_reads_no_term(tmp_path):
    from qa.english import translate
    from tests.conftest import store_of

    store = store_of(tmp_path, "qx.txt", "深圳市气象局2026年部门预算\n\n三、“三公”经费预算情况说明\n2026年“三公”经费预算"
                     "10.00万元。\n\n收入总表\n单位：万元\n项目\t金额\n收入总计\t900.00\n单位资金\t200.00\n")
    # "(unit funds)" less its framing word is "funds", which 三公经费 and every other 经费 say: no reading
    assert translate("How much revenue does the Shenzhen Meteorological Bureau take in 2026 from its own resources "
                     "(unit funds)?", store) is None


def test_a_part_of_a_whole_is_read_within_the_whole(tmp_path):
    from qa.english import translate
    from tests.conftest import store_of

    store = store_of(tmp_path, "qx.txt", "深圳市气象局2026年部门预算\n\n四、政府采购预算情况\n纳入2026年部门预算的政府采购项目共有"
                     "100.00万元，其中：货物类项目30.00万元、工程类项目0.00万元、服务类项目70.00万元。\n\n政府采购预算表\n"
                     "单位：万元\n项目\t金额\n合计\t100.00\n货物\t30.00\n服务\t70.00\n\n一般公共预算支出表（按经济分类）\n"
                     "单位：万元\n科目名称\t金额\n合计\t500.00\n劳务费\t20.00\n办公费\t30.00\n")
    asked = "How much of the Shenzhen Meteorological Bureau's 2026 government procurement budget is for {}?"
    # the procurement budget's goods, not goods anywhere; its services, which the procurement passages print (服务),
    # not 劳务费, whose gloss says services too; "purchasing" is the whole's own word (采购)
    assert translate(asked.format("goods"), store) == "深圳市气象局2026年政府采购货物是多少"
    assert translate(asked.format("purchasing services"), store) == "深圳市气象局2026年政府采购服务是多少"
    # …or the whole said first
    fronted = "Of the government procurement in the Shenzhen Meteorological Bureau's 2026 budget, how much is for goods?"
    assert translate(fronted, store) == "深圳市气象局2026年政府采购货物是多少"


def test_a_part_said_as_what_the_whole_is_is_the_part_asked():
    from qa.english import _PART_OF

    # "is project spending" (no for/on), and what it is rather than: the part, within its whole
    m = _PART_OF.search("How much of its 2026 education spending is project spending rather than basic spending?")
    assert (m.group("whole").strip(), m.group("part").strip()) == ("its 2026 education spending", "project spending")
    m = _PART_OF.search("How much of its procurement budget is for construction works?")
    assert m.group("part") == "construction works"


def test_the_personnel_or_operating_part_of_a_row_named_in_english_is_its_column(tmp_path):
    from qa.english import translate
    from tests.conftest import store_of

    store = store_of(tmp_path, "qx.txt", "深圳市气象局2026年部门预算\n\n一般公共预算基本支出表\n单位：万元\n"
                     "科目名称\t合计\t人员经费\t公用经费\n合计\t100.00\t80.00\t20.00\n行政运行\t100.00\t80.00\t20.00\n")
    asked = "How much {} did the Shenzhen Meteorological Bureau put under \"administrative operation\" (行政运行) in 2026{}?"
    assert translate(asked.format("personnel funding", ""), store) == "深圳市气象局2026年人员经费行政运行是多少"
    # (what the question leaves out names no part: the personnel funding still)
    assert translate(asked.format("personnel funding", ", not counting the public operating costs"), store) == \
        "深圳市气象局2026年人员经费行政运行是多少"
    assert translate(asked.format("public operating funding", ""), store) == "深圳市气象局2026年公用经费行政运行是多少"


def test_the_classification_an_item_is_of_is_no_word_of_the_thing():
    from qa.english import _FUNCTION_SAID

    # "function" there names the functional classification (where the item is read), which 运行 of 机关运行经费 says
    # too ("to function"): it is taken out before the thing is read
    assert _FUNCTION_SAID.sub(" ", "staff training under the education spending function").split() == \
        ["staff", "training", "under", "the", "education"]
    assert _FUNCTION_SAID.sub(" ", "the functional item 2010350").split() == ["the", "2010350"]
    # a function said as a thing's own word stays ("functional driverless vehicles")
    assert "functional" in _FUNCTION_SAID.sub(" ", "functional driverless vehicles")


def test_a_growth_target_asks_a_rate_and_among_is_grammar():
    from qa.english import _RATE
    from qa.english_named import STOP

    # 全社会固定资产投资增长7%以上: a growth target is a rate, as a growth rate is
    assert _RATE.search("What growth target for total fixed-asset investment did it set?")
    assert not _RATE.search("How much did its spending grow?")
    # "among its main targets" says where the target is listed: "among" is no word of it (其中 says among)
    assert "among" not in STOP.sub(" ", "set among its main targets").split()


def test_a_comparative_alone_is_no_change_and_how_much_asks_the_level_first(look_alike_city):
    from qa.english import translate

    city = look_alike_city
    # "how much … in 2026, up from 2025": the figure, then its change
    assert translate("How much will the Shenzhen Meteorological Bureau spend on upkeep of official vehicles in 2026, "
                     "and did it rise compared with 2025?", city) == \
        "深圳市气象局2026年公务用车运行维护费是多少，比上年增加多少"
    # a growth rate is a percentage: the rate of the change, not its amount
    assert translate("What is the growth rate of the Shenzhen Meteorological Bureau's spending on upkeep of official "
                     "vehicles in 2026?", city) == "深圳市气象局2026年公务用车运行维护费比上年增长百分之几"


def test_a_count_of_what_a_unit_plans_to_buy_is_not_the_count_it_holds(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    cars = "截至2025年10月，共有车辆12辆。2026年计划购置车辆3辆、54万元，报废更新。"
    city = city_of(tmp_path, [("生态环境局", cars), ("文化局", "文物保护项目700.00万元。")])
    assert translate("How many vehicles does the Shenzhen Ecology and Environment Bureau plan to buy in 2026, and what "
                     "will they cost?", city) == "深圳市生态环境局2026年计划购置车辆多少辆"
    # the purchase asked in another clause: the count asked is what it holds
    assert translate("How many vehicles did the Shenzhen Ecology and Environment Bureau have at the end of 2025, and "
                     "does it plan to buy any in 2026?", city) == "深圳市生态环境局截至2025年共有车辆多少辆"


def test_each_figure_asked_in_one_english_question_is_read_with_the_unit_and_year_of_the_whole():
    from qa.english_asks import _asked_parts

    assert _asked_parts("What is the 2026 budget of X Bureau, and how much of it is project spending?") == [
        "What is the 2026 budget of X Bureau", "how much of it is project spending?"]
    # a change asked with its level stays one ask (its reading reads both); "and why" asks the reason
    assert len(_asked_parts("By how much did X Bureau's revenue fall, and what is the 2026 total?")) == 1
    assert _asked_parts("By how much did X Bureau cut its spending, and why?")[-1] == "why"
    # asks of no figure of their own are no second figure
    assert len(_asked_parts("How much capital spending does X Bureau plan, and what is it for?")) == 1
    # a later ask of a part of the first's change is its own ask ("…exceed 2025, and how much of that rise…")
    assert len(_asked_parts("By how much does X Bureau's income exceed 2025, and how much of that rise comes from "
                            "general public budget appropriations?")) == 2


def test_two_counts_and_a_total_with_its_part_are_each_read(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    held = "截至2025年底，共有车辆6辆，单价20万元以上的设备5台（套）。2026年计划购置车辆2辆，计划购置单价20万元以上的设备1台（套）。"
    city = city_of(tmp_path, [("气象局", held), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    two = ("How many vehicles did the Shenzhen Meteorological Bureau have at the end of 2025, and how many items of "
           "equipment costing over 200,000 yuan each does the 2026 budget plan to buy?")
    assert translate(two, city) == "深圳市气象局截至2025年共有车辆多少辆？深圳市气象局2026年计划购置单价20万元以上的设备多少台"
    # "new ones" are the things the first ask counts, bought
    ones = ("How many vehicles did the Shenzhen Meteorological Bureau hold at the end of 2025, and how many new ones "
            "does the 2026 budget plan to buy?")
    assert translate(ones, city).endswith("？深圳市气象局2026年计划购置车辆多少辆")


def test_a_unit_named_by_a_list_of_its_fields_and_its_own_offices_named_by_no_unit(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    assert [m.group(1).strip() for m in _ORG.finditer("the Shenzhen culture, tourism and sports bureau's budget")] == [
        "Shenzhen culture, tourism and sports bureau"]
    running = ("2026年机关运行经费120.00万元，比上年增加10.00万元，主要是办公楼维修。\n"
               "机关运行经费：是指为保障行政单位运行用于购买货物和服务的各项资金。")
    city = city_of(tmp_path, [("文化广电旅游体育局", running), ("统计局", running), ("文化局", "文物保护项目700.00万元。")])
    # "running its own offices" is what the money is for (机关运行经费), not a second unit
    assert translate("How much will the Shenzhen culture, tourism and sports bureau spend in 2026 on running its own "
                     "offices?", city) == "深圳市文化广电旅游体育局2026年机关运行经费是多少"
    # the asker's own name in brackets reads the thing when the words around it read none
    assert translate("How much fiscal appropriation does the Shenzhen Statistics Bureau budget for keeping its own "
                     "office going (operating costs of the organ) in 2026?", city) == "深圳市统计局2026年机关运行经费是多少"
    # (a code in the brackets is no word of the name: "item 30302" is one word, item, and names nothing)
    assert translate("How much fiscal appropriation does the Shenzhen Statistics Bureau budget for keeping its own "
                     "office going (operating costs of the organ, item 30201) in 2026?", city) == \
        "深圳市统计局2026年机关运行经费是多少"


def test_an_item_described_with_examples_is_read_by_its_head(tmp_path, monkeypatch):
    import qa.meaning
    from qa.english import _EXAMPLES, translate
    from tests.conftest import city_of

    assert _EXAMPLES.split("materials-reserve work such as quality spot checks")[0].strip() == "materials-reserve work"
    items = ("业务经费900.00万元，主要包括：物资储备业务124.73万元，用于储备物资质量抽检；"
             "价格监测业务300.00万元，用于重要商品价格监测。")
    city = city_of(tmp_path, [("发展和改革委员会", items), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    q = ("What will the Shenzhen Development and Reform Commission spend in 2026 on its materials-reserve work, such "
         "as quality spot checks of stockpiled goods?")
    real = qa.meaning.nearest

    def encoder(first: str, lead: float):  # the encoder puts another item first, by `lead`
        def nearest(query, texts, k=1):
            ranked = sorted(real(query, texts, len(texts)), key=lambda t: t[1] != first)
            top = ranked[0][0]
            return [(top + (lead if t == first else 0.0), t) for s, t in ranked][:k]
        return nearest

    # a tie (within MIN_MARGIN) does not overrule the dictionary's clear reading; a clear lead does
    monkeypatch.setattr(qa.meaning, "nearest", encoder("价格监测业务", 0.001))
    assert translate(q, city) == "深圳市发展和改革委员会2026年物资储备业务是多少"
    monkeypatch.setattr(qa.meaning, "nearest", encoder("价格监测业务", 0.05))
    assert translate(q, city) is None


def test_a_later_ask_of_it_is_read_within_the_first_asks_quantity():
    from qa.english_asks import _of_first

    first = "西安市财政局2026年政府采购是多少"
    assert _of_first("西安市财政局2026年服务是多少", first) == "西安市财政局2026年政府采购中服务是多少"
    assert _of_first("西安市财政局2026年服务是多少", "西安市财政局2026年是多少") == "西安市财政局2026年服务是多少"


def test_a_term_the_dictionary_reads_as_leaving_more_unsaid_is_no_rival_for_the_encoder(monkeypatch):
    from qa import english_term, meaning

    terms = ["公务用车运行维护费", "公务用车购置及运行维护费", "办公费"]
    # the encoder puts the parent, with its purchase unsaid, first by a hair
    monkeypatch.setattr(meaning, "nearest", lambda phrase, texts, n=1: [(0.803, "公务用车购置及运行维护费"),
                                                                        (0.8029, "公务用车运行维护费"), (0.7, "办公费")])
    assert english_term.term_of("running maintaining official cars", terms, {}) == "公务用车运行维护费"


def test_a_shorter_term_is_no_better_reading_when_the_question_leaves_unsaid_what_tells_them_apart(monkeypatch):
    import qa.meaning

    terms = ["公务用车购置", "公务用车购置费", "公务用车运行维护费", "公务用车购置及运行维护费", "办公费", "住房公积金",
             "培训费", "会议费", "差旅费", "物业管理费", "邮电费", "租赁费", "专用材料费", "办公设备购置"]

    def encoder(order):  # the first two terms a hair apart, the others far behind
        scores = {t: 0.81 - 0.001 * i if i < 2 else 0.7 for i, t in enumerate(order)}
        return lambda query, texts, k: sorted(((scores.get(t, 0.6), t) for t in texts), reverse=True)[:k]

    # "on the road" is said by no term: 公务用车购置 (购置 unsaid) and 公务用车运行维护费 (维护 unsaid) stay rivals,
    # and an encoder that cannot tell them apart decides nothing
    monkeypatch.setattr(qa.meaning, "nearest", encoder(["公务用车购置", "公务用车运行维护费", "办公费"]))
    assert _term("keeping official cars on the road", terms, {}) is None
    # the whole question said by 公务用车运行维护费: the term holding it and 购置 besides is ruled out, and the
    # encoder's choice among the rest stands
    monkeypatch.setattr(qa.meaning, "nearest", encoder(["公务用车购置及运行维护费", "公务用车运行维护费", "办公费"]))
    assert _term("running and maintaining official cars", terms, {}) == "公务用车运行维护费"


def test_a_second_body_in_words_the_units_name_does_not_say_is_a_part_of_it():
    from qa.english_unit import _part_of

    # the Water Affairs Bureau's Dongjiang water source project office: an office inside the bureau
    assert _part_of("Dongjiang water source project office", "Water Affairs Bureau")
    # the same unit said again, shorter or in other words, is no part of it
    assert not _part_of("Water Affairs Bureau", "Shenzhen Water Affairs Bureau")
    assert not _part_of("weather bureau", "Meteorological Bureau")


def test_a_place_the_store_lacks_named_in_pinyin_is_not_read_as_a_place_it_holds(look_alike_city):
    from qa.english import translate

    asked = "How many vehicles did the {} Meteorological Bureau have as of October 2025?"
    assert translate(asked.format("Shenzhen"), look_alike_city) == "深圳市气象局截至2025年共有车辆多少辆"
    # 杭州 is no place of the store: its weather bureau is not Shenzhen's
    assert translate(asked.format("Hangzhou"), look_alike_city) is None


def test_how_the_unit_is_taken_names_no_quantity():
    assert _STOP.sub(" ", "taking all its units as a whole official hospitality").split() == [
        "as", "official", "hospitality"]


def test_what_is_asked_is_read_apart_from_where_it_is_read(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    table = ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t{0}.00\t{1}.00\t100.00\n"
             "30206\t电费\t12.00\t12.00\t0.00\n")
    city = city_of(tmp_path, [(u, table.format(2100 + i, 2000 + i)) for i, u in enumerate(["气象局", "文化局", "统计局"])])
    # the thing before where it is read (the general budget and its basic expenditure qualifying it)…
    assert translate("What does the Shenzhen Meteorological Bureau budget for electricity bills in its 2026 "
                     "general-budget basic expenditure?", city) == "深圳市气象局2026年一般公共预算基本支出电费是多少"
    # …or after it, said first up to a comma; and what reads nothing is not read by the where's words instead
    assert translate("In its 2026 basic expenditure, how much does the Shenzhen Meteorological Bureau spend on "
                     "electricity bills?", city) == "深圳市气象局2026年基本支出电费是多少"
    assert translate("How much does the Shenzhen Meteorological Bureau pay for electricity in its 2026 project "
                     "spending?", city) == "深圳市气象局2026年项目支出电费是多少"
    # (a part said as one hyphenated word, as a table's name says it: "the basic-expenditure detail table")
    assert translate("In the 2026 basic-expenditure detail table of the Shenzhen Meteorological Bureau, how much is "
                     "set aside for electricity bills?", city) == "深圳市气象局2026年基本支出电费是多少"
    assert translate("In its 2026 basic expenditure, how much does the Shenzhen Meteorological Bureau set aside for "
                     "dragon boat races?", city) is None


def test_the_fund_and_the_part_named_beside_the_thing_are_where_it_is_read(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    table = ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t{0}.00\t{1}.00\t100.00\n"
             "30211\t差旅费\t12.00\t2.00\t10.00\n")
    city = city_of(tmp_path, [(u, table.format(2100 + i, 2000 + i)) for i, u in enumerate(["气象局", "文化局", "统计局"])])
    # the fund said in one hyphenated word, the part by how the money is booked, and the part it is not
    question = ("In its 2026 budget, how much of the Shenzhen Meteorological Bureau's general-public-budget travel "
                "expenses is booked under project spending rather than basic spending?")
    assert translate(question, city) == "深圳市气象局2026年一般公共预算项目支出差旅费是多少"


def test_the_general_budgets_appropriations_asked_are_not_every_funds(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    table = ("财政拨款收支总表\n单位：万元\n项目\t预算数\n一、财政拨款收入\t{0}.00\n一般公共预算拨款\t{1}.00\n"
             "政府性基金预算拨款\t100.00\n")
    city = city_of(tmp_path, [(u, table.format(2100 + i, 2000 + i)) for i, u in enumerate(["气象局", "文化局", "统计局"])])
    assert translate("How much general public budget appropriation income does the Shenzhen Meteorological Bureau "
                     "receive in 2026?", city) == "深圳市气象局2026年一般公共预算财政拨款收入是多少"


def test_by_how_much_said_after_the_unit_asks_the_change_first(look_alike_city):
    from qa.english import translate

    assert translate("For the Shenzhen Meteorological Bureau, by how much does upkeep of official vehicles rise in "
                     "2026 compared with 2025?", look_alike_city) == "深圳市气象局2026年公务用车运行维护费比上年增加多少"


def test_a_fiscal_year_a_rate_a_general_budget_and_a_clause_of_how_it_is_read(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    table = ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t{0}.00\t{1}.00\t100.00\n"
             "30206\t电费\t12.00\t12.00\t0.00\n30302\t退休费\t30.00\t30.00\t0.00\n")
    city = city_of(tmp_path, [(u, table.format(2100 + i, 2000 + i)) for i, u in enumerate(["气象局", "文化局", "统计局"])])
    asked = "What does the Shenzhen Meteorological Bureau budget for electricity bills in {}?"
    # FY2026, FY26 and fiscal year 2026 are the year 2026, no words of the quantity
    for year in ("FY2026", "FY26", "fiscal year 2026"):
        assert translate(asked.format(year), city) == "深圳市气象局2026年电费是多少"
    # a rate asked is no amount of money, whatever term its other words read
    assert translate("What rate of electricity bills does the Shenzhen Meteorological Bureau set for 2026?", city) \
        is None
    # a thing of the general public budget: that thing of it (not of every fund), unless its appropriations are asked
    assert translate("What does the Shenzhen Meteorological Bureau budget for electricity bills in its 2026 "
                     "general public budget?", city) == "深圳市气象局2026年一般公共预算电费是多少"
    # …and so is a thing paid from its appropriations: where the money comes from, not the appropriations asked
    assert translate("What does the Shenzhen Meteorological Bureau spend in 2026 on electricity bills paid from "
                     "general public budget appropriations?", city) == "深圳市气象局2026年一般公共预算电费是多少"
    # ", taking the … line of its economic classification" says how the figure is read, not what it is
    assert translate("How much retirement pay does the Shenzhen Meteorological Bureau budget in 2026, taking the "
                     "retirement-pay line of its expenditure by economic classification?", city) == \
        "深圳市气象局2026年退休费是多少"


def test_a_noun_that_says_one_word_of_a_counted_word_is_no_count_of_its_head(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    cars = "截至2025年10月，本单位共有车辆5辆，其中应急保障用车1辆。"
    city = city_of(tmp_path, [("气象局", cars), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    # "employers" says 用 (to employ) of 用车, not the 车 that 辆 counts: no count of cars
    assert translate("How many employers does the Shenzhen Meteorological Bureau want its 2026 job fairs to "
                     "draw?", city) is None
    assert translate("How many vehicles did the Shenzhen Meteorological Bureau have at the end of 2025?", city) == \
        "深圳市气象局截至2025年共有车辆多少辆"


def test_a_units_own_row_label_is_read_only_when_it_says_the_whole_phrase():
    from qa.english_term import own_label as _own_label

    terms = ["粮油储备", "物资储备", "住房公积金", "职业能力建设管理"]
    # a label only this unit prints, saying every word of the phrase and said whole by it
    assert _own_label("meat reserves", terms, ["肉类储备", "职业能力建设管理"]) == "肉类储备"
    # …not one that says part of the phrase: the shared terms are read as before
    assert _own_label("construction works", terms, ["职业能力建设管理"]) is None
    assert _own_label("grain and oil reserves", terms, ["肉类储备"]) is None
    # every word of the phrase explained and every word of the label said, though the dictionary weighs their senses
    # unevenly (公共 is public and common)
    assert _own_label("public legal services", terms + ["事业运行"], ["公共法律服务", "法律援助业务"]) == "公共法律服务"


def test_an_answer_to_an_english_question_is_no_surer_than_its_reading(look_alike_city):
    from qa.answer import TRANSLATED, ask

    # the same figure asked in Chinese is read as sure as its cell; in English the dictionary's reading of the words
    # is a guess in about three answers of ten (README), and the confidence says so
    chinese = ask("深圳市气象局2026年公务用车运行维护费是多少？", look_alike_city.store.root, retriever=look_alike_city)
    english = ask("How much does the Shenzhen Meteorological Bureau budget in 2026 for upkeep of official vehicles?",
                  look_alike_city.store.root, retriever=look_alike_city)
    assert english.answered and english.value == chinese.value
    assert chinese.confidence > TRANSLATED and english.confidence == TRANSLATED


def test_a_branch_named_by_a_district_the_store_holds_no_unit_of_is_not_read_as_another_branch(tmp_path):
    from qa.english_named import _BRANCH
    from qa.english_unit import spelled_by
    from qa.gloss import proper_names

    def named(question):  # the proper names said as a unit's own
        return [w for w in _BRANCH.findall(question) if proper_names(w)]

    assert named("the Longgang branch of the Shenzhen Planning Bureau") == ["Longgang"]  # (Planning: a word)
    assert named("the Futian District office") == ["Futian"]
    held = ["深圳市规划和自然资源局大鹏管理局", "深圳市规划和自然资源局盐田管理局"]
    assert spelled_by("Dapeng", held) == held[:1]  # held: read as that branch
    assert spelled_by("Longgang", held) == []


def test_a_branch_is_read_by_its_own_name_and_one_the_store_lacks_is_not_answered(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    spent = "2026年基本支出{0}.00万元，主要用于人员工资和日常运转。"
    city = city_of(tmp_path, [("规划和自然资源局大鹏管理局", spent.format(300)),
                              ("规划和自然资源局盐田管理局", spent.format(500)), ("统计局", spent.format(700))])
    asked = "What is the 2026 basic expenditure of the {} branch of the Shenzhen Planning and Natural Resources Bureau?"
    a = ask(asked.format("Dapeng"), city.store.root, retriever=city)
    assert a.answered and a.value == 300.0, a.answer
    b = ask(asked.format("Longgang"), city.store.root, retriever=city)  # 龙岗: no document of it
    assert not b.answered, b.answer


def test_a_labels_standard_name_said_word_for_word_beats_a_dictionary_reading_leaving_its_word_unsaid():
    # CC-CEDICT has 公积金 as "accumulated fund" and 养老 as "to provide for the elderly": its best reading of the phrase
    # is the pension contribution, which leaves "housing" unsaid; the phrase says 住房公积金's name whole
    terms = ["机关事业单位基本养老保险缴费支出", "住房公积金", "基本支出", "人员经费"]
    assert _term("paying into staff housing provident fund basic expenditure budget", terms, {}) == "住房公积金"
    # a name whose words the reading says already ("basic expenditure") is no reason to read otherwise
    assert _term("basic expenditure", terms, {}) == "基本支出"


def test_the_general_budget_named_is_where_the_thing_is_paid_from_not_words_of_the_thing(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    table = ("一般公共预算支出表\n单位：万元\n科目名称\t2026年预算数\t2025年预算数\n公共安全支出\t{0}.00\t300.00\n"
             "住房保障支出\t{1}.00\t100.00\n合计\t{2}.00\t400.00\n")
    city = city_of(tmp_path, [("气象局", table.format(320, 150, 470)), ("文化局", table.format(330, 160, 490)),
                              ("统计局", table.format(340, 170, 510))])
    # "public … security" is not 公共安全: "general public budget" says where the housing money is paid from
    question = ("By how much did the Shenzhen Meteorological Bureau's 2026 general public budget spending on housing "
                "security rise over the previous year?")
    assert translate(question, city) == "深圳市气象局2026年一般公共预算住房保障支出比上年增加多少"


def test_a_unit_named_by_the_acronym_the_dictionary_gives_one_of_its_names():
    from qa.english_named import _by_acronym

    xian = [{"name": "西安市人民政府国有资产监督管理委员会", "aliases": ["西安国资委", "国资委"]},
            {"name": "西安市发展和改革委员会", "aliases": ["西安发改委", "发改委"]},
            {"name": "西安市商务局", "aliases": ["商务局"]}]
    # CC-CEDICT: 国资委 → "State-owned Assets Supervision and Administration Commission (SASAC)"; 发改委 → NDRC
    assert _by_acronym("How much did the Xi'an SASAC budget for reception?", xian) == \
        (["西安市人民政府国有资产监督管理委员会"], ["SASAC"])
    assert _by_acronym("What did the NDRC spend on travel?", xian)[0] == ["西安市发展和改革委员会"]
    # an acronym no name is called by, or one that two units of the pool share, names none
    assert _by_acronym("How much did the CPC budget?", xian) == ([], [])
    twice = xian + [{"name": "深圳市人民政府国有资产监督管理委员会", "aliases": ["国资委"]}]
    assert _by_acronym("How much did SASAC budget?", twice) == ([], [])


def test_the_counted_noun_may_follow_a_word_holding_digits():
    from qa.english_count import HOW_MANY

    # "5G base stations": the counted thing is read whole, the digits' word with it
    assert HOW_MANY.search("How many new 5G base stations will it build?").group(1) == "new 5G base stations"
    assert HOW_MANY.search("How many vehicles did it hold?").group(1) == "vehicles"


def test_a_target_whose_name_carries_its_clause_is_read_when_the_question_says_all_of_it(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    city = city_of(tmp_path, [("卫生健康委员会", "全面推广人工智能典型应用场景，重点推动5家人工智能医院建设，开展临床研究型病房"
                                          "标准化建设5家。"), ("统计局", "业务运行保障项目100.00万元。")])
    # the statement's name says more than the question (推广…应用场景), but every word of the question; and "say"
    # only frames what the unit states
    a = ask("How many AI hospitals does the Shenzhen Health Commission say it will focus on building in 2026?",
            city.store.root, retriever=city)
    assert a.answered and a.value == 5.0, a.answer


def test_a_count_framed_by_a_plan_reads_the_target_before_what_the_unit_holds(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    said = "本单位实有人员52人。2026年计划开展债务管理政策业务培训200人，确保培训覆盖各区。"
    city = city_of(tmp_path, [("财政局", said), ("统计局", "业务运行保障项目100.00万元。")])
    # "plan to train" asks the target's trainees, not the 52 people the unit holds
    trained = translate("How many people does the Shenzhen Finance Bureau plan to train on debt management policy in "
                        "2026?", city)
    assert trained.endswith("开展债务管理政策业务培训有多少人"), trained
    # …while "on staff" asks what it holds
    assert translate("How many people were on staff at the Shenzhen Finance Bureau?", city) == "深圳市财政局共有实有人员多少人"


def test_a_classification_code_said_names_the_row_that_prints_it(tmp_path):
    from qa.answer import ask
    from qa.english import translate
    from qa.english_term import code_said
    from tests.conftest import city_of

    assert code_said("What base salary (economic item 30101) does it budget?") == "30101"
    assert code_said('Under the functional item "IT construction" (2040219), how much?') == "2040219"
    assert code_said("How many items of equipment costing over 200,000 yuan each?") is None  # a figure, no code
    city = city_of(tmp_path, [("气象局", "业务运行保障项目300.00万元。"), ("文化局", "文物保护项目700.00万元。")])
    # "perks" reads no term; the code names the row of the unit's own table (30102 津贴补贴), said again in Chinese
    question = "What does the Shenzhen Meteorological Bureau budget in 2026 for perks (economic item 30102)?"
    assert translate(question, city) == "深圳市气象局2026年津贴补贴（30102）是多少"
    answer = ask(question, city.store.root, retriever=city)
    assert answer.answered and answer.value == 500.0 and answer.row == "津贴补贴", answer.answer


def test_the_offices_of_a_unit_said_in_lower_case_are_the_unit():
    from qa.english_named import _OFFICES_OF

    assert " ".join(_OFFICES_OF.sub(" ", "running costs of the offices of the Chongqing Municipal Commission").split()) \
        == "running costs of the Chongqing Municipal Commission"
    # a unit named an office keeps its name
    assert _OFFICES_OF.sub(" ", "the General Office of the Xi'an Municipal People's Government") == \
        "the General Office of the Xi'an Municipal People's Government"


def test_a_code_said_that_only_the_narrative_prints_is_kept_in_the_reading(tmp_path):
    from qa.english import translate
    from tests.conftest import city_of

    said = "商品和服务支出（302）120.00万元，较上年增加6.00万元；机关商品和服务支出（502）110.00万元，较上年增加5.00万元。"
    city = city_of(tmp_path, [(u, said if i == 0 else "业务运行保障项目100.00万元。")
                              for i, u in enumerate(["气象局", "文化局", "统计局"])])
    # no row prints 502 (the government classification is the narrative's alone): said again, it tells the item
    # from its namesake of the departmental classification
    question = "By how much did the Shenzhen Meteorological Bureau's 2026 budget for goods and services (class 502) rise?"
    assert translate(question, city).endswith("（502）比上年增加多少")
    # a code printed nowhere reads nothing of its own
    assert "（503）" not in (translate(question.replace("502", "503"), city) or "")



def test_the_general_public_budgets_own_words_are_left_out_as_often_as_it_is_named():
    from qa.english import _without_budget_words

    # "general public budget … commissioned services": general and public name the budget, not 一般公共服务支出
    words = "general public basic expenditure table commissioned services".split()
    assert _without_budget_words(words, 1) == "basic expenditure table commissioned services".split()
    # (…once per mention: general public services asked within the general public budget keep their own words)
    both = "general public general public services".split()
    assert _without_budget_words(both, 1) == "general public services".split()


def test_the_money_unit_an_answer_is_wanted_in_is_no_word_of_the_thing_asked(look_alike_city):
    from qa.english import _IN_MONEY_UNIT, translate

    for said in (", in ten-thousand yuan", " (in units of RMB 10,000)", " in 10,000 yuan", ", in millions of yuan"):
        assert _IN_MONEY_UNIT.sub(" ", f"car upkeep{said}?").split() == ["car", "upkeep", "?"]
    # a price said of the things counted is the question's, not the answer's unit
    assert not _IN_MONEY_UNIT.search("equipment worth over 200,000 yuan each")
    assert _IN_MONEY_UNIT.sub(" ", "its budget in 2025 yuan?") == "its budget in 2025 yuan?"  # (a year, no unit asked)
    plain = "How much will the Shenzhen Meteorological Bureau spend on official car upkeep in 2026?"
    assert translate(plain, look_alike_city) == "深圳市气象局2026年公务用车运行维护费是多少"
    # (CC-CEDICT's "ten thousand yuan" is 万元, which a column header like 资金金额（万元） says)
    assert translate(plain[:-1] + ", in ten-thousand yuan?", look_alike_city) == translate(plain, look_alike_city)


def test_a_term_naming_a_target_is_read_only_when_the_question_asks_a_target():
    from qa.english import _AIM, _AIM_TERM

    assert _AIM_TERM.search("政府采购总体目标") and _AIM_TERM.search("年度绩效指标") and not _AIM_TERM.search("政府采购")
    assert not _AIM.search("What is the total government procurement budget of the bureau?")
    assert _AIM.search("What is its overall procurement target?") and _AIM.search("which indicators are set")


def test_a_count_in_a_unit_of_measure_is_read_only_in_that_unit(tmp_path):
    from qa.english import translate
    from qa.english_count import HOW_MANY, _measure_fits
    from tests.conftest import city_of

    said = "2026年计划制作法律援助宣传片2次，每部时长20分钟；维护林区专用网络线路14条，国有公益林补偿面积210.42万亩。"
    city = city_of(tmp_path, [("司法局", said), ("统计局", "业务运行保障项目100.00万元。")])
    asked = "How many {} does the Shenzhen Justice Bureau plan for its legal-aid promotional film in 2026?"
    # minutes are counted in 分钟, never in 次 (the number of films)
    assert not _measure_fits(HOW_MANY.search(asked.format("minutes")), "次")
    assert _measure_fits(HOW_MANY.search(asked.format("minutes")), "分钟")
    # an area is no count of lines; a classifier counts many kinds of things
    assert not _measure_fits(HOW_MANY.search("how many network lines"), "万亩")
    assert _measure_fits(HOW_MANY.search("how many network lines"), "条")
    assert _measure_fits(HOW_MANY.search("how many films"), "次")
    lines = translate("How many dedicated network lines in forest areas does the Shenzhen Justice Bureau plan to "
                      "maintain in 2026?", city)
    assert lines == "深圳市司法局2026年维护林区专用网络线路有多少条", lines
