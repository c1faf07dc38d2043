"""Items ranked by the change each states, never by their amounts."""
from qa.answer import ask
from qa.rank_changes import _inline, _item, _lists, asks_change_rank
from tests.conftest import city_of

PROJECTS = ("（五）项目支出400.00万元，具体包括：\n\n"
            "1.数据采集200.00万元，主要用于统计调查。较2025年年初预算减少5.00万元。\n\n"
            "2.统计执法80.00万元，主要用于执法检查。较2025年年初预算增加12.50万元。\n\n"
            "3.普查准备120.00万元，主要用于普查前期工作。与2025年年初预算持平。")


def test_an_items_change_is_read_after_its_amount():
    assert _item("2.统计执法80.00万元，主要用于执法检查。较2025年年初预算增加12.50万元。") == ("统计执法", 12.5, 80.0)
    assert _item("（3）博士后日常经费（2011007）7万元，较上年减少1万元。") == ("博士后日常经费", -1.0, 7.0)
    assert _item("3.普查准备120.00万元，与2025年年初预算持平。") == ("普查准备", 0.0, 120.0)
    # (a circled ordinal numbers an item as 1. does)
    assert _item("②机关商品和服务支出250.00万元，较上年减少5.00万元。") == ("机关商品和服务支出", -5.0, 250.0)
    assert _item("3.普查准备120.00万元，主要用于普查前期工作。") is None  # no change stated
    assert asks_change_rank("哪一类项目比上年砍得最狠？") and asks_change_rank("哪一项涨得最多？")
    assert not asks_change_rank("哪一项最多？")


def test_the_item_that_rose_or_fell_most_is_named_with_its_change(tmp_path):
    city = city_of(tmp_path, [("统计局", PROJECTS), ("文化局", "文物保护项目700.00万元。")])
    fell = ask("深圳市统计局2026年项目支出里，跟2025年年初预算比，哪一项砍得最狠？少了多少？", city.store.root,
               retriever=city)
    assert fell.answered and fell.value == 5.0 and fell.row == "数据采集", fell.answer
    rose = ask("深圳市统计局2026年项目支出里哪一项增加最多？", city.store.root, retriever=city)
    assert rose.answered and rose.value == 12.5 and rose.row == "统计执法", rose.answer
    # no list of changes (the other unit's single item): declined, not ranked by amount
    none = ask("深圳市文化局2026年项目支出里哪一项增加最多？", city.store.root, retriever=city)
    assert not none.answered, none.answer
    assert len(_lists(list(city.chunks().values()))) >= 1


FUNCTIONS = ("2026年一般公共预算支出按功能分类的具体情况如下。\n\n"
             "（1）行政运行（2130201）2,213.03万元，较上年增加450.33万元，原因是新增人员。\n\n"
             "（2）事业运行（2130204）1,336.92万元，较上年减少64.17万元，原因是减人。\n\n"
             "（3）其他城乡社区公共设施支出（2120399）55.00万元，较上年减少8,175.38万元，原因是项目完成。")


def test_a_list_coded_in_another_classification_is_no_reading_of_the_one_asked(tmp_path):
    city = city_of(tmp_path, [("资规局", FUNCTIONS), ("文化局", "文物保护项目700.00万元。")])
    # the list's codes (213…, 212…) are functional 项: a question on the economic classes is not answered from it
    econ = ask("深圳市资规局2026年一般公共预算按部门经济分类，和上年比哪一类减少得最多？", city.store.root, retriever=city)
    assert not econ.answered, econ.answer
    func = ask("深圳市资规局2026年一般公共预算按功能分类，和上年比哪一项减少得最多？", city.store.root, retriever=city)
    assert func.answered and func.value == 8175.38, func.answer


