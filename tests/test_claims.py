from rules.claims import amounts_in, extract
from tests.budgetdoc import make_doc


def claims(text, kind):
    return [c for c in extract(make_doc(text)) if c.kind == kind]


def test_amounts_carry_subject_unit_and_change_marks():
    a = amounts_in("收入总计6,536.40万元，比上年增加12.50万元；另有资金91,016,775.35元")
    assert [x.value for x in a] == [6536.4, 12.5, 9101.677535]
    assert a[0].subject == "收入总计" and a[0].change is None and a[0].decimals == 2
    assert a[1].change == "+"
    assert a[2].unit == "元"


def test_limits_are_marked_as_bounds():
    a = amounts_in("单价50万元以上的设备，成本不超过63.5万元")
    assert all(x.bound for x in a)


def test_share_takes_the_head_of_the_list_as_whole():
    (s1, s2) = claims("支出合计200.00万元，其中：基本支出150.00万元，占75.00%；项目支出50.00万元，占25.00%。", "share")
    assert (s1.amount.value, s1.whole.value, s1.value) == (150.0, 200.0, 75.0)
    assert (s2.amount.value, s2.whole.value) == (50.0, 200.0)


def test_share_without_a_list_head_has_no_whole():
    (s,) = claims("基本支出150.00万元，占75.00%，主要用于运转。", "share")
    assert s.whole is None


def test_change_rate_finds_change_amount_and_current_value():
    (c,) = claims("今年支出110.00万元，比上年增加10.00万元，增长10.00%。", "change")
    assert c.direction == "+" and c.change.value == 10.0 and c.amount.value == 110.0 and c.value == 10.0


def test_change_rate_reads_a_printed_prior_year():
    (c,) = claims("2023年执行数为50.00万元，2024年预算安排40.00万元，比2023年执行数减少20.00%。", "change")
    assert c.prior.value == 50.0 and c.others[0].value == 40.0 and c.direction == "-"


def test_completion_pairs_budget_and_final():
    (c,) = claims("年初预算为80.00万元，支出决算为60.00万元，完成年初预算的75.00%。", "completion")
    assert (c.whole.value, c.amount.value, c.value) == (80.0, 60.0, 75.0)


def test_parts_after_qizhong_skip_change_amounts():
    (p,) = claims("收入合计30.00万元，其中：财政拨款20.00万元，比上年减少1.00万元；事业收入10.00万元。", "parts")
    assert p.whole.value == 30.0 and [x.value for x in p.others] == [20.0, 10.0]


def test_counts_of_projects_and_vehicles():
    cs = claims("项目支出40.00万元，涉及项目2个。共有车辆3辆，其中：执法用车2辆，其他用车1辆。", "count")
    assert [(c.unit, c.value) for c in cs] == [("个", 2.0), ("辆", 3.0)]
    assert cs[1].parts == [2, 1]  # the vehicles listed after 其中


def test_topic_path_is_remembered_for_generic_subjects():
    (a,) = [c for c in claims("“卫生健康支出（类）医疗保障管理事务（款）行政运行（项）”。预算安排60.00万元。", "amount")]
    assert a.topic == ["卫生健康支出", "医疗保障管理事务", "行政运行"]


def test_a_path_name_may_hold_its_own_brackets():
    (a,) = [c for c in claims("“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）”12.00万元。", "amount")]
    assert a.topic == ["一般公共服务支出", "政府办公厅（室）及相关机构事务", "事业运行"]


def test_an_items_path_carries_to_the_paragraph_after_its_headline():
    doc = make_doc("1.“卫生健康支出（类）医疗保障管理事务（款）行政运行（项）”60.00万元，主要用于机构运转。",
                   "2024年预算安排60.00万元，比上年增长5.00%。")
    (a,) = [c for c in extract(doc) if c.kind == "amount" and c.subject.startswith("2024")]
    assert a.topic == ["卫生健康支出", "医疗保障管理事务", "行政运行"]
    # A numbered paragraph starts an item of its own.
    doc = make_doc("1.“卫生健康支出（类）医疗保障管理事务（款）行政运行（项）”60.00万元。", "2.其他支出预算安排5.00万元。")
    assert all(not c.topic for c in extract(doc) if c.kind == "amount" and "其他" in c.subject)


def test_each_kind_is_its_own_model_and_round_trips():
    """One model per claim kind (a count has vehicle parts, a change a direction); JSON in, the same claims out."""
    from pydantic import TypeAdapter

    from rules.claims import Claim, CountClaim, ShareClaim

    doc = make_doc("2024年支出预算100.00万元，其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占40.00%。",
                   "共有车辆3辆，其中：执法用车2辆，其他用车1辆。")
    claims = extract(doc)
    kinds = {type(c).__name__ for c in claims}
    assert {"AmountClaim", "ShareClaim", "PartsClaim", "CountClaim"} <= kinds
    assert not hasattr(next(c for c in claims if isinstance(c, ShareClaim)), "direction")
    assert next(c for c in claims if isinstance(c, CountClaim) and c.unit == "辆").parts == [2, 1]
    adapter = TypeAdapter(list[Claim])
    assert adapter.validate_json(adapter.dump_json(claims)) == claims


def test_a_sentence_broken_at_a_page_break_is_read_whole():
    # The list of vehicles and the change's current amount go on over the page: read as one sentence, each claim
    # keeps the page its number is printed on.
    cs = claims("截至2025年12月，所属各单位共有车辆16辆，其中业\f务用车6辆，应急保障用车9辆。", "count")
    assert [(c.value, c.parts, c.page) for c in cs] == [(16.0, [6, 9], 1)]
    (c,) = claims("2026年机关运行经费预算976.21万元，\f较2025年年初预算增加69.10万元，增长7.6%。", "change")
    assert c.amount.value == 976.21 and c.change.value == 69.1 and c.page == 2


def test_a_paragraph_opening_with_an_amount_goes_on_with_the_one_before():
    # 598.61万元 is no numbered item (598.): the sentence broke off before its amount.
    doc = make_doc("（二）政府采购情况。政府采购预算总额712.49万元：政府采购货物预算", "486.50万元、政府采购服务预算225.99万元。")
    (a,) = [c for c in extract(doc) if c.kind == "amount" and c.value == 486.5]
    assert a.subject == "政府采购货物预算"
