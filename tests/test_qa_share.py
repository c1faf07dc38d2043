"""A share the documents do not print: what is the part and what the whole."""
from qa.share import parts


def test_the_part_and_the_whole_in_either_order():
    assert parts("一般公共预算拨款占收入预算的比例是多少？") == ("一般公共预算拨款", "收入预算")
    assert parts("收入预算中一般公共预算拨款占多大比例？") == ("一般公共预算拨款", "收入预算")
    assert parts("一般公共预算拨款是多少？") is None
