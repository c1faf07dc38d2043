"""A classification's classes ranked by the narrative's coded list of them, when the question names the list's fund
(qa/rank_coded_list.py)."""
from qa.answer import ask
from qa.rank_coded_list import _items, _runs
from tests.conftest import city_of

# The department's economic classes (3xx) and then the government's (5xx), each list under its own lead; the second
# list printed one class a paragraph with circled ordinals, as some templates do.
LISTS = ("3.支出按经济科目分类的明细情况\n\n"
         "（1）2026年本部门当年一般公共预算支出1,000.00万元，其中：\n\n"
         "工资福利支出（301）600.00万元，较上年增加10.00万元。\n\n"
         "商品和服务支出（302）300.00万元，较上年减少5.00万元。\n\n"
         "对个人和家庭的补助（303）100.00万元，与上年持平。\n\n"
         "（2）按照政府预算支出经济分类，2026年本部门当年一般公共预算支出1,000.00万元，其中：\n\n"
         "①机关工资福利支出（501）450.00万元，较上年增加10.00万元。\n\n"
         "②机关商品和服务支出（502）250.00万元，较上年减少5.00万元。\n\n"
         "③对事业单位经常性补助（505）200.00万元，较上年增加1.00万元。\n\n"
         "④对个人和家庭的补助（509）100.00万元，与上年持平。")


def test_coded_items_are_read_in_paragraphs_of_one_each_or_in_one_paragraph():
    assert _items("①机关工资福利支出（501）450.00万元，较上年增加10.00万元。") == [("机关工资福利支出", "501", 450.0)]
    inline = "其中：机关工资福利支出（501）2329.23万元；机关资本性支出（二）（504）75000万元；其他支出（399）10万元。"
    assert _items(inline) == [("机关工资福利支出", "501", 2329.23), ("机关资本性支出(二)", "504", 75000.0),
                              ("其他支出", "399", 10.0)]
    assert _items("本部门当年一般公共预算支出1,000.00万元，其中：") == []  # (a lead: no code before its amount)


def test_the_class_asked_is_read_from_the_list_of_the_classification_and_fund_named(tmp_path):
    city = city_of(tmp_path, [("统计局", LISTS)])
    assert [len(items) for _, items in _runs(list(city.chunks().values())) if len(items) >= 3] == [3, 4]
    second = ask("深圳市统计局2026年一般公共预算按政府预算经济分类，金额第二大的是哪一类？多少万元？", city.store.root,
                 retriever=city)
    assert second.answered and second.value == 250.0 and second.row == "机关商品和服务支出", second.answer
    share = ask("深圳市统计局2026年一般公共预算支出按部门预算经济分类的类级科目，哪一类最大？占一般公共预算支出的百分之几？",
                city.store.root, retriever=city)
    assert share.answered and share.value == 60.0 and share.row == "工资福利支出", share.answer
    assert "600.00 ÷ 1,000.00" in share.answer  # the computation shown


def test_no_fund_named_or_no_list_of_the_classification_is_no_reading_of_a_list(tmp_path):
    from qa.rank_coded_list import coded_list

    city = city_of(tmp_path, [("统计局", LISTS.replace("（501）", "").replace("（502）", "").replace("（505）", "")
                               .replace("（509）", ""))])
    sc = city.scope("深圳市统计局2026年一般公共预算按政府预算经济分类，哪一类最大？")
    # the government's classes print no codes: no list of them (the 3xx list is another classification's)
    assert coded_list("深圳市统计局2026年一般公共预算按政府预算经济分类，哪一类最大？", sc, city, "max", 5) is None
    # a list of the department's classes, but no fund asked: which total the classes are of is not said
    assert coded_list("深圳市统计局2026年按部门预算经济分类，哪一类最大？", sc, city, "max", 5) is None
    assert coded_list("深圳市统计局2026年一般公共预算按部门预算经济分类，哪一类最大？", sc, city, "max", 5).value == 600.0
