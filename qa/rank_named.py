"""A ranking over the items the question itself lists (预算拆成在职人员经费、公用经费、…、项目支出五块，哪一块最大): each
item read as its own question on the one document the question names, the largest or smallest of them named with
every item's figure, and its share of their sum when the question says the items split a whole (拆成, 分成, 按…分,
几大块) — the computation written into the answer. None when an item is not read, so the table rankings answer."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from index.numbers import halfwidth
from qa.asked_again import named_as_asked
from qa.left_out import names_of
from qa.models import Answer, AnswerRow, Basis, Citation
from qa.question import small_number
from qa.rank_asks import GAP_ASKED, SHARE_ASKED, followed_up

if TYPE_CHECKING:
    from qa.scope import Scope

# Three items or more said one after another with 、 (the last may follow 和/及): the question's own list.
# (a quoted head: “三公”经费; a bracketed character or two within: 维修（护）费)
_ITEM = (r"(?:[“\"][\u4e00-\u9fff]{1,12}[”\"])?[\u4e00-\u9fff]{1,14}(?:[（(][\u4e00-\u9fff]{1,3}[）)][\u4e00-\u9fff]{0,6})?"
         r"(?<=[\u4e00-\u9fff）)]{2})")
_LIST = re.compile(rf"{_ITEM}(?:、{_ITEM}){{1,14}}(?:、|和|及|以及|与){_ITEM}")
# Words before the first item that say how the whole is cut (拆成, 按), and after the last (五块, 分, 等)
_LEAD = re.compile(r"^.*?(?:拆成|拆分为|分成|分为|划分为|包括|按照|按|即|把|有)")
# …or where the list is read, said before its first item (政府采购里货物、…; 预算的工资福利、…)
_FRAME = re.compile(r"^.*(?:里|中|的)(?=[\u4e00-\u9fff“\"]{2})")
# How many items the question says it lists (这三项, 四块, 三大类): a last item joined by 和 is one item when the
# list has that many without cutting it (对个人和家庭补助 of 工资福利、商品和服务、对个人和家庭补助这三大类)
_COUNT_SAID = re.compile(r"([两二三四五六七八九十]|\d+)(?:大)?(?:块|项|类|部分|笔|个|种)")
# (…and what they are, said after their count: 这几项日常开支中, 这些商品服务科目里)
_TRAIL = re.compile(r"(?:(?:这|那)?(?:[两二三四五六七八九十\d]+|几)(?:大)?(?:块|项|类|部分|笔|个)|这些)"
                    r"(?:[\u4e00-\u9fff]{0,8}?(?:里|中|当中|之中)|钱|经费|支出|费用)?$|(?:来)?分$")
# A share of what the listed items add up to themselves (占这几块合计的百分之几, 占三项之和): their sum is the whole.
_OF_THEIR_SUM = re.compile(r"占(?:这|那|上述|以上)?(?:[两二三四五六七八九十\d]+|几)(?:大)?(?:块|项|类|部分|笔|个)"
                           r"[^，,。？?]{0,6}?(?:合计|总和|之和|加起来|加在一起|总额|总数)")
# The question says the items are the parts of one whole: their sum is that whole.
_SPLIT = re.compile(r"拆成|拆分|分成|分为|划分|按[^，,。？?]{2,80}?分|几大块|[两二三四五六七八九十\d]+(?:大)?块")


# The list is not what is ranked: examples (基本工资、津贴补贴、奖金等), parts added up first (…合在一起), or the
# units the money is ranked by (按预算单位排, 哪个单位).
_NOT_RANKED = re.compile(r"合在一起|加起来|加在一起|合计|按[^，,。？?]{1,8}排|哪(?:一)?[个家](?:下属|所属)?(?:单位|部门)")


def listed_items(question: str) -> list[str]:
    """The items a question lists as what it ranks, in its order (none when it lists fewer than three, or lists
    examples or parts of what it ranks)."""
    q = halfwidth(question)
    m = _LIST.search(q)
    if m is None or _NOT_RANKED.search(_OF_THEIR_SUM.sub("", q)) or re.match(r"[^、]*等", q[m.end() - 1:m.end() + 1]):
        return []
    items = re.sub(r"[“”\"]", "", m.group(0)).split("、")
    last = [x for x in re.split(r"和|以及|及|与", items[-1]) if x]
    said = _COUNT_SAID.search(q, m.end() - len(items[-1]))
    n = small_number(said.group(1)) if said else None
    items = items if n == len(items) else items[:-1] + last
    items[0] = _LEAD.sub("", items[0])
    items[0] = _FRAME.sub("", items[0]) if len(items[0]) > 4 else items[0]
    # (the asking words run on after the last item, 公务接待这几项哪项最高, 劳务费哪一项最多: the item ends before them,
    # when they count the items or ask which item; 重庆三地市政府办公厅哪个 runs on into no item)
    at = items[-1].find("哪")
    if at > 0 and (_TRAIL.search(items[-1][:at]) or re.match(r"哪一?(?:项|类|块|笔)", items[-1][at:])):
        items[-1] = items[-1][:at]
    while (cut := _TRAIL.sub("", items[-1])) != items[-1]:  # (工程三类分: 分, then 三类)
        items[-1] = cut
    # (a run that runs on into the asking words, 重庆三地市政府办公厅哪个最多, is no list of items)
    return items if len(items) >= 3 and all(len(x) >= 2 and not re.search(r"哪|多少|最|几", x) for x in items) else []


def names_listed(name: str, item: str) -> bool:
    """A ranked item's name is the listed item (公务用车购置及运行费 for 公车: its characters in order, or a word of
    two meaningful characters kept)."""
    from index.entity import in_order
    from qa.kept import keeps_a_word

    return bool(name) and (in_order(item, name) or keeps_a_word(item, name))


def first_citations(answers: list[Answer]) -> list[Citation]:
    """Each answer's first citation, in the answers' order, a passage cited once."""
    cites: list[Citation] = []
    for c in (a.citations[0] for a in answers if a.citations):
        if all((c.source, c.page, c.text) != (x.source, x.page, x.text) for x in cites):
            cites.append(c)
    return cites


def reads_as_item(answer: Answer, item: str) -> bool:
    """Whether the answer is the item's: its row, its column or the term it read the item as names the item."""
    names = [names_of(answer), (answer.column or "").split("/")[0]] + [b.text for b in answer.basis if b.part == "term"]
    return any(names_listed(n, item) for n in names)


