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
