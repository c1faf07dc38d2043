"""What a ranking question asks: which rank, and under which row its items are."""
from qa.rank_asks import names_row, nth, under_row


def test_the_rank_asked():
    assert nth("哪一项最大？") == 1
    assert nth("排第二的是哪个单位？") == 2


def test_the_row_the_items_are_put_under():
    rows = ["工资福利支出", "民政管理事务", "商品和服务支出"]
    # before 下面, the row's words however long the clause (…一般公共预算的民政管理事务)
    assert under_row("2026年一般公共预算的民政管理事务下面，哪个项级科目最小", rows).group("x").endswith("民政管理事务")
    # before 里, only a clause that ends with a row's label (its 支出 left unsaid)
    assert under_row("基本支出的工资福利里，哪一项金额最大", rows).group("x").endswith("工资福利")
    assert under_row("一般公共预算里，哪一项金额最大", rows) is None  # where to look, no row
    assert names_row("基本支出的工资福利", "工资福利支出") and not names_row("基本支出的工资福利", "商品和服务支出")
