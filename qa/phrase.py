"""A question or a document's phrase reduced to what it names: numbering, punctuation, asking words, unit names and
years out; character bigrams to compare phrases (Chinese has no spaces, and the documents' labels and the
questions' words share characters, not word boundaries)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from index.entity import ORG_SUFFIX, in_order, split_name
from index.numbers import halfwidth
from qa.question import CODE, POINTER, UNDIRECTED_CHANGE, asked_direction, intent, where_and_asked
from qa.unit_row import OWN_OFFICE

if TYPE_CHECKING:
    from qa.retrieve import Hit

NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])\s*")
PUNCT = re.compile(r"[“”\"'（）()、，,。：:；;？?！!\s]")
SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
MIN_MATCH = 3  # characters a label or subject must share with the question to be trusted


def norm(text: str) -> str:
    return PUNCT.sub("", halfwidth(NUMBERING.sub("", text or "")))


def overlap(a: str, b: str) -> int:
    """Length of the longest common substring (short strings: a simple scan is fast enough)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def bigrams(text: str) -> set[str]:
    t = norm(text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


# Words that shape a question but name nothing in the document.


_ASKING = re.compile(r"是多少万元|是多少|为多少|有多少|多少万元|多少钱|多少百分比|百分之多少|百分比|百分之|"
                     # a change asked without its direction (跟去年比变化多大): either direction answers it
                     r"(?:跟|和|同)\s*(?:上一?年度?|去年)\s*(?:相)?比较?|" + UNDIRECTED_CHANGE + "|"
                     r"多少|是什么|请问|一共|分别|万元|元|上一?年度?(?!结)|去年")
_FILLER = re.compile(r"[的了吗呢为是有]")


def clean(text: str) -> str:
    """A phrase reduced to what it names: no numbering, punctuation, asking words or filler characters."""
    t = norm(text)
    t = _ASKING.sub("", t)
    return _FILLER.sub("", t)


def grams(text: str) -> set[str]:
    """Character bigrams, numbers left out (as they are from the question)."""
    t = re.sub(r"\d+(?:\.\d+)?", "", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


@dataclass
class Query:
    text: str  # the question without unit names, years and asking words
    grams: set[str]
    codes: set[str]
    years: set[int] = field(default_factory=set)  # years the question says (the document's, or a column's)
    previous: bool = False  # it asks about the year before (上年/去年), not the document's own year
    basis: str | None = None  # 预算 or 决算 when it asks one of them
    own_office: bool = False  # it asks the own office (本级, 机关本身): in a department's document (汇总), its row is named
    # bigrams said only where it says to look ("国有资本经营预算里，补贴…的钱": the fund it is read in), not the thing
    where: set[str] = field(default_factory=set)
    # …of them, those that are not the unit's name or the year (政府采购预算里: 政府, 府采, 采购, 购预, 预算)
    looked_in: set[str] = field(default_factory=set)
    change: bool = False  # it asks a change (比2018年多安排了多少): a table's 增减变化 column holds it
    ways: str = "+-"  # the signs of a change that answer it (少了多少: "-" only)

    def beside_own(self, year: int | None) -> set[int]:
        """The years the question asks beside the document's own `year`, which names the document (2026年部门预算里，
        2025年的三公经费: 2025); none when the document has no year."""
        return self.years - {year} if year else set()

    @classmethod
    def of(cls, question: str, hits: list[Hit]) -> "Query":
        # 本级/汇总 choose the document (qa/scope.py), not the row; 安排 asks as 是多少 does, and so does 准备 before
        # the amount asked (准备了多少钱: no 预算准备金)
        q = re.sub(r"本级|汇总|安排了?|准备了?(?=多少)", "", strip_names(COMPARED.sub("", norm(question)), hits))
        # (其中…那部分, 这一项: words pointing at the thing, none of its name)
        q = POINTER.sub("", re.sub(r"其中", "", q))
        # (涨了多少, 砍掉了多少: the documents say 增加, 减少)
        q = re.sub(r"砍掉了?|砍了|少给了?", "减少", re.sub(r"上?涨了?", "增加", q))
        codes = set(CODE.findall(q))
        text = clean(re.sub(r"\d+", "", q))
        said = years_said(question)
        whole = halfwidth(question)
        before, thing = where_and_asked(whole)
        asked = grams(clean(norm(thing)))
        where = grams(clean(norm(before))) - asked
        # (the clause right before 里: 下面那支执法监察队伍，2019年一般公共预算里 looks in the general budget)
        clause = re.split(r"[，,。；;]", before.rstrip("，,：: "))[-1]
        looked_in = grams(clean(re.sub(r"\d+", "", strip_names(norm(clause), hits)))) - asked
        return cls(text, grams(text), codes, said, bool(PREVIOUS.search(q)), basis_asked(q),
                   bool(OWN_OFFICE.search(question)), where, looked_in & where, intent(question) == "change",
                   "".join(s for s in "+-" if asked_direction(whole, s)))


# The basis of a figure: budgeted (预算) or spent (决算); a question asking one is not answered from the other.
_BASES = {"预算": re.compile("决算"), "决算": re.compile("预算")}  # the columns each basis rules out
_OTHER_BASIS = {"预算": "决算", "决算": "预算"}
FUND = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")


def basis_asked(question: str) -> str | None:
    """预算 or 决算 when the question says one of them and not the other."""
    said = {b for b in _BASES if b in question}
    return said.pop() if len(said) == 1 else None


# Columns of another year than the document's: the year before, the change, a year printed in the header.
PREVIOUS = re.compile(r"上一?年|去年|前一?年")
OTHER_COLUMN = re.compile(r"上一?年|去年|前一?年|增减|变化|变动|比上年|同比|增长|减少|增加")
# …of which a change column (增减变化情况/会议费): what a question asking a change asks
CHANGE_COLUMN = re.compile(r"增减|变化|变动")


def other_year_column(column: str, year: int | None, q: Query) -> bool:
    """A column that holds another year's figure or a change (上年/合计, 增减变化情况/…, 2025年预算数 in a 2026
    document): not the figure a question about the document's year asks for."""
    bare = FUND.sub("", column)  # 一般公共预算 names a fund, not the basis
    if q.basis and _BASES[q.basis].search(bare) and not _BASES[_OTHER_BASIS[q.basis]].search(bare):
        return True  # a budget column for a question about the final accounts, or the other way round
    if q.previous or q.change and CHANGE_COLUMN.search(column):
        return False  # (…or the change the question asks, its 增减变化 column)
    if OTHER_COLUMN.search(column):
        return True
    years = years_in(column)
    return bool(year and years and year not in years and not years & q.years)


def years_said(text: str) -> set[int]:
    """The years a question or sentence says (2025年, 2025 年度)."""
    return {int(y) for y in re.findall(r"(20\d\d)\s*年", halfwidth(text))}


def years_in(text: str) -> set[int]:
    """The years a column path or a row's label prints (2025年预算数: 2025)."""
    return {int(y) for y in re.findall(r"(20\d\d)", text)}


def match(q: Query, name: str) -> tuple[int, int, bool]:
    """Bigrams of the question a name says, bigrams of the name the question does not ask about, and whether
    the question carries the whole name."""
    own = grams(clean(name))
    whole = bool(clean(name)) and len(clean(name)) >= 2 and clean(name) in q.text
    return len(q.grams & own), len(own - q.grams), whole


def end_in(q: Query, name: str) -> float:
    """Where a name the question carries ends, as a share of the question (1.0: at its end)."""
    at = q.text.rfind(clean(name))
    return (at + len(clean(name))) / max(len(q.text), 1) if at >= 0 else 0.0


CARRIED = re.compile(r"结转|结余")  # money carried over, said anywhere (a year's 结转, 结余 of the years before)
CARRIED_PART = re.compile(r"\s*(?:其中[：:]?\s*)?(?:含)?(?:上年|以前年度|\d{4}\s*年)?结转(?:结余)?")  # a part of an amount said after it (上年结转…)

# A plan stated beside the actual (年初预算139,217.01万元，支出决算296,047.75万元; a self-assessment's 全年预算数350万元，
# 执行数322.15万元): the name that ends at the plan's figure, the question that asks for the plan, and the words
# that name the actual after it.
PLANNED = re.compile(r"(?:年初预算|预算数|调整预算)(?:数|为|是)?\s*$")
PLAN_ASKED = re.compile(r"年初|预算数|调整预算|计划")
ACTUAL = re.compile(r"决算|执行数|实际(?:支出|执行|完成)|完成数")
COMPARED = re.compile(r"(?:与|较|比|同)\s*(?:20\d\d\s*年度?|上一?年度?(?!结)|去年)(?:预算数?|决算数?)?(?:相比)?")


def strip_entity(text: str, hit: Hit) -> str:
    """Text without the document's unit name, comparison bases and years (they name the document or date the
    figure, not the quantity)."""
    entity = hit.chunk.entity or ""
    if entity:
        text = text.replace(entity, "")
    return re.sub(r"20\d\d\s*年度?", "", COMPARED.sub("", text))


def strip_names(q: str, hits: list[Hit]) -> str:
    """The question without the unit's name and the year: they choose the document, not the row
    ("普陀区人民政府办公室" must not match the row "政府办公厅（室）事务")."""
    from qa.question import _core

    from qa.question import _GENERIC_PHRASES

    for entity in {h.chunk.entity for h in hits if h.chunk.entity}:
        whole = norm(entity)
        places = set(split_name(whole)[0])  # (a place is the name's wherever it stands)
        named = [p for p in [whole] + _core(whole) if p in q]
        for piece in sorted(named, key=len, reverse=True):
            # a piece of the name is the name where a kind of body or no word follows it (科学技术局); before
            # other words it is a word of the figure's name (科学技术支出 of 科学技术局's budget)
            q = q.replace(piece, "") if piece == whole or piece in places else re.sub(
                re.escape(piece) + r"(?=" + "|".join(ORG_SUFFIX) + r"|[^\u4e00-\u9fff]|$)", "", q)
        if named:  # the leftovers of a name the question carries ("万里街道" + "办事处")
            for word in _GENERIC_PHRASES:
                if word in entity:
                    q = q.replace(word, "")
    return re.sub(r"20\d\d年度?", "", q)


# What a percentage is: the word printed just before it.
RATE_KINDS = {"up": r"增长|增加|上升|提高|增幅", "down": r"下降|减少|降低|降幅|下降了", "share": r"占|比重|比例|占比",
               "completion": r"完成"}


def rate_kind(text: str) -> str | None:
    for kind, rx in RATE_KINDS.items():
        if re.search(f"(?:{rx})", text):
            return kind
    return None


def less_units(question: str, hits: list[Hit]) -> str:
    """The question as asked, less the names of the units the hits come from."""
    from qa.question import _core

    for entity in sorted({h.chunk.entity for h in hits if h.chunk.entity}, key=len, reverse=True):
        for piece in sorted([entity] + _core(entity), key=len, reverse=True):
            question = question.replace(piece, "")
    return question


def head_term(text: str, terms) -> str | None:
    """What a question asks for, in the documents' own words: of the terms (row labels, column names, defined
    terms; cleaned) the question's text says whole, the one that ends last — the head of a Chinese noun phrase
    comes last, so "一般公共预算财政拨款基本支出" asks for 基本支出 and "三公经费中公务接待费" for 公务接待费. None
    when it says no term of three characters or more (a question in other words)."""
    found = []
    for term in terms:
        if len(term) >= 3:
            at = text.rfind(term)
            if at >= 0:
                found.append((at, at + len(term), term))
    # Of two terms that overlap, the longer is the one said (机关运行经费 in 机关运行经费支出, not 经费支出).
    kept = [f for f in found if not any(o[1] - o[0] > f[1] - f[0] and o[0] < f[1] and f[0] < o[1] for o in found)]
    if not kept:
        return None
    start, _, head = max(kept, key=lambda f: (f[1], f[1] - f[0]))
    # A longer term ending with the head whose first words the question says contracted just before it (公车运行维护费:
    # 公务用车运行维护费, not the 运行维护费 of some project): what the question names is that term.
    # Of several, the one the contraction says most of: 公车 is 公务用车 (two of four), not 公务用车购置及 (two of seven).
    longer = [(n / len(t[:-len(head)]), -len(t), t) for t in terms if len(t) > len(head) + 1 and t.endswith(head)
              for n in [_contracted(text[:start], t[:-len(head)])] if n]
    return max(longer)[2] if longer else head


def _contracted(before: str, prefix: str) -> int:
    """How many characters of `prefix` the text just before a term says contracted (0: none): two or more of its
    characters, in order, the first its first (公车 of 公务用车), fewer than all (said whole, the longer term is
    found as itself)."""
    return max((n for n in range(2, min(len(before), len(prefix) - 1) + 1)
                if before[-n:][0] == prefix[0] and in_order(before[-n:], prefix)), default=0)


def says(head: str, text: str, least: float = 0.6) -> bool:
    """The text names the head term: whole, by its abbreviation, or most of the bigrams of a long one (公务用车运行费
    for 公务用车运行维护费; a short term, 收入预算, is said whole, or as its abbreviation, or not at all)."""
    if head in text:
        return True
    if len(head) in (4, 6) and re.fullmatch(r"[\u4e00-\u9fff]+", head) and head[::2] in text:
        return True  # its abbreviation, the first character of each word: 财拨 for 财政拨款, 政采 for 政府采购
    own = grams(head)
    return len(own) >= 4 and len(own & grams(text)) >= least * len(own)


def listed(title: str) -> list[str]:
    """The quantities a table title names one after another ("“三公”经费及会议费、培训费支出预算表": …三公经费, 会议费,
    培训费), the first with the title's preamble; [] for a title that names one. Read on the title as printed: the
    normalised one has lost its 、."""
    core = re.sub(r"[（(][^）)]*[）)]", "", halfwidth(title))
    parts = re.split(r"及|、", core)
    inner = re.search(r"[（(]([^）)]*、[^）)]*)[）)]", halfwidth(title))
    if len(parts) < 2 and inner:
        # "政府采购（资产配置、购买服务）预算表": the brackets list what the table's quantity is made of
        parts = [halfwidth(title)[:inner.start()] + p if i == 0 else p for i, p in enumerate(inner.group(1).split("、"))]
    return [clean(re.sub(r"(?:支出)?(?:预算|决算)?(?:情况)?(?:明细)?表$", "", p)) for p in parts] if len(parts) > 1 else []


def lists(title: str) -> bool:
    """A table title that names several quantities: its total is theirs together, so the title does not say what
    one row or its 合计 is."""
    return bool(listed(title))


def is_unit(label: str) -> bool:
    """A row label naming a unit: an organisation's name (…局, …中心, …站), not an account line."""
    name = re.sub(r"^[\s\d（()）.、一二三四五六七八九十]+", "", norm(label))
    return len(name) >= 4 and name.endswith(ORG_SUFFIX) and not re.search(r"支出|费|资金|补助|补贴", name)


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def figure_at(text: str, value: float, in_yuan: bool = False) -> re.Match | None:
    """Where the text states the figure (the first number equal to it; with `in_yuan`, also printed in 元 for a value
    in 万元), or None."""
    for m in _FIGURE.finditer(text):
        f = float(m.group(0).replace(",", ""))
        if abs(f - value) < 0.005 or in_yuan and abs(f / 10000 - value) < 0.005:
            return m
    return None


# 及 joining two things, not inside a word (涉及, 普及, 以及 said whole)
JI_JOINING = r"(?<![涉普危企波顾提来不以])及"
# (the joining words, not the same characters inside a word: 涉及, 普及, 总和, 参与)
_JOINS = re.compile(r"以及|" + JI_JOINING + r"|(?<![总共饱缓温调])和(?![平谐])|(?<![参给赋])与|、")
_MONEY_NAME = re.compile(r"(?:费|经费|支出|资金|补助|补贴)$")


def joined_with_others(asked: set[str], name: str) -> bool:
    """An amount's name joins what the question asks (`asked`: its two-character runs) with other things it does not
    say (“三公”经费及会议费、培训费预算支出共…, asked for the 三公经费): the figure is of them together. A thing the
    question does not say shares no two characters in a row with it and is named as money (…费, …支出)."""
    pieces = [clean(p) for p in _JOINS.split(name)]
    if len(pieces) < 2:
        return False
    said = [bool(grams(p) & asked) for p in pieces]
    return any(said) and any(not s and len(p) >= 2 and _MONEY_NAME.search(p) for p, s in zip(pieces, said))


def last_name(prefix: str) -> str:
    """What names an amount, from the text before it: its last clause, after any amount that clause states before (会议费
    10万元、培训费… names 培训费 only)."""
    clause = re.split(r"[，,；;：:。]", prefix)[-1]
    return re.split(r"[\d.]+\s*(?:万元|亿元|元)", clause)[-1].lstrip("、及和与 ")
