"""Evidence read from retrieved passages by their structure: the row and column a question names, the
narrative subject, the reason clause."""
from __future__ import annotations

from index.chunk import Chunk
from qa.evidence import candidates, evidence, structured
from qa.reasons import reason_candidates
from qa.retrieve import Hit

ENTITY = "上海市普陀区人民政府万里街道办事处"


def _row(label: str, facts: dict[str, float], table: str = "项目支出预算表", code: str | None = None) -> Hit:
    text = f"{table}（万元）｜{label}：" + "；".join(f"{k}={v}" for k, v in facts.items())
    return Hit(Chunk(id=label + table, source="a.txt", kind="row", pages=[1], text=text, table=table, unit="万元",
                     label=label, code=code, entity=ENTITY, facts=[{"column": k, "value": v, "raw": v, "unit": "万元"}
                                                    for k, v in facts.items()]), 1.0)


def _para(text: str) -> Hit:
    return Hit(Chunk(id=text[:20], source="a.txt", kind="paragraph", pages=[1], text=text, entity=ENTITY), 1.0)


def test_the_later_name_is_the_one_asked_for():
    hits = [_row("社区卫生服务中心综合管理站", {"合计": 3276.6}), _row("离休干部医疗费", {"合计": 500.0})]
    assert structured("万里街道办事处社区卫生服务中心综合管理站离休干部医疗费项目预算多少万元？", hits).value == 500.0


def test_a_row_the_question_does_not_name_is_a_part_not_the_total():
    hits = [_row("教育支出", {"支出预算/合计": 25.0, "支出预算/基本支出": 0.0}, "部门支出预算总表"),
            _row("合计", {"支出预算/合计": 15621.11, "支出预算/基本支出": 9970.6}, "部门支出预算总表")]
    assert structured("万里街道办事处2024年基本支出预算合计是多少？", hits).value == 9970.6


def test_a_comparison_base_does_not_name_the_quantity():
    hits = [_para("公用经费比上年减少5.10万元，主要原因：压缩一般性支出。"),
            _para("收入总计659.94万元，与2023年预算相比，收入减少12.78万元，主要原因：退休人员增加。")]
    found = reason_candidates("收入比2023年减少的主要原因是什么？", hits)
    assert "退休人员增加" in max(found, key=lambda t: t[0])[1]


def test_evidence_scores_only_the_passages_that_answer():
    hits = [_row("离休干部医疗费", {"合计": 500.0}), _para("本单位坚持过紧日子，严控一般性支出。")]
    scores = evidence("离休干部医疗费项目预算多少万元？", hits)
    assert list(scores) == [hits[0].chunk.id]


def test_a_row_that_shares_only_some_words_is_never_the_answer():
    # 一般公共服务支出 shares 一般/公共/支出 with 一般公共预算支出, but is one of its rows: without the total row
    # the question is not answered from it.
    part = _row("一般公共服务支出", {"一般公共预算支出/合计": 293.27}, "一般公共预算支出功能分类预算表")
    assert structured("万里街道办事处2024年一般公共预算支出是多少？", [part]) is None
    total = _row("合计", {"一般公共预算支出/合计": 15621.11}, "一般公共预算支出功能分类预算表")
    assert structured("万里街道办事处2024年一般公共预算支出是多少？", [part, total]).value == 15621.11


def test_the_figure_must_say_the_term_the_question_ends_on():
    # "财政拨款基本支出" asks for 基本支出: a 支出合计 cell says 财政拨款 and 支出 but not 基本支出.
    hits = [_row("支出合计", {"支出/一般公共预算": 12672.73}, "财政拨款收支总体情况表"),
            _row("合计", {"基本支出/总计": 5445.39}, "一般公共预算基本支出情况表")]
    terms = {"基本支出", "财政拨款", "一般公共预算"}
    assert structured("一般公共预算财政拨款基本支出是多少？", hits, terms).value == 5445.39
    assert structured("一般公共预算财政拨款基本支出是多少？", hits[:1], terms) is None
    # Without the vocabulary (no term known) the question is read as before.
    assert structured("一般公共预算财政拨款基本支出是多少？", hits[:1]) is not None


def test_a_row_named_as_the_documents_unit_is_its_total():
    unit_row = _row(ENTITY, {"总计": 3217.16}, "基本支出总表")
    part = _row("基本工资", {"总计": 392.65}, "基本支出总表")
    assert structured("万里街道2024年基本支出总表的总计是多少？", [part, unit_row]).value == 3217.16


def test_head_term_is_the_last_term_said():
    from qa.phrase import head_term, says

    terms = {"一般公共预算", "财政拨款", "基本支出", "三公经费", "公务接待费", "运行维护费", "公务用车运行维护费"}
    assert head_term("一般公共预算财政拨款基本支出", terms) == "基本支出"
    assert head_term("三公经费中公务接待费", terms) == "公务接待费"
    assert head_term("公务用车运行维护费", terms) == "公务用车运行维护费"  # the longer of two ending together
    assert head_term("请客吃饭", terms) is None
    # the longer term's first words said contracted just before the head (公车 of 公务用车): that term is named, not a
    # project's 运行维护费; other words before it (车辆) contract nothing
    assert head_term("西安住建局的公车运行维护费预算", terms) == "公务用车运行维护费"
    assert head_term("车辆运行维护费", terms) == "运行维护费"
    # of two longer terms the contraction fits, the one it says most of: 公车 is 公务用车, not 公务用车购置及
    joined = terms | {"公务用车购置及运行维护费"}
    assert head_term("公车运行维护费", joined) == "公务用车运行维护费"
    assert head_term("公车购置及运行维护费", joined) == "公务用车购置及运行维护费"
    assert says("公务用车运行维护费", "公务用车运行费") and not says("基本支出", "支出合计一般公共预算")
    # a term said by its abbreviation, the first character of each word (财拨 for 财政拨款)
    assert says("财政拨款", "委托业务费涉及财拨资金") and not says("财政拨款", "财务拨付")


