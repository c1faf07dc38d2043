"""An answer named by what the question says it does not ask is no answer to it."""
from qa.left_out import said_left_out
from qa.models import Answer


def _answer(text: str, value: float, row: str | None = None, column: str | None = None) -> Answer:
    return Answer(question="", answer=text, value=value, unit="万元", mode="structured", row=row, column=column)


def test_a_row_naming_what_the_question_leaves_out_is_not_its_answer():
    question = "西安市府办2026年资本性支出（不算基本建设那一块）安排了多少？"
    assert said_left_out(question, _answer("…", 710.0, row="资本性支出（基本建设）", column="合计")) == ["基本建设"]
    assert said_left_out(question, _answer("…", 714.3, row="资本性支出", column="合计")) == []


def test_a_sentence_is_read_by_the_clause_holding_the_figure():
    question = "西安人社局2020年政府采购买服务（不算买东西和工程）的预算有多少？"
    sentence = "政府采购预算共3025.07万元，其中货物类预算413.48万元，服务类预算2476.59万元，工程类预算135万元。"
    assert said_left_out(question, _answer(sentence, 2476.59)) == []
    assert said_left_out(question, _answer(sentence, 135.0)) == ["工程"]
    # a figure printed in 元 is found in its clause all the same
    assert said_left_out(question, _answer("工程类预算1,350,000.00元；服务类预算24,765,900.00元", 135.0)) == ["工程"]


def test_nothing_is_left_out_when_the_question_says_nothing_of_the_kind():
    assert said_left_out("西安市府办2026年资本性支出是多少？", _answer("…", 710.0, row="资本性支出（基本建设）")) == []


def test_the_thing_left_out_is_the_object_of_the_verb_that_buys_it():
    question = "西安交通局2022年政府采购里，买设备、物品这些东西（不是买服务）的有多少钱？"
    sentence = "政府采购预算共9493.7万元，其中货物类预算965.57万元、服务类预算8528.13万元。"
    assert said_left_out(question, _answer(sentence, 8528.13)) == ["买服务"]
    assert said_left_out(question, _answer(sentence, 965.57)) == []


def test_a_sentence_sharing_only_the_thing_left_out_is_not_its_answer():
    from qa.models import Basis

    question = "深圳应急局2026年一般公共预算里，公车以外的那些交通开销一共排了多少？"
    sentence = "2026年计划购置车辆0辆、0万元，2026年尚未安排公车购置预算。"
    read = _answer(sentence, 0.0)
    read.basis = [Basis(part="sentence", text=sentence, words=["公车"])]
    assert said_left_out(question, read) == ["公车"]
    # a sentence sharing another word of the question too is judged by its own clause, as before
    read.basis = [Basis(part="sentence", text=sentence, words=["公车", "交通"])]
    assert said_left_out(question, read) == []
