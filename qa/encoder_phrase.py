"""What a question names, for the encoder (qa/reword.py reads it as a documents' term): the question less its year,
scope, where it says to look, what it leaves out, the part of the thing it asks and its asking words."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.asked_again import PART_SAID, one_part
from qa.kept import PLAIN
from qa.question import ALL_FUNDS, NOT_UNDER, OUT_AFTER, OUT_BEFORE, WHOLE_SCOPE

# What asks, no word of the thing (预算 asks, except as the name of a fund: 一般公共预算 is a quantity's word, 一般公共
# alone another's; so does the unit the answer is asked in, 多少万元: 万元 left alone pulled the reading to a column
# 资金金额（万元）)
ASKING = re.compile(r"(?:是|有)?(?:多少|几)(?:[千万亿]|百万|千万)?元|是多少|有多少|多少钱|多少|几[个辆台项]|一共|总共|"
                     r"大概|大约|请问|(?<!一般公共)(?<!政府性基金)(?<!国有资本经营)预算|安排|准备|打算|花|要|呢|吗|[？?。，,]")


# A clause before the one that names the thing, saying how to cut (按钱花在谁身上来分，…): a frame, not the thing.
# (where to look, 项目支出里，…, stays: it names the group the thing is read in)
_FRAME_CLAUSE = re.compile(r"(?:按照|按|依照|根据|从)[^，,]{0,16}?(?:来分|分类|来看|划分|分|看)$")


# Every source of money asked (（全部资金）, 各类资金合在一起的): which tables, no word of the thing (asked again after it)
_ALL_FUNDS_WORDS = re.compile(rf"[（(]?(?:{ALL_FUNDS.pattern})(?:都|全)?(?:算上|算进来|加在一起|合在一起|加起来|合起来|合计|算)?"
                              r"的?[）)]?")


def named_phrase(subject: str) -> str:
    """What the question names, for the encoder: without the year, the scope marker, the change it also asks
    (比上年少了多少) and the asking words (了, 的钱 left alone would pull it towards other terms)."""
    # (every source of money asked, 全部资金: which tables hold the figure, asked again after the term, no word of it)
    subject = _ALL_FUNDS_WORDS.sub(" ", halfwidth(subject))
    clauses = [c for c in re.split(r"[，,]", subject) if c.strip()]
    if len(clauses) > 1:  # (the frames before the clause that names the thing)
        subject = "，".join([c for c in clauses[:-1] if not _FRAME_CLAUSE.search(c.strip())] + clauses[-1:])
    # how it changed (跟去年比变化多大, 增减情况如何), or by how much in a direction (比上年少了多少)
    s = re.sub(r"(?:(?:跟|和|与|同|较|比)[^，。？?]{0,8}?(?:比|相比|比较)?)?(?:变化|变动|增减)了?(?:多大|多少|几何|如何|情况)?",
               " ", halfwidth(subject))
    s = re.sub(r"(?:比|较)[^，。？?]{0,10}?(?:增加|减少|增长|下降|多|少|省)(?:出来?)?了?(?:多少|几)?", " ", s)
    # (and the scope it is asked at, 本级 / 汇总 or in words, 全部门, 整个部门（机关加下属单位）: no word of the thing)
    # (and a year's span said in words, 一年的, 全年: when, no word of the thing)
    s = re.sub(r"20\d\d\s*年度?|(?<![\u4e00-\u9fff])(?:一|全|每|整)年(?:的|下来)?|[（(]?(?:本级|汇总)[）)]?|"
               + WHOLE_SCOPE + r"|\((?:机关)?(?:加|和|及|连同)?(?:下属|所属)(?:各)?单位\)", " ", s)
    s = re.sub(r"\(\s*\)", " ", s)  # (the brackets such a scope was said in: （整个部门）)
    # (nor where it is read, said first, 一般公共预算里，…, or how the table cuts, in brackets: （按部门经济分类的那一大类）)
    s = s.lstrip(" ，,")
    last = ""
    while (where := WHERE_FIRST.match(s)) and where.end():
        last, s = s[:where.end()], s[where.end():].lstrip(" ，,")
    if last and PART_SAID.search(s) and not names_a_thing([PART_ASKED.sub(" ", ASKING.sub(" ", s))]):
        # (…买警用专业设备的钱里，通过项目安排的部分: what follows the where asks a part of it, so the where said the thing)
        s = re.sub(r"(?:里|中|当中)?[\s，,]*$", "", last) + " " + s
    s = re.sub(r"\(按[^()]*\)", " ", s)
    s = ASKING.sub(" ", s)
    s = re.sub(r"(?:的钱|的)?\s*(?:了)?\s*$", "", re.sub(r"\s+了\s+|\s+了$", " ", s).strip())
    return re.sub(r"\s+", " ", s).strip()


# What frames a described thing for the encoder, not the thing itself: its purpose words (用于招待来客, 花在…上), its
# fillers (这些, 之类) and the fund it is paid from (…的一般公共预算), which names a column, not an item.
_FRAMES = re.compile(r"^(?:用于|用在|用来|花在|投在|投入|拿来|在)|(?:这些|那些|这类|这块|那块|之类|等等)|"
                     r"(?:上|方面)的?(?:一般公共预算|政府性基金预算?|财政拨款)(?:资金|支出|拨款)?$|(?:上|方面)$")
# Where to look, said first (决算里，一般公共预算基本支出中…): the table, fund or column the thing is read in.
FUNDS = r"一般公共预算|政府性基金预算?|国有资本经营预算|财政拨款"  # (the funds a figure is paid from)
WHERE_FIRST = re.compile(rf"^\s*(?:(?:决算|预算|{FUNDS}|基本支出|项目支出|资金|"
                         r"按?经济分类|按?功能分类)的?)+(?:里|中|当中|内)的?\s*")
# What the thing leaves out, in brackets (不算办公电脑桌椅, 基本养老保险之外的那一份): words of another thing, for the
# encoder to read past (which words they are: qa.question.not_asked).
_LEFT_OUT = re.compile(rf"\((?:{OUT_BEFORE})[^()]*\)|\([^()]*(?:{OUT_AFTER})[^()]*\)")


# The fund a bracket names (机关日常运转花的钱（一般公共预算）): the column it is read in, no word of the thing.
_FUND_BRACKET = re.compile(rf"\((?:{FUNDS})(?:资金|拨款|支出|部分)?\)")
# Characters that point or frame without naming a thing (那摊钱, 掏…的那部分)
POINTERS = set("那这摊块部分掏里中拿出从用来")


def for_encoder(phrase: str) -> str:
    """The phrase without where it is read (said first, or the fund in brackets), what it leaves out and its
    frames, for the encoder (and the phrase itself when nothing else is left)."""
    rest = _FUND_BRACKET.sub("", _LEFT_OUT.sub("", phrase))
    while (where := WHERE_FIRST.match(rest)) and where.end():
        rest = rest[where.end():]
    # (a clause saying where, in the asker's words, before the thing: 机关日常运转的经费里，…; or the fund said after
    # it: …的那笔钱，一般公共预算: the encoder reads the thing, not the place)
    # (the phrase's clauses are apart by a space: named_phrase takes the clause marks out with the asking words)
    # (the part of it asked, 通过项目安排的部分, 放在项目里花的, is a column of the thing's row, no words of the thing:
    # asked again before the term, qa.asked_again._part_where; unless both parts are said, the whole)
    asks_part = bool(one_part(phrase))
    parts = rest.split()
    at = next((i for i in range(len(parts) - 1, -1, -1) if re.search(r"(?:里|中|当中)$", parts[i])), None)
    after = " ".join(parts[at + 1:]) if at is not None else ""
    if after and names_a_thing([PART_ASKED.sub(" ", after) if asks_part else after]):
        parts = parts[at + 1:]
    unparted = PART_ASKED.sub(" ", " ".join(parts)).split()
    if asks_part and unparted != parts and names_a_thing(unparted):
        parts = [re.sub(r"(?:里|中|当中)$", "", p) for p in unparted]
    if len(parts) > 1 and re.fullmatch(FUNDS, parts[-1]) and names_a_thing(parts[:-1]):
        parts = parts[:-1]
    rest = _REMAINDER_SAID.sub("其他", " ".join(parts))
    return _FRAMES.sub("", rest).strip(" 、，,的") or phrase


# The remainder described by what it cannot be classed under (没法归到办公、差旅这些名目下的零星开支): 其他 in the
# documents' words
_REMAINDER_SAID = re.compile(rf"(?:{NOT_UNDER.pattern})的?(?:那些|这些)?(?:零星|零碎|杂项|其余|剩余)?的?")


# The part of a thing asked, said alone (通过项目安排的部分, 放在项目里花的那块): no words of the thing
PART_ASKED = re.compile(rf"(?:{PART_SAID.pattern})\s*(?:安排|花|列支|出)?的?\s*(?:那|这)?(?:一?部分|一?块|份)?")


def names_a_thing(clauses: list[str]) -> bool:
    """The clauses name a thing: two characters at least that are not every budget phrase's."""
    return len(set("".join(clauses)) - PLAIN - POINTERS - set(" ，,")) >= 2
