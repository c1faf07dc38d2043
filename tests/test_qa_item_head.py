"""Several things asked together (写文稿、搞调研和办专题培训这一块一共) are the head of the narrative list whose items pay
for them, not the one item that says most of the question's words."""
from qa.answer import ask
from qa.item_head import listed


def test_the_things_a_question_lists():
    assert listed("写政府重要文稿、搞调研和办专题培训这一块") == ["写政府重要文稿", "搞调研", "办专题培训这一块"]
    assert listed("社会组织登记管理") == ["社会组织登记管理"]


def _city(tmp_path):
    from tests.conftest import CITY_UNITS, city_of

    listing = ("研究调研活动166.02万元，主要包括：政府重要文稿起草及调研工作116.30万元，用于开展重要文稿起草有关工作的支出；"
               "党建及业务专题培训49.72万元，用于开展党建及业务专题培训工作的支出。")
    return city_of(tmp_path, [(CITY_UNITS[0], listing)] +
                   [(u, f"业务运行保障项目{100 + i}.00万元，用于日常业务。") for i, u in enumerate(CITY_UNITS[1:])])


def test_things_listed_under_one_head_and_asked_together_are_the_heads_amount(tmp_path):
    city = _city(tmp_path)
    together = "深圳市口岸办公室2026年写政府重要文稿、搞调研和办专题培训这一块一共安排了多少万元？"
    assert ask(together, city.store.root, retriever=city).value == 166.02
    # the things of one item, asked together, are that item's
    one = "深圳市口岸办公室2026年政府重要文稿起草和调研的钱一共安排了多少万元？"
    assert ask(one, city.store.root, retriever=city).value == 116.30


def test_an_item_given_as_an_example_of_the_class_asked_is_read_as_its_head(tmp_path):
    city = _city(tmp_path)
    question = "深圳市口岸办公室2026年搞研究调研（比如党建及业务专题培训）的那一大类一共安排了多少万元？"
    assert ask(question, city.store.root, retriever=city).value == 166.02
