"""An item a table prints on several lines, one per item of a second classification, is read whole: the sum of
its lines, the computation shown; a label merely printed twice is not summed."""
from __future__ import annotations

from index.chunk import Chunk
from qa.evidence import candidates, structured
from qa.retrieve import Hit
from qa.split_rows import classification_cells, merged, parts_of, whole_of_parts

TABLE = "2022年一般公共预算支出明细表（按经济分类科目分）"


def _line(gov_code: str, gov_name: str, total: float, basic: float, label: str = "差旅费", page: int = 45) -> Chunk:
    cells = {"合计": total, "公用经费支出": basic}
    text = (f"{TABLE}（万元）｜{label} 30211（商品和服务支出）：政府经济科目编码={gov_code}；政府经济科目名称={gov_name}；"
            + "；".join(f"{k}={v:,.2f}" for k, v in cells.items()))
    return Chunk(id=f"{label}{gov_code}", source="x.pdf", kind="row", pages=[page], text=text, table=TABLE,
                 unit="万元", label=label, code="30211", entity="西安市某局", year=2022,
                 facts=[{"column": k, "value": v, "raw": v, "unit": "万元"} for k, v in cells.items()])


def test_the_classification_cells_are_what_tells_the_lines_apart():
    assert classification_cells(_line("50201", "办公经费", 196.96, 28.25)) == (
        "政府经济科目编码=50201", "政府经济科目名称=办公经费")


def test_an_item_split_by_a_second_classification_is_read_as_the_sum_of_its_lines():
    lines = [_line("50201", "办公经费", 196.96, 28.25), _line("50502", "商品和服务支出", 37.95, 36.95),
             _line("50201", "办公经费", 99.0, 9.0, label="办公费")]
    chunks = {c.id: c for c in lines}
    assert [c.id for c in parts_of(lines[0], chunks)] == ["差旅费50201", "差旅费50502"]
    read = structured("西安市某局2022年差旅费是多少", [Hit(lines[0], 1.0)])
    whole = whole_of_parts(read, chunks)
    assert round(whole.value, 2) == 234.91
    assert "办公经费 196.96 + 商品和服务支出 37.95" in whole.text and "234.91" in whole.text
    # in the column the question asks: the basic expenditure's lines add up too
    basic = structured("西安市某局2022年差旅费公用经费支出是多少", [Hit(lines[1], 1.0)])
    assert round(whole_of_parts(basic, chunks).value, 2) == 65.2


def test_a_label_printed_twice_under_one_classification_is_no_split():
    twice = [_line("50201", "办公经费", 196.96, 28.25), _line("50201", "办公经费", 196.96, 28.25, page=46)]
    chunks = {c.id + str(c.page): c for c in twice}
    assert parts_of(twice[0], chunks) == []
    read = structured("西安市某局2022年差旅费是多少", [Hit(twice[0], 1.0)])
    assert whole_of_parts(read, chunks) is read


def test_a_row_without_classification_cells_stays_as_read():
    plain = Chunk(id="p", source="x.pdf", kind="row", pages=[3], text="部门支出总表（万元）｜差旅费：合计=12.00",
                  table="部门支出总表", unit="万元", label="差旅费", facts=[{"column": "合计", "value": 12.0, "raw": 12.0,
                                                                        "unit": "万元"}])
    read = structured("差旅费是多少", [Hit(plain, 1.0)])
    assert whole_of_parts(read, {"p": plain}) is read and read.value == 12.0


def test_a_ranking_ranks_the_split_item_once_with_the_sum_of_its_lines():
    travel = [_line("50201", "办公经费", 196.96, 28.25), _line("50502", "商品和服务支出", 37.95, 36.95)]
    office = _line("50201", "办公经费", 210.0, 9.0, label="办公费")
    items = merged([(196.96, travel[0]), (210.0, office), (37.95, travel[1])])
    assert [(round(v, 2), c.label) for v, c in items] == [(234.91, "差旅费"), (210.0, "办公费")]


def test_the_lines_of_a_split_item_weigh_alike_in_every_column_a_zero_one_too():
    lines = [_line("50201", "办公经费", 28.25, 28.25), _line("50502", "商品和服务支出", 36.95, 36.95)]
    found = candidates("差旅费是多少", [Hit(c, 1.0) for c in lines])
    same = {c.column: c.score for c in found if c.hit.chunk is lines[0]}
    alone = {c.column: c.score for c in candidates("差旅费是多少", [Hit(lines[0], 1.0)])}
    assert all(same[k] == alone[k] - 4.0 for k in alone)  # lines of one item: none alone is its figure
