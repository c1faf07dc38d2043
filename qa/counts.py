"""Counts the narrative states (截至2025年12月，所属各单位共有车辆46辆，其中…应急保障用车15辆; 2026年计划购置车辆30辆),
read against a count question in its own words ("到2025年底一共有多少台车", "准备添置多少辆车"): the words of a count
question and of the sentence rarely match, but what is counted (车) and the few characters that tell the counts of one
document apart (购置, 应急) and whether the total is asked (一共 / 共有) do.

A count is a candidate when its name (from the previous clause mark or count to the number) holds the head of what
the question counts (the last character of the noun after 多少辆 / 几台, or before 有多少). Its score: the question's other
characters its name holds, one more when its measure word is the one asked (台 and 辆 both count cars: the measure is
a hint, not a condition; a count in a measure word that counts other things, 1318人 for 多少条线路, is none), one more
when its sentence states the question's year. A count whose sentence buys (计划购置) answers only a question about
buying, and a count held (共有) only one that is not. 一共, 总共, 合计 are read as words, asking the total, which a name
saying 共有 / 共计 / 合计 states: as characters, 一共 would be 一 and 共 of 一般公共预算. A question that says nothing but the thing
counted (有多少辆车) asks the total too. Likewise a purchase asked (买, 添) is said by a name that buys (计划购置车辆). People
are counted as posts (人员编制), in post (实有人员) or retired (离退休人员), and a question asking one kind is not answered by
another's count. The best count answers when it holds at least one of the question's characters besides the thing
counted and no count of another number scores as well."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qa.phrase import figure_at
from qa.question import MEASURES, PEOPLE, PEOPLE_WORDS, STATED_COUNT

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

_ASKED_AFTER = re.compile(r"(?:多少|几)\s*([" + MEASURES + r"])\s*([\u4e00-\u9fff]{1,4})")  # 多少台车, 几辆新车
_ASKED_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,4}?)(?:一共|总共|共|还)?(?:有|是|为)?(?:多少|几)\s*([" + MEASURES + r"])")
_DESCRIBED = re.compile(r"[\u4e00-\u9fff、]{1,12}的([\u4e00-\u9fff]{2,6})")
_NAME_START = re.compile(r"[。；;，,、：:]")
_SENTENCE_END = re.compile(r"[。；;]")
_FUNCTION = set("的了是有在和与及其")
_TOTAL = re.compile(r"一共|总共|共有|共计|合计|总计|总数")  # a total asked, or stated
COUNTING = re.compile(r"共有|拥有|现有|实有|共计")  # the verbs a count follows: what it counts is said after them
_BUYING = re.compile(r"购置|购买|采购|新购|添置|新增|更新")  # a count of things bought in the year, not held
_BUY_ASKED = re.compile(r"买|购|添|换新|新车")
_WHOLE = re.compile(r"全系统|全部|所有|整个|全局|总的")  # …asked as the whole of what is counted, too
_TOTAL_SAID = "共"  # how a total asked and stated shows in StatedCount.said
_BUY_SAID = "购"  # …and a purchase asked and stated
_TRAILING = re.compile(r"(?:呢|啊|吗|了|的|？|\?)+$")
# People in post (实有人员, 在职), the posts a unit is allowed (人员编制) and its retired (离退休人员) are counted apart,
# as things held and bought are: a question asking one is not answered by another's count.
_RETIRED = re.compile(r"离退休|退休|离休")
_IN_POST = re.compile(r"实际|实有|在岗|在职|现有")
_POSTS = re.compile(r"编制|核定|定编|员额")
# Measure words that count the same things (人 and 名 count people; 辆 and 台 cars); 个 counts most things but people.
_SAME_MEASURE = ("人名位", "辆台", "家户所个", "项个件", "座个处", "条个")


def same_measure(asked: str, stated: str) -> bool:
    """A count stated in this measure word can answer one asked in that (5辆 for 几台车; not 1318人 for 多少条线路)."""
    return asked == stated or any(asked in group and stated in group for group in _SAME_MEASURE)


@dataclass(frozen=True)
class StatedCount:
    value: float
    measure: str
    sentence: str
    chunk: object
    said: tuple[str, ...]  # the question's characters its name holds
    score: int
    computed: str = ""  # how a sum of counts was taken (11条 + 10条 = 21条), said before the sentence


def asked_count(question: str) -> tuple[str, str] | None:
    """(what is counted, the measure word asked): 多少台车 → (车, 台); 车有多少辆 → (车, 辆)."""
    m = _ASKED_AFTER.search(question)
    if m and _TRAILING.sub("", m.group(2)):
        from index.bm25 import segmenter

        # the noun the measure word counts, not the verb after it (多少卷档案整理好 counts 档案); described first
        # (多少条私人经营的公交线路), the noun after the description's last 的
        described = _DESCRIBED.match(question, m.start(2))
        words = described.group(1) if described else m.group(2)
        return next(iter(segmenter().cut(_TRAILING.sub("", words)))), m.group(1)
    people = re.search(PEOPLE, question)
    if people:  # (what the documents count them as: 人员, 200人)
        return re.sub(r"的|(?:" + PEOPLE_WORDS + r")$", "", people.group("people")) + "人员", "人"
    m = _ASKED_BEFORE.search(question)
    if m is not None and m.group(2) == "人" and not re.search(r"(?:" + PEOPLE_WORDS + r"|人)$", m.group(1)):
        # "实际在岗(的)有多少人": people, described by the words before (实际在岗), which stay wanted
        return "人员", "人"
    if m is None or m.group(1)[-1] in _FUNCTION:
        return None  # "应急用的几台": what is counted is not said (a follow-up takes it from the question before)
    verb = re.search(r"(?:打算|准备|计划|要|想)?[买购添换置]+$", m.group(1))
    if verb:
        # 换新公车打算买几辆: the verb buys what the words before it name (2026年准备买几辆: nothing named)
        before = question[:m.start(1) + verb.start()].rstrip("，,的")
        return (before[-2:], m.group(2)) if re.search(r"[\u4e00-\u9fff]{2}$", before) and \
            not re.search(r"年$", before) else None
    # 局里的车 counts 车; 车辆数 (总数, 数量) counts 车辆
    counted = m.group(1).split("的")[-1]
    return (re.sub(r"(?:总数|数量|数)$", "", counted) if len(counted) > 2 else counted), m.group(2)


def _asks_buying(question: str) -> bool:
    """The question asks what is bought (打算买几辆, 新添几台), not what is held."""
    return bool(_BUYING.search(question) or _BUY_ASKED.search(question))


def _bought(before: str) -> bool:
    """The sentence up to a count (from its last 。) says the things are bought (计划购置…), not held (共有…)."""
    return bool(_BUYING.search(before[max([x.end() for x in re.finditer(r"。", before)] + [0]):]))


def held_or_bought_as_asked(question: str, sentence: str, value: float) -> bool:
    """A count read elsewhere (a table's, a sentence's found by its words) is of things bought when the question asks
    what is bought, and of things held when it asks what is held: the sentence up to the count says which (截止2021年底
    …共有设备144台 holds them; 计划新增设备6台 buys them)."""
    number = figure_at(sentence, value)
    return _bought(sentence[:number.start()] if number else sentence) == _asks_buying(question)


def _people(text: str) -> str | None:
    """Which people the text counts: the retired (离退休人员), people in post (实有人员, 编制在职人员) or the posts a
    unit is allowed (人员编制); None when it says none of them."""
    for kind, said in (("retired", _RETIRED), ("in post", _IN_POST), ("posts", _POSTS)):
        if said.search(text):
            return kind
    return None


def stated_count(question: str, sc: Scope, retriever: Retriever) -> StatedCount | None:
    """The count of the named document the question asks for (see the module's account), or None."""
    from qa.kept import PLAIN
    from qa.scope import without_names

    asked = asked_count(question)
    if asked is None or len(sc.keys) != 1:
        return None
    noun, measure = asked
    head = noun[-1]
    key = next(iter(sc.keys))
    docs = retriever.documents()
    years = re.findall(r"20\d\d", question)
    # the question without its unit (and 本级 / 汇总) and year
    phrase = re.sub(r"[（(]?(?:本级|汇总)[）)]?", "", without_names(question, docs, sc, years=True))
    total = bool(_TOTAL.search(phrase) or _WHOLE.search(phrase))
    buys = _asks_buying(phrase)
    phrase = _WHOLE.sub("", _TOTAL.sub("", phrase))
    wanted = set(re.findall(r"[\u4e00-\u9fff]", phrase)) - PLAIN - set(noun) - set("多少几有是为数量") - set(MEASURES)
    chunks = retriever.chunks()
    found: list[StatedCount] = []
    for cid in docs.get(key, {}).get("chunk_ids") or []:
        chunk = chunks.get(cid)
        if chunk is None or chunk.kind != "paragraph":
            continue
        text = chunk.text
        last = 0
        for m in STATED_COUNT.finditer(text):
            lo = max([x.end() for x in _NAME_START.finditer(text, 0, m.start())] + [last])
            last = m.end()
            name = text[lo:m.start()]
            # (几个人, 多少离退休的老同志: people, whatever the measure asked)
            people = (head == "人" or noun.endswith("人员")) and m.group(2) in "人名位"
            if not (same_measure(measure, m.group(2)) or people):
                continue  # (1318人 counts people, not the 条 of lines asked)
            if head not in name and not people:
                continue  # (…讲师团事业12人: people counted in the measure word, not named 人员)
            # the thing counted is said after the verb that counts it (所属各预算单位共有车辆70辆: 车辆, not 单位)
            counted = re.split(COUNTING.pattern + "|有", name)[-1]
            if counted and head not in counted and not people:
                continue
            start = max([x.end() for x in _SENTENCE_END.finditer(text, 0, m.start())] + [0])
            end = _SENTENCE_END.search(text, m.end())
            sentence = text[start:end.end() if end else len(text)].strip()
            said = tuple(sorted(wanted & set(_TOTAL.sub("", name))))
            if (total or not wanted) and _TOTAL.search(name):
                said = (*said, _TOTAL_SAID)  # a total asked, or nothing but the thing counted: the stated total
            if buys and _BUYING.search(name):
                said = (*said, _BUY_SAID)  # 打算买几辆 and 计划购置车辆: the buying asked is said, in other words
            dated = any(y in text[start:m.start()].replace(" ", "") for y in years)
            # things bought in the year (计划购置…) and things held (共有…) are counted apart: a count whose
            # sentence buys answers only a question about buying, and the other way round
            if _bought(text[:m.start()]) != buys:
                continue
            kind = _people(text[start:m.start()]) if m.group(2) in "人名" else None
            if kind is not None and _people(phrase) not in (None, kind):
                continue  # (编制18人, 离退休人员3人: no answer to 实际在岗的有几个人)
            # the first count of its sentence is the total before its breakdown (计划购置车辆7辆，本级更新1辆、…)
            first = said and not any(f.chunk is chunk and f.sentence == sentence for f in found)
            score = len(said) + (m.group(2) == measure) + dated + bool(first)
            found.append(StatedCount(float(m.group(1)), m.group(2), sentence, chunk, said, score))
    if not found:
        return None
    best = max(found, key=lambda f: f.score)
    if not best.said or any(f.score >= best.score and f.value != best.value for f in found):
        return None
    return best


# A sum of counts asked (两处加起来一共多少条路): the question names the parts, each stated with its own count.
_SUM_ASKED = re.compile(r"加起来|加在一起|合起来|合在一起|总和|之和|两处|两地|两项|两个地方")


def summed_count(question: str, sc: Scope, retriever: Retriever) -> StatedCount | None:
    """The sum of the counts one sentence states for the parts the question names and adds up ("航天基地二期11条道路、
    浐灞生态区世园板块10条道路": 两处加起来一共多少条路 → 21): every count of the sentence in the measure asked, each
    named by words of the question; None unless two or more are, and none of that measure is left unnamed."""
    from qa.kept import keeps_a_word
    from qa.scope import without_names

    asked = asked_count(question)
    if asked is None or len(sc.keys) != 1 or not _SUM_ASKED.search(question):
        return None
    noun, measure = asked
    docs = retriever.documents()
    phrase = without_names(question, docs, sc, years=True)
    chunks = retriever.chunks()
    found: list[StatedCount] = []
    for cid in docs[next(iter(sc.keys))].get("chunk_ids") or []:
        chunk = chunks.get(cid)
        if chunk is None or chunk.kind != "paragraph":
            continue
        for sentence in re.split(r"(?<=[。；;])", chunk.text):
            counts = [m for m in STATED_COUNT.finditer(sentence) if m.group(2) == measure]
            names = [sentence[max([x.end() for x in _NAME_START.finditer(sentence, 0, m.start())] + [0]):m.start()]
                     for m in counts]
            named = [(m, n) for m, n in zip(counts, names) if keeps_a_word(n, phrase)]
            # (what is counted, after each count or in its name: 11条道路)
            if len(named) >= 2 and len(named) == len(counts) and all(
                    noun[-1] in sentence[m.end():m.end() + 6] + n for m, n in named):
                total = sum(float(m.group(1)) for m, _ in named)
                said = tuple(dict.fromkeys(n for _, n in named))
                how = " + ".join(f"{n.strip()}{m.group(1)}{measure}" for m, n in named) + f" = {total:g}{measure}。"
                found.append(StatedCount(total, measure, sentence.strip(), chunk, said, len(named), how))
    return found[0] if len(found) == 1 else None