def test_columns_of_another_year_basis_or_part_are_not_the_figure_asked():
    row = _row("公务接待费", {"上年/合计": 24.2, "预算数/合计": 2.4, "决算数/合计": 2.15, "项目支出": 0.0})
    assert structured("万里街道办事处2024年公务接待费决算是多少？", [row]).value == 2.15
    assert structured("万里街道办事处2024年公务接待费预算数是多少？", [row]).value == 2.4
    assert structured("万里街道办事处上年公务接待费是多少？", [row]).value == 24.2
    # 项目支出 is a part of the row when the row prints its whole: a question not naming it is not answered by it.
    only = _row("公务接待费", {"合计": 0.5, "项目支出": 0.0})
    assert structured("万里街道办事处2026年公务接待费预算多少？", [only]).value == 0.5


def test_a_change_asked_is_read_from_the_change_column_in_its_direction_never_from_a_level():
    row = _row("合计", {"2018年/会议费": 4.32, "2019年/会议费": 19.06, "增减变化情况/会议费": 14.74,
                        "增减变化情况/培训费": -6.51}, table="三公经费及会议费、培训费支出预算表")
    row = Hit(row.chunk.model_copy(update={"year": 2019}), 1.0)
    rose = structured("万里街道办事处2019年会议费比2018年增加了多少？", [row])
    assert (rose.value, rose.column) == (14.74, "增减变化情况/会议费")
    assert "2018年/会议费" not in rose.text and "2018年4.32万元" in rose.text and "2019年19.06万元" in rose.text
    fell = structured("万里街道办事处2019年培训费比2018年减少了多少？", [row])
    assert (fell.value, fell.column) == (6.51, "增减变化情况/培训费")
    # a fall asked where the column says a rise: no answer; and the level is read only when the level is asked
    assert structured("万里街道办事处2019年会议费比2018年减少了多少？", [row]) is None
    assert structured("万里街道办事处2019年会议费是多少？", [row]).value == 19.06


def test_a_number_printed_with_spaces_between_its_digits_is_one_number():
    hit = _para("所属各预算单位政府采购预算总额 9 4 7  万元，其中：政府采购货物预算  4 7 万元。")
    assert structured("万里街道办事处政府采购预算总额是多少？", [hit]).value == 947.0


def test_a_reason_comes_with_the_numbered_reasons_after_it_and_its_item():
    listed = _para("预算收支减少主要原因说明：1.落实过紧日子要求，压减项目经费；2.上年的运动会筹办经费本年不再安排。")
    text = max(reason_candidates("预算收支比上年减少的主要原因是什么？", [listed]), key=lambda t: t[0])[1]
    assert "过紧日子" in text and "运动会" in text
    item = _para("1.因公出国（境）费用。本年预算数123.60万元，较上年减少56.71万元，主要是出访计划和人数减少。")
    text = max(reason_candidates("因公出国（境）费用为什么比上年少了？", [item]), key=lambda t: t[0])[1]
    assert "123.60" in text and "出访计划" in text


def test_parts_of_a_column_group_the_question_does_not_tell_apart():
    # A 三公 table printed with years as rows and fund sources as columns.
    this_year = _row("2026年", {"因公出国（境）费/一般公共预算": 220.0, "因公出国（境）费/政府性基金预算": 0.0},
                     "财政拨款三公经费支出表")
    last_year = _row("2025年", {"因公出国（境）费/一般公共预算": 180.0}, "财政拨款三公经费支出表")
    for hit in (this_year, last_year):
        hit.chunk.year = 2026
    assert structured("万里街道办事处2026年因公出国（境）费预算多少？", [last_year, this_year]).value == 220.0
    # A row of one table named after another row of another table is not qualified by it.
    project = _row("精准预报", {"财政拨款/一般公共预算拨款": 1257.0}, "项目支出总表")
    income = _row("一般公共预算拨款", {"收入/预算数": 7099.97}, "财政拨款收支总表")
    assert structured("万里街道办事处项目支出总表中“精准预报”的一般公共预算拨款是多少？", [income, project]).value == 1257.0


def test_a_label_printed_twice_with_two_amounts_is_not_read_from_one_row():
    first = _row("公务用车运行维护费", {"合计": 10.0}, "一般公共预算支出明细表")
    second = _row("公务用车运行维护费", {"合计": 5.0}, "一般公共预算支出明细表")
    second.chunk.id += "-2"
    said = _para("公务用车运行维护费15.00万元，较上年增加15万元。")
    assert structured("万里街道办事处公务用车运行维护费预算多少？", [first, second, said]).value == 15.0


