"""A question in other words, asked again in the documents' term: what must be kept of it (a count stays a count,
a change a change) and when the nearest term is only the encoder's guess."""
from qa.kept import keeps_a_morpheme
from qa.reword import not_remainders



def test_two_kept_characters_are_enough_one_is_not():
    from qa.encoder_phrase import named_phrase as _phrase

    assert keeps_a_morpheme("买新公车", "公务用车购置", 0.80)  # 公 and 车 kept
    assert not keeps_a_morpheme("政府性基金预算拨款收入", "基本支出", 0.889)  # only 基 kept, the encoder unsure
    assert _phrase("招待来访客人的预算比少了多少？") == "招待来访客人"
    assert _phrase("(本级) 那一辆公车一年的养车钱是多少？") == "那一辆公车一年的养车钱"



def test_a_term_is_read_by_its_abbreviation_not_by_the_things_its_definition_lists():
    from qa.vocab import Vocabulary

    gloss = {f"项{i}": f"指基本支出中的第{i}类" for i in range(12)}
    gloss |= {"公用经费": "指为保障机构正常运转的办公费、水电费、设施和设备的维修费等", "公务用车运行维护费": "指公务用车的燃料、维修费等"}
    v = Vocabulary(list(gloss), gloss, {}, set())
    assert v.lexical("那辆公车一年的养车钱")[0][1] == "公务用车运行维护费"  # 公车 abbreviates it
    # a definition saying the question's telling words, one of them the term's own (住房): read as the term
    gloss["住房公积金"] = "指按规定为职工缴存的住房公积金"
    assert Vocabulary(list(gloss), gloss, {}, set()).lexical("给职工缴存住房的钱")[0][1] == "住房公积金"
    # the class's definition names 设施 and 设备 among what it holds: the repairs asked are one item of it
    assert not [f for f in v.lexical("给办公设施、设备修修补补的钱") if f[1] == "公用经费"]


def test_a_remainder_is_never_the_reading_of_a_described_item():
    terms = ["其他对个人和家庭的补助", "对个人和家庭的补助", "办公费"]
    assert not_remainders(terms, "办老百姓申请复议、国家赔偿这些案子的经费") == ["对个人和家庭的补助", "办公费"]
    assert not_remainders(terms, "其他对个人和家庭的补助") == terms  # asked by its name: it is the item



def test_a_reworded_question_is_asked_of_the_documents_the_question_named(tmp_path):
    from qa.answer import ask
    from tests.conftest import city_of

    # the unit is named by two of its words (深汕 … 市场监管局); asked again in the documents' term (购房补贴), the
    # question keeps only 深汕, which names no unit alone: the other units' 购房补贴 must not answer it
    table = "一般公共预算支出表（按功能分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t{0}\n2210203\t购房补贴\t{0}\n"
    other = "购房补贴135.71万元，较上年减少39.15万元，主要是享受补贴的人员减少。\n" + table.format("135.71")
    city = city_of(tmp_path, [("市场监督管理局深汕监管局", table.format("260.00")), ("文化局", other), ("统计局", other)])
    a = ask("深汕那个市场监管局2026年给职工发的买房补贴一共安排了多少？", city.store.root, retriever=city)
    assert a.citations
    assert {c.source for c in a.citations} == {str(tmp_path / "unit-00.txt")}, [c.source for c in a.citations]
    assert a.value in (None, 260.0), a.answer


def test_a_funds_name_keeps_its_budget_word_and_a_change_its_whole_asking():
    from qa.asked_again import _asking
    from qa.encoder_phrase import named_phrase as _phrase

    # 一般公共 alone reads as 一般公共服务支出: the fund's name is kept whole
    assert _phrase("一般公共预算项目经费比上年多出来多少") == "一般公共预算项目经费"
    assert _phrase("会议费预算安排了多少") == "会议费"
    assert _asking("X局2026年项目经费比上年多出来多少") == "比上年多出来多少"


