"""Template explanations in Chinese, one per rule kind: what was compared and what a reader should check."""
from __future__ import annotations

from rules.findings import Finding

_BY_KIND = {
    "narrative_vs_table": "情况说明中的金额应与所指表格单元格一致。{computation}。请核对文字或表格中哪一处有误。",
    "percentage": "百分比应由文中自身金额按打印精度重新计算得出。{computation}。请核对百分比或其所依据的金额。",
    "direction": "“增加/减少、大于/小于、持平”等方向用语应与数字一致。{computation}。请核对方向用语。",
    "arithmetic": "表内金额应满足加总关系（类＝Σ款＝Σ项、合计＝各项之和、小计＝分项之和），允许末位四舍五入误差。"
                  "{computation}。请核对表中相关行列。",
    "cross_table": "同一数量在不同表中应相等。{computation}。请核对两表口径或数字。",
    "completeness": "公开文件应包含规定的全部表格，空表须注明原因（如“故本表无数据”）。{computation}。",
    "count": "文中个数应与其所计数的表格行或分项一致。{computation}。",
    "metadata": "年份与单位名称应全文一致。{computation}。",
    "unit": "金额单位（元/万元）应一致，相差一万倍通常是单位写错。{computation}。",
    "wording": "公开文本不应保留模板占位符或未选定的表述。{computation}。请替换为实际内容。",
}


def explain(finding: Finding) -> str:
    text = _BY_KIND.get(finding.kind, "{computation}。").format(computation=finding.computation.rstrip("。"))
    return f"{finding.message}。{text}"


def with_template(finding: Finding) -> Finding:
    return finding.model_copy(update={"explanation": explain(finding), "explanation_source": "template"})
