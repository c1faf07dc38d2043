"""A narrative item described in the question's own words gives its amount: the item's name and what it is for,
never the head of the list it sits in, and never a guess between items that say the words as well."""
import pytest

from tests.conftest import city_of
from qa.answer import ask
from qa.items import described_item, items_in

LIST = ("（二）项目支出8,000.00万元，主要包括：校舍维修项目5,000.00万元，用于中小学校舍加固和屋面防水；"
        "校园安保项目3,000.00万元，比上年增加200.00万元，用于聘请保安和购置监控设备（含上年结转50.00万元）。"
        "人员经费6,000.00万元，用于在编人员工资和社保缴费，其中含新建学校开办补助1,200.00万元，待新校编制批复后拨付；"
        "上年结转300.00万元。")


def test_items_are_split_at_the_next_items_name():
    found = {i.value: i for i in items_in(LIST)}
    # the head of the list keeps its name but none of the items it lists
    assert "项目支出" in found[8000].name and "校舍" not in found[8000].purpose
    assert "屋面防水" in found[5000].purpose and "安保" not in found[5000].purpose
    # a change and a part in brackets are said about an item, not items of their own
    assert 200 not in found and 50 not in found and "监控设备" in found[3000].purpose
    # a part named after 其中 is an item (it can be what is asked); a carried-over part is not, unless asked
    assert "新建学校开办补助" in found[1200].name and "编制批复" in found[1200].purpose
    assert 300 not in found and 300 in {i.value for i in items_in(LIST, parts_asked=True)}


def test_an_item_described_only_by_the_reason_it_gives_for_its_change_is_read_less_surely():
    from qa.items import REASON_ONLY, reason_only

    item = items_in("工程建设管理567.41万元，较上年增加272.48万元，原因是下属中心增加了教材编研费。")[0]
    assert reason_only(("教材",), item) and not reason_only(("工程建设",), item)
    assert REASON_ONLY < 0.7  # (below PURPOSE_ONLY: the reason names what grew, often a part of the item)


def test_an_amount_within_the_account_of_a_change_is_one_piece_of_it():
    # an amount inside the account of a change is one piece of the explanation: its own clause, not the next
    # piece's words (the account after an item's own amount is kept: why it grew says what it pays for)
    piece = items_in("资本性补助60万元，较上年增加40万元，原因是上年研究院设备购置20万元，今年社科院维修项目增加50万元。")
    assert [i.value for i in piece] == [60, 20] and "社科院" not in piece[1].purpose


def test_a_plan_beside_its_actual_is_one_item_the_actual_unless_the_plan_is_asked():
    text = "3.献血返还项目：全年预算数350.00万元，执行数322.15万元，完成预算的92.04%。办公费年初预算10万元，支出决算12万元。"
    actual = {i.value: i.name for i in items_in(text)}
    assert set(actual) == {322.15, 12} and "献血返还" in actual[322.15] and "办公费" in actual[12]
    assert {i.value for i in items_in(text, plan_asked=True)} == {350, 10}


DESCRIBED_ROWS = """项目支出绩效目标表
单位：万元
项目名称\t主要内容\t预算金额
驻站工作\t在京开展来访人员劝返和接访\t256.00
档案整理\t整理扫描历史档案\t40.00
"""


SUBJECT_UNSAID = ("2024年度“三公”经费支出预算为2.40万元，支出决算为2.15万元，完成预算的89.58%。\n"
                  "2024年度“三公”经费支出决算中，因公出国（境）费支出决算0万元，公务接待费支出决算0.50万元。")


@pytest.fixture(scope="module")
def school_city(tmp_path_factory):
    return city_of(tmp_path_factory.mktemp("items"), [("教育局", LIST), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。"),
                                                     ("体育局", "体育场馆运行项目900.00万元，用于场馆水电和保洁。"),
                                                     ("信访局", DESCRIBED_ROWS), ("医疗保障局", SUBJECT_UNSAID)])


def test_the_item_a_question_describes_gives_its_amount(school_city):
    question = "深圳市教育局2026年给学校屋顶防水、校舍加固花多少钱？"
    item = described_item(question, school_city.scope(question), school_city)
    assert item is not None and item.value == 5000 and {"加固", "防水"} <= set(item.said)
    a = ask(question, school_city.store.root, retriever=school_city)
    assert a.answered and a.value == 5000 and "屋面防水" in a.citations[0].text


