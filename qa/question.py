"""What a question names: the documents it is about (unit name, year) and the quantity it asks for."""
from __future__ import annotations

import re
from typing import Iterable

from index.numbers import halfwidth
from qa.vocab import norm

_YEAR = re.compile(r"(20\d{2})\s*年")
# A frame saying where to look, before the question proper (按照部门预算支出经济分类，… / 按2026年部门预算公开的数字，…)
FRAME = re.compile(r"^\s*(?:按照|按|依照|根据)[^，,。？?]{2,20}?[，,]\s*")
_NUMERIC = re.compile(r"多少|几|多大|金额|数额|总额|合计|共计|为多|是多|占比|比例|比重|百分之|增长|减少|下降|增加")
# Administrative words shared by many unit names; they do not tell one unit from another.
_GENERIC_PHRASES = ("上海市", "普陀区", "人民政府", "办事处", "本级单位", "部门预算", "部门决算")
_GENERIC = ("上海市", "普陀区", "人民政府", "办事处", "河南省", "安徽省", "市", "区", "县", "局", "本级", "部门")

# The measure words a count is asked and stated in (多少辆, 共有车辆6辆; 台 also for 台（套）), and a count stated: the
# language's measure words for things and events (not 部 and 支, which begin 部分 and 支出).
MEASURES = "个家辆人项台套艘座名位次期所件户条批场份卷篇本册处栋间张只头棵株届例宗起轮趟"
FEW = r"(?<![十百千万一二三四五六七八九])几(?![十百千万])"  # 几 of a few things (十几, 几十 say a number roughly)
STATED_COUNT = re.compile(r"(\d+)\s*([" + MEASURES + r"])")
# A small number as questions write it: digits or one Chinese numeral (第三, 四家, 两个).
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def small_number(word: str) -> int | None:
    """The number a question writes in digits or one Chinese numeral (None for anything else)."""
    return int(word) if word.isdigit() else _CN_DIGITS.get(word)


# A change asked without its direction (跟去年比变化多大, 增减情况如何): either direction answers it.
UNDIRECTED_CHANGE = r"(?:变化|变动|增减)了?(?:多大|多少|几何|如何|情况)"
# The year a change is counted from (比上年, 较2025年, 跟去年): it dates the change, it names no quantity.
YEAR_BASE = r"(?:比|较|与|跟|同)\s*(?:各自的?)?\s*(?:20\d\d\s*年度?|上一?年度?|去年)"  # (比各自上一年: each its own)
# A change asked by its base year and any verb (比上一年省下了多少, 比上年砍掉了多少, 较去年多花了几): the base says
# a change is asked, whatever word says which way, and whatever the clause says between them (比2018年那一版预算多安排了多少).
BASED_CHANGE = YEAR_BASE + r"(?:年初)?(?:预算数?|决算数?)?[^，,。？?\d是为]*?了?(?:多少|几)(?![" + MEASURES + r"])"

# People counted without a measure word (多少离退休的老同志, 几名在编干部): a count of 人, unless money is asked of them.
PEOPLE_WORDS = r"人员|同志|职工|干部|员工|老人|百姓|群众|居民|市民|村民|农民|学生|患者|病人|游客|儿童|人口|人才"  # nouns that name people
# …and nouns a people suffix ends (注册医师, 公务员, 消费者, 残疾人): a word of two characters at least
PEOPLE_SUFFIX = r"[\u4e00-\u9fff]{1,8}?[员师者士人]"
PEOPLE = (r"(?<![这那])(?:多少|几)(?:位|名)?(?P<people>[\u4e00-\u9fff]{0,8}?(?:" + PEOPLE_WORDS + r")|"
          + PEOPLE_SUFFIX + r")(?![\u4e00-\u9fff]*(?:钱|费|资金|经费|预算|元|币))")