def test_no_figure_is_answered_from_a_document_the_question_did_not_name(tmp_path, monkeypatch):
    import qa.answer
    from qa.models import Answer, Citation
    from tests.conftest import city_of

    city = city_of(tmp_path, [("气象局", "会议费12.00万元。"), ("文化局", "会议费30.00万元。")])
    other = str(tmp_path / "unit-01.txt")
    # whatever reading went astray (a path that searched the whole store): the answer is not given as one
    monkeypatch.setattr(qa.answer, "_answer", lambda q, k, s, r: Answer(
        question=q, answer="会议费30.00万元。", value=30.0, unit="万元", mode="extractive",
        citations=[Citation(source=other, page=1, text="会议费30.00万元。", score=1.0)]))
    a = qa.answer.ask("深圳市气象局2026年会议费是多少？", city.store.root, retriever=city)
    assert not a.answered and a.value == 30.0 and "未提及的文件" in a.answer


def test_a_class_read_for_a_described_thing_narrows_to_its_item_that_keeps_a_word(tmp_path):
    from qa.answer import ask
    from qa.reword import _narrowed, members
    from tests.conftest import city_of

    # 对个人和家庭的补助 (303) sums 退休费 and 生活补助: "发给退休人员的钱" is the item, never the class's total
    table = ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t{0}\n"
             "303\t对个人和家庭的补助\t{0}\n30302\t退休费\t{1}\n30305\t生活补助\t{2}\n")
    city = city_of(tmp_path, [(u, table.format(f"{60 + i}.00", f"{50 + i}.00", "10.00"))
                              for i, u in enumerate(["统计局", "审计局", "民政局"])])
    question = "深圳市统计局2026年一般公共预算里发给退休人员的钱一共多少？"
    sc = city.scope(question)
    assert set(members("对个人和家庭的补助支出", sc, city)) == {"退休费", "生活补助"}  # with or without 支出
    assert members("退休费", sc, city) == []  # an item: no class
    # the encoder's nearest term a class: its item that keeps a word of the question, or no reading at all
    near = (0.91, "对个人和家庭的补助支出", "近义（0.91）→对个人和家庭的补助支出")
    assert _narrowed("发给退休人员的钱", near, sc, city, city.vocabulary())[1] == "退休费"
    assert _narrowed("给老同志的慰问和关怀", near, sc, city, city.vocabulary()) is None
    assert _narrowed("退休费", (0.95, "退休费", "近义"), sc, city, city.vocabulary())[1] == "退休费"  # an item
    a = ask(question, city.store.root, retriever=city)
    assert a.value == 50.0, a.answer  # never the class's total (60.00)
    # the class said in its own words (个人, 家庭) is asked, not one of its items
    assert _narrowed("直接补到个人和家庭头上的钱", near, sc, city, city.vocabulary())[1] == "对个人和家庭的补助支出"
    # the class and an item of it tied by the encoder: read as the class is, its item or nothing
    from qa.reword import _class_item

    tie = ["对个人和家庭的补助支出", "退休费"]
    assert _class_item("发给退休人员的钱", tie, sc, city, city.vocabulary())[1] == "退休费"
    assert _class_item("发给退休人员的钱", tie[::-1], sc, city, city.vocabulary())[1] == "退休费"
    assert _class_item("直接补到个人和家庭头上的钱", tie, sc, city, city.vocabulary())[1] == "对个人和家庭的补助支出"
    assert _class_item("发给退休人员的钱", ["退休费", "生活补助"], sc, city, city.vocabulary()) is None  # siblings


def test_the_encoder_reads_the_thing_described_without_its_frames():
    from qa.encoder_phrase import for_encoder

    assert for_encoder("用于招待来客") == "招待来客"  # its purpose words
    assert for_encoder("在殡仪馆、火化这些丧葬事务上的一般公共预算") == "殡仪馆、火化丧葬事务"  # fillers, the fund paid from
    assert for_encoder("维持机关日常运转的财政拨款经费") == "维持机关日常运转的财政拨款经费"  # 经费 is the thing itself
    assert for_encoder("一般公共预算里发给退休人员") == "发给退休人员"  # the fund where it is read
    assert for_encoder("上") == "上"  # nothing else left: the phrase as it was
    # the remainder, described by what it cannot be classed under, is 其他 in the documents' words
    assert for_encoder("没法归到办公、邮电、差旅具体名目下的零星商品服务开支") == "其他商品服务开支"
    assert for_encoder("归不进任何具体名目的零碎商品和服务开支") == "其他商品和服务开支"


