"""Which unit an English phrase names: the dictionary's reading, the encoder's check, and names spelled in pinyin."""
from __future__ import annotations

from qa.english_unit import _spelled, _unit, pinyin

SHENZHEN = ["深圳市规划和自然资源局大鹏管理局", "深圳市规划和自然资源局盐田管理局", "深圳市规划和自然资源局宝安管理局",
            "深圳市市场监督管理局深汕监管局", "深圳市公安局", "深圳市应急管理局", "深圳市公安局交通管理局"]


def _encoder_prefers(monkeypatch, name: str) -> None:
    """An encoder that puts `name` clearly first, whatever the phrase."""
    import qa.english_unit

    monkeypatch.setattr(qa.english_unit, "_ranked", lambda query, texts: sorted(
        ((0.82 if t == name else 0.70, t) for t in texts), key=lambda x: -x[0]))


def test_a_word_spelling_part_of_a_name_in_pinyin_narrows_the_names():
    assert pinyin("大鹏") == "dapeng"
    rest, names = _spelled("Dapeng office of Planning and Natural Resources", SHENZHEN)
    assert names == ["深圳市规划和自然资源局大鹏管理局"] and "Dapeng" not in rest
    # a word that spells no name leaves every name
    assert _spelled("Planning and Natural Resources", SHENZHEN) == ("Planning and Natural Resources", SHENZHEN)


def test_an_office_named_in_its_own_name_is_that_office_not_its_look_alike(monkeypatch):
    _encoder_prefers(monkeypatch, "深圳市规划和自然资源局盐田管理局")  # an encoder near the wrong district
    assert _unit("Dapeng office of Planning and Natural Resources Bureau", SHENZHEN, {"深圳"}) == \
        "深圳市规划和自然资源局大鹏管理局"
    assert _unit("market regulation bureau Shenshan office", SHENZHEN, {"深圳"}) == "深圳市市场监督管理局深汕监管局"
    # the spelled office, but the rest of the phrase says none of its words: no unit
    assert _unit("Shenshan weather observatory", SHENZHEN, {"深圳"}) is None


def test_a_name_the_dictionary_reads_whole_stands_against_the_encoder(monkeypatch):
    _encoder_prefers(monkeypatch, "深圳市应急管理局")
    # every word of the phrase is a word of 公安局, and every word of 公安局 is said: the encoder cannot overrule it
    assert _unit("Public Security Bureau", SHENZHEN, {"深圳"}) == "深圳市公安局"
    # …but one word said whole by a name's gloss is too little ("government": 公安局's "(government) police")
    assert _unit("government", SHENZHEN, {"深圳"}) is None


def test_a_name_made_mostly_of_kinds_of_body_is_read_whole_with_them(monkeypatch):
    names = ["西安市人民政府办公厅", "西安市行政审批服务局", "西安市公安局"]
    _encoder_prefers(monkeypatch, "西安市行政审批服务局")
    # "Government" and "Office" are kinds of body; stripped, "General" alone says too little — read whole, the three
    # words say every word of 人民政府办公厅, which the encoder cannot overrule
    assert _unit("Government General Office", names, {"西安"}) == "西安市人民政府办公厅"
    assert _unit("General Office", names, {"西安"}) is None  # two words, kind words mostly: still too little
