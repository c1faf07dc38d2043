"""Who a document is about (index/entity.py) and which documents a question names (qa/scope.py): aliases come
from the names and texts of the documents by general rules, and a unit, place or year the store does not hold is
reported instead of matched to a look-alike."""
from index.entity import abbreviations, clean_name, describe, parent_of, split_name, text_aliases
from qa.aggregate import is_aggregate
from qa.scope import narrow, scope


def test_scope_markers_places_and_parents():
    assert clean_name("深圳市气象局（本级）") == ("深圳市气象局", "本级")
    assert clean_name("西安市卫生健康委员会(汇总)金额") == ("西安市卫生健康委员会", "汇总")
    # A header word printed on the unit's line, with no scope marker before it, is not part of the name either.
    assert clean_name("示例市交通运输局金额") == ("示例市交通运输局", None)
    assert clean_name("示例市工业和信息化局金额单位：元") == ("示例市工业和信息化局", None)
    assert split_name("中共深圳市委宣传部") == (["深圳"], "市委", "宣传部")
    assert split_name("上海市普陀区人民政府万里街道办事处") == (["上海", "普陀区"], "区", "人民政府万里街道办事处")
    assert parent_of("深圳市公安局交通管理局") == "深圳市公安局"
    assert parent_of("深圳市规划和自然资源局大鹏管理局") == "深圳市规划和自然资源局"
    assert parent_of("深圳市人力资源和社会保障局") is None


def test_abbreviations_follow_general_rules():
    assert {"人社局", "住建局"} <= abbreviations("人力资源和社会保障局") | abbreviations("住房和建设局")
    assert "发改委" in abbreviations("发展和改革委员会")
    assert "国资委" in abbreviations("国有资产监督管理委员会")
    assert "文广旅体局" in abbreviations("文化广电旅游体育局")
    assert {"安监局", "食药监局"} <= abbreviations("安全生产监督管理局") | abbreviations("食品药品监督管理局")
    assert "退役军人局" in abbreviations("退役军人事务局")
    assert abbreviations("气象局") == {"气象部门"}
    assert {"规资局", "交通局"} <= abbreviations("规划和自然资源局") | abbreviations("交通运输局")


def test_text_aliases_are_the_documents_own_short_forms():
    texts = ["深圳市发展和改革委员会（以下简称市发展改革委）负责……", "市发展改革委2026年预算……", "市发展改革委内设……"]
    assert "发展改革委" in text_aliases("发展和改革委员会", texts)
    assert text_aliases("发展和改革委员会", texts[:1]) == {"发展改革委"}  # 简称 counts twice on its own


def test_describe_scope_from_title_and_a_name_cut_by_a_line_break():
    d = describe("与技术保障中心", "2026 年度 泉州市市场监管综合监测 与技术保障中心 单位预算")
    assert d["name"] == "泉州市市场监管综合监测与技术保障中心" and d["scope"] == "本级" and d["place"] == "泉州"
    assert describe("深圳市审计局", "2026年深圳市审计局部门预算")["scope"] == "汇总"


def _docs():
    names = {"sz-met": ("深圳市气象局（本级）", 2026), "xa-met": ("西安市气象局", 2022), "cq-met": ("重庆市气象局", 2026),
             "sz-ndrc": ("深圳市发展和改革委员会（本级）", 2026), "qz-ps": ("泉州市公安局", 2026),
             "qz-ps-own": ("泉州市公安局（本级）", 2026)}
    docs = {}
    for key, (entity, year) in names.items():
        docs[key] = {"entity": entity, "year": year, "chunk_ids": [], **describe(entity, f"{year}年{entity}部门预算")}
    return docs


def test_a_question_names_its_unit_by_full_short_or_abbreviated_name():
    docs = _docs()
    assert scope("深圳市气象局2026年三公经费是多少？", docs).keys == {"sz-met"}
    assert scope("深圳气象局的三公经费", docs).keys == {"sz-met"}
    assert scope("深圳发改委的人员经费", docs).keys == {"sz-ndrc"}
    assert scope("市气象局三公经费", docs).keys == {"sz-met", "xa-met", "cq-met"}
    both = scope("深圳市气象局和重庆市气象局的三公经费哪个多", docs)
    assert both.keys == {"sz-met", "cq-met"} and len(both.named) == 2


