"""The narrative's items, each an amount with what names it and what it is for, read against a question in its own
words. A disclosure lists its projects in sentences ("2.公共卫生服务30,431.03万元，主要包括：院前急救9,408.00万元，
主要用于对…纳入120急救网络，接受急救中心调度安排…的医疗机构给予经费补助；…"), and a question that describes a project
by what it does (给接120调度、出车急救的医院的补助) shares its words with the item's description, not with any table row.

An item runs from the end of the previous one (a ；or 。, or the amount before it) to its amount (its name), and on to
the next ；or 。, or to the clause where the next amount's name starts (what it is for): a list's head ("福利彩票公益金
项目19,336.15万元，主要包括：") does not take in the items it lists. A part the item's amount includes (上年结转…,
an amount in brackets) is not an item of its own.

A project table's row is an item too: its label and the cells that are text (主要内容, 用途) name it and say what it is
for, its first money column is its amount.

The question's words (its unit, year and asking words aside) that the named documents use weigh by how few documents
of the store use them (idf). The item saying the largest weighted share of them answers, when it says at least
MIN_SHARE of them, at least MIN_WORDS words, and no item stating another amount comes within MARGIN of it. A list
whose head says them so is ranked the same way (qa/item_lists.py, answered by qa/listed.py)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from index.numbers import halfwidth
from qa.cells import name_cells, text_cells
from qa.phrase import ACTUAL, CARRIED_PART, PLAN_ASKED, PLANNED, clean, grams, joined_with_others, last_name, overlap
from qa.question import POINTING, not_asked, where_and_asked
from qa.rank_asks import UNDER

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

# An item whose name says none of the question's specific words, only what it pays for does, may pay for more than
# what is asked: measured on the tuned questions, 20 such answers right in 23, against 19 in 19 named.
PURPOSE_ONLY = 0.7
# …and one whose reason for its change alone says them (工程建设管理567.41万元，…原因是…中心增加了教材编研费, asked for the
# centre's textbook money) is read at most this sure: why an amount grew names what grew, often a part of it
REASON_ONLY = 0.5
_REASON = re.compile(r"原因|由于")
MIN_SHARE = 0.5  # of the question's weighted words, the item must say at least this share
MIN_WORDS = 2  # … in at least this many words (one shared word is a coincidence, not a description)
MARGIN = 0.1  # an item of another amount this close to the best one makes the reading a guess: nothing answered
_UNITS = set("万亿元")  # 万元 says how the amount is counted, not what it is
_END = re.compile(r"[；;。]")
_CLAUSE = "，,：:、"
# An item that pays for this many uses (规划统筹、地质勘查、…、地灾防治) is not the money of one of them: a question whose
# specific words are not in the item's name, and that shares words with at most a third of its uses, is not answered
# by its amount (one that describes most of them, 请专家、上门检查、指导企业…, asks for the item).
MANY_USES = 4
LIST_HEAD = re.compile(r"其中|包括|分别")  # what follows an amount and opens a list of its parts (原因为： explains)
_NEXT_SENTENCE_LIST = re.compile(r"。\s*其中[，,：:]?")  # …or opens the next sentence
# A question comparing two figures or ranking items asks for no single item's amount.
# (第N asks a rank when a rank word follows, 第二大, 第三个; 第三方 is a third party, 第二期 a phase)
_NOT_ONE_ITEM = re.compile(r"比.{1,30}?(?:多|少|高|低|增|减)|第[二三四五六七八九十]+[大多高小少低位名个项类笔]|"
                           r"最[多少大小高低]|排名|排[第前]|哪")


@dataclass(frozen=True)
class Item:
    value: float  # 万元
    name: str  # the text from the previous item's end to the amount
    purpose: str  # the text after the amount, up to the next item
    start: int  # offset of the amount in its paragraph
    head: str = ""  # the name of the list head it is listed under ("" when none)


@dataclass(frozen=True)
class DescribedItem:
    value: float
    sentence: str
    chunk: object
    said: tuple[str, ...]  # the question's words the item says
    share: float  # their share of the question's words, weighted by idf
    unit: str | None = "万元"  # a performance target's value is in the unit the question asks, not the table's 万元
    in_name: bool = True  # its name (a row's label, the words before a sentence's amount) says one of `said`
    in_reason: bool = False  # only the reason it gives for its change says `said` (原因是…)
    name: str = ""  # what names it: a row's label, the words before a sentence's amount

    @property
    def confidence(self) -> float:
        """The answer's confidence: the share of the question's words it says, at most PURPOSE_ONLY when only what
        the item is for says them (its amount may pay for more than the thing asked; cf. qa.specific.StatedItem), and
        at most REASON_ONLY when only why it changed does (the reason names what grew, often a part of the item)."""
        return min(self.share, REASON_ONLY) if self.in_reason else \
            self.share if self.in_name else min(self.share, PURPOSE_ONLY)


def items_in(text: str, parts_asked: bool = False, plan_asked: bool = False) -> list[Item]:
    """The money items of a paragraph, in order. A carried-over part (上年结转…) is left out unless `parts_asked`.
    A plan stated beside its actual (全年预算数350万元，执行数322.15万元) is one item: the actual, named by the
    plan's name, or the plan when `plan_asked`.
    An item listed under a head ("…共有775.86万元，其中：…服务类项目739.36万元"; "主要包括：…") takes the head's name
    before its own, up to the end of the sentence: the head says what the list is of."""
    from rules.claims import amounts_in

    def carried(a) -> bool:
        clause = re.split(r"[，,：:、；;。（(]", text[:a.start])[-1]
        return bool(CARRIED_PART.match(clause)) and not parts_asked

    amounts = [a for a in amounts_in(text) if not (a.bracketed or a.bound or a.change or carried(a))
               and a.unit in ("万元", "元", "亿元")]  # (a change or a part said after an item is its account)
    out: list[Item] = []
    head, head_end = "", -1
    for i, a in enumerate(amounts):
        ends = [m.end() for m in _END.finditer(text, 0, a.start)]
        lo = max(ends + [amounts[i - 1].end if i else 0])
        if head and ends and ends[-1] > head_end and text[ends[-1] - 1] == "。":
            head = ""  # the head's sentence is over
        opened = _NEXT_SENTENCE_LIST.search(text, amounts[i - 1].end, a.start) if i and out else None
        if opened and not head and not out[-1].head:
            # (…综合管理2,232.56万元，主要用于…。其中，人事…177.76万元，财务支出205.00万元: the sentence after an
            # amount that opens with 其中 lists that amount's parts)
            head, head_end = out[-1].name, opened.end()
        end = _END.search(text, a.end)
        hi = end.start() if end else len(text)
        if i + 1 < len(amounts) and amounts[i + 1].start < hi + 1:
            between = text[a.end:amounts[i + 1].start]
            cut = max(between.rfind(c) for c in _CLAUSE)
            # (before the last clause mark, or running straight into the first item's name: 主要包括群众文化工作61.21万元)
            if LIST_HEAD.search(between):
                out.append(Item(round(a.value, 4), head + text[lo:a.start], text[a.end:a.end + max(0, cut)], a.start))
                head, head_end = text[lo:a.start], a.end
                continue
            hi = min(hi, a.end + max(0, cut))
        if _REASON.search(text[lo:a.start]):
            # (an amount within the account of a change, 原因是…设备购置预算20万元，2022年社科院…增加50万元: one piece of
            # the explanation, its own clause only. The account after an item's own amount is kept: why it grew
            # says what it pays for, 原因是本年度增加办公用房修缮项目)
            hi = a.end + next((m.start() for m in re.finditer(r"[，,；;。]", text[a.end:hi])), hi - a.end)
        out.append(Item(round(a.value, 4), head + text[lo:a.start], text[a.end:hi], a.start, head))
    return _plan_or_actual(out, plan_asked)


def _plan_or_actual(items: list[Item], plan_asked: bool) -> list[Item]:
    """Of a plan and the actual named right after it, the one asked (see items_in)."""
    out: list[Item] = []
    for item in items:
        plan, own = out[-1] if out else None, item.name[len(item.head):].strip(_CLAUSE + " ")
        if plan is not None and PLANNED.search(plan.name) and ACTUAL.search(own) and len(own) <= 6:
            if not plan_asked:
                out[-1] = Item(item.value, plan.name + item.name, item.purpose, item.start, item.head)
            continue
        out.append(item)
    return out


def one_of_many(said, name: str, purpose: str, describes) -> bool:
    """The question's words (`said`) are in none of the item's name, only in what it pays for, and that is MANY_USES
    uses or more (规划统筹、地质勘查、…、地灾防治) of which the question describes (`describes(use)`) a third at most:
    the item's amount pays for them together, not for the one asked."""
    uses = [u for u in re.split(r"[、，,；;]", purpose) if u.strip()]
    return not named_by(said, name) and len(uses) >= MANY_USES and \
        sum(map(describes, uses)) * 3 <= len(uses)