def test_a_class_and_its_first_item_printed_with_one_label_read_as_the_class():
    # 离休费 30301 sums its items, the first of which the table also names 离休费 (3030101)
    whole = _row("离休费", {"基本支出/总计": 17.07}, "一般公共预算基本支出情况表", code="30301")
    first = _row("离休费", {"基本支出/总计": 3.91}, "一般公共预算基本支出情况表", code="3030101")
    first.chunk.id += "-2"
    other = _row("离休生活性补贴", {"基本支出/总计": 3.86}, "一般公共预算基本支出情况表", code="3030102")
    assert structured("基本支出里离休费是多少？", [first, whole, other]).value == 17.07
    assert structured("3030101离休费是多少？", [first, whole, other]).value == 3.91  # its code names the item


def test_a_fund_printed_again_under_the_carry_over_is_read_only_when_the_carry_over_is_asked():
    own = _row("一、一般公共预算财政拨款", {"收入/金额": 300.0}, "财政拨款收入支出决算总表")
    again = _row("一般公共预算财政拨款", {"收入/金额": 10.0}, "财政拨款收入支出决算总表")
    again.chunk.parents = "年初结转和结余"  # (index.chunk.repeat_heads)
    hits = [again, own]
    assert structured("一般公共预算财政拨款收入是多少？", hits).value == 300.0
    assert structured("年初结转和结余中一般公共预算财政拨款是多少？", hits).value == 10.0


def test_the_figure_stated_elsewhere_is_found_to_cite_beside_it():
    from qa.evidence import corroborating

    cell = _row("公务接待费", {"合计": 5.1}, "基本支出总表")
    cell.chunk.pages = [33]
    said = _para("2026年公务接待费预算5.10万元，与上年持平。")
    said.chunk.pages = [16]
    best = structured("万里街道办事处2026年公务接待费预算多少？", [cell, said])
    also = corroborating("万里街道办事处2026年公务接待费预算多少？", [cell, said], best)
    assert also is not None and also.hit.chunk.page != best.hit.chunk.page and also.value == best.value


def test_a_count_in_the_measure_asked_must_also_say_something_of_the_question():
    bought = _para("全系统本年度为急救中心等单位购置公务用车5辆，预算136.48万元。")
    assert structured("万里街道办事处到年末全系统有多少辆车（含救护车）？", [bought]) is None
    held = _para("截至2025年10月，共有车辆4辆，其中：机要通信用车1辆。")
    assert structured("万里街道办事处截至2025年10月共有多少辆车？", [held]).value == 4.0


def test_a_count_whose_own_clause_says_nothing_of_the_question_counts_another_thing():
    fleet = _para("年初本部门共有公务用车9辆，年中4辆达到报废条件，截至10月共有公务用车5辆。")
    found = structured("万里街道办事处共有用车多少辆？", [fleet])
    assert found.value != 4.0 and found.unit == "辆"  # (scrapped cars are no count of the fleet; 辆, not 个)


def test_the_total_of_a_table_listing_several_quantities_is_none_of_them():
    # "“三公”经费、会议费、培训费表": its 合计 column adds the meetings and training to the 三公 figure.
    table = "一般公共预算“三公”经费、会议费、培训费表"
    hits = [_row("合计", {"合计": 472.89, "“三公”经费/小计": 248.84, "会议费": 44.89, "培训费": 179.18}, table)]
    assert structured("2022年“三公”经费是多少？", hits).value == 248.84
    every = candidates("2022年“三公”经费、会议费、培训费合计是多少？", hits)
    assert any(c.value == 472.89 and not c.unnamed for c in every)  # named all together, the 合计 may answer


def test_a_title_quoted_whole_names_the_table_and_no_column_of_it():
    table = "2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表"
    unit = _row("某质量监督站", {"合计": 8.5, "一般公共预算拨款安排的“三公”经费预算/小计": 2.5, "会议费": 0.46,
                               "培训费": 5.55}, table)
    # the title's words (一般公共预算拨款, “三公”经费) frame the table: the training asked is the 培训费 column
    found = structured("“部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表”中，某质量监督站的培训费是多少？", [unit])
    assert found.value == 5.55
    # …while a question that says them outside the title asks the 三公 column
    assert structured("某质量监督站一般公共预算拨款安排的“三公”经费预算是多少？", [unit]).value == 2.5


def test_the_verb_of_buying_and_the_word_part_are_no_words_of_the_thing_asked_within_a_fund():
    table = "2026年政府采购预算明细表"
    hits = [_row("合计", {"总计": 947.0}, table), _row("货物", {"总计": 47.0}, table), _row("服务", {"总计": 900.0}, table)]
    # (政府采购预算里，X: X is what is asked; 买…的部分 frames it, as the purchase table does)
    assert structured("万里街道办事处2026年政府采购预算里，买服务的部分是多少万元？", hits).value == 900.0
    assert structured("万里街道办事处2026年政府采购预算里，买货物的钱是多少万元？", hits).value == 47.0


def test_a_code_the_question_says_names_the_sentence_printing_it_beside_its_name():
    # the two classifications' namesakes, each printed with its code: the code asked tells them apart
    para = _para("（1）商品和服务支出（302）1421.06万元，较上年增加130.06万元。"
                 "（2）机关商品和服务支出（502）1410.40万元，较上年增加130.03万元。")
    assert structured("万里街道办事处商品和服务支出（502）比上年增加多少？", [para]).value == 130.03
    assert structured("万里街道办事处商品和服务支出（302）比上年增加多少？", [para]).value == 130.06


