"""The documents' own vocabulary: terms from their rows, and their definitions (名词解释)."""
from index.chunk import Chunk
from qa.vocab import Vocabulary


def _para(text: str) -> Chunk:
    return Chunk(id=text[:12], source="a.txt", kind="paragraph", pages=[1], text=text)


def test_a_definition_names_its_term_without_the_level_of_the_classification():
    v = Vocabulary.of({c.id: c for c in [_para("2.中小企业发展专项（项）：指用于支持中小企业专业化发展的支出。"),
                                         _para("3.机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金。")]}.values())
    assert "中小企业发展专项" in v.gloss and "中小企业发展专项项" not in v.gloss
    assert v.gloss["机关运行经费"].startswith("为保障行政单位运行")