# What a question asks for, by the words that ask it; the first that matches wins.
_INTENTS = (
    ("list", r"哪些|哪个|哪家|哪一家|哪几|哪一个"),
    ("reason", r"为什么|为何|为啥|怎么会|什么原因|原因是什么|主要原因|原因"),
    ("definition", r"指什么|是指什么|什么意思|的含义|的定义|含义是|是什么意思|什么是"),
    ("percent", r"百分|比例|占比|比重|增长率|增幅|降幅|%|完成.*?预算的|(?:占|[涨增降减升跌缩])(?:了|到)?几成"),  # 几成: tenths
    # (a measure before the money it counts is no count: 多少项目钱, 几项经费里哪项最多 ask amounts)
    ("count", r"(?<![这那])(?:几|多少)[" + MEASURES + r"](?![\u4e00-\u9fff]?(?:钱|资金|经费))|数量|" + PEOPLE),
    ("change", r"(?:增加|减少|增长|下降|上升|降低|提高|多了|少了|省了|节省|节约|压减|压缩|(?:多|高|少|低)出来?|"
               r"(?<![最至])[增减降涨升多少高低缩])了?(?:多少|几)|" + UNDIRECTED_CHANGE + "|" + BASED_CHANGE),
)


# A count asked (多少辆, 几个); 这几项 refers to things already said, it does not ask.
# "Y里，X是多少": the clause mark after 里 / 中 ends where to look (一般公共预算基本支出里，…); what follows is asked
# The whole scope said in words (全部门, 整个系统, 本单位): which document, no word of the thing asked.
WHOLE_SCOPE = r"(?:全|整个|本)(?:部门|系统|单位)"
# Every source of money asked at once (各类资金都算上, 不论哪种资金来源, 全口径): a table of one fund (一般公共预算…,
# 政府性基金…, 财政拨款…) holds only that fund's part of it.
ALL_FUNDS = re.compile(r"各(?:类|种|项)资金|所有资金|全部资金|(?:不论|无论|不管)(?:是)?哪(?:种|类|一种)?资金|"
                       r"各(?:类|种)?(?:资金)?来源|所有来源|全口径")
ONE_FUND = re.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款")
_ALL_FUNDS_SAID = re.compile(rf"[（(][^（()）]*(?:{ALL_FUNDS.pattern})[^（()）]*[）)]|"
                             rf"(?:{ALL_FUNDS.pattern})[^，,。？?（()）]{{0,8}}[，,]?")


def without_all_funds(question: str) -> str:
    """The question without its words asking every source of money (（各类资金合计）, 各种资金来源加在一起，): they say
    which tables hold the figure, no words of it (合计 is no row asked)."""
    return _ALL_FUNDS_SAID.sub("", question)
WHERE_WORD = r"(?:里|中|当中)"
LOOKED_IN = re.compile(WHERE_WORD + r"[，,：:]")


def asked_after_where(question: str, terms: Iterable[str] = ()) -> str:
    """What the question asks once where to look is said (…基本支出里，按考核结果发的绩效工资是多少 → 按考核…是多少);
    the whole question when it says no where. `terms` (cleaned, as Retriever.terms): one of them said with 里 and no
    pause is a where too (“三公”经费里买新公车的钱 → 买新公车的钱)."""
    after = LOOKED_IN.split(question)[-1]
    if after == question and terms:
        # (what comes before each 里 normalised once, not once for every term: this runs for each candidate read)
        after = next((question[m.end():] for m in re.finditer("里", question)
                      if (before := norm(question[:m.start()])) and any(before.endswith(t) for t in terms)), question)
    return after


# The fund said after the thing, as what pays it (…看病保障的那一项，财政一般公共预算拨了多少): where the money comes from
_FUND_PAYS = re.compile(rf"[，,]\s*(?:由|从|用)?(?:财政)?(?:{ONE_FUND.pattern})\w{{0,4}}?(?:里|中)?"
                        r"(?:拨|给|安排|出|花|列支|支出)了?(?:多少|几)")


