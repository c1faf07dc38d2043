"""Targets and outputs stated in a unit other than money (performance targets, a final account's outputs), read
against a question that asks that unit in its own words; never a guess between statements that fit as well."""
import pytest

from qa.answer import ask
from qa.targets import StatedQuantity, agree, asked_unit, cell_statements, says_far_more, stated_quantity, statements
from tests.conftest import city_of

TARGETS = ("绩效目标：全年完成医师执业注册20000人，国家医师资格考试参加人数达5000人；续建大中型水库27个；"
           "开展河长制水质断面监测，监测断面684个以上；对全市510条河流开展水质监测；举办系列培训班，完成不少于207人次培训。"
           "市中心血站全年采血总量84.71吨。信访大厅聘请常驻律师至少6名（2名执业律师和4名实习律师）。"
           "第四次全国农业普查涉及我市11个区、46个涉农街道。自来水普及率达到92.2%，农村供水保证率95%以上。"
           "全年监测露天开采面积不少于8万平方公里。新增造林面积，全年完成1200公顷。")


def test_every_figure_with_a_unit_is_a_statement_named_by_its_clause():
    read = {(name, value, unit) for name, value, unit, _ in statements(TARGETS)}
    assert ("全年完成医师执业注册", 20000.0, "人") in read
    assert ("续建大中型水库", 27.0, "个") in read
    # the comparison is no part of the name; the clause before, stating no figure, leads into it
    assert ("开展河长制水质断面监测监测断面", 684.0, "个") in read
    # the words after the unit finish the name (完成不少于207人次培训: 培训), the longer unit read whole
    assert ("举办系列培训班完成培训", 207.0, "人次") in read
    assert ("市中心血站全年采血总量", 84.71, "吨") in read
    # an item of a list that names its thing after the figure takes the list's lead; one naming it before does not
    listed = {n: v for n, v, _, _ in statements("普查涉及我市11个区、46个涉农街道。轮换储备小麦2.1亿斤、食用油4500万斤。")}
    assert listed == {"普查涉及我市区": 11.0, "普查涉及我市涉农街道": 46.0, "轮换储备小麦": 2.1, "食用油": 4500.0}
    # a bracket's figures are its own
    assert [n for n, *_ in statements("聘请常驻律师至少6名（2名执业律师）")] == ["聘请常驻律师", "执业律师"]
    # no ordinal, year or sum of money is a statement
    assert not statements("第3次会议于2026年召开，安排经费100.00万元。")


def test_a_target_tables_row_names_its_figure_by_the_cell_before_it():
    # 计量单位 in the cell after the figure; the weight after it is no second figure of the indicator
    row = "绩效目标表（万元）｜绩效目标表：指标名称=气象台站改造数量；指标性质=≥；指标值=4.00；计量单位=个；指标权重(%)=11.00"
    assert [(n, v, u) for n, v, u, _ in cell_statements(row)] == [("气象台站改造数量", 4.0, "个")]
    # or in the brackets of the name
    row = "目标表：项目=产出指标；项目=全年刊发稿件数量（篇）；项目=≥120；项目=8.00"
    assert [(n, v, u) for n, v, u, _ in cell_statements(row)] == [("全年刊发稿件数量", 120.0, "篇")]
    # a column saying what it counts names the row's figure by the row's label (the sum of money is no statement)
    row = "培训费明细表（万元）｜参事业务培训：时间=不晚于5月31日；人数=30.00；金额=4.20"
    assert [(n, v, u) for n, v, u, _ in cell_statements(row)] == [("参事业务培训人数", 30.0, "人")]


def test_the_unit_asked_and_the_units_that_answer_it():
    assert asked_unit("全年要给多少名医生办完执业注册？") == "名"
    assert asked_unit("一共采了多少吨血？") == "吨"
    assert asked_unit("打算把多大面积的地下水调查清楚？") == "面积"
    assert asked_unit("储备小麦轮换掉多少（按斤算）？") == "斤"
    assert asked_unit("给那几辆公务车加油的钱是多少？") is None  # (那几辆: cars already named, an amount asked)
    assert agree("名", "人") and agree("座", "个") and agree("斤", "亿斤") and agree("面积", "公顷")
    assert not agree("人", "个") and not agree("次", "个") and not agree("吨", "亩")
    assert agree("%", "%") and not agree("%", "个") and not agree("个", "%")


