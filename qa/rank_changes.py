"""Items ranked by the change each one states ("八类项目里哪一类比上年砍得最狠？", "三十来个功能科目里涨得最多的是
哪一项？"). The narrative lists such items as numbered paragraphs after a lead ("（五）项目支出727.67万元，具体包括：" then
"1.机关政务保障199.55万元，…较2025年年初预算减少0.05万元。"), each with its amount and its change (增加/减少 N, or
持平). The list whose lead and section say most of the question's words is read, and its items compared by their
change, never by their amount: a level is no answer to "which rose most"."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.document import UNIT_TO_WANYUAN
from index.numbers import halfwidth
from qa.citations import cite
from qa.models import Answer, AnswerRow, Basis
from qa.phrase import clean, grams, is_unit
from qa.rank_asks import UNDER, asks_unit, names_row
from qa.rank_codes import asked_classification, classification_of, same_classification

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

_UP = r"涨|增|升|多|提高|上调"
_DOWN = r"降|减|砍|压|少|缩|下调"
# the change asked of the items: which rose / fell most (涨得最多, 增加最多, 砍得最狠, 降幅最大, 减少得最多)
# (…or the place asked: 增加额排第二, 减少金额排在第三位)
_WAY_TAIL = r"(?:加|长|少|低|减|缩)?(?:了|得|的)?"  # (增加了, 涨得, 减少的: the rest of the word for the way)
CHANGE_RANK = re.compile(rf"(?P<way>{_UP}|{_DOWN}){_WAY_TAIL}(?:幅度|幅|速|金额|额)?"
                         r"(?:最多|最大|最狠|最厉害|最猛|最快|最明显|(?:排|排在|排名|位列|居)第(?P<place>[二三四五2-5])|"
                         # (…or least, among the items that moved that way: 增幅最小, 增加最少)
                         r"(?P<least>最小|最少|最低|最慢))")
# …by how fast, not how much (增长得最快, 降幅最大, 增速最高): each item's change over its level the year before
_BY_RATE = re.compile(r"幅|速|最快")
# the rate asked of the item named (增长了百分之几, 增幅多大)
_RATE_ASKED = re.compile(r"百分之|[%％]|幅度|增幅|降幅|几成|增长率|下降率|增速")
# an item's own paragraph: an ordinal, then its name up to its amount
_ORDINAL = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）]|[（(][一二三四五六七八九十]{1,3}[)）]|[①-⑳])")
_AMOUNT = re.compile(r"([\d,]+(?:\.\d+)?)\s*(万元|元)")
# its change, said after its amount: 较上年减少63.80万元, 比2025年年初预算增加3万元, 与上年持平, 较上年无变化
_CHANGE = re.compile(r"(?:比|较|与|同)[^，,。；;]{0,16}?(?P<way>增加|减少|增长|下降|上升|降低|持平|无变化|无增减|不变)"
                     r"\s*(?P<value>[\d,]+(?:\.\d+)?)?\s*(?P<unit>万元|元)?")
# …or none, the year before having had nothing (较上年不可比，上年基数为零; 上年未安排): the item is new, its rise is its
# amount (and it has no rate)
_FROM_NOTHING = re.compile(r"上年(?:预算)?(?:基数|数)?(?:为零|为0|为空|无|未安排)")
MIN_ITEMS = 3
_CHANGE_SAID = re.compile(rf"(?:比|较|和|与|同)?(?:上一?年|去年|20\d\d\s*年)(?:年初预算)?(?:比|相比)?|"
                          rf"(?:{_UP}|{_DOWN}){_WAY_TAIL}")
# a paragraph that leads a list (…支出5,093.76万元，其中：)
_LEADS = re.compile(r"(?:其中|如下|包括|具体为|具体是|分别为|主要有)\s*[:：]\s*$")


def by_rate(question: str, asked: re.Match) -> tuple[bool, bool]:
    """Whether the items are ranked by their rate of change (增长得最快) and whether the answer is the rate (…增长了
    百分之几): else by the amount of their change, and the amount answered."""
    ranked = _BY_RATE.search(asked.group(0)) is not None
    q = halfwidth(question)
    return ranked, ranked or _RATE_ASKED.search(q[:asked.start()] + q[asked.end():]) is not None


def asks_rise(asked: re.Match) -> bool:
    """Whether the change asked (a CHANGE_RANK match) is a rise (涨得最多), not a fall (砍得最狠)."""
    return re.fullmatch(_UP, asked.group("way")) is not None


def place(asked: re.Match) -> int:
    """The place asked of the items ranked by their change: 1 for the most, 2 for 排第二…"""
    said = asked.group("place")
    return 1 if not said else int(said) if said.isdigit() else "一二三四五".index(said) + 1


def change_words(up: bool, ranked: bool) -> tuple[str, str]:
    """How the answer says the change (增加 / 减少) and the item's place (增加最多, or 增长最快 when ranked by rate)."""
    way = "增加" if up else "减少"
    return way, (("增长最快" if up else "下降最快") if ranked else f"{way}最多")