def thing_asked(question: str, terms: Iterable[str] = ()) -> str:
    """What the question asks: after where it looks (asked_after_where), or before the fund said to pay it; the
    whole question when it says neither."""
    after = asked_after_where(question, terms)
    paid = _FUND_PAYS.search(question) if after == question else None
    return question[:paid.start()] if paid and paid.start() >= 2 else after


def where_and_asked(question: str, terms: Iterable[str] = ()) -> tuple[str, str]:
    """(where to look, what is asked once it is said): the question cut where asked_after_where cuts it; the where is
    "" when the question says none."""
    thing = asked_after_where(question, terms)
    return question[:len(question) - len(thing)], thing


# What the question says it does not ask: said before the thing (既不是财政拨款、也不是事业收入的那块, 不算买东西和工程,
# 除了工资以外) or, in brackets, before 之外 / 以外 (补充养老金（基本养老保险之外的那一份）): a figure or term named so is
# not it.
OUT_BEFORE = r"既不是|也不是|不是|不算|不含|不包括|除了|除去|除开|扣除|排除|撇开|撇除|抛开|刨去|刨除|剔除"
OUT_AFTER = r"之外|以外"
NOT_THIS = re.compile(rf"(?:{OUT_BEFORE})([\u4e00-\u9fff]{{2,12}}?)(?=[，,、的）)]|也|$)")
_BESIDE = re.compile(rf"[(（]([\u4e00-\u9fff]{{2,12}}?)(?:{OUT_AFTER})")
# …or as a clause of its own, a list before 以外 (…里，养老、医疗保险和年金以外，其余的社保费)
_CLAUSE_OUT = re.compile(rf"(?:^|[，,：:；;])([\u4e00-\u9fff、]{{2,24}}?)(?:{OUT_AFTER})(?=[，,的])")
# …or as the things the one asked cannot be classed under (没法归到办公、邮电、差旅这些具体名目下的: the remainder)
CLASSED_OUT = r"归不[进到入了]|(?:没法|无法|不能)归[到进入]?"  # (cannot be classed under)
NOT_UNDER = re.compile(rf"(?:{CLASSED_OUT})([\u4e00-\u9fff、和与及]{{2,30}}?)"
                        r"(?:这些|那些|这几[项类个]|等)?(?:具体)?(?:的)?(?:名目|科目|项目|类别)?(?:下|里|中)?(?=的|[，,]|$)")
_ANY = {"任何", "上述", "前面", "任何具体", "哪一项"}  # (归不进任何名目: no thing named)
# Words pointing at a thing the question names or has named (那一块, 这一大类, 该科目, 那一行): no words of it.
POINTER = re.compile(r"[那这该此]一?(?:大类|大块|大项|大笔|个科目|部分|科目|行|项|栏|笔|块|摊|类|款|份|种|个)")
# (那一块, 那部分, 之外: pointing at the thing left out, no word of it)
_POINTING = re.compile(rf"(?:{POINTER.pattern}|{OUT_AFTER})$")


# Words that point (这些, 那类, 这种): however few documents print them, no word of a thing.
POINTING = re.compile(r"[这那此该其每各哪][些类种个样么块部分份笔项边]+")
_DESCRIBED = re.compile(r"的([\u4e00-\u9fff]{2,8}?)(?=[)）])")  # the thing a bracketed left-out description names


def not_asked(question: str) -> list[str]:
    """The things the question says it does not ask (不是X, 不算X, 除了X, （X之外…）), each thing of a list apart
    (不算买东西和工程: 买东西, 工程)."""
    q = halfwidth(question)
    found = [m.group(1) for m in NOT_THIS.finditer(q)] + [m.group(1) for m in _BESIDE.finditer(q)] + \
        [m.group(1) for m in _CLAUSE_OUT.finditer(q) if not NOT_THIS.search(m.group(0)) and
         not m.group(1).startswith(("除", "此"))]  # (除此以外 points back, it names nothing)
    # (不是实际花掉的决算数: the thing 的 describes is left out too, 决算数; 不是X的那块 only points at X)
    found += [t.group(1) for m in NOT_THIS.finditer(q)
              if (t := _DESCRIBED.match(q, m.end())) and not POINTING.match(t.group(1))]
    found += [m.group(1) for m in NOT_UNDER.finditer(q)]
    out = [w for x in found for w in re.split(r"[和与及、或]", _POINTING.sub("", x)) if len(w) >= 2 and w not in _ANY]
    return list(dict.fromkeys(out))


