"""The largest or smallest item within one document: the rows under the row or table the question names (the
款 under a 类 by their codes — 30201… under 302 商品和服务支出 —, or every item row of a table it names:
培训费明细表, "三公"经费表), compared by their amount; the answer names the item, its figure and its row."""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.basis import shared_words
from qa.citations import cite
from qa.phrase import OTHER_COLUMN, PREVIOUS, clean, grams, is_unit, norm
from qa.models import Answer, AnswerRow, Basis
from qa.question import FEW, MEASURES, POINTER
from qa.rank_asks import (GAP_ASKED, SHARE_ASKED, as_many_as_said, asks_office_projects, asks_unit, class_of_items,
                          columns_said, followed_up, fund_only, in_order, label_says, names_another, names_row, nth,
                          spending_asked_income_read, spent_as_printed, under_row, units_counted, whole_of)
from qa.rank_codes import asked_classification, classification, coded_groups, same_classification
from qa.rank_by import COUNTED, IN_TABLE, PART_COLUMN, RATED, column_name, count_unit, named_column
from qa.rank_dominant import items_of_dominant
from qa.rank_end import closed_at
from qa.rank_owner import (OFFICE, blocks, group_heads, rounding_slack, told_apart, unit_projects, units_item,
                           without_totals)
from qa.rank_unit_years import unit_year_lines
from qa.scope import without_names
from qa.split_rows import merged
from qa.unit_row import named_whole

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

_YEAR_TOTAL = re.compile(r"^本年(?:支出|收入)合计")
_RECONCILING = re.compile(r"结转|结余|未安排|总计|年末")
TOTAL_ROW = re.compile(r"^(?:合计|总计|小计|本年支出合计|支出合计|本年收入合计|收入合计|支出总计|收入总计)")  # a table's total row
_SUMMARY = re.compile(r"收支总表|收支总体情况表|收入总表|(?<!项目)支出总表")  # the standard summary tables
_MEASURE_LABEL = re.compile(r"[（(](?:万元|元|千元)[）)]|^(?:资金)?金额|预算数$")
# (of the items, 几期 / 各项 / 这些 say how many, and 哪一期 which: no words of what they are)
_OPWORDS = re.compile(r"最多|最高|最大|最少|最低|最小|金额|预算|是多少|多少|哪一?[大小]?[类笔种款块" + MEASURES + r"]|哪(?:一)?部分|"
                      + FEW + r"[" + MEASURES + r"]|各[" + MEASURES + r"]|这些|那些|中|里|的|是|按|看|"
                      r"明细|[？?，,。]|largest|smallest|highest|lowest|most|least", re.I)


def _amount(chunk, years: set[str] | None = None) -> float | None:
    """A row's amount: its first money column (合计 / 金额 / 预算数 … comes first in these tables); with the `years`
    asked, the first that is not another year's (2025年预算数 printed before 2026年预算数) nor a change, if any."""
    fact = _money(chunk, years)
    return float(fact["value"]) if fact else None


def _money(chunk, years: set[str] | None = None) -> dict | None:
    money = [f for f in chunk.facts if not COUNTED.search(f.get("column") or "")  # (人数, 天数: counts)
             and f.get("unit") in ("万元", "元", None) and f.get("value") is not None]
    if years:
        this = [f for f in money if not OTHER_COLUMN.search(c := f.get("column") or "") and
                (not (said := set(re.findall(r"20\d\d", c))) or said & years)]
        money = this or money
    return money[0] if money else None


