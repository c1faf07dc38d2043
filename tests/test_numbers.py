from index.numbers import halfwidth, join_cjk, parse_number


def test_thousands_separators_and_decimals():
    assert parse_number("6,536.40").value == 6536.40
    assert parse_number("91,016,775.35").value == 91016775.35
    assert parse_number("4,614").value == 4614
    assert parse_number("0.00").value == 0.0


def test_percent_is_marked():
    n = parse_number("12.3%")
    assert n.value == 12.3 and n.percent and n.decimals == 1
    assert not parse_number("12.3").percent


def test_blank_and_dashes_are_none():
    for blank in ("", "  ", "-", "—", "——", None):
        assert parse_number(blank) is None


def test_fullwidth_digits_and_punctuation():
    assert halfwidth("１２３，４５６．７") == "123,456.7"
    assert parse_number("１，２３４．５６").value == 1234.56
    assert parse_number("１２％").percent


def test_text_is_not_a_number():
    for text in ("合计", "≤63.5万元", "2101501行政运行", "1,23,4"):
        assert parse_number(text) is None


def test_accounting_negative():
    assert parse_number("(12.50)").value == -12.5


def test_join_cjk_rejoins_broken_words_but_keeps_latin_spaces():
    assert join_cjk("政府 性基 金") == "政府性基金"
    assert join_cjk("其中： 财政拨 款") == "其中：财政拨款"
    assert join_cjk("XX 局 2024 年") == "XX 局 2024 年"


def test_letter_spaced_numbers_are_read_as_one():
    from index.numbers import joined_digits

    assert joined_digits("政府性基金预算财政拨款收入  5 7 9 . 8 9  万元") == "政府性基金预算财政拨款收入  579.89  万元"
    assert joined_digits("总额 9 4 7 万元，增长 1 2 %") == "总额 947 万元，增长 12 %"
    assert joined_digits("2026 年 1 2 月") == "2026 年 1 2 月"  # no unit: not an amount
    assert joined_digits("序号 1 2 3 4", bare=True) == "序号 1234"