def test_a_change_sentence_is_the_figure_of_the_term_it_names_not_of_its_heading():
    section = "十、“三公”经费及会议费、培训费情况说明"

    def para(text: str) -> Hit:
        h = _para(text)
        h.chunk.section = section
        return h

    hits = [para("公务接待费1.50万元，较上年减少0.30万元，下降16.67%。"),
            para("本部门当年一般公共预算会议费预算支出5.79万元，较上年减少7.21万元，下降55.46%。")]
    terms = ["公务接待费", "会议费"]
    assert structured("2026年会议费比上年减少多少？", hits, terms).value == 7.21


def test_a_row_whose_name_is_only_part_of_the_item_asked_is_not_it():
    # 应急管理 (a 项) sits inside 灾害防治及应急管理支出 (its 类): the question names the 类.
    table = "一般公共预算支出明细表（按支出功能分类科目）"
    hits = [_row("应急管理", {"合计": 43.17}, table, code="2240106"),
            _row("23、灾害防治及应急管理", {"支出/预算数": 3271.54}, "收支总表")]
    terms = ["灾害防治及应急管理支出", "应急管理"]
    assert structured("2019年灾害防治及应急管理支出预算是多少？", hits, terms).value == 3271.54
    assert structured("2019年应急管理预算是多少？", hits, terms).value == 43.17


def test_what_an_item_is_for_said_after_its_amount_names_it_too():
    hits = [_para("5.预算准备金22.69万元，主要用于年中临时增加或突发工作的支出。"),
            _para("6.政府公报编辑管理200.18万元，主要用于《人民政府公报》编辑、翻译及印刷、派送等工作的支出。")]
    assert structured("编印《人民政府公报》这块安排了多少钱？", hits).value == 200.18
    assert structured("留给年中临时增加或突发工作的钱有多少？", hits).value == 22.69


def test_what_follows_zhong_is_asked_what_precedes_it_frames_it():
    hits = [_para("纳入2026年部门预算的政府采购项目共有775.86万元，其中：货物类项目36.50万元、工程类项目0.00万元、"
                  "服务类项目739.36万元。")]
    assert structured("纳入部门预算的政府采购项目中，服务类项目是多少万元？", hits).value == 739.36
    assert structured("纳入部门预算的政府采购项目共有多少万元？", hits).value == 775.86


def test_a_figure_named_only_by_where_the_question_looks_is_not_the_thing_it_asks():
    hits = [_para("2026年一般公共预算财政拨款支出101,833.84万元，比2025年减少7,885.67万元。")]
    # 一般公共预算…里 says where to look; the thing asked (绩效性工资) is said by no figure here
    assert structured("一般公共预算基本支出里，按考核结果发的那块绩效性工资安排了多少？", hits) is None
    assert structured("一般公共预算财政拨款支出是多少？", hits).value == 101833.84


def test_a_zero_in_a_part_table_beside_the_items_budget_is_not_its_figure():
    hits = [_row("产业发展", {"合计": 0.0}, "一般公共预算基本支出明细表（按功能科目分）", code="2150517"),
            _row("产业发展", {"合计": 100000.0}, "一般公共预算支出明细表（按功能科目分）", code="2150517")]
    assert structured("一般公共预算中产业发展（2150517）支出是多少万元？", hits).value == 100000.0
    # the question that names the part table asks for its zero
    assert structured("一般公共预算基本支出中产业发展（2150517）是多少万元？", hits).value == 0.0


def test_a_change_is_named_by_the_level_stated_before_it_in_its_sentence():
    hits = [_para("2026年政府性基金预算财政拨款收入41,534.73万元，政府性基金预算支出41,534.73万元，主要用于商务领域消费品"
                  "以旧换新重点工作，比2025年减少80,165.27万元。")]
    assert structured("政府性基金预算支出比2025年减少了多少万元？", hits).value == 80165.27


def test_the_total_of_a_table_whose_title_lists_its_parts_in_brackets_answers_none_of_them():
    from qa.phrase import listed

    title = "政府采购（资产配置、购买服务）预算表"
    assert listed(title) == ["政府采购资产配置", "购买服务"]
    hits = [_row("合计", {"预算金额": 786.32}, title),
            _para("2026年政府采购预算786.32万元，其中：货物类119.54万元，服务类666.78万元。")]
    # the 合计 is goods and services together: a question about services alone is answered by the services figure
    assert structured("万里街道办事处2026年政府采购里服务类的预算是多少？", hits).value == 666.78


def test_a_units_row_is_named_without_the_places_its_label_begins_with():
    hits = [_row("陕西省西安公路管理局", {"部门预算/合计": 14903.46}, "部门综合预算支出总表"),
            _row("合计", {"部门预算/合计": 74868.34}, "部门综合预算支出总表")]
    # 那一行 points at the row: it is no word of the row's name
    assert structured("2022年部门预算里，公路管理局那一行是多少钱？", hits).value == 14903.46


def test_words_of_the_units_name_inside_a_figures_name_stay_words_of_the_question():
    def row(label, total, code):
        return Hit(Chunk(id=label, source="a.txt", kind="row", pages=[1], text=f"部门支出总体情况表（万元）｜{label}：总计={total}",
                         table="部门支出总体情况表", unit="万元", label=label, code=code, entity="重庆市科学技术局",
                         facts=[{"column": "总计", "value": total, "raw": total, "unit": "万元"}]), 1.0)

    hits = [row("其他科学技术支出", 19511.26, "20699"), row("科学技术支出", 161603.34, "206")]
    # 科学技术 is the bureau's name before 局, and the figure's name before 支出
    assert structured("重庆市科学技术局2026年科学技术支出是多少？", hits).value == 161603.34


