from qa.item_scope import SCOPES, scope


def test_an_item_of_the_economic_classification_has_what_it_pays_for():
    assert "公积金" in scope("住房公积金")
    assert scope("30226 劳务费") == SCOPES["劳务费"]  # a printed label, with its code
    assert scope("因公出国（境）费") == SCOPES["因公出国（境）费用"]  # another wording of the item


def test_a_label_that_is_no_item_of_the_classification_has_none():
    assert scope("项目支出") is None
    assert scope("污水处理服务费") is None  # a unit's own project
    assert scope("水") is None


def test_every_scope_says_what_is_paid_for_in_words_not_the_items_own_name_alone():
    for item, said in SCOPES.items():
        assert len(said) >= 6 and said != item, item
