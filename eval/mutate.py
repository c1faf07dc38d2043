"""Mutation benchmark: inject one contradiction into a clean document, with its ground truth (kind, page, numbers).

Operators work on a line view of the document, so the same operator edits a text file (tab-separated tables,
form feeds between pages) and a PDF's text layer (a line is redacted with pymupdf and re-typed with the change),
which exercises the PDF parser too. Each operator lists every place it could act; `cases_for` picks a few.
"""
from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Callable

from index.numbers import halfwidth
from rules.checks.cross_table import ROW_TABLES
from rules.pack import load_pack
from rules.semantics import code_kind, is_unit_name
from eval.mutation import Case, Mutation  # noqa: F401  (the benchmark's data, used from here)
from eval.mutate_meta import YEAR, _doc_year, _entity, entity_change, placeholder, year_change
from eval.mutate_sound import AMOUNT, clause_before, flip_shows, names_row, quoted, rate_basis, table_names
from eval.mutate_view import (CJK, MONEY, TOTAL_ROW, Edit, Line, PdfView, Segment, TextView, _fmt, _bumped,  # noqa: F401
                              _sentence,
                              _doc_kind, _narrative_lines, _num, _segments, _sub, split_row, title_type,
                              view)

SHARE = re.compile(r"占(?:比)?(?:为)?\s*(\d+(?:\.\d+)?)\s*%")
CHANGE_RATE = re.compile(r"(增长|下降)\s*(\d+(?:\.\d+)?)\s*%")
COMPLETION = re.compile(r"完成(?:年初)?预算的\s*(\d+(?:\.\d+)?)\s*%")
DIRECTION = re.compile(r"((?:比|较)[^，。；,;]{0,24}?)(增加|减少)(\s*)(\d[\d,]*(?:\.\d+)?)(\s*)万元")
COUNT = re.compile(r"(项目\s*|涉及项目\s*|共有车辆\s*)(\d+)(\s*)(个|辆)")
PROJECT_TABLE = re.compile(r"项目支出.{0,8}表\s*$")
CODE7 = re.compile(r"^\d{7}$")


Candidate = Mutation
Operator = Callable[[object, random.Random], list[Candidate]]


# ---------------------------------------------------------------- operators (each lists all candidates)


def _quoted_amounts(v, minimum: float = 0.0):
    """(line, match, value) of every narrative amount quoted from a table, in reading order: the table prints the
    value on a row the sentence names (its label, or for a total row the table's header words or type), so a
    reader can pair the two. A value that only happens to stand somewhere in the tables (5.00万元 of a 资产维修
    维护费 beside a 印刷费 row of 5.00) is constrained by nothing there, and changing it contradicts no table."""
    table = table_names(v)
    year = _doc_year(v)
    for i in _narrative_lines(v):
        text = v.lines[i].text
        before = v.lines[i - 1].text if i and not v.is_table_line(i - 1) else ""
        for m in AMOUNT.finditer(text):
            old = _num(m.group(1))
            names = table.get(round(old, 2)) if old else None
            if not (old and old >= minimum and names and quoted(text, m)):
                continue
            subject = clause_before(before + text, len(before) + m.start())
            # A figure the sentence gives for another year (2025年“三公”经费预算 in a 2026 document) is not the one
            # this year's tables print, even when the values agree.
            own = re.split(r"[，。；;,:：]", subject)[-1]  # the amount's own clause, not the item named before it
            other = {int(y.group(1)) for y in YEAR.finditer(own)} - {year}
            if names_row(subject, names) and not (year and other):
                yield i, m, old