def test_the_encoder_reads_the_thing_without_where_it_is_read_and_what_it_leaves_out():
    from qa.encoder_phrase import for_encoder

    assert for_encoder("决算里 一般公共预算基本支出中冬天烧暖气") == "冬天烧暖气"
    assert for_encoder("专门买业务上用的专业仪器装备(不算办公电脑桌椅)") == "专门买业务上用的专业仪器装备"
    assert for_encoder("决算里") == "决算里"  # nothing else: as it was


def test_a_name_given_in_brackets_is_read_before_the_description_beside_it():
    from qa.given_name import given_name

    def given(phrase):
        return given_name(phrase, {"一般公共预算"})

    assert given("干部外出办事的路费住宿费(出差的钱)") == "出差"
    assert given("从西江引水过来(连水资源税一起)要付的水费") is None  # it qualifies
    assert given("专业仪器装备(不算办公电脑桌椅)") is None  # it leaves out
    assert given("电费(基本和专项合计)") is None  # parts added up: no name either
    assert given("电费(一般公共预算)") is None  # a column
    assert given("给在编干部发奖金(年终奖这类)") == "年终奖"  # a name said to be of the kind
    assert given("交通补贴(代替公车的那种)") is None  # a kind described


def test_a_class_described_by_several_of_its_items_is_the_class():
    from qa.reword import _named_members

    items = ["基本工资", "绩效工资", "奖金", "住房公积金", "退休费"]
    assert len(_named_members("给在职人员发工资奖金、交社保和公积金的那一大类", items)) == 2  # of three listed
    assert len(_named_members("在职人员的工资", items)) == 1
    # one thing, whichever items say its words
    assert len(_named_members("海洋管理项目", ["一般行政管理事务", "海洋战略规划与预警监测"])) == 1


def test_a_clause_saying_how_to_cut_or_where_to_look_is_no_part_of_the_thing():
    from qa.encoder_phrase import named_phrase as _phrase

    assert _phrase("2022年一般公共预算按钱花在谁身上来分，直接补给企业的有多少") == "直接补给企业"
    # where to look, said first, is no word of the thing either (the reading keeps it apart: qa.reword._past_where)
    assert _phrase("2026年项目支出里，科普活动的钱有多少") == "科普活动"
    assert _phrase("出国、接待和公车各多少") == "出国、接待和公车各"  # (a list is no frame)


def test_a_terms_qualifier_the_question_does_not_say_is_left_out():
    from qa.reword import _unqualified

    terms = ["对企业补助", "对企业补助基本建设", "对个人和家庭的补助"]
    best = (0.9, "对企业补助基本建设", "近义（0.90）→对企业补助基本建设")
    assert _unqualified("直接补给企业", best, terms)[1] == "对企业补助"
    assert _unqualified("给企业搞基本建设的补助", best, terms)[1] == "对企业补助基本建设"  # said: kept
    # a shorter term's stem (办公 of 办公费) beginning the term, its rest (设备购置) said by no character of the question
    office = ["办公费", "办公设备购置", "印刷费"]
    near = (0.9, "办公设备购置", "近义（0.90）→办公设备购置")
    assert _unqualified("买纸笔文具、办公耗材这类日常办公用的钱", near, office)[1] == "办公费"
    assert _unqualified("添置电脑打印机之类的办公家当", near, office)[1] == "办公设备购置"  # 添置 says 置
    # the stem's income is no qualified form of its spending: 经营收入 stays, whatever the question leaves unsaid
    earned = (0.92, "经营收入", "近义（0.92）→经营收入")
    assert _unqualified("下属事业单位靠自己搞经营活动挣来的那部分", earned, ["经营支出", "经营收入"])[1] == "经营收入"


def test_what_brackets_leave_out_is_named_so_that_no_term_saying_it_is_read():
    from qa.question import not_asked
    from qa.reword import _says_run

    assert not_asked("替干部职工缴的补充养老金(基本养老保险之外的那一份)") == ["基本养老保险"]
    assert not_asked("专业仪器装备(不算办公电脑桌椅)") == ["办公电脑桌椅"]
    assert not_asked("补充养老金") == []
    assert _says_run("基本养老保险", "机关事业单位基本养老保险缴费")
    assert not _says_run("基本养老保险", "机关事业单位职业年金缴费")
    # the thing left out said in its words in another order (储备粮油以外的重要物资: 粮油储备 is not asked)
    assert not_asked("为市里储备粮油以外的重要物资拨的补贴") == ["为市里储备粮油"]
    assert _says_run("为市里储备粮油", "粮油储备") and not _says_run("为市里储备粮油", "重要商品储备")


