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


def _row(label: str, table: str) -> Chunk:
    return Chunk(id=label[:12], source="a.txt", kind="row", pages=[1], text=label, table=table, label=label)


def test_a_tables_title_read_as_a_row_label_is_no_term():
    table = "2026 年市级重点专项资金绩效目标表（一级项目）"
    v = Vocabulary.of([_row("2026 年市级重点专项资金绩效目标表（一级项目）", table), _row("表3", "收支总表"),
                       _row("财政拨款三公经费支出情况表", "说明"), _row("受益人口", table),
                       _row("人大代表建议和政协提案办理率", table)])
    assert v.terms == ["受益人口", "人大代表建议和政协提案办理率"]  # (代表 is no table)


def test_wordings_of_one_quantity_differ_by_their_money_word_only():
    from qa.vocab import wordings

    assert wordings("因公出国（境）费用", "因公出国（境）费")
    assert wordings("培训费", "培训支出")  # one stem
    assert not wordings("公务用车购置", "公务用车购置及运行维护费")  # holds it and more: another term
    assert not wordings("办公费", "办公设备购置")
    assert wordings("事业单位经营收入资金", "事业单位经营收入")  # (资金 is a money word too)


def test_a_duty_that_begins_with_a_verb_in_zhi_is_no_definition():
    v = Vocabulary.of([_para("（五）负责建设项目水土保持监督管理工作，指导饮用水水源保护有关工作。"),
                       _para("1.事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。")])
    assert list(v.gloss) == ["事业收入"]


def test_wordings_with_or_without_their_particle_are_one_quantity():
    from qa.vocab import wordings

    assert wordings("对个人和家庭的补助", "对个人和家庭补助")
    assert not wordings("对个人和家庭的补助", "对个人和家庭补助支出（基本建设）")