def narrative_amount(v, rng) -> list[Mutation]:
    """Change an amount the narrative quotes from a table: a row the sentence names prints it (_quoted_amounts), so
    the changed figure contradicts that row for a reader. An amount whose value only happens to stand in some
    table is never changed: nothing on the page ties the two."""
    out = []
    for i, m, old in _quoted_amounts(v):
        new = _bumped(old, m.group(1), rng)
        text = _sub(v.lines[i].text, m, 1, _fmt(new, m.group(1)))
        out.append(Mutation("narrative_amount", "narrative_vs_table", v.lines[i].page, [old, new],
                            f"narrative amount {m.group(1)} -> {_fmt(new, m.group(1))}万元",
                            # The amount may be the current value of a change sentence: its rate and direction
                            # then disagree with it too.
                            [Edit(i, text)], also=["percentage", "direction", "arithmetic", "cross_table"]))
    return out


def _percent_operator(name: str, pattern: re.Pattern, group: int) -> Operator:
    def op(v, rng) -> list[Mutation]:
        out = []
        for i in _narrative_lines(v):
            for m in pattern.finditer(v.lines[i].text):
                old = _num(m.group(group))
                if old is None or old == 0 or old >= 99.5 and name == "share":
                    continue
                # The sentence may begin on the line before (a PDF line is part of a sentence).
                before = (v.lines[i - 1].text if i else "") + v.lines[i].text[:m.start()]
                if name == "change_rate" and not rate_basis(before.split("。")[-1]):
                    continue
                new = round(old + rng.choice([-1, 1]) * max(1.5, old * 0.15), 2)
                if new <= 0:
                    new = round(old + max(1.5, old * 0.15), 2)
                printed = f"{new:.{max(1, len(m.group(group).split('.')[1]) if '.' in m.group(group) else 0)}f}"
                text = _sub(v.lines[i].text, m, group, printed)
                # A misstated change rate may fit the other direction (8.1% = 74.52÷(847.01＋74.52)): read as a
                # wrong direction word, it is the same contradiction.
                out.append(Mutation(name, "percentage", v.lines[i].page, [float(printed)],
                                    f"{name} {m.group(group)}% -> {printed}%", [Edit(i, text)],
                                    also=["direction"] if name == "change_rate" else []))
        return out
    op.__name__ = name
    op.__doc__ = f"Misstate a {name.replace('_', ' ')} (percentage)."
    return op


share = _percent_operator("share", SHARE, 1)
change_rate = _percent_operator("change_rate", CHANGE_RATE, 2)
completion_rate = _percent_operator("completion_rate", COMPLETION, 1)


def direction_word(v, rng) -> list[Mutation]:
    """Flip 增加 <-> 减少 in a year-on-year comparison, leaving the numbers alone."""
    out = []
    for i in _narrative_lines(v):
        for m in DIRECTION.finditer(v.lines[i].text):
            amount = _num(m.group(4))
            if not amount:
                continue
            flipped = "减少" if m.group(2) == "增加" else "增加"
            text = _sub(v.lines[i].text, m, 2, flipped)
            # The rate that follows says 增长/下降 B%: flip it too, so only the direction is wrong. Without a
            # rate the sentence holds nothing the direction must agree with, and a flip contradicts nothing.
            tail = text[m.end(2):]
            rate = re.match(r"([^。；;]{0,20}?)(增长|下降)\s*\d[\d.]*\s*%", tail)
            if not rate:
                continue
            word = "下降" if rate.group(2) == "增长" else "增长"
            pos = m.end(2) + rate.start(2)
            before = ((v.lines[i - 1].text if i else "") + v.lines[i].text[:m.start()]).split("。")[-1]
            if not flip_shows(before, amount, text[pos + 2:]):
                continue
            text = text[:pos] + word + text[pos + 2:]
            out.append(Mutation("direction_word", "direction", v.lines[i].page, [amount],
                                f"direction {m.group(2)} -> {flipped} before {m.group(4)}万元", [Edit(i, text)],
                                also=["percentage", "narrative_vs_table"]))
    return out


def _row_label(row) -> str:
    return "".join(c for _, _, c in row if _num(c) is None)


