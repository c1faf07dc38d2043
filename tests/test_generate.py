"""The generated sample disclosure carries every required table, consistent by construction: a clean sample gets
no finding at all, as text and as PDF, budget and final, in 万元 and in 元."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.generate import generate
from index.pdf import parse_pdf
from index.text import parse_text_string
from rules.engine import check_document

CASES = [("budget", "万元", "txt"), ("budget", "元", "pdf"), ("final", "万元", "pdf"), ("final", "元", "txt")]


def _doc(kind: str, unit: str, fmt: str, tmp_path: Path, seed: int = 11):
    sample = generate({"kind": kind, "unit": unit, "seed": seed, "entity": "示例县档案馆", "year": 2024})
    if fmt == "pdf":
        return sample, parse_pdf(sample.write_pdf(tmp_path / "sample.pdf"))
    return sample, parse_text_string(sample.text, "sample.txt")


@pytest.mark.parametrize("kind,unit,fmt", CASES)
def test_clean_sample_has_no_findings(kind, unit, fmt, tmp_path):
    _, doc = _doc(kind, unit, fmt, tmp_path)
    report = check_document(doc)
    assert [(f.severity, f.rule, f.message) for f in report.findings] == []
    assert not report.rule_failures


@pytest.mark.parametrize("kind,unit,fmt", CASES)
def test_fiscal_overview_agrees_with_the_other_tables(kind, unit, fmt, tmp_path):
    sample, doc = _doc(kind, unit, fmt, tmp_path)
    scale = 10000 if unit == "元" else 1
    title = "2024年财政拨款收入支出决算总表" if kind == "final" else "2024年财政拨款收支总表"
    tables = {t.title: t for t in doc.tables}
    fiscal = tables[title]
    assert fiscal.unit == unit
    rows = {r.label: r for r in fiscal.rows}
    total, gpb, carry = (sample.sample.facts[k] * scale for k in ("total", "gpb", "carry"))

    def first(label: str) -> float:
        return next(v for v in rows[label].values if v is not None)

    assert first("收入总计") == pytest.approx(total) and first("支出总计") == pytest.approx(total)
    assert first("一、本年收入") == pytest.approx(gpb) and first("二、上年结转") == pytest.approx(carry)
    assert first("一、本年收入") + first("二、上年结转") == pytest.approx(first("收入总计"))
    # Spending by 类 is the 类 rows of the expenditure table, and adds up to 本年支出.
    word = "决算" if kind == "final" else "预算"
    classes = {r.label: r.values[0] for r in tables[f"2024年部门支出{word}总表"].rows
               if r.code and len(r.code) == 3}
    spent = {label.split("）", 1)[1]: first(label) for label in rows if label.startswith("（") and "支出" in label}
    assert spent == pytest.approx(classes) and sum(spent.values()) == pytest.approx(first("一、本年支出"))
