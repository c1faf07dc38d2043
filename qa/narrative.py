"""Figures the narrative states, as candidate answers: amounts named by the phrase before them (收入总计659.94万元),
changes (比上年减少69.47万元), and the percentages and counts a sentence states; each scored by how much of the
question its name and sentence say (see qa/evidence.py for the table rows, qa/weigh.py for the weighing)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from index.entity import org_suffix
from index.numbers import joined_digits
from index.sections import last_heading
from qa.candidate import MIN_COVER, _Candidate
from qa.cells import text_cells
from qa.phrase import (ACTUAL, CARRIED_PART, COMPARED, PLAN_ASKED, PLANNED, SENTENCE, Query, clean, grams, is_unit,
                       joined_with_others, last_name, match, norm, rate_kind, strip_entity)
from qa.question import CODE, MEASURE, STATED_COUNT, asked_direction
from qa.unit_row import named_whole, unit_names

if TYPE_CHECKING:
    from qa.retrieve import Hit


def _narrative_score(q: Query, named: str, context: str, rank: int) -> tuple[float, float] | None:
    """Score and coverage of a number stated in the narrative, named by the phrase before it."""
    n_hit, n_extra, n_whole = match(q, named)
    # The subject says the whole question ("…纳入部门预算的政府采购项目共有" for "政府采购项目共多少"), whatever it
    # says besides: as good as the question saying the whole subject.
    n_whole = n_whole or (len(q.text) >= 4 and q.text in clean(named))
    ctx = len(q.grams & (grams(clean(context)) - grams(clean(named))))
    if n_hit + ctx < 2:
        return None
    cover = (n_hit + ctx) / max(len(q.grams), 1)
    own = len(grams(clean(named)))
    # a long name the question says almost whole, whatever else the question qualifies it by; not one said only
    # where the question says to look (国有资本经营预算里，补贴…: the fund is no qualifier of the thing, it holds it)
    if own >= 4 and not (q.where and q.grams & grams(clean(named)) <= q.where):
        cover = max(cover, n_hit / own)
    return 2.0 * n_hit + 1.0 * ctx - 0.5 * n_extra + 2.0 * n_whole - 0.1 * rank, cover


_LEADS_LIST = re.compile(r"\s*(?:[:：]|[，,]?\s*其中)")  # (an amount heading the list after it)
_WHOLE_SAID = re.compile(r"总额|总计|合计|总数")
_PURPOSE = re.compile(r"\s*[，,]\s*(?:主要)?(?:用于|是用于)")
# the purpose said in the clause before a change's own (…，主要用于…项目支出，比2025年减少)
# (…and on to the change's own clause, over the purpose's commas: 主要用于保障…缴费，保障部门正常运转的…支出，比2025年增加)
_PURPOSE_CLAUSE = re.compile(_PURPOSE.pattern + r"[^。；;]*(?=[，,][^，,。；;]*$)")
_PARTS = re.compile(r"其中|主要是|主要为|主要包括|包括|分别是|分别为")  # words that open a list of parts
_OF_WHICH = re.compile(r"\s*其中")
_PIECES = re.compile(r"[，；;：:、]|,(?!\d{3})")  # a clause's pieces (not at the thousands' commas of an amount)
_AMOUNT_END = re.compile(r"[\d,.]+\s*(?:万元|亿元|元)\s*$")
_CARRIED_END = re.compile(CARRIED_PART.pattern + r"(?:资金)?\s*$")
_FRAMING = re.compile(r"20\d\d\s*年度?|本?(?:部门|单位)|年初|预算")  # words that frame a figure, naming no thing
# an amount's name that says where money comes from, or a whole (收入预算, 项目支出): its carry-over is a sibling, or
# the whole's own, as asked of the department
_SOURCE = re.compile(r"(?:拨款|收入|补助|资金|预算|总额|总计|合计|支出)(?:收入|数)?\s*$")


def _listed_unnamed(q: Query, prefix: str, hit: Hit) -> bool:
    """A figure of an item in a list of parts (共有车辆4辆，其中：机要通信用车1辆、…; 购置车辆30辆，主要是…) is a
    part: only the question that names the item (most of its words) asks for it. A semicolon closes the list
    (…其中行政编制132人，事业编制79人；实有人员214人: no part of the 编制)."""
    clause = re.split(r"[；;]", prefix)[-1]
    parts = _PARTS.split(clause)
    pieces = _PIECES.split(parts[-1])
    carried = _CARRIED_END.search(pieces[-1])
    # (…保障项目615.04万元，其中结转结余126.00万元: the 其中 that opened the carry-over heads no list, the clause
    # before it says whose it is)
    said = _PIECES.split(clause) if carried and len(pieces) == 1 and len(parts) >= 2 else pieces
    own = clean(strip_entity(_FRAMING.sub("", pieces[-1][:carried.start()]), hit)) if carried else ""
    if carried and len(own) >= 2:
        # the carry-over of a thing named before it (…运营管理项目上年结转66.73万元) is that thing's
        item = own
    elif carried and len(said) >= 2 and (before := _AMOUNT_END.search(said[-2])) \
            and not _SOURCE.search(said[-2][:before.start()]):
        # …or said right after an item's amount (…物业管理服务2,520.00万元，上年结转122.31万元), in a list or not:
        # that item's, unless the item is itself a source of funds (一般公共预算拨款…，上年结转…: siblings) or a whole
        item = clean(strip_entity(said[-2][:before.start()], hit))
    elif len(parts) < 2:
        return False
    else:
        item = clean(strip_entity(pieces[-1], hit))
    # (an item opening with the unit's own name said short, 交通局机关 of 西安市交通运输局: its rest names the item)
    own_name = norm(hit.chunk.entity or "")
    lead = next((i for i, ch in enumerate(item) if ch not in own_name), len(item))
    kind = org_suffix(own_name)  # (局 of 交通运输局: the short name ends alike)
    if kind and lead >= 2 and len(item) - lead >= 2 and item[:lead].endswith((kind, kind[-1])):
        item = item[lead:]
    # (预算 ending 服务类预算 names nothing: every amount is one; 类 says "a kind of", 服务类 is 服务; nor the way a
    # change went, said after the item: 项目支出减少251,675.84万元)
    item = re.sub(r"(?:增加|减少|增长|下降|上升|降低)了?$", "", item) or item
    own = grams(re.sub(r"类?(?:预算|支出|经费|资金|金额)?$", "", item)) or grams(item)
    return bool(own) and len(own & q.grams) < 0.75 * len(own)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text)]


_CHANGE_WORDS = re.compile(r"20\d\d\s*年度?|预算数?|决算数?|相比|增加|减少|增长|下降|持平|[，,：:\s]")


_CODE_PRINTED = re.compile(rf"[（(]\s*{CODE.pattern}\s*[）)]")  # (a classification code beside a name)


def _paragraph_candidates(q: Query, hit: Hit, rank: int, change: bool = False) -> list[_Candidate]:
    """Amounts stated in the narrative: levels (收入总计659.94万元) or, for a change question, changes
    (比上年减少69.47万元). The phrase before the number names it; the sentence up to it is its context."""
    from rules.claims import amounts_in

    text = joined_digits(hit.chunk.text, bare=True)
    heading = getattr(hit.chunk, "section", None) or ""  # (its whole path: an outer heading frames it too, measured)
    out = []
    spans = _sentence_spans(text)
    planned = None  # (score, sentence start, end, name) of a plan figure skipped for the actual after it
    unit_section = unit_heading(getattr(hit.chunk, "section", None) or "")
    names = unit_names(unit_section) if unit_section and named_whole(unit_section, q.text) else ()
    if names:
        # the unit the question names, under its own heading: its name chose the section, as the document's name
        # chose the document; the sentence is read for the rest of the question (人事人才公共服务中心…给高端人才发
        # 奖励补贴: not the centre's whole budget, which its section opens with, and which the unit's row in the
        # department's tables states). Kept as one short word instead, it cost the tuned set 2 right answers.
        q = replace(q, text=(rest := _without(q.text, names)), grams=grams(rest))
    amounts = amounts_in(text)
    leads = {id(b) for b in amounts if _LEADS_LIST.match(text, b.end)}  # (the amounts heading a list after them)
    for i, a in enumerate(amounts):
        if a.bound or bool(a.change) != change or change and not asked_direction(q.text, a.change):
            continue  # (比上年少了多少 is not answered by an increase)
        lo, hi = next(((s, e) for s, e in spans if s <= a.start < e), (0, len(text)))
        planned = planned if planned and planned[1] == lo else None
        prefix = text[lo:a.start]
        if not change and (other := q.beside_own(hit.chunk.year)) and \
                int((re.findall(r"(20\d\d)\s*年", COMPARED.sub("", prefix)) or [hit.chunk.year])[-1]) not in other:
            continue  # (the document's year names the document: another year said beside it is the one asked, and
            # an amount said with no year of its own is the document's year's)
        if change and not re.search(r"[\u4e00-\u9fff]{2}", _CHANGE_WORDS.sub("", COMPARED.sub("", prefix))):
            # "…项目支出148,941.8万元，主要用于…。比2025年增加8,385.34万元": a change said with no subject goes on
            # the sentence before it
            before = next((s for s, e in spans if e == lo), lo)
            own, prefix = prefix, text[before:a.start]
            named = text[before:before + 20] + own  # (the subject opens the sentence before: 项目支出148,941.8万元…)
        else:
            # (…支出44134.59万元，主要用于…等项目支出，比2025年减少…: the change is the subject's, not what it is used for)
            named = a.subject if not change else _PURPOSE_CLAUSE.sub("", prefix)[-40:]
        # "6.政府公报编辑管理200.18万元，主要用于《…公报》编辑、印刷…": what the item is for, said after its
        # amount, describes it as much as its name does.
        if not change and joined_with_others(q.grams, strip_entity(last_name(prefix), hit)):
            continue  # (“三公”经费及会议费、培训费…共263.72万元: the three together, not the one asked)
        purpose = _PURPOSE.match(text, a.end, hi)
        what_for = text[purpose.end():hi] if purpose and not change else ""
        # a sentence opening with 其中 lists parts of the one before: that one's subject frames them (其中：基本支出… of
        # 一般公共预算财政拨款支出…, for 一般公共预算基本支出)
        head = text[next((s for s, e in spans if e == lo), lo):lo] if _OF_WHICH.match(text, lo) else ""
        # (the names of the parts a lead lists before it in its sentence are theirs, not words about it: …总额…：政府采购
        # 货物预算2,360.63万元、…；其中一般公共预算拨款政府采购16,325.37万元 says no 货物 of the 16,325.37; a lead stays,
        # and so does an amount before any list: 预算593.46万元，支出决算587.55万元 is the plan of the same thing)
        # (…and a lead's word for the whole, 总额, is the lead's: no word about a part of it)
        before = [b for b in amounts[:i] if b.start >= lo - len(head) and b.subject]
        first_lead = next((j for j, b in enumerate(before) if id(b) in leads), len(before))
        context = _without(head + prefix, tuple(b.subject for b in before[first_lead + 1:] if id(b) not in leads)) + \
            what_for
        if first_lead < len(before):
            context = _WHOLE_SAID.sub("", context)
        if names:
            named, context = _without(named, names), _without(context, names)
        scored = _narrative_score(q, strip_entity(named, hit), strip_entity(context, hit), rank)
        if scored is None:
            continue
        if q.codes and (printed := set(_CODE_PRINTED.findall(named))):
            # a code the sentence prints with the name (商品和服务支出（302）) is the name's: the question's code (机关
            # 商品和服务支出（502）) names the item, as it names a coded row (qa.evidence)
            scored = (scored[0] + (8.0 if printed & q.codes else -4.0), scored[1])
        if id(a) in leads and (whole := _WHOLE_SAID.search(named)) and whole.group(0) in q.text:
            scored = (scored[0] + 2.0, scored[1])  # the whole asked (采购总额): the list's lead, not a part after it
        if PLANNED.search(prefix) and "决算" in (hit.chunk.doc_title or "") and not PLAN_ASKED.search(q.text):
            # the final accounts state the plan beside the actual (X年初预算139,217.01万元，支出决算296,047.75万元):
            # the actual is what they report, named by the plan's subject; the plan only when asked
            planned = (scored, lo, a.end, named)
            continue
        if planned and ACTUAL.search(text[planned[2]:a.start]):  # (planned is of this sentence, or None)
            scored, named = max(scored, planned[0]), planned[3] + named
        planned = None
        if q.own_office and unit_section is not None:
            # a department's document reads each unit under its own heading (一、深圳市水务局（本级）, 九、…管理中心):
            # the own office asked is read under its heading, not under another unit's that mentions it
            scored = (scored[0] + (2.0 if "本级" in unit_section else -4.0), scored[1])
        said = text[lo:hi].strip() + (level_before(text, amounts[i - 1], a) if change and i else "")
        out.append(_Candidate(scored[0], a.value, "万元", said, hit, cover=scored[1],
                              # what the sentence names it, or the heading the paragraph is under
                              said=clean(strip_entity(head + named + re.split(r"[，,；;。]", prefix)[-1] + what_for +
                                                      heading, hit)),
                              heading=clean(heading), unnamed=_listed_unnamed(q, prefix, hit)))
    return out


# what joins a level to its change (…13.05万元，较2025年年初预算减少1.91万元): the base it is compared with
_COMPARED_WITH = re.compile(r"^\s*[，,]?\s*(?:比|较|与|同)\s*(?P<base>[^，,。；;]{2,16}?)\s*(?:相比)?[，,]?\s*"
                            r"(?:增加|减少|增长|下降|上升|降低|多|少)了?\s*$")


def level_before(text: str, level, change) -> str:
    """The level of the base a change is stated against, when the sentence states the level right before the change
    (13.05万元，较2025年年初预算减少1.91万元: the base was 14.96万元), computed and said as computed; else ""."""
    joined = _COMPARED_WITH.match(text[level.end:change.start]) if level.change is None and not level.bound else None
    if joined is None:
        return ""
    base = level.value - change.value if change.change == "+" else level.value + change.value
    sign = "−" if change.change == "+" else "＋"
    return f"（{joined.group('base')}为{base:,.2f}万元，由{level.value:,.2f}{sign}{change.value:,.2f}推算）"


def _without(text: str, names: tuple[str, ...]) -> str:
    for name in names:
        text = text.replace(name, "")
    return text


_UNIT_HEADING = re.compile(r"^[一二三四五六七八九十]+、\s*(.+)$")


def unit_heading(section: str) -> str | None:
    """The unit a paragraph's heading names, when it names one (一、深圳市水务局（本级）): its text, else None."""
    m = _UNIT_HEADING.match(last_heading(section).strip())
    return m.group(1) if m and (is_unit(m.group(1)) or "本级" in m.group(1)) else None


