from qa.grounding import Evidence, check_answer, check_reply, citations, normalise, numbers_in, ungrounded_numbers

EVIDENCE = Evidence(["2024年支出合计79.40万元，其中基本支出8.40万元。", "行政运行\t600,000.00"], [11.83])


def test_numbers_in_prose_keep_precision_unit_and_percent():
    (a, b, c) = numbers_in("增长１２．３％，合计1,234.50万元，共3项")
    assert (a.value, a.decimals, a.percent) == (12.3, 1, True)
    assert (b.value, b.decimals, b.raw) == (1234.5, 2, "1,234.50万元")
    assert c.value == 3 and not c.percent


def test_codes_glued_to_letters_are_not_amounts():
    assert numbers_in("A1类") == []


def test_evidence_numbers_match_exactly_or_rounded_to_the_printed_precision():
    assert ungrounded_numbers("基本支出8.4万元，合计79.4", EVIDENCE) == []
    assert ungrounded_numbers("合计79", EVIDENCE) == []
    assert ungrounded_numbers("合计79.41", EVIDENCE) == ["79.41"]  # more precise than the evidence: invented


def test_units_convert_between_yuan_wanyuan_and_yiyuan():
    assert ungrounded_numbers("84000元", EVIDENCE) == []  # 8.40万元
    assert ungrounded_numbers("60万元", EVIDENCE) == []  # 600,000.00元
    assert ungrounded_numbers("0.6万元", EVIDENCE) == ["0.6万元"]


def test_percent_matches_computed_rate_or_its_rounding():
    assert ungrounded_numbers("11.83%", EVIDENCE) == []
    assert ungrounded_numbers("12%", EVIDENCE) == []
    assert ungrounded_numbers("11.9%", EVIDENCE) == ["11.9%"]


def test_small_numbers_do_not_match_by_rounding_away_their_value():
    assert ungrounded_numbers("1", Evidence(["0.6"])) == ["1"]


def test_invented_and_year_numbers_are_ungrounded_unless_present():
    assert ungrounded_numbers("999999", EVIDENCE) == ["999999"]
    assert ungrounded_numbers("2024年", EVIDENCE) == []
    assert ungrounded_numbers("2023年", EVIDENCE) == ["2023"]


def test_quotes_match_across_whitespace_and_width():
    assert EVIDENCE.has_quote("支出合计 79.40万元")
    assert EVIDENCE.has_quote("“行政运行 600,000.00”")
    assert EVIDENCE.has_quote("支出合计７９．４０万元")
    assert not EVIDENCE.has_quote("支出合计80.00万元")
    assert not EVIDENCE.has_quote("  ")
    assert normalise("a\tb　c") == "abc"


def test_check_reply_names_the_first_problem():
    assert check_reply(["合计79.40万元"], ["基本支出8.40万元"], EVIDENCE) is None
    assert check_reply(["合计12.3万元"], [], EVIDENCE) == "grounding failed: number 12.3万元 not in evidence"
    assert check_reply(["合计79.40万元"], ["本单位没有问题"], EVIDENCE).startswith("grounding failed: quote")


def test_answers_cite_given_passages_and_use_their_numbers():
    passages = ["支出合计79.40万元。", "收入合计80.00万元。"]
    assert citations("合计79.40万元［1］") == [1]
    assert check_answer("支出合计79.40万元[1]，收入80万元[2]。", passages) is None
    assert check_answer("支出合计79.40万元。", passages) == "grounding failed: no [n] citation"
    assert check_answer("支出合计79.40万元[3]", passages) == "grounding failed: citation [3] refers to no passage"
    # A number must be in the passages the sentence cites, not merely somewhere.
    assert check_answer("收入80.00万元[1]", passages) == "grounding failed: number 80.00万元 not in cited passages"
