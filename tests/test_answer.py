"""Answering by what a question asks: an amount from the row and column it names, a rate of the kind it names,
a change, a reason, a definition, and a list across documents; weak evidence is not answered."""
from __future__ import annotations

import pytest

from index.chunk import row_search_body
from index.ingest import ingest_paths
from qa.answer import ask
from qa.question import definition_term, intent, search_query
from qa.retrieve import Retriever

DOC = """示例区{name}
2024年部门预算公开

一、收支预算总体情况
2024年收入总计{total}万元，比2023年预算减少12.50万元，下降5.20%，主要原因：退休人员增加，在职人员减少。

二、一般公共预算支出情况
2024年一般公共预算支出年初预算为{total}万元。其中：基本支出320.00万元，占{share}%；项目支出{project}万元。
2024年一般公共预算基本支出年初预算为320.00万元。其中：人员经费支出280.00万元。

截至2023年8月31日，示例区{name}共有车辆3辆，其中：执法执勤用车2辆、其他用车1辆。
项目支出中，社区服务中心新建工程第一季度用款计划45.00万元。

三、“三公”经费预算情况说明
2024年“三公”经费预算为{sangong}万元，比2023年增加2.00万元，增长{growth}%。公务接待费2.50万元，比2023年减少1.00万元。主要原因是：上年接待任务少。

名词解释
一、项目支出：是指在基本支出之外，为完成特定的行政工作任务所发生的支出。
二、基本支出：是指为保障机构正常运转所必需的开支。

部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t{total}\t320.00\t{project}
2100101\t行政运行\t320.00\t320.00\t
2100199\t其他卫生健康管理事务支出\t{project}\t\t{project}

一般公共预算基本支出表
单位：万元
科目编码\t科目名称\t合计\t人员经费\t公用经费
\t合计\t320.00\t280.00\t40.00
30101\t基本工资\t150.00\t150.00\t
30217\t公务接待费\t9.00\t\t9.00

“三公”经费预算表
单位：万元
合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费
{sangong}\t0.00\t{car}\t2.50
"""


def _doc(name: str, total: str, project: str, sangong: str, growth: str) -> str:
    share = f"{320 / float(total) * 100:.2f}"
    car = f"{float(sangong) - 2.5:.2f}"
    return DOC.format(name=name, total=total, project=project, sangong=sangong, growth=growth, share=share, car=car)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("answer")
    (root / "health.txt").write_text(_doc("卫生健康委员会", "500.00", "180.00", "12.30", "19.42"), encoding="utf-8")
    (root / "water.txt").write_text(_doc("水务局", "900.00", "580.00", "48.80", "4.27"), encoding="utf-8")
    report = ingest_paths([root / "health.txt", root / "water.txt"], root / "store")
    assert not report.errors
    return root / "store"


@pytest.mark.parametrize("question, kind", [
    ("某局2024年项目支出比2023年增长了百分之多少？", "percent"),
    ("某局2024年收入比2023年预算减少了多少？", "change"),
    ("某局2022年这一科目比2021年减了多少？", "change"),  # one character says the direction: 减了, 多出, 高出
    ("某局2026年收入比上年多出多少？", "change"),
    ("某局2026年项目支出比上年多出来多少？", "change"),
    ("某局2026年机关运行经费跟去年比变化多大？", "change"),  # no direction asked: either answers
    ("某局2026年哪一项最多？最多多少钱？", "amount"),  # 最多多少: an upper figure, no change
    ("某局2024年收入减少的主要原因是什么？", "reason"),
    ("某局2024年公务接待费为什么减少？", "reason"),
    ("名词解释中，项目支出指什么？", "definition"),
    ("哪些单位的三公经费超过40万元？", "list"),
    ("某局纳入绩效管理的项目有多少个？", "count"),
    ("某局2024年人员经费支出多少？", "amount"),
    ("某局2026年的预算盘子总共有多大？", "amount"),  # 多大: the size of an amount (a sentence is no answer)
])
def test_intent_of_a_question(question, kind):
    assert intent(question) == kind


def test_definition_term_and_search_query():
    assert definition_term("某局预算的名词解释中，项目支出指什么？") == "项目支出"
    assert definition_term("部门决算模板里，年初结转和结余是什么意思？") == "年初结转和结余"
    assert definition_term("什么是机关运行经费") == "机关运行经费"
    assert "多少" not in search_query("基本支出预算安排了多少？") and "基本支出" in search_query("基本支出预算安排了多少？")


def test_row_is_indexed_with_each_header_word_once():
    body = row_search_body("支出表（万元）｜行政运行 2101501：合计=200.10；基本支出/小计=200.10；基本支出/人员经费=151.65")
    assert body.count("基本支出") == 1 and "行政运行 2101501" in body and "151.65" in body