def rate_of(change: float, before: float) -> float | None:
    """A change as a percentage of the year before's level; None when there was nothing before to grow from."""
    return round(100.0 * change / before, 2) if before > 0 else None


def asks_change_rank(question: str) -> bool:
    """The question asks which item rose (or fell) most (哪一项涨得最多)."""
    q = halfwidth(question)
    return "哪" in q and CHANGE_RANK.search(q) is not None


# …or, unnumbered, its name and the classification's code in brackets, then its amount (工资福利支出（301）14362.32万元,
# 机关资本性支出（一）（503）…): the code marks the item as an ordinal does
_CODED_ITEM = re.compile(r"^\s*[\u4e00-\u9fff][^，,。；;:：]{0,30}?[（(]\d{3,7}\s*[)）]\s*[\d,]+(?:\.\d+)?\s*(?:万元|元)")


def _style(text: str) -> str:
    """The ordinal's style (1. / （1） / （一）), or CODE for an unnumbered coded item: items of one list share it."""
    m = _ORDINAL.match(text)
    if m is None:
        return "CODE" if _CODED_ITEM.match(halfwidth(text)) else ""
    return re.sub(r"\d+|[一二三四五六七八九十]+|[①-⑳]", "N", m.group(0).strip())


_FELL = ("减少", "下降", "降低")  # (the ways of a change that make it negative)


def _wanyuan(printed: str, unit: str) -> float:
    """A printed amount (1,234.5) in its unit (元 or 万元), in 万元."""
    return float(printed.replace(",", "")) * UNIT_TO_WANYUAN[unit]


def _item(text: str) -> tuple[str, float, float] | None:
    """(name, signed change in 万元, amount in 万元) of an item's paragraph; None when it states no amount or no
    change."""
    t = halfwidth(text)
    amount = _AMOUNT.search(t)
    change = _CHANGE.search(t, amount.end()) if amount else None
    if amount is not None and change is None and _FROM_NOTHING.search(t, amount.end()):
        change = _FROM_NOTHING.search(t, amount.end())  # (new this year: its whole amount is its rise)
    if amount is None or change is None:
        return None
    name = re.sub(r"[（(]\d{4,}[)）]|\s", "", _ORDINAL.sub("", t[:amount.start()]))
    level = _wanyuan(amount.group(1), amount.group(2))
    if change.re is _FROM_NOTHING:
        return name, level, level
    if change.group("way") in ("持平", "无变化", "无增减", "不变"):
        return name, 0.0, level
    if change.group("value") is None:
        return None
    value = _wanyuan(change.group("value"), change.group("unit") or "万元")
    return name, -value if change.group("way") in _FELL else value, level


def _lists(chunks: list) -> list[tuple[object, list[tuple[object, str, float]]]]:
    """Runs of consecutive paragraphs numbered in one style, each with its lead paragraph (the one before)."""
    out: list[tuple[object, list]] = []
    lead, run, style = None, [], ""
    for c in chunks + [None]:
        s = _style(c.text) if c is not None and c.kind == "paragraph" else ""
        if run and (s != style or c is None):
            out.append((lead, run))
            run = []
        if c is None or c.kind != "paragraph":
            continue
        if s and (run or lead is not None):
            item = _item(c.text)
            if item is None:
                if run and _LEADS.search(halfwidth(c.text)):
                    out.append((lead, run))  # (a numbered lead of the next list, 1.按照经济分类…其中：, ends this one)
                run, lead, style = [], c, ""  # (an item stating no change: the list is not one of changes)
                continue
            run.append((c, *item))
            style = s
        else:
            lead = c
    return [(lead, items) for lead, items in out if len(items) >= MIN_ITEMS]