def reason_only(said, item: Item) -> bool:
    """Only the reason the item gives for its change (原因是…, 由于…) says the question's words (`said`): neither its
    name nor what it is for before the reason."""
    reason = _REASON.search(item.purpose)
    return bool(reason) and bool(said) and not any(w in item.name + item.purpose[:reason.start()] for w in said)


def asks_parts(question: str) -> bool:
    """A question about a carried-over part (结转) reads the parts items_in otherwise leaves out."""
    return "结转" in question


def sentence_at(text: str, start: int, default: str) -> str:
    """The sentence of a paragraph that holds the offset `start` (the item's own sentence, cited first)."""
    from qa.phrase import SENTENCE

    return next((m.group(0) for m in SENTENCE.finditer(text) if m.start() <= start < m.end()), default).strip()


def _said(words: dict[str, tuple[float, list[str]]], total: float, text: str) -> tuple[tuple[str, ...], float]:
    """The question's words a text says, and their idf-weighted share of all of them."""
    said = tuple(w for w in words if w in text)
    return said, round(sum(words[w][0] for w in said) / total, 3)


def said_share(words: dict[str, tuple[float, list[str]]], text: str) -> float:
    """The idf-weighted share of the question's words (question_words) that a text says."""
    total = sum(w for w, _ in words.values())
    return _said(words, total, text)[1] if total else 0.0


