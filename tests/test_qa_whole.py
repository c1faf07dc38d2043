"""The whole budget asked in people's words is the budget's total (支出总计)."""
from qa.answer import ask
from qa.whole import whole_budget
from tests.conftest import city_of

TOTALS = ("2026年部门预算收入2,000.00万元，较2025年年初预算减少300.00万元，主要是项目结束。所属各预算单位政府采购预算总额"
          "45.00万元。\n\n收支总表\n单位：万元\n收入\t\t支出\t\n项目\t2026年预算数\t项目\t2026年预算数\n"
          "收入总计\t2000.00\t支出总计\t2000.00\n")


def test_the_whole_budget_in_peoples_words_is_read_as_the_total(tmp_path):
    city = city_of(tmp_path, [("气象局", TOTALS), ("文化局", "文物保护项目700.00万元。")])
    for question in ("深圳市气象局2026年预算总额是多少？", "深圳市气象局2026年的预算盘子总共有多大？", "深圳市气象局2026年总预算多少钱"):
        a = ask(question, city.store.root, retriever=city)
        assert a.answered and a.value == 2000.0, (question, a.answer)  # never 政府采购预算总额's 45.00
    a = ask("深圳市气象局2026年预算比上年减少多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 300.0, a.answer


def test_a_budget_named_by_more_than_the_word_is_not_the_whole(tmp_path):
    city = city_of(tmp_path, [("气象局", TOTALS), ("文化局", "文物保护项目700.00万元。")])
    docs = city.documents()
    for question in ("深圳市气象局2026年一般公共预算是多少", "深圳市气象局2026年会议费预算是多少", "深圳市气象局2026年部门预算收入是多少"):
        assert whole_budget(question, docs, city.scope(question)) is None
    assert whole_budget("深圳市气象局2026年部门预算是多少", docs, city.scope("深圳市气象局2026年部门预算是多少")) == \
        "深圳市气象局2026年支出总计是多少"


def test_each_documents_whole_budget_is_its_total_across_documents(tmp_path):
    from qa.whole import total_of

    assert total_of("部门预算支出") == "支出总计" and total_of("部门预算收入") == "收入总计"
    assert total_of("预算总额比") == "支出总计" and total_of("一般公共预算支出") is None
    totals = ("2026年部门预算支出{0}.00万元。\n\n收支总表\n单位：万元\n收入\t\t支出\t\n项目\t2026年预算数\t项目\t"
              "2026年预算数\n收入总计\t{1}.00\t支出总计\t{1}.00\n")
    city = city_of(tmp_path, [("气象局", totals.format(900, 1000)), ("文化局", totals.format(300, 400)),
                              ("统计局", totals.format(50, 60))])
    a = ask("深圳市气象局和深圳市文化局2026年部门预算支出各是多少？气象局比文化局多多少？", city.store.root, retriever=city)
    assert a.answered and a.value == 600.0 and sorted(r.value for r in a.rows) == [400.0, 1000.0], a.answer


def test_the_whole_budget_of_a_subordinate_unit_named_is_its_blocks_total(tmp_path):
    from index.chunk import Chunk

    class Blocks(dict):  # the department's tables, printed a block per unit (as qa.retrieve's chunks give them)
        def of_doc(self, key):
            return self

    city = city_of(tmp_path, [("气象局", TOTALS), ("文化局", "文物保护项目700.00万元。")])
    docs = city.documents()
    entity = next(d["name"] for d in docs.values() if "气象局" in d["name"])
    blocks = Blocks(r=Chunk(id="r", source="d.pdf", kind="row", pages=[9], text="支出总表（万元）｜合计：支出总计=80.00",
                            entity=entity, budget_unit="深圳市气象台"))
    question = "深圳市气象局下属的深圳市气象台2026年预算总额是多少"
    assert whole_budget(question, docs, city.scope(question), blocks) == \
        "深圳市气象局下属的深圳市气象台2026年支出总计是多少"
    # …and without the unit's blocks at hand, its name is more than the whole budget's words: not read so
    assert whole_budget(question, docs, city.scope(question)) is None
