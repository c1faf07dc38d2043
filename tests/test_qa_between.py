"""Two figures of one document compared: a ratio (X是Y的几倍) or a difference (X比Y多多少), each side read alone."""
from qa.answer import ask
from qa.between import _sides, compares_items
from tests.conftest import city_of

TOTALS = ("部门支出总体情况表\n单位：万元\n项目\t总计\t基本支出\t项目支出\n合计\t1500.00\t600.00\t900.00\n")


def test_the_two_sides_and_the_operation_are_read_from_the_question():
    assert _sides("某局2026年部门支出里，项目支出大约是基本支出的几倍？") == (
        "某局2026年部门支出里,", "项目支出", "基本支出", "ratio")  # (read half-width)
    assert _sides("项目支出比基本支出多出多少万元？")[1:] == ("项目支出", "基本支出", "diff")
    # a change over a year is no comparison of two figures
    assert not compares_items("项目支出比上年多多少？") and not compares_items("项目支出比2025年多多少？")


def test_a_ratio_of_two_figures_is_computed_and_never_answered_with_one_of_them(tmp_path):
    city = city_of(tmp_path, [("统计局", TOTALS), ("文化局", "文物保护项目700.00万元。")])
    ratio = ask("深圳市统计局2026年部门支出中，项目支出是基本支出的几倍？", city.store.root, retriever=city)
    assert ratio.answered and ratio.unit == "倍" and round(ratio.value, 2) == 1.5, ratio.answer
    assert [r.value for r in ratio.rows] == [900.0, 600.0]
    gap = ask("深圳市统计局2026年部门支出中，项目支出比基本支出多多少？", city.store.root, retriever=city)
    assert gap.answered and gap.value == 300.0 and gap.unit == "万元", gap.answer
    # a side the document does not print: declined, not half answered
    none = ask("深圳市统计局2026年部门支出中，项目支出是债务还本支出的几倍？", city.store.root, retriever=city)
    assert not none.answered and none.value is None, none.answer


def test_each_side_is_asked_where_the_question_says_with_its_pause():
    from types import SimpleNamespace

    from qa.between import items_compared
    from qa.models import Answer

    asked = []

    def read_one(q: str) -> Answer:
        asked.append(q)
        return Answer(question=q, answer="", answered=False)

    sc = SimpleNamespace(keys={"xian-16"}, named={"xian-16": "西安市工信局"}, years=["2022"])
    items_compared("西安市工信局2022年一般公共预算支出（按经济分类）里，人员经费比公用经费多出多少万元？", sc, read_one)
    # (run together, "一般公共预算支出里人员经费" reads as one thing; the brackets' aside is dropped)
    assert asked == ["西安市工信局2022年一般公共预算支出里，人员经费是多少", "西安市工信局2022年一般公共预算支出里，公用经费是多少"]