def ranked_named(question: str, sc: Scope, op: str, k: int, read: Callable[[str], Answer],
                 rest: str = "") -> Answer | None:
    """The largest (op "max") or smallest item of those the question lists, each read by `read` as its own question
    of the unit and year the question names."""
    items = listed_items(question)
    if not items or len(sc.keys) != 1 or not sc.named:
        return None
    # (of the units and year the question names, its own office when it asks that: qa.asked_again)
    of = named_as_asked(question, sc) + "".join(f"{y}年" for y in sc.years)
    # (the one part of the spending the items are ranked in, said before the list: 项目支出里，水费、电费…: each read in it)
    q = halfwidth(question)
    listed = _LIST.search(q)  # (found by listed_items: the items stand there)
    said = {p for p in ("基本支出", "项目支出") if p in q[:listed.start()]}
    part = said.pop() if len(said) == 1 and not any(p in x for x in items for p in ("基本", "项目")) else ""
    answers = [read(f"{of}{item}{part}是多少") for item in items]
    if any(not a.answered or a.value is None or a.unit != "万元" or not reads_as_item(a, item) for a, item in zip(answers, items)):
        return None  # (an item not read, or read as another line: no ranking of the list)
    if len({round(a.value, 2) for a in answers}) < len(answers):
        return None  # two items read as one figure: one of them was read as the other
    order = sorted(range(len(items)), key=lambda i: answers[i].value, reverse=op != "min")
    top = order[0]
    value = answers[top].value
    word = "最小" if op == "min" else "最大"
    shown = "，".join(f"{items[i]} {answers[i].value:,.2f}万元" for i in range(len(items)))
    text = f"问题列出的{len(items)}项（{shown}）中，{word}的是“{items[top]}”，{value:,.2f}万元"
    share = gap = None
    after = q[listed.end():] + rest  # (最大的一块占了百分之几: the share asked after the list)
    if SHARE_ASKED.search(after) and _OF_THEIR_SUM.search(after):
        # (of what the listed items add up to: their own sum, by definition the whole)
        whole = round(sum(a.value for a in answers), 4)
        share = round(100.0 * value / whole, 2) if whole else None
        if share is None:
            return None
        text += f"，占{len(items)}项合计的{share:.2f}%（{value:,.2f} ÷ {whole:,.2f}万元，由各项数字计算）"
    elif SHARE_ASKED.search(after):
        if not _SPLIT.search(question):
            return None  # a share of a whole the list is not said to make up
        whole = round(sum(a.value for a in answers), 4)
        # the parts must make up the whole the document states (its budget's total, read as the items were): a part
        # read from another line than the one the whole adds up leaves the identity unmet, and no share is given
        total = read(f"{of}预算总额是多少")
        if not total.answered or total.value is None or abs(total.value - whole) > 0.005 * max(whole, 1.0):
            return None
        share = round(100.0 * value / whole, 2)
        text += f"，占{len(items)}项合计的{share:.2f}%（{value:,.2f} ÷ {whole:,.2f}万元，由各项数字计算；预算总额{total.value:,.2f}万元，与各项之和相符）"
    if GAP_ASKED.search(rest):
        second = answers[order[1]]
        gap = round(abs(value - second.value), 4)
        text += f"，比第二位“{items[order[1]]}”（{second.value:,.2f}万元）多{gap:,.2f}万元"
    rows = []
    for item, a in zip(items, answers):
        c = a.citations[0]
        rows.append(AnswerRow(entity=item, value=a.value, unit="万元", source=c.source, page=c.page, table=a.table,
                              row=a.row, column=a.column))
    cites = first_citations([answers[i] for i in order])  # (the first item's passage cited first)
    asked, asked_unit = followed_up(value, "万元", share, gap, after)
    return Answer(question=question, answer=text + "。", value=asked, unit=asked_unit, citations=cites[:max(k, 1)],
                  mode="structured",
                  table=answers[top].table, row=answers[top].row, column=answers[top].column, rows=rows,
                  confidence=min(a.confidence for a in answers),
                  basis=[Basis(part="row", text=items[top], words=[f"{word}: {value:,.2f}"])] +
                  [b for a in answers for b in a.basis if b.part != "entity"])
