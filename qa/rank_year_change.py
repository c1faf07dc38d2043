"""Items ranked by how much each changed over the year before, computed from a table that prints both years
(2025年预算数 beside 2026年预算数): "“自然资源事务”下面哪个项级科目比2025年涨得最多" reads the rows under the row the
question names, subtracts each row's earlier-year cell from its own year's, and names the item that rose (or fell)
most, with the subtraction shown. Used when no numbered list of the narrative states the changes (qa/rank_changes.py);
a table printing one year only ranks nothing here. A table whose rows are the years and whose items are its columns
(a 三公 table: 2025年 / 2026年 rows, 因公出国(境)费… columns) is read the same way, by its two year rows."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.citations import cite
from qa.models import Answer, AnswerRow, Basis
from qa.phrase import OTHER_COLUMN, clean, grams, is_unit
from qa.rank_asks import asks_unit
from qa.rank_changes import CHANGE_RANK, asks_rise, by_rate, change_words, rate_of
from qa.retrieve import Hit

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope


def _year_cell(chunk, year: int, earlier: bool) -> float | None:
    """The row's cell of the year (its first, the total before the parts), or of the year before."""
    for f in chunk.facts or ():
        column = f.get("column") or ""
        if f.get("value") is None or f.get("unit") not in ("万元", "元", None):
            continue
        years = {int(y) for y in re.findall(r"20\d\d", column)}
        if earlier and (year - 1 in years or not years and re.search(r"上一?年", column)):
            return float(f["value"])
        if not earlier and year in years and not OTHER_COLUMN.search(column.replace(str(year), "")):
            return float(f["value"])
    return None


def ranked_by_year_change(question: str, sc: Scope, retriever: Retriever, k: int) -> Answer | None:
    """The item under the row the question names that rose (fell) most between the two years its table prints;
    None when the question asks no such ranking, names no row, or no table prints both years for its items."""
    from qa.rank import _groups, one_document
    from qa.rank_asks import UNDER, names_row
    from qa.scope import without_names

    asked = CHANGE_RANK.search(halfwidth(question))
    if asked is None or len(sc.keys) != 1 or asked.group("place") or asked.group("least"):
        return None  # (a place after the first, or the least, is read from stated changes only: qa/rank_changes.py)
    key, docs, chunks = one_document(sc, retriever)
    year = docs[key].get("year")
    under = UNDER.search(halfwidth(without_names(question, docs, sc)))
    if not year:
        return None
    if under is None:
        return _by_columns(question, asked, sc, docs, chunks, year, k) or \
            (_by_units(question, asked, sc, docs, chunks, year, k) if asks_unit(question) else None)
    wanted = grams(clean(halfwidth(question)))
    found = []
    for name, kind, head, items in _groups(chunks):
        if kind != "row" or not names_row(under.group("x"), name) or len(items) < 2:
            continue
        changes = [(later - before, later, before, c) for c in items
                   if (later := _year_cell(c, year, False)) is not None and (before := _year_cell(c, year, True)) is not None]
        if len(changes) == len(items):
            # (the row named as said first, then the table the question's words name)
            found.append(((clean(name) == clean(under.group("x")), len(wanted & grams(clean(head.table or "")))),
                          name, head, changes))
    if not found:
        return _by_columns(question, asked, sc, docs, chunks, year, k)
    found.sort(key=lambda f: f[0], reverse=True)
    if len(found) > 1 and found[1][0] == found[0][0] and \
            sorted(round(c[0], 2) for c in found[1][3]) != sorted(round(c[0], 2) for c in found[0][3]):
        return None  # two tables fit as well and disagree: which one is asked is a guess
    _, name, head, changes = found[0]
    return _most(question, asked, name, [(d, a, b, c.label or "", c, None) for d, a, b, c in changes], head, year, k,
                 Basis(part="row", text=name, words=[under.group("x")]))


def _by_columns(question: str, asked: re.Match, sc: Scope, docs: dict, chunks: list, year: int, k: int) -> Answer | None:
    """A table whose rows are years and whose items are its columns (a 三公 table printed as 2025年 / 2026年 /
    增减变化 rows, qa/rank_columns.py), named by what it is of: each item's change is its amount on the year's row
    less its amount on the year before's."""
    from qa.rank import _OPWORDS
    from qa.rank_columns import column_items, rows_by_table, title_said, year_row
    from qa.scope import without_names

    wanted = grams(clean(_OPWORDS.sub(" ", halfwidth(without_names(question, docs, sc)))))
    best = None
    for title, rows in rows_by_table(chunks).items():
        later, before = year_row(rows, str(year), question), year_row(rows, str(year - 1), question)
        if later is None or before is None or (said := title_said(title, wanted)) < 2:
            continue
        now, then = dict((n, (v, c)) for n, v, c in column_items(later)[1]), \
            dict((n, v) for n, v, _ in column_items(before)[1])
        if len(now) >= 2 and now.keys() == then.keys() and (best is None or said > best[0]):
            best = (said, title, later, [(v - then[n], v, then[n], n, later, c) for n, (v, c) in now.items()])
    if best is None:
        return None
    _, title, row, changes = best
    return _most(question, asked, title, changes, row, year, k,
                 Basis(part="table", text=title, words=sorted(wanted & grams(clean(title)))[:4]))