def test_a_unit_the_question_says_it_does_not_mean_is_not_asked():
    docs = _docs()
    assert scope("深圳发改委（不是深圳气象局）2026年的印刷费", docs).keys == {"sz-ndrc"}
    # …unless it is the only one named: then the question is about it after all
    assert scope("不是深圳气象局吗？2026年的印刷费", docs).keys == {"sz-met"}


def test_department_or_its_own_office():
    docs = _docs()
    assert scope("泉州市公安局的基本支出", docs).keys == {"qz-ps"}
    own = scope("泉州市公安局本级的基本支出", docs)
    assert own.keys == {"qz-ps-own"}
    # the printing not asked is not named either: one unit asked is no question across two documents
    assert set(own.named) == {"qz-ps-own"} and not is_aggregate("泉州市公安局本级的基本支出是多少？", own)
    # two figures of one document, named in quotes and joined, or counted as two items
    assert is_aggregate("泉州市公安局本级“办公费”和“印刷费”加在一起是多少？", own)
    assert is_aggregate("泉州市公安局本级办公费和印刷费两个科目加起来是多少？", own)


def test_two_departments_each_printed_twice_are_each_read_once():
    names = {"met": "示例市气象局", "met-own": "示例市气象局（本级）", "stat": "示例市统计局",
             "stat-own": "示例市统计局（本级）"}
    docs = {k: {"entity": e, "year": 2026, "chunk_ids": [], **describe(e, f"2026年{e}部门预算")} for k, e in names.items()}
    # two departments compared or summed are two documents, never each one's department and own office together
    assert scope("示例市气象局和示例市统计局的会议费各是多少", docs).keys == {"met", "stat"}
    assert scope("示例市气象局（本级）和示例市统计局（本级）的会议费", docs).keys == {"met-own", "stat-own"}
    # each unit by its own word: 本级 said after one of them only
    assert scope("示例市气象局和示例市统计局本级的会议费", docs).keys == {"met", "stat-own"}


def test_what_the_store_does_not_hold_is_reported():
    docs = _docs()
    other = scope("深圳市教育局2026年三公经费是多少？", docs)
    assert other.missing and other.unknown == ["深圳市教育局"]
    assert scope("广州市气象局的项目支出", docs).unknown == ["广州市"]
    # a verb before 市政府 names no city the store lacks (完成市政府值班业务: the duty work of the city government)
    assert not scope("深圳市气象局2026年完成市政府值班业务工作的人数有多少人", docs).missing
    year = scope("西安市气象局2026年的基本支出", docs)
    assert year.missing and year.held == [2022] and not year.unknown
    # the end of a year dates a fact the next year's budget opens with (截至2021年底的人数, in a 2022 budget)
    assert not scope("西安市气象局2021年底有多少退休人员", docs).missing
    assert scope("西安市气象局2021年的基本支出", docs).missing
    assert not scope("深圳市气象局2026年三公经费是多少？", docs).missing
    every = scope("深圳市各部门中哪个部门的三公经费最多？", docs)
    assert every.every and not every.missing and every.keys == {"sz-met", "sz-ndrc"}


def test_narrow_by_doc_entity_and_year():
    docs = _docs()
    assert narrow(docs, entity="深圳气象局") == {"sz-met"}
    assert narrow(docs, year=2022) == {"xa-met"}
    assert narrow(docs, doc="cq-") == {"cq-met"}


def test_a_stored_name_with_a_header_word_is_described_again():
    from qa.scope import entry

    stored = {"entity": "示例市交通运输局金额", "name": "示例市交通运输局金额", "aliases": ["示例市交通运输局金额"]}
    again = entry(stored)
    assert again["name"] == "示例市交通运输局" and "交通运输局" in again["aliases"]