@pytest.fixture(scope="module")
def target_city(tmp_path_factory):
    return city_of(tmp_path_factory.mktemp("targets"), [("卫生健康委员会", TARGETS), ("文化局", "文物保护项目700.00万元。")])


def test_a_target_is_read_in_the_questions_own_words(target_city):
    def read(question):
        found = stated_quantity(question, target_city.scope(question), target_city)
        return found and (found.value, found.measure)

    # 医生 for 医师: one sense, one character
    assert read("深圳市卫生健康委员会今年的绩效目标里，全年要给多少名医生办完执业注册？") == (20000.0, "人")
    assert read("深圳市卫生健康委员会要接着往下建的大中型水库至少有几座？") == (27.0, "个")
    # the lead clause tells the sections monitored (个) from the rivers (条)
    assert read("深圳市卫生健康委员会河长制水质断面监测至少要覆盖多少个断面？") == (684.0, "个")
    assert read("深圳市卫生健康委员会给工作人员办培训至少要培训多少人次？") == (207.0, "人次")
    # the answer cites its sentence as the document prints it (full-width marks), so a reader finds it on the page
    a = ask("深圳市卫生健康委员会新增造林面积全年要完成多少公顷？", target_city.store.root, retriever=target_city)
    assert a.value == 1200.0 and a.citations[0].text == "新增造林面积，全年完成1200公顷。"
    # of a sentence's figures, the one its name says: 46个涉农街道, not the first figure (11个区)
    a = ask("深圳市卫生健康委员会农业普查涉及多少个涉农街道？", target_city.store.root, retriever=target_city)
    assert a.answered and a.value == 46.0, a.answer
    a = ask("深圳市卫生健康委员会的市中心血站一年一共采了多少吨血？", target_city.store.root, retriever=target_city)
    assert a.answered and a.value == 84.71 and a.unit == "吨" and "84.71吨" in a.citations[0].text


def test_no_statement_in_the_unit_asked_or_none_saying_the_question_is_no_answer(target_city):
    def read(question):
        return stated_quantity(question, target_city.scope(question), target_city)

    assert read("深圳市卫生健康委员会全年要建成多少公顷湿地？") is None  # no statement in 公顷
    assert read("深圳市卫生健康委员会要新建多少个社区食堂？") is None  # statements in 个 say none of its words
    assert read("深圳市文化局全年要给多少名医生办完执业注册？") is None  # another unit's document


def test_an_english_count_of_a_target_is_asked_by_its_statements_name(target_city):
    from qa.english import translate

    question = "At least how many resident lawyers does the Shenzhen Health Commission hire for 2026?"
    assert "聘请常驻律师有多少名" in translate(question, target_city)
    a = ask(question, target_city.store.root, retriever=target_city)
    assert a.answered and a.value == 6.0 and a.unit == "名"
    # a count no statement's name reads (the dictionary reads none of its words as one): no guess
    assert translate("How many bridges does the Shenzhen Health Commission inspect in 2026?", target_city) is None


def test_a_rate_a_target_states_answers_a_rate_no_table_or_share_gives(target_city):
    a = ask("深圳市卫生健康委员会的自来水普及率目标是百分之多少？", target_city.store.root, retriever=target_city)
    assert a.answered and a.value == 92.2 and a.unit == "%", a.answer
    from qa.english import translate

    question = "What tap-water coverage rate does the Shenzhen Health Commission aim for in 2026?"
    assert translate(question, target_city).endswith("自来水普及率是多少%")
    assert ask(question, target_city.store.root, retriever=target_city).value == 92.2


def test_a_targets_level_is_no_answer_to_a_rate_of_change(target_city):
    # 比上年…百分之多少 asks how much the rate moved: the target's level (普及率92.2%) is not it
    question = "深圳市卫生健康委员会的自来水普及率比上年提高了百分之多少？"
    assert stated_quantity(question, target_city.scope(question), target_city, "%") is None
    level = "深圳市卫生健康委员会的自来水普及率目标是百分之多少？"
    assert stated_quantity(level, target_city.scope(level), target_city, "%").value == 92.2


