"""What a documents' term keeps of a question's words: a word, its meaningful characters, or a word of the same
sense; sharing only characters every budget phrase carries keeps nothing."""
from qa.kept import SURE_E5, bridged, keeps_a_morpheme, keeps_a_word


def test_a_term_must_keep_something_of_the_phrase():
    assert keeps_a_morpheme("给退休人员发放的退休金", "退休费", 0.87)  # a shared word: enough
    assert keeps_a_morpheme("开会的钱", "会议费", SURE_E5 + 0.001)  # one character, the encoder sure
    assert not keeps_a_morpheme("开会的钱", "会议费", SURE_E5 - 0.01)
    assert not keeps_a_morpheme("留了机动钱应付临时工作", "上年结转", 0.99)  # only 年-like characters shared


def test_a_word_that_shares_a_sense_with_the_term_bridges_it():
    assert bridged("请客吃饭招待来访人员", "公务接待费") == ["请客", "招待"]  # entertain (guests)
    assert bridged("给公车加油", "会议费") == []
    assert "费" not in bridged("会议费", "公务接待费")  # a character every budget phrase carries bridges nothing
    assert bridged("日常经费和项目经费", "三公经费") == []  # …nor a word of such characters
    # a sense hundreds of words share bridges only with a meaningful character besides (出差, 差旅: business, 差)
    assert bridged("干部外出办事", "公务接待费") == []  # 干部, 公务: "official" alone
    assert bridged("出差的钱", "差旅费") == ["出差"]


def test_a_short_term_every_meaningful_character_of_which_the_phrase_says_is_kept():
    assert keeps_a_morpheme("办公楼用电", "电费", 0.0)  # 电 is all of 电费 but its 费
    assert not keeps_a_morpheme("印文件", "印刷费", 0.0)  # 刷 unsaid
    assert not keeps_a_morpheme("预算缩水", "水费", 0.0)  # 缩水 (to shrink) says no sense of 水费


def test_a_word_of_plain_characters_in_the_term_bridges_nothing():
    assert bridged("出差的路费住宿钱", "商品和服务支出") == []  # 路费 and 支出 share "expenses": every term does


def test_a_word_kept_is_two_meaningful_characters_in_a_row():
    assert keeps_a_word("退休金", "退休费") and keeps_a_word("给职工交的公积金", "住房公积金")
    assert not keeps_a_word("新学校垫的开办补助", "津贴补贴")  # 补 alone: a shared character, not a word
