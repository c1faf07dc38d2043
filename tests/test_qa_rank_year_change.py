"""Items ranked by their change over the year before, computed from a table printing both years
(qa/rank_year_change.py)."""
from index.ingest import ingest_paths
from qa.answer import ask

TWO_YEARS = """深圳市示例局2026年部门预算

一般公共预算支出情况表
单位：万元
科目编码\t科目名称\t2025年预算数\t2026年预算数
\t合计\t1000.00\t1300.00
220\t自然资源海洋气象等支出\t1000.00\t1300.00
22001\t自然资源事务\t1000.00\t1300.00
2200101\t行政运行\t500.00\t520.00
2200109\t自然资源调查与确权登记\t300.00\t600.00
2200112\t土地资源利用与保护\t200.00\t180.00
"""


def test_the_item_that_rose_or_fell_most_between_the_tables_two_years(tmp_path):
    (tmp_path / "sz-example.txt").write_text(TWO_YEARS, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    up = ask("深圳市示例局2026年“自然资源事务”下面哪个项级科目比2025年涨得最多？涨了多少？", tmp_path / "store")
    assert up.answered and up.value == 300.0 and "自然资源调查与确权登记" in up.answer, up.answer
    assert "600.00 − 300.00" in up.answer  # the subtraction shown
    down = ask("深圳市示例局2026年“自然资源事务”下面哪个项级科目比2025年减得最多？", tmp_path / "store")
    assert down.answered and down.value == 20.0 and "土地资源利用与保护" in down.answer, down.answer


def test_a_table_of_one_year_ranks_no_change(tmp_path):
    one_year = TWO_YEARS.replace("\t2025年预算数", "").replace("1000.00\t", "").replace("500.00\t", "") \
        .replace("300.00\t", "").replace("200.00\t", "")
    (tmp_path / "sz-example.txt").write_text(one_year, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    a = ask("深圳市示例局2026年“自然资源事务”下面哪个项级科目比2025年涨得最多？", tmp_path / "store")
    assert not a.answered, a.answer


def test_the_column_item_that_rose_most_in_a_table_whose_rows_are_the_years():
    from tests.test_qa_rank_columns import SANGONG, YEAR_2026, _row, _store
    from qa.rank_year_change import ranked_by_year_change

    # 2025: 出国 98 → 10 (2026 rises 88), 接待 6 → 8 (falls 2), 公车 16.8 → 16.8
    last_year = [(c, {98.0: 10.0, 6.0: 8.0, 120.8: 34.8}.get(v, v)) for c, v in YEAR_2026]
    retriever, sc = _store([_row(SANGONG, "2025 年", last_year), _row(SANGONG, "2026 年", YEAR_2026)])
    up = ranked_by_year_change("某局2026年“三公”经费的几块里，比2025年涨得最多的是哪块？涨了多少？", sc, retriever, 5)
    assert up.value == 88.0 and up.rows[0].entity == "因公出国(境)费" and "98.00 − 10.00" in up.answer
    down = ranked_by_year_change("某局2026年“三公”经费哪一项比上年减少得最多？", sc, retriever, 5)
    assert down.value == 2.0 and down.rows[0].entity == "公务接待费"
    # a question that does not name what the table is of ranks nothing in it
    assert ranked_by_year_change("某局2026年哪一项比上年减少得最多？", sc, retriever, 5) is None


def test_units_ranked_by_the_change_of_the_item_each_ones_line_prints_for_both_years():
    from types import SimpleNamespace

    from index.chunk import Chunk
    from qa.rank_changes import CHANGE_RANK
    from qa.rank_year_change import _by_units

    def unit(label: str, code: str, before: float, now: float) -> Chunk:
        facts = [{"column": "2018年/培训费", "value": before, "raw": before, "unit": "万元"},
                 {"column": "2019年/培训费", "value": now, "raw": now, "unit": "万元"}]
        return Chunk(id=code, source="x.pdf", kind="row", pages=[32], text=label, table="三公经费及会议费、培训费表",
                     unit="万元", label=label, code=code, facts=facts)

    # the department's line (125) over its units: not one of them
    rows = [unit("西安市示例局", "125", 30.0, 36.5), unit("西安市示例局", "125001", 29.0, 22.7),
            unit("西安市示例支队", "125002", 0.37, 6.30), unit("西安市示例中心", "125003", 0.63, 7.5 - 1.9)]
    question = "示例局2019年的培训费和2018年比，局机关和下属单位里谁涨得最多？"
    sc = SimpleNamespace(named={}, keys={"d"})
    up = _by_units(question, CHANGE_RANK.search(question), sc, {}, rows, 2019, 5)
    assert up.value == 5.93 and up.row == "西安市示例支队", up.answer
    # an item none of the columns print: no ranking
    other = "示例局2019年的会议费和2018年比，下属单位里谁涨得最多？"
    assert _by_units(other, CHANGE_RANK.search(other), sc, {}, rows, 2019, 5) is None


def test_of_two_items_as_long_the_one_said_last_is_ranked():
    from types import SimpleNamespace

    from index.chunk import Chunk
    from qa.rank_changes import CHANGE_RANK
    from qa.rank_year_change import _by_units

    def unit(label: str, code: str, meetings: tuple[float, float], training: tuple[float, float]) -> Chunk:
        facts = [{"column": f"{y}年/{item}", "value": v, "raw": v, "unit": "万元"}
                 for item, pair in (("会议费", meetings), ("培训费", training)) for y, v in zip((2021, 2022), pair)]
        return Chunk(id=code, source="x.pdf", kind="row", pages=[30], text=label, table="三公经费、会议费、培训费表",
                     unit="万元", label=label, code=code, facts=facts)

    rows = [unit("西安市示例中心", "125001", (1.0, 0.2), (3.0, 2.9)), unit("西安市示例站", "125002", (1.0, 0.9), (3.7, 1.3))]
    # the table named by its items, then the item asked: 培训费, whichever order a set would give the two
    question = "示例局2022年“三公”、会议费、培训费表中，和2021年比，哪个下属单位的培训费减少得最多？"
    down = _by_units(question, CHANGE_RANK.search(question), SimpleNamespace(named={}, keys={"d"}), {}, rows, 2022, 5)
    assert down is not None and down.row == "西安市示例站" and abs(down.value - 2.4) < 0.005, down.answer
