"""A share the documents do not print: what is the part and what the whole."""
from qa.share import parts


def test_the_part_and_the_whole_in_either_order():
    assert parts("一般公共预算拨款占收入预算的比例是多少？") == ("一般公共预算拨款", "收入预算")
    assert parts("收入预算中一般公共预算拨款占多大比例？") == ("一般公共预算拨款", "收入预算")
    assert parts("一般公共预算拨款是多少？") is None
    # 占比 says the share with no whole after it: the whole is what the part is said to be in
    assert parts("“三公”经费中公务接待费占比是多少？") == ("公务接待费", "“三公”经费")
    assert parts("公务接待费的占比为多少") is None  # (no whole said)
    # the rest of a name taken out of the question (深圳建筑工务署（全署）) is no word of the whole
    assert parts("（全署）2026年的“三公”经费里，出国出境那一项占了百分之多少？") == ("出国出境", "“三公”经费")


def test_the_aspect_word_tenths_and_the_scope_marker_are_not_the_whole():
    assert parts("(本级)基本支出中，工资福利支出占了几成（百分比）？") == ("工资福利支出", "基本支出")
    assert parts("政府采购预算中，货物类占了百分之几？") == ("货物类", "政府采购预算")
    assert parts("项目支出里，专项资金占到多少比例？") == ("专项资金", "项目支出")
    # of two frames, the nearer is the part's whole: 津贴补贴 is a share of 工资福利, not of the whole fund
    assert parts("一般公共预算里，工资福利支出中，津贴补贴那一块占了百分之几？") == ("津贴补贴", "工资福利支出")
    # …and a whole said inside the clause of the part, after the table's frame: the row's, read in that table
    assert parts("单位支出总体情况表里，一般公共服务支出中项目支出占了百分之几？") == (
        "项目支出", "单位支出总体情况表里一般公共服务支出")


def test_a_share_asked_as_how_much_of_the_whole_is_the_part():
    assert parts("一般公共预算里的“其他商品和服务支出”，有百分之多少是项目支出？") == (
        "项目支出", "一般公共预算里的“其他商品和服务支出”")
    assert parts("一般公共服务支出里，有多大比例是项目支出") == ("项目支出", "一般公共服务支出")
    assert parts("一般公共服务支出里，项目支出有多少？") is None


def test_the_whole_of_a_part_read_in_a_table_is_that_tables_total(look_alike_city):
    from qa.answer import ask

    a = ask("深圳市气象局2026年一般公共预算支出中，津贴补贴占了几成？", look_alike_city.store.root,
            retriever=look_alike_city)
    # 津贴补贴 501.00 of the table's 合计 2,001.00 (not a figure of another table)
    assert a.answered and a.value == round(100 * 501 / 2001, 2), a.answer


def test_a_whole_said_with_what_qualifies_it_is_read_by_its_head(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    table = ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t1,000.00\n"
             "301\t工资福利支出\t800.00\n30101\t基本工资\t300.00\n30102\t津贴补贴\t500.00\n"
             "302\t商品和服务支出\t200.00\n")
    city = city_of(tmp_path, [("水务局", table), ("文化局", "文物保护项目700.00万元。")])
    # 发给在编人员的工资福利支出: the whole is 工资福利支出, the words before its 的 say whose it is
    a = ask("深圳市水务局2026年一般公共预算里，发给在编人员的工资福利支出中，津贴补贴占了百分之几？", city.store.root,
            retriever=city)
    assert a.answered and a.value == 62.5 and a.rows[1].row == "工资福利支出", a.answer
    # 工资福利 is no label: the row of 津贴补贴's own table whose label holds it, and larger, is 工资福利支出
    a = ask("深圳市水务局2026年一般公共预算里，发给在编人员的工资福利中，津贴补贴那一块占了百分之几？", city.store.root,
            retriever=city)
    assert a.answered and a.value == 62.5 and a.rows[1].row == "工资福利支出", a.answer


def test_a_part_read_as_its_whole_is_no_share(look_alike_city):
    from qa.answer import ask

    # 合计 is the whole itself: "100%" would be the same cell read twice, not a share the document bears out
    a = ask("深圳市气象局2026年一般公共预算支出中，合计占了几成？", look_alike_city.store.root, retriever=look_alike_city)
    assert not a.answered and a.unit != "%"


def test_a_whole_said_as_people_say_it_and_a_part_said_to_be_in_it():
    from qa.share import parts

    assert parts("科学技术支出在全部支出里占多大比例") == ("科学技术支出", "支出总计")
    assert parts("科学技术支出占总支出的比例") == ("科学技术支出", "支出总计")
    assert parts("收入预算中一般公共预算拨款占多大比例") == ("一般公共预算拨款", "收入预算")


