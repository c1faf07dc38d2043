"""Rankings whose items are a table's columns: the year's row of a 三公 table printed with the years as rows, and
the parts of a total column the question names."""
from types import SimpleNamespace

from qa.rank_columns import across_columns, column_items
from qa.scope import Scope


def _row(table, label, facts, source="a.pdf", unit=None):
    return SimpleNamespace(id=f"{table}:{label}:{unit}", kind="row", table=table, label=label, source=source, page=3,
                           pages=[3], text=f"{table}｜{label}", section=None, entity="深圳市某局", code=None,
                           budget_unit=unit,
                           facts=[{"column": c, "value": v, "raw": v, "unit": "万元"} for c, v in facts])


SANGONG = "财政拨款“三公”经费支出表"
YEAR_2026 = [("总计/一般公共预算", 120.8), ("总计/政府性基金预算", 0.0), ("因公出国(境)费/一般公共预算", 98.0),
             ("因公出国(境)费/政府性基金预算", 0.0), ("公务接待费/一般公共预算", 6.0),
             ("公务用车购置及运行维护费/小计/一般公共预算", 16.8), ("公务用车购置及运行维护费/公务用车购置费/一般公共预算", 12.0),
             ("公务用车购置及运行维护费/公务用车运行维护费/一般公共预算", 4.8)]


def _store(rows):
    chunks = {r.id: r for r in rows}
    docs = {"a.pdf": {"name": "深圳市某局", "year": 2026, "chunk_ids": list(chunks)}}
    return SimpleNamespace(documents=lambda: docs, chunks=lambda: chunks), Scope(keys={"a.pdf"})


def test_a_rows_column_groups_are_its_items_and_a_total_group_its_whole():
    whole, items = column_items(_row(SANGONG, "2026 年", YEAR_2026))
    assert whole == 120.8
    # a group's 小计 stands for it (its 购置费 and 运行维护费 are parts of it); funds add up within a group
    assert [(n, v) for n, v, _ in items] == [("因公出国(境)费", 98.0), ("公务接待费", 6.0), ("公务用车购置及运行维护费", 16.8)]


def test_the_asked_years_row_of_a_table_of_years_is_ranked_by_its_columns():
    last_year = [(c, v / 2) for c, v in YEAR_2026]
    retriever, sc = _store([_row(SANGONG, "2025 年", last_year), _row(SANGONG, "2026 年", YEAR_2026),
                            _row(SANGONG, "增减变化金额", [(c, v / 2) for c, v in YEAR_2026])])
    a = across_columns("三公经费里哪一项最多？", sc, retriever, "max", 5, first="三公经费里哪一项最多",
                       rest="占三公经费的比例是多少")
    assert a.value == 81.13 and a.unit == "%" and a.rows[0].entity == "因公出国(境)费" and a.row == "2026 年"
    assert across_columns("三公经费里哪一项最少？", sc, retriever, "min", 5).rows[0].entity == "公务接待费"


def test_a_table_printing_each_units_years_is_read_on_the_lines_of_the_unit_asked():
    own = [("总计/一般公共预算", 40.0), ("因公出国(境)费/一般公共预算", 10.0), ("公务接待费/一般公共预算", 20.0),
           ("公务用车购置及运行维护费/小计/一般公共预算", 10.0)]
    lines = [_row(SANGONG, "2026 年", YEAR_2026, unit="深圳市某局"), _row(SANGONG, "2026 年", own, unit="深圳市某局（本级）"),
             _row(SANGONG, "2026 年", [(c, v / 4) for c, v in YEAR_2026], unit="深圳市某监测站")]
    retriever, sc = _store(lines)
    # the department's lines when the question names the department…
    a = across_columns("深圳市某局三公经费里哪一项最多？", sc, retriever, "max", 5)
    assert a.rows[0].entity == "因公出国(境)费" and a.value == 98.0
    # …its own office's when it says 本级: another item leads there, and the share is of the office's own total
    a = across_columns("深圳市某局（本级）三公经费里哪一项最多？", sc, retriever, "max", 5,
                       first="深圳市某局（本级）三公经费里哪一项最多", rest="占三公经费的比例是多少")
    assert a.rows[0].entity == "公务接待费" and a.value == 50.0 and "本级" in a.answer


def test_the_parts_of_a_total_column_the_question_names_are_its_sibling_columns():
    income = [("本年收入合计", 2000.0), ("财政拨款收入", 800.0), ("事业收入", 1100.0), ("其他收入", 100.0)]
    retriever, sc = _store([_row("收入决算表", "合计", income), _row("收入决算表", "卫生健康支出", income)])
    a = across_columns("本年收入里哪一种来源最多？", sc, retriever, "max", 5, first="本年收入里哪一种来源最多",
                       rest="占本年收入的比例是多少")
    assert a.rows[0].entity == "事业收入" and a.value == 55.0
    # a question that names no total column leaves the rows to the row ranking
    assert across_columns("哪一项支出最多？", sc, retriever, "max", 5) is None


def test_a_ranking_by_where_the_money_comes_from_reads_the_total_rows_fund_columns():
    sources = [("总计", 1100.0), ("一般公共预算拨款收入", 500.0), ("政府性基金预算拨款收入", 150.0), ("其他收入", 450.0)]
    kinds = [("总计", 1100.0)]
    retriever, sc = _store([_row("政府采购预算明细表", "合计", sources), _row("政府采购预算明细表", "工程", kinds)])
    a = across_columns("政府采购预算按钱的来源看，排第二的是哪种来源？", sc, retriever, "max", 5)
    assert a.rows[0].entity == "其他收入" and a.value == 450.0  # the second, read first
    # without a source asked, the table's rows are what is ranked
    assert across_columns("政府采购预算里哪一项最多？", sc, retriever, "max", 5) is None


