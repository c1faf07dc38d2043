"""What each column of a table grid holds: a line number (行次, dropped), classification codes, the row label
(and the label of a side-by-side half), amounts or text. Read from the header paths and from the body cells.
"""
from __future__ import annotations

import re

from index.numbers import halfwidth, is_blank, parse_number

_CODE = re.compile(r"^\d{2,7}$")
_BRACKETED = re.compile(r"^[\[［【](\d{3,7})[\]］】]$")
_DOTTED = re.compile(r"^\d{3}(?:\.\d{2}){1,2}$")
_LINE_NO_HEADERS = ("行次", "栏次", "序号")
CODE_HEADERS = ("类", "款", "项")
TOTAL_WORDS = ("合计", "总计", "小计")


def is_numberish(cell: str) -> bool:
    return parse_number(cell) is not None


def code_of(cell: str) -> str:
    """A code cell as digits: brackets ([301], 【30101】) and dots (201.01.01) removed."""
    s = halfwidth(cell).strip()
    m = _BRACKETED.match(s)
    if m:
        return m.group(1)
    return s.replace(".", "") if _DOTTED.match(s) else s


def is_code(cell: str, short: bool = False) -> bool:
    """A classification code; `short` admits the 1-digit 款/项 parts some PDFs print without their leading 0."""
    s = code_of(cell)
    return bool(_CODE.match(s) or (short and s.isdigit() and len(s) == 1))


