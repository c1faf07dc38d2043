"""Where a question says to look picks the table whose project rows are its items."""
from types import SimpleNamespace

from qa.item_where import placed_first, said_where

PROJECTS = "2022年部门综合预算专项业务经费支出表"
PURCHASES = "2022年部门综合预算政府采购（资产配置、购买服务）预算表"


def _item(table, share, value, kind="row"):
    return SimpleNamespace(chunk=SimpleNamespace(kind=kind, table=table), share=share, value=value)


def test_the_rows_of_the_table_the_question_looks_in_come_first():
    # a purchase line of the project says one more of the question's words (in its 规格型号) than the project's row
    found = [_item(PURCHASES, 0.9, 80.0), _item(PROJECTS, 0.67, 220.0), _item(PURCHASES, 0.67, 95.0)]
    assert said_where("专项经费中，", PROJECTS) >= 0.5 and said_where("专项经费中，", PURCHASES) == 0.0
    assert [f.value for f in placed_first(found, "专项经费中，")] == [220.0]
    # no where said, or the best already in the table looked in, or no row of it: the shares decide
    assert placed_first(found, "") is found
    assert placed_first(found[1:], "专项经费中，") == found[1:]
    assert placed_first(found, "工会经费里") is found
    # a sentence of the narrative is read where it is, whatever table the where names
    sentence = [_item(None, 0.9, 80.0, kind="paragraph"), _item(PROJECTS, 0.67, 220.0)]
    assert placed_first(sentence, "专项经费中，") is sentence
