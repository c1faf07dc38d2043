"""Which of the items a question lists rose or fell most: each item's change read as its own question (a rise, else a
fall), the items compared by the signed change, every change written into the answer."""
from qa.models import Answer, Basis, Citation
from qa.rank_named_change import ranked_named_by_change
from qa.scope import Scope

QUESTION = "西安市某局2022年行政单位医疗、事业单位医疗、公务员医疗补助这三项中，哪一项比上年{}得最多？"
# each item's change over the year before, as the narrative states it (a fall below zero)
CHANGES = {"行政单位医疗": 4.6, "事业单位医疗": -12.5, "公务员医疗补助": 45.14}


def _scope():
    return Scope(keys={"a.pdf"}, named={"a.pdf": "西安市某局"}, years=["2022"])


def _reader(changes, asked=None):
    """Answers "X比上年增加了多少" for a rise and "X比上年减少了多少" for a fall, as the sentence stating it would, read
    from a sentence that names the item before its amount."""
    def read(question):
        if asked is not None:
            asked.append(question)
        item = next((k for k in changes if k in question), None)
        value = changes.get(item)
        if value is None or ("增加" in question) != (value > 0):
            return Answer(question=question, answer="证据不足", answered=False)
        sentence = f"（18）{item}支出50.00万元，比上年{'增加' if value > 0 else '减少'}{abs(value):.2f}万元。"
        return Answer(question=question, answer=sentence, value=abs(value), unit="万元", answered=True, confidence=0.9,
                      citations=[Citation(source="a.pdf", page=24, text=sentence, score=1.0)],
                      basis=[Basis(part="sentence", text=sentence, words=[])])
    return read


def test_the_listed_item_that_rose_most_with_every_items_change_shown():
    asked = []
    a = ranked_named_by_change(QUESTION.format("增加"), _scope(), 5, _reader(CHANGES, asked))
    assert a.answered and a.value == 45.14 and "“公务员医疗补助”" in a.answer, a.answer
    assert "事业单位医疗-12.50" in a.answer and len(a.rows) == 3
    # each item asked of the unit and year the question names, its fall asked only when no rise is stated
    assert "西安市某局2022年事业单位医疗比上年减少了多少" in asked


def test_the_item_that_fell_most_and_none_when_no_item_moved_that_way():
    a = ranked_named_by_change(QUESTION.format("减少"), _scope(), 5, _reader(CHANGES))
    assert a.value == 12.5 and "“事业单位医疗”" in a.answer
    rising = {k: abs(v) for k, v in CHANGES.items()}
    assert ranked_named_by_change(QUESTION.format("减少"), _scope(), 5, _reader(rising)) is None


def test_no_ranking_when_an_items_change_is_not_read():
    unread = {k: v for k, v in CHANGES.items() if k != "行政单位医疗"}
    assert ranked_named_by_change(QUESTION.format("增加"), _scope(), 5, _reader(unread)) is None
    # …nor when the question ranks by how fast (增长得最快): a rate, not an amount
    assert ranked_named_by_change(QUESTION.format("增长").replace("得最多", "得最快"), _scope(), 5,
                                  _reader(CHANGES)) is None