def test_a_part_the_question_describes_beats_the_sentence_that_includes_it(school_city):
    # the sentence's first figure (人员经费6,000) is read for 人员经费, but it includes the part the question names
    question = "深圳市教育局2026年人员经费里待新校编制批复后拨付的是多少？"
    a = ask(question, school_city.store.root, retriever=school_city)
    assert a.answered and a.value == 1200


def test_no_item_when_two_amounts_say_the_words_as_well_or_a_comparison_is_asked(school_city):
    tied = "深圳市教育局2026年学校的项目有多少？"  # 校舍维修 and 新建学校 both say 学校
    assert described_item(tied, school_city.scope(tied), school_city) is None
    compared = "深圳市教育局2026年校舍加固和屋面防水比校园安保多多少？"
    assert described_item(compared, school_city.scope(compared), school_city) is None
    ranked = "深圳市教育局2026年校舍加固和屋面防水排第二大的项目是多少？"
    assert described_item(ranked, school_city.scope(ranked), school_city) is None
    # 第三方 is a third party, no rank: the item is described
    hired = "深圳市教育局2026年请第三方做校舍加固和屋面防水的钱有多少？"
    assert described_item(hired, school_city.scope(hired), school_city).value == 5000.0


def test_a_compound_the_documents_do_not_print_is_read_by_its_words(school_city):
    from qa.items import question_words

    question = "深圳市教育局2026年校舍的防水工程花多少？"  # the document says 屋面防水, never 防水工程
    words = question_words(question, school_city.scope(question), school_city)
    assert "防水" in words and "防水工程" not in words
    item = described_item(question, school_city.scope(question), school_city)
    assert item is not None and item.value == 5000


def test_an_item_saying_the_questions_words_comes_before_a_term_that_keeps_none(school_city):
    # 开办补助 and 津贴补贴 share 补 only: the economic row is a guess; the narrative names the item in these words
    question = "深圳市教育局2026年替还没批下编制的新学校垫的开办补助有多少？"
    a = ask(question, school_city.store.root, retriever=school_city)
    assert a.answered and a.value == 1200 and "新建学校开办补助" in a.citations[0].text


def test_a_project_row_is_read_by_what_its_description_cells_say(school_city):
    # the row's name (驻站工作) says none of the question's words; its 主要内容 cell says 劝返 and 接访
    question = "深圳市信访局2026年在北京那边做劝返、接访工作的经费有多少？"
    item = described_item(question, school_city.scope(question), school_city)
    assert item is not None and item.value == 256 and {"劝返", "接访"} <= set(item.said)


def test_a_clause_whose_subject_the_sentence_leaves_unsaid_is_not_second_guessed(school_city):
    # 支出决算为2.15 says 三公 only through its sentence's subject; the later item names 三公 in its own clause
    a = ask("深圳市医疗保障局“三公”经费支出决算是多少？", school_city.store.root, retriever=school_city)
    assert a.answered and a.value == 2.15


def test_item_names_are_the_narratives_items_and_the_tables_project_rows(tmp_path):
    from qa.item_names import item_names
    from tests.conftest import store_of

    doc = ("深圳市示例局2026年部门预算\n\n二、项目支出情况\n人才专项经费900.00万元，主要包括：高层次人才引进经费600.00万元，"
           "用于引进人才；设备经费300.00万元。\n\n专项业务经费支出表\n单位：万元\n项目名称\t项目金额\n合计\t375.15\n"
           "安全生产设备购置经费（含检测仪器）\t75.15\n安全生产月活动\t300.00\n")
    r = store_of(tmp_path, "sz-items.txt", doc)
    names = item_names(set(r.documents()), r)
    assert {"高层次人才引进经费", "安全生产设备购置经费", "安全生产月活动"} <= set(names)  # brackets dropped
    assert "合计" not in names


def test_an_item_saying_a_long_run_of_the_questions_words_is_the_one_described():
    from qa.items import DescribedItem, verbatim_item

    plan = DescribedItem(41626.0, "1.根据《科技计划管理改革优化工作方案》，增加科技研发资金预算41,626万元；", None, (), 0.47)
    other = DescribedItem(1388.31, "1.科技创新工作经费1,388.31万元，主要用于科技研发资金管理、行政管理。", None, (), 0.53)
    phrase = "其中因为科技计划管理改革而多给的科研资金"
    assert verbatim_item(phrase, [other, plan]) == (plan, 8)  # 科技计划管理改革, though the other shares more words
    # a short run names nothing, and two items of other amounts saying as long a run are a guess
    assert verbatim_item("科研资金", [other, plan]) is None
    twin = DescribedItem(99.0, "2.科技计划管理改革配套经费99万元。", None, (), 0.3)
    assert verbatim_item(phrase, [plan, twin]) is None


