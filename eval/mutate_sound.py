"""What makes an injected change a contradiction a careful reader can see on the page: the tests the mutation
operators (eval/mutate.py) apply before they offer a case. An operator that changes something the page gives no
means to check creates no contradiction, and a benchmark that counts it as a miss measures nothing."""
from __future__ import annotations

import re

from eval.mutate_view import TOTAL_ROW, _num, _segments, split_row
from rules.pack import load_pack
from rules.semantics import norm_label

AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*)万元")


def quoted(text: str, m: re.Match) -> bool:
    """An amount as the narrative quotes it from a table: not a change (增加2.40万元), which the change-rate
    operator owns, and not a threshold (单位价值100万元以上), which no table prints."""
    before, after = text[max(0, m.start() - 4):m.start()], text[m.end():m.end() + 6]
    return (not re.search(r"(?:增加|减少|增长|下降)\s*$", before)
            and not re.match(r"\s*(?:（含）|\(含\))?\s*(?:以上|以下|以内)", after)
            and not re.search(r"单价|价值|不超过|不低于", text[max(0, m.start() - 8):m.start()]))


# A change rate a reader can recompute: the sentence gives the change (增加A万元) or last year's amount (上年/比…
# A万元) before it. A growth target (生产总值增长7%以上) or a rate beside one level (收益43500万元，增长30%) has nothing
# to be checked against, so misstating it contradicts nothing.
_RATE_BASIS = re.compile(r"(?:增加|减少|上年|去年|执行数|比|较)[^。；;%]{0,24}?\d[\d,]*(?:\.\d+)?\s*万元[^。；;%]{0,30}$")


def rate_basis(sentence_before: str) -> bool:
    """The sentence, up to the rate, gives what the rate is computed from (see _RATE_BASIS)."""
    return bool(_RATE_BASIS.search(sentence_before))


def flip_shows(before: str, change: float, after_word: str) -> bool:
    """Flipping both words contradicts the numbers only when the rate recomputed the other way differs at its
    printed precision: 793.48万元，增加4.97万元，增长0.6% reads 0.63% up and 0.62% down, both printed 0.6%, so
    the flipped sentence is as consistent as the original. Without a current amount before it the line holds
    nothing to tell, and the case is kept (the sentence before may hold it)."""
    amounts = [_num(x.group(1)) for x in AMOUNT.finditer(before)]
    rate = re.match(r"\s*(\d+(?:\.\d+)?)\s*%", after_word)
    if not amounts or not rate or not amounts[-1]:
        return True
    cur, digits = amounts[-1], len(rate.group(1).split(".")[1]) if "." in rate.group(1) else 0
    up, down = cur - change, cur + change
    if up <= 0:
        return True
    return round(change / up * 100, digits) != round(change / down * 100, digits)


# Words that say which figure of a row or column it is, not what it is about: a sentence naming only these names
# no row (项目 in 莲塘口岸…项目上年结转 is not the 项目支出 column).
_GENERIC_NAMES = {"项目", "合计", "总计", "小计", "金额", "科目", "名称", "编码", "单位", "预算", "决算", "预算数",
                  "决算数", "本年", "上年", "年初", "全年", "支出", "收入", "栏次", "行次", "科目名称", "项目名称"}
_TOTAL_NAMES = {"合计", "总计", "收入合计", "支出合计", "收入总计", "支出总计", "本年收入合计", "本年支出合计"}
# An amount's subject runs back to the end of the sentence before or to the amount before it.
_SUBJECT_BREAK = re.compile(r"[。；;！？!?]|\d\s*(?:亿元|万元|元)")


def _name_of(text: str, total: bool = False) -> str:
    """What a row label or header word names, for finding it in a sentence: no numbering or code, without a
    trailing 支出 when the rest still names something (一般公共服务支出 is called 一般公共服务 too); "" for a generic
    word (a total's own label 合计/总计 is its name)."""
    s = re.sub(r"^\d+", "", norm_label(text))
    if total and s in _TOTAL_NAMES:
        return s
    short = s[:-2] if s.endswith("支出") else s[:-1] if s.endswith("费") and len(s) > 4 else s
    for x in (short, s):
        if len(x) >= 2 and x not in _GENERIC_NAMES:
            return x
    return ""


def table_names(v) -> dict[float, set[str]]:
    """Amount (rounded to 0.01 万元, a 元 cell also ÷10,000) -> the names a reader finds it under in the tables:
    the label of each row printing it and, for a total row (合计/总计), a row whose label says only which figure
    it is (预算数, 2026年) or a table's only row of amounts, the table's header words and the names of its type
    (政府采购 for the procurement table's total)."""
    aliases = {t.type: t.aliases for t in load_pack().table_types}
    out: dict[float, set[str]] = {}
    for seg in _segments(v):
        header: set[str] = set()
        rows = []
        for row in seg.rows:
            code, label, amounts = split_row(v, seg, row)
            if not amounts and not rows:
                header |= {_name_of(c) for _, _, c in row} - {""}
            elif amounts:
                rows.append((label, amounts))
        for label, amounts in rows:
            total = bool(TOTAL_ROW.match(label) or re.search(r"合计|总计", label))
            names = {_name_of(label, total)} - {""}
            if total:
                names |= {"合计", "总计"}  # 收入总计 / 支出合计 in the text is the table's total row, whatever its word
            if total or not _name_of(re.sub(r"20\d\d\s*年度?", "", label)) or len(rows) == 1:
                names |= header | {_name_of(a) for a in aliases.get(seg.type, [])} - {""}
            for _, _, cell, x in amounts:
                if x is None or not names:
                    continue
                for key in (round(x, 2), round(x / 10_000, 2)):
                    out.setdefault(key, set()).update(names)
    return out


def clause_before(text: str, start: int) -> str:
    """The words that lead to an amount: back to the end of the sentence before or the amount before (its
    subject, with the 类/款/项 path that opens the sentence). A subject of bare basis words (年初预算为, 支出决算为)
    is about the item the sentence before names (…行政单位医疗（项）。年初预算为201.99万元): that sentence too."""
    head = text[:start]
    cut = [0] + [m.end() for m in _SUBJECT_BREAK.finditer(head)]
    k = len(cut) - 1
    while k > 0 and _BASIS_ONLY.fullmatch(norm_label(re.sub(r"[\d.,]+\s*(?:亿元|万元|元)?", "", head[cut[k]:]))):
        k -= 1
    return head[cut[k]:]


_BASIS_ONLY = re.compile(r"(?:20\d\d年度?|当年|本年|年初|全年|支出|收入|预算|决算|执行|数|为|安排|共计|合计|金额|资金|万元)*")


# What may follow the name in a subject that is about that row: basis and money words, a year, a code.
_NAME_TAIL = re.compile(r"(?:费|经费|科目|20\d\d年度?|当年|本年|年初|全年|支出|收入|预算|决算|执行|数|为|安排|共计|合计|总额|共|"
                        r"金额|资金|拨款|情况|均为)*")


def names_row(clause: str, names: set[str]) -> bool:
    """The clause names one of the rows (or the table) printing the amount, as what the amount is: the name followed
    only by basis words (政府采购预算共…), not by a narrower item (政府采购货物预算 is not the procurement total)."""
    c = norm_label(re.sub(r"[\d.,]+\s*(?:亿元|万元|元)?", "", clause))
    return any(n in c and _NAME_TAIL.fullmatch(c[c.rfind(n) + len(n):]) for n in names)