def _summed_children(rows: list) -> list[tuple[object, list]]:
    """Parents found by the identity a correct table obeys (a row = the sum of the rows under it), for tables that
    print no codes: each row followed by two or more rows adding up to it, within rounding. Read top down: rows
    inside a group found are not parents themselves (a leaf and its next siblings can add up by chance)."""
    values = [_amount(r) for r in rows]
    out = []
    i = 0
    while i < len(rows):
        head, total = rows[i], values[i]
        i += 1
        if not total or total <= 0:
            continue
        running, kids = 0.0, []
        for r, v in zip(rows[i:], values[i:]):
            if v is None:
                break
            running += v
            kids.append(r)
            tolerance = rounding_slack(len(kids))
            if abs(running - total) <= tolerance and len(kids) >= 2:
                out.append((head, kids))
                i += len(kids)
                break
            if running > total + tolerance:
                break
    # a row printing the amount of the head after it heads the same rows (全额 over the unit over 专用项目 over a
    # group of projects: each the single part of the one above)
    kids_of = {id(h): kids for h, kids in out}
    for i in range(len(rows) - 2, -1, -1):
        if id(rows[i]) not in kids_of and id(rows[i + 1]) in kids_of and values[i] and values[i + 1] is not None \
                and abs(values[i] - values[i + 1]) <= 0.01:
            kids_of[id(rows[i])] = kids_of[id(rows[i + 1])]
            out.append((rows[i], kids_of[id(rows[i])]))
    return out


def _tables(chunks: list) -> dict[tuple[str, str, str | None], list]:
    """The row chunks of each table, by (source, title, block): a table of side-by-side halves (a 收支总表 printing its
    spending by function and by economic class, each half headed) is as many lists as halves."""
    by_table: dict[tuple[str, str, str | None], list] = {}
    for c in chunks:
        if c.kind == "row" and c.table:
            by_table.setdefault((c.source, c.table, c.block), []).append(c)
    return by_table


def _groups(chunks: list, units: bool = False) -> list[tuple[str, str, object, list]]:
    """(name, kind, head chunk, item chunks): every row with children (by codes: the 款 under a 类; else by sums),
    and every table's top-level item rows; with `units`, also every table's item rows at any level (a unit's row
    in a table by unit sits between its department's and its own projects')."""

    out = []
    for (_, table, block), rows in _tables(chunks).items():
        title = block or table
        # (a row named as the document's unit is its own office's, not the total, when the table prints another 合计)
        printed = {round(a, 2) for r in rows if TOTAL_ROW.match(norm(r.label or "")) and (a := _amount(r)) is not None}
        # (after the year's total printed below the items, the rows that take it to the 总计, 结转下年 and the
        # like, are no items)
        end = next((i for i, r in enumerate(rows) if i >= 2 and _YEAR_TOTAL.match(norm(r.label or ""))), len(rows))
        closed = closed_at(rows, _amount, _is_total)
        items = [r for i, r in enumerate(rows) if (a := _amount(r)) is not None and (
            not _is_total(r) or printed and _own_office_row(r) and round(a, 2) not in printed)
            and not (i > end and _RECONCILING.search(norm(r.label or ""))) and i < closed]
        for block_rows in blocks(rows):  # (each unit's block of a table by unit: its codes are its own)
            out += coded_groups(block_rows)
        codes = {r.code for r in rows if r.code}
        if codes:
            tops = [r for r in items if r.code and len(r.code) == 3] or \
                [r for r in items if not r.code or len(r.code) <= 3]
            # 款 and 项: the 5- and 7-digit rows of a functional classification
            levels = {"款": [r for r in items if r.code and len(r.code) == 5],
                      "项": [r for r in items if r.code and len(r.code) == 7]}
            if len(codes) < len(items) / 2:
                # codes on a few rows only (each unit's, over its uncoded projects): the projects' nesting is read
                # from the sums, as in a table with no codes
                out += [(head.label or "", "row", head, kids) for head, kids in _summed_children(items)
                        if not head.code]
                # (and each coded unit's own projects; all units' together are the table's, when they add up to
                # its 合计: 专项业务经费支出表列的具体项目)
                per_unit = unit_projects(items, _amount)
                out += [g for g in per_unit if len(g[3]) >= 2]
                projects = [r for g in per_unit for r in g[3]]
                if per_unit and (total := next((_amount(r) for r in rows if TOTAL_ROW.match(norm(r.label or ""))), None)) \
                        and abs(sum(_amount(r) for r in projects) - total) <= rounding_slack(len(projects)):
                    tops = projects
        else:
            summed = _summed_children(items)
            inner = {id(k) for _, kids in summed for k in kids}
            heads = {id(h) for h, _ in summed}
            out += [(head.label or "", "row", head, kids) for head, kids in summed]
            tops = [r for r in items if id(r) not in inner]
            # A first row that adds up the rows under it and is as much as the table's 合计 is the whole printed on
            # top (一、部门预算 over 1、机关工资福利支出 …): its rows are the table's items.
            totals = {round(a, 2) for r in rows if _is_total(r) and (a := _amount(r)) is not None}
            whole = next((kids for head, kids in summed if head is items[0] and round(_amount(head), 2) in totals), None)
            if whole:
                tops = [k for r in tops for k in (whole if r is items[0] else [r])]
            # (a head listed beside the rows it adds up, a chain's: not an item of theirs)
            top_ids = {id(r) for r in tops}
            tops = [r for r in tops if not any(h is r and any(id(k) in top_ids for k in kids) for h, kids in summed)]
            levels = {"项": [r for r in items if id(r) not in heads]}  # the leaves: rows with no rows under them
        out += _named_groups(items)
        if tops:
            out.append((title, "table", rows[0], tops))
        if units:
            out.append((title, "table", rows[0], items))
            if by_unit := unit_year_lines(rows):  # (each unit's lines of years: the units, by this year's)
                out.append((title, "table", rows[0], by_unit))
        out += [(title, f"table:{level}", rows[0], level_items) for level, level_items in levels.items()
                if level_items and level_items != tops]
    return out