def test_a_change_said_with_no_subject_goes_on_the_sentence_before_it():
    hits = [_para("一般公共预算财政拨款支出1,543.04万元，比2025年增加30.13万元。其中：基本支出53.62万元，比2025年减少53.71万元；"
                  "项目支出1,489.42万元，主要用于创新平台、科技攻关等。比2025年增加83.85万元，主要原因是新增支持研究院。")]
    assert structured("项目支出比上年增加多少？", hits).value == 83.85
    assert structured("基本支出比上年减少多少？", hits).value == 53.71


def test_a_change_after_what_a_figure_is_used_for_is_the_figures_and_goes_the_way_asked():
    hits = [_para("政府性基金预算支出441.34万元，主要用于水库工程等项目支出，比2025年减少2,581.46万元。"),
            _para("项目支出948.23万元，主要用于水源工程建设，比2025年增加73.56万元。")]
    terms = ["项目支出", "政府性基金预算支出"]  # (the documents' vocabulary: the term a question ends on)
    # the fall is the fund's (项目支出 is only what it is used for), and the rise answers no "少了多少"
    assert structured("项目支出比2025年少了多少？", hits, terms) is None
    assert structured("项目支出比2025年多了多少？", hits, terms).value == 73.56
    assert structured("政府性基金预算支出比2025年少了多少？", hits, terms).value == 2581.46


def test_a_part_listed_after_its_whole_is_framed_by_it_and_its_change_follows_a_long_purpose():
    hits = [_para("2026年一般公共预算财政拨款支出128,148.56万元，比2025年增加10,300.15万元。其中：基本支出33,325.21万元，"
                  "主要用于保障在职人员工资福利、离休人员离休费等，保障部门正常运转的各项商品服务支出，比2025年增加"
                  "2,943.64万元；项目支出94,823.35万元，主要用于水源工程建设，比2025年增加7,356.51万元。")]
    terms = ["基本支出", "项目支出", "一般公共预算财政拨款支出"]
    # 其中：基本支出 is the general budget's basic expenditure, and the change after its purpose (over two commas) is its
    assert structured("一般公共预算基本支出比上年增加多少？", hits, terms).value == 2943.64
    assert structured("一般公共预算财政拨款支出比上年增加多少？", hits, terms).value == 10300.15


def test_a_cell_of_the_basic_expenditure_table_is_that_parts_figure_not_the_whole():
    hits = [_row("会议费", {"决算数": 23.86}, "一般公共预算财政拨款基本支出决算表"),
            _row("培训费", {"决算数": 12.0}, "一般公共预算财政拨款基本支出决算表"),
            _para("会议费主要用于召开业务工作会议。"), _para("培训费主要用于干部培训。"),
            _para("会议费支出决算86.81万元。")]
    assert structured("2022年度财政拨款会议费支出决算是多少万元？", hits).value == 86.81
    assert structured("2022年度财政拨款基本支出中会议费决算是多少万元？", hits).value == 23.86


def test_a_cell_of_one_funds_table_is_that_funds_part_not_the_whole():
    hits = [_row("文化旅游体育与传媒支出", {"支出总计": 380.0}, "政府性基金预算支出表"),
            _row("三、文化旅游体育与传媒支出", {"支出/2026年预算数": 137466.61}, "收支总表")]
    assert structured("2026年文化旅游体育与传媒是多少？", hits).value == 137466.61
    assert structured("2026年政府性基金里文化旅游体育与传媒是多少？", hits).value == 380.0


def test_every_source_of_money_asked_is_no_cell_of_one_funds_table():
    hits = [_row("职业年金缴费", {"基本支出/总计": 1803.51}, "2026年一般公共预算基本支出情况表"),
            _row("机关事业单位职业年金缴费支出", {"总计": 2510.96}, "2026年部门支出总体情况表")]
    # (the general budget's basic-spending cell is that fund's part: no answer to every source)
    assert structured("2026年职业年金缴费（各类资金合计）是多少？", hits) is None
    assert structured("2026年各类资金都算上，机关事业单位职业年金缴费支出是多少？", hits).value == 2510.96
    assert structured("2026年职业年金缴费是多少？", hits).value == 1803.51  # (no source said: the fund's table)


def _para_of(text: str, doc_title: str = "", section: str | None = None) -> Hit:
    return Hit(Chunk(id=text[:20] + (section or ""), source="a.txt", kind="paragraph", pages=[1], text=text,
                     entity=ENTITY, doc_title=doc_title, section=section), 1.0)


def test_final_accounts_report_the_actual_beside_the_plan():
    said = "2022年度一般公共预算财政拨款支出年初预算139,217.01万元，支出决算296,047.75万元，完成年初预算的212.65%。"
    hits = [_para_of(said, "示例委员会2022年度部门决算")]
    assert structured("一般公共预算财政拨款支出是多少？", hits).value == 296047.75
    assert structured("一般公共预算财政拨款支出年初预算是多少？", hits).value == 139217.01  # the plan, asked
    # a budget states a plan only: nothing to prefer
    assert structured("一般公共预算财政拨款支出是多少？", [_para_of(said, "示例委员会2026年部门预算")]).value == 139217.01