def test_characters_the_segmenter_could_not_join_are_read_as_one_word():
    from qa.items import _joined_singles

    # 远足步道: the segmenter knows 远足 but cuts 步道 into 步, 道; a long run of single characters is function words
    assert _joined_singles(["城市", "远足", "步", "道", "第二期", "定", "线路"]) == ["城市", "远足", "步道", "第二期", "线路"]
    assert _joined_singles(["给", "搞", "的", "那", "钱"]) == []


def test_the_words_of_where_to_look_do_not_describe_the_item(school_city):
    asked = "深圳市教育局2026年项目支出里，给学校请保安、装监控设备的钱是多少？"
    item = described_item(asked, school_city.scope(asked), school_city)
    assert item is not None and item.value == 3000  # the thing's own words say it
    # an item saying the where (校园安保项目) and nothing of the thing asked in it is not described
    asked = "深圳市教育局2026年校园安保项目里，给门卫买制服是多少？"
    assert described_item(asked, school_city.scope(asked), school_city) is None


def test_a_performance_targets_value_is_in_the_unit_the_question_asks_not_the_tables():
    from index.chunk import Chunk
    from qa.items import is_target, target_unit

    row = Chunk(id="t", source="a.txt", kind="row", pages=[1], text="技术合同成交额", table="部门整体绩效目标表",
                unit="万元", label="技术合同成交额", facts=[
                    {"column": "当年整体绩效目标/指标值", "value": 950.0, "raw": 950.0, "unit": "万元"},
                    {"column": "当年整体绩效目标/指标权重(%)", "value": 15.0, "raw": 15.0, "unit": "万元"}])
    money = Chunk(id="m", source="a.txt", kind="row", pages=[1], text="科普活动", table="项目支出表", unit="万元",
                  label="科普活动", facts=[{"column": "金额", "value": 12.0, "raw": 12.0, "unit": "万元"}])
    assert is_target(row, 950.0) and not is_target(money, 12.0)
    assert target_unit("全市技术合同成交额至少要做到多少亿元？") == "亿元"
    assert target_unit("要建成多少个社区商业圈？") == "个"
    assert target_unit("软件和信息服务业规模是多少") is None  # not said: not known, never 万元


PROCUREMENT = """深圳市示例局
2026年部门预算

一、政府采购预算情况
深圳市示例局纳入2026年部门预算的政府采购项目共有600.00万元，其中：货物类项目150.00万元、工程类项目50.00万元、服务类项目400.00万元。

支出总表
单位：万元
科目编码\t科目名称\t支出合计\t政府采购项目
\t合计\t2000.00\t600.00
\t深圳市示例局\t2000.00\t600.00
"""