def test_a_class_is_asked_when_the_question_says_that_kind_of_money():
    from qa.reword import _CLASS_ASKED

    assert _CLASS_ASKED.search("直接发到个人和家庭手上(主要是离退休费那类)")
    assert _CLASS_ASKED.search("发工资奖金、交社保和公积金的那一大类")
    assert not _CLASS_ASKED.search("警服、被褥这类穿戴用品")  # examples of a kind: one item is asked


def test_a_term_keeping_only_words_every_kind_of_term_prints_keeps_nothing():
    from types import SimpleNamespace

    from qa.kept import kept_words
    from qa.reword import _broad

    def _broad_only(phrase, term, vocab):  # the term keeps words of the phrase, every one of them broad
        return _broad(kept_words(phrase, term), vocab)

    terms = ["委托业务费", "专项业务费", "业务经费"] * 5 + [f"其他项目{i}" for i in range(200)] + ["培训费"]
    vocab = SimpleNamespace(terms=terms)
    assert _broad_only("给督查干部办的业务培训", "委托咨询业务", vocab)  # 业务: 15 of 216 terms print it
    assert not _broad_only("给督查干部办的业务培训", "业务培训费", vocab)  # 培训 is a word of the thing
    assert not _broad_only("给督查干部办的业务培训", "委托咨询业务", SimpleNamespace(terms=terms[:15]))  # too few


def test_where_to_look_is_read_past_when_it_names_a_column_or_term():
    from types import SimpleNamespace

    from qa.reword import _past_where

    vocab = SimpleNamespace(columns={"一般公共预算", "基本支出", "收入"}, terms=["机关商品和服务支出", "会议费"],
                            tables={"2026年政府采购预算明细表"})
    assert _past_where("一般公共预算里，干部出差的钱", vocab) == "干部出差的钱"
    # a table the documents print, named (政府采购预算: its 政府采购预算明细表)
    assert _past_where("2026年政府采购预算里，事业单位自己挣的钱付的", vocab) == "事业单位自己挣的钱付的"
    assert _past_where("2022年的预算收入里，经营挣来的那部分", vocab) == "经营挣来的那部分"  # (a word or two more)
    # the documents' word in brackets after the asker's own (日常经费 is no term; 基本支出 is)
    assert _past_where("一般公共预算的日常经费（基本支出）里，冬天供暖的钱", vocab) == "冬天供暖的钱"
    # a clause naming no column is part of the thing asked
    assert _past_where("“公路水路运输”下面的各个科目中，哪一项最多", vocab) == "“公路水路运输”下面的各个科目中，哪一项最多"
    # a fund of the documents with the asker's own word for a part of it (日常经费 is no term; 一般公共预算 is)
    assert _past_where("一般公共预算的日常经费里，拿来交各种税和附加的钱", vocab) == "拿来交各种税和附加的钱"
    assert _past_where("老百姓的日常经费里，交税的钱", vocab) == "老百姓的日常经费里，交税的钱"  # (no fund: no where)
    # a clause asking which part of it (有多少是…) ends where to look as 里 does
    assert _past_where("手里的一般公共预算，有多少是没花完、结转过来接着用的", vocab) == "没花完、结转过来接着用的"
    # the fund pointed at in the asker's words (那摊钱) is where to look too
    assert _past_where("一般公共预算那摊钱里，置办固定资产的开销", vocab) == "置办固定资产的开销"
    # the money of a thing the documents name, said after what it pays for (给职工交住房公积金的钱里: that row), its
    # source asked; not a thing they do not name
    vocab.terms.append("住房公积金")
    assert _past_where("给职工交住房公积金的钱里，有多少是单位自己挣的", vocab) == "有多少是单位自己挣的"
    assert _past_where("给职工交社保的钱里，有多少是单位自己挣的", vocab) == "给职工交社保的钱里，有多少是单位自己挣的"