def _row_text(chunk, units: frozenset[str] = frozenset()) -> str:
    """A row's own words: its label, its text cells and, when the question names it (`units`), the budget unit whose
    block it is in (a project of 治安管理支队 is that unit's); not the table's title or column names, which every row
    of the table shares. (A unit the question does not name says none of its words: 维修 of 加油、维修这些 is not
    the 汽车维修行业管理处's.)"""
    unit = chunk.budget_unit if chunk.budget_unit in units else ""
    return " ".join([chunk.label or ""] + text_cells(chunk) + [unit])


def _row_name(chunk, units: frozenset[str]) -> str:
    """What names a row's item: its label, unless that is the budget unit whose project it is (深圳市职业技能培训
    指导中心: its projects are named in a 项目名称 cell), and its 名称 cells."""
    unit = chunk.label in units or chunk.label == chunk.budget_unit
    return " ".join(([] if unit else [chunk.label or ""]) + name_cells(chunk))


def named_by(said, name: str, units: frozenset[str] = frozenset()) -> bool:
    """The item's name says a word of the question (`said`) that is no word of a unit the question names (`units`:
    公共就业服务中心's 就业 names the unit, not 促进就业管理)."""
    return any(w in name for w in said if not any(w in u for u in units))


def question_words(question: str, sc: Scope, retriever: Retriever) -> dict[str, tuple[float, list[str]]]:
    """The question's words (two characters or more, or a number of two digits or more; its unit's names, year and
    asking words aside) that the named documents use: word -> (idf over the store's documents, the named documents'
    chunks that hold it)."""
    from index.bm25 import segmenter
    from index.entity import in_order
    from qa.kept import PLAIN
    from qa.reword import subject_phrase

    docs = retriever.documents()
    keys = sc.keys or set(docs)
    chunks = retriever.chunks()
    bm25 = retriever.store.bm25()
    # the unit as the question names it (深圳文广旅体局 says no 旅游: 旅游执法 is what is asked, though the full name,
    # 文化广电旅游体育局, prints it)
    names = list(sc.named.values())
    out: dict[str, tuple[float, list[str]]] = {}
    cut = segmenter()

    # words the question quotes (“市场监督管理事务”) name the item, even when the unit's name says them too
    quoted = "".join(re.findall(r"[“\"'‘「]([^”\"'’」]{2,30})[”\"'’」]", question))

    def read(w: str) -> bool:
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,}|\d{2,}", w) or set(w) <= PLAIN | _UNITS or POINTING.fullmatch(w) \
                or (w not in quoted and any(in_order(w, n) for n in names)):
            return True  # (not a word of what is asked: nothing to look for)
        held = bm25.holders(w)
        mine = [cid for cid in held if chunks.doc_of(cid) in keys]
        if mine:
            owners = {chunks.doc_of(cid) for cid in held}
            out[w] = (math.log(1 + len(docs) / len(owners)), mine)
        return bool(mine)

    for w in dict.fromkeys(_joined_singles(list(cut.cut(subject_phrase(question, docs, sc))))):
        if not read(w) and len(w) > 2:
            # a compound the documents do not print (国家赔偿) read by the words within it (赔偿案件 says 赔偿)
            for part in cut.cut_for_search(w):
                if part != w:
                    read(part)
    return out