def test_a_kind_of_money_of_a_classification_named_is_its_classes_not_the_totals_columns():
    # 哪一类钱 of the economic classification's classes asks the table's rows (工资福利支出, 商品和服务支出), not its
    # total row's columns (人员经费 / 公用经费)
    split = [("合计", 1000.0), ("人员经费支出", 650.0), ("公用经费支出", 350.0)]
    table = "一般公共预算支出明细表（按支出经济分类科目）"
    retriever, sc = _store([_row(table, "合计", split), _row(table, "工资福利支出", [("合计", 600.0)]),
                            _row(table, "商品和服务支出", [("合计", 400.0)])])
    assert across_columns("一般公共预算按部门经济分类的几大类里，哪一类钱最多？", sc, retriever, "max", 5) is None
    # the same words without a classification named rank where the money comes from, as before
    a = across_columns("一般公共预算支出明细表里哪一类钱最多？", sc, retriever, "max", 5)
    assert a.rows[0].entity == "人员经费支出"


def test_a_column_group_the_question_names_is_ranked_by_its_columns_in_the_years_branch():
    group = "一般公共预算拨款安排的“三公”经费预算"
    cells = []
    for when, scale in (("上年", 2.0), ("当年", 1.0)):
        cells += [(f"{when}/合计", 208.0 * scale), (f"{when}/{group}/小计", 21.9 * scale),
                  (f"{when}/{group}/公务接待费", 8.0 * scale), (f"{when}/{group}/公务用车购置及运行维护费/小计", 13.9 * scale),
                  (f"{when}/{group}/公务用车购置及运行维护费/公务用车运行维护费", 13.9 * scale),
                  (f"{when}/会议费", 46.2 * scale), (f"{when}/培训费", 140.3 * scale)]
    table = "“三公”经费及会议费、培训费支出预算表"
    retriever, sc = _store([_row(table, "合计", cells), _row(table, "某中心", cells)])
    a = across_columns("“三公”经费里哪一项最多？", sc, retriever, "max", 5, first="“三公”经费里哪一项最多",
                       rest="占三公经费的比例是多少")
    # the 三公 items of this year, not 培训费 beside them nor last year's
    assert a.rows[0].entity == "公务用车购置及运行维护费" and a.value == 63.47


def test_a_ranking_of_units_is_asked_by_which_unit():
    from qa.rank_columns import UNIT_ASKED

    assert UNIT_ASKED.search("除了局本级，哪个下属单位的三公经费预算最高？")
    assert UNIT_ASKED.search("哪家分局的培训费最多？")
    assert UNIT_ASKED.search("下属单位（不算局本级）里，哪一家的三公经费最高？")  # (哪一家 after the units)
    assert not UNIT_ASKED.search("哪一家的三公经费最高？")
    assert not UNIT_ASKED.search("三公经费里哪一项最多？")
    assert not UNIT_ASKED.search("哪一类支出最多？")


def test_a_table_of_one_line_is_ranked_by_its_columns_split_by_year_or_not():
    table = "2026年财政拨款“三公”经费支出情况表"
    items = [("合计", 275.8), ("因公出国（境）费", 100.0), ("公务用车购置及运行费/小计", 112.0),
             ("公务用车购置及运行费/公务用车购置费", 0.0), ("公务用车购置及运行费/公务用车运行费", 112.0), ("公务接待费", 63.8)]
    retriever, sc = _store([_row(table, table, items)])  # (its title printed in the label cell: the total line)
    a = across_columns("财政拨款“三公”经费里哪一项最多？", sc, retriever, "max", 5, first="财政拨款“三公”经费里哪一项最多",
                       rest="占三公总额的百分之几")
    assert a.rows[0].entity == "公务用车购置及运行费" and a.value == 40.61
    # the columns split by year first: this year's branch
    years = [(f"2025年预算数/{c}", v * 2) for c, v in items] + [(f"2026年预算数/{c}", v) for c, v in items]
    retriever, sc = _store([_row(table, table, years)])
    assert across_columns("三公经费里哪一项最少？", sc, retriever, "min", 5).rows[0] \
        .entity == "公务接待费"
    # a table of one line the question does not name is left to the row ranking
    assert across_columns("项目支出里哪一项最多？", sc, retriever, "max", 5) is None


def test_a_ranking_of_a_classifications_items_is_never_a_narrative_list_of_things():
    from qa.rank_columns import _CLASS_ITEMS, _NARRATIVE_SAID

    # 项级科目 and the classes of a classification are table rows: a narrative list (服务类项目, 货物类项目) is none
    assert _CLASS_ITEMS.search("支出总表里，政府采购预算最多的是哪个项级科目？")
    assert _CLASS_ITEMS.search("按功能分类的项，哪一项最多？")
    # a project's parts, or a list of works, may be the narrative's
    assert not _CLASS_ITEMS.search("“安全生产管理”这个项目拆成的五块里，哪一块钱最少？")
    # …and so may the classes the question says the narrative lists (说明…列出的几个类级科目)
    assert _NARRATIVE_SAID.search("一般公共预算支出说明按部门预算经济分类列出的几个类级科目里，哪一类最大？")
