"""An English "how many …" read as the Chinese count question it asks: the counted word among the words the unit's
own documents print before a count (共有车辆6辆, 设备4台), held or bought, dated or priced as the question says."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.english_named import documents_of
from qa.question import MEASURES

if TYPE_CHECKING:
    from qa.retrieve import Retriever

# What the documents count: a word of two to four characters, its number, its measure word (共有车辆6辆, 设备4台).
_HOW_MANY_OF = re.compile(r"\bhow many\s+(?:pieces|items|units|sets)\s+of\s+([A-Za-z'’-]+)", re.I)
_WORD_NUMBERS = {w: float(i) for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_PRICED = re.compile(r"\b(?:priced|worth|costing|valued)\s+(?:at\s+)?(?:over|above|more than|at least)\s+"
                     r"([\d,]+(?:\.\d+)?|" + "|".join(_WORD_NUMBERS) + r")\s*(million)?\s*(?:yuan|RMB)\b", re.I)
_COUNTED = re.compile(r"([\u4e00-\u9fff]{2,4})\s*(\d+)\s*([" + MEASURES + r"])")
# the counted noun: a plural, or a noun English counts without one (people, staff, personnel)
# (a word before it may hold digits: 5G base stations, 12345 hotline calls)
HOW_MANY = re.compile(r"\bhow many\s+((?:[A-Za-z0-9'’-]+\s+){0,3}?(?:[A-Za-z'’-]+?s|people|staff|personnel))\b", re.I)
_TARGETS_NAMED = re.compile(r"\b(?:performance|targets?|goals?)\b", re.I)
_TARGET_FRAMED = re.compile(r"\b(?:plans?|planned|aims?|aimed|expects?|expected|intends?|projects?)\b", re.I)
_DATED = re.compile(r"\b(?:at the end of|end of|as of|by the end of|by|until|up to)\s+(?:[A-Z][a-z]+\s+)?(20\d\d)\b", re.I)


# The share of the question's words (weighted by rarity) that a statement name saying under half of its own words must
# say to be read: all of them, or all but a common one (a name carries its clause: 重点推动人工智能医院建设)
WHOLE_QUESTION = 0.9


def count_question(question: str, units: list[str], years: list[str], docs: dict, retriever: Retriever,
                   described: str = "") -> str | None:
    """The Chinese count question an English "how many …" asks: of the things the unit holds or buys (_held_count),
    or of a target or output its documents state (target_question, read from `described`: the question's words
    without its unit, place and asking words), the target first when the question is framed by one."""
    target = (lambda: target_question(question, described, units, years, docs, retriever) if described.strip() else None)
    held = (lambda: _held_count(question, units, years, docs, retriever))
    # A question framed by a plan, target or project asks first what a target states: "how many people … plan to
    # train on debt management" asks the target's 培训人数, not the staff the unit holds (实有人员); one buying or
    # priced like the holdings the disclosures count (计划购置, 单价20万元以上的设备) asks those, unless it names the
    # performance targets themselves
    if _TARGETS_NAMED.search(question) or \
            _TARGET_FRAMED.search(question) and not _PRICED.search(question) and not _BUYING.search(question):
        return target() or held()
    return held() or target()


def target_question(question: str, described: str, units: list[str], years: list[str], docs: dict,
                    retriever: Retriever, measure: str | None = None) -> str | None:
    """A target or output the unit's documents state in a unit of count (聘请常驻律师6名, 全市公园总数1370个,
    新生儿疾病免费筛查9.84万人), or as a rate or an area (`measure` "%" or "面积": 自来水普及率达到92.2%, 露天开采面积
    不少于8万平方公里), asked by its statement's name: the name the dictionary reads the question's words as, saying
    most of its own words and clearly ahead of every statement of another figure."""
    from qa.gloss import MIN_GLOSS, MIN_GLOSS_LEAD, best, stems
    from qa.targets import agree, stated_in

    asked = re.search(r"\bwhat\b|\bhow (?:large|big)\b", question, re.I) if measure else \
        HOW_MANY.search(question) or _HOW_MANY_OF.search(question)
    if asked is None or len(set(units)) != 1 or re.search(r"\bhow (?:many|much)\b|\bwhat\b", question[asked.end():], re.I):
        return None  # (a second count or amount asked after this one: half an answer is no answer)
    keys = documents_of(units, docs)
    figures: dict[str, set[tuple[float, str]]] = {}
    for name, value, unit, _, _ in stated_in(keys, retriever):
        if agree(measure, unit) if measure else unit != "%":
            figures.setdefault(name, set()).add((value, unit))
    # ("in total" asks the total, 总数, though "total" frames most questions)
    total = " total" if re.search(r"\bin total\b|\btotal (?:number|count)\b", question, re.I) else ""
    said = stems(described + total)
    read = [m for m in best(said, sorted(figures)) if not m.chance]
    # a statement's name says most of its own words; or, a name that carries the words of its clause before the thing
    # (重点推动人工智能医院建设 5家), every word of the question of two or more
    if not read or read[0].word_share < MIN_GLOSS and not (len(said) >= 2 and read[0].query_share >= WHOLE_QUESTION):
        name = _encoded(described, figures)  # no dictionary reading: the encoder's, across the two languages
        if name is None:
            return None
    else:
        top = read[0]
        other = next((m for m in read[1:] if figures[m.text] != figures[top.text]), None)
        if other is not None and top.score - other.score < MIN_GLOSS_LEAD:
            return None
        name = top.text
    measures = {unit for _, unit in figures[name]}
    if len(measures) != 1 or not measure and not _measure_fits(asked, next(iter(measures))):
        return None
    how = "是多少%" if measure == "%" else f"有多少{measures.pop()}"  # (how the question is asked again)
    return f"{units[0]}{''.join(f'{y}年' for y in dict.fromkeys(years))}{name}{how}"


# Units of measure, as CC-CEDICT's senses stem them (time, length, area, weight, energy): a count in one is of that
# unit only ("how many minutes of film" is no 1次, "how many lines" no 210.42万亩), where a classifier (个, 次, 人)
# counts many kinds of things
_MEASURE_SENSES = frozenset("minut hour day week month year kilomet kilometr metr meter hectar acr squar tonn ton "
                            "kilogram kilowatt".split())


def _measure_fits(asked: re.Match | None, unit: str) -> bool:
    """Whether the statement's unit can count the English noun: a unit of measure on either side is said by both."""
    from qa.gloss import senses, stems

    if asked is None:
        return True
    noun = stems(asked.group(1))
    bare = unit.lstrip("十百千万亿")  # (万亩: 亩)
    meant = senses(bare) if bare else frozenset()
    said = meant if bare not in MEASURES else frozenset()
    if noun & _MEASURE_SENSES and not noun & meant:
        return False  # the noun is a unit the statement's measure does not say (minutes, counted in 次)
    return not said & _MEASURE_SENSES or bool(noun & said)


