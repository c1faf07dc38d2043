"""A body named by its standard English name is that body: the store's unit of it, or none when the store lacks it."""
from qa.bodies_en import standard_body
from qa.english_unit import _unit


def test_a_standard_name_is_read_word_for_word_in_any_order_without_rank_or_party_words():
    assert standard_body("Healthcare Security Administration") == "医疗保障局"
    assert standard_body("Bureau of Justice") == "司法局"
    assert standard_body("Publicity Department of the CPC Municipal Committee") == "宣传部"
    assert standard_body("Municipal Work Safety Supervision Administration") == "安全生产监督管理局"
    # a name with a word of its own is no standard name: left to the dictionary and the encoder
    assert standard_body("Hydrology and Water Quality Centre") is None
    assert standard_body("Healthcare Security Fund Centre") is None


def test_the_standard_name_beats_a_dictionary_reading_of_other_words():
    names = ["西安市安全生产监督管理局", "西安市公安局", "西安市医疗保障局"]
    # CC-CEDICT reads "work safety supervision" as 公安 (public security) and 管理 before 安全生产
    assert _unit("Work Safety Supervision Administration", names, {"西安"}) == "西安市安全生产监督管理局"
    assert _unit("Healthcare Security Bureau", names, {"西安"}) == "西安市医疗保障局"


def test_the_body_is_the_stores_unit_of_it_the_government_s_own_included():
    names = ["西安市人民政府国有资产监督管理委员会", "西安市公安局"]
    assert _unit("State-owned Assets Supervision and Administration Commission", names, {"西安"}) == names[0]


def test_a_standard_body_the_store_lacks_is_read_as_before_and_no_other_body_is_guessed():
    names = ["深圳市公安局", "深圳市医疗保障局", "深圳市气象局"]
    assert _unit("Education Bureau", names, {"深圳"}) is None
    assert _unit("Commerce Bureau", names, {"深圳"}) is None
