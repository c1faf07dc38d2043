"""index/contents.py: the names the document's contents (目录) give its numbered tables."""
from index.contents import listed_names, name_tables
from index.document import Table


def _table(tid: str, title: str, number: str | None = None, grid: list[list[str]] | None = None) -> Table:
    return Table(id=tid, title=title, number=number, grid=grid or [])


def test_a_table_printed_under_a_sheet_name_gets_the_name_its_number_has_in_the_contents():
    toc = _table("t1", "", grid=[["报表", "报表名称"], ["表1", "部门收支总表"], ["表2", "财政拨款结转资金支出表"]])
    first, second = _table("t2", "部门收支总表", "表1"), _table("t3", "结转支出", "表2")
    name_tables([toc, first, second], [])
    assert second.listed_title == "财政拨款结转资金支出表"
    assert first.listed_title is None  # the page prints the contents' name itself


def test_contents_lines_count_only_when_they_end_as_contents_lines_do():
    lines = ["表1 部门收支总表……………3", "表2 结转支出表"]  # the second is a table's own caption line
    assert listed_names([], lines) == {"表1": "部门收支总表"}


def test_a_number_given_two_names_by_the_contents_is_left_alone():
    toc = _table("t1", "", grid=[["表1", "部门收支总表"], ["表1", "部门收入总表"]])
    assert listed_names([toc], []) == {}
