"""Citations of one answer are distinct passages; in a text document they say the line (and section) instead of
"page 1" of a 60 KB file, and the page where the text marks its pages."""
from qa.citations import distinct, locate
from qa.models import Citation


def c(text: str, source: str = "/d.txt", page: int = 1) -> Citation:
    return Citation(source=source, page=page, text=text, score=1.0)


def test_a_passage_inside_another_cited_one_is_dropped():
    para = "本年支出预算100.00万元，其中：基本支出60.00万元，项目支出40.00万元。"
    got = distinct([c("基本支出60.00万元"), c(para), c(para), c("三公经费12万元"), c(para, "/other.txt")])
    assert [x.text for x in got] == ["基本支出60.00万元", "三公经费12万元", para]  # row inside paragraph: kept once
    assert len(distinct([c(str(i) * 3) for i in range(9)], 5)) == 5


def test_text_citations_get_line_and_marked_page(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("某某局2024年部门预算\n一、概况\n职责如下。\n- 1 -\n二、收支情况\n本年支出预算100.00万元。\n",
                   encoding="utf-8")
    cites = [c("本年支出预算100.00万元。", str(doc)), c("职责如下。", str(doc))]
    locate(cites)
    assert (cites[0].line, cites[0].page) == (6, 2) and (cites[1].line, cites[1].page) == (3, 1)


def test_ask_prints_section_and_line_for_text_and_the_page_for_pdf():
    from docqa.commands.ask import _where

    text = Citation(source="/d.txt", page=1, text="x", score=1.0, section="二、收支情况", line=6)
    pdf = Citation(source="/d.pdf", page=9, text="x", score=1.0, section="二、收支情况")
    assert _where(text) == "二、收支情况 · 第 6 行" and _where(pdf) == "第 9 页 · 二、收支情况"


def test_a_passage_over_two_pdf_pages_cites_the_page_of_its_sentence(tmp_path):
    import pymupdf

    from index.chunk import Chunk
    from qa.citations import cite
    from qa.retrieve import Hit

    pdf = tmp_path / "two.pdf"
    doc = pymupdf.open()
    for line in ("（1）气象服务100.00万元，用于开展气象服务保障工作；", "（10）编外人员项目44.18万元，用于保障员额劳务费和体检费的开支。"):
        doc.new_page().insert_text((50, 80), line, fontname="china-s", fontsize=10)
    doc.save(pdf)
    text = "（1）气象服务100.00万元，用于开展气象服务保障工作；（10）编外人员项目44.18万元，用于保障员额劳务费和体检费的开支。"
    chunk = Chunk(id="p", source=str(pdf), kind="paragraph", pages=[1, 2], text=text)
    assert cite(Hit(chunk, 1.0), "（10）编外人员项目44.18万元，用于保障员额劳务费和体检费的开支。").page == 2
    assert cite(Hit(chunk, 1.0), "（1）气象服务100.00万元，用于开展气象服务保障工作；").page == 1
    assert cite(Hit(chunk, 1.0)).page == 1  # no sentence: the passage's first page
