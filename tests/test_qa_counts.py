"""A count the narrative states, read by what the question counts and the few characters that tell one count of
the document from another; never a guess between counts that fit as well."""
import pytest

from qa.aggregate import follow_ups
from qa.answer import ask
from qa.counts import asked_count, stated_count
from tests.conftest import city_of

FLEET = ("截至2025年12月，所属各单位共有车辆12辆，其中机要通信用车2辆，应急保障用车4辆，其他用车6辆。"
         "2026年一般公共预算计划购置车辆3辆、60.00万元，主要是执法执勤用车3辆。")


def test_what_a_question_counts_and_in_which_measure():
    assert asked_count("一共有多少台车？") == ("车", "台")
    assert asked_count("局里的车有多少辆？") == ("车", "辆")  # (局里的: where, not what)
    assert asked_count("打算买几辆新车？") == ("新车", "辆")
    assert asked_count("其中应急用的几台？") is None  # what is counted is left to the question before
    # a buying verb before 几 counts what the words before it name; with nothing named, nothing is counted
    assert asked_count("换新公车打算买几辆？") == ("公车", "辆")
    # any measure word of the language asks a count, not an amount of money
    assert asked_count("要续建的大中型水库有几座？") == ("中型水库", "座")
    assert asked_count("全年给多少名医生办完执业注册？")[1] == "名"
    assert asked_count("2026年准备买几辆？") is None
    # the noun the measure word counts, not the verb after it
    assert asked_count("计划至少把多少卷档案整理好？") == ("档案", "卷")
    # …nor the words describing it before its 的
    assert asked_count("打算把多少条私人经营的公交线路收回来？") == ("公交线路", "条")
    # a count of a thing said as its number (车辆数, 设备数量) counts the thing
    assert asked_count("局里的车辆数有多少辆？") == ("车辆", "辆")
    # …which a follow-up takes from it
    assert follow_ups("某局一共有多少台车？其中应急用的几台？")[1].endswith("几台车")