# Of the words a ranking question says of what it ranks, the group ranked (its name and table) must say this share:
# "福彩公益金项目中，不算…的那部分，哪一类用途" is not ranked over 彩票公益金安排的支出 for sharing 公益金. (Rankings of
# units read only the rows that name units, and a classification asked reads its own table: neither needs it.)
MIN_SAID = 0.15
# (哪个项目: the projects themselves, the rows with none under them)
# (项级/款级 name the level; the last level of the functional classification, 最末一级/最细, is its 项)
_LEVEL = re.compile(r"哪一?(类|款|项)(?!目)|几大(类)|(?:功能|经济)?大(类)|哪一?个?(项)目|(类|款|项)级|"
                    r"最(?:末|后|底|细|小)(?:一)?(?:级|层)|最细")
# What a ranking leaves out, up to its 外 (除工资福利支出外金额最大的), a comma, or the bracket it is said in
# (（不算局机关本身）)
EXCEPT = re.compile(r"(?:除(?:了|去|开)?|不算|扣除|排除|撇开|撇除|抛开|刨去|刨除|剔除)(?P<x>[^，,。？?（）()]{2,30}?)"
                    r"(?:(?:以外|之外|外)[，,]?|[，,]|(?=[）)]))")
BEHIND = re.compile(r"(?:排在|排名在|仅次于|次于)(?P<x>[^，,。？?的]{2,20}?)(?:后面|之后|后头|后)?的")


def _level(question: str) -> str | None:
    """The level a question asks the item at: 类, 款 or 项 (the classification's own words)."""
    m = _LEVEL.search(halfwidth(question))
    return next((g for g in m.groups() if g), "项") if m else None


def _is_total(row) -> bool:
    """A table's total row: 合计/总计/小计…, or a row named like the table or its unit (evidence.is_total_row)."""
    from qa.evidence import is_total_row

    return is_total_row(row) or bool(TOTAL_ROW.match(norm(row.label or "")))


_NAMED_PART = re.compile(r"^(?P<whole>[^-—－]{2,}?)\s*[-—－]+\s*(?P<part>\S.*)$")