def test_the_item_that_grew_fastest_is_ranked_by_its_rate_and_the_rate_asked_is_answered(tmp_path):
    projects = PROJECTS + "\n\n4.普查实施1,000.00万元，主要用于普查登记。较2025年年初预算增加50.00万元。"
    city = city_of(tmp_path, [("统计局", projects), ("文化局", "文物保护项目700.00万元。")])
    # 统计执法 rose 12.50 on 67.50 (18.52%), 普查实施 50.00 on 950.00 (5.26%): the fastest is not the most
    fastest = ask("深圳市统计局2026年项目支出里，哪一项比2025年年初预算增长得最快？增长了百分之几？", city.store.root,
                  retriever=city)
    assert fastest.answered and fastest.row == "统计执法" and (fastest.value, fastest.unit) == (18.52, "%"), \
        fastest.answer
    most = ask("深圳市统计局2026年项目支出里哪一项增加最多？", city.store.root, retriever=city)
    assert most.answered and most.row == "普查实施" and (most.value, most.unit) == (50.0, "万元"), most.answer
    # ranked by the amount, its rate asked after: the item that rose most, and its rate
    rate = ask("深圳市统计局2026年项目支出里哪一项增加最多？增长了百分之几？", city.store.root, retriever=city)
    assert rate.answered and rate.row == "普查实施" and (rate.value, rate.unit) == (5.26, "%"), rate.answer


# The economic classes listed without ordinals, each with its code; the functional 项 numbered, one new this year, and
# the next list's numbered lead right after them.
UNNUMBERED = ("2026年本部门一般公共预算支出按功能分类，其中：\n\n"
              "1.行政运行（2130201）2,213.03万元，较上年增加450.33万元，原因是新增人员。\n\n"
              "2.事业运行（2130204）1,336.92万元，较上年减少64.17万元，原因是减人。\n\n"
              "3.其他农业农村支出（2130199）600.00万元，较上年不可比，上年基数为零。\n\n"
              "4.住房公积金（2210201）120.00万元，较上年增加20.00万元，原因是缴费基数调整。\n\n"
              "1.按照部门预算支出经济分类，本部门一般公共预算支出4,269.95万元，其中：\n\n"
              "工资福利支出（301）2,500.00万元，较上年增加300.00万元，原因是调资。\n\n"
              "商品和服务支出（302）1,200.00万元，较上年减少900.00万元，原因是压减。\n\n"
              "资本性支出（310）569.95万元，较上年减少50.00万元，原因是少购设备。")


def test_unnumbered_coded_items_and_a_list_ended_by_the_next_lead_are_ranked(tmp_path):
    assert _item("商品和服务支出（302）1,200.00万元，较上年减少900.00万元。") == ("商品和服务支出(302)", -900.0, 1200.0)
    # (new this year: its whole amount is its rise)
    assert _item("3.其他农业农村支出（2130199）600.00万元，较上年不可比，上年基数为零。") == ("其他农业农村支出", 600.0, 600.0)
    city = city_of(tmp_path, [("农业局", UNNUMBERED), ("文化局", "文物保护项目700.00万元。")])
    econ = ask("深圳市农业局2026年一般公共预算按部门经济分类的类级科目，哪一类比上年减少得最多？", city.store.root,
               retriever=city)
    assert econ.answered and econ.value == 900.0 and econ.row == "商品和服务支出(302)", econ.answer
    # 项 is a functional level: the numbered list, kept whole though the next list's lead follows it
    rose = ask("深圳市农业局2026年一般公共预算的项级科目里，哪一项比上年增加最多？", city.store.root, retriever=city)
    assert rose.answered and rose.value == 600.0 and rose.row == "其他农业农村支出", rose.answer
    second = ask("深圳市农业局2026年一般公共预算的项级科目里，比上年增加额排第二的是哪一项？", city.store.root,
                 retriever=city)
    assert second.answered and second.value == 450.33 and second.row == "行政运行", second.answer
    fifth = ask("深圳市农业局2026年一般公共预算的项级科目里，比上年增加额排第五的是哪一项？", city.store.root,
                retriever=city)
    assert not fifth.answered, fifth.answer  # four items only