def test_the_own_office_is_read_under_its_own_heading_in_a_departments_document():
    hits = [_para_of("1.污水处理服务费67,409.16万元，用于11座水质净化厂，该费用由市水务局（本级）划转。", "",
                     "第三部分 / 九、深圳市茅洲河流域管理中心"),
            _para_of("1.污水处理服务费117,921.68万元，用于43座市管水质净化厂。", "", "第三部分 / 一、深圳市水务局（本级）")]
    assert structured("深圳市水务局（本级）污水处理服务费是多少？", hits).value == 117921.68


def test_a_listed_part_is_named_without_the_kind_and_budget_words_that_end_it():
    hits = [_para("政府采购预算共4,516.87万元，其中政府采购货物类预算49.50万元、政府采购服务类预算4,467.37万元。")]
    assert structured("政府采购中服务是多少？", hits).value == 4467.37


def test_a_year_row_of_a_titled_table_answers_only_its_titles_or_its_columns_items():
    sangong = _row("2026年", {"总计/一般公共预算": 256.1, "总计/政府性基金预算": 0.0, "因公出国(境)费/一般公共预算": 12.0},
                   "财政拨款“三公”经费支出表")
    fund = _row("合计", {"支出总计": 17558.0, "项目支出": 17558.0}, "政府性基金预算支出表")
    # 政府性基金预算 splits every figure: the 三公 table's fund column is not the fund's spending
    assert structured("2026年政府性基金预算支出总计多少万元？", [sangong, fund]).value == 17558.0
    # …while its title's words or a column's item still name its figures
    assert structured("2026年三公经费一般公共预算总计多少万元？", [sangong, fund]).value == 256.1
    assert structured("2026年因公出国(境)费是多少？", [sangong, fund]).value == 12.0


def test_a_two_character_row_said_whole_is_named_by_its_one_bigram():
    hits = [_row("奖金", {"支出总计": 787.42, "基本支出": 787.42}, "一般公共预算支出表（按经济分类）"),
            _row("津贴补贴", {"支出总计": 1200.0, "基本支出": 1200.0}, "一般公共预算支出表（按经济分类）")]
    assert structured("2026年奖金是多少", hits).value == 787.42
    assert structured("2026年金额是多少", hits) is None  # 金 of 奖金 alone names no row


def test_a_count_a_table_row_states_in_words_is_read_from_its_text_cell():
    text = "项目绩效目标表（万元）｜综合管理：预算数=127.38；绩效目标=本年度计划完成档案整理不少于150卷，审计整改完成率达到90%以上"
    row = Hit(Chunk(id="perf", source="a.txt", kind="row", pages=[14], text=text, table="项目绩效目标表", unit="万元",
                    label="综合管理", entity=ENTITY, facts=[{"column": "预算数", "value": 127.38, "raw": "127.38",
                                                           "unit": "万元"}]), 1.0)
    found = structured("万里街道办事处计划至少把多少卷档案整理好？", [row])
    assert found.value == 150 and found.unit == "卷"
    assert structured("万里街道办事处计划建成多少个社区食堂？", [row]) is None  # no count of that thing


def test_a_figure_named_as_what_the_question_says_it_does_not_ask_is_not_the_answer():
    income = _para("2026年收入预算168,441.81万元，其中：一般公共预算拨款154,304.22万元，事业收入资金3,252.59万元，"
                   "其他收入资金10,885万元。")
    found = structured("收入里，既不是财政拨款、也不是事业收入的其他收入资金有多少？", [income])
    assert found is not None and found.value == 10885
    assert structured("收入里，不是事业收入的那块是多少？", [income]) is None  # never the one it rules out


def test_examples_in_brackets_are_members_of_the_item_and_a_code_with_them_names_it():
    table = "一般公共预算基本支出情况表"
    hits = [_row("离休费", {"基本支出/总计": 100.46}, table, "30301"),
            _row("离休费", {"基本支出/总计": 31.53}, table, "3030101"),
            _row("离休生活性补贴", {"基本支出/总计": 20.10}, table, "3030102")]
    # the members listed (含…等) are no name of the thing asked; the code said with them is
    asked = "一般公共预算基本支出里，离休费这一款（30301，含离休生活性补贴、健康休养费等）是多少？"
    assert structured(asked, hits).value == 100.46
    # a code in what is asked after "…里，" names its row, though no row's words say the code
    assert structured("一般公共预算基本支出里，30301离休费是多少？", hits).value == 100.46


def test_a_one_line_tables_title_in_its_label_cell_is_not_said_as_the_row():
    table = "2025年“三公”经费支出预算表"
    hits = [_row(table, {"合计": 5.0, "公务接待费": 1.0}, table)]
    found = structured("2025年公务接待费是多少？", hits)
    assert found.value == 1.0 and "中“公务接待费”为1.00万元" in found.text, found.text


def test_a_fund_said_only_as_where_to_look_is_not_the_thing_asked():
    # "国有资本经营预算里，补贴…的钱": the sentence stating the fund's total says the fund whole, and nothing of the
    # thing asked within it; the same sentence answers when the fund itself is asked
    hits = [_para("2.国有资本经营预算409,301万元，主要用于解决历史遗留问题及改革成本支出等。")]
    inside = [c for c in candidates("2026年国有资本经营预算里，补贴企业自己办的职业学校和幼儿园的钱有多少？", hits)
              if c.value == 409301.0]
    assert all(c.cover < 0.5 for c in inside)
    assert structured("2026年国有资本经营预算是多少？", hits).value == 409301.0


