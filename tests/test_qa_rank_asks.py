"""What a ranking question asks: which rank, and under which row its items are."""
from qa.rank_asks import class_of_items, fund_only, in_order, names_row, nth, spending_asked_income_read, under_row


def test_the_rank_asked():
    assert nth("哪一项最大？") == 1
    assert nth("排第二的是哪个单位？") == 2


def test_the_smallest_item_is_one_with_money():
    items = [(0.0, "行政运行"), (12.5, "事业运行"), (3.0, "其他支出")]
    assert in_order(items, "min")[0] == (3.0, "其他支出")  # (an empty 0.00 line is nothing allocated)
    assert in_order(items, "max") == [(12.5, "事业运行"), (3.0, "其他支出"), (0.0, "行政运行")]


def test_the_row_the_items_are_put_under():
    rows = ["工资福利支出", "民政管理事务", "商品和服务支出"]
    # before 下面, the row's words however long the clause (…一般公共预算的民政管理事务)
    assert under_row("2026年一般公共预算的民政管理事务下面，哪个项级科目最小", rows).group("x").endswith("民政管理事务")
    # before 里, only a clause that ends with a row's label (its 支出 left unsaid)
    assert under_row("基本支出的工资福利里，哪一项金额最大", rows).group("x").endswith("工资福利")
    # …or with it
    assert under_row("基本支出总表的商品和服务支出里，金额排第二的是哪一项", rows).group("x").endswith("商品和服务支出")
    assert under_row("一般公共预算里，哪一项金额最大", rows) is None  # where to look, no row
    # (the row quoted, its code in brackets, then pointed at: “司法”（20406）这一款下面)
    assert under_row("一般公共预算里“司法”(20406)这一款下面，哪个项级科目钱最多", rows).group("x") == "司法"
    # 下 alone, when what is ranked follows it
    assert under_row("基本支出明细表里，工资福利支出下哪一项最多", rows).group("x") == "工资福利支出"
    # (…or its level said bare after it, 公安款下面: the 款 公安)
    assert under_row("支出总表中，公安款下面的几个项目里，哪一项最少", rows).group("x") == "公安"
    assert under_row("留到下年的钱哪一项最多", rows) is None
    # 下属 of units says whose money it is, not a row the items are under
    assert under_row("局机关自己（不含下属单位）的商品和服务支出里哪一项最多", rows).group("x").endswith("的商品和服务支出")
    assert under_row("2026年下属事业单位的经营收入，哪一项最多", rows) is None
    # a unit's own items, said as its things (下属X的各个项目中): the row is X, named by most of its words
    units = ["西安市医疗保障经办服务中心", "西安市城中村（棚户区）改造建设工程监管中心"]
    assert under_row("专项业务经费支出表里，下属医疗保障经办服务中心的各个项目中，哪一个金额最小", units).group("x") == \
        "医疗保障经办服务中心"
    assert under_row("下属城中村（棚户区）改造建设工程监管中心的几个具体项目中，哪一个钱最多", units).group("x") == \
        "城中村（棚户区）改造建设工程监管中心"
    assert under_row("下属气象台的各个项目中，哪一个钱最多", units) is None  # (no row of that name)


def test_the_columns_a_question_names_whole_or_by_most_of_their_words():
    from types import SimpleNamespace

    from qa.rank_asks import columns_said

    items = [SimpleNamespace(facts=[{"column": "总计"}]),
             SimpleNamespace(facts=[{"column": "总计"}, {"column": "事业单位经营收入"}])]  # (a blank cell prints none)
    assert "经营" in columns_said(items, "下属事业单位的经营收入哪一项最多")
    assert columns_said(items, "哪一项总计最多") == set()  # (合计, 总计: too short to name what is ranked)
    assert names_row("基本支出的工资福利", "工资福利支出") and not names_row("基本支出的工资福利", "商品和服务支出")


def test_money_words_are_read_as_the_spending_of_a_term_the_documents_print():
    from qa.rank_asks import spent_as_printed

    known = {"项目支出", "基本支出", "三公经费"}
    assert spent_as_printed("项目经费按类别排，第二多的是哪一类", known) == "项目支出按类别排，第二多的是哪一类"
    assert spent_as_printed("三公经费哪个单位最高", known) == "三公经费哪个单位最高"  # (no 三公支出 is printed)