def test_a_unit_said_by_some_of_its_characters_in_order_is_read_when_no_other_name_holds_them():
    names = ["深圳市建筑工务署", "深圳市交通运输局", "深圳市公安局交通管理局", "西安市行政审批服务局",
             "深圳市规划和自然资源局大鹏管理局", "深圳市规划和自然资源局宝安管理局"]
    docs = {f"d{i}": {**describe(n), "year": 2026} for i, n in enumerate(names)}
    assert scope("深圳工务署2026年机关运行经费是多少？", docs).named == {"d0": "深圳工务署"}
    assert scope("西安审批局2026年培训费是多少？", docs).keys == {"d3"}
    # two units of the place hold 规划…管理局 in order: neither is guessed
    both = scope("深圳规划管理局2026年三公经费是多少？", docs)
    assert not both.named and both.missing


def test_the_fields_of_a_name_joined_by_he_may_be_abbreviated_in_either_order():
    docs = {"d0": {**describe("西安市自然资源和规划局"), "year": 2022}, "d1": {**describe("西安市交通运输局"), "year": 2022}}
    # (the city says 自然资源和规划, others 规划和自然资源: 规资局 is either)
    assert scope("西安规资局2022年三公经费是多少？", docs).keys == {"d0"}
    assert scope("西安资规局2022年三公经费是多少？", docs).keys == {"d0"}
    assert not scope("西安规交局2022年三公经费是多少？", docs).named


def test_the_whole_name_of_a_units_parent_is_not_that_units_abbreviation():
    docs = {"d0": {**describe("深圳市市场监督管理局深汕监管局"), "year": 2026},
            "d1": {**describe("深圳市建筑工务署"), "year": 2026}}
    parent = scope("深圳市市场监督管理局（本级）2026年三公经费是多少？", docs)
    assert not parent.named and parent.missing  # the bureau itself is not in the store, only its branch
    assert scope("深圳市场监督管理局深汕监管局2026年三公经费是多少？", docs).keys == {"d0"}


def test_a_unit_named_with_its_place_and_a_kind_like_institute_or_centre_is_looked_for():
    docs = {"d0": {**describe("重庆市科学技术局"), "year": 2026}, "d1": {**describe("重庆市气象局"), "year": 2026}}
    institute = scope("重庆市中药研究院2026年的公务接待费预算是多少？", docs)
    assert institute.missing and "重庆市中药研究院" in institute.unknown
    # a centre inside a unit's question is a word of its item, not a unit
    assert scope("重庆市气象局2026年气象监测预警指挥中心运行经费多少？", docs).keys == {"d1"}


def test_the_other_words_a_question_names_its_unit_by_are_no_words_of_what_it_asks():
    from qa.scope import without_names

    docs = {"d0": {**describe("深圳市规划和自然资源局大鹏管理局"), "year": 2026},
            "d1": {**describe("深圳市市场监督管理局深汕监管局"), "year": 2026},
            "d2": {**describe("深圳市生态环境局"), "year": 2026}}
    q = "大鹏那个规划和自然资源管理局，2026年项目经费按类别排，第二多的是哪一类？"
    sc = scope(q, docs)
    assert sc.keys == {"d0"}
    # 规划和自然资源管理局 (its parent's name and its kind, in order in its name) would read as 自然资源事务
    rest = without_names(q, docs, sc)
    assert "自然资源" not in rest and "那个" not in rest and "项目经费按类别排" in rest
    q = "深汕那个市场监管局2026年给职工发的买房补贴一共安排了多少？"
    assert without_names(q, docs, scope(q, docs)).strip().startswith("给职工发的买房补贴")
    # a kind of unit the question asks about, not the unit's name, stays (各区设的管理局: not in 生态环境局)
    q = "深圳生态环境局在各区设的管理局里，哪一个2026年的预算最小？"
    assert "各区设的管理局" in without_names(q, docs, scope(q, docs))


