"""A change asked in other words, answered as asked again in the documents' term: as sure as the reading at most."""
from qa.change_reworded import change_reworded
from qa.models import Answer, Basis, Citation

TERM = [Basis(part="term", text="因公出国（境）费", words=["近义（0.88，比次近的“会议费”近0.01）→因公出国（境）费"])]


def _read(answered=True):
    def read(question):
        assert question == "某局2026年因公出国（境）费比上一年砍掉了多少"  # the question asked again, as a change
        return Answer(question=question, answer="因公出国（境）费0万元，比2025年减少5万元。", value=5.0 if answered else None,
                      unit="万元", answered=answered, confidence=1.0,
                      citations=[Citation(source="a.pdf", page=2, text="…", score=1.0)])
    return read


def test_the_change_of_the_term_is_the_answer_no_surer_than_the_encoders_reading():
    mapped = ("某局2026年因公出国（境）费比上一年砍掉了多少", TERM)
    a = change_reworded("某局2026年出国考察的钱比上一年砍掉了多少？", mapped, _read(), None, None, rare={})
    assert a.value == 5.0 and a.question.startswith("某局2026年出国考察")
    assert a.confidence <= 0.5 and a.answer.startswith("（问题所说读作文件中的“因公出国（境）费”，系近义推断）")
    assert a.basis[0].text == "因公出国（境）费"


def test_nothing_read_in_the_term_is_no_answer():
    mapped = ("某局2026年因公出国（境）费比上一年砍掉了多少", TERM)
    assert change_reworded("某局2026年出国考察的钱比上一年砍掉了多少？", mapped, _read(False), None, None, rare={}) is None


def test_a_rate_of_change_asked_in_other_words_is_the_terms_printed_rate():
    from qa.change_reworded import rate_reworded

    mapped = ("某局2022年会议费比上一年砍掉了百分之几", [Basis(part="term", text="会议费", words=["会议费"])])

    def read(question):
        assert question == mapped[0]
        return Answer(question=question, answer="会议费32.92万元，较上年减少355.2万元（91.52%）。", value=91.52, unit="%",
                      answered=True, confidence=1.0, citations=[Citation(source="a.pdf", page=2, text="…", score=1.0)])
    a = rate_reworded("某局2022年开会的钱比上一年砍掉了百分之几？", lambda: (mapped, []), read, None, None, rare={})
    assert a.value == 91.52 and a.basis[0].text == "会议费"
    # a rate that is no change over a year (a share) is not read so, nor is a question already in the term
    assert rate_reworded("某局2022年开会的钱占公用经费的百分之几？", lambda: (mapped, []), read, None, None, rare={}) is None
    assert rate_reworded("某局2022年会议费比上一年砍掉了百分之几？", lambda: (mapped, []), read, None, None, rare={}) is None
