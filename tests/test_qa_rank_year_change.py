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