# A list said inside one paragraph, after 其中 / 主要是: one clause each, its level then its change (其中：因公出国（境）
# 费用20.00万元，比2025年减少7.00万元，主要原因是…；公务接待费…), or only its change (收入比2025年增加2,515.39万元，主要是
# 一般公共预算拨款增加552.5万元，政府性基金预算资金增加579.89万元，…)
_OPENS = r"其中|主要是|主要为|具体为|分别为|包括"  # (the words that open such a list)
_AFTER = re.compile(rf"(?:{_OPENS})[：:]?")
_BRACKETED_AMOUNTS = re.compile(r"\([^()]*?\d[^()]*?元[^()]*\)")
_SAID_CHANGE = re.compile(rf"(?:^|[，,；;])(?:{_OPENS})?[：:]?(?P<name>[\u4e00-\u9fff]"
                          r"[\u4e00-\u9fff（）()“”]{1,24}?)(?P<way>增加|减少|增长|下降|上升|降低)了?"
                          r"(?P<value>\d[\d,]*(?:\.\d+)?)(?P<unit>万元|元)")


def _inline(chunks: list) -> list[tuple[object, list[tuple[object, str, float, float | None]]]]:
    """Lists said within one paragraph (see _SAID_CHANGE), each led by the clause before its first item (三公经费预算
    308.00万元，比2025年减少22.24万元; 收入比2025年增加2,515.39万元: the paragraph's other sentences are no lead of it);
    an item whose change is the others' sum is their whole (收入增加X，主要是…), not one of them."""
    out = []
    for c in chunks:
        t = re.sub(r"\s+", "", halfwidth(c.text)) if c.kind == "paragraph" else ""
        t = _BRACKETED_AMOUNTS.sub("", t)  # (an item's own breakdown, in brackets, is no item of the list)
        if (at := _AFTER.search(t)) is None:
            continue
        first = at.start()
        items = [it for s in re.split(r"[；;。]", t[first:]) if (it := _item(_AFTER.sub("", s, count=1)))]
        if len(items) < MIN_ITEMS:
            said = list(_SAID_CHANGE.finditer(t[first:]))
            items = [(m.group("name"), _wanyuan(m.group("value"), m.group("unit")) * (-1 if m.group("way") in _FELL else 1),
                      None) for m in said]
            first += said[0].start() if said else 0
        items = [it for it in items if abs(it[1] - sum(o[1] for o in items if o is not it)) > 0.005]
        if len(items) >= MIN_ITEMS:
            lead = c.model_copy(update={"text": t[:first].rstrip("。").split("。")[-1]})
            out.append((lead, [(c, *it) for it in items]))
    return out


_CODE = re.compile(r"[（(](\d{3,7})\s*[)）]")


def _coded_in(items: list) -> str | None:
    """The classification the items' codes, printed in brackets after their names (其他城乡社区公共设施支出(2120399）,
    工资福利支出（301）), say they are of (qa.rank_codes.classification_of); None when most print none."""
    codes = [code for c, *_ in items if (code := _item_code(c))]
    return classification_of(codes) if codes and len(codes) * 2 >= len(items) else None


def _item_code(chunk) -> str | None:
    """The code an item's paragraph prints in brackets after its name (行政运行（2110101）), if any."""
    text = halfwidth(chunk.text)
    amount = _AMOUNT.search(text)
    found = _CODE.search(text, 0, amount.start()) if amount else None
    return found.group(1) if found else None


def _parent_code(subject: str, chunks: list) -> str | None:
    """The code of the one row the question puts the items under (环境保护管理事务下面的几个项级科目: 21101)."""
    under = UNDER.search(halfwidth(subject))
    rows = [c for c in chunks if under and c.kind == "row" and c.code]
    # (the row of that very label first: 其他环境保护管理事务支出 says the words too)
    codes = {c.code for c in rows if clean(c.label or "") == clean(under.group("x"))} or \
        {c.code for c in rows if names_row(under.group("x"), c.label or "")}
    return codes.pop() if len(codes) == 1 else None