MAX_RUN = 3  # single characters in a row read as one word


def _joined_singles(words: list[str]) -> list[str]:
    """The segmenter's words, with a short run of single characters it could not join read as one word (步, 道 of
    远足步道: 步道; a word its dictionary lacks is cut into characters). Longer runs are function words (给搞的那)."""
    out: list[str] = []
    run: list[str] = []
    for w in words + [""]:
        if re.fullmatch(r"[\u4e00-\u9fff]", w):
            run.append(w)
            continue
        if 2 <= len(run) <= MAX_RUN:
            out.append("".join(run))
        run = []
        out.append(w)
    return [w for w in out if w]


def scored_items(question: str, sc: Scope, retriever: Retriever,
                 words: dict[str, tuple[float, list[str]]] | None = None) -> list[DescribedItem]:
    """Every item of the named documents' paragraphs that says one of the question's words (`words`, read from the
    question when not given), best first."""
    from qa.asked_again import one_part, part_column
    from qa.rank import _amount, _is_total
    from qa.unit_row import in_other_section, units_named

    words = question_words(question, sc, retriever) if words is None else words
    part = one_part(question)  # (项目经费 of a row: its 项目支出 column, not its first)
    # the words of what the question leaves out (除了请社工调解纠纷，还…) describe another item: they find none, and an
    # item saying two of them is that other one
    left_out = not_asked(halfwidth(question))
    rest = halfwidth(question)
    for x in left_out:
        rest = rest.replace(x, " ")
    other = {w for w in words if any(w in x for x in left_out) and w not in rest}
    words = {w: v for w, v in words.items() if w not in other}
    total = sum(w for w, _ in words.values())
    if not total:
        return []
    chunks = retriever.chunks()
    units = frozenset(units_named(question, sc.keys, chunks)) if sc.named else frozenset()
    out: list[DescribedItem] = []
    for cid in dict.fromkeys(cid for _, mine in words.values() for cid in mine):
        chunk = chunks[cid]
        if chunk.kind == "row":
            value = _amount(chunk)  # a project table's row: its name, what its description cells say, its amount
            if part:
                # …or the column of the part of the spending asked; a row printing no such column holds no answer
                value = part_column(chunk.facts, part)
            said, share = _said(words, total, _row_text(chunk, units))
            # (one of the many uses its text cells list, said alone: the row's amount is theirs together)
            if value is not None and said and not _is_total(chunk) and not one_of_many(
                    said, chunk.label or "", "、".join(text_cells(chunk)), lambda u: any(w in u for w in words)):
                out.append(DescribedItem(round(value, 4), chunk.text, chunk, said, share,
                                         target_unit(question) if is_target(chunk, value) else "万元",
                                         named_by(said, name := _row_name(chunk, units), units), name=name))
            continue
        if chunk.kind != "paragraph" or in_other_section(chunk, units, sc.keys, chunks):
            continue
        for item in items_in(chunk.text, asks_parts(question), bool(PLAN_ASKED.search(question))):
            said, share = _said(words, total, item.name + item.purpose)
            # (…and of the many uses a sentence's item pays for, as of a row's)
            if said and sum(w in item.name + item.purpose for w in other) < 2 and not one_of_many(
                    said, item.name, item.purpose, lambda u: any(w in u for w in words)):
                sentence = sentence_at(chunk.text, item.start, item.name + item.purpose)
                out.append(DescribedItem(item.value, sentence, chunk, said, share,
                                         in_name=named_by(said, item.name, units), in_reason=reason_only(said, item),
                                         name=item.name))
    return sorted(out, key=lambda d: -d.share)


