"""English names of the budget's standard vocabulary: a phrase is read as a unit's term only when the names say it
and nothing else says it as well."""
from __future__ import annotations

from qa.budget_en import GLOSSARY, names, read

ITEMS = ["因公出国（境）费用", "公务接待费", "公务用车购置费", "公务用车运行维护费", "公务用车购置及运行维护费",
         "会议费", "培训费", "差旅费", "其他交通费用", "收入总计", "本年收入合计", "其他收入", "事业收入",
         "机关事业单位基本养老保险缴费", "退休费", "离休费", "三公经费", "财政拨款"]


def test_every_printed_variant_of_a_label_has_its_names():
    assert names("因公出国(境)费") == names("因公出国（境）费用") == names("因公出国境费用")
    assert names("——会议费") == GLOSSARY["会议费"]
    assert names("某项目专项经费") == ()


def test_a_phrase_is_read_as_the_term_whose_names_say_it():
    assert read("overseas travel", ITEMS) == "因公出国（境）费用"
    assert read("official trips abroad", ITEMS) == "因公出国（境）费用"
    assert read("upkeep of official vehicles", ITEMS) == "公务用车运行维护费"
    assert read("official car upkeep", ITEMS) == "公务用车运行维护费"  # (the car, as often as the vehicle)
    assert read("purchase of official cars", ITEMS) == "公务用车购置费"
    assert read("total revenue", ITEMS) == "收入总计"  # said whole, ahead of "total revenue of the year"
    assert read("pay into staff pension insurance", ITEMS) == "机关事业单位基本养老保险缴费"


def test_a_phrase_the_names_say_equally_or_by_common_words_only_is_declined():
    assert read("revenue", ITEMS) is None  # total, other, operations revenue: the question does not say
    assert read("official vehicles", ITEMS) is None  # purchase or upkeep
    assert read("official cars", ITEMS) is None  # "official" alone: most names say it
    assert read("pension", ITEMS) is None  # retirement pensions or pension contributions
    assert read("travel", ITEMS) is None


def test_a_phrase_is_not_read_as_a_term_the_whole_vocabulary_reads_otherwise():
    lacking = [t for t in ITEMS if t not in ("因公出国（境）费用", "公务用车运行维护费")]
    # the unit prints no 因公出国 row: "overseas travel" is not thereby its 三公经费 or 差旅费
    assert read("overseas travel", lacking) is None
    # nor is the upkeep the parent that adds the purchase
    assert read("operation and maintenance of official vehicles", lacking) is None
    # a unit printing only 其他收入 is not asked about it by "revenue"
    assert read("revenue", ["其他收入", "会议费"]) is None


def test_the_functional_items_every_unit_prints_are_read_by_their_names():
    housing = ["住房公积金", "提租补贴", "购房补贴", "行政运行", "机关运行经费", "公务用车运行维护费"]
    assert read("staff home-purchase subsidies", housing) == "购房补贴"
    assert read("rent subsidies", housing) == "提租补贴"
    assert read("running own offices", housing) == "机关运行经费"
    assert read("subsidies", housing) is None  # rent or home purchase: not said


def test_the_classes_of_the_functional_classification_are_read_by_their_names():
    classes = ["住房保障支出", "保障性安居工程支出", "社会保障和就业支出", "公共安全支出", "一般公共服务支出", "教育支出"]
    # (the dictionary reads 安居工程 as housing too; the class's own name is said whole)
    assert read("housing security expenditure", classes) == "住房保障支出"
    assert read("public security spending", classes) == "公共安全支出"
    assert read("social security and employment", classes) == "社会保障和就业支出"
    assert read("security", classes) is None  # public, social or housing: not said