def test_the_governments_office_is_named_as_people_say_it_and_who_a_thing_is_for_is_no_unit():
    docs = {"d0": {**describe("深圳市人民政府办公厅"), "year": 2026}, "d1": {**describe("深圳市气象局"), "year": 2026}}
    assert {"市府办", "深圳市府办", "深圳市政府办"} <= set(docs["d0"]["aliases"])
    sc = scope("深圳市府办2026年给政府起草重要文稿、搞调研准备了多少钱？", docs)
    # 给政府: who the drafting is for, not a unit the store lacks
    assert sc.keys == {"d0"} and not sc.missing


def test_a_stored_entry_answers_to_the_aliases_todays_rules_give_its_name():
    from qa.scope import entry

    stored = {**describe("深圳市人民政府办公厅"), "entity": "深圳市人民政府办公厅", "year": 2026}
    stored["aliases"] = [a for a in stored["aliases"] if not a.endswith("府办")]  # as an older store recorded them
    assert stored["aliases"] and "深圳市府办" not in stored["aliases"]
    assert "深圳市府办" in entry(stored)["aliases"]
    assert scope("深圳市府办2026年会议费是多少？", {"d0": stored}).keys == {"d0"}


def test_a_second_unit_said_with_its_place_but_no_city_word_is_read_when_it_abbreviates_one():
    docs = {"d0": {**describe("深圳市人民政府办公厅"), "year": 2026}, "d1": {**describe("深圳市建筑工务署"), "year": 2026},
            "d2": {**describe("西安市交通运输局"), "year": 2022}}
    sc = scope("深圳市政府办公厅和深圳工务署本级2026年的公用经费各是多少？", docs)
    assert sc.keys == {"d0", "d1"} and not sc.missing
    # a unit inside the named one's tables, said with its place, is not a unit the store lacks
    sc = scope("西安交通局2022年部门预算里，西安公路管理局那一行是多少钱？", docs)
    assert sc.keys == {"d2"} and not sc.missing


def test_a_name_cut_at_its_own_and_keeps_the_place_it_was_said_with():
    docs = {"d0": {**describe("深圳市城市管理和综合执法局"), "year": 2026}, "d1": {**describe("西安市统计局"), "year": 2026},
            "d2": {**describe("深圳市统计局"), "year": 2026}}
    # 综合执法局, read after the 和 of 城市管理和综合执法局, is 西安's, which the store lacks: not 深圳's look-alike
    sc = scope("西安市城市管理和综合执法局2026年的公务接待费是多少？", docs)
    assert "d0" not in sc.keys and sc.missing
    assert scope("深圳市城市管理和综合执法局2026年的公务接待费是多少？", docs).keys == {"d0"}


def test_a_departments_total_is_not_given_as_its_own_offices(look_alike_city):
    from qa.answer import ask
    from qa.scope import own_office_asked

    docs = look_alike_city.documents()
    asked = "深圳市统计局本级2026年一般公共预算支出合计是多少？"
    assert own_office_asked(asked, look_alike_city.scope(asked), docs)  # the store holds the department's document
    plain = "深圳市统计局2026年一般公共预算支出合计是多少？"
    assert not own_office_asked(plain, look_alike_city.scope(plain), docs)
    assert ask(plain, look_alike_city.store.root, retriever=look_alike_city).value == 2002.0
    # the department's total row says nothing of its own office: not given as the own office's figure
    a = ask(asked, look_alike_city.store.root, retriever=look_alike_city)
    assert not a.answered and "本级" in a.answer, a.answer


def test_the_polices_traffic_bureau_is_named_as_people_say_it():
    docs = {"d0": {**describe("深圳市公安局交通管理局"), "year": 2026}, "d1": {**describe("深圳市公安局"), "year": 2026}}
    assert {"交警局", "深圳交警局"} <= set(docs["d0"]["aliases"]) and "交警局" not in docs["d1"]["aliases"]
    assert scope("深圳交警局2026年公务用车购置费预算多少？", docs).keys == {"d0"}
    assert scope("深圳市公安局2026年公务用车购置费预算多少？", docs).keys == {"d1"}


