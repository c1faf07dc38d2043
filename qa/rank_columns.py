"""Rankings whose items are a table's columns, not its rows: a "三公" table printed with the years as rows (2025年,
2026年, 增减变化) and 因公出国(境)费, 公务接待费, 公务用车… as column groups; a 收入决算表 whose total row splits
本年收入合计 into 财政拨款收入, 事业收入, 其他收入. The items are read on one row (the year asked, or the table's
total) as its column groups: a group's amount is its 小计/合计 columns when it prints them, else the sum of its
columns by fund (一般公共预算 + 政府性基金预算 + …); a group named as a total (总计, 本年收入合计) is the whole.

Two shapes say the items are columns: a table whose rows are only years (it has no row items at all), and a question
naming a total column of a table (本年收入 of 本年收入合计: "本年收入里，哪一种来源最多") — the parts of that column
are its sibling columns."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.entity import ORG_SUFFIX, clean_name
from index.numbers import halfwidth
from qa.basis import shared_words
from qa.listed import counted
from qa.citations import cite
from qa.models import Answer, AnswerRow, Basis
from qa.phrase import FUND, clean, grams, norm
from qa.rank_blocks import by_block
from qa.rank_sections import by_section
from qa.rank import _OPWORDS, one_document, within
from qa.rank_asks import GAP_ASKED, SHARE_ASKED, followed_up, in_order, nth, whole_of
from qa.rank_coded_list import coded_list
from qa.scope import without_names
from qa.unit_row import other_unit, own_office_alone, row_unit

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

_YEAR_ROW = re.compile(r"^(?:20\d\d年度?(?:预算|决算)?数?|上年(?:预算|决算)?数?|本年(?:预算|决算)?数?|增减(?:变化)?(?:金额|额|数)?|"
                       r"增长率?|变化|增减率)$")
_TIME = re.compile(r"^(?:上一?年度?|当年|本年|去年|今年|增减变化(?:情况|金额)?|增减|20\d\d年度?)(?:预算|决算)?数?$")
_TOTAL_COLUMN = re.compile(r"^(?P<of>.*?)(?:合计|总计|小计)$")
_BY_SOURCE = re.compile(r"来源|资金渠道|哪(?:一|个)?(?:种|类|块)(?:钱|资金|经费)")  # ranked by what the money comes from
_GENERIC = re.compile(r"20\d\d年?度?|财政拨款|部门|预算|决算|经费|支出|收入|情况|明细|汇总|总|表")


def rows_by_table(chunks: list) -> dict[str, list]:
    """A document's row chunks with amounts, by their table's title."""
    by_table: dict[str, list] = {}
    for c in chunks:
        if c.kind == "row" and c.table and c.facts:
            by_table.setdefault(c.table, []).append(c)
    return by_table


def _paths(row) -> list[tuple[list[str], float, str]]:
    """A row's money cells as (column path, amount, column)."""
    return [([p for p in (f.get("column") or "").split("/") if p], float(f["value"]), f.get("column") or "")
            for f in row.facts if f.get("value") is not None and f.get("unit") in ("万元", "元", None)]


def this_year(paths: list, year: str) -> list[str]:
    """The branch of the year asked in columns split by year first (上年 / 当年 / 增减变化情况): [] when they are not."""
    heads = {p[0] for p, _, _ in paths if p}
    if len(heads) < 2 or not all(_TIME.match(h) for h in heads):
        return []
    return next(([h] for h in sorted(heads) if re.match(rf"(?:当年|本年|今年|{year}年)", h)), [])


def column_items(row, under: list[str] | None = None) -> tuple[float | None, list[tuple[str, float, str]]]:
    """(the whole, [(item, amount, its first column)]) of a row read by column groups (see the module's account),
    those under the column path `under` when given."""
    under = under or []
    groups: dict[str, list[tuple[list[str], float, str]]] = {}
    for parts, value, column in _paths(row):
        if parts[:len(under)] == under and len(parts) > len(under):
            parts = parts[len(under):]
            groups.setdefault(parts[0], []).append((parts[1:], value, column))
    whole, items = None, []
    for head, leaves in groups.items():
        subtotal = [x for x in leaves if x[0] and _TOTAL_COLUMN.match(x[0][0])]
        # a group's own 小计 columns when it prints them (its sub-items beside them are parts of it), else the
        # columns by fund directly under it (or the column itself)
        chosen = subtotal or [x for x in leaves if len(x[0]) <= 1]
        if not chosen:
            continue
        amount = round(sum(v for _, v, _ in chosen), 4)
        if _TOTAL_COLUMN.match(head):
            whole = amount if whole is None else whole
        else:
            items.append((head, amount, chosen[0][2]))
    return whole, items


