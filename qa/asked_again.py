"""A question asked again in one of the documents' terms (qa/reword.py finds the term): the units and years it names,
its own office when it asks that, the part of the spending where it says to look, the term, and how it asks (a count
stays a count, a change a change)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.question import ALL_FUNDS, BASED_CHANGE, MEASURE, ONE_FUND, UNDIRECTED_CHANGE, WHOLE_SCOPE, not_asked
from qa.unit_row import OWN_OFFICE, own_office_alone, units_named
from qa.vocab import norm

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope


def named_as_asked(question: str, sc: Scope) -> str:
    """The units the question names, by the store's names, with （本级） when it asks their own office alone: the start
    of any question asked again of them (else it would be the whole department's)."""
    names = "".join(dict.fromkeys(sc.named.values()))
    own = "（本级）" if sc.named and own_office_alone(question) and not OWN_OFFICE.search(names) else ""
    return names + own


def asked_again(question: str, sc: Scope, retriever: Retriever, term: str, subject: str, past: str) -> str:
    """`subject`: the question without the units' names; `past`: its words after where it says to look."""
    years = "".join(f"{y}年" for y in sc.years)
    # (the units the question names in the department's tables kept too)
    units = "".join(units_named(question, sc.keys, retriever.chunks())) if sc.named else ""
    part = _part_where(subject, term)
    where = "" if part else _where(subject, past)
    # (every source of money asked, 各类资金都算上: still asked, whatever where the question says it)
    funds = "（各类资金合计）" if ALL_FUNDS.search(halfwidth(question)) and not ALL_FUNDS.search(where) else ""
    # (the one fund the thing is paid from, said in its own words, 用一般公共预算拨款来买…的钱: its column, kept)
    paid = _PAID_FROM.search(past)
    fund = paid.group(1) if paid and not funds and not ONE_FUND.search(where + part + term) else ""
    return f"{named_as_asked(question, sc)}{units}{years}{where}{part}{fund}{term}{funds}{_asking(halfwidth(question))}"


_PAID_FROM = re.compile(rf"(?:用|从|由|靠|拿|动用)((?:{ONE_FUND.pattern})(?:预算)?(?:拨款|资金)?)")


def _where(subject: str, past: str) -> str:
    """Where the question says to look, said again before the term (政府采购预算里，: the procurement table's figure
    of the term, not the income budget's); "" when it says no where."""
    where = subject[:len(subject) - len(past)] if past != subject and subject.endswith(past) else ""
    # (less the year and the scope said in brackets, （整个部门）: the document is chosen by it, no table)
    where = re.sub(r"20\d\d\s*年度?的?|[（(]?" + WHOLE_SCOPE + r"[）)]?|[（(]\s*[）)]", "", where).strip(" ，,的")
    # (a where that names only the budget or the accounts, 预算里, 部门决算中, is where every figure is)
    return f"{where}，" if len(re.sub(r"部门|预算|决算|全年|本年|今年|年度|[的里中内]", "", where)) >= 2 else ""


# The parts of the spending, as the documents name them and as people say them (项目经费, 日常经费, 放在项目里花的,
# 项目性质的), and the two columns of 基本支出 said by name (人员经费, 公用经费 or 公用开支)
_PARTS = {"基本支出": re.compile(r"基本支出|基本经费|日常(?:公用|运转|运行)?经费"),
          "项目支出": re.compile(r"项目支出|项目经费|项目(?:上|里|性质|部分)|(?:通过|放在|列在|记在|算在|走)项目"),
          "人员经费": re.compile(r"人员经费"), "公用经费": re.compile(r"(?<!日常)公用经费|公用开支")}
PART_SAID = re.compile("|".join(p.pattern for p in _PARTS.values()))
# A part of the spending said as left out (不算日常运转那部分, 不含项目支出), and the other part, then asked
_LEFT_PART = {"基本支出": re.compile(r"(?:基本(?:支出|经费)?|日常(?:运转|运行|经费|开支|公用)?)(?:那?部分|的钱|经费)?"),
              "项目支出": re.compile(r"项目(?:支出|经费|开支)?(?:那?部分|的钱)?")}
_OTHER_PART = {"基本支出": "项目支出", "项目支出": "基本支出"}
_PEOPLE = re.compile(r"人员|养人|人头|工资")  # what the personnel part of the basic expenditure pays, in words
_BOTH_PARTS = re.compile(r"(?:日常|基本)[^，,。？?]{0,8}(?:和|与|及|加|连同)[^，,。？?]{0,6}项目|"
                         r"项目[^，,。？?]{0,8}(?:和|与|及|加|连同)[^，,。？?]{0,6}(?:日常|基本)")


def _part_where(subject: str, term: str) -> str:
    """The part of the spending where the question says to look (一般公共预算的日常经费（基本支出）里，冬天供暖的钱),
    kept before the term in the question asked again (基本支出取暖费): the part's figure, not the whole year's, is
    asked. "" when the where names no one part, or the term is itself a part's. (A part said after the thing is
    asked as well: 印宣传品的钱，其中记在项目支出下的那部分; not one it leaves out: 放在项目里花的（不算日常运转部分）.)"""
    left_out = not_asked(subject)
    for out in left_out:
        subject = subject.replace(out, " ")
    if _BOTH_PARTS.search(norm(subject)):
        return ""  # (日常经费和项目加起来: both parts, the whole)
    said = [p for p, said_as in _PARTS.items() if said_as.search(norm(subject))]
    if said == ["基本支出"] and any(_PEOPLE.search(out) for out in left_out):
        said = ["公用经费"]  # (除了养人之外…的那部分基本经费: the basic expenditure less its personnel part)
    if "基本支出" in said and ("人员经费" in said or "公用经费" in said):
        said.remove("基本支出")  # (基本支出里…从人员经费出的: the column of the 基本支出 named, the narrower)
    if not said and left_out:
        # one of the two parts left out, the other asked (…的钱（不算日常运转那部分）: the project part)
        out = {p for p, words in _LEFT_PART.items() if any(words.fullmatch(norm(o)) for o in left_out)}
        said = [_OTHER_PART[out.pop()]] if len(out) == 1 else []
    return said[0] if len(said) == 1 and not any(p in term for p in _PARTS) else ""


def one_part(text: str) -> str:
    """The one part of the spending a text names (项目支出 of 放在项目里花的), "" for none or both."""
    return _part_where(text, "")


def part_column(facts: list[dict], part: str) -> float | None:
    """The figure of a row's cells (`facts`) in the column of the part of the spending named (项目支出: a column
    项目支出 or 项目经费), None when the row prints no such column."""
    return next((float(f["value"]) for f in facts if f.get("value") is not None
                 and _PARTS[part].search(norm(f.get("column") or "").split("/")[-1])), None)


_CHANGE = re.compile(r"(?:比|较|与|跟|和|同)\s*(?:20\d\d\s*年度?|上一?年度?|去年)[^，。？?]*?"
                     r"(?:(?:增加|减少|增长|下降|多|少|省)(?:出来?)?了?(?:多少|几)|" + UNDIRECTED_CHANGE + ")")


def _asking(question: str) -> str:
    """How the question asks, kept when it is asked again: a count (多少辆) stays a count, a change (比上年少了多少)
    a change; else an amount."""
    measure = MEASURE.search(question)
    if measure:
        return f"有多少{measure.group(1)}"
    # (…or by its base year and any verb: 比上年初多安排了多少, 比上一年砍掉了多少)
    change = _CHANGE.search(question) or re.search(BASED_CHANGE, question)
    if change:
        return change.group(0)
    return "是多少"
