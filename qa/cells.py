"""A table row's text cells: the words a row says besides its label and numbers (主要内容=…, 绩效目标=…)."""
from __future__ import annotations

import re


def _cells(chunk) -> list[tuple[str, str]]:
    """(column, value) of each cell the row's indexed text prints after its label (列=值；列=值)."""
    body = chunk.text.split("｜", 1)[-1]
    return [(c.split("=", 1)[0], c.split("=", 1)[1]) for c in re.split(r"[；;]", body) if "=" in c]


def text_cells(chunk) -> list[str]:
    """A row's cells that are text (主要内容=负责进京信访…), not its numbers; a text cell stating amounts of its own
    (主要原因=…交通补贴81.08万元) describes those amounts, not the row's, and is left out."""
    return [v for _, v in _cells(chunk)
            if re.search(r"[\u4e00-\u9fff]", v) and not re.search(r"\d\s*(?:亿元|万元|元)", v)]


def name_cells(chunk) -> list[str]:
    """A row's text cells under a column that names (项目名称, 一级项目名称=人才类专项经费), not those saying what it
    is for (绩效目标, 主要内容)."""
    return [v for k, v in _cells(chunk) if "名称" in k.split("/")[-1] and re.search(r"[\u4e00-\u9fff]", v)]
