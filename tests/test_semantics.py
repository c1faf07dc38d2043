from rules.analysis.tables import column_relations
from rules.pack import load_pack
from rules.semantics import Semantics, classify, code_kind, norm_label
from tests.budgetdoc import make_doc, table


def test_norm_label_drops_numbering_tags_and_punctuation():
    assert norm_label("（一）因公出国（境）费") == "因公出国境费"
    assert norm_label("一、一般公共预算") == "一般公共预算"
    assert norm_label("社会保障和就业支出（类）") == "社会保障和就业支出"


def test_code_kinds():
    assert code_kind("2101501") == "functional" and code_kind("30113") == "economic"
    assert code_kind("506101") is None and code_kind(None) is None


def test_classification_uses_aliases_not_exact_titles():
    pack = load_pack()
    doc = make_doc(tables=[table("某某局2024年一般公共预算“三公”经费支出情况表", ["项目", "合计", "公务接待费"], [["合计", "1.00", "1.00"]]),
                           table("2024年部门收支预算表", ["项目", "金额"], [["收入总计", "1.00"]])])
    assert [classify(t, pack) for t in doc.tables] == ["sangong", "overview"]


def test_lookup_maps_subject_to_row_and_column_cells():
    sem = Semantics.build(make_doc(), load_pack())
    key, cells = sem.lookup("2024年一般行政管理事务预算为")
    assert key == "一般行政管理事务" and {c.value for c in cells} == {40.0}
    key, cells = sem.lookup("其中基本支出")
    assert key == "基本支出" and cells[0].value == 60.0
    assert sem.lookup("机构运转经费") is None


def test_yuan_tables_are_normalised_to_wanyuan():
    doc = make_doc(tables=[table("部门支出总表", ["科目编码", "科目名称", "合计"],
                                 [["", "合计", "1,234,500.00"], ["2101501", "行政运行", "1,234,500.00"]], unit="元")])
    sem = Semantics.build(doc, load_pack())
    assert sem.lookup("行政运行")[1][0].value == 123.45


def test_column_groups_skip_qizhong_columns():
    doc = make_doc(tables=[table("部门收入总表", ["科目名称", "总计", "一般公共预算", "其中：财政拨款", "事业收入"],
                                 [["合计", "10.00", "8.00", "8.00", "2.00"]])])
    info = Semantics.build(doc, load_pack()).infos[0]
    paths = info.table.header
    rel = column_relations(info)
    assert rel and all("其中" not in "/".join(paths[m]) for _, ms in rel for m in ms)


def test_a_title_whose_year_differs_on_the_next_page_continues_its_table():
    from index.document import Row, Table
    from rules.semantics import merge_continued

    def piece(title, pages, label):
        return Table(id=label, title=title, pages=pages, header=[["合计"]],
                     rows=[Row(label=label, values=[1.0], page=pages[0], cells=["1.00"])])

    joined = merge_continued([piece("2022年收支总表", [3], "a"), piece("2024年收支总表", [4], "b")])
    assert len(joined) == 1 and [r.label for r in joined[0].rows] == ["a", "b"]
    apart = merge_continued([piece("2022年收支总表", [3], "a"), piece("2024年收支总表", [9], "b")])
    assert len(apart) == 2
