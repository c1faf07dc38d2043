"""A question reworded into a table's term must still be about what the question asked: words the named document
uses for something else, beside no mention of the term, stop the term's figure from being given as the answer."""
from qa.answer import ask
from qa.offterm import off_term


def test_a_specific_word_used_elsewhere_in_the_document_keeps_the_term_from_answering(look_alike_city):
    question = "深圳市口岸办公室2026年给派到西九龙站干活的人发补贴，预算多少？"
    sc = look_alike_city.scope(question)
    lost = off_term(question, "津贴补贴", "一般公共预算支出表（按经济分类）津贴补贴支出总计", sc, look_alike_city)
    assert lost and all(w in question for w in lost) and any("西九龙" in w or w in "西九龙站" for w in lost)
    a = ask(question, look_alike_city.store.root, retriever=look_alike_city)
    assert a.value != 500.0  # never the economic-class row of every allowance (qa/specific.py reads the item's own)


def test_words_said_beside_the_term_or_abbreviating_it_do_not(look_alike_city):
    # 加油 is said in the sentence that names 公务用车运行维护费; 公车 abbreviates it
    question = "深圳市气象局2026年给公车加油的钱预算多少？"
    assert off_term(question, "公务用车运行维护费", "公务用车运行维护费", look_alike_city.scope(question), look_alike_city) == []
    # a word every document uses says nothing about what the question is about
    common = "深圳市统计局2026年日常业务的补贴是多少？"
    assert off_term(common, "津贴补贴", "津贴补贴", look_alike_city.scope(common), look_alike_city) == []


def test_a_word_and_the_term_in_far_apart_rows_of_one_table_are_not_said_together():
    from qa.offterm import _beside

    table = "绩效目标表｜任务1=医疗保障经办事务；金额=80\n任务2=引入会计师事务所审计；金额=50"
    assert not _beside(table, "会计师", "医疗保障经办事务")  # two rows of one table's chunk
    assert _beside("医疗保障经办事务中聘请会计师审计50万元。", "会计师", "医疗保障经办事务")


def _port_office_says(tmp_path, text: str):
    """A city of eleven budgets, the port office's printing `text` (its item, its table), the others one project each."""
    from tests.conftest import CITY_UNITS, city_of

    return city_of(tmp_path, [(CITY_UNITS[0], text)] +
                   [(u, f"业务运行保障项目{100 + i}.00万元，用于日常业务。") for i, u in enumerate(CITY_UNITS[1:])])


def test_a_row_named_by_the_word_is_another_row_than_the_one_read(tmp_path):
    # the frame "一般公共预算里" reworded as the term 一般公共预算: the 科普活动 row, whose columns say the term, is
    # what is asked, not the total the term reads
    table = ("\n\n一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t一般公共预算拨款\n\t合计\t900.00\n"
             "2060702\t科普活动\t300.00\n2060101\t行政运行\t600.00\n")
    city = _port_office_says(tmp_path, "科普宣传周活动。" + table)
    question = "深圳市口岸办公室2026年一般公共预算里，花在搞科普上的钱有多少？"
    sc = city.scope(question)
    assert off_term(question, "一般公共预算", "一般公共预算支出表合计一般公共预算拨款", sc, city) == ["科普"]
    assert ask(question, city.store.root, retriever=city).value != 900.0


def test_characters_straddling_two_words_are_no_word_said_elsewhere():
    from qa.offterm import _as_a_word

    assert not _as_a_word("支持省部共建国家重点实验室建设", "建国")  # 共建 | 国家: no 建国 (founding of the state)
    assert _as_a_word("发给建国前参加革命的离休干部", "建国")



def test_a_word_the_classification_says_the_item_pays_for_is_no_word_said_elsewhere(tmp_path):
    # 制服 is printed in another passage of the document (a project), but 被装购置费 pays for 制服 by the
    # classification's own account: the row is what is asked; a class's examples (抚恤金 of 对个人和家庭的补助) are not
    table = ("\n\n一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t90.00\n"
             "30224\t被装购置费\t59.32\n303\t对个人和家庭的补助\t30.68\n")
    city = _port_office_says(tmp_path, "执法制服更新项目12.00万元，用于更换执法制服；发放抚恤金5.00万元。" + table)
    question = "深圳市口岸办公室2026年按经济分类的一般公共预算里，买制服被装花多少万元？"
    sc = city.scope(question)
    assert "制服" not in off_term(question, "被装购置费", "被装购置费支出总计", sc, city)
    pension = "深圳市口岸办公室2026年按经济分类的一般公共预算里，发抚恤金花多少万元？"
    assert "抚恤金" in off_term(pension, "对个人和家庭的补助", "对个人和家庭的补助支出总计", city.scope(pension), city)
