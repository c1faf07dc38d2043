"""English names of the fixed vocabulary every Chinese budget disclosure uses, and the reading of an English phrase
as one of a unit's terms through them.

Why a glossary at all: the documents' row labels belong to a national standard (the 政府收支分类科目: economic
classes 301–310 with their 5-digit items, the revenue and expenditure rows of the standard tables, the "三公"
items and 机关运行经费 the disclosure rules define). Neither reader of the project reaches them from plain English:
CC-CEDICT cuts 因公出国（境）费 into 因公/出国/境/费 (no sense says "overseas" or "travel"), and multilingual-e5-small
between a short English phrase and a Chinese label scores every label near 0.8. Measured (2026-12-02) on 30 plain
English phrases over the 71 labels below: the label itself first for 15 (median lead over the second 0.008), the
label's English name first for 25 (median lead 0.046). So each standard label gets its plain English name(s) here
— the name, not a list of ways a question might put it — and the words and the encoder read a phrase against those
names.

A phrase is read as a term only when: the term's name says the largest share of the phrase's words (at least
half) and the phrase says at least half of the name; the words said are not ones most names say (official,
expenses); among terms said equally, the one whose name the phrase says whole, else the encoder's first by a clear
lead; and the whole vocabulary reads the phrase the same way (a unit lacking the 因公出国 row is not read as its
三公经费 for "overseas travel"). Anything else is declined (a guessed quantity is a wrong answer)."""
from __future__ import annotations

import functools
import re

from qa.vocab import norm