# A performance table's indicator value (指标值 950 of a target in 亿元) is no amount in the table's 万元: its unit is
# the one the question asks in, if any.
_TARGET_COLUMN = re.compile(r"指标值|目标值")
_UNIT_ASKED = re.compile(r"多少(亿元|万元|元|%|万[人辆吨台个户]|[个家人次项辆台套吨户件篇期所座])")


def is_target(chunk, value: float) -> bool:
    """The row's amount `value` (qa.rank._amount) is read from an indicator's target value column."""
    return any(f.get("value") == value and _TARGET_COLUMN.search((f.get("column") or "").split("/")[-1])
               for f in chunk.facts or ())


def target_unit(question: str) -> str | None:
    """The unit the question asks a target in (多少亿元 → 亿元), else None (not known)."""
    m = _UNIT_ASKED.search(question)
    return m.group(1) if m else None


def described_item(question: str, sc: Scope, retriever: Retriever,
                   found: list[DescribedItem] | None = None) -> DescribedItem | None:
    """The one item the question describes (see the module's account), or None."""
    if _NOT_ONE_ITEM.search(question):
        return None
    found = scored_items(question, sc, retriever) if found is None else found
    if not found or found[0].share < MIN_SHARE or len(found[0].said) < MIN_WORDS:
        return None
    where = where_and_asked(question, retriever.terms() if retriever is not None else ())[0]
    if where and retriever is not None:
        from qa.item_where import placed_first  # (the rows of the table the question looks in)
        from qa.scope import without_names

        found = placed_first(found, without_names(where, retriever.documents(), sc, years=True))
        if found[0].share < MIN_SHARE or len(found[0].said) < MIN_WORDS:
            return None
    best = found[0]
    beyond = [w for w in best.said if w not in where]
    if where and len(beyond) < MIN_WORDS and not (beyond and all(w in best.name for w in beyond)):
        # the words of where to look (机关商品和服务支出里) are a list's head, unless the item's name says the rest
        return None
    rival = next((f for f in found if abs(f.value - best.value) > 0.005 and not numbered_apart(best, f)), None)
    if rival is not None and rival.share > best.share - MARGIN:
        return None
    return best


def numbered_apart(best: DescribedItem, other: DescribedItem) -> bool:
    """The question's number that the best item says and the other does not (12号线 beside 13号线, 二期's 2): the
    number names the item, so the other, however many of the question's other words it says, is another one. (A
    number's idf is low, every document prints 12 somewhere; that is no measure of what it tells apart here.)"""
    return any(w.isdigit() and w not in other.said for w in best.said)


