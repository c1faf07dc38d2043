"""What a ranking question asks: which rank (排第二, 仅次于X的), whether the items are the department's units (哪个
下属单位, 哪家) and whether it asks for an item at all (哪一项, 哪个科目)."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.encoder_phrase import FUNDS
from qa.phrase import clean, grams, says
from qa.question import NOT_THIS, OUT_AFTER, small_number

_WHICH = re.compile(r"哪一?[大小]?[项类个笔种款块场次件条批期轮]|哪(?:一)?部分|哪些|什么项目|哪一?家(?:下属|所属)?单位|"
                    r"哪(?:一)?个(?:下属|所属)(?:单位|机构)|which (?:item|category|one)|"
                    # 第二大类是什么, 最大的一项是哪个: the item named by its rank, asked
                    r"(?:第\s*[二三四五六七八九十\d]+|最)[大小多少高低]的?(?:一|那)?[项类个笔种款块]目?(?:是什么|是哪|叫什么)", re.I)

# The rank asked when it is not the first: 排第二, 第三大, 倒数第二, 仅次于X的 (the second).
# (比第二名多多少 compares the first with the second: not the second asked)
_NTH = re.compile(r"排(?:名|在)?第\s*([二三四五六七八九十\d]+)|(?<!比)(?:倒数)?第\s*([二三四五六七八九十\d]+)\s*(?:大|多|高|少|小|低|名|位)|"
                  r"仅次于")


def in_order(items: list, op: str, value=lambda t: t[0]) -> list:
    """The items from the one asked first: the largest, or the smallest of those with money (最少的一项 is never a
    0.00 line: an empty row is nothing allocated, not the least of the items)."""
    if op == "min":
        items = [t for t in items if value(t)]
    return sorted(items, key=value, reverse=op != "min")


def nth(question: str) -> int:
    """The rank a question asks for (1 when it asks for the first, or none)."""
    m = _NTH.search(halfwidth(question))
    if m is None:
        return 1
    word = m.group(1) or m.group(2)
    if word is None:
        return 2  # 仅次于: the one after the first
    return small_number(word) or 1


# (部门经济科目, 部门预算科目: the classification's name, no unit)
UNIT_WORD = r"(?:单位|机构|部门(?!经济|预算科目|支出经济)|中心|支队|大队|分局|管理局|站|院)"
# the units a question looks among, by their kind (各区设的管理局里, 四家预算单位里): the kind is the group
AMONG_UNITS = r"(?:各|[几两二三四五六七八九十\d]+[个家])[\u4e00-\u9fff]{0,6}?(" + UNIT_WORD + r")[里中]"
_ASKS_UNIT = re.compile(r"哪(?:一)?[个家所](?:下属|所属)?[\u4e00-\u9fff]{0,3}?" + UNIT_WORD + r"|下属单位|所属单位|哪一?家|"
                        + AMONG_UNITS + r"[，,]?.*?哪")


def asks_unit(question: str) -> bool:
    """The item asked is one of the department's units (哪个下属单位, 哪家; not 不含下属单位), not an account line."""
    return bool(_ASKS_UNIT.search(NOT_THIS.sub("", halfwidth(question))))


def wants_item(question: str) -> bool:
    q = halfwidth(question)
    # (哪家 / 哪个 among the units a question speaks of: 下属单位里，哪家培训费最多)
    return bool(_WHICH.search(q)) or (asks_unit(q) and bool(re.search(r"哪一?[家个]", q)))


_COUNTED = re.compile(r"([两二三四五六七八九十\d]+)[家个](?:下属|所属|预算)?单位")


def units_counted(question: str) -> int | None:
    """How many units the question says it asks among (下面四家预算单位: 4), when it says so."""
    said = _COUNTED.search(halfwidth(question))
    return small_number(said.group(1)) if said else None


# "六项年度主要任务中", "八类项目支出里": how many items the question says it ranks among (not 第二, 十几项, 前两项,
# 最多的两项: a rank, a rough count, the items asked)
_ITEMS_COUNTED = re.compile(r"(?<![第十几前])(?<!最.的)([两二三四五六七八九十]|\d{1,2})\s*(?:个|项|类|大类|家|块|笔|条|种)(?![以多万亿元%])")
_RANK_WORD = re.compile(r"哪|最|第|排")


def items_counted(question: str) -> int | None:
    """How many items the question says it ranks among, said before it asks which (None when it says none)."""
    q = halfwidth(question)
    asks = _RANK_WORD.search(q)
    said = _ITEMS_COUNTED.search(q, 0, asks.start()) if asks else None
    return small_number(said.group(1)) if said else None


# A list of as many items as the question says it ranks among is preferred only among lists scored this near the
# best: a count alone picks no list the words do not fit (四项主要任务 is no four-row economic table).
COUNTED_NEAR = 0.9


