"""A ranking over the items a question lists itself: each read as its own question, the share only of a whole the
items are said to make up and that the document's total confirms."""
from qa.models import Answer, Citation
from qa.rank_named import listed_items, names_listed, ranked_named
from qa.scope import Scope

QUESTION = "深圳市某局（本级）2026年预算拆成在职人员经费、公用经费、增人增资、项目支出四块，哪一块最大？"
FIGURES = {"在职人员经费": 2830.73, "公用经费": 502.22, "增人增资": 200.0, "项目支出": 1313.8, "预算总额": 4846.75}


def _reader(figures):
    def read(question):
        item = next((k for k in figures if k in question), None)
        if item is None:
            return Answer(question=question, answer="证据不足", answered=False)
        return Answer(question=question, answer=f"{item}{figures[item]}万元。", value=figures[item], unit="万元",
                      answered=True, confidence=0.8, citations=[Citation(source="a.pdf", page=6, text=item, score=1.0)])
    return read


def _scope():
    return Scope(keys={"a.pdf"}, named={"a.pdf": "深圳市某局"}, years=["2026"])


def test_the_items_a_question_lists_are_read_from_its_own_words():
    assert listed_items(QUESTION) == ["在职人员经费", "公用经费", "增人增资", "项目支出"]
    assert listed_items("预算按在职人员经费、公用经费、项目支出分，最大的一块占了百分之几？") == ["在职人员经费", "公用经费", "项目支出"]
    # two items are no list, and a run into the asking words is none either
    assert listed_items("基本支出和项目支出哪个多？") == []
    assert listed_items("深圳、西安、重庆三地市政府办公厅哪个最多") == []


def test_the_largest_listed_item_and_its_share_of_the_whole_they_make_up():
    a = ranked_named(QUESTION, _scope(), "max", 5, _reader(FIGURES), rest="占全部预算的百分之几")
    assert a.answered and a.unit == "%" and a.value == 58.4 and "在职人员经费" in a.answer and len(a.rows) == 4
    assert ranked_named(QUESTION, _scope(), "min", 5, _reader(FIGURES)).value == 200.0


def test_no_ranking_when_an_item_is_not_read_or_the_parts_do_not_make_up_the_total():
    missing = {k: v for k, v in FIGURES.items() if k != "增人增资"}
    assert ranked_named(QUESTION, _scope(), "max", 5, _reader(missing)) is None
    # a part read from another line: the four no longer add up to the budget's total, no share is given
    wrong = dict(FIGURES, 公用经费=1502.22)
    assert ranked_named(QUESTION, _scope(), "max", 5, _reader(wrong), rest="占全部预算的百分之几") is None


def test_a_ranked_name_is_a_listed_item_when_it_keeps_the_items_words():
    assert names_listed("公务用车购置及运行费", "公车") and names_listed("在职人员经费", "在职人员经费")
    assert not names_listed("退休费", "对个人和家庭补助")


def test_examples_and_parts_added_up_are_no_list_of_what_is_ranked():
    assert listed_items("工资福利支出里，按款级科目（基本工资、津贴补贴、奖金、社保缴费、公积金等）看哪一项最大？") == []
    assert listed_items("“三公”经费、会议费、培训费合在一起按预算单位排，排第二的是哪个单位？") == []


def test_a_share_of_what_the_listed_items_add_up_to_is_of_their_own_sum():
    question = "深圳市某局2026年“三公”经费、会议费和培训费这几块钱里，哪一块最多？"
    assert listed_items(question) == ["三公经费", "会议费", "培训费"]
    figures = {"三公经费": 10.2, "会议费": 2.0, "培训费": 21.0}
    a = ranked_named(question, _scope(), "max", 5, _reader(figures), rest="占这几块合计的百分之几")
    assert a.answered and (a.value, a.unit) == (63.25, "%") and "21.00 ÷ 33.20" in a.answer, a.answer
    # 合计 of the share asked is no sign that the list is added up before it is ranked
    assert listed_items(question + "占这几块合计的百分之几？") == ["三公经费", "会议费", "培训费"]
    # a share of a whole the list is not said to make up (全部预算) is still not given
    assert ranked_named(question, _scope(), "max", 5, _reader(figures), rest="占全部预算的百分之几") is None


def test_the_list_ends_before_the_asking_words_that_run_on_after_it():
    assert listed_items("按经济分类的基本支出中，印刷、邮电、差旅、维修这几项哪项最高？") == ["印刷", "邮电", "差旅", "维修"]
    assert listed_items("项目支出里，水费、电费、物业管理费、劳务费哪一项最多？") == ["水费", "电费", "物业管理费", "劳务费"]


def test_the_list_is_cut_from_where_it_is_read_what_it_is_and_how_many_it_says():
    # what the items are, said after their count (这几项日常开支中), and where they are read, before the first
    assert listed_items("部门预算里，水费、电费、邮电费、维修费这几项日常开支中哪项最多？") == ["水费", "电费", "邮电费", "维修费"]
    assert listed_items("政府采购里货物、工程、服务三类哪类占大头？") == ["货物", "工程", "服务"]
    assert listed_items("政府采购按货物、服务、工程三类分，排第二的是哪一类？") == ["货物", "服务", "工程"]
    # a bracketed character within an item (维修（护）费) and more than ten items
    assert listed_items("手续费、电费、维修（护）费、租赁费这几项，哪一项最多？")[2] == "维修(护)费"
    assert len(listed_items("印刷、邮电、物业、差旅、出国、维修、租赁、会议、培训、接待、劳务、委托业务、工会这些科目里，哪项最多？")) == 13
    # the count said keeps a last item joined by 和 whole: three items, not four
    assert listed_items("工资福利、商品和服务、对个人和家庭补助这三大类支出中，哪一类最多？") == \
        ["工资福利", "商品和服务", "对个人和家庭补助"]
    assert listed_items("水费、电费和物业费哪一项最多？") == ["水费", "电费", "物业费"]


def test_listed_items_are_read_in_the_part_of_spending_named_before_them_and_each_as_itself():
    asked = []

    def read(question):
        asked.append(question)
        return _reader({"水费": 806.22, "电费": 9770.28, "劳务费": 7773.57})(question)

    found = ranked_named("深圳市某局2026年项目支出里，水费、电费、劳务费哪一项最多？", _scope(), "max", 5, read)
    assert found is not None and found.value == 9770.28
    assert asked == [f"深圳市某局2026年{x}项目支出是多少" for x in ("水费", "电费", "劳务费")]

    # an item read as another line (差旅 answered by the unit's own row) leaves no ranking of the list
    def unit_row(question):
        if "差旅" in question:
            return Answer(question=question, answer="深圳市某局基本支出9122.80万元。", value=9122.8, unit="万元",
                          answered=True, confidence=0.5, row="深圳市某局",
                          citations=[Citation(source="a.pdf", page=6, text="x", score=1.0)])
        return _reader({"印刷": 18.15, "邮电": 37.71, "维修": 20.19})(question)

    assert ranked_named("深圳市某局2026年印刷、邮电、差旅、维修这几项哪项最高？", _scope(), "max", 5, unit_row) is None