# Chinese label (as printed; normalised on use) -> its English names: the national economic classification's items,
# the standard tables' rows and the terms the disclosures' 名词解释 define, in their usual English.
GLOSSARY: dict[str, tuple[str, ...]] = {
    # the three public expenses and the running costs the rules define
    # (the items are not part of the name: a unit whose documents lack the item's row is not read as the total)
    "三公经费": ("three public expenses",),
    "因公出国（境）费": ("overseas travel on official business", "overseas trips on official business",
                   "official visits abroad"),
    "公务接待费": ("official reception expenses", "official hospitality"),
    "公务用车购置及运行维护费": ("purchase, operation and maintenance of official vehicles",),
    "公务用车购置及运行费": ("purchase, operation and maintenance of official vehicles",),
    # (公车, the official car, as often as the vehicle)
    "公务用车购置费": ("purchase of official vehicles", "purchase of official cars"),
    "公务用车运行维护费": ("operation and maintenance of official vehicles", "official vehicle running costs and upkeep",
                  "official car running costs and upkeep"),
    "公务用车运行费": ("operation and maintenance of official vehicles", "official vehicle running costs and upkeep",
                "official car running costs and upkeep"),
    "机关运行经费": ("running costs of government offices",),
    # goods and services (302)
    "商品和服务支出": ("goods and services expenditure",),
    "办公费": ("office expenses",),
    "印刷费": ("printing expenses",),
    "咨询费": ("consulting fees",),
    "手续费": ("service charges",),
    "水费": ("water charges",),
    "电费": ("electricity charges",),
    "邮电费": ("postal and telecommunication charges",),
    "取暖费": ("heating charges",),
    "物业管理费": ("property management fees",),
    "差旅费": ("domestic business travel expenses",),
    "维修（护）费": ("repair and maintenance expenses",),
    "租赁费": ("rental fees",),
    "会议费": ("meeting expenses",),
    "培训费": ("training expenses",),
    "专用材料费": ("special materials",),
    "被装购置费": ("uniforms",),
    "劳务费": ("labour service fees",),
    "委托业务费": ("commissioned services fees",),
    "工会经费": ("trade union funds",),
    "福利费": ("welfare expenses",),
    "其他交通费用": ("other transport expenses",),
    "税金及附加费用": ("taxes and surcharges",),
    # wages and benefits (301)
    "工资福利支出": ("wages and benefits",),
    "基本工资": ("basic salaries",),
    "津贴补贴": ("allowances and subsidies",),
    "奖金": ("bonuses",),
    "绩效工资": ("performance pay",),
    "机关事业单位基本养老保险缴费": ("basic pension insurance contributions",),
    "职业年金缴费": ("occupational annuity contributions",),
    "职工基本医疗保险缴费": ("employee basic medical insurance contributions",),
    "公务员医疗补助缴费": ("civil servants' medical subsidy contributions",),
    "其他社会保障缴费": ("other social security contributions",),
    "住房公积金": ("housing provident fund",),
    "医疗费": ("medical expenses",),
    # subsidies to individuals and families (303), capital (310)
    "对个人和家庭的补助": ("subsidies to individuals and families",),
    "离休费": ("pensions of retired veteran cadres",),
    "退休费": ("retirement pensions",),
    "抚恤金": ("survivor benefits",),
    "生活补助": ("living allowances",),
    "医疗费补助": ("medical expense subsidies",),
    "奖励金": ("rewards",),
    "资本性支出": ("capital expenditure",),
    "办公设备购置": ("purchase of office equipment",),
    "专用设备购置": ("purchase of special equipment",),
    "信息网络及软件购置更新": ("purchase of information networks and software",),
    # the functional classification's items every unit's table prints (2080505, 2101101, 2210203…); not 行政运行 and
    # the like, whose plain English (administrative operating costs) says 机关运行经费 as well
    "行政单位离退休": ("retirees of administrative units",),
    "事业单位离退休": ("retirees of public institutions",),
    "机关事业单位基本养老保险缴费支出": ("basic pension insurance contributions",),
    "机关事业单位职业年金缴费支出": ("occupational annuity contributions",),
    "行政单位医疗": ("medical care of administrative units",),
    "事业单位医疗": ("medical care of public institutions",),
    "提租补贴": ("rent subsidies",),
    "购房补贴": ("home purchase subsidies",),
    # the classes (类) of the functional classification, the same in every city's tables, by their usual English
    "一般公共服务支出": ("general public services expenditure",),
    "国防支出": ("national defence expenditure",),
    "公共安全支出": ("public security expenditure", "public safety expenditure"),
    "教育支出": ("education expenditure",),
    "科学技术支出": ("science and technology expenditure",),
    "文化旅游体育与传媒支出": ("culture, tourism, sports and media expenditure",),
    "社会保障和就业支出": ("social security and employment expenditure",),
    "卫生健康支出": ("health expenditure",),
    "节能环保支出": ("energy conservation and environmental protection expenditure",),
    "城乡社区支出": ("urban and rural community expenditure",),
    "农林水支出": ("agriculture, forestry and water expenditure",),
    "交通运输支出": ("transportation expenditure",),
    "资源勘探工业信息等支出": ("resource exploration, industry and information expenditure",),
    "商业服务业等支出": ("commerce and services expenditure",),
    "金融支出": ("financial affairs expenditure",),
    "自然资源海洋气象等支出": ("natural resources, marine and meteorology expenditure",),
    "住房保障支出": ("housing security expenditure",),
    "粮油物资储备支出": ("grain, oil and materials reserves expenditure",),
    "灾害防治及应急管理支出": ("disaster prevention and emergency management expenditure",),
    # the rows of the standard revenue and expenditure tables
    "收入总计": ("total revenue",),
    "本年收入合计": ("total revenue of the year",),
    "财政拨款收入": ("fiscal appropriations",),
    "财政拨款": ("fiscal appropriations",),
    "一般公共预算拨款收入": ("general public budget appropriations",),
    "政府性基金预算拨款收入": ("government fund budget appropriations",),
    "国有资本经营预算拨款收入": ("state capital operation budget appropriations",),
    "事业收入": ("revenue from public institution operations",),
    "事业单位经营收入": ("business revenue of public institutions",),
    "上级补助收入": ("subsidies from higher authorities",),
    "其他收入": ("other revenue",),
    "上年结转": ("carry-over from the previous year",),
    "支出总计": ("total expenditure",),
    "本年支出合计": ("total expenditure of the year",),
    "基本支出": ("basic expenditure",),
    "项目支出": ("project expenditure",),
    "人员经费": ("personnel expenses",),
    "公用经费": ("public operating expenses",),
    "政府采购": ("government procurement",),
}
# Endings a document adds or drops on the same label (因公出国（境）费 / 因公出国（境）费用, 会议费 / 会议费支出).
_ENDING = re.compile(r"(?:用|支出)$")
MIN_SAID = 0.5  # share of the phrase's content words a term's name must say, and of the name's the phrase says
FEW = 3  # words said together by at most this many entries' names tell them apart
MIN_MARGIN = 0.04  # the encoder's first among the terms saying most, ahead of the next by this much


def _key(label: str) -> str:
    return _ENDING.sub("", norm(label))


_BY_KEY = {_key(k): v for k, v in GLOSSARY.items()}