MEASURE = re.compile(r"(?<![这那])(?:多少|几)\s*([" + MEASURES + r"])")


# Examples in brackets (小飞机、直升机这些; 比如…; 含…等), or a member the thing includes (含技术市场服务体系: the whole is
# asked, and the member's words would read the member's own row)
_EXAMPLES = re.compile(r"[（(](?:(?:比如|例如|譬如|如|像)?[^（）()]*?(?:这些|这类|之类|那些|等等?)|(?:含|包括|包含)[^（）()]*)[）)]")
CODE = re.compile(r"(?<!\d)(\d{3}(?:\d{2}){0,2})(?!\d)")  # a classification code: 类 301, 款 30101, 项 3010101


# The other classification's heading a row sits under, said in brackets beside it (30214租赁费（政府经济科目50201办公
# 经费）): where the row is filed in another scheme, no words of its name, its code no code of the row.
# (a code alone in such brackets is the row's own code, said with its scheme: it stays)
_FILED_UNDER = re.compile(r"[（(](?:政府|部门)?(?:预算)?(?:支出)?(?:经济|功能)(?:分类)?科目\s*\d{3,7}\s*"
                          r"[\u4e00-\u9fff]{2,}[）)]")


def without_examples(question: str) -> str:
    """The question less the examples it gives in brackets: they illustrate the thing asked (its members, 离休生活性补贴
    of 离休费), no words of its name; a classification code said with them names it and stays. Less, too, the
    heading of another classification the thing is filed under (_FILED_UNDER)."""
    return _EXAMPLES.sub(lambda m: " ".join(CODE.findall(m.group(0))), _FILED_UNDER.sub("", question))


# The budgets by their short and former names (一般预算: the general budget's name before the 2014 budget law, as
# people still say it; 基金预算, 国资预算), read as the documents print them.
_FUND_SHORT = ((re.compile(r"(?<!公共)一般预算"), "一般公共预算"), (re.compile(r"(?<!性)基金预算"), "政府性基金预算"),
               (re.compile(r"国资预算|国有资本预算"), "国有资本经营预算"))


def funds_in_full(question: str) -> str:
    """The question with each budget said by its full name (财政一般预算拨款 → 财政一般公共预算拨款)."""
    for short, full in _FUND_SHORT:
        question = short.sub(full, question)
    return question


_UP, _DOWN = re.compile(r"多|增|涨|高|上升"), re.compile(r"少|减|降|低|省|节约|缩")


def asked_direction(question: str, change: str) -> bool:
    """Whether a change of this sign ("+" / "-") answers the question (多了多少 is not answered by a fall)."""
    # what follows the comparison's base (the whole question when it has none), less the asking 多少
    asked = re.sub(r"多少|多大", "", question.split("比")[-1])  # (变化多大 asks no direction)
    up, down = _UP.search(asked), _DOWN.search(asked)
    return not ((change == "+" and down and not up) or (change == "-" and up and not down))


# A proportion by which money is reckoned (按工资总额比例拨给工会的钱): how the sum is set, not a rate asked
_BY_PROPORTION = re.compile(r"按[^，,。？?的]{0,8}(?:比例|比率)(?=[^\s的是为多几占，,。？?])")


def intent(question: str) -> str:
    """What kind of answer a question wants: list | reason | definition | percent | count | change | amount | text."""
    q = _BY_PROPORTION.sub("", halfwidth(question))
    for name, rx in _INTENTS:
        if re.search(rx, q):
            return name
    return "amount" if is_numeric(q) else "text"