# Lists said inside one paragraph: each source's change after the whole's (no level), and the 三公 items one clause each
# with their level and change.
SAID_INLINE = ("（一）收入预算：2026年年初预算数1,470.00万元。收入比2025年增加250.00万元，主要是一般公共预算拨款增加55.00"
               "万元，政府性基金预算资金增加58.00万元，事业收入资金减少38.00万元，其他收入资金增加175.00万元。\n\n"
               "2026年“三公”经费预算30.00万元，比2025年减少6.00万元。其中：因公出国（境）费用5.00万元，比2025年减少1.00"
               "万元，主要原因是压减出国；公务接待费5.00万元，与上年持平；公务用车运行维护费20.00万元，比2025年减少5.00万元。\n\n"
               "支出比2025年增加100.00万元，主要是人员经费增加60.00万元，公用经费增加30.00万元（办公费增加25.00万元，邮电费"
               "增加5.00万元），其他支出增加10.00万元。")


def test_a_list_said_within_one_paragraph_is_ranked_by_its_changes_and_not_by_the_whole(tmp_path):
    city = city_of(tmp_path, [("气象局", SAID_INLINE), ("文化局", "文物保护项目700.00万元。")])
    lists = _inline(list(city.chunks().values()))
    # (收入比2025年增加250.00 is the four's sum: the whole, not an item)
    assert sorted(len(items) for _, items in lists) == [3, 3, 4]
    # (an item's own breakdown in brackets is none of the list's items; each list is led by the clause before it)
    spent = next(items for lead, items in lists if lead.text.startswith("支出比2025年"))
    assert [it[1] for it in spent] == ["人员经费", "公用经费", "其他支出"]
    # (the sources state no level of their own: ranked by their change only, never by a rate)
    assert [it[3] for _, items in lists if len(items) == 4 for it in items] == [None] * 4
    rose = ask("深圳市气象局2026年收入比2025年多出来的部分里，哪一类资金增加得最多？增加了多少万元？", city.store.root,
               retriever=city)
    assert rose.answered and rose.row == "其他收入资金" and rose.value == 175.0, rose.answer
    cut = ask("深圳市气象局2026年“三公”经费各项和2025年比，哪一项减少得最多？减了多少万元？", city.store.root,
              retriever=city)
    assert cut.answered and cut.row == "公务用车运行维护费" and cut.value == 5.0, cut.answer
    # units asked (哪个下属单位): a list of sources or 三公 items names none
    units = ask("深圳市气象局2026年“三公”经费和2025年比，哪个下属单位减少得最多？", city.store.root, retriever=city)
    assert not units.answered, units.answer


def test_the_items_under_the_row_named_are_ranked_by_their_codes():
    from types import SimpleNamespace as Row

    from qa.rank_changes import _item_code, _parent_code

    rows = [Row(kind="row", code="21101", label="环境保护管理事务", text=""),
            Row(kind="row", code="2110199", label="其他环境保护管理事务支出", text="")]
    # the row of that very label, though another row says its words too
    assert _parent_code("环境保护管理事务下面的几个项级科目，哪一项涨得最多", rows) == "21101"
    assert _parent_code("哪一项涨得最多", rows) is None
    assert _item_code(Row(text="（2）一般行政管理事务（2110102）2,207.07万元，较上年增加1,902.92万元。")) == "2110102"


def test_the_item_that_rose_least_is_the_least_of_those_that_rose(tmp_path):
    projects = PROJECTS + "\n\n4.普查实施1,000.00万元，主要用于普查登记。较2025年年初预算增加50.00万元。"
    city = city_of(tmp_path, [("统计局", projects), ("文化局", "文物保护项目700.00万元。")])
    # 数据采集 fell and 普查准备 stayed: not among those that rose; of 统计执法 (+12.50) and 普查实施 (+50.00), the least
    least = ask("深圳市统计局2026年项目支出里，比上年增加的项目中哪一项增加最少？", city.store.root, retriever=city)
    assert least.answered and least.row == "统计执法" and least.value == 12.5, least.answer
    # …by rate: 普查实施 grew 5.26 %, 统计执法 18.52 %
    slowest = ask("深圳市统计局2026年项目支出里，哪一项增幅最小？增长百分之几？", city.store.root, retriever=city)
    assert slowest.answered and slowest.row == "普查实施" and (slowest.value, slowest.unit) == (5.26, "%"), slowest.answer
