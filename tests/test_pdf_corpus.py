"""The real Shanghai PDFs: every table the 目录 names is found with its title, unit and totals; real cells pinned."""
import re

import pymupdf
import pytest

from index.pdf import parse_pdf


def toc_tables(path) -> list[str]:
    """Table titles listed on the 目录 page, numbering stripped."""
    with pymupdf.open(path) as pdf:
        text = pdf[1].get_text()
    names = []
    for line in text.splitlines():
        line = re.sub(r"[.…]+\s*\d*\s*$", "", line).strip()
        line = re.sub(r"^(?:\d+\s*[.．]|[一二三四五六七八九十]+、)\s*", "", line)
        # Part headings ("五、部门预算表", "第二部分…部门决算表") introduce the tables; they are not tables.
        if line.endswith("表") and not line.endswith(("部门预算表", "部门决算表")):
            names.append(line.replace(" ", ""))
    return names


def total_row(table):
    return next(r for r in table.rows if r.label in ("合计", "收入总计", "总计"))


@pytest.fixture(scope="module")
def docs(pdf_paths):
    return {p.name: parse_pdf(p) for p in pdf_paths}


def test_every_listed_table_is_found_with_title_and_unit(docs, pdf_paths):
    for path in pdf_paths:
        doc = docs[path.name]
        titles = [t.title.replace(" ", "") for t in doc.tables]
        listed = toc_tables(path)
        assert len(listed) >= 9, path.name
        for name in listed:
            assert name in titles, f"{path.name}: {name} not found"
            table = doc.tables[titles.index(name)]
            expected_unit = "万元" if ("三公" in name and "shanghai" in path.name) or "template" in path.name else "元"
            assert table.unit == expected_unit, (path.name, name)


def test_document_facts(docs):
    office = docs["shanghai-putuo-gov-office-2025-dept-budget.pdf"]
    assert (office.kind, office.year, office.entity) == ("budget", 2025, "上海市普陀区人民政府办公室")
    street = docs["shanghai-putuo-wanli-street-2024-budget.pdf"]
    assert (street.kind, street.year, street.pages) == ("budget", 2024, 33)
    template = docs["final-accounts-template.pdf"]
    assert (template.kind, template.year) == ("final", 2024)


def test_real_cells_and_totals(docs):
    office = {t.title: t for t in docs["shanghai-putuo-gov-office-2025-dept-budget.pdf"].tables}
    overview = office["2025年部门财务收支预算总表"]
    assert total_row(overview).values[0] == 91016775.35
    expenditure = office["2025年部门支出预算总表"]
    assert expenditure.pages == [11, 12]  # continued over two pages, one table
    assert total_row(expenditure).values == [91016775.35, 24606775.35, 66410000.0]
    running = next(r for r in expenditure.rows if r.code == "2010301")
    assert running.label == "行政运行" and running.values[0] == 12029501.84
    assert office["2025年部门“三公”经费和机关运行经费预算表"].rows[0].values[0] == 867.5

    street = {t.title: t for t in docs["shanghai-putuo-wanli-street-2024-budget.pdf"].tables}
    spending = street["2024年部门支出预算总表"]
    assert spending.pages == [16, 17, 18, 19, 20]  # the last page holds only the 合计 row
    assert total_row(spending).values == [156211123.0, 99706020.0, 56505103.0]
    economic = street["2024年部门一般公共预算基本支出部门预算经济分类预算表"]
    assert next(r for r in economic.rows if r.label == "津贴补贴").code == "30102"
    assert street["部门“三公”经费和机关运行经费预算表"].rows[0].values[0] == 47.91


def test_sentences_keep_their_numbers(docs):
    office = docs["shanghai-putuo-gov-office-2025-dept-budget.pdf"]
    assert any("9,101.68万元" in p.text and p.page == 6 for p in office.paragraphs)
