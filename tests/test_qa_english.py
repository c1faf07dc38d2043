"""English questions: what names the unit, the year and the place, before the Chinese pipeline answers them."""
from __future__ import annotations

from qa.english import _ORG, _PLACE_RANK, _by_gloss, is_english

NAMES = ["深圳市公安局", "深圳市司法局", "深圳市生态环境局", "深圳市统计局", "深圳市气象局", "深圳市人民政府办公厅"]


def test_the_unit_is_the_words_before_its_kind_of_body_capitalised_or_not():
    def orgs(q: str) -> list[str]:
        return [m.group(1).strip() for m in _ORG.finditer(q)]

    assert orgs("What is the 2026 budget of the Shenzhen Municipal Public Security Bureau?") == [
        "Shenzhen Municipal Public Security Bureau"]
    assert orgs("how much did the public security bureau of Xi'an plan for meetings?") == ["public security bureau"]
    assert _PLACE_RANK.sub(" ", "Municipal Public Security Bureau").split() == ["Public", "Security", "Bureau"]


def test_a_unit_is_read_from_the_dictionary_senses_of_its_name():
    places = {"深圳"}
    assert _by_gloss("Public Security", NAMES, places) == "深圳市公安局"
    assert _by_gloss("Ecology and Environment", NAMES, places) == "深圳市生态环境局"
    assert _by_gloss("General Office of the People's Government", NAMES, places) == "深圳市人民政府办公厅"


def test_english_is_told_from_chinese_by_its_letters():
    assert is_english("What is the 2026 budget for meetings (会议费)?")
    assert not is_english("深圳市气象局2026年会议费是多少？")


def test_a_unit_the_dictionary_reads_weakly_for_every_name_is_not_guessed():
    # CC-CEDICT glosses 水利 as water conservancy, 自然资源 as natural resources: "Water Resources" is half of each.
    names = ["重庆市水利局", "重庆市规划和自然资源局", "重庆市气象局"]
    assert _by_gloss("Water Resources", names, {"重庆"}, guess=False) is None
    assert _by_gloss("Meteorological", names, {"重庆"}, guess=False) == "重庆市气象局"