def test_a_term_another_document_defines_is_offered_only_where_the_named_documents_print_it(tmp_path):
    from qa.reword import _terms
    from tests.conftest import city_of

    city = city_of(tmp_path, [("统计局", "上年结转：指以前年度尚未完成、结转到本年按原用途继续使用的资金。"),
                              ("审计局", "审计业务项目50.00万元，用于上年结转的审计任务。"),
                              ("民政局", "民政业务项目30.00万元，用于社会救助。")])
    vocab = city.vocabulary()
    assert "上年结转" in vocab.gloss
    # the 民政局 prints no 上年结转: a question about it is not read in that term (it prints another: 上年结余、结转)
    assert "上年结转" not in _terms(vocab, city.scope("深圳市民政局2026年滚到今年的钱是多少？"), city)
    assert "上年结转" in _terms(vocab, city.scope("深圳市审计局2026年滚到今年的钱是多少？"), city)


def test_the_fund_a_bracket_names_is_no_word_of_the_thing():
    from qa.encoder_phrase import for_encoder

    assert for_encoder("机关日常运转花的钱(一般公共预算)") == "机关日常运转花的钱"
    assert for_encoder("买房补贴(财政拨款部分)") == "买房补贴"
    assert for_encoder("路费住宿费(出差的钱)") == "路费住宿费(出差的钱)"  # a name in brackets stays


def test_a_carried_over_amount_is_read_the_way_in_time_the_question_says():
    from qa.reword import other_way_in_time

    terms = ["上年结余结转", "结转下年", "年末结转和结余", "年初结转和结余", "会议费"]
    assert other_way_in_time("往年剩下没用完、挪到今年来花的", terms) == ["上年结余结转", "年初结转和结余", "会议费"]
    assert other_way_in_time("今年没花完、留到明年接着用的", terms) == ["结转下年", "年末结转和结余", "会议费"]
    assert other_way_in_time("结余的钱", terms) == terms  # neither way said: any
    # into this year (滚到今年), or a year before the documents' (2025年没花完 in a 2026 budget): from before
    assert other_way_in_time("没花完、滚到今年接着用的", terms) == ["上年结余结转", "年初结转和结余", "会议费"]
    assert other_way_in_time("没花完、结转过来接着用的", terms, earlier_year=True) == ["上年结余结转", "年初结转和结余", "会议费"]


def test_the_scope_and_where_it_is_read_are_no_words_of_the_thing():
    from qa.encoder_phrase import named_phrase as _phrase

    assert _phrase("一般公共预算里，全部门日常买东西、买服务的开销（按部门经济分类的那一大类）一共是多少？") == "日常买东西、买服务的开销"
    assert _phrase("决算里，一般公共预算基本支出中冬天烧暖气的钱是多少？") == "冬天烧暖气"
    assert _phrase("整个部门（机关加下属单位）发工资的钱") == "发工资"
    # (nor the unit the answer is asked in: 万元 is no word of the thing)
    assert _phrase("对口支援西藏的钱安排了多少万元？") == "对口支援西藏"


def test_a_funds_own_term_is_no_reading_of_a_thing_paid_from_it():
    from qa.reword import fund_read_for_thing

    terms = ["固定资产", "政府采购", "政府性基金预算", "办公费"]
    # the question names what the fund pays for, in a word the documents' terms use: not the fund's total
    assert fund_read_for_thing("政府性基金那摊钱里 在置办固定资产资本性开销上的", "政府性基金预算", terms)
    assert fund_read_for_thing("政府采购里 掏一般公共预算的钱来买的那部分", "一般公共预算", terms)
    # how the fund changed names no thing: the fund is what is asked
    assert not fund_read_for_thing("靠基金 拨下来的钱一下子少了二十多亿 具体少", "政府性基金预算", terms)
    assert not fund_read_for_thing("置办固定资产", "办公费", terms)  # (no fund read: nothing to say)


def test_two_terms_the_encoder_cannot_tell_apart_are_no_reading(monkeypatch):
    from types import SimpleNamespace

    import qa.meaning
    from qa.reword import _encoded

    vocab = SimpleNamespace(gloss={})
    terms = ["电费", "办公设备购置", "对企业补助", "对企业补助基本建设"]

    def encoder_ranks(*sims):
        # an encoder that scores the terms in this order with these similarities
        monkeypatch.setattr(qa.meaning, "nearest", lambda phrase, texts, k=1: list(zip(sims, texts))[:k])

    encoder_ranks(0.9, 0.897)  # 电费 ahead of 办公设备购置 by less than MIN_MARGIN: a guess
    assert _encoded("办公楼用电", terms, vocab) is None
    encoder_ranks(0.9, 0.89)  # clearly ahead
    assert _encoded("办公楼用电", terms, vocab)[1] == "电费"
    # a term and a qualified form of it tie as one family: no two things to choose between
    encoder_ranks(0.9, 0.899)
    assert _encoded("直接补给企业", terms[2:], vocab)[1] == "对企业补助"