def named_group(row, wanted: set[str], year: str) -> tuple[list[str], int] | None:
    """The column group the question names, with two or more items under it (一般公共预算拨款安排的“三公”经费预算
    beside 会议费 and 培训费), in the year's branch when the columns are split by year: (its path, the question's
    words it says), or None. The question must say most of its words' pairs (three in four)."""
    paths = _paths(row)
    base = this_year(paths, year)
    best = None
    for parts, _, _ in paths:
        if parts[:len(base)] != base:
            continue
        for depth in range(len(base) + 1, len(parts)):
            node = parts[:depth]
            said = len(wanted & grams(clean(node[-1])))
            kids = {p[depth] for p, _, _ in paths if p[:depth] == node and len(p) > depth}
            items = [k for k in kids if not _TOTAL_COLUMN.match(k)]
            if said >= 2 and said >= 0.75 * len(wanted) and len(items) >= 2:
                if best is None or said > best[1] or said == best[1] and len(node) > len(best[0]):
                    best = (node, said)
    return best


def title_said(title: str, wanted: set[str]) -> int:
    """How much of what a table is of (三公 of 财政拨款“三公”经费支出表, its framing words aside) the question's word pairs
    say (a title of one pair, said, counts as two)."""
    own = grams(clean(_GENERIC.sub("", norm(title))))
    return 2 * len(wanted & own) if len(own) == 1 else len(wanted & own)


def asked_unit_lines(rows: list, question: str) -> list:
    """The lines of the unit asked, in a table that prints each unit's years in a block of its own (预算单位: the
    department, its own office, each subordinate unit): its own office's when the question says 本级, else the
    department's (qa.unit_row.other_unit); every line of any other table."""
    mine = [r for r in rows if other_unit(r, question) is None]
    if own_office_alone(question):
        mine = [r for r in mine if clean_name(halfwidth(row_unit(r) or ""))[1] == "本级"] or mine
    return mine or rows


def year_row(rows: list, year: str, question: str = "") -> object | None:
    """The row of the year asked in a table whose rows are only years (None for any other table): the asked unit's,
    when the table prints each unit's years (asked_unit_lines)."""
    if len(rows) < 2 or not all(_YEAR_ROW.match(clean(r.label or "")) for r in rows):
        return None
    return next((r for r in asked_unit_lines(rows, question) if clean(r.label or "").startswith(year)), None)


# A ranking of units asked (哪个单位, 哪家下属单位, 哪个分局): what is named must be a unit.
# (哪一家 alone is not read as asking a unit: measured twice, it lost a right ranking on the blind set, see README;
# 哪一家 after the units it picks from is: 下属单位（不算局本级）里，哪一家)
UNIT_ASKED = re.compile(r"哪(?:个|家|一个|一家)?(?:下属|二级|所属|预算)?(?:单位|部门(?!经济|预算科目)|机构|分局|支队|中心|处室|科室)|"
                        r"(?:下属|二级|所属|预算)(?:单位|机构)[^哪。？?]{0,16}哪一?家")