def _by_units(question: str, asked: re.Match, sc: Scope, docs: dict, chunks: list, year: int, k: int) -> Answer | None:
    """The units of a table by unit (each coded unit's line) ranked by the change of the item the question names, a
    column printed for each year (2018年/培训费 and 2019年/培训费 of a “三公”经费及会议费、培训费 table): each unit's
    change is its cell of the year less its cell of the year before. The longest item the question says (of two as
    long, the one it says last); None when it names none or fewer than two units print both cells."""
    from qa.rank import _OPWORDS
    from qa.rank_columns import rows_by_table
    from qa.scope import without_names

    said = clean(_OPWORDS.sub(" ", halfwidth(without_names(question, docs, sc))))
    best = None
    for title, rows in rows_by_table(chunks).items():
        coded = [r for r in rows if r.code and is_unit(r.label or "")]
        # (not the department's line over its units: 125 over 125001, 125002 …)
        units = [r for r in coded if not any(o.code != r.code and o.code.startswith(r.code) for o in coded)]
        tails = {t for r in units for f in r.facts or () if (t := _tail(f.get("column") or "", year))}
        # (of two as long, the one said last: 会议费、培训费表中…的培训费 asks 培训费; a set's order would pick either)
        item = max((t for t in tails if len(clean(t)) >= 2 and clean(t) in said),
                   key=lambda t: (len(t), said.rfind(clean(t))), default=None)
        if item is None:
            continue
        changes = [(now - then, now, then, r.label or "", r, f"{year}年/{item}") for r in units
                   if (now := _cell(r, f"{year}", item)) is not None and (then := _cell(r, f"{year - 1}", item)) is not None]
        if len(changes) >= 2 and (best is None or len(item) > len(best[1])):
            best = (title, item, changes)
    if best is None:
        return None
    title, item, changes = best
    return _most(question, asked, f"{title}的“{item}”", changes, changes[0][4], year, k,
                 Basis(part="table", text=title, words=[item]))


def _tail(column: str, year: int) -> str | None:
    """The item of a column headed by the year or the year before (2019年/培训费: 培训费)."""
    head, _, tail = column.partition("/")
    return tail if tail and re.fullmatch(rf"(?:{year}|{year - 1})年?(?:预算数?|决算数?)?", head) else None


def _cell(row, year: str, item: str) -> float | None:
    return next((float(f["value"]) for f in row.facts or () if f.get("value") is not None and
                 (f.get("column") or "").startswith(year) and (f.get("column") or "").partition("/")[2] == item), None)


def _most(question: str, asked: re.Match, name: str, changes: list, head, year: int, k: int,
          named: Basis) -> Answer | None:
    """The item that rose (fell) most of [(change, this year's, the year before's, item, its chunk, its column)]."""
    up = asks_rise(asked)
    ranked, rate_answered = by_rate(question, asked)
    if rate_answered and any(rate_of(c[0], c[2]) is None for c in changes):
        return None  # (an item new this year has no rate: none to rank or state)
    key = (lambda c: rate_of(c[0], c[2])) if ranked else (lambda c: c[0])
    changes.sort(key=lambda c: -key(c) if up else key(c))
    change, later, before, item, top, column = changes[0]
    if (change <= 0 if up else change >= 0) or len(changes) > 1 and abs(key(changes[1]) - key(changes[0])) < 0.005:
        return None  # nothing rose (fell), or a tie: no item to name
    way, most = change_words(up, ranked)
    rate = abs(rate_of(change, before)) if rate_answered else None
    said = f"，{'增长' if up else '下降'}{rate:.2f}%" if rate is not None else ""
    text = (f"{name}下各项中，“{item}”比{year - 1}年{most}，{way}{abs(change):,.2f}万元{said}（{later:,.2f} − "
            f"{before:,.2f}，{top.table}；由表中两年的数字计算）。")
    rows = [AnswerRow(entity=n, value=round(d, 4), unit="万元", source=c.source, page=c.page,
                      table=c.table, row=c.label, column=col) for d, _, _, n, c, col in changes]
    value, unit = (rate, "%") if rate is not None else (round(abs(change), 4), "万元")
    return Answer(question=question, answer=text, value=value, unit=unit, mode="structured",
                  citations=[cite(Hit(top, 1.0)), cite(Hit(head, 0.5))][:max(k, 1)], rows=rows, table=top.table,
                  row=top.label, column=column, confidence=0.9,
                  basis=[named, Basis(part="row", text=item, words=[f"{way}: {abs(change):,.2f}"])])