# How much nearer the multilingual encoder must place the English words to one statement's name than to any other
# stating another figure (measured on the tuned questions the dictionary left unread: right 4 in 4 at 0.02 or more,
# 14 in 36 below), and how near at least: its similarities across the two languages run lower than within one (the
# right names 0.80-0.85; an unrelated pair, bridges and 车辆, 0.73-0.75), and among a document's few statements one
# unrelated name may still lead the others.
EN_ENCODER_LEAD = 0.02
EN_ENCODER_FLOOR = 0.80


def _encoded(described: str, figures: dict[str, set[tuple[float, str]]]) -> str | None:
    """The statement name the encoder places clearly nearest the question's English words, or None."""
    try:
        from qa.meaning import nearest
    except ImportError:  # no encoder to hand
        return None
    near = nearest(described, sorted(figures), 8)
    if not near or near[0][0] < EN_ENCODER_FLOOR:
        return None
    sim, top = near[0]
    other = next((s for s, name in near[1:] if figures[name] != figures[top]), None)
    return top if other is None or sim - other >= EN_ENCODER_LEAD else None


def _held_count(question: str, units: list[str], years: list[str], docs: dict, retriever: Retriever) -> str | None:
    """The Chinese count question an English "how many …" asks of what the unit holds or buys: the counted word whose
    dictionary senses the English noun says, among the words the unit's documents print before a count, with their
    measure word."""
    from index.bm25 import segmenter
    from qa.gloss import MIN_GLOSS, MIN_GLOSS_LEAD, best, senses, stems

    # "pieces of equipment" counts equipment; of two counts asked, the first is read
    found = [m for m in (_HOW_MANY_OF.search(question), HOW_MANY.search(question)) if m]
    m = min(found, key=lambda x: (x.start(), x.re is not _HOW_MANY_OF)) if found else None
    if m is None or len(set(units)) != 1:
        return None
    noun_words = re.sub(r"^new\s+", "", m.group(1), flags=re.I)  # new cars are cars (bought: see _BUYING)
    keys = documents_of(units, docs)
    chunks = retriever.chunks()
    counted: dict[str, str] = {}
    times: dict[str, int] = {}
    for k in keys:
        for cid in docs[k].get("chunk_ids") or []:
            c = chunks[cid]
            if c.kind == "paragraph":
                for word, _, measure in _COUNTED.findall(c.text):
                    # 共有车辆 → 车辆, 共有车辆: the words before the number, cut where jieba cuts (实有人员 is never
                    # read as 有人员)
                    cut = segmenter().lcut(word)
                    for n in range(1, len(cut) + 1):
                        tail = "".join(cut[-n:])
                        if len(tail) >= 2:
                            counted.setdefault(tail, measure)
                            times[tail] = times.get(tail, 0) + 1
    if not counted:
        return None
    # (…and says the word's head, its last word, when the head names what its measure word counts: "employers" says
    # 用 of 用车 (use, employ), not the 车 that 辆 counts; a head saying "number", 人数, is what "how many" says)
    read = [x for x in best(stems(noun_words), sorted(counted))
            if x.word_share >= MIN_GLOSS and x.query_share >= MIN_GLOSS and _head_said(x, counted[x.text], noun_words)]
    tied = [x.text for x in read if x.score > read[0].score - MIN_GLOSS_LEAD] if read else []
    # a noun that its measure word says too (people: 人) is counted in it: 单位 and 团组, counted in 个, are not people
    measured = [t for t in tied if senses(counted[t]) & stems(noun_words)]
    tied = measured or tied
    if not tied or len({counted[t] for t in tied}) > 1:
        return None  # nothing read, or things counted in different measures (辆, 台): no guess
    noun = max(tied, key=lambda t: (times[t], -len(t)))  # the documents' usual word for it
    dated = _DATED.search(question)
    when = f"截至{dated.group(1)}年" if dated else "".join(f"{y}年" for y in dict.fromkeys(years))
    if re.search(r"\bhow (?:many|much)\b", question[m.end():], re.I):
        return None  # a second count or amount asked after this one: half an answer is no answer
    priced = _PRICED.search(question)  # "worth over 200,000 yuan each": the disclosures' 单价20万元以上的设备
    what = f"单价{_wanyuan(priced)}万元以上的{noun}" if priced else noun
    if _BUYING.search(re.split(r"(?<!\d),(?!\d)|[;?]|\band (?=how|what|does|do|did|is|are|will|which)",
                               question[m.start():])[0]):
        # (in the count's own clause: "…have at the end of 2025, and does it plan to buy any" counts what it has)
        # what the unit plans to buy (计划购置), not what it holds: the disclosures state the two apart
        return f"{units[0]}{''.join(f'{y}年' for y in dict.fromkeys(years))}计划购置{what}多少{counted[noun]}"
    return f"{units[0]}{when}共有{what}多少{counted[noun]}"


def _head_said(match, measure: str, noun: str) -> bool:
    """Whether a counted word's head (its last dictionary word) is said by the English noun, or needs no saying:
    it is no kind of thing its measure word counts, the noun names what the measure word counts (people: 人), or
    the head is the count itself (人数: number of people)."""
    from qa.gloss import senses, stems, words

    head = words(match.text)[-1]
    counts = senses(measure)
    return head in match.said or "number" in senses(head) or not senses(head) & counts or bool(stems(noun) & counts)


_BUYING = re.compile(r"\b(?:buy|buys|bought|purchase[sd]?|acquire[sd]?)\b|\bnew\s+\w+", re.I)  # new ones, new cars


def _wanyuan(priced: re.Match) -> str:
    """The price a threshold names, in 万元 (200,000 yuan → 20; one million yuan → 100)."""
    number = _WORD_NUMBERS.get(priced.group(1).lower()) or float(priced.group(1).replace(",", ""))
    value = number * (1_000_000 if priced.group(2) else 1) / 10_000
    return f"{value:g}"