def _first_value(row, skip_codes: bool = True):
    for line, part, cell in row:
        x = _num(cell)
        if x is None or x == 0:
            continue
        digits = halfwidth(cell).strip()
        if skip_codes and re.fullmatch(r"\d{1,9}", digits) and row.index((line, part, cell)) < 3:
            continue  # classification codes or a row number (序号), not amounts
        if re.search(r"\d\s+\d", digits):
            continue  # several numbers run together in one PDF line (数量 and codes): no single amount to change
        return line, part, cell, x
    return None


def table_total(v, rng) -> list[Mutation]:
    """Break a 合计/总计 row so it no longer equals the sum of its parts."""
    rows = [r for r in v.rows() if re.search(r"合\s*计|总\s*计", _row_label(r))]
    return _bump_first_values(v, rows, "table_total", "total", rng)


def _bump_first_values(v, rows, operator: str, what: str, rng) -> list[Mutation]:
    """Move the first amount of each row far beyond rounding: a sum that no longer adds up (kind arithmetic)."""
    out = []
    for row in rows:
        hit = _first_value(row)
        if hit:
            line, part, cell, old = hit
            new = _bumped(old, cell, rng)
            out.append(Mutation(operator, "arithmetic", v.lines[line].page, [old, new],
                                f"{what} {cell} -> {_fmt(new, cell)} ({_row_label(row)[:12]})",
                                [Edit(line, _fmt(new, cell), part)], also=["cross_table", "narrative_vs_table"]))
    return out


def _is_item_row(row) -> bool:
    cells = [halfwidth(c).strip() for _, _, c in row]
    if cells and CODE7.match(cells[0]):
        return True
    return len(cells) > 3 and bool(re.fullmatch(r"\d{3}", cells[0]) and re.fullmatch(r"\d{2}", cells[1])
                                   and re.fullmatch(r"\d{2}", cells[2]))


def hierarchy_item(v, rng) -> list[Mutation]:
    """Change a 项 row (7-digit or 类|款|项 code) so its 款/类 parent no longer adds up."""
    return _bump_first_values(v, [r for r in v.rows() if _is_item_row(r)], "hierarchy_item", "item row", rng)


def _keyed_rows(v, seg: Segment, entity: str | None) -> tuple[float | None, dict[tuple[str, str], tuple]]:
    """A table's grand total (first amount of its 合计/总计 row) and its classified rows keyed by (code, label), each
    with its first amount cell; rows named after a unit, repeated keys and rows without amounts are left out."""
    total = None
    rows: dict[tuple[str, str], list] = {}
    for row in seg.rows:
        code, label, amounts = split_row(v, seg, row)
        if not amounts:
            continue
        if amounts[0][3] is None:
            continue  # several numbers in one PDF line: no single cell to change
        if TOTAL_ROW.match(label) and not code:
            total = total if total is not None else amounts[0][3]
            continue
        if not label or code_kind(code) is None and (code or len(label) < 4):
            continue  # a unit code (036), an unlabelled row, or a short label with nothing to key it by
        if is_unit_name(label) and code_kind(code) is None or entity and (label in entity or entity in label):
            continue
        rows.setdefault((code, label), []).append(amounts[0])
    return total, {k: c[0] for k, c in rows.items() if len(c) == 1 and c[0][3]}


def table_disagree(v, rng) -> list[Mutation]:
    """Change the amount of a row that two standard tables of the same scope print alike (same code and label, same
    first amount, equal grand totals: 支出总表 and 一般公共预算支出表 of a unit funded only by 一般公共预算), in one
    table only. Tables of different scopes may differ legitimately (carry-overs), so they are never paired."""
    entity = _entity(v)
    tables = []
    for seg in _segments(v):
        if seg.type in ROW_TABLES:
            total, rows = _keyed_rows(v, seg, entity)
            if total:
                tables.append((seg, total, rows))
    out = []
    seen = set()
    for a, ta, ra in tables:
        for b, tb, rb in tables:
            if a is b or abs(ta - tb) > 1e-6 * max(abs(ta), 1):
                continue
            for key, (line, part, cell, old) in ra.items():
                if key not in rb or abs(rb[key][3] - old) > 1e-9 or (line, part) in seen:
                    continue
                seen.add((line, part))
                new = _bumped(old, cell, rng)
                out.append(Mutation("table_disagree", "cross_table", v.lines[line].page, [old, new],
                                    f"{key[0]} {key[1][:12]} {cell} -> {_fmt(new, cell)} in one table only",
                                    [Edit(line, _fmt(new, cell), part)], also=["arithmetic", "narrative_vs_table"]))
    return out