# The plan a final account states beside the actual, and a question asking for the plan.

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")

def _wanted_rate(question: str) -> str | None:
    """The kind of percentage a question asks for."""
    if re.search(r"占|比重|所占", question):
        return "share"
    if "完成" in question:
        return "completion"
    return rate_kind(question)


_DATE_AND_GRAMMAR = set("年月日的了是有为在和及其中")  # characters a count's clause shares with any question


def _stated_numbers(q: Query, question: str, hits: list[Hit], rx: re.Pattern, unit: str) -> list[_Candidate]:
    """Percentages or counts stated in the narrative, named by the sentence before them; a percentage must be
    of the kind the question asks (a growth rate, a share, a completion rate)."""
    wanted = _wanted_rate(question) if unit == "%" else None
    asked = MEASURE.search(question) if unit != "%" else None
    measure = asked.group(1) if asked else None
    out = []
    for rank, h in enumerate(hits):
        if h.chunk.kind == "row" and unit != "%":
            # a count a table states in words (绩效目标=…计划完成档案整理不少于150卷…): its text cells, read as sentences
            text = "。".join(c for c in text_cells(h.chunk) if STATED_COUNT.search(c))
        elif h.chunk.kind == "paragraph":
            text = h.chunk.text
        else:
            continue
        for lo, hi in _sentence_spans(text):
            first = True  # the first figure in the measure asked: the sentence's total before its breakdown
            whole_at, framed = len(out), False  # (the sentence's figures read so far; a named part lowers them once)
            for m in rx.finditer(text, lo, hi):
                prefix = text[lo:m.start()]
                just_before = prefix[-8:]
                named = re.split(r"[，,；;：:、]", prefix)[-1] or prefix
                # A share's whole is often named by the sentence before (其中：基本支出…，占70.74%).
                context = text[max(0, m.start() - 120):m.start()]
                if unit != "%" and not (set(q.text) & set(clean(strip_entity(named, h)))) - _DATE_AND_GRAMMAR:
                    # a count whose own clause says nothing of the question (…9辆，年中4辆达到报废条件) counts
                    # another thing than the sentence before it
                    continue
                scored = _narrative_score(q, strip_entity(named, h), strip_entity(context, h), rank)
                if scored is None:
                    continue
                score, cover = scored
                if wanted:
                    # (a rate in brackets after an amount, 增加132.54万元（275.00%）, is of the change its clause says)
                    kind = rate_kind(just_before) or (rate_kind(named) if re.search(r"[（(]\s*$", prefix) else None)
                    score += 6.0 if kind == wanted else -6.0
                if measure and m.group(2) == measure:
                    # The measure word asked for (多少辆 … 7辆) says what is counted as much as a name does.
                    # …but only for a sentence that already says some of the question (a count of cars bought
                    # is not the count of cars held).
                    score = score + 4.0 + (1.0 if first else 0.0)
                    cover = max(cover, MIN_COVER) if cover >= 0.3 else cover
                    first = False
                unnamed = unit != "%" and _listed_unnamed(q, prefix, h)
                if unit != "%" and not unnamed and len(_PARTS.split(prefix)) >= 2 and not framed:
                    # a part of the sentence's total (实有人数1133人，其中局机关58人) that the question names: the
                    # total's words frame it, the part is what is asked
                    framed = True
                    for before in out[whole_at:]:
                        before.score = min(before.score, score - 0.5)
                # (a count in the measure word it is stated in: 5辆, not 5个)
                out.append(_Candidate(score, float(m.group(1)), unit if unit == "%" else m.group(2), text[lo:hi].strip(),
                                      h, cover=cover, unnamed=unnamed))
    return out
