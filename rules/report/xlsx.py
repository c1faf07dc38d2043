"""The workbook finance staff open: a findings sheet with filters and a summary sheet."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill

from rules.findings import DocumentReport
from rules.report import Options, counts, evidence_text, kind_label, ordered, pages_of, rule_label, severity_label, \
    source_label

COLUMNS = [("文件", 28), ("页码", 8), ("严重程度", 9), ("类别", 12), ("问题", 26), ("说明", 50), ("期望值", 12),
           ("实际值", 12), ("单位", 6), ("计算过程", 40), ("证据", 60), ("解释", 50), ("解释来源", 9), ("规则编号", 26),
           ("问题编号", 14)]
_COLUMNS_EN = ["Document", "Pages", "Severity", "Kind", "Issue", "Finding", "Expected", "Actual", "Unit", "Computation",
               "Evidence", "Explanation", "Written by", "Rule id", "Finding id"]
_FILL = {"error": "FDE8E8", "warning": "FFF6DD", "info": "EEF5FF"}


def write(reports: list[DocumentReport], path: Path, options: Options | None = None) -> None:
    """Every finding one row, in reading order (severity, page), with the rule and finding ids in the last columns
    so that a reviewer can copy accepted ids into a baseline file."""
    lang = (options or Options()).lang
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单" if lang == "zh" else "Findings"
    ws.append([c for c, _ in COLUMNS] if lang == "zh" else _COLUMNS_EN)
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = width
        ws.cell(1, i).font = Font(bold=True)
    for r in reports:
        for f in ordered(r.findings):
            ws.append([_safe(v) for v in (
                Path(r.source).name, pages_of(f, lang), severity_label(f.severity, lang), kind_label(f.kind, lang),
                rule_label(f.rule, lang), f.message, f.expected, f.actual, f.unit, f.computation,
                evidence_text(f, lang, r.pages), f.explanation, source_label(f, lang), f.rule, f.id)])
            fill = PatternFill("solid", fgColor=_FILL[f.severity])
            for cell in ws[ws.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.cell(ws.max_row, 3).fill = fill
    _no_formulas(ws)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    summary = wb.create_sheet("汇总" if lang == "zh" else "Summary")
    summary.append(["文件", "单位", "年度", "类型", "错误", "警告", "提示", "规则失败", "解析错误"])
    for r in reports:
        c = counts(r)
        summary.append([_safe(v) for v in (Path(r.source).name, r.entity, r.year, r.kind, c["error"], c["warning"],
                                           c["info"], len(r.rule_failures), r.error or "")])
    summary.column_dimensions["A"].width = 40
    summary.freeze_panes = "A2"
    _no_formulas(summary)
    wb.save(path)


def _safe(value):
    """Document text as a plain cell: control characters Excel rejects removed."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _no_formulas(ws) -> None:
    # Document text that starts with "=" is text, never a formula Excel would run.
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
