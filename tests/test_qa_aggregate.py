"""Several questions in one, split where each asks, and a change asked after a figure read from the figure's own
sentence."""
from qa.aggregate import follow_ups
from qa.answer import ask


def test_a_question_is_split_where_each_clause_asks():
    assert follow_ups("X是多少，比上年少了多少？") == ["X是多少", "X比上年少了多少"]
    assert len(follow_ups("某局2026年打算买几辆新车，花多少钱？")) == 2
    # the first's asking verbs are not the later one's subject
    assert follow_ups("某局2026年换新公车准备花多少钱？打算买几辆？")[1] == "某局2026年换新公车打算买几辆"
    # a question sentence of its own asks wherever its 几个 sits
    assert follow_ups("某局纳入绩效管理的项目资金有多少？设置了几个项目绩效目标？")[1] == "某局纳入绩效管理的项目资金设置了几个项目绩效目标"
    # …also when it is the first to ask: the later questions take what comes before it
    assert follow_ups("某局设置了几个项目绩效目标数量指标？总金额多少？") == ["某局设置了几个项目绩效目标数量指标", "某局设置了总金额多少"]
    # two asks joined by 、 are two questions; a list of items joined by 、 is one
    assert follow_ups("某局补助是多少？较上年增加多少、增长百分之几？")[1:] == ["某局补助较上年增加多少", "某局补助增长百分之几"]
    assert follow_ups("某局出国、接待和公车各多少？") == ["某局出国、接待和公车各多少？"]
    # 几 and 多少 ask at the end of their clause; earlier they describe
    assert follow_ups("某局2026年审看那些几分钟一集的短剧，预算多少钱？") == ["某局2026年审看那些几分钟一集的短剧，预算多少钱？"]
    assert len(follow_ups("某局2026年政府性基金预算支出比上年减少了多少万元？原因是什么？")) == 2
    # …and before 里/中 they say where to look: one question, the ranking, and its amount asked again
    assert follow_ups("某局2026年项目支出列出的几大块里，哪一块钱最多？是多少？")[0] == "某局2026年项目支出列出的几大块里，哪一块钱最多"
    # 十几个 / 几十个 say a number roughly: no count is asked
    assert follow_ups("某局专项经费底下那十几个项目，哪个最贵？多少？") == ["某局专项经费底下那十几个项目，哪个最贵",
                                                                "某局专项经费底下那十几个项目，多少"]
    # 几家 that the next clause chooses among (哪家) names the units, it does not count them; a sentence of its own
    # counts
    assert follow_ups("某局预算里，局机关以外的几家下属单位，哪家收入最多？多少？") == [
        "某局预算里，局机关以外的几家下属单位，哪家收入最多", "某局预算里，局机关以外的几家下属单位，多少"]
    assert follow_ups("某局下属有几家单位？哪家最多？") == ["某局下属有几家单位", "某局下属哪家最多"]
    # …and 的几个项 (the items under a row) describes what 哪一项 chooses among, whatever its measure word; 有几个 asks
    assert follow_ups("某局X下面的几个项，金额排第二的是哪一项？多少万元？")[0] == "某局X下面的几个项，金额排第二的是哪一项"
    assert len(follow_ups("某局X下面有几个项，哪一项最多？")) == 2
    # …as does 下面几个科目, said where they are with no verb asking their number
    assert follow_ups("某局“X支出”下面几个科目，哪一项最多？是多少万元？")[0] == "某局“X支出”下面几个科目，哪一项最多"


def test_a_change_asked_after_a_figure_is_read_from_its_sentence(look_alike_city):
    a = ask("深圳市统计局2026年业务运行保障项目多少钱？比上年多了多少？", look_alike_city.store.root,
            retriever=look_alike_city)
    assert a.answered and a.value == 102.0, a.answer
    assert 2.5 in [r.value for r in a.rows]


def test_the_top_items_share_asked_in_one_clause():
    from qa.rank_follow_ups import top_item_share

    assert top_item_share("某局项目支出中，最大的一类占了多少比例？") == ("某局项目支出中，哪一类最大", "占了多少比例")
    assert top_item_share("某局项目支出里第二大的项目占全部项目支出的比重是多少") == ("某局项目支出里，哪一类第二大",
                                                                      "占全部项目支出的比重是多少")
    assert top_item_share("某局项目支出中最大的一类是什么？") is None  # no share asked: a plain ranking