def _named_groups(items: list) -> list[tuple[str, str, object, list]]:
    """Rows a table names as parts of one thing printed nowhere as a row (交通运输专项资金-民航业领域,
    交通运输专项资金-港航业领域): the thing's parts, two at least."""
    by_whole: dict[str, list] = {}
    for r in items:
        m = _NAMED_PART.match(norm(r.label or ""))
        if m:
            by_whole.setdefault(m.group("whole"), []).append(r)
    return [(whole, "named", kids[0], kids) for whole, kids in by_whole.items() if len(kids) >= 2]


def _printed_twice(valued: list[tuple[float, object]]) -> bool:
    """An item of the (amount, row) list printed again with another amount, its split lines already summed
    (`merged`): 行政运行 under two 款 is two items, by their two codes."""
    labels = [(c.code, norm(c.label or "")) for _, c in valued]
    return len(set(labels)) < len(labels)


def _own_office_row(row) -> bool:
    label = norm(row.label or "")
    return bool(row.entity) and label == norm(row.entity) and not TOTAL_ROW.match(label)


def _table_total(chunks: list, table: str | None, amount=_amount, at_least: float = 0.0) -> float | None:
    """The amount of a table's total row (read by `amount`: in the column the items were ranked by), if it prints
    one, never less than an item of it, `at_least` (a form's rows named after its table total none of its tasks)."""
    return next((a for c in chunks if c.kind == "row" and c.table == table and _is_total(c)
                 and ((a := amount(c)) is None or a >= at_least)), None)


def quoted(question: str) -> list[str]:
    """The names a question quotes as where it looks, three characters at least (“三公” is a word of a title, not a
    name); not the item it puts before the one asked (排在“X”后面) nor the one it leaves out (除了“X”)."""
    return re.findall(r"[“\"]([^”\"]{3,30})[”\"]", BEHIND.sub(" ", EXCEPT.sub(" ", halfwidth(question))))


def one_document(sc: Scope, retriever: Retriever) -> tuple[str, dict, list]:
    """The key of the one document a question names, the manifest's documents, and that document's chunks (only
    this document is read)."""
    key = next(iter(sc.keys))
    docs = retriever.documents()
    ids = set(docs[key].get("chunk_ids") or [])
    view = retriever.chunks()
    return key, docs, [view[cid] for cid in view if cid in ids]