def names(term: str) -> tuple[str, ...]:
    """The English names of a label of the standard vocabulary (any printed variant), or ()."""
    return _BY_KEY.get(_key(term), ())


def _content(text: str) -> set[str]:
    """Stemmed words of an English name or phrase, keeping those that tell names apart (other, total), which the
    dictionary reader drops."""
    from qa.gloss import _stemmer

    words = [w for w in re.findall(r"[a-z]+", text.lower().replace("'s", "")) if w not in _JOINING]
    return set(_stemmer().stemWords(words))


_JOINING = frozenset("a an the of and or on for from to into in at as per by with its their it this that".split())


@functools.lru_cache(maxsize=1)
def _entries() -> tuple[frozenset[str], ...]:
    """The words of each entry's names."""
    return tuple(frozenset().union(*(_content(n) for n in entry)) for entry in set(GLOSSARY.values()))


def _spread(words: frozenset[str]) -> int:
    """How many entries' names say all these words: words most names say (official, expenses) read no one term."""
    return sum(words <= entry for entry in _entries())


def _said(phrase: set[str], term: str) -> tuple[float, float, frozenset[str]]:
    """How much of the phrase the term's best name says, how much of that name the phrase says, and the words."""
    best: tuple[float, float, frozenset[str]] = (0.0, 0.0, frozenset())
    for name in names(term):
        own = _content(name)
        shared = phrase & own
        if phrase and own:
            best = max(best, (len(shared) / len(phrase), len(shared) / len(own), frozenset(shared)))
    return best


def says_whole(phrase: str, term: str) -> bool:
    """Every content word of the phrase is a word of one of the term's English names ("goods and services" of
    商品和服务支出's "goods and services expenditure")."""
    return _said(_content(phrase), term)[0] == 1.0


def read(phrase: str, terms: list[str], sources: dict[str, int] | None = None,
         every: bool = False) -> str | None:
    """The term of `terms` an English phrase names through the terms' English names, or None (see the module's
    rule). Terms with the same names (因公出国境费, 因公出国境费用) are one reading: the one more documents use."""
    words = _content(phrase)
    said = {t: _said(words, t) for t in terms if names(t)}
    top = max((s[0] for s in said.values()), default=0.0)
    if top < MIN_SAID:
        return None
    readings: dict[tuple[str, ...], list[str]] = {}
    for t, s in said.items():
        if s[0] == top:
            readings.setdefault(names(t), []).append(t)
    whole = [r for r in readings if any(said[t][1] == 1.0 for t in readings[r])]
    if len(readings) > 1 and len(whole) == 1:
        chosen = readings[whole[0]]  # the one whose name the phrase says whole ("total revenue": 收入总计)
    elif len(readings) > 1:
        ranked = _ranked(phrase, list(readings))
        if ranked[0][0] - ranked[1][0] < MIN_MARGIN:
            return None  # "official vehicles": purchase or upkeep? the encoder leans, the question does not say
        chosen = readings[ranked[0][1]]
    else:
        chosen = next(iter(readings.values()))
    share, cover, shared = said[chosen[0]]
    # a name half of which the phrase leaves unsaid is no reading of it (the parent 公务用车购置及运行维护费 for
    # "vehicle upkeep"), nor one said only by words most names say ("official cars": official)
    if cover < MIN_SAID or _spread(shared) > FEW:
        return None
    if not every and names(read(phrase, list(GLOSSARY), every=True) or "") != names(chosen[0]):
        # the whole vocabulary reads the phrase otherwise: as an entry this unit's documents lack ("operation and
        # maintenance of official vehicles" where only 公务用车购置及运行费 is printed), or as none (a unit printing
        # only 其他收入 is not thereby asked about it by "revenue")
        return None
    sources = sources or {}
    return max(chosen, key=lambda t: (sources.get(t, 0), -len(t)))


def _ranked(phrase: str, readings: list[tuple[str, ...]]) -> list[tuple[float, tuple[str, ...]]]:
    """Readings by the encoder's similarity of the phrase to their nearest English name, best first."""
    import numpy as np

    from qa.meaning import encoder, passages

    flat = [n for r in readings for n in r]
    sims = passages(flat) @ np.asarray(encoder().query(phrase), dtype=np.float32)
    best: dict[tuple[str, ...], float] = {}
    i = 0
    for r in readings:
        best[r] = float(max(sims[i:i + len(r)]))
        i += len(r)
    return sorted(((s, r) for r, s in best.items()), key=lambda x: -x[0])