def unit_slip(v, rng) -> list[Mutation]:
    """Print an amount in 元 while the text still says 万元 (×10,000): only an amount quoted from a row the sentence
    names (_quoted_amounts), so the slipped figure has a printed figure of the same subject to be read against."""
    out = []
    for i, m, old in _quoted_amounts(v, minimum=1):
        new = round(old * 10_000, 2)
        text = _sub(v.lines[i].text, m, 1, f"{new:,.2f}" if "," in m.group(1) else f"{new:.2f}")
        out.append(Mutation("unit_slip", "unit", v.lines[i].page, [old, new],
                            f"{m.group(1)}万元 printed as {new:.2f}万元", [Edit(i, text)],
                            also=["narrative_vs_table", "percentage", "arithmetic", "direction"]))
    return out


def count_change(v, rng) -> list[Mutation]:
    """Change a count (projects, vehicles) so it no longer matches the rows it counts.

    Only counts the document lets a reader verify: vehicles broken down after 其中, projects when a project table
    lists them. A count with nothing to count against cannot be contradicted by changing it."""
    listed = any(PROJECT_TABLE.search(ln.text) and "绩效" not in ln.text for ln in v.lines)
    out = []
    for i in _narrative_lines(v):
        for m in COUNT.finditer(v.lines[i].text):
            if not (m.group(4) == "辆" and "其中" in v.lines[i].text[m.end():] or m.group(4) == "个" and listed):
                continue
            old = int(m.group(2))
            new = old + rng.choice([1, 2, 3])
            text = _sub(v.lines[i].text, m, 2, str(new))
            out.append(Mutation("count_change", "count", v.lines[i].page, [float(old), float(new)],
                                f"count {old} -> {new}{m.group(4)}", [Edit(i, text)]))
    return out


def remove_table(v, rng) -> list[Mutation]:
    """Drop a required table (title, header and rows, every page of it): only a table whose removal leaves one of
    the required groups of this kind of document (rules/pack.yaml required_tables) with no table at all; removing
    an optional table (项目支出表), or one whose group another table still satisfies, contradicts nothing."""
    if isinstance(v, PdfView):
        return []  # a PDF table spans boxes we cannot remove cleanly; covered by emptying instead
    groups = load_pack().required_tables.get(_doc_kind(v), [])
    segs = [s for s in _segments(v) if s.type and s.type != "performance"]
    out = []
    for seg in segs:
        others = {s.type for s in segs if s is not seg}
        unmet = [g for g in groups if seg.type in g and not others & set(g)]
        if not unmet or len(others) < 3:
            continue
        edits = [Edit(i, None) for i in range(seg.title, seg.last_line + 1)]
        # Narrative amounts quoted from the removed table are then looked up in the tables that remain.
        out.append(Mutation("remove_table", "completeness", 0, [],
                            f"removed table '{v.lines[seg.title].text.strip()[:20]}'", edits,
                            also=["narrative_vs_table"]))
    return out


NO_DATA_NOTE = re.compile(r"无数据|空表|没有|为空|不涉及|未安排")


