"""Scoring one answer of the real-corpus set (eval/real_qa.py): the value in the label's unit, or a decline."""
from types import SimpleNamespace

from eval.labels import GoldSource, Question
from eval.real_qa import correct


def answer(value, unit, answered=True):
    return SimpleNamespace(answered=answered, value=value, unit=unit, rows=[], answer=f"{value}{unit}")


def test_money_stated_in_another_unit_is_the_same_figure():
    q = Question(id="q", question="计划完成投资多少？", type="narrative", value=176.4, unit="亿元", kind="lookup",
                 gold=[GoldSource(source="a.pdf", pages=[5])])
    assert correct(q, answer(1764000.0, "万元"))
    assert correct(q, answer(176.4, "亿元"))
    assert not correct(q, answer(176.4, "万元"))  # the number without its unit is another figure
    assert not correct(q, answer(1764000.0, "万元", answered=False))


def test_a_count_is_compared_as_it_is():
    q = Question(id="q", question="共有车辆多少辆？", type="narrative", value=5, unit="辆", kind="lookup",
                 gold=[GoldSource(source="a.pdf", pages=[5])])
    assert correct(q, answer(5.0, "辆")) and not correct(q, answer(4.0, "辆"))


def test_the_summary_says_what_a_confidence_threshold_would_give():
    from eval.real_qa import RealResult, summarise

    def result(value, gold, confidence, answerable=True):
        q = Question(id="q", question="三公经费是多少？", type="table", value=gold, unit="万元", kind="lookup",
                     gold=[GoldSource(source="a.pdf", pages=[5])] if answerable else [], answerable=answerable)
        a = answer(value, "万元", answered=value is not None)
        return RealResult(q, a.answered, value, a.answer, [], correct(q, a), None, 0.1, confidence)

    rs = [result(10.0, 10.0, 1.0), result(7.0, 10.0, 0.5), result(3.0, 3.0, 0.5), result(None, None, 0.0, False)]
    s = summarise(rs)
    assert (s["answered"], s["answered_precision"]) == (3, 2 / 3)
    # at 0.6 the two readings of 0.5 are declined: one right answer lost, one wrong one gone
    at = s["at_confidence"]["0.6"]
    assert (at["answered"], at["answered_precision"], at["answer_accuracy"]) == (1, 1.0, 0.5)