def test_the_verbs_that_ask_after_the_thing_are_no_words_of_it():
    hits = [_row("差旅费", {"合计": 28.25, "公用经费支出": 28.25}, "一般公共预算基本支出表"),
            _row("办公费", {"合计": 40.0, "公用经费支出": 40.0}, "一般公共预算基本支出表")]
    assert structured("一般公共预算的日常经费（基本支出）里，差旅费一共安排了多少万元？", hits).value == 28.25


def test_a_zero_in_a_column_the_question_names_only_by_common_words_is_not_the_row_figure():
    # 人员经费支出 shares 经费 and 支出 with 日常经费（基本支出）: the row's whole holds the amount asked
    hits = [_row("差旅费", {"合计": 28.25, "人员经费支出": 0.0, "公用经费支出": 28.25}, "一般公共预算基本支出表")]
    assert structured("一般公共预算的日常经费（基本支出）里，差旅费是多少万元？", hits).value == 28.25
    # …unless the question names that column whole
    assert structured("差旅费的人员经费支出是多少万元？", hits).value == 0.0


def test_a_part_of_a_stated_total_that_the_question_names_is_the_count_asked():
    said = _para("截至上年底，实有人数1133人，其中局机关58人，事业单位1075人。")
    assert structured("事业单位实有人数多少人？", [said]).value == 1075.0  # the total's words frame the part
    assert structured("实有人数多少人？", [said]).value == 1133.0  # no part named: the total


def test_the_words_naming_the_row_or_every_column_name_no_column():
    # 气象事业机构 names the row; its 事业 does not make 事业收入 the column asked
    hits = [_row("气象事业机构", {"总计": 777.52, "一般公共预算拨款收入": 478.0, "事业收入": 299.52}, "部门收入总体情况表")]
    assert structured("万里街道2026年气象事业机构是多少？", hits).value == 777.52
    # 支出, said by both 基本支出 and 项目支出, tells neither apart: the row's whole is asked
    hits = [_row("卫生健康支出", {"支出总计": 10097.39, "基本支出": 7354.8, "项目支出": 2742.59}, "一般公共预算支出表")]
    assert structured("万里街道一般公共预算支出中卫生健康支出是多少？", hits).value == 10097.39
    assert structured("万里街道卫生健康支出的基本支出是多少？", hits).value == 7354.8


def test_a_few_yuan_in_a_yuan_table_is_no_amount_of_a_budget():
    # a form's count (技术交易信用贷（笔）: 5.00) under a title in 元 is no amount; 25,500.00元 is
    def yuan(label: str, value: float) -> Hit:
        hit = _row(label, {"金额": value}, "专项资金绩效目标表")
        hit.chunk.facts[0].update(unit="元", value=round(value / 10000, 6))
        return hit
    assert structured("万里街道技术交易信用贷是多少？", [yuan("技术交易信用贷", 5.0)]) is None
    assert structured("万里街道光纤专线租赁是多少？", [yuan("光纤专线租赁", 25500.0)]).value == 2.55


def test_a_figure_is_read_where_the_question_says_to_look_when_some_candidate_is_there():
    income = _para("（一）收入预算：2026年年初预算数1,684.41万元，其中：一般公共预算拨款1,543.04万元，事业收入资金32.52万元。")
    bought = _row("合计", {"总计": 180.0, "一般公共预算拨款收入": 173.78, "事业收入": 6.22}, "2026年政府采购预算明细表")
    question = "万里街道办事处2026年政府采购预算里，事业收入有多少？"
    # the procurement table's cell, not the income budget's item of the same name
    assert structured(question, [income, bought]).value == 6.22
    # with no candidate where it says to look, the where rules out none
    assert structured(question, [income]).value == 32.52


def test_a_name_the_question_quotes_is_read_where_it_is_printed_whole():
    # a form's column prints the quoted project's name; a training row shares more of the question's words, not the
    # name whole
    hits = [_row("普法与依法治理专项业务项目培训", {"金额": 1.8}, "培训费明细表"),
            _row("部门专项业务经费绩效目标表", {"普法与依法治理经费/实施期资金总额": 113.8}, "部门专项业务经费绩效目标表")]
    assert structured("“普法与依法治理经费”这个专项业务项目安排了多少钱？", hits).value == 113.8


def test_an_item_asked_of_a_subordinate_unit_is_its_row_in_the_units_block_not_the_units_total():
    def in_block(label: str, amount: float, unit: str, code: str | None = None,
                 table: str = "一般公共预算支出表（按经济分类）") -> Hit:
        hit = _row(label, {"支出总计": amount}, table, code)
        hit.chunk.budget_unit, hit.chunk.id, hit.chunk.entity = unit, f"{unit}:{label}:{table}", "深圳市示例局"
        return hit

    centre = "深圳市示例局工程管理中心"
    # (the centre's line printed in each table by unit, its total corroborated by every one)
    hits = [in_block(centre, 8236.21, centre, table=t) for t in ("一般公共预算支出表（按经济分类）", "支出总表",
                                                                  "一般公共预算支出表（按功能分类）")] + \
        [in_block("电费", 130.0, centre, "30206"), in_block("电费", 31.25, "深圳市示例局文体中心", "30206")]
    # the centre's line says the centre's words, the 电费 row under it says the item asked: the item
    assert structured("深圳市示例局工程管理中心2026年电费多少？", hits).value == 130.0
    # …and the centre's own line is its total when no item of its block is asked
    assert structured("深圳市示例局工程管理中心2026年预算是多少？", hits[:3]).value == 8236.21