def empty_table(v, rng) -> list[Mutation]:
    """Blank every amount of a table that has amounts (every page of it) and drop any note under it, so the table
    stands empty with nothing saying why. Codes, labels and 行次/栏次 numbers stay. A table whose rows run on past
    what the view reads of it is left alone: blanking part of it leaves a table with amounts, not an empty one."""
    out = []
    for seg in _segments(v):
        if not seg.type or seg.type == "performance":
            continue
        cells = [a for row in seg.rows for a in split_row(v, seg, row)[2]]
        if not any(x is None or x for _, _, _, x in cells):
            continue  # already empty: removing its note only matters if nothing else explains it
        if _runs_past(v, seg):
            continue
        edits = []
        if isinstance(v, TextView):
            by_line: dict[int, set[int]] = {}
            for i, part, _, _ in cells:
                by_line.setdefault(i, set()).add(part)
            for i, parts in by_line.items():
                edits.append(Edit(i, "\t".join("" if k in parts else c for k, c in enumerate(v.cells(i)))))
        else:
            for i, _, cell, _ in cells:
                rest = MONEY.sub("", cell).strip()
                edits.append(Edit(i, rest if CJK.search(rest) else None))
        last = seg.last_line
        for i in range(last + 1, min(len(v.lines), last + 5)):
            if NO_DATA_NOTE.search(v.lines[i].text) and not v.is_table_line(i):
                edits.append(Edit(i, None))
        out.append(Mutation("empty_table", "completeness", v.lines[seg.title].page, [],
                            f"emptied table '{v.lines[seg.title].text.strip()[:20]}'", edits,
                            also=["cross_table", "narrative_vs_table", "arithmetic"],
                            explains=sorted({x for _, _, _, x in cells if x})))
    return out


def _runs_past(v, seg: Segment) -> bool:
    """The table's rows go on past a line the view reads as a sentence that sits inside the table (a 项目简介 cell
    in the right half of the page, beside each project's row): blanking what the view holds of the table would
    leave the later rows' amounts standing."""
    if not isinstance(v, PdfView):
        return False
    last = v.lines[seg.last_line]
    rows = {i for row in seg.rows for i, _, _ in row}
    below = sorted((ln.bbox[1], i) for i, ln in enumerate(v.lines)
                   if ln.page == last.page and i not in rows and ln.bbox and ln.bbox[1] > last.bbox[3])
    right = max((ln.bbox[2] for ln in v.lines if ln.page == last.page and ln.bbox), default=0)
    for _, i in below:
        ln = v.lines[i]
        if title_type(ln.text):
            return False
        if _sentence(ln.text.strip()):
            # A paragraph starts at the left margin; a cell of words starts inside the table's width.
            inside = ln.bbox[0] > 0.4 * right
            return inside and any(v.is_table_line(j) and (_num(v.lines[j].text) or 0) >= 1000 for _, j in below)
    return False


OPERATORS: list[Operator] = [
    narrative_amount, share, change_rate, completion_rate, direction_word, table_total, hierarchy_item,
    table_disagree, unit_slip, count_change, remove_table, empty_table, year_change, entity_change, placeholder,
]


def candidates(path: Path, seed: int = 0) -> dict[str, list[Mutation]]:
    v = view(path)
    rng = random.Random(f"{Path(path).name}:{seed}")
    return {op.__name__: op(v, rng) for op in OPERATORS}


def cases_for(path: Path, out_dir: Path, per_operator: int = 2, seed: int = 0) -> list[Case]:
    """Write up to `per_operator` mutated copies of `path` per operator into out_dir, spread over the document."""
    path = Path(path)
    v = view(path)
    rng = random.Random(f"{path.name}:{seed}")
    out_dir.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    for op in OPERATORS:
        found = list({(m.page, m.description): m for m in op(v, rng)}.values())
        if not found:
            continue
        picks = rng.sample(found, min(per_operator, len(found)))
        for n, mutation in enumerate(picks):
            case_id = f"{path.stem}.{op.__name__}.{n}"
            target = out_dir / f"{case_id}{path.suffix}"
            v.write(mutation.edits, target)
            cases.append(Case(case_id, path, target, mutation))
    return cases