def test_a_district_office_is_named_by_its_district_before_its_parents_short_name():
    docs = {"d0": {**describe("深圳市规划和自然资源局盐田管理局"), "year": 2026},
            "d1": {**describe("重庆市规划和自然资源局"), "year": 2026},
            "d2": {**describe("西安市人民政府办公厅"), "year": 2026}, "d3": {**describe("重庆市人民政府办公厅"), "year": 2026}}
    assert {"盐田规资局", "盐田规划和自然资源局"} <= set(docs["d0"]["aliases"])
    # 重庆's 规资局 said inside 盐田规资局 is not a second unit: its place is said nowhere
    assert scope("盐田规资局2026年地质灾害防治的钱有多少？", docs).keys == {"d0"}
    assert scope("重庆规资局2026年地质灾害防治的钱有多少？", docs).keys == {"d1"}
    # …while places the question says name a unit each (西安's 市政府办公厅 inside 重庆市政府办公厅)
    assert scope("2026年西安、重庆市政府办公厅的机关运行经费分别是多少？", docs).keys == {"d2", "d3"}


def test_a_district_said_before_a_city_units_name_makes_it_another_body():
    docs = {**_docs(), "sz-yt": {**describe("深圳市规划和自然资源局盐田管理局"), "year": 2026}}
    # 龙岗区气象局 is the district's bureau: the city's 深圳市气象局 is a look-alike, not the answer
    district = scope("深圳市龙岗区气象局2026年三公经费是多少？", docs)
    assert district.missing and district.unknown == ["龙岗区气象局"] and "sz-met" not in district.named
    assert scope("深圳龙岗区气象局的基本支出", docs).unknown == ["龙岗区气象局"]
    # …but a district the unit's own name says is that unit (盐田管理局 of 盐田区), and words ending in 区 are no district
    assert scope("深圳市盐田区规划和自然资源局盐田管理局2026年项目支出", docs).keys == {"sz-yt"}
    assert not scope("深圳市气象局在社区的气象站2026年花了多少？", docs).missing


def test_a_city_the_store_lacks_is_a_place_the_dictionary_knows():
    docs = _docs()
    assert scope("杭州市气象局2026年三公经费是多少？", docs).unknown == ["杭州市"]
    assert scope("晋江市气象局的基本支出", docs).unknown == ["晋江市"]
    # 市 inside a word (建设市场) or after a verb (打算把市里…) says no city
    assert not scope("深圳市气象局2026年“建设市场管理”科目给了多少？", docs).missing
    assert not scope("西安市气象局2022年打算把市里的雷达更新几部？", docs).missing


def test_a_province_a_sub_unit_and_final_accounts_the_store_does_not_hold_are_reported():
    docs = {k: {**d, "kind": "final" if k == "xa-met" else "budget"} for k, d in _docs().items()}
    assert scope("广东省气象局2026年三公经费是多少？", docs).unknown == ["广东省"]
    assert not scope("广东省深圳市气象局2026年三公经费是多少？", docs).missing  # (the store's city said with it)
    # a unit below the named one, said with its place after 下属的: another body
    assert "重庆市气象台" in scope("重庆市气象局下属的重庆市气象台2026年预算支出是多少？", docs).unknown
    # the final accounts of a year whose document is a budget: a plan, not what the accounts report
    final = scope("深圳市气象局2026年度决算中公务接待费支出是多少？", docs)
    assert final.missing and final.unknown == ["2026年决算"]
    assert scope("深圳市气象局2026年决算的一般公共预算支出是多少？", docs).missing
    assert not scope("深圳市气象局2026年预算比2025年决算增加多少？", docs).missing
    assert not scope("西安市气象局2022年度决算中公务接待费支出是多少？", docs).missing