def test_colloquial_words_of_rankings():
    from qa.operation import operation
    from qa.rank_follow_ups import ranking_follow_ups

    assert operation("三公经费三块里哪块占大头？") == "max"  # 大头: the largest part
    # an approximate amount asked after the ranking is its amount
    assert ranking_follow_ups("各下属单位里排第二的是哪家单位？大约多少万元？") == ["大约多少万元"]
    # …and 合多少 (comes to how much) is its amount too
    assert ranking_follow_ups("底下的几个项目，排第二的是哪个？合多少万元？") == ["合多少万元"]
    # …and so is its 金额 asked in 万元
    assert ranking_follow_ups("项目支出按类别分，排第三的是哪一类？金额多少万元？") == ["金额多少万元"]
    # a bracket after the amount says which column it is read from, not another question
    assert ranking_follow_ups("这一款下面哪一项钱最多？多少万元（基本和专项合计）？") == ["多少万元(基本和专项合计)"]  # (halfwidth)
    assert ranking_follow_ups("这一款下面哪一项钱最多？多少万元（为什么增加）？") is None
    # the 几大类 before a ranking names the kinds it chooses among, not a count asked
    assert ranking_follow_ups("项目支出总表里的几大类项目，按金额排第三的是哪一类？多少万元？") == ["多少万元"]
    # an amount asked of the item named back (它, 该项) is the ranked item's
    assert ranking_follow_ups("分到任务最少的是哪个处室？它至少要争取多少？") == ["它至少要争取多少"]



def test_a_figure_no_cell_gives_is_read_by_the_single_document_reading_when_another_document_prints_it(
        look_alike_city, monkeypatch):
    import qa.aggregate
    from qa.models import Answer, Citation

    question = "深圳市气象局和深圳市统计局2026年公务用车运行维护费合计多少？"
    sc = look_alike_city.scope(question)
    docs = look_alike_city.documents()
    real_read = qa.aggregate._read
    meteo = next(k for k in sc.keys if docs[k]["name"].endswith("气象局"))
    # the bureau of statistics prints it in a cell; the weather bureau's cell is not read (only its narrative says it)
    monkeypatch.setattr(qa.aggregate, "_read", lambda s, r, key, *a: None if key == meteo else real_read(s, r, key, *a))
    asked = []

    def read_one(q):
        asked.append(q)
        return Answer(question=q, answer="公务用车运行维护费11.00万元。", value=11.0, unit="万元", mode="extractive",
                      confidence=0.9, citations=[Citation(source=meteo, page=1, text="公务用车运行维护费11.00万元", score=1.0)])

    a = qa.aggregate.aggregate(question, sc, look_alike_city, 5, read_one=read_one)
    assert asked and asked[0].startswith("深圳市气象局") and a.answered and len(a.rows) == 2 and a.value == 11.0 + 12.0
    # a question asked while reading one document for an aggregate is not read one by one again (no recursion)
    asked.clear()
    token = qa.aggregate._READING_ONE.set(True)
    try:
        assert not qa.aggregate.aggregate(question, sc, look_alike_city, 5, read_one=read_one).answered and not asked
    finally:
        qa.aggregate._READING_ONE.reset(token)
    # when no document prints it in a cell, each is read one by one (its narrative states it in its own words)…
    monkeypatch.setattr(qa.aggregate, "_read", lambda *args, **kw: None)
    asked.clear()
    assert qa.aggregate.aggregate(question, sc, look_alike_city, 5, read_one=read_one).answered and len(asked) == 2

    # …but readings that are rows of other names (退休费 in one, 生活补助 in the other) are not one quantity
    def rows_read(q):
        label = "退休费" if q.startswith("深圳市气象局") else "生活补助"
        return Answer(question=q, answer=f"{label}11.00万元。", value=11.0, unit="万元", mode="structured",
                      confidence=0.9, table="一般公共预算支出表", row=label,
                      citations=[Citation(source=meteo, page=1, text=f"{label}：支出总计=11.00", score=1.0)])

    assert not qa.aggregate.aggregate(question, sc, look_alike_city, 5, read_one=rows_read).answered


