"""Typed claims read from the narrative: amounts, shares, changes, completion rates, comparisons, counts, parts.

Each paragraph is read once, left to right: amount mentions first (with the subject phrase in front of them),
then the claims that refer to them by position (a share refers to the amount before it, a change rate to the
change amount and the current amount of its sentence). Nothing is guessed across paragraphs.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from index.document import UNIT_TO_WANYUAN, Document, Paragraph
from rules.reading import MAX_PARAGRAPH, NUMBERED_ITEM, reading

NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
AMOUNT = re.compile(rf"(?<![\d.,A-Za-z])(?:[≤≥<>]|不超过|不低于)?{NUM}\s*(亿元|万元|元)")
RATE = re.compile(rf"(增长|下降|增加|减少|上升|降低|提高)了?\s*{NUM}\s*%")
PAREN_RATE = re.compile(rf"[（(]\s*{NUM}\s*%\s*[)）]")
SHARE = re.compile(rf"占(?:([^，。；%\d]{{1,30}}?)的)?(?:比重|比例|比)?(?:为)?\s*{NUM}\s*%")
COMPLETION = re.compile(rf"完成(?:了)?(?:年初|全年|调整)?预算(?:数)?的\s*{NUM}\s*%")
COMPARISON = re.compile(r"决算数?(大于|小于|等于|高于|低于|与(?:年初)?预算数?(?:基本)?持平)(?:年初)?预算数?")
COUNT_PROJECTS = re.compile(r"(?:涉及|共|包括|安排)?项目(?:共)?\s*(\d+)\s*个")
VEHICLES = re.compile(r"共有车辆\s*(\d+)\s*辆")
SUB_VEHICLE = re.compile(r"([\u4e00-\u9fff]{2,12}?)\s*(\d+)\s*辆")
CHANGE_BEFORE = re.compile(r"(增加|减少|增长|下降|上升|降低|节约|超支|提高|减)了?\s*$")
SENTENCE_END = re.compile(r"[。！？!?]")
DELIM = re.compile(r"[，。；：,;:！？!?、\n]")
# A 类/款/项 name may hold its own brackets: 政府办公厅（室）及相关机构事务（款）.
PATH = re.compile(r"((?:[^“”\"，。；：:\s（）()]|[（(](?!\s*[类款项]\s*[)）])[^（）()，。]{1,4}[)）]){2,40}?)"
                  r"[（(]\s*(类|款|项)\s*[)）]")
YEAR = re.compile(r"(20\d\d)\s*年")
UP = {"增加", "增长", "上升", "提高", "超支"}


class _Typed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Amount(_Typed):
    """An amount of money printed in the narrative, with the phrase in front of it."""

    value: float = Field(description="The amount in 万元.")
    printed: float = Field(description="The amount as printed, in its own unit.")
    unit: str = Field(description="Printed unit: 元, 万元 or 亿元.")
    decimals: int = Field(description="Decimals printed (the precision a comparison allows).")
    start: int = Field(description="Offset of the number in its paragraph.")
    end: int = Field(description="Offset just after its unit.")
    subject: str = Field(description="The phrase that names what the amount is (the sentence's subject).")
    text: str = Field(description="The amount as printed, with its unit.")
    change: Literal["+", "-"] | None = Field(default=None, description="Set when the number is a change "
                                             "(增加A万元 / 减少A万元), not a level.")
    bound: bool = Field(default=False, description="Printed with ≤/≥/不超过: a limit, not an amount.")
    bracketed: bool = Field(default=False, description="Inside （…）: a side breakdown of something else.")

    @property
    def half(self) -> float:
        """Half a unit of the last printed digit, in 万元."""
        return 0.5 * 10 ** -self.decimals * UNIT_TO_WANYUAN[self.unit]


class _Claim(_Typed):
    """What every claim carries: where it was read."""

    page: int = Field(description="1-based page of the paragraph.")
    paragraph: str = Field(description="Id of the paragraph it was read from.")
    sentence: str = Field(description="The sentence that states it.")
    start: int = Field(default=0, description="Offset of the claim in its paragraph.")
    topic: list[str] = Field(default_factory=list, description="类/款/项 path the sentence is about.")
    value: float | None = Field(default=None, description="The stated number (万元, %, or a count).")
    decimals: int = Field(default=0, description="Decimals printed.")
    unit: str | None = Field(default=None, description="Unit of `value`: 万元, %, 个, 辆.")
    subject: str = Field(default="", description="What the number is about.")


class AmountClaim(_Claim):
    """An amount stated for a subject (2024年“三公”经费预算12.30万元)."""

    kind: Literal["amount"] = "amount"
    amount: Amount = Field(description="The amount itself.")


class ShareClaim(_Claim):
    """A share of a whole (占X%): part and whole amounts when the text prints them."""

    kind: Literal["share"] = "share"
    amount: Amount = Field(description="The part: the nearest amount before the share.")
    whole: Amount | None = Field(default=None, description="The whole, when named or heading a list.")
    whole_name: str = Field(default="", description="The whole as named (占支出总额的X%).")


class ChangeClaim(_Claim):
    """A change rate (增长/下降P%) or 持平, with the amounts it can be computed from."""

    kind: Literal["change"] = "change"
    direction: Literal["+", "-", "0"] = Field(description="+ increase, - decrease, 0 unchanged (持平).")
    change: Amount | None = Field(default=None, description="The change amount of the sentence (增加A万元).")
    prior: Amount | None = Field(default=None, description="Last year's amount, when printed.")
    amount: Amount | None = Field(default=None, description="This year's amount.")
    others: list[Amount] = Field(default_factory=list, description="Candidate current amounts, nearest first.")
    context: list[Amount] = Field(default_factory=list, description="Amounts of earlier sentences (the "
                                  "item's headline), nearest first.")


class CompletionClaim(_Claim):
    """A completion rate (完成年初预算的C%) with its final and budget amounts."""

    kind: Literal["completion"] = "completion"
    amount: Amount = Field(description="The final (决算/执行) amount.")
    whole: Amount = Field(description="The budget amount.")


class ComparisonClaim(_Claim):
    """A direction word comparing final and budget (决算数大于预算数)."""

    kind: Literal["comparison"] = "comparison"
    direction: str = Field(description="The comparison word as printed (大于, 小于, 持平 …).")
    amount: Amount = Field(description="The final amount of the completion claim before it.")
    whole: Amount = Field(description="The budget amount of that claim.")


class PartsClaim(_Claim):
    """A head amount and its parts (…万元，其中：A，B，C)."""

    kind: Literal["parts"] = "parts"
    amount: Amount = Field(description="The head amount before 其中.")
    whole: Amount = Field(description="The head amount (the whole the parts make).")
    others: list[Amount] = Field(description="The parts.")


class CountClaim(_Claim):
    """A count: projects (涉及项目15个) or vehicles (共有车辆5辆，其中…)."""

    kind: Literal["count"] = "count"
    others: list[Amount] = Field(default_factory=list, description="Amounts near a project count (their money).")
    parts: list[int] = Field(default_factory=list, description="Vehicle counts listed after 其中.")


Claim = Annotated[AmountClaim | ShareClaim | ChangeClaim | CompletionClaim | ComparisonClaim | PartsClaim |
                  CountClaim, Field(discriminator="kind")]
_KINDS = {m.model_fields["kind"].default: m for m in (AmountClaim, ShareClaim, ChangeClaim, CompletionClaim,
                                                      ComparisonClaim, PartsClaim, CountClaim)}


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _decimals(s: str) -> int:
    return len(s.split(".")[1]) if "." in s else 0


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _subject(text: str, start: int, floor: int) -> str:
    """The phrase in front of a number, back to the previous delimiter (or the previous number)."""
    lo = floor
    for m in DELIM.finditer(text, floor, start):
        lo = m.end()
    s = text[lo:start]
    s = re.sub(r"^(?:其中|包括|主要包括|分别为|分别是)[：:，,]?", "", s.strip())
    return s.strip(" “”\"*")


def amounts_in(text: str) -> list[Amount]:
    out: list[Amount] = []
    prev_end = 0
    for m in AMOUNT.finditer(text):
        raw = m.group(1)
        unit = m.group(2)
        printed = _num(raw)
        before = text[max(0, m.start() - 6):m.start()]
        cm = CHANGE_BEFORE.search(before)
        change = None if not cm else ("+" if cm.group(1) in UP else "-")
        bound = bool(re.match(r"[≤≥<>]|不超过|不低于", m.group(0))) or \
            bool(re.match(r"\s*(?:（含）|\(含\))?\s*(?:以上|以下|以内)", text[m.end():m.end() + 6]))
        head = text[:m.start()]
        bracketed = head.count("（") + head.count("(") > head.count("）") + head.count(")")
        out.append(Amount(value=printed * UNIT_TO_WANYUAN[unit], printed=printed, unit=unit, decimals=_decimals(raw),
                          start=m.start(), end=m.end(), subject=_subject(text, m.start(), prev_end), text=m.group(0),
                          change=change, bound=bound, bracketed=bracketed))
        prev_end = m.end()
    return out


DASH_PATH = re.compile(r"[“\"]([^“”\"，。；]{2,30}(?:[\-－—–]+[^“”\"，。；\-－—–]{2,30}){1,2})[”\"]\s*科目")


def _topics(text: str) -> list[tuple[int, list[str]]]:
    """Positions where a 类/款/项 path is named, with the names in order."""
    out: list[tuple[int, list[str]]] = []
    cur: list[str] = []
    last = -10
    for m in PATH.finditer(text):
        if m.start() - last > 3:
            cur = []
        cur = cur + [m.group(1).lstrip("“\"*0123456789.、 ")]
        last = m.end()
        if m.group(2) == "项" or len(cur) >= 3:
            out.append((m.end(), cur))
            cur = []
    # “一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务”科目: the path written with dashes.
    for m in DASH_PATH.finditer(text):
        out.append((m.end(), [x.strip() for x in re.split(r"[-－—–]+", m.group(1)) if x.strip()]))
    return sorted(out, key=lambda t: t[0])


def paragraph_claims(p: Paragraph, carried: list[str] | None = None,
                     pages: list[tuple[int, int]] | None = None) -> list[Claim]:
    """Claims of one paragraph; `carried` is the 类/款/项 path of the item headline just before it, for a paragraph
    that names none of its own (“…（项）”24.31万元。 then 2024年预算安排24.31万元，比…增长19.75%); `pages` lists
    (offset, page) where a paragraph read across a page break goes on to a later page."""
    text = p.text.replace("％", "%")
    amounts = amounts_in(text)
    topics = _topics(text) or ([(0, carried)] if carried else [])
    claims: list[Claim] = []

    def sent_of(pos: int) -> tuple[int, int]:
        for a, b in spans:
            if a <= pos < b:
                return a, b
        return spans[-1] if spans else (0, len(text))

    def topic_at(pos: int) -> list[str]:
        names: list[str] = []
        for end, path in topics:
            if end <= pos:
                names = path
        return names

    spans = _sentences(text)

    def mk(kind: str, pos: int, **kw):
        a, b = sent_of(pos)
        page = max([pg for at, pg in pages or [] if at <= pos], default=p.page)
        return _KINDS[kind](page=page, paragraph=p.id, sentence=text[a:b].strip(), start=pos,
                            topic=topic_at(pos), **kw)

    # Amounts.
    for am in amounts:
        if am.change is None:
            claims.append(mk("amount", am.start, value=am.value, decimals=am.decimals, unit=am.unit,
                             subject=am.subject, amount=am))

    plain = [a for a in amounts if a.change is None and not a.bound]

    # Shares: part = nearest plain amount before; whole = the head of a 其中/： list, or a named whole.
    for m in SHARE.finditer(text):
        a, _ = sent_of(m.start())
        before = [x for x in plain if x.end <= m.start()]
        if not before or before[-1].start < a and not text[before[-1].end:m.start()].startswith("，"):
            continue
        part = before[-1]
        if text[part.end:m.start()].count("，") > 1 or "比" in text[part.end:m.start()]:
            continue
        whole_name = (m.group(1) or "").strip()
        whole = None
        if whole_name:
            key = re.sub(r"[“”\"]", "", whole_name)
            for x in reversed([y for y in plain if y is not part]):
                if key and (x.subject.endswith(key) or re.sub(r"[“”\"]", "", x.subject).endswith(key)):
                    whole = x
                    break
        else:
            whole = _head(text, plain, part)
        claims.append(mk("share", m.start(), value=_num(m.group(2)), decimals=_decimals(m.group(2)), unit="%",
                         subject=part.subject, amount=part, whole=whole, whole_name=whole_name))

    # Change rates: the change amount before them in the sentence, the current amount, and any printed prior.
    rates = [(m, m.group(1) in UP, m.group(2)) for m in RATE.finditer(text)]
    for m in PAREN_RATE.finditer(text):
        # 较上年减少24.5万元（43%）: the rate in brackets right after the change amount takes its direction.
        led = [x for x in amounts if x.change and 0 <= m.start() - x.end <= 2]
        if led:
            rates.append((m, led[-1].change == "+", m.group(1)))
    for m, up, number in sorted(rates, key=lambda r: r[0].start()):
        a, b = sent_of(m.start())
        direction = "+" if up else "-"
        changes = [x for x in amounts if x.change and a <= x.start < m.start()]
        change = changes[-1] if changes and m.start() - changes[-1].end < 30 else None
        if change and _new_statement(text[change.end:m.start()], plain, rates, change.end, m.start()):
            change = None  # …减少A万元，下降B%；(其中)Y收入C万元，下降P%: P is Y's rate, A is not its change
        if change is None:
            change = _change_after(text, amounts, rates, m, b)
        if change is None and re.search(r"\d\s*$", text[max(a, m.start() - 1):m.start()]):
            continue
        limit = min(change.start, m.start()) if change else m.start()
        base = [x for x in plain if a <= x.start < limit]
        if not [x for x in base if not _is_prior(x.subject)]:
            prev = [s for s in spans if s[1] <= a]
            if prev:  # "…预算为20.70万元。比上年增加17.50万元，增长546.88%": the current value closes the sentence before
                base = [x for x in plain if prev[-1][0] <= x.start < limit]
        prior = next((x for x in reversed(base) if _is_prior(x.subject)), None)
        current = [x for x in base if not _is_prior(x.subject)]
        earlier = [x for x in plain if x.start < a and not _is_prior(x.subject) and x not in current]
        claims.append(mk("change", m.start(), value=_num(number), decimals=_decimals(number), unit="%",
                         direction=direction, change=change, prior=prior,
                         amount=current[-1] if current else None, others=current[::-1],
                         subject=current[-1].subject if current else "", context=earlier[::-1][:3]))
    for m in re.finditer(r"持平", text):
        ch = [x for x in amounts if x.change and abs(x.start - m.start()) < 15
              and not re.search(r"[；;。]", text[min(x.end, m.start()):max(x.start, m.end())])]
        claims.append(mk("change", m.start(), value=0.0, unit="%", direction="0", change=ch[0] if ch else None))

    # Completion rates: budget (预算) and final (决算/执行) amounts of the same sentence.
    for m in COMPLETION.finditer(text):
        a, _ = sent_of(m.start())
        base = [x for x in plain if a <= x.start < m.start()]
        budget = next((x for x in reversed(base) if "预算" in x.subject and "决算" not in x.subject
                       and "执行" not in x.subject), None)
        final = next((x for x in reversed(base) if re.search(r"决算|执行|实际|完成", x.subject)), None)
        if budget and final:
            claims.append(mk("completion", m.start(), value=_num(m.group(1)), decimals=_decimals(m.group(1)),
                             unit="%", amount=final, whole=budget, subject=final.subject))

    # Comparisons of final and budget.
    for m in COMPARISON.finditer(text):
        before = [c for c in claims if c.kind == "completion" and c.start < m.start()]
        if before:
            c = before[-1]
            claims.append(mk("comparison", m.start(), direction=m.group(1), amount=c.amount, whole=c.whole))

    # Parts of a whole: 其中：A，B，C (the amounts of the 其中 sentence) against the head before 其中.
    for m in re.finditer(r"其中[：:，,]?", text):
        head = next((x for x in reversed(plain) if x.end <= m.start()), None)
        if head is None or m.start() - head.end > 12 or re.search(r"[；;]", text[head.end:m.start()]):
            continue  # after a semicolon 其中 may break down the whole list before, not its last item
        _, b = sent_of(m.end())
        nxt = text.find("其中", m.end())
        stop = min(b, nxt) if nxt >= 0 else b
        # The list ends where a new statement starts: a clause opening with a year; a 其中 with no
        # colon names its parts in one clause, so its list also ends at a semicolon (…其中结转220.80万元；设备费…
        # lists the next sibling of the whole, not another part).
        colon = text[m.end() - 1:m.end()] in "：:"
        new = re.search(r"[，,；;]\s*20\d\d\s*年" + ("" if colon else r"|[；;]"), text[m.end():stop])
        stop = m.end() + new.start() if new else stop
        first = re.split(r"[，；;,。]", text[m.end():stop])[0]
        if not AMOUNT.search(first):
            continue  # 其中：机要通信用车1辆 lists something else than money
        parts = [x for x in plain if m.end() <= x.start < stop and not _is_prior(x.subject)
                 and not re.search(r"比|较|同比|占", x.subject)]
        if parts:
            claims.append(mk("parts", m.start(), value=head.value, unit="万元", amount=head, whole=head,
                             others=parts, subject=head.subject))

    # Counts.
    for m in COUNT_PROJECTS.finditer(text):
        a, b = sent_of(m.start())
        b = sent_of(b)[1] if b < len(text) else b  # the amount of the projects often follows in the next sentence
        near = [x for x in plain if a <= x.start < b]
        claims.append(mk("count", m.start(), value=float(m.group(1)), unit="个", subject="项目", others=near))
    for m in VEHICLES.finditer(text):
        a, b = sent_of(m.start())
        rest = text[m.end():b]
        subs = []
        if re.match(r"\s*[，,]?\s*其中", rest):
            seg = re.split(r"[；;。]", rest)[0]
            subs = [int(s.group(2)) for s in SUB_VEHICLE.finditer(seg)]
        claims.append(mk("count", m.start(), value=float(m.group(1)), unit="辆", subject="车辆",
                         parts=subs))
    return claims


def _new_statement(between: str, plain: list[Amount], rates: list, lo: int, hi: int) -> bool:
    """Between a change amount and a rate, another rate or a level amount (not last year's) starts a statement
    of its own: the rate belongs to that one, not to the change before it."""
    return any(lo <= r.start() < hi for r, _, _ in rates) or \
        any(lo <= x.start < hi and not _is_prior(x.subject) for x in plain)


def _change_after(text: str, amounts: list[Amount], rates: list, m: re.Match, end: int) -> Amount | None:
    """The change amount printed right after its rate (较上年下降4.76%，减少10.00万元): the next clause opens with
    it, and no rate of its own follows it in that clause."""
    nxt = next((x for x in amounts if x.change and m.end() <= x.start < end), None)
    if nxt is None or not re.fullmatch(r"\s*[，,]\s*(?:比上年|较上年|同比)?\s*\S{1,3}\s*", text[m.end():nxt.start]):
        return None
    clause = re.search(r"[，,；;。]|$", text[nxt.end:]).start() + nxt.end
    return None if any(nxt.end <= r.start() < clause for r, _, _ in rates) else nxt


def _is_prior(subject: str) -> bool:
    """The amount is the comparison's base: last year's, or whatever 比/较 compares with (比2023年预算数A万元)."""
    return bool(re.search(r"上年|上一年|去年|执行数|同期", subject) or re.match(r"(?:比|较)\S", subject))


def _head(text: str, plain: list[Amount], part: Amount) -> Amount | None:
    """The whole a share refers to: the nearest earlier amount that opens a list (…万元。其中： / 主要用于以下方面：)."""
    i = plain.index(part)
    for x in reversed(plain[max(0, i - 12):i]):
        after = text[x.end:x.end + 14]
        between = text[x.end:part.start]
        if between.count("。") > 1:
            return None
        if re.search(r"其中|以下方面|如下|分别", after) or after.lstrip("，, ").startswith(("：", ":")):
            return x
    return None




def _pieces(p: Paragraph) -> list[Paragraph]:
    """A paragraph cut at sentence ends into pieces of at most MAX_PARAGRAPH characters: claims never span
    that far, and reading a multi-megabyte line whole is quadratic."""
    if len(p.text) <= MAX_PARAGRAPH:
        return [p]
    out, start = [], 0
    while start < len(p.text):
        end = min(len(p.text), start + MAX_PARAGRAPH)
        cut = p.text.rfind("。", start, end)
        end = cut + 1 if cut > start and end < len(p.text) else end
        out.append(Paragraph(id=p.id, page=p.page, section=p.section, text=p.text[start:end]))
        start = end
    return out


def extract(doc: Document, paragraphs: list[tuple[Paragraph, list[tuple[int, int]]]] | None = None) -> list[Claim]:
    out: list[Claim] = []
    prev: Paragraph | None = None
    for p, pages in paragraphs if paragraphs is not None else reading(doc):
        carried = None
        if prev is not None and prev.section == p.section and not NUMBERED_ITEM.match(p.text):
            named = _topics(prev.text)
            carried = named[-1][1] if named else None
        for piece in _pieces(p):
            out.extend(paragraph_claims(piece, carried, pages if piece.text is p.text else None))
        prev = p
    return out