def test_a_body_named_after_its_city_that_is_none_of_its_units_and_a_whole_department_of_an_own_office():
    docs = _docs()
    # 科协 ends in no word of a body (局, 委…), yet it is named: not any Shenzhen unit the words would find
    other = scope("深圳市科协2026年三公经费是多少？", docs)
    assert other.missing and other.unknown == ["深圳市科协"]
    assert not scope("深圳市2026年各部门中哪个部门的三公经费最多？", docs).missing
    # the store holds only the meteorological bureau's own office (本级): its whole department (汇总) is not held
    whole = scope("深圳市气象局（汇总）2026年支出总计是多少？", docs)
    assert whole.missing and whole.unknown == ["深圳市气象局（汇总）"]
    assert not scope("深圳市气象局（本级）2026年支出总计是多少？", docs).missing


def test_a_short_name_inside_another_places_named_unit_is_not_that_places_unit():
    docs = _docs()
    for key, entity in (("sz-pub", "中共深圳市委宣传部"), ("cq-pub", "中共重庆市委宣传部")):
        docs[key] = {"entity": entity, "year": 2026, "chunk_ids": [], **describe(entity, f"2026年{entity}部门预算")}
    # 宣传部 of 重庆市委宣传部 is 重庆's, though the question names 深圳's 气象局 beside it
    sc = scope("重庆市委宣传部和深圳市气象局2026年的邮电费各是多少？", docs)
    assert set(sc.named) == {"cq-pub", "sz-met"}, sc.named
    # both places' units asked by a name said once after the places: each place's
    both = scope("深圳、重庆两地的市委宣传部2026年邮电费各是多少？", docs)
    assert {"sz-pub", "cq-pub"} <= set(both.named), both.named


def test_a_unit_only_its_departments_tables_report_is_asked_of_that_department(tmp_path):
    from qa.answer import ask
    from tests.conftest import store_of

    income = ("深圳市示例局\n2026年部门预算\n\n一、部门概况\n本部门包括本级和一家下属单位。\n\n收入总表\n单位：万元\n"
              "单位名称\t本年收入合计\t财政拨款\t事业收入\n合计\t100.00\t70.00\t30.00\n"
              "深圳市示例局（本级）\t60.00\t60.00\t0.00\n深圳市示例监测站\t40.00\t10.00\t30.00\n")
    retriever = store_of(tmp_path, "sz-income.txt", income)
    # no document is the monitoring station's, but its department's tables print its row
    sc = retriever.scope("深圳市示例监测站2026年事业收入是多少？")
    assert sc.missing and retriever.reporting(sc) == "深圳市示例局"
    a = ask("深圳市示例监测站2026年事业收入是多少？", tmp_path / "store", retriever=retriever)
    assert a.answered and a.value == 30.0 and a.basis[0].text.startswith("深圳市示例局"), a.answer
    # a unit no table prints is still not in the store
    other = ask("深圳市示例气象台2026年事业收入是多少？", tmp_path / "store", retriever=retriever)
    assert not other.answered and "库中没有" in other.answer


def test_a_short_name_said_after_a_department_is_its_own_unit_when_its_tables_report_one(tmp_path):
    from tests.conftest import city_of

    # the ecology bureau's table prints its 大鹏管理局; the planning bureau's 大鹏管理局 is a document of its own
    units = ("环境监管项目100.00万元。\n\n一般公共预算支出表（按功能分类）\n单位：万元\n科目名称\t支出总计\n"
             "深圳市生态环境局大鹏管理局\t923.24\n")
    city = city_of(tmp_path, [("生态环境局", units), ("规划和自然资源局大鹏管理局", "规划管理项目50.00万元。")])
    said = city.scope("深圳市生态环境局大鹏管理局2026年环境保护管理事务是多少？")
    assert sorted(k.rsplit("/", 1)[-1] for k in said.named) == ["unit-00.txt"], said.named
    # two units joined by 和 are two, whatever the department reports
    both = city.scope("深圳市生态环境局和大鹏管理局2026年会议费各是多少？")
    assert len(both.named) == 2, both.named