def ranked_by_change(question: str, sc: Scope, retriever: Retriever, k: int) -> Answer | None:
    """The item of the list the question means that rose (or fell) most, by the change it states; None when the
    question asks no such ranking, or no list, or two lists equally, fit."""
    from qa.rank import one_document
    from qa.retrieve import Hit
    from qa.scope import without_names

    asked = CHANGE_RANK.search(halfwidth(question))
    if asked is None or len(sc.keys) != 1:
        return None
    up = asks_rise(asked)
    _, docs, chunks = one_document(sc, retriever)
    subject = without_names(question, docs, sc)
    lists = _lists(chunks) + _inline(chunks)
    # (how many two-character runs of the question the lead and its section say; not those of the change asked,
    # which a lead stating its whole's change says too: 三公经费…较上年增加, no lead of the functional items)
    runs = grams(re.sub(r"[^\u4e00-\u9fff]", "", _CHANGE_SAID.sub(" ", subject)))
    # (a classification asked, 按部门经济分类: a list whose items' codes are another's, 2120399 of a functional 项, is no
    # reading of it)
    asked_in = asked_classification(question)
    # (…and units asked, 哪个下属单位: a list of items naming no unit is no reading of it)
    units = asks_unit(question)
    lists = [(lead, items) for lead, items in lists
             if (asked_in is None or same_classification(asked_in, _coded_in(items)) is not False)
             and (not units or any(is_unit(name) for _, name, *_ in items))]
    scored = sorted(((len(runs & grams(f"{lead.section or ''}{lead.text}")), lead, items) for lead, items in lists),
                    key=lambda x: -x[0])
    if not scored or scored[0][0] < 2 or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    _, lead, items = scored[0]
    if parent := _parent_code(subject, chunks):
        # (the items under the row named, by their codes: a list of every 项 of the budget holds them and others)
        under = [it for it in items if (code := _item_code(it[0])) and code.startswith(parent) and code != parent]
        items = under if len(under) >= 2 else items
    ranked, rate_answered = by_rate(question, asked)
    rates = {id(it): rate_of(it[2], it[3] - it[2]) if it[3] is not None else None for it in items}
    if (rate_answered or ranked) and any(r is None for r in rates.values()):
        return None  # (an item new this year has no rate: none to rank or state)
    key = (lambda it: rates[id(it)]) if ranked else (lambda it: it[2])
    ordered = sorted(items, key=lambda it: -key(it) if up else key(it))
    if least := bool(asked.group("least")):
        ordered = [it for it in reversed(ordered) if (key(it) > 0 if up else key(it) < 0)]  # (those that moved so)
    n = place(asked)
    if n > len(ordered):
        return None
    top = ordered[n - 1]
    if (top[2] <= 0 if up else top[2] >= 0) or any(key(other) == key(top) for other in ordered[max(n - 2, 0):n + 1]
                                                   if other is not top):
        return None  # not so many rose (fell), or a tie: no item to name
    chunk, name, change, level = top
    way, most = change_words(up, ranked)
    most = (("增长最慢" if up else "下降最慢") if ranked else f"{way}最少") if least else \
        most if n == 1 else f"{way}排第{n}"
    value, unit, said = round(abs(change), 4), "万元", f"{way}{abs(change):,.2f}万元"
    if rate_answered:
        # (its rate: the change over the year before's level, the level less the change)
        value, unit = abs(rates[id(top)]), "%"
        said += f"，{'增长' if up else '下降'}{value:.2f}%（{abs(change):,.2f} ÷ {level - change:,.2f}）"
    rows = [AnswerRow(entity=n, value=round(v, 4), unit="万元", source=c.source, page=c.page, row=n)
            for c, n, v, _ in ordered]
    text = (f"{name}{'' if level is None else f'（{level:,.2f}万元）'}{most}，{said}（各项所列变化：" +
            "，".join(f"{it[1]}{it[2]:+,.2f}" + (f"（{rates[id(it)]:+.2f}%）" if rate_answered else "")
                     for it in ordered[:10]) + "）。")
    return Answer(question=question, answer=text, value=value, unit=unit, mode="extractive",
                  citations=[cite(Hit(chunk, 1.0), chunk.text), cite(Hit(lead, 0.5), lead.text)][:max(k, 1)],
                  rows=rows, row=name, confidence=0.9,
                  basis=[Basis(part="sentence", text=lead.text, words=[asked.group(0)]),
                         Basis(part="row", text=name, words=[f"{way}: {abs(change):,.2f}"])])
