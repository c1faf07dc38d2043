"""The parts a question names beside a total are said with it."""
from qa.parts import listed_terms, named_parts, parts_sentence, summed_terms, without_summed_parts

FACTS = [{"column": "支出总计", "value": 620.15}, {"column": "基本支出", "value": 499.6},
         {"column": "项目支出", "value": 120.55}]


def test_the_cells_of_the_parts_the_question_names_are_said():
    parts = named_parts("发给退休人员的钱，基本支出和项目支出合起来一共多少？", FACTS, "支出总计")
    assert parts == [("基本支出", 499.6), ("项目支出", 120.55)]
    assert parts_sentence(parts) == "其中基本支出499.60万元、项目支出120.55万元。"


def test_parts_added_up_in_everyday_words_are_the_cells_that_add_up_to_the_total_read():
    # 日常经费和项目 name no column, but the total is read and the two cells beside it add up to it
    assert named_parts("印材料的开销一共多少？日常经费和项目加起来。", FACTS, "支出总计") == [("基本支出", 499.6),
                                                                                ("项目支出", 120.55)]
    # …not when the cells beside it do not make it up, nor when no sum is asked
    other = [{"column": "支出总计", "value": 700.0}, {"column": "基本支出", "value": 499.6},
             {"column": "项目支出", "value": 120.55}]
    assert named_parts("印材料的开销一共多少？日常经费和项目加起来。", other, "支出总计") == []
    assert named_parts("印材料的开销是多少？", FACTS, "支出总计") == []


def test_one_part_named_or_another_column_group_says_nothing_more():
    assert named_parts("退休费的基本支出是多少？", FACTS, "支出总计") == []  # one part: the cell asked, not a sum
    grouped = [{"column": "2026年/合计", "value": 3.0}, {"column": "2025年/基本支出", "value": 1.0},
               {"column": "2025年/项目支出", "value": 2.0}]
    assert named_parts("基本支出和项目支出合起来", grouped, "2026年/合计") == []
    assert parts_sentence([]) == ""


def test_columns_added_up_are_no_words_of_the_thing_asked():
    columns = {"基本支出", "项目支出"}
    assert without_summed_parts("发给退休人员的钱，基本支出和项目支出合起来一共多少？", columns) == "发给退休人员的钱，一共多少？"
    assert without_summed_parts("一般公共预算里的电费(基本支出和项目支出合在一起)各是多少？", columns) == "一般公共预算里的电费各是多少？"
    # the things added up are no columns: they are what is asked
    assert without_summed_parts("出国和接待加起来多少", columns) == "出国和接待加起来多少"
    # nothing else named: the columns are all there is
    assert without_summed_parts("基本支出和项目支出合起来一共多少", columns) == "基本支出和项目支出合起来一共多少"


def test_parts_added_with_jia_in_brackets_are_columns_too_and_jia_qilai_is_no_connector():
    from qa.parts import summed_columns

    columns = {"基本支出", "项目支出"}
    # (the bracket they were said in goes with them)
    assert without_summed_parts("办培训班的钱（基本支出加项目支出）一共是多少？", columns) == "办培训班的钱是多少？"
    assert summed_columns("租金，基本支出和项目支出加起来一共多少？", columns) == ("基本支出", "项目支出")
    assert summed_columns("日常经费和专项业务经费加起来一共多少", columns) is None  # (加 of 加起来 joins nothing)
    # columns named by their stems (基本和项目) are the same columns
    assert without_summed_parts("出差的路费住宿钱（基本和项目加起来）有多少？", columns) == "出差的路费住宿钱有多少？"
    # (专项 alone is the 专项业务经费 in short)
    assert without_summed_parts("印材料的开销一共多少（日常经费和专项加在一起）？", columns) == "印材料的开销一共多少？"
    assert summed_columns("差旅费，基本和项目加起来一共多少？", columns) == ("基本支出", "项目支出")
    assert summed_columns("出国和接待加起来多少", columns) is None  # (no column's stem)
    # two columns alone in brackets after the thing add up to it, with no word saying so
    assert without_summed_parts("两家的办公设备购置（基本加项目）各是多少？", columns) == "两家的办公设备购置各是多少？"
    assert without_summed_parts("其他商品和服务支出（30299，基本加项目）各是多少？", columns) == \
        "其他商品和服务支出（30299）各是多少？"
    assert summed_columns("办公费（基本支出和项目支出）是多少", columns) == ("基本支出", "项目支出")
    assert without_summed_parts("会议费（出国和接待）是多少", columns) == "会议费（出国和接待）是多少"  # (no columns)


