"""Quantities the documents state in a unit other than money: the targets of their performance tables and narrative
(全年完成医师执业注册20000人, 续建大中型水库27个, 监测断面684个以上, 自来水普及率达到92.2%, 指标名称=气象台站改造数量；
指标值=4.00；计量单位=个) and the outputs a final account reports (采血总量84.71吨), read against a question that asks
such a unit in its own words ("全年要给多少名医生办完执业注册", "要接着往下建的大中型水库至少有几座", "一共采了多少吨血").

Every figure followed by a unit of count or measure (or %) is a statement; its name is the words of its clause
before the figure (without the comparison, 不少于 / ≥; with the clause before when that states no figure, and with a
list's lead when the list's items name their thing after the figure: 涉及11个区、46个涉农街道) and the words right
after the unit (完成不少于207人次培训: 培训); a bracket's figures are its own. A table cell holding only the figure
(≥120, 4.00) takes its name from the cell before it and its unit from that name's brackets (全年刊发稿件数量（篇）), from
the cell after it (计量单位=个) or from the name itself (培训人次); a cell under a column saying what it counts (人数=30)
is named by its row. A statement answers when its unit is the one asked (or of one kind: 名 and 人 count people, 个
counts anything but people or times, 亿斤 is a measure of 斤, % agrees only with %), its name says a word of the
question (or a word of one sense and a shared character: 医生 and 医师, 稿子 and 稿件) and more of the question's
characters than any statement of another figure."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.numbers import cell_value, halfwidth
from qa.counts import COUNTING, StatedCount, asked_count
from qa.question import MEASURES
from qa.kept import PLAIN as _BUDGET_CHARACTERS
from qa.phrase import COMPARED

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# Units of measure longer than a measure word (longest first, so that 万人次 is not read as 万 + 人次)
_MEASURE_UNITS = ("万人次", "人次", "万次", "万平方公里", "平方公里", "平方千米", "万平方米", "平方米", "公顷", "万亩", "亩",
                  "万吨", "吨", "亿斤", "万斤", "斤", "公里", "千米", "万人", "万户", "万个", "万件", "%")
_UNIT = "(?:" + "|".join(_MEASURE_UNITS) + "|[" + MEASURES + "])"
# A figure and its unit, not an ordinal (第3次) nor a figure inside a longer number or a date (2026年 has no unit here)
_STATED = re.compile(r"(?<![\d.,第])(\d[\d,]*(?:\.\d+)?)\s*(" + _UNIT + r")")
_BOUNDARY = re.compile(r"[。；;，,、：:=\n|｜/（(）)]")  # (a bracket's figures are its own: 6名（2名执业律师…）)
_COMPARISON = re.compile(r"(?:不少于|不低于|不超过|不高于|大于等于|小于等于|大于|小于|高于|低于|达到|达|超过|至少|共计|共有|"
                         r"累计|约|≥|≤|>|<|＞|＜|=)+$")
# (what is counted, said after the unit: 5000个5G基站, 5家AI医院; a run of letters, with a digit before them, names it
# too: a bare number after the unit is the next figure)
_AFTER_UNIT = re.compile(r"^(?:及以上|以上|以下|以内|左右|及以下)?((?:\d?[A-Za-z]{1,3}(?=[\u4e00-\u9fff]))?[\u4e00-\u9fff]{0,12})")
_NUMBERING = re.compile(r"^(?:\d+[.、．]|[（(]\d+[）)]|指标\d+[：:]?|[一二三四五六七八九十]+、)\s*")
_BRACKET_UNIT = re.compile(r"[（(](" + _UNIT + r")[）)]")
_ONLY_FIGURE = re.compile(r"^(?:≥|≤|>|<|＞|＜|=)?\s*(\d[\d,]*(?:\.\d+)?)\s*(" + _UNIT + r")?\s*(?:以上|及以上|以下)?$")
_ONLY_UNIT = re.compile(r"^(" + _UNIT + r")(?:数)?$")
_NAMED_UNIT = re.compile(r"(万人次|人次|户|人)数?$")  # a name saying what its figure counts (培训人次, 公租房户数)
# Headers of the performance tables' cells: no statement's name
_GENERIC_CELL = re.compile(r"^(?:产出指标|效益指标|满意度指标|成本指标|数量指标|质量指标|时效指标|[一二三]级指标|指标性质|"
                           r"指标值|计量单位|指标权重|是|否|≥|≤|=)$")

# What a unit counts: a question's measure word and a statement's agree when they are one, one holds the other
# (亿斤, 斤), they both count people, or one is the general 个 and the other counts things.
_PEOPLE = set("人名位")
_AREA = {"平方公里", "平方千米", "万平方公里", "平方米", "万平方米", "公顷", "亩", "万亩"}
# The question asks a unit: 多少名, 几座, 多少吨, 多少公顷, 多大面积, (按斤算)
_ASKED_UNIT = re.compile(r"(?<![这那])(?:多少|几)\s*(" + _UNIT + r")")  # (那几辆车 names cars already said)
_ASKED_AREA = re.compile(r"多大(?:的)?面积|面积(?:有|是)?多大|多少面积")
_ASKED_BY = re.compile(r"按\s*(" + _UNIT + r")\s*算")
# Words that ask or frame a target (至少, 全年, 目标里), not words of what is counted
_ASKING = re.compile(r"多少|几|至少|最少|不少于|不低于|一共|总共|全年|一年|每年|今年|当年|计划|打算|准备|定的|定下的|目标|"
                     r"绩效|部门整体|整体|预算|决算|(?:里|中)(?:说|讲|提到)?(?=[，,：:])|[？?，,。（）()]")
_PLAIN = _BUDGET_CHARACTERS | set("数量")  # (…and every target counts a 数量)
# A statement of a change (较上年下降5%, 增长3个百分点): the only rate that answers a rate of change asked (比上年砍了
# 百分之多少); a target's level (培训合格率≥95%) is none.
_CHANGED = re.compile(r"增长|增加|下降|减少|降低|提高|上升|压减|增幅|降幅|比上年|较上年")


@dataclass(frozen=True)
class StatedQuantity(StatedCount):
    words: int = 1  # how many words of the question name what is counted

    @property
    def share(self) -> float:
        """The share of the question's words its name says (the answer's confidence)."""
        return len(self.said) / self.words


def names_better(stated: StatedQuantity | None, value: float, chunk, cover: float) -> bool:
    """The stated quantity answers rather than another figure read otherwise (a cell, a sentence's first figure, a
    count of things held): it says more of the question's words (`cover`: the share the other says), or it is in the
    same passage, named apart from the other (of 11个区、46个涉农街道, the 46 asked about 涉农街道)."""
    return stated is not None and stated.value != value and (stated.share > cover or stated.chunk.id == chunk.id)


def says_far_more(stated: StatedQuantity | None, said: tuple[str, ...]) -> bool:
    """The stated quantity's name says far more of the question than another figure's (`said`, its characters):
    of 值班室计划安排值班人数大于等于3人/天 and 共156人, the question's 值班室…人数 names the first, not the staff count
    sharing one character with it."""
    if stated is None:
        return False
    own = set("".join(stated.said)) - _PLAIN
    return len(own) >= 2 * len(set("".join(said)) - _PLAIN) + 2


def asked_unit(question: str) -> str | None:
    """The unit of count or measure a question asks (名 of 多少名医生, 吨 of 多少吨, 面积 of 多大面积)."""
    q = halfwidth(question)
    m = _ASKED_UNIT.search(q) or _ASKED_BY.search(q)
    if m:
        return m.group(1)
    return "面积" if _ASKED_AREA.search(q) else None


def agree(asked: str, stated: str) -> bool:
    if asked == stated or "%" in (asked, stated):
        return asked == stated
    if asked in stated or stated in asked:
        return True
    if asked == "面积":
        return stated in _AREA
    if asked in _PEOPLE or stated in _PEOPLE:
        return asked in _PEOPLE and stated in _PEOPLE
    if asked in _AREA or stated in _AREA:
        return False
    return "个" in (asked, stated) and len(asked) == len(stated) == 1 and not {asked, stated} & set("次场期批轮趟")


# (a document's statements are read once per process: a long final account holds thousands of passages, and every
# count question on it reads them all)
@functools.lru_cache(maxsize=1 << 16)
def statements(text: str) -> tuple[tuple[str, float, str, str], ...]:
    """(name, figure, unit, sentence) of every figure with a unit the text states; the sentence it is read in, as the
    text prints it (cited: a reader finds it on the page)."""
    raw, text = text, halfwidth(text)
    if len(raw) != len(text):  # (half-width forms map one character to one: the positions are the same)
        raw = text
    out = []
    for m in _STATED.finditer(text):
        before = text[:m.start()]
        cut = max([x.end() for x in _BOUNDARY.finditer(before)] + [0])
        name = _COMPARISON.sub("", _NUMBERING.sub("", before[cut:].strip())).strip()
        if cut and before[cut - 1] == "、":
            # an item of a list (涉及我市11个区、46个涉农街道): named with the list's lead, before its first figure
            # when its items name their things after the figure (11个区): the lead then names none of them
            clause = before[max([x.end() for x in _BOUNDARY.finditer(before) if x.group() != "、"] + [0]):]
            first = _STATED.search(clause)
            if first and re.match(r"[\u4e00-\u9fff]", clause[first.end():]):
                name = _COMPARISON.sub("", _NUMBERING.sub("", clause[:first.start()].strip())).strip() + name
        elif cut and before[cut - 1] in "，,":
            # the clause before, when it states no figure, leads into this one (开展河长制水质断面监测，监测断面684个)
            lead = before[max([x.end() for x in _BOUNDARY.finditer(before, 0, cut - 1)] + [0]):cut - 1]
            name = (lead if not re.search(r"\d", lead) else "") + name
        after = _AFTER_UNIT.match(text[m.end():])
        name += after.group(1) if after else ""
        start = max([x.end() for x in re.finditer(r"[。；;\n｜]", before)] + [0])
        end = re.search(r"[。；;\n]", text[m.end():])
        sentence = raw[start:m.end() + (end.end() if end else len(text) - m.end())].strip()
        if (value := cell_value(m.group(1))) is not None:  # (1,2,3 is no number)
            out.append((name, value, m.group(2), sentence))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 16)
def cell_statements(text: str) -> tuple[tuple[str, float, str, str], ...]:
    """The statements of a table row whose cell holds only the figure (≥120; 4.00 with 计量单位 in the next cell):
    named by the cell before it, with the unit its brackets or the next cell say; or named by the row's label when
    its column says what it counts (参事业务培训：人数=30.00)."""
    row = re.split(r"[|｜]", halfwidth(text))[-1]
    label = row.split(":", 1)[0] if ":" in row.split("=", 1)[0] else ""
    pairs = [(c.rsplit(":", 1)[-1].strip(), v.strip()) for part in re.split(r"[;；]", row)
             for c, _, v in [part.rpartition("=")] if v.strip()]
    cells = [v for _, v in pairs]
    out = []
    name = None  # the cell naming the next figure (a figure after the first is a weight, a score: not named)
    for i, (column, cell) in enumerate(pairs):
        m = _ONLY_FIGURE.match(cell)
        if m and cell_value(m.group(1)) is None:
            continue
        if not m:
            if re.search(r"[\u4e00-\u9fff]{2}", cell) and not _GENERIC_CELL.match(cell) and not _ONLY_UNIT.match(cell):
                name = cell
            continue
        counted = _NAMED_UNIT.search(column)
        if counted and re.search(r"[\u4e00-\u9fff]{2}", label) and not m.group(2):
            out.append((label + column, cell_value(m.group(1)), counted.group(1), f"{label}：{column}={cell}"))
            continue
        if name is None:
            continue
        unit = m.group(2) or next((b.group(1) for b in [_BRACKET_UNIT.search(name)] if b), None)
        if unit is None:
            after = next((c for c in cells[i + 1:] if not _ONLY_FIGURE.match(c)), "")
            only = _ONLY_UNIT.match(after) or _NAMED_UNIT.search(name)  # (计量单位=个, or the name's 培训人次)
            unit = only.group(1) if only else None
        named, name = name, None
        if unit is None:
            continue
        out.append((_NUMBERING.sub("", _BRACKET_UNIT.sub("", named)), cell_value(m.group(1)), unit, f"{named}：{cell}"))
    return tuple(out)


def _words(phrase: str) -> list[str]:
    from index.bm25 import segmenter

    return [w for w in dict.fromkeys(segmenter().cut(phrase)) if len(w) >= 2 and
            re.fullmatch(r"[\u4e00-\u9fff]+", w) and set(w) - _PLAIN]


def _says(word: str, name: str) -> bool:
    """The name says the word, or a word of two characters sharing one of its characters and one of its senses."""
    if word in name:
        return True
    from qa.gloss import share_a_sense

    return any(set(name[i:i + 2]) & set(word) and share_a_sense(word, name[i:i + 2]) for i in range(len(name) - 1))


def stated_in(keys: set[str], retriever: Retriever) -> list[tuple[str, float, str, str, object]]:
    """(name, figure, unit, sentence, chunk) of every named statement of the documents."""
    docs, chunks = retriever.documents(), retriever.chunks()
    out = []
    for key in keys:
        for cid in docs.get(key, {}).get("chunk_ids") or []:
            chunk = chunks.get(cid)
            if chunk is None or chunk.kind not in ("paragraph", "row"):
                continue
            read = statements(chunk.text) + (cell_statements(chunk.text) if chunk.kind == "row" else ())
            out += [(name, value, unit, sentence, chunk) for name, value, unit, sentence in read if name]
    return out


def _counted_thing(question: str, unit: str) -> str:
    """What the question counts: the words right after the measure word asked (几家下属事业单位没被算进去: 下属事业单位),
    else the noun before it (设备有多少台, 水库至少有几座: without the asking words said after it)."""
    after = re.search(r"(?:多少|几)\s*" + re.escape(unit) + r"([\u4e00-\u9fff]{2,8}?)(?=的|没|被|在|是|有|要|[，,？?。（(]|$)",
                      halfwidth(question))
    if after:
        return after.group(1)
    counted = asked_count(question)
    return re.sub(r"(?:至少|最少|最多|一共|总共|共|大约|大概|约)+$", "", counted[0]) if counted else ""


# The bigrams of a table's title the question must say (and more than of the table of any other figure as well said)
# for that table to tell the figures apart (部门整体…绩效目标 says six of 部门整体支出绩效目标表, four of 部门专项业务经费
# 绩效目标表)
MIN_TABLE_SAID = 3


def _in_table_named(question: str, tied: list[StatedQuantity]) -> StatedQuantity | None:
    """Of figures the question's words say equally well, the one in the table whose title it says clearly most of
    (MIN_TABLE_SAID bigrams, more than of any table of another figure); None when it names none of them so."""
    from qa.phrase import grams

    asked = grams(halfwidth(question))
    said = {id(f): len(asked & grams(f.chunk.table or "")) for f in tied}
    top = max(tied, key=lambda f: said[id(f)])
    if said[id(top)] < MIN_TABLE_SAID or any(f.value != top.value and said[id(f)] >= said[id(top)] for f in tied):
        return None
    return top


def stated_quantity(question: str, sc: Scope, retriever: Retriever, unit: str | None = None) -> StatedQuantity | None:
    """The figure of the named document, in the unit the question asks (or `unit`: % for a rate asked, 自来水普及率达到
    多少), whose statement says the question's words best (see the module's account); None when none clearly does."""
    from qa.scope import without_names

    unit = unit or asked_unit(question)
    if unit is None or len(sc.keys) != 1:
        return None
    phrase = re.sub(r"[（(]?(?:本级|汇总)[）)]?|20\d\d年?", "", without_names(question, retriever.documents(), sc, years=True))
    phrase = _ASKING.sub(" ", re.sub(r"(?:多少|几)\s*" + _UNIT + r"|按\s*" + _UNIT + r"\s*算|百分之|百分比|%", " ",
                                     halfwidth(phrase)))
    words = _words(phrase)
    chars = set(re.findall(r"[\u4e00-\u9fff]", phrase)) - _PLAIN
    if not words:
        return None
    thing = _counted_thing(question, unit) if unit != "%" else ""
    change = unit == "%" and COMPARED.search(halfwidth(question)) is not None
    found: dict[tuple, StatedQuantity] = {}
    for name, value, stated, sentence, chunk in stated_in(set(sc.keys), retriever):
        if not agree(unit, stated) or change and not _CHANGED.search(sentence):
            continue
        if stated != unit and "个" in (unit, stated) and len(thing) >= 2 and thing[-1] not in name:
            continue  # (个 counts anything: 12个二级预算单位 is no count of the 设备 asked in 台, unless it names them)
        said = tuple(w for w in words if _says(w, name))
        # the thing a count counts is said after its verb (所属各预算单位共有车辆70辆: 车辆); who holds it and when, before
        # it, say the question's words too, but a question that says none of the thing is not asking it (单位多少个)
        counted = COUNTING.split(name)[-1] if unit != "%" else ""
        if not said or counted and not chars & set(counted):
            continue
        score = 2 * len(said) + len(chars & set(name)) + (stated == unit)
        if (name, value) not in found or found[name, value].score < score:
            found[name, value] = StatedQuantity(value, stated, sentence, chunk, said, score, words=len(words))
    if not found:
        return None
    best = max(found.values(), key=lambda f: f.score)
    if any(f.score >= best.score and f.value != best.value for f in found.values()):
        # two figures said as well: the question tells them apart by the table it names (部门整体绩效目标里: the
        # department-wide form, not a project's printing the same target), or not at all
        best = _in_table_named(question, [f for f in found.values() if f.score >= best.score])
        if best is None:
            return None
    if len(best.said) < 2 and len(chars & set(best.sentence)) < 3:
        return None  # one word alone, and little else of the question: a coincidence of wording
    return best
