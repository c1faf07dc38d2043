"""A ranking whose top row is nearly the whole list ranks that row's items, unless the question names the level."""
from index.ingest import ingest_paths
from qa.answer import ask

TABLE = """深圳市示例局2026年部门预算

一般公共预算支出表（按经济分类）
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t1000.00\t300.00\t700.00
301\t工资福利支出\t300.00\t300.00\t0.00
30101\t基本工资\t300.00\t300.00\t0.00
302\t商品和服务支出\t700.00\t0.00\t700.00
30201\t办公费\t100.00\t0.00\t100.00
30227\t委托业务费\t600.00\t0.00\t600.00
"""


def test_the_items_of_a_class_holding_nearly_all_of_a_column_are_ranked(tmp_path):
    (tmp_path / "sz-example.txt").write_text(TABLE, encoding="utf-8")
    assert not ingest_paths([tmp_path / "sz-example.txt"], tmp_path / "store").errors
    # 商品和服务支出 holds the whole 项目支出 column: the 经济科目 asked are its items
    items = ask("深圳市示例局2026年一般公共预算的项目支出按经济科目分，哪个科目最多？", tmp_path / "store")
    assert items.answered and items.value == 600.0 and "委托业务费" in items.answer, items.answer
    # the class asked by its level stays a class
    classes = ask("深圳市示例局2026年一般公共预算的项目支出按经济分类，哪一类最多？", tmp_path / "store")
    assert classes.answered and "商品和服务支出" in classes.answer and classes.value == 700.0, classes.answer


def test_a_top_row_holding_less_is_ranked_as_it_is():
    from qa.rank_dominant import items_of_dominant

    class Row:
        def __init__(self, code, value):
            self.code, self.value, self.label = code, value, code

    rows = [Row("301", 60.0), Row("30101", 60.0), Row("302", 40.0), Row("30201", 40.0)]
    assert items_of_dominant([(60.0, rows[0]), (40.0, rows[2])], rows, lambda r: r.value, None) is None
    assert items_of_dominant([(95.0, rows[0]), (5.0, rows[2])], rows, lambda r: r.value, None) is None  # one item