def definition_term(question: str) -> str | None:
    """The term a definition question asks about ("项目支出" in "名词解释中，项目支出指什么？")."""
    q = re.sub(r"[？?。！!\s]", "", halfwidth(question))
    m = re.search(r"(?:什么是|何为)(.+)$", q) or re.search(r"(.+?)(?:是指什么|指什么|是什么意思|什么意思|的含义|的定义)", q)
    if not m:
        return None
    term = re.split(r"[，,：:]|(?:解释|模板|文件|报告|说明|预算|决算)(?:中|里)", m.group(1))[-1]
    return term.strip("“”\"'的") or None


def years(question: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(halfwidth(question))}


def is_numeric(question: str) -> bool:
    return bool(_NUMERIC.search(question))


def _core(entity: str) -> list[str]:
    """Distinctive pieces of a unit's name: the name without generic administrative words, cut at them."""
    parts = [entity]
    for g in _GENERIC:
        parts = [p for piece in parts for p in piece.split(g)]
    return [p for p in parts if len(p) >= 2]


def entity_match(question: str, entity: str | None) -> int:
    """How many consecutive characters of the unit's name the question carries (0 when fewer than three, or when
    they are only an administrative word every unit has: 人民政府, 上海市…)."""
    if not entity:
        return 0
    q = halfwidth(question)
    for size in range(len(entity), 2, -1):
        for start in range(0, len(entity) - size + 1):
            piece = entity[start:start + size]
            if piece in q and not any(piece in g for g in _GENERIC_PHRASES):
                return size
    return 0


def entity_matches(question: str, entity: str | None) -> bool:
    return entity_match(question, entity) > 0


def restrict(question: str, docs: dict[str, dict]) -> set[str]:
    """Keys of the documents the question is about; all of them when it names none."""
    keys = set(docs)
    scores = {k: entity_match(question, d.entity) for k, d in docs.items()}
    best = max(scores.values(), default=0)
    if best:
        # The unit named most fully: "示例第2测试局" is not "示例第1测试局", though both share "示例第".
        keys = {k for k, v in scores.items() if v == best}
    ys = years(question)
    if ys:
        by_year = {k for k in keys if docs[k].year in ys}
        keys = by_year or keys
    return keys


def year_gap(question: str, docs: dict[str, dict]) -> tuple[list[int], list[int]] | None:
    """(years asked, years held) when the question names years and none of the named unit's documents is of them:
    the answer then comes from another year and must say so."""
    asked = years(question)
    if not asked:
        return None
    keys = restrict(re.sub(r"20\d\d\s*年", "", question), docs)
    held = sorted({docs[k].year for k in keys if docs[k].year})
    if not held or asked & set(held):
        return None
    return sorted(asked), held


# Asking words: they shape the question but no passage answers with them.
_ASKING = re.compile(r"是多少万元|是多少|为多少|有多少|多少万元|多少钱|多少|是什么|什么|请问|为什么|哪些|哪个|哪家|"
                     r"安排了|安排|分别|一共|吗|呢|了")


def search_query(question: str) -> str:
    """The question as a search query: without asking words (never empty)."""
    q = _ASKING.sub(" ", halfwidth(question))
    return q if len(q.strip()) >= 2 else question


def topic(question: str, entities: list[str]) -> str:
    """The question without the unit names and years it mentions: once the documents are chosen, those words only
    pull retrieval towards every passage that repeats the unit's name."""
    q = halfwidth(question)
    for entity in sorted({e for e in entities if e}, key=len, reverse=True):
        for size in range(len(entity), 2, -1):
            for start in range(0, len(entity) - size + 1):
                piece = entity[start:start + size]
                if piece in q and not any(piece in g for g in _GENERIC_PHRASES):
                    q = q.replace(piece, " ")
    q = _YEAR.sub(" ", q)
    return q if len(q.strip()) >= 2 else question
