"""Turn a physical grid of cell strings (from a PDF or a tab-separated text) into a logical Table.

Both parsers end here, so a table means the same thing whichever form the document came in:
header rows become one header path per value column, 类|款|项 code columns become one code,
行次 columns are dropped, and side-by-side 收入|支出 layouts become one list of rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index import hierarchy
from index.columns import (CODE_HEADERS, TOTAL_WORDS, alternate_label, code_of, column_roles, is_code, is_numberish,
                           spanned_label)
from index.document import Row, Table
from index.numbers import halfwidth, is_blank, join_cjk, parse_number

# A classification code before a label: income 10x/11x, functional 2xx, economic 3xx/5xx (a number of another
# kind, such as a hotline 12333 opening a project name, is part of the name).
_CODE_AND_LABEL = re.compile(r"^[\[［【]?((?:1[01]|[235]\d)\d{1,5})[\]］】]?\s*[　 ]?([^\d\s年月日度%.,\]］】].*)$")


@dataclass
class GridRow:
    cells: list[str]
    page: int = 1
    # How far each cell's text starts right of the cell's left edge, in character widths (leading spaces or
    # x-offset): the indentation that nests rows without codes.
    indents: list[float] | None = None
    # The row has no top ruling, only the column rulings above the first row ruling of its page (PDF): the end of
    # a row broken over the page, begun on the page before.
    broken: bool = False


def _norm(cell: str | None) -> str:
    return join_cjk((cell or "").replace("\n", " "))


_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*\S")
_COLUMN_MARKS = {"栏次", "行次", "栏号", "序号", "*", "**", "***", "项目", "科目", "甲", "乙", "丙", "丁", "—", "-"}


def is_column_numbers(cells: list[str]) -> bool:
    """The row under a header that numbers its columns (栏次 | ** | 1 2 3 …, or 甲 乙 1 2 …): part of the header."""
    nums, marks = [], 0
    for c in cells:
        s = halfwidth(c).replace(" ", "")
        if not s:
            continue
        if s.isascii() and s.isdigit():  # not ¹ or ①, which isdigit() also accepts
            nums.append(int(s))
        elif s in _COLUMN_MARKS or s.startswith(("栏次", "行次")):
            marks += 1
        else:
            return False
    return len(nums) >= 2 and nums[0] in (0, 1) and all(b == a + 1 for a, b in zip(nums, nums[1:]))


def _is_body_row(cells: list[str]) -> bool:
    nonempty = [c for c in cells if c]
    if not nonempty:
        return False
    first = nonempty[0]
    if first.startswith("栏次") or first in ("类", "款", "项") or is_column_numbers(cells):
        return False
    if _CODE_AND_LABEL.match(first) or (is_code(first) and len(first) >= 3):
        return True
    if _ITEM.match(first) and not any(w in first for w in ("项目", "科目", "名称")):
        return True  # an item line (一、部门预算 …) that prints no amount is still a body line
    # A number in a row that also holds text is data; a row of bare small integers is a 栏次/序号 line.
    numbers = [c for c in nonempty if is_numberish(c)]
    if numbers and any("." in c or "," in c for c in numbers):
        return True
    return bool(numbers) and len(numbers) < len(nonempty)


def _is_blank_total(cells: list[str]) -> bool:
    """A 合计 row of a blank form (merged across the label columns, no amounts yet): the first body row when it
    comes right under the header; further down (a side-by-side form's 总计) it says nothing about the header."""
    return bool(cells) and cells[0] in ("合计", "总计") and all(c in ("", cells[0]) for c in cells)


def header_end(rows: list[list[str]]) -> int | None:
    """Index of the first body row, or None when no row reads as data (the header's extent is a guess)."""
    for i, cells in enumerate(rows):
        if _is_body_row(cells) or (i < 4 and _is_blank_total(cells)):
            return i
    return None


def split_header(rows: list[list[str]]) -> int:
    """Number of header rows at the top of a grid."""
    h = header_end(rows)
    return min(len(rows), 3) if h is None else h


def fill_spans(header_rows: list[list[str]]) -> list[list[str]]:
    """A text grid's header with each blank that continues a merged cell filled with that cell's text: the
    nearest text on its left, but never across the boundary of the parent cell above it."""
    width = max((len(r) for r in header_rows), default=0)
    rows = [list(r) + [""] * (width - len(r)) for r in header_rows]
    parent = [0] * width  # start column of the span each column belongs to, in the row above
    for row in rows:
        span = list(range(width))
        for j in range(1, width):
            if not row[j] and row[j - 1] and parent[j] == parent[j - 1]:
                row[j] = row[j - 1]
                span[j] = span[j - 1]
            elif not row[j] and parent[j] == parent[j - 1]:
                span[j] = span[j - 1]
        parent = span
    return rows


def realign_header(header_rows: list[list[str]]) -> list[list[str]]:
    """A text header put back where the source's merged cells were, before `fill_spans` reads its spans."""
    width = max((len(r) for r in header_rows), default=0)
    rows = [list(r) + [""] * (width - len(r)) for r in header_rows]
    _realign_groups(rows)
    if rows:
        _place_stray_leaves(rows)
    return rows


def _realign_groups(rows: list[list[str]]) -> None:
    """A text header that lost a blank before a merged cell: where a table heads its groups with 小计 first
    (基本支出 over 小计|人员经费|公用经费), a 小计 with nothing above it starts a group whose name slid one or more
    columns left, onto the previous group's members. Move that name over its 小计."""
    for upper, lower in zip(rows, rows[1:]):
        subs = [j for j, c in enumerate(lower) if c == "小计"]
        if not any(upper[j] for j in subs):
            continue  # this table does not put 小计 first: nothing to go by
        for k, j in enumerate(subs):
            if upper[j]:
                continue
            lo = subs[k - 1] if k else -1
            left = next((i for i in range(j - 1, lo, -1) if upper[i]), None)
            if left is not None and lower[left] and lower[left] != "小计":
                upper[j], upper[left] = upper[left], ""


def _place_stray_leaves(rows: list[list[str]]) -> None:
    """A text header's last row whose words were packed to the left, under the code and name columns
    (类|款|项|工资福利支出|对个人和家庭的补助): when exactly as many columns share one path as there are such words, the
    words are those columns' leaves, in order."""
    last = rows[-1]
    k = 0
    while k < len(last) and last[k] in CODE_HEADERS:
        k += 1
    if k == 0:
        return  # only a row that opens with 类|款|项 shows the packing
    named = [j for j in range(len(last)) if any(w in "".join(r[j] for r in rows[:-1]) for w in ("代码", "编码", "名称", "科目"))]
    stray = []
    for j in range(k, len(last)):
        if not last[j]:
            break
        if j not in named:
            return
        stray.append(j)
    if not stray:
        return
    filled = fill_spans(rows)
    paths = [tuple(r[j] for r in filled[:-1]) for j in range(len(last))]
    twins = [j for j in range(len(last)) if not last[j] and any(paths[j]) and j not in named
             and any(paths[i] == paths[j] for i in (j - 1, j + 1) if 0 <= i < len(last) and not last[i])]
    if len(twins) == len(stray):
        for src, dst in zip(stray, twins):
            last[dst], last[src] = last[src], ""


def header_paths(header_rows: list[list[str]], filled: bool) -> list[list[str]]:
    """One path per column. ``filled`` grids already repeat a merged cell's text in every column it spans
    (PDF parsing knows the spans); text grids leave them blank and are filled by `fill_spans`."""
    if not header_rows:
        return []
    width = max(len(r) for r in header_rows)
    rows = [list(r) + [""] * (width - len(r)) for r in header_rows] if filled else fill_spans(realign_header(header_rows))
    paths = []
    for j in range(width):
        path: list[str] = []
        for r in rows:
            if r[j] and (not path or path[-1] != r[j]):
                path.append(r[j])
        paths.append(path)
    return paths


def build_table(
    *,
    table_id: str,
    title: str,
    unit: str | None,
    grid: list[GridRow],
    header_rows: int | None = None,
    filled: bool = False,
    notes: list[str] | None = None,
    section: str | None = None,
) -> Table:
    width = max((len(g.cells) for g in grid), default=0)
    cells = [[_norm(c) for c in g.cells] + [""] * (width - len(g.cells)) for g in grid]
    h = split_header(cells) if header_rows is None else header_rows
    head, body = cells[:h], cells[h:]
    head = [r for r in head if not (r and r[0].startswith("栏次")) and not is_column_numbers(r)]
    body_pages = [g.page for g in grid[h:]]
    paths = header_paths(head, filled)
    paths += [[] for _ in range(width - len(paths))]
    roles, labels = column_roles(paths, body, width)

    # A unit column and a name column that take turns (预算单位 on the unit's line, 科目名称 on the coded lines
    # under it): one label, whichever of the two the line prints.
    second = alternate_label(labels, roles, body, width)
    if second is not None:
        roles[second] = "label2"
    spanned = spanned_label(labels, roles, body, width) if second is None else None
    group_names: list[str] | None = None
    if spanned is not None:
        keyed, cycled = spanned
        # The merged group cell stays a text column, its text repeated on each line it spans (every line then
        # names its unit); the lines are named by `keyed`.
        group_col = labels[0]
        roles[group_col], roles[keyed] = "value", "label"
        labels = [keyed]
        body = [list(r) for r in body]
        for prev, r in zip(body, body[1:]):
            r[group_col] = r[group_col] or prev[group_col]
        group_names = [] if cycled else None
    # Side-by-side halves: each label column, with the code columns just before it, starts a block that
    # owns every value column up to the next block.
    starts = []
    for bi, lab in enumerate(labels):
        s0 = lab
        while bi and s0 - 1 >= 0 and roles[s0 - 1] == "code":
            s0 -= 1
        starts.append(0 if bi == 0 else s0)
    starts = starts or [0]
    if len(starts) > 1 and any(not any(roles[j] == "value" for j in range(lo, hi))
                               for lo, hi in zip(starts, starts[1:] + [width])):
        # Two name columns but one set of amounts (单位预算 and 政府预算 economic codes side by side):
        # one row per line, the second code and name kept as text columns.
        for j in range(starts[1], width):
            if roles[j] in ("label", "code"):
                roles[j] = "text"
        labels, starts = labels[:1], starts[:1]
    blocks: list[tuple[int | None, list[int], list[int]]] = []  # (label col, code cols, value cols)
    for bi, lo in enumerate(starts):
        hi = starts[bi + 1] if bi + 1 < len(starts) else width
        lab = labels[bi] if labels else None
        region = range(lo, hi)
        # A block's codes are printed before its label; a code column after it (政府经济科目编码 beside the
        # 部门经济科目 of the line) is another classification of the same line, kept as text.
        for j in region:
            if roles[j] == "code" and lab is not None and j > lab and not (second is not None and j < second):
                roles[j] = "text"
        blocks.append((lab, [j for j in region if roles[j] == "code"],
                       [j for j in region if roles[j] in ("value", "text", "id")]))

    value_cols = [j for _, _, vs in blocks for j in vs]
    vcols_of_ids = [j for j in value_cols if roles[j] == "id"]
    header = [_clean_path(paths[j]) for j in value_cols]
    col_index = {j: i for i, j in enumerate(value_cols)}
    label_header = "/".join(paths[labels[0]]) if labels and paths[labels[0]] else ""

    headings = _block_headings(blocks, paths)
    per_block: list[list[Row]] = [[] for _ in blocks]
    block_indents: list[list[float]] = [[] for _ in blocks]
    lines = 0
    unit_lines: list[bool] = []  # (one block, a unit column): whether each row is a unit's line
    body_indents = [g.indents for g in grid[h:]]
    for cells_row, page, indents in zip(body, body_pages, body_indents):
        if cells_row and cells_row[0].startswith("栏次") or is_column_numbers(cells_row):
            continue  # a column-number row repeated on a continuation page
        printed = False
        for (lab, codes, vcols), rows, rows_indent, heading in zip(blocks, per_block, block_indents, headings):
            label = cells_row[lab] if lab is not None else ""
            if not label and second is not None and len(blocks) == 1:
                label = cells_row[second]
                if indents is not None and max(lab, second) < len(indents):  # a ragged row may lack them
                    indents = list(indents)
                    indents[lab] = indents[second] + 1  # the name column sits right of the unit column
            if not label and lab is not None:  # 合计 printed in another text column (类型|项目名称|项目单位)
                label = next((c for c in cells_row if c in TOTAL_WORDS), "")
            if not label and lab is not None:
                # a line the label column leaves blank (a merged 年度主要任务 cell over the 任务名称 column): named
                # by its text column that the header calls a name (a name, not a paragraph written in that column)
                label = next((cells_row[j] for j in vcols if roles[j] == "value" and paths[j] and "名称" in
                              paths[j][-1] and 0 < len(cells_row[j]) <= 40 and not is_numberish(cells_row[j])), "")
            code_parts = [code_of(cells_row[j]) for j in codes if cells_row[j]]
            digits = [p for p in code_parts if p.isdigit()]
            # 款 and 项 parts are two digits each ("301" + "2" is 30102).
            code = "".join(p if i == 0 else p.zfill(2) for i, p in enumerate(digits)) or None
            if code and len(code) <= 2 and len(digits) == 1 and rows:
                # A 款 printed by its own two digits under its 类 (201 / 10 / 2011007): the class's code first.
                cls = next((r.code[:3] for r in reversed(rows) if r.code and len(r.code) >= 3), None)
                code = cls + code.zfill(2) if cls else code
            text_in_code = [p for p in code_parts if not p.isdigit()]
            if not label and text_in_code:
                label = text_in_code[0]
            m = _CODE_AND_LABEL.match(halfwidth(label)) if label and not code else None
            if m and len(m.group(1)) in (3, 5, 7):
                code, label = m.group(1), label[len(label) - len(m.group(2)):].strip()
            values: list[float | None] = [None] * len(value_cols)
            raw: list[str] = [""] * len(value_cols)
            percent: list[int] = []
            dashes: list[int] = []
            for j in vcols:
                k = col_index[j]
                raw[k] = cells_row[j]
                n = parse_number(cells_row[j]) if roles[j] == "value" else None
                if n is not None:
                    values[k] = n.value
                    if n.percent:
                        percent.append(k)
                elif roles[j] == "value" and cells_row[j] and is_blank(cells_row[j]):
                    dashes.append(k)
            if not label and not code and all(v is None for v in values) and not any(raw):
                continue
            if len(blocks) > 1 and not label and not code and all(v is None for v in values):
                continue
            rows.append(Row(label=label, code=code, values=values, page=page, cells=raw, percent=percent,
                            dashes=dashes, block=heading))
            if second is not None and len(blocks) == 1:
                unit_lines.append(bool(cells_row[lab]) and not code)
            if group_names is not None:
                group_names.append(cells_row[group_col])
            rows_indent.append(_indent(label, indents, lab))
            # A 合计 line of an empty form (no amount printed) is no data line.
            printed = printed or not (label in TOTAL_WORDS and not code and all(v is None for v in values))
        lines += printed
    # Side-by-side halves read one after the other: all 收入 rows, then all 支出 rows; each nested on its own.
    rows = []
    for block_rows, block_indent in zip(per_block, block_indents):
        if group_names is not None and len(blocks) == 1:
            hierarchy.assign_grouped(block_rows, group_names)
        else:
            hierarchy.assign(block_rows, block_indent)
            hierarchy.repair(block_rows, _numbered(block_rows, [col_index[j] for j in vcols_of_ids]))
        if len(blocks) == 1:
            _units(block_rows, unit_lines)
        for r in block_rows:
            if r.parent is not None:
                r.parent += len(rows)
        rows.extend(block_rows)

    pages = sorted({g.page for g in grid}) or [1]
    return Table(
        id=table_id, title=title, unit=unit, pages=pages, header=header, rows=rows,
        label_header=label_header, notes=list(notes or []), section=section, grid=cells,
        columns=[p[-1] if p else "" for p in paths], lines=lines,
    )


# The code of a classification item: 功能 and 经济 classes print 3, 5 or 7 digits (201, 20101, 2010101; 30101).
_CLASS_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")


def _units(rows: list[Row], unit_lines: list[bool] | None) -> None:
    """Each row's unit: the unit line it is printed under (itself for a unit's line), when the table prints the
    blocks of several units (a department, its own office 本级 and its subordinate units: each unit's items under
    its line). The unit lines are those printed in the unit column (`unit_lines`), or, in a table of one name column,
    the uncoded lines named as organisations (…局, …中心, X（本级）) under which the same items are printed again (a
    unit's 工资福利支出, 基本工资… under each). A table of one unit (its line, perhaps again as 本级) says whose
    figures they are by its document."""
    from index.entity import ORG_SUFFIX, clean_name

    flat = False
    if unit_lines:
        names = {i: rows[i].label for i, line in enumerate(unit_lines) if line and rows[i].label}
    else:
        # (a unit's other name in brackets after its own: 深圳市深圳河湾流域管理中心（深圳市治理深圳河办公室）;
        # a unit's number before it, 125002, which no classification item's code looks like)
        heads = [i for i, r in enumerate(rows) if (not r.code or not _CLASS_CODE.fullmatch(r.code)) and
                 len(r.label) >= 4 and
                 re.sub(r"\([^()]*\)$", "", clean_name(halfwidth(r.label))[0]).endswith(ORG_SUFFIX)]
        items = {i: {r.label for r in rows if r.parent == i} for i in heads}
        if heads and not any(items.values()):
            # a table without nesting (each item's code says its class, not its unit): a unit's items are the
            # lines printed after its line, up to the next unit's
            flat = True
            ends = heads[1:] + [len(rows)]
            items = {i: {r.label for r in rows[i + 1:end]} for i, end in zip(heads, ends)}
        names = {i: rows[i].label for i in heads
                 if any(len(items[i] & items[j]) >= 2 for j in heads if j != i)}
    if len({clean_name(halfwidth(n))[0] for n in names.values()}) < 2:
        return
    current: int | None = None
    for i, r in enumerate(rows):
        if flat:
            current = i if i in names else (None if i in heads else current)
            r.unit = names.get(current) if current is not None else None
            continue
        j: int | None = i
        seen = 0
        while j is not None and j not in names and seen < len(rows):
            j, seen = rows[j].parent, seen + 1
        r.unit = names.get(j) if j is not None else None


_GENERIC_HEADING = re.compile(r"^(?:项目|科目|名称|项目名称|科目名称|收入项目|支出项目|预算科目)$")


def _block_headings(blocks: list[tuple[int | None, list[int], list[int]]], paths: list[list[str]]) -> list[str | None]:
    """The heading of each side-by-side half that names its items beyond 项目 and beyond what its amounts' columns
    say: 支出功能分类科目（按大类） and 政府预算支出经济分类科目（按大类） of a 收支总表 that prints both
    classifications beside its income (their amounts are all headed 支出/预算数, so only this tells them apart)."""
    out: list[str | None] = []
    for lab, _, vcols in blocks:
        said = {w for j in vcols for w in paths[j]}
        words = [w for w in (paths[lab] if lab is not None else []) if w not in said and not _GENERIC_HEADING.match(w)]
        out.append(words[-1] if words and len(blocks) > 1 else None)
    return out if len({h for h in out if h}) > 1 else [None] * len(blocks)


def _numbered(rows: list[Row], id_cols: list[int]) -> list[bool] | None:
    """Which rows print an identifier (a unit's number) in the table's identifier column, when some do and
    some do not; None otherwise."""
    if not id_cols:
        return None
    marks = [any(c < len(r.cells) and r.cells[c].strip().isdigit() for c in id_cols) for r in rows]
    return marks if any(marks) and not all(marks) else None


def _indent(label: str, indents: list[float] | None, col: int | None) -> float:
    if indents is not None and col is not None and col < len(indents):
        return indents[col]
    return 0.0


def _clean_path(path: list[str]) -> list[str]:
    # "项目" above every column of a block says nothing about the column.
    cleaned = [p for p in path if p not in ("项目",)]
    return cleaned or path
