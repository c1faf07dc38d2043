from tests.budgetdoc import make_doc


def severities(findings):
    return {f.severity for f in findings}


def test_share_recomputed_from_its_own_amounts(run_rule):
    ok = make_doc("支出合计100.00万元，其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占40.00%。")
    bad = make_doc("支出合计100.00万元，其中：基本支出60.00万元，占62.00%；项目支出40.00万元，占38.00%。")
    assert not run_rule(ok, "percentage.share")
    f = run_rule(bad, "percentage.share")
    assert f and f[0].severity == "error" and "60.00÷100.00=60.00%" in f[0].computation


def test_share_allows_the_rounding_of_printed_amounts_only(run_rule):
    # 1.00/3.00 = 33.33%; 33.34% is beyond the rounding of two-decimal amounts? (0.005/1 ≈ 0.17 points: no)
    doc = make_doc("支出合计3.00万元，其中：基本支出1.00万元，占33.40%；项目支出2.00万元，占66.60%。")
    assert not run_rule(doc, "percentage.share")
    doc = make_doc("支出合计3.00万元，其中：基本支出1.00万元，占34.00%；项目支出2.00万元，占66.00%。")
    assert "error" in severities(run_rule(doc, "percentage.share"))


def test_tolerance_in_the_pack_drives_the_share_rule(run_rule):
    doc = make_doc("支出合计100.00万元，其中：基本支出60.00万元，占60.40%；项目支出40.00万元，占39.60%。")
    assert "error" in severities(run_rule(doc, "percentage.share"))
    assert not run_rule(doc, "percentage.share", digits=50)


def test_change_rate_and_zero_base(run_rule):
    assert not run_rule(make_doc("今年支出110.00万元，比上年增加10.00万元，增长10.00%。"), "percentage")
    assert "error" in severities(run_rule(make_doc("今年支出110.00万元，比上年增加10.00万元，增长12.00%。"),
                                          "percentage.change_rate"))
    assert "warning" in severities(run_rule(make_doc("今年支出10.00万元，比上年增加10.00万元，增长100%。"),
                                            "percentage.change_rate"))


def test_change_rate_from_a_printed_prior_year(run_rule):
    ok = make_doc("2023年执行数为50.00万元，2024年预算安排40.00万元，比2023年执行数减少20.00%。")
    bad = make_doc("2023年执行数为50.00万元，2024年预算安排40.00万元，比2023年执行数减少25.00%。")
    assert not run_rule(ok, "percentage")
    assert run_rule(bad, "percentage.change_rate")


def test_completion_rate(run_rule):
    assert "error" not in severities(run_rule(
        make_doc("年初预算为80.00万元，支出决算为60.00万元，完成年初预算的75.00%。"), "percentage.completion_rate"))
    assert "error" in severities(run_rule(
        make_doc("年初预算为80.00万元，支出决算为60.00万元，完成年初预算的80.00%。"), "percentage.completion_rate"))


def test_rate_fitting_the_items_headline_reports_the_two_amounts(run_rule):
    doc = make_doc("“行政运行（项）”50.00万元，主要用于运转。2023年执行数为40.00万元，2024年预算安排52.00万元，"
                   "比2023年执行数增加25.00%。")
    (f,) = run_rule(doc, "percentage.change_rate")
    assert f.kind == "narrative_vs_table" and (f.expected, f.actual) == (50.0, 52.0)


def test_shares_of_a_list_whose_whole_was_stated_before(run_rule):
    # No whole in the sentence: the listed parts add up to the amount of the paragraph before.
    ok = make_doc("2024年一般公共预算支出100.00万元。", "卫生健康支出60.00万元，占60.00%；社会保障和就业支出40.00万元，占40.00%。")
    assert not run_rule(ok, "percentage.share")
    bad = make_doc("2024年一般公共预算支出100.00万元。", "卫生健康支出60.00万元，占66.00%；社会保障和就业支出40.00万元，占40.00%。")
    assert "error" in severities(run_rule(bad, "percentage.share"))
    # Parts that add up to no stated amount have no whole to be measured against.
    lone = make_doc("卫生健康支出60.00万元，占66.00%；社会保障和就业支出40.00万元，占40.00%。")
    assert not run_rule(lone, "percentage.share")


# One change stated in every order the documents use: current amount, base (比…A万元), change amount, rate.
# 200 down 10 from 210 is -4.76%; written 6.00% it must be flagged, whichever order the clauses take.
CHANGE_ORDERS = [
    "收入预算200.00万元，比上年减少10.00万元，下降{r}%。",
    "收入预算200.00万元，比上年210.00万元减少10.00万元，下降{r}%。",
    "收入预算200.00万元，比2023年预算数210.00万元减少10.00万元，下降{r}%。",
    "收入预算200.00万元，较上年下降{r}%，减少10.00万元。",
    "收入预算200.00万元，下降{r}%，比上年减少10.00万元。",
    "收入预算200.00万元，较上年减少10.00万元（{r}%）。",
    "收入预算200.00万元，比上年210.00万元，下降{r}%。",
    "收入预算200.00万元，上年为210.00万元，下降{r}%。",
]


def test_change_rate_in_every_clause_order(run_rule):
    for s in CHANGE_ORDERS:
        assert not run_rule(make_doc(s.format(r="4.76")), "percentage"), s
        (f,) = run_rule(make_doc(s.format(r="6.00")), "percentage.change_rate")
        assert f.severity == "error" and f.expected == 4.76 and f.actual == 6.0, s


def test_a_rate_of_the_next_clause_does_not_take_the_change_before_it(run_rule):
    # 下降45.90% is the fund's rate (its own base is not printed): it must not be computed from the total's change.
    for sep in ("；其中", "，", "；"):
        doc = make_doc(f"收入预算200.00万元，比上年减少10.00万元，下降4.76%{sep}政府性基金预算收入30.00万元，下降45.90%。")
        assert not run_rule(doc, "percentage"), sep
    # …and a change printed after a rate that already has its own change is not borrowed either.
    doc = make_doc("收入预算200.00万元，比上年减少10.00万元，下降4.76%，支出预算300.00万元，增长7.14%，增加20.00万元。")
    assert not run_rule(doc, "percentage")