def as_many_as_said(scored: list[tuple], question: str) -> list[tuple]:
    """Of the scored lists (score, name, kind, head, items), those of as many items as the question says it ranks
    among (离休费拆成四个小项) and scored near the best, when there are any; else all of them."""
    stated = items_counted(question)
    top = max((g[0] for g in scored), default=0.0)
    counted = [g for g in scored if len(g[4]) == stated and g[0] >= COUNTED_NEAR * top] if stated else []
    return counted or scored


# The department's own office named (局机关本级, 局本级, 机关本身), and what a question leaves out after 以外 / 之外.
_OFFICE = re.compile(r"机关|本级")
_LEFT_OUT_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,6}}(?:{OUT_AFTER})")


def asks_office_projects(question: str) -> bool:
    """The question asks the projects of the department's own office (局机关本级的各个项目), not leaving the office out
    (不含局机关, 局机关以外的三家: the units below it). 局机关自己的商品和服务支出 asks that row's items, no projects."""
    said = _LEFT_OUT_AFTER.sub(" ", NOT_THIS.sub(" ", question))
    return "项目" in question and bool(_OFFICE.search(said))


def label_says(label: str, named: str) -> bool:
    """A row's label says the item a question names (灾害防治及应急管理 for 灾害防治及应急管理支出): most of its words."""
    said = grams(clean(named))
    return bool(said) and len(said & grams(clean(label))) >= 0.6 * len(said)


# The row whose items are asked: said before 下面 (“基础研究”这一款下面), or before 里/中 when a row's label ends
# the clause (基本支出的工资福利里，哪一项最大; 一般公共预算里 names a fund, and puts the items under no row).
# (下 alone when what is ranked follows: 工资福利支出下哪一项, …下的各项; 下属 not of units: 下属事业单位 are the
# department's units, no row's items)
# (…its code in brackets between the name and the pointer: “司法”（20406）这一款下面)
UNDER = re.compile(r"(?P<x>[^，,。？?“”\"（）()]{2,20}?)[”\"]?(?:[（(]\d{3,7}[）)])?(?:这一?个?[类款项级]|[类款项](?=下))?"
                   r"(?:下面|底下|之下|下边|下头|下属(?![\u4e00-\u9fff]{0,4}(?:单位|机构))|下设|下(?=的?(?:哪|各)))")
_IN = re.compile(r"(?P<x>[^，,。？?“”\"（）()]{2,30}?)[”\"]?(?:里|中|当中)(?=[，,]|哪)")


def _ends_with(said: str, label: str) -> bool:
    own = re.sub(r"(?:支出|费用)$", "", clean(label))
    # (said with its 支出 or without: 商品和服务支出里, 工资福利里)
    return len(own) >= 2 and re.sub(r"(?:支出|费用)$", "", clean(said)).endswith(own)


# The items asked said as the members of a class the question names (商品和服务类各项支出中, 工资福利这一类下面的
#科目里, 一般公共服务这一大类里哪一项): the class is where the items are, never one of them.
_CLASS_OF_ITEMS = re.compile(r"(?P<x>[\u4e00-\u9fff]{2,12}?)(?:类|这一?大?[类款项]|方面)的?(?:各|几|哪|下面|下的|里|中|当中)")


def class_of_items(question: str, labels: list[str]) -> bool:
    """One of the labels ranked is the class the question puts the items in (the question asks its members: a list
    holding the class itself is the list of classes, one level above the items asked)."""
    return any(_ends_with(m.group("x"), label) for m in _CLASS_OF_ITEMS.finditer(question) for label in labels)


def fund_only(subject: str) -> set[str]:
    """The bigrams of the funds the question names (一般公共预算基本支出中) that it says nowhere else: a list's name
    sharing them without saying the fund whole (一般公共服务支出 of 一般公共) says no word of the question."""
    said = set().union(*(grams(m) for m in re.findall(FUNDS, subject)))
    return said - grams(clean(re.sub(FUNDS, " ", subject)))


def spending_asked_income_read(question: str, label: str) -> bool:
    """The question ranks spending (支出, never 收入) and the item read is an income line (6、其他收入 of a 收支总表)."""
    return "支出" in question and "收入" not in question and clean(label).endswith("收入")


def whole_of(title: str) -> str:
    """What a table's total is, said as a reader says it: its title without the table words (财政拨款“三公”经费 of
    财政拨款“三公”经费支出表, 项目支出 of 项目支出总表)."""
    bare = re.sub(r"^20\d\d\s*年度?|[（(][^）)]*[）)]$", "", title.strip())
    return re.sub(r"(?:总体情况|情况|明细|总)?表$|(?<=经费)支出表$", "", bare).strip() or title