def column_roles(paths: list[list[str]], body: list[list[str]], width: int):
    """Classify columns: 'line' (行次, dropped), 'code', 'label', 'value'. Returns roles and label columns."""
    roles = ["value"] * width
    for j in range(width):
        joined = "".join(paths[j]) if j < len(paths) else ""
        col = [r[j] for r in body if j < len(r) and r[j]]
        # A 合计 label merged across the code columns says nothing about what the column holds.
        coded = [c for c in col if not any(c.endswith(w) for w in TOTAL_WORDS)]
        # 序 alone: a narrow 序号 column whose 号 slid into the next header cell.
        if (any(h in joined for h in _LINE_NO_HEADERS) or joined == "序") and all(c.isdigit() for c in col):
            roles[j] = "line"
        elif paths[j] and (paths[j][-1] in CODE_HEADERS or "编码" in joined or "代码" in joined) \
                and "名称" not in joined \
                and all(is_code(c, short := paths[j][-1] in CODE_HEADERS) or not is_numberish(c) for c in col) \
                and (not coded or sum(is_code(c, short) for c in coded) >= max(1, len(coded) // 2)):
            roles[j] = "code"
        elif re.search(r"编码|代码|编号", joined) and any(c.isdigit() for c in coded) \
                and all(c.isascii() and c.isdigit() or is_blank(c) for c in coded):
            roles[j] = "id"  # a unit or project number (1, 252001): an identifier, never an amount
        elif col and sum(not is_numberish(c) for c in col) >= max(1, int(len(col) * 0.6)):
            roles[j] = "text"
    # A table that prints its classification as 类|款|项 columns has one code; another code column beside them
    # (单位编码 201, 201001) numbers units: an identifier, not more digits of the classification.
    if any(roles[j] == "code" and paths[j] and paths[j][-1] in CODE_HEADERS for j in range(width)):
        for j in range(width):
            if roles[j] == "code" and not (paths[j] and paths[j][-1] in CODE_HEADERS) and "单位" in "".join(paths[j]):
                roles[j] = "id"
    # The first text column is the label; later text columns that head a repeated "项目" block are the
    # label of a side-by-side half. Other text columns (项目类型, 绩效指标) stay as value columns.
    labels: list[int] = []
    # A project list that opens with its 类型 (特定目标类 on every row) is labelled by its 项目名称 column.
    named = next((j for j in range(width) if roles[j] == "text" and paths[j] and paths[j][-1] == "项目名称"), None)
    first_text = next((j for j in range(width) if roles[j] == "text"), None)
    if named is not None and first_text is not None and first_text < named and "名称" not in "".join(paths[first_text]):
        labels.append(named)
        roles[named] = "label"
    # An identifier column (项目编号: A, C …) is never the label when a text column follows it.
    for j in range(width):
        # A 合计 merged across the identifier and name columns is read into the identifier column: not an id.
        col = [r[j] for r in body if j < len(r) and r[j] and r[j] not in TOTAL_WORDS]
        if roles[j] == "text" and re.search(r"编号|编码|代码", "".join(paths[j])) \
                and all(len(c) <= 8 and halfwidth(c).replace("-", "").isalnum() and c.isascii() for c in col) \
                and any(roles[k] == "text" for k in range(j + 1, width)):
            roles[j] = "value"
    for j in range(width):
        if roles[j] != "text":
            continue
        if not labels:
            labels.append(j)
            roles[j] = "label"
            continue
        first_leaf = paths[labels[0]][-1] if paths[labels[0]] else ""
        leaf = paths[j][-1] if paths[j] else ""
        top, first_top = (paths[j][0] if paths[j] else ""), (paths[labels[0]][0] if paths[labels[0]] else "")
        if (leaf and leaf == first_leaf) or ("收入" in first_top and "支出" in top):
            labels.append(j)
            roles[j] = "label"
        else:
            roles[j] = "value"
    if not labels and not body:
        # An empty table: the name column is known from its header alone.
        named = [j for j in range(width) if roles[j] == "value" and any(w in "".join(paths[j]) for w in ("名称", "项目"))]
        free = [j for j in range(width) if roles[j] == "value"]
        if named or free:
            labels.append((named or free)[0])
            roles[labels[0]] = "label"
    if not labels:
        # No text column: the first non-code column labels the rows (a lone totals row).
        for j in range(width):
            if roles[j] == "value" and not all(is_numberish(r[j]) or not r[j] for r in body if j < len(r)):
                labels.append(j)
                roles[j] = "label"
                break
    return roles, labels


def _next_text_column(labels: list[int], roles: list[str], width: int) -> int | None:
    """The column right of the only label column (code columns between), when it is not a label or code."""
    if len(labels) != 1:
        return None
    j = labels[0] + 1
    while j < width and roles[j] == "code":
        j += 1
    return j if j < width and roles[j] == "value" else None


def alternate_label(labels: list[int], roles: list[str], body: list[list[str]], width: int) -> int | None:
    """The text column right of the only label column (code columns between) when the two are never both
    printed on a line: the names under a column of unit names."""
    j = _next_text_column(labels, roles, width)
    if j is None:
        return None
    col = [r[j] for r in body if r[j]]
    if not col or sum(not is_numberish(c) for c in col) < len(col) * 0.9:
        return None
    both = sum(1 for r in body if r[labels[0]] and r[j])
    return j if both <= max(0, len(col) // 20) else None


def spanned_label(labels: list[int], roles: list[str], body: list[list[str]], width: int) -> tuple[int, bool] | None:
    """The text column right of the only label column when that column, not the label column, names each line:
    the label column's cells span several lines each (merged down and printed once, or repeated on every line)
    and the next column names every line. Returns that column, and whether the lines under every group cell are
    the same lines in the same order (one 预算单位 over 2025年 | 2026年 | 增减变化, under every 预算单位: the
    groups then nest line by line, see hierarchy.assign_grouped) rather than items of their own (项目 under a
    单位名称 repeated on each of its lines)."""
    j = _next_text_column(labels, roles, width)
    if j is None or len(body) < 2:
        return None
    # 合计 lines (often merged across both columns) belong to no group.
    items = [r for r in body if not any(c.endswith(TOTAL_WORDS) for c in (r[labels[0]], r[j]))]
    col = [r[j] for r in items]
    if len(col) < 2 or not all(col) or any(is_numberish(c) for c in col):
        return None
    groups = groups_of([r[labels[0]] for r in items])
    if groups is None or len(set(groups)) == len(groups):
        return None
    seqs = {tuple(col[i] for i, g in enumerate(groups) if g == k) for k in set(groups)}
    if len(seqs) == 1 and len(items) == len(body):
        seq = next(iter(seqs))
        return (j, True) if len(seq) >= 2 and len(set(seq)) == len(seq) else None
    return j, False


def groups_of(group_cells: list[str]) -> list[int] | None:
    """Group number of each line: a group starts at each printed cell that differs from the one above (a merged
    cell prints once, a repeated one on every line). None if the first line prints none."""
    if not group_cells or not group_cells[0]:
        return None
    out, k, last = [], -1, None
    for c in group_cells:
        if c and c != last:
            k, last = k + 1, c
        out.append(k)
    return out
