"""Two terms the encoder cannot tell apart answer only when the document prints the same figure under both."""
import qa.tie as tie
from qa.models import Answer


def _reads(values: dict[str, float | None]):
    def answer(q: str) -> Answer:
        term = q.removeprefix("示例局2026年").removesuffix("是多少")
        v = values[term]
        return Answer(question=q, answer=f"“{term}”为{v}万元。", value=v, unit="万元", answered=v is not None,
                      confidence=0.9, mode="structured")
    return answer


def test_the_same_figure_under_both_terms_is_answered_and_says_both(monkeypatch):
    monkeypatch.setattr(tie, "asked_as", lambda q, sc, r, term: f"示例局2026年{term}是多少")
    a = tie.either_way("示例局给干部搞培训花多少钱？", ["培训费", "进修及培训"], None, None,
                       _reads({"培训费": 23.0, "进修及培训": 23.0}))
    assert a.answered and a.value == 23.0 and a.confidence == tie.NEAR_READING
    assert "“培训费”和“进修及培训”同样相近，两者数字相同" in a.answer and a.question == "示例局给干部搞培训花多少钱？"
    # two figures, a figure and none, or zeros: still a guess
    for values in ({"培训费": 23.0, "进修及培训": 12.0}, {"培训费": 23.0, "进修及培训": None},
                   {"培训费": 0.0, "进修及培训": 0.0}):
        assert tie.either_way("示例局给干部搞培训花多少钱？", list(values), None, None, _reads(values)) is None
    # two wordings of one term are one reading: the same figure tells nothing
    same = {"对个人和家庭补助": 460.0, "对个人和家庭的补助": 460.0}
    assert tie.either_way("示例局看病补助多少？", list(same), None, None, _reads(same)) is None