def test_a_part_the_narrative_lists_beats_a_cell_that_leaves_its_word_unsaid(tmp_path):
    from index.ingest import ingest_paths

    (tmp_path / "sz-example.txt").write_text(PROCUREMENT, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # the table's 政府采购 cell says nothing of 货物: the 货物类项目 the sentence lists is the figure asked
    goods = ask("深圳市示例局2026年政府采购货物是多少？", tmp_path / "store")
    assert goods.answered and goods.value == 150.0 and "货物类项目" in goods.citations[0].text, goods.answer
    # the whole, asked, is still the table's
    whole = ask("深圳市示例局2026年政府采购项目是多少？", tmp_path / "store")
    assert whole.answered and whole.value == 600.0, whole.answer


def test_the_item_the_question_leaves_out_is_not_the_one_it_asks(tmp_path):
    # "除了请社工调解纠纷，还另外买了…社区营造的社工服务": the mediation item is left out; the other one is asked
    said = ("1.社工服务项目498.82万元，主要包括：采购大厅纠纷调解社工23名支出373.66万元；采购大厅社区建设社工8名支出"
            "125.16万元。2.信访大厅运行603.84万元，主要包括：大厅保安和安检服务项目支出328.69万元。")
    city = city_of(tmp_path, [("信访局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市信访局2026年在接访大厅除了请社工调解纠纷，还另外买了一批做社区营造方向的社工服务，这部分花多少钱？",
            city.store.root, retriever=city)
    assert a.value != 373.66 and (not a.answered or a.value == 125.16), a.answer


def test_a_list_head_word_running_straight_into_the_first_items_name_still_heads_the_list():
    from qa.items import items_in

    text = ("4.文化管理保障预算300.00万元，主要包括群众文化工作61.21万元，用于群众文化活动；文化市场管理工作11.25万元，"
            "用于市场执法；文艺院团改革工作227.54万元，用于院团改革。")
    found = items_in(text)
    assert [i.value for i in found] == [300.0, 61.21, 11.25, 227.54]
    assert all(i.head.startswith("4.文化管理保障预算") for i in found[1:])  # each part says whose part it is


def test_a_sentence_opening_with_qizhong_lists_the_parts_of_the_amount_before_it():
    from qa.items import items_in

    text = ("15.综合管理2,232.56万元，主要用于机关行政综合管理工作支出。其中，财务支出205.00万元，法律事务支出119.11万元。"
            "16.其他300.00万元，用于杂项。")
    found = items_in(text)
    assert [i.value for i in found] == [2232.56, 205.0, 119.11, 300.0]
    assert [i.head for i in found] == ["", "15.综合管理", "15.综合管理", ""]  # the list ends with its sentence


def test_a_number_the_question_names_its_item_by_tells_it_from_items_saying_its_other_words():
    from qa.items import DescribedItem, numbered_apart

    def item(value, said, share):
        return DescribedItem(value, f"{value}", None, said, share)

    line12 = item(133006.31, ("12", "号线", "运营", "管理"), 0.67)
    line13 = item(23260.74, ("号线", "运营", "管理"), 0.6)
    assert numbered_apart(line12, line13) and not numbered_apart(line13, line12)
    # the 13号线 item says the other words as well as 12号线's, but not its number: no rival
    question = "深圳市交通局今年为地铁12号线运营期管理安排了多少钱？"
    assert described_item(question, None, None, found=[line12, line13]).value == 133006.31
    # without a number to tell them apart, two items saying the words as well are a guess
    plain = [item(300.0, ("运营", "管理"), 0.6), item(200.0, ("运营", "管理"), 0.6)]
    assert described_item("深圳市交通局今年运营管理安排了多少钱？", None, None, found=plain) is None


def test_a_project_row_says_its_units_name_only_when_the_question_names_that_unit():
    from types import SimpleNamespace

    from qa.items import _row_text

    row = SimpleNamespace(label="流浪犬只社会化收容", budget_unit="西安市公安局治安管理支队",
                          text="专项业务经费支出表｜流浪犬只社会化收容：项目金额=200.00")
    assert "治安管理支队" in _row_text(row, frozenset({"西安市公安局治安管理支队"}))
    # (维修 of 加油、维修这些 is no word of the 汽车维修行业管理处 the question does not name)
    assert "治安管理支队" not in _row_text(row)


def test_one_of_the_many_uses_a_row_or_item_pays_for_is_not_answered_by_its_amount():
    from qa.items import one_of_many

    uses = "保障法律顾问服务、政务值班、公文印制、培训、档案整理"
    describes = lambda use: "培训" in use  # noqa: E731  (the question says 培训 only)
    # 培训 is one of five uses of 业务活动保障: its amount is theirs together
    assert one_of_many(("培训",), "业务活动保障", uses, describes)
    # …but not when the item's name says it, or it pays for few things
    assert not one_of_many(("培训",), "干部教育培训", uses, describes)
    assert not one_of_many(("培训",), "业务活动保障", "培训、档案整理", describes)


def test_an_item_that_says_the_words_only_in_what_it_is_for_is_answered_with_less_confidence():
    from types import SimpleNamespace

    from qa.items import DescribedItem, named_by, _row_name
    from qa.items import PURPOSE_ONLY

    # a unit's project row: the unit's label names the unit, the 项目名称 cell names the project
    row = SimpleNamespace(label="示例市职业技能培训指导中心", budget_unit="示例市职业技能培训指导中心",
                          text="项目支出表｜示例市职业技能培训指导中心：一级项目名称=人才类专项经费；预算数=1,798.00；"
                               "绩效目标=完成工匠奖励金发放")
    units = frozenset({"示例市职业技能培训指导中心"})
    assert _row_name(row, units) == "人才类专项经费"
    # the question's 工匠 is said by the goal only; 培训 names the unit asked, not the project
    assert not named_by(("培训", "工匠"), _row_name(row, units), units)
    assert named_by(("人才", "工匠"), _row_name(row, units), units)
    said_for = DescribedItem(1798.0, row.text, row, ("培训", "工匠"), 0.93, in_name=False)
    named = DescribedItem(1798.0, row.text, row, ("人才", "工匠"), 0.93)
    assert said_for.confidence == PURPOSE_ONLY and named.confidence == 0.93


def test_words_of_the_units_full_name_that_the_question_does_not_say_as_the_unit_are_what_it_asks(tmp_path):
    from tests.conftest import CITY_UNITS, city_of

    tourism = "旅游行业管理预算500.00万元，主要包括：旅游执法9.37万元，用于加强旅游市场执法管理；旅游宣传490.63万元。"
    units = ["文化广电旅游体育局"] + CITY_UNITS[1:]
    city = city_of(tmp_path, [(units[0], tourism)] + [(u, f"业务运行保障项目{100 + i}.00万元，用于日常业务。")
                                                       for i, u in enumerate(units[1:])])
    # said as 文广旅体局, the unit's name says no 旅游: 旅游执法 names the item
    question = "深圳文广旅体局2026年旅游执法这块安排了多少预算？"
    found = described_item(question, city.scope(question), city)
    assert found is not None and found.value == 9.37


def test_item_names_of_a_subordinate_unit_are_those_of_its_own_section_and_block(tmp_path):
    from qa.item_names import item_names
    from tests.conftest import store_of

    doc = ("深圳市水务局2026年部门预算\n\n第三部分 部门预算支出具体情况\n一、深圳市东部水源管理中心\n"
           "水务工程运行与维护4,245.35万元，主要包括：水库运行管理2,844.93万元，用于水库运行。\n"
           "二、深圳市西部水源管理中心\n水务工程运行与维护3,531.68万元，主要包括：泵站运行管理1,309.80万元，用于泵站运行。\n\n"
           "支出总表\n单位：万元\n项目\t支出总计\n深圳市东部水源管理中心\t60.00\n办公费\t20.00\n印刷费\t40.00\n"
           "深圳市西部水源管理中心\t35.00\n办公费\t15.00\n印刷费\t20.00\n")
    r = store_of(tmp_path, "sz-water.txt", doc)
    assert {"水库运行管理", "泵站运行管理"} <= set(item_names(set(r.documents()), r))
    east = item_names(set(r.documents()), r, frozenset({"深圳市东部水源管理中心"}))
    assert "水库运行管理" in east and "泵站运行管理" not in east


def test_a_sentences_item_paying_for_many_uses_is_not_the_money_of_one_of_them(tmp_path):
    from qa.items import scored_items

    said = ("2026年委托业务费87,190.78万元，主要用于规划统筹、地质勘查、矿产勘查、耕地保护、生态修复、地灾防治、测绘地理信息等"
            "技术服务支出。地灾防治专项20,889.67万元，用于地质灾害隐患排查和治理。")
    city = city_of(tmp_path, [("规划和自然资源局", said), ("文化局", "文物保护项目700.00万元。")])
    question = "深圳市规划和自然资源局2026年预算里花在地灾防治上的钱一共多少？"
    values = {d.value for d in scored_items(question, city.scope(question), city)}
    # one of seven uses said alone: the 委托业务费's amount is theirs together; the item named so is read
    assert 87190.78 not in values and 20889.67 in values



def test_what_a_thing_is_said_to_be_under_is_its_parent_not_the_thing():
    from qa.items import only_the_parent

    question = "深圳工信局2026年部门预算中，工业和信息产业下面的行政运行安排了多少万元？"
    # a row saying 工业 and 信息产业 (the class) beside a 行政运行 cell that leaves them unsaid: the parent, not the thing
    assert only_the_parent(question, {"工业", "信息产业"})
    assert not only_the_parent(question, {"工业", "行政运行"})  # (says the thing too)
    assert not only_the_parent("深圳工信局2026年工业和信息产业的行政运行是多少？", {"工业", "信息产业"})  # no parent said



def test_a_cell_says_its_rows_code_so_an_item_saying_the_code_is_no_better_reading(tmp_path):
    from tests.conftest import CITY_UNITS, city_of

    own = ("（4）气象事业机构（2200504）469.93万元，较上年减少22.86万元，主要原因是科目调整。\n\n"
           "一般公共预算基本支出明细表（按功能科目分）\n单位：万元\n科目编码\t科目名称\t合计\t人员经费支出\t公用经费支出\n"
           "2200504\t气象事业机构\t164.36\t153.69\t10.67\n")
    city = city_of(tmp_path, [(u, own if u == "气象局" else f"业务运行保障项目{100 + i}.00万元，用于公用经费支出。")
                              for i, u in enumerate(CITY_UNITS)])
    # the question names the row by its code and asks a column: the narrative item saying the code is the row's total
    a = ask("深圳市气象局2026年2200504气象事业机构的公用经费支出是多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 10.67, a.answer