@pytest.fixture(scope="module")
def fleet_city(tmp_path_factory):
    # (the template states the fleet again in its 三公 section: the same 12 cars)
    return city_of(tmp_path_factory.mktemp("counts"), [("水务局", FLEET), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")],
                   vehicles=12)


def test_a_count_is_read_in_the_questions_own_words(fleet_city):
    def count(question):
        return stated_count(question, fleet_city.scope(question), fleet_city)

    assert count("深圳市水务局到2025年底手里一共有多少台车？").value == 12  # 共有车辆12辆: 台 asked, 辆 printed
    assert count("深圳市水务局2026年准备添置多少辆车？").value == 3  # 计划购置: 置, and the year asked
    assert count("深圳市水务局其中应急用的几台车？").value == 4
    # 一共 asks the total (共有), not the 一 and 共 of 一般公共预算
    assert count("深圳市水务局一共有多少辆车？").value == 12
    a = ask("深圳市水务局2026年准备添置多少辆车？", fleet_city.store.root, retriever=fleet_city)
    assert a.answered and a.value == 3 and a.unit == "辆" and "计划购置车辆3辆" in a.citations[0].text


def test_counts_that_fit_as_well_are_no_answer(fleet_city):
    # nothing of the question but 车: the total its names state (共有车辆12辆), the whole count asked…
    question = "深圳市水务局的车是几辆？"
    assert stated_count(question, fleet_city.scope(question), fleet_city).value == 12.0
    # …but nothing tells the parts apart when a part is asked in words no name says
    part = "深圳市水务局执法的车是几辆？"
    assert stated_count(part, fleet_city.scope(part), fleet_city) is None


def test_a_count_held_and_a_count_bought_answer_different_questions(tmp_path):
    held = ("截至2025年10月，本单位共有车辆4辆；单价100万元以上设备36台（套）。"
            "2026年计划购置车辆0辆、0.00万元；单价100万元以上设备2台（套）、300.00万元。")
    city = city_of(tmp_path, [("气象局", held), ("文化局", "文物保护项目700.00万元。")], vehicles=4)

    def count(question):
        return stated_count(question, city.scope(question), city)

    # the same words name both counts; 有 asks what is held, 买 what is bought
    assert count("深圳市气象局2026年部门预算中，单价100万元以上的设备有多少台（套）？").value == 36
    assert count("深圳市气象局2026年打算买几台单价100万元以上的设备？").value == 2


def test_a_purchase_asked_in_other_words_reads_the_count_bought(tmp_path):
    city = city_of(tmp_path, [("水务局", FLEET), ("文化局", "文物保护项目700.00万元。")])
    # 打算买 shares no character with 计划购置, yet asks it: the count bought, not the 12 held
    a = ask("深圳市水务局2026年换新公车打算买几辆？", city.store.root, retriever=city)
    assert a.answered and a.value == 3.0, a.answer


def test_the_whole_system_asks_the_total(fleet_city):
    # 全系统 / 全部 ask the whole count, as 一共 does: the stated total, whatever else the question says
    question = "深圳市水务局决算显示，到2025年末全系统有多少辆车（含救护车）？"
    assert stated_count(question, fleet_city.scope(question), fleet_city).value == 12.0


def test_the_first_count_of_a_sentence_is_its_total_before_the_breakdown(tmp_path):
    bought = "截至2025年10月，共有车辆9辆。2026年计划购置车辆3辆、60.00万元，本级更新公务车辆1辆、下属中心更新公务车辆2辆。"
    city = city_of(tmp_path, [("气象局", bought), ("文化局", "文物保护项目700.00万元。")], vehicles=9)
    question = "深圳市气象局2026年打算买几辆车？"
    assert stated_count(question, city.scope(question), city).value == 3.0
    # a part asked in the breakdown's own words is still that part
    part = "深圳市气象局2026年下属中心更新几辆车？"
    assert stated_count(part, city.scope(part), city).value == 2.0


def test_people_counted_without_a_measure_word_are_a_count_of_people(tmp_path):
    from qa.question import intent

    assert intent("到2021年底名下管着多少离退休的老同志？") == "count"
    assert asked_count("到2021年底名下管着多少离退休的老同志？")[1] == "人"
    assert intent("离退休人员经费预算多少？") == "amount"  # money asked of them: no count
    said = "截至2021年底，本部门编制50人，实有人员46人，单位管理的离退休人员20人。离退休经费120.00万元。"
    city = city_of(tmp_path, [("工信局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市工信局到2021年底名下管着多少离退休的老同志？", city.store.root, retriever=city)
    assert a.answered and a.value == 20, a.answer


def test_people_described_before_the_count_are_counted_as_people(tmp_path):
    # "实际在岗的有多少人": the words before 多少人 describe the people (实有人员), they are no noun of their own
    assert asked_count("上年底实际在岗的有多少人？") == ("人员", "人")
    assert asked_count("上年底实际在岗有多少人？") == ("人员", "人")
    assert asked_count("离退休人员有多少人？") == ("退休人员", "人")  # a noun of people, kept (its last four characters)
    said = "截至2025年底，本部门编制52人，实有人员59人，其中行政51人，事业8人。"
    city = city_of(tmp_path, [("信访局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市信访局上年底实际在岗的有多少人？", city.store.root, retriever=city)
    assert a.answered and a.value == 59, a.answer


def test_a_question_in_any_measure_word_asks_a_count_not_money():
    from qa.question import intent

    assert intent("重庆水利局2026年要续建的大中型水库至少有几座？") == "count"
    assert intent("全年要给多少名医生办完执业注册？") == "count"
    assert intent("水库建设安排了多少钱？") == "amount"
    assert intent("内刊一年至少发多少篇稿子？") == intent("档案整理多少卷？") == "count"
    assert intent("多少支出用于项目？") == "amount"  # (支 begins 支出: no measure word here)
    # a measure before the money it counts asks the money: 多少项目钱 is 项目's money, 几项经费里 a list of sums
    assert intent("给办公楼做些小修补，列了多少项目钱？") == "amount"
    assert intent("名下的几项经费里，哪项最少？") == "amount"
    assert intent("一共有多少家二级预算单位？") == intent("立了几个项目？") == "count"


def test_a_count_read_elsewhere_is_of_things_held_or_bought_as_the_question_asks():
    from qa.counts import held_or_bought_as_asked

    held = "截止2021年底，本部门所属预算单位共有车辆76辆，单价20万元以上的设备144台（套）。"
    bought = "2022年部门预算安排购置单价20万元以上的设备6台（套）。"
    assert not held_or_bought_as_asked("2022年打算新添几台单价20万元以上的设备？", held, 144.0)
    assert held_or_bought_as_asked("2022年打算新添几台单价20万元以上的设备？", bought, 6.0)
    assert held_or_bought_as_asked("有多少台单价20万元以上的设备？", held, 144.0)
    assert not held_or_bought_as_asked("有多少台单价20万元以上的设备？", bought, 6.0)


def test_a_count_counts_the_thing_after_its_verb_not_who_holds_it(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    fleet = "截至2025年底，所属各预算单位共有车辆7辆，其中业务用车4辆。"
    city = city_of(tmp_path, [("统计局", fleet), ("文化局", "文物保护项目700.00万元。")])
    cars = ask("深圳市统计局所属单位共有车辆多少辆？", city.store.root, retriever=city)
    assert cars.answered and cars.value == 7.0, cars.answer
    # the units that hold the cars are not counted by the cars' figure
    units = ask("深圳市统计局2026年共有单位多少个？", city.store.root, retriever=city)
    assert not (units.answered and units.value == 7.0), units.answer


def test_counts_the_question_names_and_adds_up_are_summed(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    roads = "重点做好东区新城12条道路、西岸片区9条道路的命名工作。"
    city = city_of(tmp_path, [("民政局", roads), ("文化局", "文物保护项目700.00万元。")])
    both = ask("深圳市民政局要给东区新城和西岸片区的新路起名，两处加起来一共多少条路？", city.store.root, retriever=city)
    assert both.answered and both.value == 21.0 and both.unit == "条", both.answer
    assert "12条 + " in both.answer and "= 21条" in both.answer  # the sum is shown
    one = ask("深圳市民政局要给东区新城的新路起名，有多少条路？", city.store.root, retriever=city)
    assert one.value != 21.0, one.answer  # one part asked: no sum


def test_a_count_in_another_measure_counts_another_thing(tmp_path):
    from qa.counts import same_measure

    assert same_measure("台", "辆") and same_measure("个", "家") and not same_measure("条", "人")
    # the unit's staff (1318人) share a character with the lines asked (公交): people are no count of lines
    said = "截至2025年底，本局编制人数1318人。计划推进12条民营公交线路回购，新开线路60条。"
    city = city_of(tmp_path, [("交通局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市交通局2026年打算把多少条私人经营的公交线路收回来？", city.store.root, retriever=city)
    assert a.value != 1318 and (not a.answered or a.value == 12), a.answer


def test_people_of_a_named_part_are_counted_in_the_measure_word(tmp_path):
    # "讲师团…几个人": the part's own people, named before the count with no 人员 of their own
    said = "截至2025年底，实有人员97人，其中本部行政85人、讲师团事业12人。"
    city = city_of(tmp_path, [("宣传部", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市宣传部下面的讲师团实际在岗的有几个人？", city.store.root, retriever=city)
    assert a.answered and a.value == 12, a.answer


def test_posts_people_in_post_and_the_retired_are_counted_apart(tmp_path):
    said = ("截至2025年底，本部门人员编制105人，其中本部行政编制87人、讲师团事业编制18人；实有人员97人，其中本部行政85人、"
            "讲师团事业12人。单位管理的离退休人员29人，其中本部26人，讲师团3人。")
    city = city_of(tmp_path, [("宣传部", said), ("文化局", "文物保护项目700.00万元。")])
    in_post = ask("深圳市宣传部下面的讲师团到2025年底实际在岗的有几个人？", city.store.root, retriever=city)
    assert in_post.answered and in_post.value == 12, in_post.answer
    posts = ask("深圳市宣传部下面的讲师团核定的人员编制是几个人？", city.store.root, retriever=city)
    assert posts.answered and posts.value == 18, posts.answer
    retired = ask("深圳市宣传部讲师团管着多少离退休的老同志？", city.store.root, retriever=city)
    assert retired.answered and retired.value == 3, retired.answer