def test_how_many_items_the_question_ranks_among():
    from qa.rank_asks import items_counted

    assert items_counted("2026年部门整体支出绩效目标表列的六项年度主要任务中，预算最少的是哪一项？") == 6
    assert items_counted("基本支出里的离休费拆成四个小项，哪一项最多？") == 4
    # a rank, a rough count, the items asked, or a number after the ranking word: no count of the items ranked
    assert items_counted("第二大的项目是哪个？") is None
    assert items_counted("列的十几项年度任务，预算最多的两项合起来是多少？") is None
    assert items_counted("哪一项最多？占三项合计的百分之几？") is None


def test_a_quantity_the_list_prints_nowhere_is_another_question():
    from types import SimpleNamespace

    from qa.rank_asks import names_another

    vocab = SimpleNamespace(terms=["人员经费", "预算单位", "支出总计"], columns={"基本支出"})
    totals = [SimpleNamespace(facts=[{"column": "支出总计"}, {"column": "基本支出"}])]
    # 在职人员经费 of the units: their 支出总表 totals are another quantity
    assert names_another("下面四家单位在职人员经费", "支出总表", totals, vocab)
    # …while a table printing it, or a question naming none (预算单位 is a word of units), asks the units' own
    staff = [SimpleNamespace(facts=[{"column": "基本支出/人员经费"}])]
    assert not names_another("下面四家单位在职人员经费", "基本支出总表", staff, vocab)
    assert not names_another("四家预算单位里哪家最多", "支出总表", totals, vocab)
    # (…or one the list prints in words of its own: 收入合计, the 合计 of a 收入总表)
    vocab.terms.append("收入合计")
    income = [SimpleNamespace(facts=[{"column": "合计"}])]
    assert not names_another("哪个下属单位的收入合计最多", "部门综合预算收入总表", income, vocab)


def test_a_list_holding_the_class_the_items_are_asked_in_is_the_classes_list():
    asked = "西安市气象局2022年预算的专项业务经费里，商品和服务类各项支出中哪一项最多"
    assert class_of_items(asked, ["(1)工资福利支出", "(2)商品和服务支出"])  # the classes, one level above
    assert not class_of_items(asked, ["办公费", "印刷费", "差旅费"])  # its items
    assert class_of_items("一般公共服务这一大类里哪一项最多", ["一般公共服务支出", "公共安全支出"])
    # three classes compared by name are the list asked, not a class whose items are asked
    assert not class_of_items("工资福利、商品和服务、对个人和家庭补助这三大类支出中，哪一类增长最快",
                              ["工资福利支出", "商品和服务支出", "对个人和家庭的补助"])


def test_the_last_of_several_clauses_puts_the_items_under_the_narrowest_row():
    rows = ["基本支出", "奖金", "工资福利支出"]
    asked = "2026年一般公共预算基本支出中，奖金分成的几种里哪一种最多"
    assert under_row(asked, rows).group("x") == "奖金"  # (基本支出中 says where 奖金 is; 奖金 holds the items)


def test_a_funds_name_counts_only_for_a_list_that_says_the_fund_whole():
    from qa.phrase import grams

    funds = fund_only("重庆市商务委员会2026年一般公共预算基本支出中，奖金分成的几种里哪一种最多")
    assert funds and funds <= grams("一般公共预算")
    assert not funds <= grams("一般公共服务支出")  # (一般公共 of 一般公共服务: no word of the question)
    assert funds <= grams("一般公共预算支出表")
    assert not fund_only("奖金分成的几种里哪一种最多")


def test_spending_ranked_never_reads_an_income_line():
    assert spending_asked_income_read("收支总表按功能大类列的支出里，哪一类最少", "6、其他收入")
    assert not spending_asked_income_read("收支总表按功能大类列的支出里，哪一类最少", "节能环保支出")
    assert not spending_asked_income_read("收入和支出中哪一项最多", "事业收入")