def ranked(question: str, sc: Scope, retriever: Retriever, op: str, k: int, first: str | None = None,
           rest: str = "") -> Answer | None:
    """The largest/smallest item of one document: over a table's columns when they are its items, else over rows;
    or over a list the narrative prints when its head says more of what the question ranks than the table's list
    does ("X专项经费底下那十几个项目，哪个最贵": the projects the text lists under X, not a functional class of
    the same words)."""
    # "哪个下属单位最多" ranks units: a table's columns (its items) are none, and a row named by no organisation word
    # is no answer
    unit = UNIT_ASKED.search(first or question)
    # (…by a line each unit's block of a table prints, when the question names one: qa/rank_blocks.py)
    table = ((by_block(first or question, sc, retriever, op, k) if unit else
              across_columns(question, sc, retriever, op, k, first=first, rest=rest))
             or within(question, sc, retriever, op, k, first=first, rest=rest))
    if unit and table is not None and not any(clean_name(b.text)[0].endswith(ORG_SUFFIX)  # (X局（本级）: a unit)
                                              for b in table.basis if b.part == "row"):
        table = None
    # (the classes of a classification, asked of one fund: the narrative's coded list of that fund, unless the table
    # ranked says the fund too — a 收支总表 of all funds ranks other sums, qa/rank_coded_list.py)
    coded = coded_list(first or question, sc, retriever, op, k, nth(first or question), rest)
    # (a coded list is read only of a fund the question names: FUND finds it)
    if coded is not None and (table is None or not _says_fund(table, FUND.search(halfwidth(first or question))[0])):
        return coded
    if table is not None and (SHARE_ASKED.search(rest) or GAP_ASKED.search(rest)):
        return table  # (the follow-ups a table's cells answer: its share of the whole, its lead over the next; the
        # item's amount alone, 多少, any list answers)
    # (no table and no list: the units' own sections, each stating the item, qa/rank_sections.py)
    # (…nor a list of money: a list of counts, when a count is asked: 哪一类车最多？有几辆？)
    return _narrative_list(first or question, sc, retriever, op, k, table, rest) or table or \
        by_section(first or question, sc, retriever, op, k) or counted(question, sc, retriever, op, nth(first or question))


def _says_fund(table: Answer, fund: str) -> bool:
    """Whether the table ranked names the fund (in its title, rows or columns read)."""
    return fund in "".join([table.table or ""] + [b.text for b in table.basis] + [r.column or "" for r in table.rows])


# The items ranked are a classification's (哪个项级科目, 功能分类的项): a table's rows.
_CLASS_ITEMS = re.compile(r"[类款项]级(?:功能)?科目|(?:功能|经济)分类[^，,。？?]{0,8}[类款项]")
_NARRATIVE_SAID = re.compile(r"说明|列出|列了")  # (…unless the question says the narrative lists them)


def _narrative_list(question: str, sc: Scope, retriever: Retriever, op: str, k: int,
                    table: Answer | None, rest: str = "") -> Answer | None:
    """The ranking of a narrative list whose head says strictly more of the question's words than the name of the
    table list `table` ranked (the question's idf-weighted words, qa.items); None otherwise."""
    from qa.item_lists import ranked_list
    from qa.items import question_words, said_share
    from qa.listed import in_narrative

    if _CLASS_ITEMS.search(question) and not _NARRATIVE_SAID.search(question):
        return None  # (项级科目, 经济分类的类: the classification's rows, which no narrative list of things is…)
    found = ranked_list(question, sc, retriever, op)
    if found is None:
        return None
    if table is not None:
        # each list read with its items' names: what the question calls the parts (几块工作) may be said by one
        # list's items (…综合事务工作, 注册审批管理工作) and by none of the other's (行政运行)
        words = question_words(question, sc, retriever)
        named = " ".join(b.text for b in table.basis if b.part.startswith(("table", "row", "column")))
        rows = "".join(r.row or r.entity or "" for r in table.rows)
        listed = found.head + "".join(i.name for i in found.items)
        if said_share(words, listed) <= said_share(words, named + (table.table or "") + rows):
            return None
    return in_narrative(question, sc, retriever, op, k, nth(question), rest)