def test_a_long_project_row_is_named_by_most_of_its_words_not_its_character_pairs():
    # 文明网建设和日常运营 says 文明, 网, 建设 and 运营 of the project; its pairs across words (网建, 设运) it cannot say
    hits = [_row("万里文明网建设运营工作专项经费", {"项目金额": 60.0}, "专项业务经费支出表"),
            _row("新时代文明实践中心建设", {"项目金额": 50.0}, "专项业务经费支出表")]
    assert structured("2021年给文明网建设和日常运营安排了多少专项经费？", hits).value == 60.0
    # a question saying fewer of them names neither
    assert structured("2021年给文明网安排了多少专项经费？", hits) is None
    # nor one saying most of a row's words but not its head: 一般公共预算 frames the thing, 拨款 is not asked
    hits = [_row("一般公共预算拨款", {"收入/预算数": 21785.37}, "收支总表")]
    assert structured("2026年一般公共预算里交水电的钱一共安排了多少？", hits) is None


def test_a_column_group_named_whole_is_read_from_its_subtotal_not_a_part_beside_it():
    # 公务用车购置及运行维护费 printed as 小计 and its two parts, each over the fund columns
    row = _row("2025年", {"公务用车购置及运行维护费/小计/一般公共预算": 3037.55,
                          "公务用车购置及运行维护费/公务用车购置费/一般公共预算": 794.55,
                          "公务用车购置及运行维护费/公务用车运行维护费/一般公共预算": 2243.0}, "财政拨款“三公”经费支出表")
    row.chunk.year = 2025
    assert structured("2025年三公经费表中公务用车购置及运行维护费是多少？", [row]).value == 3037.55
    # a part the question names is that part
    assert structured("2025年三公经费表中公务用车运行维护费是多少？", [row]).value == 2243.0


def test_another_year_said_beside_the_documents_year_is_the_year_asked():
    this_year = _row("2026年", {"总计/一般公共预算": 103.23}, "财政拨款“三公”经费支出表")
    last_year = _row("2025年", {"总计/一般公共预算": 97.23}, "财政拨款“三公”经费支出表")
    said = _para("2026年财政拨款“三公”经费预算103.23万元，较2025年年初预算增加6.00万元。")
    for hit in (this_year, last_year, said):
        hit.chunk.year = 2026
    assert structured("2026年部门预算中，2025年的三公经费是多少？", [said, this_year, last_year]).value == 97.23
    # the document's year alone asks the document's own figure
    assert structured("2026年三公经费总计是多少？", [said, this_year, last_year]).value == 103.23
    # a row of another table that names the thing word for word is still the document's year: not the year asked
    econ = _row("公务接待费", {"支出总计": 7.0}, "一般公共预算支出表（按经济分类）")
    cars = _row("2025年", {"公务接待费/一般公共预算": 8.18}, "财政拨款“三公”经费支出表")
    for hit in (econ, cars):
        hit.chunk.year = 2026
    assert structured("2026年部门预算里，2025年的公务接待费是多少？", [econ, cars]).value == 8.18
    assert structured("2026年公务接待费是多少？", [econ, cars]).value == 7.0


def test_words_pointing_at_the_part_asked_name_nothing_of_it():
    row = _row("印刷费", {"支出总计": 42.91, "基本支出": 5.0, "项目支出": 37.91}, "一般公共预算支出表（按经济分类）")
    assert structured("一般公共预算里印刷费，其中记在项目支出下的那部分是多少？", [row]).value == 37.91


def test_a_column_of_another_year_said_beside_the_documents_year_is_the_one_asked():
    row = _row("住房公积金", {"2025年预算数": 510.99, "2026年预算数/总计": 539.91}, "2026年一般公共预算支出情况表")
    row.chunk.year = 2026
    assert structured("2026年预算里，2025年住房公积金是多少？", [row]).value == 510.99
    assert structured("2026年住房公积金是多少？", [row]).value == 539.91


def test_a_rise_said_as_zhang_is_the_increase_the_documents_state():
    said = _para("2022年本部门预算收入105946.48万元，较上年增加29536.53万元，主要原因是专项资金增加。")
    assert structured("2022年部门预算收入比上年涨了多少？", [said]).value == 29536.53


def test_a_rate_in_brackets_after_an_amount_is_of_the_change_its_clause_says():
    said = _para("2022年本部门一般公共预算会议费预算支出180.63万元，较上年增加132.54万元（275.00%），增加的主要原因是会议增加；"
                 "培训费较上年增长10.00%。")
    assert structured("2022年会议费比上年增加百分之几？", [said]).value == 275.0
    assert structured("2022年会议费比上年下降百分之几？", [said]) is None  # (a rise is no fall)


def test_the_fund_said_to_pay_for_a_thing_is_not_the_thing_asked():
    hits = [_para("2026年收入预算583,429.56万元，其中：一般公共预算拨款227,955.11万元，政府性基金预算拨款46,209.19万元。"),
            _para("事业单位医疗2,674.73万元，主要用于下属事业单位职工基本医疗保险缴费。")]
    asked = "给下属事业单位职工看病保障的那一项，财政一般公共预算拨了多少？"
    assert structured(asked, hits).value == 2674.73
    # (the fund's own total, read alone: what it pays says no thing of the question)
    assert structured("给职工发的防暑降温费，财政一般公共预算拨了多少？", hits[:1]) is None
    assert structured("一般公共预算拨款是多少？", hits[:1]).value == 227955.11