def better_item(question: str, sc: Scope, retriever: Retriever, cand,
                found: list[DescribedItem]) -> DescribedItem | None:
    """The narrative item the question describes, in place of a sentence's figure read for it (`cand`), when it
    states another amount than the sentence read and says the question's words by MARGIN more than the item of the
    amount read (which must be one of the sentence's items: a figure the items do not hold is not second-guessed). It must also say a word the sentence
    read does not, unless it is a part that sentence lists (其中/包括): a clause whose subject the sentence leaves
    unsaid (…预算为2.40万元，支出决算为2.15万元) reads worse as an item than it is. `found`: scored_items."""
    best = described_item(question, sc, retriever, found)
    if best is None or abs(best.value - cand.value) <= 0.005 or _of_more(question, best):
        return None
    read = [f.share for f in found if f.chunk.id == cand.hit.chunk.id and abs(f.value - cand.value) <= 0.005]
    if not read or best.share < max(read) + MARGIN:
        return None
    listed = best.sentence.strip() == cand.text.strip() and LIST_HEAD.search(cand.text)
    return best if listed or any(w not in cand.text for w in best.said) else None


def _of_more(question: str, item: DescribedItem) -> bool:
    """The item's amount is named as the thing asked joined with others (“三公”经费及会议费、培训费…共263.72万元, asked
    for the 三公经费): of them together (qa.phrase.joined_with_others)."""
    from rules.claims import amounts_in

    at = next((a.start for a in amounts_in(item.sentence) if abs(a.value - item.value) <= 0.005), None)
    return at is not None and joined_with_others(grams(clean(question)), last_name(item.sentence[:at]))


def better_than_cell(question: str, sc: Scope, retriever: Retriever, cell: str, value: float,
                     words: dict[str, tuple[float, list[str]]],
                     found: Callable[[], list[DescribedItem]]) -> DescribedItem | None:
    """The narrative item the question describes, in place of a table cell read for it (`cell`: its table, row and
    column), when the item states another amount and says, by MARGIN more than the cell, the question's words
    (`words`: question_words), among them one the cell does not say: 政府采购货物 is the 货物类项目 a sentence lists,
    not the table's 政府采购 total, which leaves 货物 unsaid. `found` gives scored_items, read only when the cell
    leaves a word unsaid (no item can say one more otherwise)."""
    said, share = _said(words, sum(w for w, _ in words.values()) or 1.0, cell)
    if not set(words) - set(said):
        return None
    best = described_item(question, sc, retriever, found())
    if best is None or abs(best.value - value) <= 0.005:
        return None
    more = set(best.said) - set(said)
    if only_the_parent(question, more):
        return None
    return best if best.share >= share + MARGIN and more else None


def only_the_parent(question: str, words: set[str]) -> bool:
    """Every one of the words is said where the question names what the thing is under (qa.rank_asks.UNDER:
    工业和信息产业下面的行政运行: 工业, 信息产业), none in the thing: an item saying them is the parent, not the thing."""
    under = UNDER.search(question)
    return bool(under) and bool(words) and all(w in under.group("x") and w not in question[under.end():] for w in words)


# A run of the question's own characters this long, said by one item, names it (科技计划管理改革 in 根据《…科技计划管理改革
# 优化工作方案》，增加科技研发资金预算41,626万元): no term of a table says such a run.
MIN_RUN = 6


def verbatim_item(phrase: str, found: list[DescribedItem], beats: str = "",
                  terms: frozenset[str] = frozenset()) -> tuple[DescribedItem, int] | None:
    """The one item (of qa.items.scored_items) that says the longest run of the question's phrase, at least MIN_RUN
    characters of it and more than `beats` (the text of a figure read otherwise) says; None when none does, or items
    of other amounts say as long a run. (The run is of what is asked, once where to look is said: `terms` as
    qa.question.where_and_asked reads them; “三公”经费里 names where the item is, not which.)"""
    phrase = re.sub(r"\s+", "", where_and_asked(phrase, terms)[1])
    runs = [(overlap(phrase, re.sub(r"\s+", "", f.sentence)), f) for f in found if not _of_more(phrase, f)]
    top = max((n for n, _ in runs), default=0)
    best = [f for n, f in runs if n == top]
    if top < MIN_RUN or top <= overlap(phrase, beats) or len({round(f.value, 2) for f in best}) > 1:
        return None
    return best[0], top


ORDINAL = re.compile(r"^(?:[\d一二三四五六七八九十]+[.、．]?)")
