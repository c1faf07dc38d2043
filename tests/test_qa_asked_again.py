"""A question asked again in a documents' term: how it asks is kept (a count stays a count, a change a change), and
the part of the spending where it looks."""
from qa.asked_again import _asking, _part_where


def test_the_way_a_question_asks_is_kept():
    assert _asking("2026年准备添置多少辆车？") == "有多少辆"
    assert _asking("招待来访客人的预算比2021年少了多少？") == "比2021年少了多少"
    assert _asking("出国、接待和公车这几项加起来多少钱？") == "是多少"  # 这几项 refers, it does not count
    # a change asked by its base year and a verb of the asker's own stays a change
    assert _asking("养公车的日常开销比上年初多安排了多少？") == "比上年初多安排了多少"
    assert _asking("出国考察的钱比上一年砍掉了多少？") == "比上一年砍掉了多少"


def test_the_part_of_spending_the_question_names_is_kept_in_the_question_asked_again():
    subject = "一般公共预算的日常经费（基本支出）里，冬天供暖的钱一共安排了多少"
    past = "冬天供暖的钱一共安排了多少"
    assert _part_where(subject, "取暖费") == "基本支出"
    # said after the thing, as the part of it asked
    assert _part_where("一般公共预算里印宣传品的钱，其中记在项目支出下的那部分是多少", "印刷费") == "项目支出"
    # …or said in everyday words
    assert _part_where("一般公共预算的项目经费里，零碎开支有多少", "其他商品和服务支出") == "项目支出"
    # both said in everyday words: the whole
    assert _part_where("一般公共预算里，印文件这类开销一共多少？日常经费和项目加起来。", "印刷费") == ""
    # no part said, or a term that is itself a part's, keeps nothing
    assert _part_where(past, "取暖费") == ""
    assert _part_where(subject, "基本支出") == ""
    # both parts said: the question names no one part
    assert _part_where("基本支出和项目支出里，" + past, "取暖费") == ""


def test_where_the_question_says_to_look_is_said_again_before_the_term():
    from qa.asked_again import _where

    subject = "2026年政府采购预算里，有多少是下属单位自己挣来的钱付的"
    past = "有多少是下属单位自己挣来的钱付的"
    assert _where(subject, past) == "政府采购预算里，"  # (the year is said by the question asked again)
    assert _where(past, past) == ""
    assert _where("2026年部门预算里，花在地灾防治上的钱", "花在地灾防治上的钱") == ""  # (where every figure is)


def test_every_source_of_money_asked_is_still_asked_in_the_term(monkeypatch):
    from types import SimpleNamespace

    from qa.asked_again import asked_again
    from qa.scope import Scope

    sc = Scope(keys={"a.pdf"}, named={"a.pdf": "重庆市气象局"}, years=[2026])
    retriever = SimpleNamespace(chunks=lambda: {})
    monkeypatch.setattr("qa.asked_again.units_named", lambda question, keys, chunks: [])  # (no unit inside the tables)
    question = "重庆市气象局2026年不论哪种资金来源，单位替职工存的那份年金一共安排了多少？"
    subject = "2026年不论哪种资金来源，单位替职工存的那份年金一共安排了多少？"
    again = asked_again(question, sc, retriever, "职业年金缴费", subject, subject)
    assert again == "重庆市气象局2026年职业年金缴费（各类资金合计）是多少"
    # no source said: the term alone
    assert asked_again("重庆市气象局2026年单位替职工存的年金是多少？", sc, retriever, "职业年金缴费", "单位替职工存的年金是多少",
                       "单位替职工存的年金是多少") == "重庆市气象局2026年职业年金缴费是多少"
    # said in the asker's words, with the part it leaves out: the one part kept
    assert _part_where("办公开销这一项中有多少是放在项目里花的（不算日常运转部分）", "办公费") == "项目支出"
    assert _part_where("用在公共安全上的钱有多少是项目性质的（不含人员和日常运转）", "公共安全支出") == "项目支出"
    # a column of the 基本支出 named within it: the column, the narrower
    assert _part_where("基本支出里，给个人的医疗补助中从人员经费出的是多少", "医疗费补助") == "人员经费"
    assert _part_where("行政运行这一项里用于办公等公用开支的钱是多少", "行政运行") == "公用经费"
    # the basic expenditure less what pays the people: its 公用经费
    assert _part_where("宣传事务这一块除了养人之外、维持单位日常运转的那部分基本经费有多少", "宣传事务") == "公用经费"


def test_the_thing_is_read_without_the_part_of_it_asked():
    from qa.encoder_phrase import for_encoder, named_phrase as _phrase

    # the where names the thing when what follows it asks only a part of it
    phrase = _phrase("预算中，买警用专业设备的钱里，通过项目安排的部分是多少万元？")
    assert for_encoder(phrase) == "买警用专业设备的钱"
    assert "项目" not in for_encoder(_phrase("办公用品这一项中有多少是放在项目里花的？"))



def test_every_source_of_money_asked_is_no_word_of_the_thing():
    from qa.encoder_phrase import named_phrase as _phrase

    assert "资金" not in _phrase("预算的基本支出（全部资金）是多少？")


def test_a_rows_figure_for_a_part_asked_is_its_column_of_that_part_or_none():
    from qa.asked_again import one_part, part_column

    facts = [{"column": "总计", "value": 4983.98}, {"column": "基本支出", "value": 420.06},
             {"column": "项目支出", "value": 4563.92}]
    part = one_part("水利信息化管理方面的项目经费有多少万元？")
    assert part == "项目支出" and part_column(facts, part) == 4563.92
    # an income table's row prints no part of the spending: no figure of the part asked
    assert part_column([{"column": "总计", "value": 4983.98}, {"column": "一般公共预算拨款收入", "value": 4983.98}],
                       part) is None
    # (the part named last in a column path: 基本支出/人员经费 is the personnel part)
    assert part_column([{"column": "基本支出/人员经费", "value": 300.0}], "人员经费") == 300.0


def test_one_part_of_the_spending_left_out_asks_the_other():
    from qa.asked_again import one_part

    assert one_part("办项目时花在车费路费等其他交通方面的钱（不算日常运转那部分）") == "项目支出"
    assert one_part("开会的钱（不含项目支出）") == "基本支出"
    # a thing left out that only begins like a part (基本工资) is no part of the spending
    assert one_part("按考核发的绩效（不算基本工资）") == ""


def test_the_one_fund_a_thing_is_paid_from_is_kept_before_the_term(monkeypatch):
    from types import SimpleNamespace

    from qa.asked_again import asked_again
    from qa.scope import Scope

    sc = Scope(keys={"a.pdf"}, named={"a.pdf": "中共重庆市委宣传部"}, years=[2026])
    retriever = SimpleNamespace(chunks=lambda: {})
    monkeypatch.setattr("qa.asked_again.units_named", lambda question, keys, chunks: [])
    subject = "采购预算中，用一般公共预算拨款来买设备物品（货物）的钱是多少万元？"
    past = "用一般公共预算拨款来买设备物品（货物）的钱是多少万元？"
    again = asked_again("中共重庆市委宣传部2026年" + subject, sc, retriever, "货物", subject, past)
    assert again == "中共重庆市委宣传部2026年采购预算中，一般公共预算拨款货物是多少"
    # a fund said where to look is said there once
    where = "一般公共预算拨款里，买设备物品的钱是多少？"
    assert asked_again("中共重庆市委宣传部2026年" + where, sc, retriever, "货物", where,
                       "买设备物品的钱是多少？") == "中共重庆市委宣传部2026年一般公共预算拨款里，货物是多少"
