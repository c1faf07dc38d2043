"""What a question asks: the thing after where it says to look."""
from qa.question import asked_after_where


def test_what_follows_where_to_look_is_asked():
    assert asked_after_where("一般公共预算基本支出里，按考核结果发的绩效工资是多少？") == "按考核结果发的绩效工资是多少？"
    assert asked_after_where("政府采购项目中，服务类项目是多少？") == "服务类项目是多少？"
    # 中 inside a word (中小企业) ends no where
    assert asked_after_where("扶持中小企业的专项资金有多少？") == "扶持中小企业的专项资金有多少？"
    # a term of the documents said with 里 and no pause is where to look too; a 里 after no term is none
    terms = {"三公经费", "一般公共预算"}
    assert asked_after_where("财政拨款“三公”经费里买新公车的钱是多少？", terms) == "买新公车的钱是多少？"
    assert asked_after_where("给局里买新公车的钱是多少？", terms) == "给局里买新公车的钱是多少？"
    assert asked_after_where("财政拨款“三公”经费里买新公车的钱是多少？") == "财政拨款“三公”经费里买新公车的钱是多少？"


def test_what_the_question_says_it_does_not_ask():
    from qa.question import not_asked

    assert not_asked("收入里，既不是财政拨款、也不是事业收入的那块杂项收入有多少？") == ["财政拨款", "事业收入"]
    assert not_asked("退休费（不算离休费）是多少？") == ["离休费"]
    assert not_asked("一般公共预算支出是多少？") == []
    # each thing of a list left out, without the words pointing at it
    assert not_asked("政府采购买服务（不算买东西和工程）的预算有多少？") == ["买东西", "工程"]
    assert not_asked("资本性支出（不算基本建设那一块）安排了多少？") == ["基本建设"]
    assert not_asked("给在职干部缴的那份养老金（基本养老保险之外的职业年金）是多少？") == ["基本养老保险"]
    assert not_asked("除了工资以外的人员经费是多少？") == ["工资"]
    # a list left out in a clause of its own, before 以外; 除此以外 points back and names nothing
    assert not_asked("一般公共预算里，养老、医疗保险和年金以外，其余的社保缴费是多少？") == ["养老", "医疗保险", "年金"]
    assert not_asked("除此以外，还安排了多少？") == []
    # a bracketed description left out names its thing after 的: the actual 决算数 is not the 预算数 asked
    assert not_asked("公车运行维护费的预算数（不是实际花掉的决算数）是多少？") == ["实际花掉", "决算数"]
    assert not_asked("结转资金（不是上年结转的那部分）有多少？") == ["上年结转"]
    # set aside in everyday words (撇开, 抛开, 刨去), and pointed at as a big block (那一大块): the block is not asked
    assert not_asked("项目支出里，撇开国有资本经营预算那一大块，剩下的加起来多少？") == ["国有资本经营预算"]
    # the things the one asked cannot be classed under (the remainder is asked); 任何 names none
    assert not_asked("公用经费里，没法归到办公、邮电、差旅这些具体名目下的零星开支有多少？") == ["办公", "邮电", "差旅"]
    assert not_asked("项目经费里，归不进任何具体名目的零碎开支有多少？") == []
    assert not_asked("刨去人员经费，公用经费里办公费有多少？") == ["人员经费"]


def test_examples_in_brackets_are_no_words_of_the_things_name():
    from qa.question import without_examples

    assert without_examples("扶持通用航空(小飞机、直升机这些)的钱") == "扶持通用航空的钱"
    assert without_examples("培训(比如业务培训等)") == "培训"
    assert without_examples("科技服务（含技术市场服务体系）的支出") == "科技服务的支出"  # a member it includes
    assert without_examples("路费住宿费(出差的钱)") == "路费住宿费(出差的钱)"  # a name, not examples
    # a classification code said with the examples names the thing: it stays
    assert without_examples("离休费这一款（30301，含离休生活性补贴、健康休养费等）") == "离休费这一款30301"
    # the heading another classification files it under is where it is filed, its code and words none of the row's
    assert without_examples("30214租赁费（政府经济科目50201办公经费）合计多少") == "30214租赁费合计多少"
    assert without_examples("租赁费(部门经济分类科目30214)") == "租赁费(部门经济分类科目30214)"  # its own code


def test_people_counted_without_a_measure_word_are_a_count_of_people():
    from qa.question import intent

    assert intent("那笔水利专项资金，目标是让多少老百姓得到实惠？") == "count"  # (no sum of money answers it)
    assert intent("给老百姓的补助有多少钱？") == "amount"  # money asked of them: an amount


def test_people_named_by_a_noun_with_a_people_suffix_are_counted_too():
    from qa.question import intent

    assert intent("医师定期考核要覆盖全市多少注册医师？") == "count"  # (not the 医师管理 project's money)
    assert intent("今年要招录多少公务员？") == "count"
    assert intent("请律师要花多少律师费？") == "amount"  # a fee of them: money
    assert intent("多少民生支出？") == "amount"  # (民 begins a word here, it ends none)


def test_a_change_asked_by_its_base_year_whatever_the_clause_says_before_its_verb():
    from qa.question import intent

    assert intent("2026年比上年度预算里准备给公车加油修车的钱少了多少？") == "change"
    assert intent("拿来开会的钱，比2018年那一版预算多安排了多少？") == "change"
    # (the clause ends before the amount is asked: no change)
    assert intent("与2025年相比，项目支出是多少？") == "amount"


def test_a_proportion_the_money_is_reckoned_by_asks_no_rate():
    from qa.question import intent

    # 按工资比例划给工会的钱: how the sum is set; the sum is asked
    assert intent("按工资总额比例拨给工会的那笔钱是多少？") == "amount"
    # …while a proportion asked, or one the question computes, is a rate
    assert intent("任务按期完成的比例至少是多少？") == "percent"
    assert intent("工会经费按比例是多少？") == "percent"


def test_the_budgets_short_and_former_names_are_read_in_full():
    from qa.question import funds_in_full

    assert funds_in_full("财政一般预算拨下来的钱") == "财政一般公共预算拨下来的钱"
    assert funds_in_full("靠基金预算拨下来的钱，国资预算里呢") == "靠政府性基金预算拨下来的钱，国有资本经营预算里呢"
    # names said in full stay as they are
    assert funds_in_full("一般公共预算和政府性基金预算") == "一般公共预算和政府性基金预算"


def test_the_thing_asked_is_said_before_the_fund_said_to_pay_it():
    from qa.question import thing_asked

    assert thing_asked("2026年，给下属事业单位职工看病的那一项，财政一般公共预算拨了多少？") == "2026年，给下属事业单位职工看病的那一项"
    assert thing_asked("一般公共预算基本支出里，绩效工资是多少？") == "绩效工资是多少？"  # (where first: as before)
    assert thing_asked("2026年一般公共预算拨了多少？") == "2026年一般公共预算拨了多少？"  # (the fund itself asked)