def test_the_encoder_reads_the_thing_past_a_where_in_the_askers_words_and_a_fund_said_after_it():
    from qa.encoder_phrase import for_encoder

    # (clauses reach the encoder apart by a space: _phrase takes the clause marks out)
    assert for_encoder("机关日常运转的经费里 钱托外面单位代办事情的那一块") == "钱托外面单位代办事情的那一块"
    assert for_encoder("单位替干部职工存进公积金账户的那笔钱 一般公共预算") == "单位替干部职工存进公积金账户的那笔钱"
    assert for_encoder("海洋中心") == "海洋中心"  # a 中 ending the thing itself is no where


def test_an_item_is_read_by_its_name_or_by_what_it_pays_for_whichever_is_nearer(monkeypatch):
    from types import SimpleNamespace

    import qa.meaning
    from qa.reword import _encoded

    vocab = SimpleNamespace(gloss={})
    seen = []

    def nearest(phrase, texts, k=1):
        seen.extend(texts)
        # the scope of 委托业务费 is nearest, its bare name far down: the term is read once, at its best
        order = sorted(texts, key=lambda t: (not t.startswith("委托业务费："), t != "办公费", t))
        return list(zip([0.91, 0.90, 0.89, 0.88, 0.87, 0.86], order))[:k]

    monkeypatch.setattr(qa.meaning, "nearest", nearest)
    found = _encoded("托外面单位代办事情", ["委托业务费", "办公费", "专项资金列入部门预算的项目"], vocab)
    assert found[1] == "委托业务费"  # ahead of 办公费 (0.90) by more than MIN_MARGIN
    assert any(t.startswith("办公费：") for t in seen)  # an item of the classification is offered with its scope
    assert "专项资金列入部门预算的项目" in seen  # a term that is no item, by its name only
    # a term a document defines is offered with that definition, and with its name and its scope too: one document's
    # wording of it (公务接待费：单位按规定开支的…) must not read it farther than the classification's account does
    seen.clear()
    defined = SimpleNamespace(gloss={"公务接待费": "单位按规定开支的各类公务接待(含外宾接待)支出"})
    _encoded("招待来客", ["公务接待费", "差旅费"], defined)
    assert {"公务接待费：单位按规定开支的各类公务接待(含外宾接待)支出", "公务接待费"} <= set(seen)
    assert any(t.startswith("公务接待费：") and "外宾" not in t for t in seen)  # its scope


def test_a_fund_said_before_the_thing_is_where_it_is_paid_from_and_the_thing_is_read_alone(tmp_path, monkeypatch):
    import qa.meaning
    from qa.reword import reading
    from tests.conftest import city_of

    table = ("收支总表\n单位：万元\n项目\t预算数\n一般公共预算\t{0}\n\n"
             "一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t{0}\n"
             "30215\t会议费\t{1}\n30216\t培训费\t3.00\n")
    city = city_of(tmp_path, [(u, table.format(f"{40 + i}.00", f"{12 + i}.00")) for i, u in enumerate(["统计局", "审计局", "民政局"])])

    def nearest(phrase, texts, k=1):
        # an encoder drawn to the fund's own name whenever the phrase says it, else to 会议费
        first = "一般公共预算" if "一般公共预算" in phrase else "会议费"
        order = sorted(texts, key=lambda t: (not t.startswith(first), t))
        return list(zip([0.93, 0.88, 0.87], order))[:k]

    monkeypatch.setattr(qa.meaning, "nearest", nearest)
    question = "深圳市统计局2026年一般公共预算给开会安排了多少钱？"
    (again, basis), _ = reading(question, city.scope(question), city)
    assert basis[0].text == "会议费" and "会议费" in again  # the fund names where, not the thing
    question = "深圳市统计局2026年一般公共预算是多少？"  # the fund alone is the thing asked
    found, _ = reading(question, city.scope(question), city)
    assert found is None or found[1][0].text == "一般公共预算"


