"""Document facts read from the cover: the unit's name from the title lines."""
from index.meta import entity_from_title


def test_a_title_names_its_unit_by_any_organisation_word():
    # 署 (工务署), 馆 and 中心 end units as 局 does; a heading of the body is no unit's name
    assert entity_from_title(["深圳市建筑工务署", "2026年部门预算"]) == "深圳市建筑工务署"
    assert entity_from_title(["2026年深圳市博物馆部门预算"]) == "深圳市博物馆"
    assert entity_from_title(["2026年", "部门预算"]) is None