def test_a_part_the_wholes_own_sentence_states_is_read_there_not_in_another_table(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    # the 财政拨款 table prints another account's 一般公共预算拨款 (100.00); the sentence that states the revenue
    # budget states its own part too
    said = ("（一）收入预算：2026年年初预算数2,000.00万元，其中：一般公共预算拨款1,500.00万元，事业收入资金500.00万元。\n\n"
            "财政拨款收支总体情况表\n单位：万元\n项目\t预算数\n(一)一般公共预算拨款\t100.00\n收入总计\t100.00\n")
    city = city_of(tmp_path, [("水务局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市水务局2026年收入预算中一般公共预算拨款占多大比例？", city.store.root, retriever=city)
    assert a.answered and a.value == 75.0 and "同一句" in a.answer, a.answer


def test_the_part_and_whole_each_in_its_own_clause_without_the_words_pointing_at_it():
    assert parts("2026年各类资金合在一起算，博物馆这一项的支出里，项目支出占了百分之几？") == ("项目支出", "博物馆的支出")
    assert parts("全部支出里，一般公共服务这一大类占了百分之多少？") == ("一般公共服务", "支出总计")
    # a bracket saying which total stays with it: a reading without it would take another table's
    assert parts("全部支出（各类资金都算上）里，一般公共服务这一大类占了百分之多少？")[1] != "支出总计"


def test_a_whole_in_words_no_row_prints_is_the_total_of_the_parts_table_or_the_amount_its_sentence_breaks_down(
        tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    said = ("（一）支出预算：2026年年初预算数2,000.00万元，其中：一般公共服务支出1,600.00万元，教育支出400.00万元。\n\n"
            "项目支出预算表\n单位：万元\n项目\t预算数\n专项统计业务\t300.00\n统计调查\t100.00\n合计\t400.00\n")
    city = city_of(tmp_path, [("统计局", said), ("文化局", "文物保护项目700.00万元。")])
    # 项目钱 is said by no row: the 合计 of the table the part is read in (its title says 项目)
    a = ask("深圳市统计局2026年的项目钱里，专项统计业务这一类占了百分之多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 75.0, a.answer
    # 全部支出（各类资金都算上） is said by no row either: the amount the part's sentence breaks down with 其中
    a = ask("深圳市统计局2026年全部支出（各类资金都算上）里，一般公共服务这一大类占了百分之多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 80.0 and "同一句" in a.answer, a.answer


def test_a_bracket_the_edge_cut_is_closed_again():
    assert parts("全部支出（各类资金都算上）里，一般公共服务这一大类占了百分之多少？")[1] == "全部支出(各类资金都算上)"


def test_a_whole_said_as_the_total_is_the_whole_of_where_the_part_is_read():
    # (总数 of the 三公经费 the clause before names, not of the document)
    assert parts("“三公”经费里，出国(境)那块占了总数的百分之几？") == ("出国(境)", "“三公”经费")
    assert parts("政府采购预算里，买服务的部分占了整个采购盘子的百分之几？") == ("买服务的部分", "政府采购预算")
    assert parts("项目支出里，专项资金占到多少比例？") == ("专项资金", "项目支出")  # no whole said: as before


def test_a_part_first_read_as_its_whole_is_read_again_as_the_thing_asked_within_it(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    # "三公经费中出国费用" reads best as the sentence of the 三公 total; "三公经费中，出国费用" asks the part
    said = ("2026年财政拨款“三公”经费预算148.80万元，较2025年增加102.72万元。\n\n"
            "财政拨款“三公”经费支出表\n单位：万元\n年度\t合计\t因公出国(境)费\t公务用车购置及运行维护费\t公务接待费\n"
            "2026年\t148.80\t72.80\t71.00\t5.00\n")
    city = city_of(tmp_path, [("城管局", said), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市城管局2026年财政拨款“三公”经费里，出国（境）费用占了百分之多少？", city.store.root, retriever=city)
    assert a.answered and a.value == round(100 * 72.80 / 148.80, 2), a.answer


def test_a_whole_said_only_by_the_words_pointing_back_is_the_frame_the_part_is_read_in():
    # 这一类 points back at 粮油物资储备支出, the clause the part is read in
    assert parts("粮油物资储备支出里，储备粮油补贴占这一类的百分之几？") == ("储备粮油补贴", "粮油物资储备支出")


def test_a_share_no_cell_reads_is_the_ratio_of_two_figures_each_read_as_a_question_of_its_own(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    tables = ("收支总表\n单位：万元\n收入\t预算数\t支出\t预算数\n一、一般公共预算拨款\t1,000.00\t一、一般公共服务支出\t1,000.00\n"
              "收入总计\t1,000.00\t支出总计\t1,000.00\n\n"
              "支出总表\n单位：万元\n单位名称\t合计\t基本支出\t项目支出\n深圳市水务局\t1,000.00\t200.00\t800.00\n")
    city = city_of(tmp_path, [("水务局", tables), ("文化局", "文物保护项目700.00万元。")])
    # 全部预算 is the budget said whole (支出总计), 项目支出 the unit's column: each answered on its own, then divided
    a = ask("深圳市水务局2026年的全部预算里，项目支出占了百分之多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 80.0 and a.unit == "%", a.answer
    assert [r.row for r in a.rows] == ["深圳市水务局", "支出总计"] and len(a.citations) == 2



def test_the_larger_or_smaller_of_two_named_parts_is_the_part_whose_share_is_asked(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    table = ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t1,000.00\n"
             "301\t工资福利支出\t800.00\n30101\t基本工资\t300.00\n30102\t津贴补贴\t500.00\n")
    city = city_of(tmp_path, [("水务局", table), ("文化局", "文物保护项目700.00万元。")])
    a = ask("深圳市水务局2026年工资福利支出里，基本工资和津贴补贴哪个多？多的那项占工资福利支出的百分之几？",
            city.store.root, retriever=city)
    assert a.answered and a.value == 62.5, a.answer  # 津贴补贴 500 of 800
    a = ask("深圳市水务局2026年工资福利支出里，基本工资和津贴补贴哪个少？少的那项占工资福利支出的百分之几？",
            city.store.root, retriever=city)
    assert a.answered and a.value == 37.5, a.answer
