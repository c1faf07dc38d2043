"""A figure from a table of the other classification than the question names is no answer (qa/classified.py)."""
from qa.classified import other_classification
from qa.models import Answer


def _read(table: str | None) -> Answer:
    return Answer(question="", answer="行政运行99,441.85万元", value=99441.85, unit="万元", answered=True, table=table)


def test_a_table_of_the_other_classification_than_the_question_names_answers_nothing():
    economic = "深圳市公安局2026年按经济分类的一般公共预算表里，基本支出部分哪一项最大？"
    why = other_classification(economic, _read("一般公共预算支出表（按功能分类）"))
    assert "经济分类" in why and "一般公共预算支出表（按功能分类）" in why
    assert other_classification(economic, _read("一般公共预算支出表（按经济分类）")) == ""
    functional = "西安市司法局2026年按功能科目分的一般公共预算支出里，哪个项级科目最多？"
    assert "功能分类" in other_classification(functional, _read("一般公共预算支出明细表（按支出经济分类科目）"))


def test_no_classification_named_or_none_printed_or_both_named_keeps_the_answer():
    assert other_classification("深圳市公安局2026年哪一项最大？", _read("一般公共预算支出表（按功能分类）")) == ""
    assert other_classification("按经济分类，办公费是多少？", _read("基本支出总表")) == ""  # (its title says none)
    assert other_classification("按经济分类，办公费是多少？", _read(None)) == ""  # (a sentence read)
    both = "按功能分类和经济分类的表里，行政运行是多少？"
    assert other_classification(both, _read("一般公共预算支出表（按经济分类）")) == ""
