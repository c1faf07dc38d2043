"""A change asked after a figure, read where the narrative states it beside that figure."""
import pytest

from qa.change import change_beside
from qa.question import asked_direction
from qa.models import Answer, Citation
from tests.conftest import city_of

INCOME = ("本部门预算收入2,000.00万元，其中一般公共预算拨款1,500.00万元、其他收入500.00万元。"
          "收入比2025年减少300.00万元，主要是一般公共预算拨款减少280.00万元、其他收入减少20.00万元。")


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return city_of(tmp_path_factory.mktemp("change"), [("气象局", INCOME), ("文化局", "文物保护项目700.00万元。")])


def _read_from_a_table(city, value):
    """The first figure as a table answers it: cited on the document, its text no sentence of the narrative."""
    key = next(k for k, d in city.documents().items() if d["name"].endswith("气象局"))
    return Answer(question="", answer="收入总表中“收入总计”为…", value=value, unit="万元", mode="structured",
                  citations=[Citation(source=key, page=1, text="收入总表", score=1.0)])


def test_the_change_stated_after_the_figures_parts_answers(city):
    got = change_beside("深圳市气象局2026年预算收入比上年少了多少", _read_from_a_table(city, 2000.0), city)
    assert got is not None and got.value == 300.0 and "收入比2025年减少300.00万元" in got.citations[0].text
    # (the parts' own changes, 280.00 and 20.00, name 一般公共预算拨款 and 其他收入, which the question does not ask)


def test_a_change_of_the_other_direction_or_beside_no_such_figure_is_no_answer(city):
    assert change_beside("深圳市气象局2026年预算收入比上年多了多少", _read_from_a_table(city, 2000.0), city) is None
    assert change_beside("深圳市气象局2026年预算收入比上年少了多少", _read_from_a_table(city, 2100.0), city) is None
    assert asked_direction("比上年少了多少", "-") and not asked_direction("比上年少了多少", "+")


def test_a_change_asked_without_its_direction_is_answered_by_either_direction(city):
    from qa.aggregate import follow_ups
    from qa.answer import ask
    from qa.question import intent
    from qa.encoder_phrase import named_phrase as _phrase

    assert asked_direction("跟去年比变化多大", "-") and asked_direction("跟去年比变化多大", "+")
    assert intent("机关运行经费跟去年比变化多大") == "change"
    assert _phrase("维持机关日常运转的经费跟去年比变化多大") == "维持机关日常运转的经费"  # the encoder reads no 变化
    question = "深圳市气象局2026年预算收入有多少？跟去年比变化多大？"
    assert follow_ups(question)[1] == "深圳市气象局2026年预算收入跟去年比变化多大"
    a = ask(question, city.store.root, retriever=city)
    assert a.answered and a.value == 2000.0 and [r.value for r in a.rows] == [2000.0, 300.0], a.answer


def test_a_change_of_a_total_is_read_beside_the_totals_figure_when_no_sentence_names_it_as_asked(tmp_path):
    from qa.answer import ask
    from qa.change import level_question

    assert level_question("深圳市气象局2026年支出总计比上年减少多少？") == "深圳市气象局2026年支出总计是多少"
    assert level_question("深圳市气象局2026年支出总计跟去年比变化多大") == "深圳市气象局2026年支出总计是多少"
    assert level_question("深圳市气象局2026年支出总计是多少") is None  # no change asked
    said = ("2026年部门预算收入2,000.00万元，较2025年年初预算减少300.00万元，主要是项目结束。\n\n收支总表\n单位：万元\n"
            "收入\t\t支出\t\n项目\t2026年预算数\t项目\t2026年预算数\n收入总计\t2000.00\t支出总计\t2000.00\n")
    city = city_of(tmp_path, [("气象局", said), ("文化局", "文物保护项目700.00万元。")])
    # the sentence names 收入, the question 支出总计: the table's total (2,000.00) is the figure, its change is
    # the one printed right after that figure
    a = ask("深圳市气象局2026年支出总计比上年减少多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 300.0, a.answer
    assert ask("深圳市气象局2026年支出总计比上年增加多少？", city.store.root, retriever=city).value != 300.0


def test_a_change_is_asked_by_its_base_year_whatever_verb_says_which_way():
    from qa.change import level_question
    from qa.question import intent

    # 省下, 砍掉, 多花: words no list of change verbs holds; the base year (比上年) says a change is asked
    for asked in ("会议费比上一年省下了多少", "这个科目比上年砍掉了多少", "比去年多花了多少"):
        assert intent(asked) == "change", asked
    assert level_question("医疗补助安排了多少？比上年砍掉了多少？") == "医疗补助安排了多少是多少"
    # …but the base alone asks no change, nor does a count of things compared with it
    assert intent("支出比上年是多少") == "amount"
    assert intent("比上年多了几辆车") == "count"


def test_a_change_that_restates_its_figures_subject_in_the_next_sentence_is_that_figures_change(tmp_path):
    from qa.answer import ask
    from qa.change import change_beside
    from tests.conftest import city_of

    running = ("机关运行经费预算627.62万元，支出决算627.62万元，完成预算的100%。支出决算比上年增加113.37万元，"
               "主要原因是拍摄警示教育片。")
    city = city_of(tmp_path, [("统计局", running), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    level = ask("深圳市统计局2026年机关运行经费实际花了多少", city.store.root, retriever=city)
    assert level.answered and level.value == 627.62, level.answer
    # "实际花了" names neither 预算 nor 支出决算: the change is the one whose subject is the figure's own (支出决算)
    change = change_beside("深圳市统计局2026年机关运行经费实际花了多少？比上一年多出多少？", level, city)
    assert change is not None and change.value == 113.37, change


def test_a_change_with_no_subject_of_its_own_in_the_next_sentence_is_the_figures_change(tmp_path):
    from qa.answer import ask

    items = ("（一）在职人员经费3,000.00万元，主要是工资福利。较2025年年初预算增加100.00万元。"
             "（二）公用经费900.00万元，主要包括水电费、物业管理费等。较2025年年初预算增加28.00万元，增幅3.2%。"
             "2026年财政拨款“三公”经费预算40.00万元，较2025年年初预算增加6.00万元。")
    city = city_of(tmp_path, [("口岸办", items), ("文化局", "文物保护项目700.00万元，用于修缮古建筑。")])
    got = ask("深圳市口岸办2026年的公用经费比2025年年初预算多了多少？", city.store.root, retriever=city)
    # the 三公 sentence shares the question's words (经费, 2025年年初预算) but is another figure's change
    assert got.answered and got.value == 28.0, got.answer
    assert got.answer.startswith("（二）公用经费900.00万元")  # quoted from the figure's sentence, which names it