def test_amount_named_by_the_question_not_a_neighbour(store):
    # The narrative names both the 一般公共预算 total and its 基本支出 part: the question asks for the first.
    assert ask("示例区卫生健康委员会2024年一般公共预算支出的年初预算是多少？", store).value == 500.0
    assert ask("示例区卫生健康委员会2024年人员经费支出多少？", store).value == 280.0
    # A code in the question picks the row with that code.
    assert ask("示例区水务局2024年2100199科目支出是多少？", store).value == 580.0


def test_a_figure_stated_twice_wins_over_a_namesake(store):
    # 公务接待费 is 2.50 in the narrative and in the 三公 table, 9.00 in an economic-classification row that names
    # it just as well: the figure two passages state wins.
    answer = ask("示例区卫生健康委员会2024年公务接待费是多少？", store)
    assert answer.mode == "structured" and answer.value == 2.5


def test_hybrid_search_puts_the_answering_passage_first(store):
    question = "示例区水务局项目支出指什么？"
    best = Retriever(store).search(question, 5)[0].chunk
    assert best.source.endswith("water.txt") and best.text.startswith("一、项目支出：是指")
    # BM25 alone ranks the table whose header says 项目支出 first.
    assert not Retriever(store, mode="bm25").search(question, 5)[0].chunk.text.startswith("一、项目支出")


def test_rate_of_the_kind_asked(store):
    growth = ask("示例区卫生健康委员会2024年“三公”经费比2023年增长了百分之多少？", store)
    assert (growth.value, growth.unit) == (19.42, "%")
    share = ask("示例区卫生健康委员会2024年基本支出占一般公共预算支出的比例是多少？", store)
    assert share.value == 64.0


def test_change_question_is_answered_with_the_change(store):
    answer = ask("示例区卫生健康委员会2024年收入比2023年预算减少了多少？", store)
    assert answer.value == 12.5


def test_reason_and_definition_are_read_from_the_text(store):
    reason = ask("示例区卫生健康委员会2024年收入减少的主要原因是什么？", store)
    assert reason.mode == "extractive" and "退休人员增加" in reason.answer
    why = ask("示例区卫生健康委员会2024年公务接待费为什么减少？", store)
    assert "接待任务少" in why.answer
    definition = ask("示例区卫生健康委员会预算的名词解释中，项目支出指什么？", store)
    assert "基本支出之外" in definition.answer and "正常运转" not in definition.answer


def test_list_across_documents(store):
    answer = ask("哪些单位的“三公”经费预算超过40万元？", store)
    assert "水务局" in answer.answer and "卫生健康委员会" not in answer.answer
    assert any(c.source.endswith("water.txt") for c in answer.citations)


def test_weak_evidence_is_not_answered_with_a_number(store):
    answer = ask("示例区水务局2024年政府性基金预算拨款收入是多少？", store)
    assert answer.value is None


def test_count_of_the_measure_asked(store):
    assert ask("截至2023年8月底示例区水务局共有多少辆车？", store).value == 3.0


def test_a_name_said_whole_is_enough_whatever_else_the_question_qualifies(store):
    answer = ask("示例区水务局社区服务中心新建工程第一季度的用款计划是多少？", store)
    assert answer.value == 45.0


def test_a_change_asked_in_other_words_is_asked_again_in_the_documents_term(tmp_path, monkeypatch):
    import qa.answer
    from qa.models import Basis
    from tests.conftest import store_of

    doc = ("重庆市示例局2026年部门预算情况说明\n\n四、“三公”经费情况说明\n2026年“三公”经费预算13.85万元，比2025年减少5.45万元。"
           "其中：因公出国（境）费用0万元，比2025年减少5万元，主要原因是压减出国经费；公务接待费0.30万元，与上年持平；"
           "公务用车运行维护费13.55万元，比2025年减少0.45万元。\n")
    r = store_of(tmp_path, "cq-sangong.txt", doc)
    # the encoder's reading of 出国考察 (qa.reword.reading), as the store's vocabulary would give it
    term = [Basis(part="term", text="因公出国（境）费", words=["近义（0.88，比次近的“会议费”近0.01）→因公出国（境）费"])]
    monkeypatch.setattr(qa.answer, "reading", lambda q, sc, retriever: (
        (None, []) if "因公出国" in q else ((q.replace("出国考察的钱", "因公出国（境）费"), term), [])))
    a = ask("重庆市示例局2026年出国考察的钱比上一年砍掉了多少？", r.store.root, retriever=r)
    # the change asked of the term: its sentence's 5, not its level 0; no surer than the encoder's reading
    assert a.answered and a.value == 5.0 and "近义推断" in a.answer and a.confidence <= 0.5
