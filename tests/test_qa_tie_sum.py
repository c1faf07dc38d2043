"""qa.tie_sum: two terms the encoder ties, read as the two things a question adds up when it names each in its own
words."""
from types import SimpleNamespace

from qa.scope import Scope
from qa.tie_sum import _stems, both_asked


def _reader(asked: list[str]):
    def read(question: str):
        asked.append(question)
        return SimpleNamespace(answered=True, value=31.5, question=question)
    return read


def test_each_tied_term_is_its_own_part_without_the_ending_they_share():
    assert _stems("水费", "电费") == ("水", "电")
    assert _stems("因公出国境费", "会议费") == ("因公出国境", "会议")


def test_a_tie_of_two_things_the_question_names_and_adds_up_is_their_sum():
    sc = Scope(keys={"a.pdf"}, named={"a.pdf": "深圳市统计局"}, years={2026})
    asked: list[str] = []
    found = both_asked("深圳市统计局2026年机关用水用电的开销合起来是多少？", ["水费", "电费"], sc, _reader(asked))
    assert found.value == 31.5 and asked == ["深圳市统计局2026年水费和电费加起来是多少"]
    # no adding up said: which of the two is asked stays a guess
    assert both_asked("深圳市统计局2026年机关用水用电的开销是多少？", ["水费", "电费"], sc, _reader([])) is None
    # a term the question does not name in its own words (会议 of 会议费): no sum of both
    assert both_asked("深圳市统计局2026年干部出门办事的交通住宿开销一共多少？", ["因公出国境费", "会议费"], sc,
                      _reader([])) is None


def _answers(values: dict[str, float | None]):
    from qa.models import Answer

    def read(term: str):
        value = values[term]
        return Answer(question=term, answer=f"“{term}”为{value}万元。", value=value, unit="万元",
                      answered=value is not None, confidence=1.0)
    return read


def test_two_tied_terms_that_read_one_figure_answer_it_whichever_was_meant():
    from qa.tie_sum import EITHER_READING, either_reads

    tie = ["行政单位医疗", "职工基本医疗保险缴费"]
    found = either_reads(tie, _answers({"行政单位医疗": 171.16, "职工基本医疗保险缴费": 171.16}))
    assert found.value == 171.16 and found.confidence == EITHER_READING
    assert "两者读出的数相同" in found.answer and found.basis[0].part == "term"
    # two figures: which term was meant decides the answer, and that stays a guess
    assert either_reads(tie, _answers({"行政单位医疗": 171.16, "职工基本医疗保险缴费": 208.8})) is None
    # a zero, or a term not answered, tells nothing
    assert either_reads(tie, _answers({"行政单位医疗": 0.0, "职工基本医疗保险缴费": 0.0})) is None
    assert either_reads(tie, _answers({"行政单位医疗": 171.16, "职工基本医疗保险缴费": None})) is None


def test_a_term_asked_again_that_ties_once_more_is_declined_not_read_without_end(monkeypatch):
    from qa.models import Answer
    from qa.tie_sum import tie_answer

    sc = Scope(keys={"a.pdf"}, named={"a.pdf": "深圳市水务局"}, years={2026})
    retriever = SimpleNamespace(documents=lambda: {}, vocabulary=lambda: None)
    calls: list[str] = []

    def read(question: str) -> Answer:
        # the question asked in each term ties the same two terms again, as a reading that never settles would
        calls.append(question)
        again = tie_answer(question, ["退休费", "生活补助"], sc, retriever, read)
        return again or Answer(question=question, answer="证据不足", answered=False, confidence=0.0)

    monkeypatch.setattr("qa.reword.asked_as", lambda question, sc, retriever, term: f"深圳市水务局2026年{term}是多少")
    assert tie_answer("深圳市水务局2026年发给退休职工的钱是多少？", ["退休费", "生活补助"], sc, retriever, read) is None
    assert calls == ["深圳市水务局2026年退休费是多少", "深圳市水务局2026年生活补助是多少"]
