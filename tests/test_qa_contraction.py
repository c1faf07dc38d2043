"""Two items said as one word (水电 for 水费 and 电费): their sum, from a table printing both, in the column the
question names; tables that disagree and a question that does not say which are no answer."""
import pytest

from index.ingest import ingest_paths
from qa.answer import ask

DOC = """深圳市示例局
2026年部门预算

一、部门职责
负责全市示例工作。

基本支出总表
单位：万元
科目编码\t科目名称\t总计
\t合计\t300.00
30205\t水费\t20.00
30206\t电费\t80.00

一般公共预算支出表（按经济分类）
单位：万元
科目编码\t科目名称\t支出总计\t基本支出\t项目支出
\t合计\t500.00\t300.00\t200.00
30205\t水费\t20.00\t20.00\t0.00
30206\t电费\t150.00\t80.00\t70.00
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("contraction")
    (root / "sz-example.txt").write_text(DOC, encoding="utf-8")
    report = ingest_paths([root / "sz-example.txt"], root / "store")
    assert not report.errors
    return root / "store"


def test_the_two_items_of_a_contracted_word_are_summed_in_the_column_asked(store):
    a = ask("深圳市示例局2026年基本支出里水电要花多少钱？", store)
    assert a.answered and a.value == 100.0, a.answer
    assert {r.row for r in a.rows} == {"水费", "电费"} and len(a.citations) >= 2


def test_the_contracted_word_said_with_the_items_shared_ending_is_summed_too(store):
    a = ask("深圳市示例局2026年基本支出里交的水电费有多少？", store)  # 水电费: one word to the segmenter
    assert a.answered and a.value == 100.0, a.answer
    assert a.answer.startswith("水电费即水费、电费")


def test_tables_that_give_different_sums_are_no_answer_to_a_question_that_does_not_say_which(store):
    a = ask("深圳市示例局2026年水电要花多少钱？", store)
    assert a.value != 100.0 and a.value != 170.0  # 100 in one table, 170 in the other: not guessed


def test_a_contracted_word_in_brackets_or_in_a_rate_asks_no_sum(store):
    # (主要是水电): an aside about the thing asked; 每平方米: a rate, no yearly item of the tables
    assert ask("深圳市示例局2026年基本支出里的公用经费（主要是水电）有多少？", store).value != 100.0
    assert ask("深圳市示例局2026年基本支出里每平方米水电要花多少钱？", store).value != 100.0


def test_a_contracted_word_among_examples_of_a_class_asks_the_class_not_its_sum(store):
    from qa.contraction import contracted_sum
    from qa.retrieve import Retriever

    city = Retriever(store)
    # 办公、水电、物业这类开销: three examples of the running costs asked, none of them summed alone
    listed = "深圳市示例局2026年基本支出里办公、水电、物业这类公用开销有多少？"
    assert contracted_sum(listed, city.scope(listed), city) is None
    said = "深圳市示例局2026年基本支出里水电要花多少钱？"
    assert contracted_sum(said, city.scope(said), city).value == 100.0