def test_a_word_the_terms_own_account_prints_bridges_the_encoders_reading():
    from qa.reword import _kept_or_bridged
    from qa.vocab import Vocabulary

    vocab = Vocabulary(["印刷费", "手续费", "差旅费"], {}, {}, set())
    # 印刷费 keeps one character of "印文件、印资料": the classification's scope of it prints 资料 (印刷、复印、装订资料…)
    kept, bridge = _kept_or_bridged("印文件、印资料", (0.889, "印刷费", "近义"), vocab)
    assert not kept and bridge == ["资料"]
    # a word the scope does not print bridges nothing
    assert _kept_or_bridged("发传单", (0.889, "印刷费", "近义"), vocab) == (False, [])
    # a document's own definition of the term does not hide the classification's scope: either may print the word
    # (业务 is broad among a city's terms: a word of many names keeps no reading by itself)
    terms = ["委托业务费", "公务接待费"] + [f"第{i}项业务经费" for i in range(20)] + [f"第{i}类补助" for i in range(180)]
    defined = Vocabulary(terms, {"委托业务费": "因委托外单位办理业务而支付的委托业务费"}, {}, set())
    kept, bridge = _kept_or_bridged("花钱请外面的机构代办业务的费用", (0.914, "委托业务费", "近义"), defined)
    assert not kept and "机构" in bridge


def test_a_zero_read_through_the_encoders_term_alone_is_no_answer(tmp_path, monkeypatch):
    import qa.meaning
    from qa.answer import ask
    from tests.conftest import city_of

    table = ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\n\t合计\t{0}\n"
             "30201\t办公费\t{1}\n30202\t印刷费\t5.00\n")
    city = city_of(tmp_path, [("统计局", table.format("5.00", "0.00")), ("审计局", table.format("17.00", "12.00")),
                              ("民政局", table.format("9.00", "4.00"))])

    def nearest(phrase, texts, k=1):  # an encoder sure that office supplies are 办公费
        order = sorted(texts, key=lambda t: (not t.startswith("办公费"), t))
        return list(zip([0.93, 0.88, 0.87], order))[:k]

    monkeypatch.setattr(qa.meaning, "nearest", nearest)
    a = ask("深圳市审计局2026年买办公用的纸笔花多少钱？", city.store.root, retriever=city)
    assert a.answered and a.value == 12.0 and "近义推断" in a.answer, a.answer  # the guessed term's figure, said so
    # the same guess read as 0.00: no money for the guessed item is a guess at an absence, declined
    b = ask("深圳市统计局2026年买办公用的纸笔花多少钱？", city.store.root, retriever=city)
    assert not b.answered and "办公费" in b.answer and b.citations, b.answer


def test_the_way_in_time_both_say_bridges_the_encoders_reading_of_a_carried_over_amount():
    from qa.reword import _kept_or_bridged
    from qa.vocab import Vocabulary

    vocab = Vocabulary(["上年结余结转", "结转下年", "会议费"], {}, {}, set())
    # 往年没花完、留到今年接着用的 keeps no word of 上年结余结转: 往年 and 上年 say the same way in time
    assert _kept_or_bridged("往年没花完、留到今年接着用", (0.89, "上年结余结转", "近义"), vocab) == (False, ["往年"])
    # …which a term going the other way, or one saying no way in time, does not share
    assert _kept_or_bridged("往年没花完的", (0.89, "结转下年", "近义"), vocab) == (False, [])
    assert _kept_or_bridged("往年买书的", (0.89, "会议费", "近义"), vocab) == (False, [])



def test_of_two_terms_the_encoder_cannot_tell_apart_the_one_the_questions_words_say_is_read():
    from qa.reword import _told_apart
    from qa.vocab import Vocabulary

    vocab = Vocabulary(["公务接待费", "差旅费", "公务用车运行维护费", "公务用车购置"], {}, {}, set())
    # 招待 and 接待 share a sense: only 公务接待费 says a word of the question (差旅费's account says 外地, which is
    # no word of its name)
    found = _told_apart("用来招待上级和外地兄弟单位来调研吃住", ["公务接待费", "差旅费"], vocab)
    assert found is not None and found[1] == "公务接待费" and "差旅费" in found[2]
    # both terms say 车 of the question: still a tie
    assert _told_apart("那一辆公车一年的养车钱", ["公务用车运行维护费", "公务用车购置"], vocab) is None
    assert _told_apart("招待", ["公务接待费"], vocab) is None  # (no tie, nothing to tell apart)