def within(question: str, sc: Scope, retriever: Retriever, op: str, k: int, first: str | None = None,
           rest: str = "") -> Answer | None:
    """The largest/smallest item: `first`, the question that names it (the whole question by default); `rest`,
    follow-ups the same cells answer (its share, its lead over the next; see qa.rank_follow_ups)."""
    if len(sc.keys) != 1:
        return None
    key, docs, chunks = one_document(sc, retriever)
    # "排在X后面的第二大类", "仅次于X的": X is the item ranked before the one asked, not what the items are
    asked_of = halfwidth(without_names(first or question, docs, sc))
    behind = BEHIND.search(asked_of)
    # "除了那笔2亿元的文化产业发展专项资金，哪个项目最多": X is left out of the items, and names none of them
    left_out = EXCEPT.search(asked_of)
    subject = _OPWORDS.sub(" ", BEHIND.sub(" ", EXCEPT.sub(" ", asked_of)))
    wanted = grams(clean(subject))
    vocab = retriever.vocabulary()  # (项目经费 names the 项目支出 table)
    spent = grams(clean(spent_as_printed(subject, vocab.columns | set(vocab.terms))))

    funds = fund_only(asked_of)  # (before the asking words are cut: 预算 of 一般公共预算 is one)

    def said_of(name_grams: set[str]) -> int:  # the question's words a name says, read either way (a fund, whole)
        unsaid = set() if funds <= name_grams else funds  # (a fund the name says in part is no word it says)
        return max(len((w - unsaid) & name_grams) for w in (wanted, spent))
    if not wanted:
        return None
    scored = []
    level = _level(question)
    names_table = bool(IN_TABLE.search(halfwidth(question)))
    asked = asked_classification(first or question)
    units = asks_unit(first or question)
    groups = _groups(chunks, units)
    tables = functools.cache(lambda: _tables(chunks))  # (read once, and only when a ranking needs a table's rows)
    under = under_row(asked_of, [g[0] for g in groups if g[1].startswith("row")])  # the row whose items are asked

    own = norm(docs[key].get("name") or "")

    def put_under(name: str, head=None) -> bool:  # the row the question puts the items under
        # (…or a coded unit of the department the question names whole: its own projects, 医疗保险基金管理中心哪个项目;
        # or the coded unit printed under the department's own name when the question asks its office, 局机关本级)
        return bool(under) and names_row(under.group("x"), name) or \
            head is not None and bool(head.code) and is_unit(name) and (named_whole(name, asked_of) or office_block(name, head))

    office_asked = not units and asks_office_projects(EXCEPT.sub(" ", asked_of))

    def office_block(name: str, head) -> bool:  # the department's own office's block, when the question asks the office
        return office_asked and head is not None and bool(head.code) and norm(name) == own
    leveled = {g[0] for g in groups if g[1] == f"table:{level}"}  # tables that print the level asked
    leveled_rows = {id(g[2]) for g in groups if g[1] == f"row:{level}"}  # rows whose items at that level are read
    projects = bool(re.search(r"哪一?个?项目|(?:各个?|几个|每个|所有|具体)项目", halfwidth(first or question)))  # (the items)
    ranked_by: dict[int, str] = {}  # a group of units ranked by an item of their blocks: the item's label
    named_twice = Counter(g[0] for g in groups)
    for name, kind, head, items in groups:
        if kind.startswith(("table:", "row:")) and kind.split(":")[1] != level:
            continue
        if projects and not (under and head.code and put_under(name, head)) and _SUMMARY.search(norm(head.table or "")):
            continue  # 哪个项目: a summary table's rows are never projects (but a named class's 项: 公安款下面的几个项目)
        if kind == "row" and id(head) in leveled_rows:
            continue  # 哪个项目 under a 类: its 项, not its 款
        if kind == "row" and level == "类" and any(len(r.code or "") > 3 for r in items):
            continue  # 哪一类: a row's coded items are 款 or 项, never 类 (一般公共预算 names no 一般公共服务支出)
        if units:
            # "哪个下属单位最多": the items are the rows that name units, the department's own office aside
            # (…with it when the question counts the units with it: 四家预算单位 of the office and three below)
            # (a row named as the department, beside the table's 合计, is its own office's)
            office = {id(r) for r in items if OFFICE.search(r.label or "") or norm(r.label or "") == own}
            named = [r for r in items if is_unit(r.label or "") or id(r) in office]
            if units_counted(first or question) != len(named):
                named = [r for r in named if id(r) not in office]
            # (…by an item each unit's block prints, when the question names one: 哪家的住房公积金最多)
            # (the table's rows, not only its top items: the item may be printed under each unit's projects)
            by_item = units_item(subject, named, tables()[head.source, head.table, head.block], _amount)
            items = by_item[1] if by_item else named
            if by_item:
                ranked_by[id(head)] = by_item[0]
            elif names_another(subject, name, items, vocab):
                continue  # (the units' totals answer no question of a quantity their table prints nowhere)
        if len(items) < 2:
            continue  # a list of one ranks nothing (a form's single row: 资金金额（万元）)
        if not units and named_twice.get(name, 0) > 1 and \
                _printed_twice(merged([(_amount(c) or 0.0, c) for c in items])):
            continue  # (a class's items in each unit's block, 水利's under every unit: no one list, where another list
            # of its name, the whole's, may be)
        if under and not units and not (put_under(name, head) or label_says(head.table or "", under.group("x"))):
            continue  # “委托咨询业务”下面: the items of that row or table, not of another the words fit
        if kind == "table" and name in leveled:
            continue  # the level asked is printed: not the top rows
        same = same_classification(asked, classification(items)) if asked else None
        if same is False and kind.startswith("table"):
            continue  # 政府预算经济分类 asked: the 部门预算 one's rows (301…) are other items, not a reading of it
        said = said_of(grams(clean(name))) + (2 if same else 0)
        # (rows of units: what they are compared by, 收入, may be one word; so may the row the question puts the items
        # under, “水利”这一款下面, a name of two characters)
        # (…or with the column it ranks them by, when the question names one the items print: 收入表里的事业收入)
        if said < (0 if office_block(name, head) else 1 if units or put_under(name, head) else 2) and \
                said_of(grams(clean(name)) | columns_said(items, subject)) < 2:
            continue
        # The table a row group sits in, when the question names it too (基本支出 of 基本支出总表's 商品和服务支出).
        framed = len((wanted - grams(clean(name))) & grams(clean(head.table or ""))) if kind.startswith("row") else 0
        score = (said / max(len(grams(clean(name))), 1) + (said + 0.5 * framed) / len(wanted)
                 + (0.2 if kind.startswith("row") else 0.0)
                 + (0.5 if level and kind in (f"table:{level}", f"row:{level}") else 0.0)
                 # "专项业务经费支出表里": a question that names a table asks for that table's items, not for the
                 # rows under a row of the same words in another table
                 + (1.0 if names_table and kind.startswith("table") else 0.0)
                 + (2.0 if kind.startswith("row") and put_under(name, head) else 0.0))
        scored.append((score, name, kind, head, items))
    scored = scored if units else as_many_as_said(scored, first or question)
    best = told_apart(sorted(scored, key=lambda g: -g[0]), chunks, first or question, own, _amount)
    if best is None:
        return None
    _, name, kind, head, items = best
    named = grams(clean(name)) | grams(clean(head.table or ""))
    if not asked and not units and not put_under(name, head) and said_of(named) < MIN_SAID * len(wanted):
        return None  # the group says too little of what the question ranks: another list is meant (unless it is the
        # row the question puts the items under)
    printed = {f.get("column") or "" for c in items for f in c.facts or []}  # (…or a column: “2025年预算数”那一栏)
    if any(not any(label_says(x, q) for x in printed | {f"{name}{head.table or ''}"}) for q in quoted(asked_of)):
        return None  # a name the question quotes (“水务工程运行与维护”拆成的几块) is where it looks: not this list
    # (a label naming a measure, 资金金额（万元）, is a form's header read as a row: no item)
    # (…or a count it names, 参训人数最多: the 人数 column, not the rows' amounts)
    column = named_column(first or question, items, docs[key].get("year"))
    if column and not units and not COUNTED.search(leaf := column_name(column)) and not RATED.search(leaf) and \
            (COUNTED.search(first or question) or not PART_COLUMN.search(leaf)):
        column = None  # (a money column named beside a count asked: the rows' amounts, as before)
    # (the year asked, else the document's: not the year before's column printed first, unless it is asked)
    years = None if PREVIOUS.search(first or question) else \
        set(re.findall(r"(20\d\d)年", halfwidth(first or question))) or {str(docs[key].get("year"))}
    amount = (lambda c: next((f["value"] for f in c.facts if f.get("column") == column), None)) if column else \
        (lambda c: _amount(c, years))
    valued = merged([(v, c) for c in items if (v := amount(c)) is not None and not _MEASURE_LABEL.search(c.label or "")])
    if not valued:
        return None
    valued = in_order(valued, op)
    valued = without_totals(valued)
    if left_out:
        # (那笔2亿元的X, 人员和公用经费那项X: X)
        x = next((p for p in reversed(re.split(rf"的|{POINTER.pattern}", left_out.group("x"))) if p.strip("“”\" ")),
                 left_out.group("x")).strip("“”\" ")
        valued = [(v, c) for v, c in valued if not label_says(c.label or "", x)]
    if not valued:
        return None
    at = nth(first or question)
    if at > len(valued):
        return None
    heads = group_heads([(amount(c), c) for c in items])
    valued = [(v, c) for v, c in valued if id(c) not in heads]
    if op != "min" and (inner := items_of_dominant(
            valued, tables()[valued[0][1].source, valued[0][1].table, valued[0][1].block], amount, level)):
        name, valued = valued[0][1].label or name, inner  # (the class holding nearly all: its items, qa/rank_dominant.py)
    if _printed_twice(valued) or class_of_items(asked_of, labels := [c.label or "" for _, c in valued]) or \
            any(spending_asked_income_read(asked_of, x) for x in labels):
        return None  # an item printed twice with other amounts, the class the items are asked in, or income: no item list
    if behind and at >= 2 and not label_says(valued[at - 2][1].label or "", behind.group("x")):
        return None  # the item the question puts before the one asked is not the one ranked there
    valued = valued[at - 1:] + valued[:at - 1]  # the item at the rank asked first (its lead is over the next one)
    value, top = valued[0]
    if op != "min" and not value:
        return None  # the largest (or the nth) of the list is nothing: a list of empty cells, not the one asked
    if own and own in norm(top.label or "") and not re.search(r"单位|部门|哪家|哪个", first or question):
        return None  # the rows are units (a 汇总 table by unit): the item asked is in its columns, not ranked here
    word = ("最小" if op == "min" else "最大") if at == 1 else f"第{at}{'小' if op == 'min' else '大'}"
    unit = count_unit(column)
    # (the part column ranked by, when one is named; the item of the units' blocks, when they are ranked by one)
    by = f"“{column_name(column)}”" if column else f"“{ranked_by[id(head)]}”" if id(head) in ranked_by else "金额"
    text = (f"{name}中{by}{word}的是“{top.label}”，{value:,.2f}万元（{top.table}）" if unit == "万元" else
            f"{name}中“{column_name(column)}”{word}的是“{top.label}”，{value:g}{unit}（{top.table}）")
    # (items of the same amount share the rank: naming one alone would hide the others)
    if tied := [c.label for v, c in valued[1:] if abs(v - value) < 0.005]:
        text += f"，与{'、'.join(f'“{t}”' for t in tied)}并列"
    share = gap = None
    if SHARE_ASKED.search(rest):
        # (of the column ranked by: 事业收入's share of the 事业收入 total, not of the table's 合计)
        whole = amount(head) if kind.startswith("row") else \
            None if kind == "named" else _table_total(chunks, top.table, amount, value)  # (named parts: their sum)
        whole = whole or sum(v for v, _ in valued)
        share = round(100.0 * value / whole, 2) if whole else None
        if share is not None and share >= 99.995:
            return None  # the "largest item" is the whole itself: the items were not read (a table of columns)
        if share is not None:
            of = f"“{column_name(column)}”合计" if column and not kind.startswith("row") else whole_of(name)
            text += f"，占{of}的{share:.2f}%（{value:,.2f} ÷ {whole:,.2f}{'' if unit == '%' else unit}，由表中数字计算）"
    if GAP_ASKED.search(rest) and len(valued) >= 2:
        gap = round(abs(value - valued[1][0]), 4)
        text += f"，比第二位“{valued[1][1].label}”（{valued[1][0]:,.2f}万元）多{gap:,.2f}万元"
    text += "。"
    rows = [AnswerRow(entity=c.label or "", value=round(v, 4), unit=unit, source=c.source, page=c.page,
                      table=c.table, row=c.label, column=column or ((_money(c, years) or {}).get("column")))
            for v, c in valued[:10]]
    from qa.retrieve import Hit

    asked, asked_unit = followed_up(round(value, 4), unit, share, gap, rest)
    return Answer(question=question, answer=text, value=asked, unit=asked_unit,
                  citations=[cite(Hit(top, 1.0))] + [cite(Hit(c, 0.0)) for _, c in valued[1:k]], mode="structured",
                  table=top.table, row=top.label, column=rows[0].column, rows=rows,
                  confidence=round(min(1.0, best[0] / 2), 3),
                  basis=[Basis(part=kind, text=name, words=shared_words(question, name)),
                         Basis(part="row", text=top.label or "", words=[f"{word}: {value:,.2f}"])])
