"""A department's units ranked by an item each one's block of a table prints ("署本级和下属三个中心这四家预算单位，
哪家的购房补贴最多"). A department's document (汇总) prints some tables once per unit, the same lines under each
unit's name (qa/unit_row.py): the line the question names is read in every block of one table and the blocks
compared. Without this, the units' own total lines are ranked and the item asked is lost."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.entity import clean_name
from index.numbers import halfwidth
from qa.citations import cite
from qa.hit import Hit
from qa.models import Answer, AnswerRow, Basis
from qa.phrase import FUND, clean, grams, norm
from qa.rank import _amount, one_document
from qa.rank_asks import asks_unit, nth, units_counted
from qa.rank_owner import OFFICE
from qa.scope import without_names

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

MIN_LABEL = 2  # characters of a line's name the question must say (电费)…
_GENERIC = re.compile(r"^(?:经费|费用|支出|收入|合计|总计|小计|项目|其他|资金|预算)$")  # …but words naming any line
_CODE = re.compile(r"^\s*\d{3,}\s*")
_PART = re.compile(FUND.pattern + r"|基本支出|项目支出")


def _own(unit: str, chunk) -> bool:
    """The department's own block: its office's (本级, 机关) or printed under the department's own name."""
    return bool(OFFICE.search(unit)) or clean_name(halfwidth(unit))[0] == clean_name(halfwidth(chunk.entity or ""))[0]


def _label(chunk) -> str:
    return clean(norm(_CODE.sub("", chunk.label or "")))


def by_block(question: str, sc: Scope, retriever: Retriever, op: str, k: int) -> Answer | None:
    """The unit whose block of one table prints the largest/smallest amount on the line the question names; None
    unless a unit is asked, the line is said (MIN_LABEL characters or more) and two blocks or more print it."""
    if len(sc.keys) != 1 or not asks_unit(question):
        return None
    _, docs, chunks = one_document(sc, retriever)
    asked = clean(halfwidth(without_names(question, docs, sc)))
    lines: dict[tuple[str, str], dict[str, object]] = {}  # (table, line) -> unit -> its row
    for c in chunks:
        if c.kind == "row" and c.budget_unit and len(label := _label(c)) >= MIN_LABEL and label in asked and \
                not _GENERIC.match(label):
            lines.setdefault((c.table or "", label), {}).setdefault(c.budget_unit, c)
    counted = units_counted(question)
    for key, by in list(lines.items()):
        # the department's own office is one of the units only when the question counts it among them
        others = {u: c for u, c in by.items() if not _own(u, c)}
        lines[key] = by if counted == len(by) or counted is None and len(others) < 2 else others
    lines = {key: by for key, by in lines.items() if len(by) >= 2 and (counted is None or len(by) == counted)}
    if not lines:
        return None
    # the longest line said; of its tables, the one whose title the question says most of, then one of every fund
    # (支出总表, not the general budget's table: a question naming no fund asks all), then the most blocks
    # (预算单位 and the words every title says, 预算 and 支出, name no table)
    said = grams(asked.replace("预算单位", "|")) - {"预算", "支出"}
    (table, label), by = max(lines.items(), key=lambda kv: (len(kv[0][1]), len(grams(clean(kv[0][0])) & said),
                                                            not _PART.search(kv[0][0]), len(kv[1])))
    values = {u: v for u, c in by.items() if (v := _amount(c)) is not None}
    if len(values) < 2:
        return None
    printed = {c.budget_unit: c for c in chunks if c.kind == "row" and c.table == table and c.budget_unit}
    printed = {u for u, c in printed.items() if not _own(u, c) or any(_own(x, y) for x, y in by.items())}
    if op == "min" and len(printed - set(values)) > (0 if counted is None else len(printed) - counted):
        return None  # (a unit printing no such line spends nothing on it: the least is not among those printed)
    ranked = sorted(values.items(), key=lambda uv: uv[1], reverse=op != "min")
    at = nth(question)
    if at > len(ranked) or (at == 1 and ranked[0][1] == ranked[1][1]):
        return None  # (two blocks printing the same amount: no one unit is the largest)
    ranked = ranked[at - 1:] + ranked[:at - 1]
    unit, value = ranked[0]
    word = ("最少" if op == "min" else "最多") if at == 1 else f"第{at}{'少' if op == 'min' else '多'}"
    rows = [AnswerRow(entity=u, value=round(v, 4), unit="万元", source=by[u].source, page=by[u].page, table=table,
                      row=label) for u, v in ranked]
    text = f"{table}中各预算单位的“{label}”{word}的是“{unit}”，{value:,.2f}万元（" + \
        "，".join(f"{r.entity}{r.value:,.2f}万元" for r in rows) + "，由各单位所列的行比较）。"
    return Answer(question=question, answer=text, value=round(value, 4), unit="万元",
                  citations=[cite(Hit(by[u], 1.0 if i == 0 else 0.0)) for i, (u, _) in enumerate(ranked)][:max(k, 1)],
                  mode="structured", rows=rows, table=table, row=unit,
                  # (a table of one fund or one part of the spending, which the question does not name: its line
                  # may leave out what the unit spends elsewhere)
                  confidence=0.9 if not (part := _PART.search(table)) or part.group(0) in asked else 0.6,
                  basis=[Basis(part="table", text=table, words=[]), Basis(part="term", text=label, words=[label]),
                         Basis(part="row", text=unit, words=[f"{word}: {value:,.2f}"])])
