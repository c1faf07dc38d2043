"""eval/mutate_sound.py: an injected change must be one a reader can see on the page."""
from eval.mutate_sound import flip_shows, rate_basis


def test_a_flip_shows_only_when_the_rate_tells_the_directions_apart():
    # 4.97 of 793.48: 0.63% up, 0.62% down, both 0.6%; 69.10 of 840.10: 8.96% up, 7.60% down.
    assert not flip_shows("预算793.48 万元，较2025 年年初预算", 4.97, "0.6%。")
    assert flip_shows("预算840.10万元，较上年", 69.1, "7.6%")
    assert flip_shows("较2025 年年初预算", 69.1, "7.6%")  # no current amount in the line: kept


def test_a_rate_needs_its_change_or_its_base_in_the_sentence():
    assert rate_basis("预算847.01万元，较2025年年初预算增加74.52万元，")
    assert rate_basis("2023年执行数为50.00万元，2024年预算安排40.00万元，比2023年执行数")
    assert not rate_basis("全社会固定资产投资")
    assert not rate_basis("收缴国有资本收益43500万元，")


def test_an_amounts_subject_runs_back_over_basis_words_to_the_item():
    from eval.mutate_sound import clause_before

    text = "行政单位医疗（项）。年初预算为201.99万元，支出决算为180.44万元。"
    assert clause_before(text, text.index("180.44")).startswith("行政单位医疗")
    text = "基本支出60.00万元，项目支出40.00万元。"
    assert clause_before(text, text.index("40.00")) == "，项目支出"


def test_a_quoted_amount_must_stand_on_a_row_the_sentence_names(tmp_path):
    import random

    from eval import mutate

    p = tmp_path / "d.txt"
    p.write_text("\n".join([
        "示例区测试局2024年部门预算",
        "一、支出预算说明",
        "2024年行政运行预算80.00万元，档案整理项目专家评审费5.00万元，支出合计120.50万元。",
        "2022年一般行政管理事务预算35.50万元。",
        "\f示例区测试局2024年支出总表", "单位：万元", "科目编码\t科目名称\t合计",
        "\t合计\t120.50", "2010301\t行政运行\t80.00", "2010302\t印刷费\t5.00", "2010303\t一般行政管理事务\t35.50",
    ]), encoding="utf-8")
    quoted = sorted(m.numbers[0] for m in mutate.narrative_amount(mutate.view(p), random.Random(0)))
    # 5.00 stands in the table only on a row the sentence does not name (印刷费): changing it contradicts nothing;
    # 35.50 is given for 2022, not the year the tables print.
    assert quoted == [80.0, 120.5]