def test_two_figures_asked_together_are_each_read_in_the_unit_the_question_names(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    spent = "2026年基本支出{0}.00万元，主要用于人员工资和日常运转；项目支出{1}.00万元，主要用于业务工作。"
    city = city_of(tmp_path, [("气象局", spent.format(300, 700)), ("文化局", spent.format(1300, 1700)),
                              ("统计局", spent.format(2300, 2700))])
    a = ask("深圳市统计局2026年基本支出和项目支出分别是多少？", city.store.root, retriever=city)
    assert a.answered and [r.value for r in a.rows] == [2300.0, 2700.0], a.answer
    assert {c.source for c in a.citations} == {str(tmp_path / "unit-02.txt")}


def test_a_change_asked_of_each_document_reads_each_ones_change_not_its_level(tmp_path):
    from qa.aggregate import _change_of
    from qa.answer import ask
    from tests.conftest import city_of

    rise = "2026年一般公共预算拨款支出{0}.00万元，较上年增加{1}.00万元，主要原因是专项资金增加。"
    city = city_of(tmp_path, [("气象局", rise.format(1000, 120)), ("文化局", rise.format(3000, 45)),
                              ("统计局", rise.format(500, 7))])
    a = ask("深圳市气象局和深圳市文化局2026年一般公共预算拨款支出各比上年涨了多少？哪家涨得多？", city.store.root,
            retriever=city)
    assert a.answered and a.value == 120.0 and sorted(r.value for r in a.rows) == [45.0, 120.0], a.answer
    # each document's change is asked in the direction the question says, or either when it says none
    assert _change_of("X和Y支出各比上年涨了多少", "支出各比上年涨了") == ("支出", "比上年增加多少")
    assert _change_of("X和Y支出较上年各减少多少", "支出较上年各减少") == ("支出", "比上年减少多少")
    assert _change_of("X和Y支出跟去年比变化多大", "支出跟去年比变化多大")[1] == "比上年变化多大"
    # a comparison of the documents with each other is a difference, not a change of each
    assert _change_of("X的支出比Y的多出多少", "支出比Y多出") is None


def test_a_units_own_office_asked_of_a_departments_document_is_read_as_its_own_office(tmp_path):
    import re

    from qa.aggregate import _STRIP
    from qa.operation import operation
    from qa.answer import ask
    from tests.conftest import city_of

    assert operation("哪家高，高出多少？") == "diff"
    assert re.sub(_STRIP, "", "增人增资各多少") == "增人增资"  # 各 asks of each: no word of the quantity
    office = "深圳市人民政府办公厅（本级）预算1,000.00万元，包括在职人员经费700.00万元、公用经费684.91万元。"
    stats = ("深圳市统计局本级预算2,000.00万元，包括在职人员经费900.00万元、公用经费751.34万元。"
             "深圳市统计局普查中心预算800.00万元，包括在职人员经费500.00万元、公用经费148.67万元。")
    city = city_of(tmp_path, [("人民政府办公厅", office), ("统计局", stats), ("文化局", "文物保护项目700.00万元。")])
    # 本级 said after a unit whose document is its department's (汇总): the own office's figure, not a centre's
    a = ask("深圳市人民政府办公厅和深圳市统计局本级2026年的公用经费各是多少？哪家高，高出多少？", city.store.root,
            retriever=city)
    assert a.answered and a.value == 66.43 and sorted(r.value for r in a.rows) == [684.91, 751.34], a.answer


def test_counts_of_two_units_are_compared_and_one_figure_is_no_ranking(look_alike_city):
    city = look_alike_city  # 共有车辆 3 + i辆 in the i-th unit's document
    # a frame saying where to look, a count said by the thing counted alone (车): each unit's stated total
    a = ask("按2026年部门预算公开的数字，深圳市统计局的车比深圳市气象局多几辆？", city.store.root, retriever=city)
    assert a.answered and a.value == 1.0 and sorted(r.value for r in a.rows) == [4.0, 5.0], a.answer
    assert ask("深圳市统计局有多少辆车？", city.store.root, retriever=city).value == 5.0
    # "各单位里哪个最多" of one document reads one figure: no ranking of units is answered from it
    one = ask("深圳市统计局下属各单位里，哪个单位的车最多？", city.store.root, retriever=city)
    assert not one.answered, one.answer


def test_a_conjunction_inside_a_word_is_kept_in_the_quantity():
    from qa.aggregate import _subject
    from qa.scope import Scope

    # 及 joins two things, but 涉及 (to involve) is one word of the quantity's name
    assert _subject("委托业务费涉及的财政拨款，哪家最多？", {}, Scope(keys=set())) == "委托业务费涉及财政拨款"
    assert _subject("会议费及培训费哪家最多？", {}, Scope(keys=set())) == "会议费培训费"
    # where each document says it (在各自预算说明里报的) is a place to look, no word of the quantity
    assert _subject("在各自2026年预算说明里报的车辆数加起来一共多少辆？", {}, Scope(keys=set())) == "车辆数"
    # how each unit is taken, in brackets, is their scope, no word of the quantity
    assert _subject("（都按整个部门算）2026年的会议费各是多少？", {}, Scope(keys=set())) == "会议费"
    # a name in quotes is said whole: its 与 joins no two things
    assert _subject("“科技交流与合作”的公用经费各是多少？", {}, Scope(keys=set())) == "“科技交流与合作”公用经费"
    # the kind of document each unit's figure is read in names the document, no word of the quantity
    two = Scope(keys={"a", "b"})
    assert _subject("2022年部门综合预算和2026年部门预算的基本支出各是多少？", {}, two) == "基本支出"
    # (…said once, it is the quantity's own words: 纳入部门预算的政府采购)
    assert _subject("纳入部门预算的政府采购各有多少？", {}, two) == "纳入部门预算政府采购"


def test_a_sum_said_as_jiazong_is_asked_and_each_ones_share_is_no_part_of_the_subject():
    import re

    from qa.aggregate import _STRIP
    from qa.operation import operation

    assert operation("两家加总是多少？") == "sum"
    assert operation("各是多少？两者相加多少万元？") == "sum"
    assert re.sub(_STRIP, "", "政府采购预算中服务类各占多少") == "政府采购预算中服务类"


def test_which_document_each_figure_is_read_in_is_no_word_of_the_quantity():
    import re

    from qa.aggregate import _EACH_DOCUMENT, _SCOPE_SAID

    assert re.sub(_SCOPE_SAID, "", "西安市商务局（2022年预算）的公务接待费") == "西安市商务局的公务接待费"
    assert re.sub(_SCOPE_SAID, "", "某局（截至2025年12月）的车辆") == "某局的车辆"
    # a bracket naming the documents' term is kept: it is the quantity
    assert re.sub(_SCOPE_SAID, "", "各备了多少机动钱（预算准备金）") == "各备了多少机动钱（预算准备金）"
    assert re.sub(_EACH_DOCUMENT, "", "2020年部门预算说的2019年底车辆数") == "2020年2019年底车辆数"


def test_a_sum_said_with_jiashang_or_gong_and_a_difference_said_around_its_verb():
    from qa.operation import operation

    assert operation("A局的公务接待费，加上B局的公务接待费，共多少万元？") == "sum"
    assert operation("各有多少辆车？两家共多少辆？") == "sum"
    assert operation("一般公共预算多少？") is None  # (公共 is no 共)
    assert operation("宝安管理局比盐田管理局多安排了多少物业管理费？") == "diff"
    assert operation("物业管理费比上年多安排了多少？") is None  # a change over the year: no second figure


def test_two_units_each_said_with_their_own_item_are_each_read_by_their_own_words():
    from index.entity import describe
    from qa.aggregate import _own_subjects
    from qa.scope import scope

    docs = {"d0": {**describe("深圳市科技创新局"), "year": 2026}, "d1": {**describe("重庆市科学技术局"), "year": 2026}}
    q = "2026年深圳科创局的“科技研发资金-基础研究专项”和重庆科技局一般公共预算里的“基础研究”支出各多少？"
    sc = scope(q, docs)
    own = _own_subjects(q, docs, sc, sorted(sc.keys))
    assert "科技研发资金-基础研究专项" in own["d0"] and "基础研究专项" not in own["d1"] and "基础研究" in own["d1"]
    # one item said once for both is shared
    shared = "2026年深圳科创局和重庆科技局的三公经费各多少？"
    assert _own_subjects(shared, docs, scope(shared, docs), sorted(docs)) is None
    # each said with the document it is read in, the item after both: shared too
    documents = "深圳科创局2026年部门综合预算和重庆科技局2026年部门预算里，住房保障支出各是多少？"
    assert _own_subjects(documents, docs, scope(documents, docs), sorted(docs)) is None


def test_later_sentences_compare_the_figures_the_first_names_in_their_own_words(look_alike_city):
    # 气象局 and 统计局 print 501.00 and 502.00 of allowances: "哪家给职工发得多，多出多少" asks their difference, and
    # its words (给职工发得) are no part of what the figures are
    a = ask("深圳市气象局和深圳市统计局2026年的津贴补贴各是多少？哪家给职工发补贴发得多，多出多少？",
            look_alike_city.store.root, retriever=look_alike_city)
    assert a.answered and a.value == 1.0 and [r.value for r in a.rows] == [501.0, 502.0], a.answer


def test_an_item_each_narrative_states_is_summed_though_no_table_prints_it(look_alike_city):
    # 气象局 and 统计局 state 业务运行保障项目 101.00 and 102.00 万元 in their narratives only
    a = ask("深圳市气象局和深圳市统计局2026年业务运行保障项目各安排了多少？两家合计多少？", look_alike_city.store.root,
            retriever=look_alike_city)
    assert a.answered and a.value == 203.0 and [r.value for r in a.rows] == [101.0, 102.0], a.answer


def test_a_count_held_summed_over_units_is_never_read_from_a_count_bought(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    # each unit states what it held at the end of last year and what its budget buys (none)
    city = city_of(tmp_path, [(u, f"截至上年底，本单位共有车辆{n}辆；当年部门预算安排购置车辆0辆。")
                              for u, n in (("气象局", 4), ("统计局", 3))])
    a = ask("深圳市气象局、深圳市统计局2026年部门预算里说到上年底各有多少辆车？两家一共多少辆？", city.store.root,
            retriever=city)
    # (never 0 from the two 购置车辆0辆: the sum of the held counts, or no answer)
    assert not a.answered or a.value == 7.0, a.answer


def test_two_figures_added_up_or_compared_are_computed_from_both_cells_and_shown(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    spent = "2026年会议费{0}.50万元，主要用于召开业务会议；培训费{1}.90万元，主要用于干部培训。"
    city = city_of(tmp_path, [("气象局", spent.format(36, 11)), ("文化局", spent.format(20, 30)),
                              ("统计局", spent.format(5, 6))])
    a = ask("深圳市气象局2026年会议费和培训费两项加起来是多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 48.4 and [r.value for r in a.rows] == [36.5, 11.9], a.answer
    assert "相加" in a.answer  # the computation is shown, not a figure the document prints
    b = ask("深圳市文化局2026年会议费和培训费这两项相差多少？", city.store.root, retriever=city)
    assert b.answered and b.value == 10.4, b.answer


def test_two_terms_added_up_in_one_document_are_both_read_and_summed(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    table = ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t{0}\n"
             "30205\t水费\t{1}\n30206\t电费\t{2}\n")
    city = city_of(tmp_path, [(u, table.format(f"{110 + i}.00", f"{8 + i}.00", f"{95 + i}.40"))
                              for i, u in enumerate(["统计局", "审计局"])])
    for question in ("深圳市统计局2026年一般公共预算水费和电费一共多少？",
                     "深圳市统计局2026年一般公共预算里，水电（水费加电费）一共安排了多少？"):
        a = ask(question, city.store.root, retriever=city)
        assert a.answered and a.value == 103.4 and [r.value for r in a.rows] == [8.0, 95.4], a.answer
        assert "相加" in a.answer


def test_three_terms_listed_and_added_up_are_summed_in_one_document_and_in_each_of_two(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    spent = ("业务运行保障项目100.00万元，用于日常业务。\n\n“三公”经费及会议费、培训费支出表\n单位：万元\n"
             "项目\t2026年预算数\n“三公”经费\t{0}.10\n会议费\t{1}.00\n培训费\t{2}.90\n")
    city = city_of(tmp_path, [("气象局", spent.format(10, 3, 21)), ("文化局", spent.format(20, 5, 8)),
                              ("统计局", spent.format(5, 6, 7))])
    a = ask("深圳市气象局2026年“三公”经费、会议费、培训费加在一起是多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 35.0 and [r.value for r in a.rows] == [10.1, 3.0, 21.9], a.answer
    assert "3处数字相加" in a.answer
    # each document's own sum of the three, then the two documents' together (not one of the three items)
    b = ask("深圳市气象局和深圳市文化局2026年“三公”经费、会议费、培训费加在一起各是多少？两家合计多少？",
            city.store.root, retriever=city)
    assert b.answered and b.value == 35.0 + 34.0 and [r.value for r in b.rows] == [35.0, 34.0], b.answer


def test_departments_printed_twice_are_each_read_once_in_the_printing_the_question_says(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    # each department's whole budget (汇总) and its own office's (本级) are both in the store
    city = city_of(tmp_path, [("气象局", "会议费30.00万元。"), ("气象局（本级）", "会议费12.00万元。"),
                              ("统计局", "会议费20.00万元。"), ("统计局（本级）", "会议费8.00万元。"), ("审计局", "会议费7.00万元。")])
    a = ask("深圳市气象局和深圳市统计局2026年会议费加起来是多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 50.0 and [r.value for r in a.rows] == [30.0, 20.0], a.answer  # never 70
    b = ask("深圳市气象局（本级）和深圳市统计局（本级）2026年会议费各是多少？", city.store.root, retriever=city)
    assert [(r.entity, r.value) for r in b.rows] == [("深圳市气象局（本级）", 12.0), ("深圳市统计局（本级）", 8.0)], b.answer
