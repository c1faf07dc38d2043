"""Evidence read from retrieved passages by their structure: the row and column a question names, the
narrative subject, the reason clause."""
from __future__ import annotations

from index.chunk import Chunk
from qa.evidence import evidence, reason_candidates, structured
from qa.retrieve import Hit

ENTITY = "上海市普陀区人民政府万里街道办事处"


def _row(label: str, facts: dict[str, float], table: str = "项目支出预算表", code: str | None = None) -> Hit:
    text = f"{table}（万元）｜{label}：" + "；".join(f"{k}={v}" for k, v in facts.items())
    return Hit(Chunk(id=label + table, source="a.txt", kind="row", pages=[1], text=text, table=table, unit="万元",
                     label=label, code=code, entity=ENTITY, facts=[{"column": k, "value": v, "raw": v, "unit": "万元"}
                                                    for k, v in facts.items()]), 1.0)


def _para(text: str) -> Hit:
    return Hit(Chunk(id=text[:20], source="a.txt", kind="paragraph", pages=[1], text=text, entity=ENTITY), 1.0)


def test_the_later_name_is_the_one_asked_for():
    hits = [_row("社区卫生服务中心综合管理站", {"合计": 3276.6}), _row("离休干部医疗费", {"合计": 500.0})]
    assert structured("万里街道办事处社区卫生服务中心综合管理站离休干部医疗费项目预算多少万元？", hits).value == 500.0


def test_a_row_the_question_does_not_name_is_a_part_not_the_total():
    hits = [_row("教育支出", {"支出预算/合计": 25.0, "支出预算/基本支出": 0.0}, "部门支出预算总表"),
            _row("合计", {"支出预算/合计": 15621.11, "支出预算/基本支出": 9970.6}, "部门支出预算总表")]
    assert structured("万里街道办事处2024年基本支出预算合计是多少？", hits).value == 9970.6


def test_a_comparison_base_does_not_name_the_quantity():
    hits = [_para("公用经费比上年减少5.10万元，主要原因：压缩一般性支出。"),
            _para("收入总计659.94万元，与2023年预算相比，收入减少12.78万元，主要原因：退休人员增加。")]
    found = reason_candidates("收入比2023年减少的主要原因是什么？", hits)
    assert "退休人员增加" in max(found, key=lambda t: t[0])[1]


def test_evidence_scores_only_the_passages_that_answer():
    hits = [_row("离休干部医疗费", {"合计": 500.0}), _para("本单位坚持过紧日子，严控一般性支出。")]
    scores = evidence("离休干部医疗费项目预算多少万元？", hits)
    assert list(scores) == [hits[0].chunk.id]