def across_columns(question: str, sc: Scope, retriever: Retriever, op: str, k: int, first: str | None = None,
                   rest: str = "") -> Answer | None:
    """The largest/smallest column item of the document's table the question names, when its items are columns
    (see the module's account); None otherwise, leaving the rows to qa.rank."""
    from qa.evidence import is_total_row

    if len(sc.keys) != 1:
        return None
    key, docs, chunks = one_document(sc, retriever)
    asked = halfwidth(without_names(first or question, docs, sc))
    wanted = grams(clean(_OPWORDS.sub(" ", asked)))
    years = re.findall(r"20\d\d", question)
    year = years[0] if years else str(docs[key].get("year") or "")
    best = None
    for title, rows in rows_by_table(chunks).items():
        row = year_row(rows, year, first or question) if year else None
        named, group, under = "", None, None
        if row is not None:
            said = title_said(title, wanted)
        else:
            total = next((r for r in rows if is_total_row(r)), None)
            if total is None:
                continue
            # a total column the question names by what it totals (本年收入 of 本年收入合计), four characters or more
            named = next((m.group("of") for f in total.facts if (m := _TOTAL_COLUMN.match(clean(f.get("column") or "")))
                          and len(m.group("of")) >= 4 and m.group("of") in clean(asked)), "")
            row, said = (total, len(grams(named))) if named else (None, 0)
            group = named_group(total, wanted, year) if row is None else None
            # (a table of one line, its title printed in the label cell: the line is the whole table)
            alone = len(rows) == 1 and clean(total.label or "") == clean(title)
            if group is not None:
                row, (under, said), named = total, group, group[0][-1]
            elif row is None and alone:
                # a table of one line, its columns the items (因公出国(境)费, 公务接待费…; split by year first or
                # not: 2025年预算数 / 2026年预算数): named by what the table is of, as a table of years as rows is
                said = title_said(title, wanted)
                row, under = (total, this_year(_paths(total), year)) if said >= 2 else (None, None)
            elif row is None and _BY_SOURCE.search(asked) and not _CLASS_ITEMS.search(asked):
                # "按钱的来源看" ranks what the table's total is paid from: the columns of its total row (一般公共预算
                # 拨款收入, 政府性基金…, 其他收入), in the table the question names by its own words (not a
                # classification's classes asked, 按部门经济分类的几大类里，哪一类钱最多: the rows)
                row, said = total, len(wanted & grams(clean(_GENERIC.sub("", norm(title)))))
        if row is None or said < 2:
            continue
        whole, items = column_items(row, under)
        if len(items) < 2 or best is not None and said <= best[0]:
            continue
        best = (said, title, row, whole, items, named)
    if best is None:
        return None
    _, title, row, whole, items, named = best
    items = in_order(items, op, lambda t: t[1])
    at = nth(first or question)
    if at > len(items):
        return None
    items = items[at - 1:] + items[:at - 1]
    name, value, column = items[0]
    word = ("最小" if op == "min" else "最大") if at == 1 else f"第{at}{'小' if op == 'min' else '大'}"
    # (the unit whose lines were read, when the table prints each unit's: the department's or its own office's)
    line = f"{unit}，{row.label}" if (unit := row_unit(row)) and unit != row.label else row.label
    text = f"{title}（{line}）中金额{word}的是“{name}”，{value:,.2f}万元"
    share = gap = None
    if SHARE_ASKED.search(rest):
        whole = whole or sum(v for _, v, _ in items)
        if not whole or value >= whole - 0.005:
            return None  # the largest item as large as the whole: the columns were not items
        share = round(100.0 * value / whole, 2)
        text += f"，占{named or whole_of(title)}的{share:.2f}%（{value:,.2f} ÷ {whole:,.2f}万元，由表中数字计算）"
    if GAP_ASKED.search(rest):
        gap = round(abs(value - items[1][1]), 4)
        text += f"，比第二位“{items[1][0]}”（{items[1][1]:,.2f}万元）多{gap:,.2f}万元"
    from qa.retrieve import Hit

    rows = [AnswerRow(entity=n, value=v, unit="万元", source=row.source, page=row.page, table=title, row=row.label,
                      column=c) for n, v, c in items[:10]]
    asked, asked_unit = followed_up(value, "万元", share, gap, rest)
    return Answer(question=question, answer=text + "。", value=asked, unit=asked_unit,
                  citations=[cite(Hit(row, 1.0))][:k], mode="structured",
                  table=title, row=row.label, column=column, rows=rows, confidence=round(min(1.0, best[0] / 4), 3),
                  basis=[Basis(part="table", text=title, words=shared_words(question, title)),
                         Basis(part="column", text=name, words=[f"{word}: {value:,.2f}"])])