def test_a_row_of_a_table_printing_no_column_of_the_parts_added_up_is_not_their_sum():
    from qa.parts import prints_parts

    columns = {"基本支出", "项目支出", "支出", "2026年预算数"}
    question = "培训的钱（基本支出加项目支出）一共是多少？"
    assert prints_parts(question, FACTS, columns)
    assert not prints_parts(question, [{"column": "支出/2026 年预算数", "value": 1520.55}], columns)
    assert prints_parts("培训费是多少？", [{"column": "支出/2026 年预算数", "value": 1520.55}], columns)


def test_two_terms_added_up_are_found_with_the_words_naming_them():
    terms, columns = {"水费", "电费", "商品和服务支出", "基本支出", "项目支出"}, {"基本支出", "项目支出"}
    text = "一般公共预算水费和电费一共多少"
    first, second, start, end = summed_terms(text, terms, columns)
    assert (first, second, text[start:end]) == ("水费", "电费", "水费和电费")
    assert summed_terms("水电（水费加电费）一共多少", terms, columns)[:2] == ("水费", "电费")
    assert summed_terms("商品和服务支出一共多少", terms | {"商品"}, columns) is None  # one term with 和 inside
    assert summed_terms("基本支出和项目支出合计多少", terms, columns) is None  # two columns of one figure
    # …unless both are rows of many documents' tables too (会议费, 培训费: columns of a 三公 table only)
    both = {"会议费", "培训费"}
    assert summed_terms("会议费和培训费加起来多少", terms | both, columns | both, rows=both)[:2] == ("会议费", "培训费")
    assert summed_terms("会议费和培训费加起来多少", terms | both, columns | both) is None
    assert summed_terms("路费和住宿费一共多少", terms, columns) is None  # no terms of the documents
    # the last two of a longer list are not two terms added up: 三公经费及会议费、培训费 totals three things
    assert summed_terms("三公经费及会议费、培训费一共多少", terms | {"三公经费", "会议费", "培训费"}, columns) is None
    # two terms said one after the other, nothing between (交水费电费一共)
    assert summed_terms("机关交水费电费一共多少", terms, columns)[:2] == ("水费", "电费")
    assert summed_terms("公务用车运行维护费一共多少", terms | {"公务用车", "运行维护费", "公务用车运行维护费"},
                        columns) is None  # (one term the two words make)


def test_three_terms_listed_and_added_up_are_each_found_and_a_list_of_other_words_is_not():
    terms = {"三公经费", "会议费", "培训费", "水费", "电费"}
    text = "西安市信访局2026年“三公”经费、会议费、培训费加在一起是多少"
    found, start, end = listed_terms(text, terms)
    assert found == ["三公经费", "会议费", "培训费"] and text[start:end] == "“三公”经费、会议费、培训费"
    assert listed_terms("一般公共预算里的水费、电费和会议费一共多少", terms)[0] == ["水费", "电费", "会议费"]
    assert listed_terms("出国、招待客人和公车这几项加起来多少", terms) is None  # (everyday words: no terms)
    assert listed_terms("水费、电费、路费加起来多少", terms) is None  # (one item is no term of the documents)
    assert listed_terms("水费、电费、会议费是多少", terms) is None  # (nothing added up)


def test_a_listed_sum_is_the_run_of_terms_that_ends_its_clause_however_long_the_clause():
    terms = {"三公经费", "会议费", "培训费"}
    text = "深圳市气象局和深圳市文化局2026年“三公”经费、会议费、培训费加在一起各是多少"
    found, start, end = listed_terms(text, terms)
    assert found == ["三公经费", "会议费", "培训费"] and text[start:end] == "“三公”经费、会议费、培训费"
    # (a long list of other words is read in one pass over its joining words: no list, and no wait)
    assert listed_terms("、".join(["会议费用支出情况说明"] * 200) + "加起来是多少", terms) is None


def test_a_total_read_is_said_with_the_parts_holding_money_that_make_it_up():
    assert named_parts("印材料的开销是多少？", FACTS, "支出总计", every=True) == [("基本支出", 499.6), ("项目支出", 120.55)]
    # an empty part is not said, and one part holding it all is no breakdown; nor is a part read, or parts that do not
    # add up to the total
    one = [{"column": "支出总计", "value": 499.6}, {"column": "基本支出", "value": 499.6},
           {"column": "项目支出", "value": 0.0}]
    assert named_parts("印材料的开销是多少？", one, "支出总计", every=True) == []
    assert named_parts("印材料的开销是多少？", FACTS, "基本支出", every=True) == []
    assert named_parts("印材料的开销是多少？", [{**FACTS[0], "value": 700.0}, *FACTS[1:]], "支出总计", every=True) == []