def names_row(said: str, label: str) -> bool:
    """The words name the row: most of its words (label_says), or they end with its label less a trailing 支出
    (一般公共预算的民政管理事务, 基本支出的工资福利 for 工资福利支出)."""
    return label_says(label, said) or _ends_with(said, label)


def under_row(asked: str, rows: list[str]) -> re.Match | None:
    """The clause that puts the items asked under a row (its words in group "x"); None when the question says none.
    (before 里/中, only a clause ending with a row's label: most clauses before 里 say where to look)"""
    # (the last such clause when several: each narrows the one before, 基本支出中，奖金分成的几种里)
    found = [m for m in _IN.finditer(asked) if not _SET_OF.search(m.group("x"))
             and any(_ends_with(m.group("x"), r) for r in rows)] + \
        [m for m in _OWN_SET.finditer(asked) if any(label_says(r, m.group("x")) for r in rows)]
    return UNDER.search(asked) or max(found, key=lambda m: m.start("x"), default=None)


# (列的几期培训里, 各项培训中: the things chosen among, said with their number, not a row they are under)
_SET_OF = re.compile(r"(?:几|各|这些|那些|所有)[\u4e00-\u9fff]{1,8}$")
# …said as a row's own (下属X中心的各个项目中, X的几个具体项目里, X分成的几种里): the row is X, named by most of its words (a unit
# without its city, its brackets kept: 城中村（棚户区）改造…中心)
_OWN_SET = re.compile(r"(?:下属|所属|下面的?)?(?P<x>[^，,。？?“”\"]{2,30}?)(?:分成|分为|拆成|拆分成|细分成|细分为)?的"
                      r"(?:各|几|这些|那些|所有)[\u4e00-\u9fff]{1,8}"
                      r"(?:里|中|当中)(?=[，,]|哪)")


_SPENT = re.compile(r"经费|资金|开支")


def spent_as_printed(text: str, known: set[str]) -> str:
    """The text with 经费, 资金 or 开支 said as the 支出 of a term the documents print (项目经费 → 项目支出, the table
    the question ranks the items of); a word that makes no such term (三公经费: no 三公支出) as it was."""
    return _SPENT.sub(lambda m: "支出" if text[max(m.start() - 2, 0):m.start()] + "支出" in known else m.group(0), text)


def columns_said(items: list, subject: str) -> set[str]:
    """The words of the columns the items print that the question names, whole or most of their words (事业收入 of a
    收入总表; 下属事业单位的经营收入, 事业单位经营收入), three characters long at least (合计 names no column anyone
    ranks by)."""
    leaves = {clean(f.get("column", "").split("/")[-1]) for c in items for f in c.facts or ()}
    return set().union(*(grams(leaf) for leaf in leaves if len(leaf) >= 3 and says(leaf, clean(subject))))


def names_another(subject: str, name: str, items: list, vocab) -> bool:
    """The question names a quantity of the documents' vocabulary (人员经费 of 在职人员经费, three characters at least,
    no word of units) that neither the list's name nor its columns print: its rows' totals answer another question."""
    said, printed = clean(subject), clean(name) + "".join(clean(f.get("column") or "") for c in items
                                                          for f in c.facts or ())
    # (printed in words of its own, 收入合计 by a 收入总表's 合计: most of its two-character words)
    return any(len(t) >= 3 and t in said and len(grams(t) & grams(printed)) < 0.6 * len(grams(t))
               and not re.search(r"单位|部门|机构", t) for t in set(vocab.terms) | set(vocab.columns))


# Follow-ups a ranking answers from the same cells: the top item's share of the whole, its lead over the next.
SHARE_ASKED = re.compile(r"占.{0,12}?(?:比例|比重|百分|多少|几成)")
GAP_ASKED = re.compile(r"比第二|第二名|第二位|次之|多出多少|多多少")


def gap_asked_last(rest: str) -> bool:
    """The follow-ups (`rest`) ask the top item's lead over the next last (哪个最多？比排第二的多出多少？): the lead is
    the answer's value, as a share asked last is (the figure of the last ask is the one the question waits for)."""
    gaps = [m.start() for m in GAP_ASKED.finditer(rest)]
    return bool(gaps) and max(gaps) > max((m.start() for m in SHARE_ASKED.finditer(rest)), default=-1)


def followed_up(value: float, unit: str, share: float | None, gap: float | None, rest: str) -> tuple[float, str]:
    """The ranking answer's value and unit: the figure of the last follow-up asked in `rest` (the lead over the next,
    in the items' unit, or the share, in %), else the top item's own amount."""
    if gap is not None and gap_asked_last(rest):
        return gap, unit
    return (share, "%") if share is not None else (value, unit)