def test_an_english_area_a_target_states_is_asked_by_its_statements_name(target_city):
    question = "What area of open-pit mining does the Shenzhen Health Commission plan to monitor in 2026?"
    a = ask(question, target_city.store.root, retriever=target_city)
    assert a.answered and a.value == 8.0 and a.unit == "万平方公里", a.answer


def test_what_is_counted_after_the_unit_names_the_statement_letters_and_all():
    from qa.targets import statements

    named = {name: value for name, value, _, _ in statements("新建5000个5G基站，累计建设25000个5G基站。")}
    assert named == {"新建5G基站": 5000.0, "累计建设5G基站": 25000.0}
    # a bare number after the unit is the next figure, not the thing counted
    assert [n for n, _, _, _ in statements("聘请律师6名，10名调解员")][0] == "聘请律师"


def test_a_statement_naming_far_more_of_the_question_than_a_count_answers_instead():
    duty = StatedQuantity(3.0, "人", "值班室计划安排值班人数大于等于3人/天", None,
                          ("完成", "值班", "业务", "工作", "值班室", "安排", "人数"), 31, words=8)
    assert says_far_more(duty, ("业",))  # the staff count 共156人 shares one character with the question
    assert not says_far_more(duty, ("值", "班", "室", "人", "数", "安", "排"))  # a count naming as much stays
    assert not says_far_more(None, ("业",))


def test_a_count_in_the_general_measure_word_answers_only_when_it_names_the_thing_counted(target_city):
    # 水库27个 says 大中型水库, but counts reservoirs: no answer to how many 台 of 监测设备 they have
    question = "深圳市卫生健康委员会大中型水库的监测设备有多少台？"
    assert stated_quantity(question, target_city.scope(question), target_city) is None
    # …while a 个 statement naming what is counted still answers a 座 asked (水库27个 for 水库至少有几座)
    asked = "深圳市卫生健康委员会要接着往下建的大中型水库至少有几座？"
    assert stated_quantity(asked, target_city.scope(asked), target_city).value == 27.0


def test_one_target_printed_in_several_forms_is_read_from_the_form_the_question_names():
    from types import SimpleNamespace

    from qa.targets import _in_table_named

    def stated(value, table):
        return StatedQuantity(value, "条", f"提交的审计建议数量(条)：≥{value:g}", SimpleNamespace(table=table), ("审计建议",), 10)

    # the same target in two projects' forms and the department-wide one, each naming it alike
    tied = [stated(90, "部门专项业务经费绩效目标表"), stated(10, "部门专项业务经费绩效目标表"), stated(100, "部门整体支出绩效目标表")]
    assert _in_table_named("西安市审计局2026年部门整体绩效目标里，要提多少条审计建议？", tied).value == 100
    # a question naming no form does not tell them apart
    assert _in_table_named("西安市审计局2026年要提多少条审计建议？", tied) is None


def test_a_statement_the_dictionary_cannot_read_is_read_by_the_encoder_only_when_clearly_nearest(monkeypatch):
    import qa.meaning
    from qa.english_count import EN_ENCODER_LEAD, _encoded

    figures = {"举办展会活动场次": {(143.0, "次")}, "展会签约金额": {(2000.0, "亿元")}, "展会场次": {(143.0, "次")}}
    sims = {"举办展会活动场次": 0.82, "展会场次": 0.815, "展会签约金额": 0.82 - 1.5 * EN_ENCODER_LEAD}
    monkeypatch.setattr(qa.meaning, "nearest", lambda q, texts, k: sorted(((sims[t], t) for t in texts),
                                                                         reverse=True)[:k])
    # the next name stating the same figure is no rival; the one stating another is, and is far enough behind
    assert _encoded("exhibitions and trade-fair events held", figures) == "举办展会活动场次"
    sims["展会签约金额"] = 0.81
    assert _encoded("exhibitions and trade-fair events held", figures) is None
    # nearest and alone, but no nearer than an unrelated pair: no reading
    sims.update({"举办展会活动场次": 0.76, "展会场次": 0.755, "展会签约金额": 0.70})
    assert _encoded("exhibitions and trade-fair events held", figures) is None
