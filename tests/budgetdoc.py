"""Build small budget documents for rule tests with the real text parser (our own wording, no corpus text)."""
from __future__ import annotations

from index.document import Document
from index.text import parse_text_string

TITLE = "某某局2024年部门预算"


def table(title: str, header: list[str], rows: list[list[str]], unit: str = "万元", note: str = "") -> str:
    lines = [title, "", f"单位：{unit}", "", "\t".join(header)] + ["\t".join(r) for r in rows]
    if note:
        lines += ["", note]
    return "\n".join(lines) + "\n"


EXPENDITURE = table(
    "部门支出总表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [["", "合计", "100.00", "60.00", "40.00"],
     ["210", "卫生健康支出", "100.00", "60.00", "40.00"],
     ["21015", "医疗保障管理事务", "100.00", "60.00", "40.00"],
     ["2101501", "行政运行", "60.00", "60.00", ""],
     ["2101502", "一般行政管理事务", "40.00", "", "40.00"]])


def make_doc(*paragraphs: str, tables: list[str] = (EXPENDITURE,), title: str = TITLE) -> Document:
    body = [title, ""]
    for p in paragraphs:
        body += [p, ""]
    for t in tables:
        body += [t, ""]
    return parse_text_string("\n".join(body), "budgetdoc.txt")
