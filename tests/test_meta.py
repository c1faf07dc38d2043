"""Document facts read from the cover: the unit's name from the title lines."""
from index.captions import entity_field
from index.meta import entity_from_title


def test_a_title_names_its_unit_by_any_organisation_word():
    # 署 (工务署), 馆 and 中心 end units as 局 does; a heading of the body is no unit's name
    assert entity_from_title(["深圳市建筑工务署", "2026年部门预算"]) == "深圳市建筑工务署"
    assert entity_from_title(["2026年深圳市博物馆部门预算"]) == "深圳市博物馆"
    assert entity_from_title(["2026年", "部门预算"]) is None


def test_a_name_broken_over_two_cover_lines_is_read_whole():
    assert entity_from_title(["2026 年度", "某某市综合监测", "与技术保障中心", ]) == "某某市综合监测与技术保障中心"
    assert entity_from_title(["某某市档案馆", "2026年部门预算"]) == "某某市档案馆"  # whole on one line: as it is


def test_the_unit_line_printed_beside_the_name_field_is_no_part_of_the_name():
    assert entity_field("部门名称：某某市交通运输局金额单位：元") == "某某市交通运输局"
    assert entity_field("单位名称：某某市统计局  单位：万元") == "某某市统计局"
