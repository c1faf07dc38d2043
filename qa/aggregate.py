"""Answers computed from several figures: the largest / smallest / a ranking / a sum / a ratio / a difference
across the documents a question names (or every document of a place), and two figures asked in one question.
Each figure is read the way a single question reads it (the structured answer on that document alone), and the
result comes back as a small table with one citation per figure."""
from __future__ import annotations

import contextvars
import re
from typing import TYPE_CHECKING, Callable

from index.numbers import halfwidth
from qa.basis import basis_of
from qa.counts import asked_count, held_or_bought_as_asked
from qa.citations import cite
from qa.evidence import structured
from qa.split_rows import whole_of_parts
from qa.question import FEW, FRAME, MEASURE, MEASURES, YEAR_BASE, intent, small_number
from qa.parts import each_term, listed_terms, summed_terms, without_summed_parts
from qa.total_row import total_not_asked
from qa.models import Answer, AnswerRow, Basis
from qa.operation import OPERATIONS, operation
from qa.rank_asks import nth, wants_item
from qa.rank_columns import ranked
from qa.phrase import JI_JOINING, norm
from qa.scope import said_with_own_office, shown_name, without_names
from qa.whole import total_of

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

_STRIP = r"(?:[多少](?:几|多少)[个家辆人项台套])|比(?![例重较])|" + "|".join(f"(?:{rx})" for _, rx in OPERATIONS) + \
    r"|哪(?:个|些|一个|家|一家)(?:部门|单位)?|各(?:个)?(?:部门|单位)|所有(?:的)?(?:部门|单位)|(?:部门|单位)中|" \
    r"分别|各自|各(?=[是为有多几占])|各(?:自)?(?:安排|花|用|投入|预算|列)了?|(?<=各)占|比较|对比|相比|两(?:个|家)?(?:部门|单位)|谁的|谁|和|与|" + JI_JOINING + r"|、|的|是|为|\?|？|。|，|,|" \
    r"[（(]?(?:本级|汇总)[）)]?|[两二三四五六七八九十几]+(?:地|家|个|位)|(?:有|是|为)?(?:多少|几)[个家辆人项台套]?"
_THRESHOLD = re.compile(r"(?:超过|高于|大于|多于|不少于|不低于|达到|低于|少于|小于|不足|不到)\s*\d")
_TWO = re.compile(r"分别|各(?:是|为|有)|两项|两个(?:数|科目|项目)|[这那]两(?:类|笔|块|个)|二者|两者|both|respectively|"
                  r"[”\"」]\s*[和与及跟]\s*[“\"「]")  # (two names quoted and joined: “气象探测”和“气象预报预测”)
_TOP_N = re.compile(r"前\s*([一二三四五六七八九十\d]+)|top\s*(\d+)", re.I)


_OTHER = re.compile(r"比\s*(?!例|重|率|20\d\d|上一?年|去年|前一?年|年初|预算|决算|本年)[\u4e00-\u9fff（）()]{2,}?(?:多|少|高|低)")


def compares_with_another(question: str) -> bool:
    """The question compares a figure with another unit's or item's (比…多多少, …是…的几倍), not with another year."""
    q = halfwidth(question)
    return operation(q) in ("diff", "ratio") and bool(_OTHER.search(q))


def is_aggregate(question: str, sc: Scope, retriever: Retriever | None = None) -> bool:
    """A question about several documents at once (two units named, or 各部门 / 哪个部门), or about two figures
    (two of the documents' terms added up, when the retriever is given: 水费和电费一共)."""
    if _THRESHOLD.search(halfwidth(question)):
        return False  # "哪些单位的X超过N万元": a list of the units past a threshold (answer._across_documents)
    several = len(sc.named) >= 2 or sc.every
    if operation(question) in ("max", "min") and wants_item(question):
        return True  # the largest item within one document
    if retriever is not None and operation(question) == "sum":
        vocab = retriever.vocabulary()
        several = several or _summed(halfwidth(question), vocab) is not None
    return several or bool(_TWO.search(halfwidth(question)))


# Where each document says it (在各自2026年预算说明里报的车辆数): a place to look, no word of the quantity.
_SAID_IN = re.compile(r"在[^，,。？?]{0,14}?(?:说明|预算|决算|表|文件|公开|报告)(?:里|中)(?:报|说|列|讲|写|提到)?的?")


# The kind of document each unit's figure is read in, said for each (…2022年部门综合预算和…2026年部门预算的基本支出):
# which document, no word of the quantity (综合 reads a 综合管理 row); said once, it may be one (纳入部门预算的政府采购).
# (Not _DOCUMENT_SAID below: a bare 预算 is a word of 政府采购预算.)
# (…with what it says there: 部门预算说的, 各报告的)
_EACH_DOCUMENT = re.compile(r"(?:部门综合|部门|单位)(?:预算|决算)(?:公开)?(?:[里中内]|当中)?"
                            r"(?:各?(?:说|报告|报|列|讲|写|提到|所载|载明))?(?:[和与及、，,]|的)?")

# How each unit is taken, in brackets (（都按整个部门算）, （含下属单位）): the scope, no word of the quantity.
# (…or which of its documents, or as of when: （2022年预算）, （截至2025年12月）)
_SCOPE_SAID = re.compile(r"[（(][^（）()]{0,12}(?:部门|单位|系统|本级|汇总|截至|截止)[^（）()]{0,8}[）)]|"
                         r"[（(][^（）()]{0,12}(?:预算|决算)(?:数|表|说明|公开|所载|里|中)?[）)]")


def _subject(question: str, docs: dict[str, dict], sc: Scope) -> str:
    q = FRAME.sub("", without_names(question, docs, sc))  # 按2026年部门预算公开的数字，…: where to look
    q = _SCOPE_SAID.sub(" ", _SAID_IN.sub(" ", q))
    q = _EACH_DOCUMENT.sub(" ", q) if len(sc.keys) > 1 and len(_EACH_DOCUMENT.findall(q)) >= 2 else q
    # (a name in quotes is the documents' own, said whole: its 与 and 的 are no joining, “科技交流与合作”)
    pieces = re.split(r"([“\"「][^”\"」]{1,30}[”\"」])", halfwidth(q))
    q = "".join(p if i % 2 else re.sub(_STRIP, " ", p, flags=re.I) for i, p in enumerate(pieces))
    return re.sub(r"\s+", "", q)


# A change asked of each document (各比上年涨了多少): its words are the asking, not the quantity's name.
_CHANGE_ASKED = re.compile(YEAR_BASE + r"(?:预算数?|决算数?)?(?:相比)?|各|"
                           r"(?:增加|减少|增长|下降|上升|降低|[涨增升降减多少])(?:了|得|出来?)?(?:多少|几)?")


def _change_of(question: str, subject: str) -> tuple[str, str] | None:
    """(the quantity's name, how each document's change is asked) when the question asks a change of each
    document (各比上年涨了多少, 哪家增加得多), else None."""
    q = halfwidth(question)
    # (比西安商务局…多出多少 compares the documents with each other: a difference, not each one's change)
    over_year = re.search(YEAR_BASE, q)
    if not (over_year and intent(q) == "change") and not re.search(r"[涨增升降减]得(?:更)?多", q):
        return None
    name = _CHANGE_ASKED.sub("", subject)
    said = "".join(m.group(0) for m in _CHANGE_ASKED.finditer(re.sub(r"多少|多大", "", q)))
    up, down = re.search(r"[增涨升多]", said), re.search(r"[减降少]", said)
    asking = "比上年增加多少" if up and not down else "比上年减少多少" if down and not up else "比上年变化多大"
    return (name, asking) if len(name) >= 2 else None


def _read(subject: str, retriever: Retriever, key: str, measure: str | None = None, asking: str | None = None):
    """The structured answer to `subject` on one document alone; a count when the question counts (多几辆), a
    change when it asks one (`asking`: 比上年增加多少)."""
    from qa.retrieve import totals_of

    question = f"{subject}有多少{measure}" if measure else f"{subject}{asking}" if asking else f"{subject}是多少"
    hits = retriever.search(question, 20, docs={key})
    # (a count of things bought is no count of things held, nor the other way: 安排购置车辆0辆 for 上年底有几辆车)
    held_or_bought = (lambda c: held_or_bought_as_asked(question, c.text, c.value)) if measure else None
    return whole_of_parts(structured(question, hits + totals_of(hits[:5], retriever.chunks()), retriever.terms(),
                                     keep=held_or_bought), retriever.chunks())


def _row(entity: str, cand) -> AnswerRow:
    return AnswerRow(entity=entity, value=round(cand.value, 4), unit=cand.unit, source=cand.hit.chunk.source,
                     page=cand.hit.chunk.page, table=cand.table, row=cand.row, column=cand.column)


def _top_n(question: str) -> int | None:
    m = _TOP_N.search(halfwidth(question))
    if not m:
        return None
    g = m.group(1) or m.group(2)
    return small_number(g)


def _fmt(v: float, unit: str | None) -> str:
    return f"{v:,.2f}{unit or ''}"


_READING_ONE: contextvars.ContextVar[bool] = contextvars.ContextVar("reading_one", default=False)


def _answered(a: Answer, unit: str | None):
    """A one-document answer as the figure it read (its first citation the passage), when it answers in the unit
    the question compares (万元, or the measure it counts)."""
    from index.chunk import Chunk
    from qa.candidate import _Candidate
    from qa.retrieve import Hit

    if not a.answered or a.value is None or not a.citations or (a.unit or "") != (unit or "万元"):
        return None
    c = a.citations[0]
    chunk = Chunk(id=f"answer:{c.source}:{c.page}", source=c.source, kind="row" if a.table else "paragraph",
                  pages=[c.page], text=c.text, table=a.table, label=a.row)
    return _Candidate(a.confidence, a.value, a.unit or "万元", a.answer, Hit(chunk, a.confidence), a.table, a.row,
                      a.column, a.confidence)


def aggregate(question: str, sc: Scope, retriever: Retriever, k: int,
              read_one: Callable[[str], Answer] | None = None) -> Answer | None:
    """Figures of several documents compared, summed or ranked; `read_one` answers a question on one document
    (the whole single-document reading), asked for a document whose figure no table cell gives."""
    docs = retriever.documents()
    op = operation(question)
    sentences = [s for s in re.split(r"[？?]", halfwidth(question)) if s.strip()]
    # "X、Y的会议费各是多少？哪家开会花得多，多出多少？": the first sentence names the figures, the later ones
    # compare or sum the same figures in their own words
    named = sentences[0] if len(sentences) > 1 and _TWO.search(sentences[0]) else question
    # (电费（基本支出和项目支出合在一起）: each document's 电费 total, not its 项目支出 cell; but two terms added up
    # that documents print as rows of their own, 会议费和培训费加在一起, are the figures asked, not cells of another)
    vocab = retriever.vocabulary()
    summed = _summed(halfwidth(named), vocab) if op == "sum" else None
    subject = _subject(named if summed else without_summed_parts(named, vocab.columns), docs, sc)
    if len(subject) < 2 and not (subject and MEASURE.search(halfwidth(question))):
        return None  # (车 of 多几辆车 is enough: the count says the rest)
    if len(sc.named) < 2 and not sc.every:
        if op in ("max", "min") and wants_item(question):
            return ranked(question, sc, retriever, op, k)
        return _two_figures(question, subject, sc, retriever, k)
    # The documents in the order the question names them (a ratio's numerator first), else by the manifest.
    q = halfwidth(question)
    order = {key: i for i, key in enumerate(docs)}  # sc.keys is a set: its own order changes with the hash seed
    keys = sorted(sc.keys, key=lambda key: (q.find(sc.named[key]) if key in sc.named else len(q) + 1,
                                            order.get(key, len(order))))
    measure = MEASURE.search(q)
    changed = _change_of(question, subject) if not measure else None
    asking = None
    if changed:
        subject, asking = changed
    subject = total_of(subject) or subject  # 部门预算支出, 预算总额: the budget's total (qa/whole.py)

    def own_office(key: str) -> str:
        # "深圳工务署本级" of a department's document (汇总): its own office's figure, which it states apart
        own = docs[key].get("scope") != "本级" and said_with_own_office(q, sc.named.get(key, ""))
        return "本级" if own else ""

    read = []
    # each document's words: its own item when each unit is said with one, else the question's one subject
    subjects = (not changed and _own_subjects(question, docs, sc, keys)) or dict.fromkeys(keys, subject)
    # (terms each document adds up, “三公”经费、会议费、培训费加在一起: each document's own sum, by its reading)
    first = {key: None if summed else _read(own_office(key) + subjects[key], retriever, key,
                                            measure.group(1) if measure else None, asking)
             for key in keys}
    # (a total row, where the question names another row of its table or a thing it leaves unsaid, is read as the
    # single document's reading)
    first = {key: None if c is not None and total_not_asked(subjects[key], c, retriever, {key}) else c
             for key, c in first.items()}
    if _READING_ONE.get():
        read_one = None  # (already reading one document for an aggregate: its question is not one again)
    for key in keys:
        cand = first[key]
        if cand is None and read_one is not None:
            # a figure the other documents print in a cell, this one states otherwise (in its narrative, in other
            # words): read by the whole single-document reading. When no document prints it in a cell, each is
            # read so too (a project item each narrative states in its own words), unless their readings are
            # rows of other names (below).
            name = docs[key].get("name") or docs[key].get("entity") or ""
            how = f"有多少{measure.group(1)}" if measure else asking or "是多少"
            asked = f"{name}{own_office(key)}{'、'.join(summed[0]) + '加起来' if summed else subjects[key]}{how}"
            token = _READING_ONE.set(True)
            try:
                cand = _answered(read_one(asked), measure.group(1) if measure else None)
            finally:
                _READING_ONE.reset(token)
        if cand is not None:
            read.append((shown_name(key, docs), cand))
    labels = {norm(c.row or "") for _, c in read if c.row}
    if not any(first.values()) and not measure and not summed and len(labels) > 1:
        # no document prints the quantity in a cell and each one's own reading found another row (退休费 in one,
        # 生活补助 in the other): not one quantity compared, nothing is read
        read = []
    if not read:
        return Answer(question=question, answer=f"在{len(keys)}份文件中都没有找到“{subject}”的数字，未作回答。",
                      mode="structured", answered=False)
    rows = [_row(name, c) for name, c in read]
    unit = rows[0].unit
    value: float | None = None
    if op in ("max", "min", "rank", None) and (op is not None or sc.every):
        order = sorted(rows, key=lambda r: r.value or 0.0, reverse=op != "min")
        n = _top_n(question) or (len(order) if op == "rank" else 1)
        at = nth(question)
        if at > 1:
            if at > len(order):
                return None
            order, n = order[at - 1:] + order[:at - 1], 1  # the item at the rank asked first, then the others
        rows = order
        value = order[0].value
        head = "、".join(f"{r.entity}（{_fmt(r.value, unit)}）" for r in order[:n])
        word = ('最少' if op == 'min' else '最多') if at <= 1 else f"第{at}{'少' if op == 'min' else '多'}"
        text = f"{subject}{word}的是{head}。" if n == 1 else f"{subject}排名：{head}。"
    elif op == "sum":
        value = round(sum(r.value or 0.0 for r in rows), 4)
        said = "、".join(summed[0]) if summed else subject  # (the terms each document adds up, said apart)
        text = f"{said}合计{_fmt(value, unit)}（" + "＋".join(f"{r.entity}{_fmt(r.value, unit)}" for r in rows) + "）。"
    elif op == "ratio" and len(rows) >= 2 and rows[1].value:
        value = round((rows[0].value or 0.0) / rows[1].value, 4)
        text = f"{rows[0].entity}的{subject}是{rows[1].entity}的{value:.2f}倍（{_fmt(rows[0].value, unit)} ÷ " \
               f"{_fmt(rows[1].value, unit)}）。"
        unit = "倍"
    elif op == "diff" and len(rows) >= 2:
        value = round(abs((rows[0].value or 0.0) - (rows[1].value or 0.0)), 4)
        text = f"{rows[0].entity}与{rows[1].entity}的{subject}相差{_fmt(value, unit)}（{_fmt(rows[0].value, unit)}，" \
               f"{_fmt(rows[1].value, unit)}）。"
    else:
        text = "；".join(f"{r.entity}{subject}为{_fmt(r.value, unit)}" for r in rows) + "。"
        value = rows[0].value if len(rows) == 1 else None
    missing = len(keys) - len(read)
    if missing:
        text += f"（另有{missing}份文件未找到该数字，未计入。）"
    # one figure is no ranking ("下属各单位里哪个最多" of one document: its units are not documents)
    lone = op in ("max", "min", "rank") and len(rows) < 2
    if lone and not missing:
        text += "（只读到一个单位的数字，无从比较，未作回答。）"
    cands = {name: c for name, c in read}
    citations = [cite(cands[r.entity].hit, cands[r.entity].text if cands[r.entity].hit.chunk.kind == "paragraph"
                      else None) for r in rows]
    cover = min(c.cover for _, c in read)
    basis = [Basis(part="entity", text=name, words=[sc.named.get(key, "")]) for key, name in
             ((key, docs[key].get("name") or "") for key in keys) if key in sc.named]
    basis += [b for _, c in read[:1] for b in basis_of(question, c)]
    # A largest, a ranking, a sum or a comparison over documents some of whose figures were not read is not the one
    # asked (the unread one may be the largest): the figures read are shown, the answer is not given as one.
    return Answer(question=question, answer=text, value=value, unit=unit, citations=citations[:max(k, len(rows))],
                  mode="structured", rows=rows, confidence=round(min(1.0, cover), 3), basis=basis,
                  table=read[0][1].table, row=read[0][1].row, column=read[0][1].column,
                  answered=not missing and not lone)


def _own_subjects(question: str, docs: dict[str, dict], sc: Scope, keys: list[str]) -> dict[str, str] | None:
    """Two units each said with their own item (深圳科创局本级的“科技研发资金-基础研究专项”和重庆科技局一般公共预算里的
    “基础研究”支出各多少): each unit's words, read for it alone; None when the units share one item (A和B的三公经费)."""
    q = halfwidth(question)
    spans = sorted((q.find(sc.named[key]), key) for key in keys if key in sc.named and sc.named[key] in q)
    if len(spans) != 2 or len(keys) != 2:
        return None
    (a, first_key), (b, second_key) = spans
    first = re.sub(r"(?:和|与|及|以及|、|跟|同)$", "", q[a + len(sc.named[first_key]):b].strip())
    second = re.split(r"[，,？?；;]|各|分别|哪", q[b + len(sc.named[second_key]):])[0]
    out = {key: _subject(part, docs, sc) for key, part in ((first_key, first), (second_key, second))}
    if any(len(re.findall(r"[\u4e00-\u9fff]", v)) < 2 or _DOCUMENT_SAID.fullmatch(v) for v in out.values()) or \
            out[first_key] == out[second_key]:
        return None  # (…or each says only which of its documents is read: 2022年部门综合预算和…2026年部门预算里，X各…)
    return out


# The document a unit's figure is read in, said after the unit (部门综合预算, 部门决算, 预算公开里): no item of its own.
_DOCUMENT_SAID = re.compile(r"(?:20\d\d年度?)?(?:部门|单位)?(?:综合)?(?:预算|决算)(?:公开|报告|草案|文件|说明)?(?:里|中|上)?")


# How a question says its two figures are the two it names: 两项, 这两类项目, 二者.
_BOTH = re.compile(r"(?:这|那)?[两二](?:项|类|个|笔|块|者)(?:项目|科目|支出|经费|费用)?|二者|两者")


def _two_figures(question: str, subject: str, sc: Scope, retriever: Retriever, k: int) -> Answer | None:
    """"基本支出和项目支出分别是多少": each figure read on its own, both returned; "会议费和培训费两项加起来是多少":
    their sum (a difference, a ratio: the same), computed from the two cells and shown."""
    op = operation(question)
    q = halfwidth(without_names(question, retriever.documents(), sc))
    vocab = retriever.vocabulary()
    summed = _summed(q, vocab) if op == "sum" else None

    def asked(text: str) -> str:  # (the operation and asking words out)
        if op in ("sum", "diff", "ratio"):
            text = re.sub(dict(OPERATIONS)[op] + "|" + _BOTH.pattern, "", text)
        return re.sub(r"分别|各自|各(?=是|为|有)|是多少|为多少|有多少|多少|是|为|有|\?|？|。", "", text)

    if summed is not None:  # (terms added up, 水费和电费一共: each read with every other word of the question)
        parts = [asked(t) for t in each_term(q, summed)]
    else:
        # (where both are read, said once before them: 一般公共预算里，会议费和培训费 — the first part's clause)
        where, _, rest = asked(q).rpartition("，") if "，" in q else asked(q).rpartition(",")
        parts = [p for p in re.split(r"和|与|及|、|以及|跟", rest) if len(p) >= 2]
        if len(parts) != 2:
            return None
        parts = [f"{where}，{p}" if where else p for p in parts]
    # A qualifier said once before the first figure applies to both ("三公经费中公务接待费和公务用车…").
    read = []
    for part in parts:
        hits = retriever.search(f"{part}是多少", 20, docs=sc.keys)  # the part names no unit: the question's own
        cand = whole_of_parts(structured(f"{part}是多少", hits, retriever.terms()), retriever.chunks())
        if cand is None:
            return None
        read.append((part, cand))
    rows = [_row(part, c) for part, c in read]
    text = "；".join(c.text.rstrip("。") for _, c in read) + "。"
    value, unit = rows[0].value, rows[0].unit
    if op in ("sum", "diff", "ratio"):
        values = [r.value or 0.0 for r in rows]
        if len({r.unit for r in rows}) > 1 or (op == "ratio" and not values[1]) or \
                any(_read_twice(read[i][1], read[j][1]) for i in range(len(read)) for j in range(i)):
            return None  # figures of other units, or one cell read twice: no figures to put together
        a, b = values[0], values[-1]
        value = round(sum(values) if op == "sum" else abs(a - b) if op == "diff" else a / b, 4)
        said = f"{value:,.2f}{unit}" if op != "ratio" else f"{value:.2f}倍"
        how = {"sum": "相加", "diff": "相减", "ratio": "相除"}[op]
        both = "两者" if len(read) == 2 else f"{len(read)}项"
        text += f"{both}{'合计' if op == 'sum' else '相差' if op == 'diff' else '之比'}为{said}（由{len(read)}处数字{how}）。"
        unit = "倍" if op == "ratio" else unit
    citations = [cite(c.hit, c.text if c.hit.chunk.kind == "paragraph" else None) for _, c in read]
    return Answer(question=question, answer=text, value=value, unit=unit, citations=citations,
                  mode="structured", rows=rows, confidence=round(min(c.cover for _, c in read), 3),
                  basis=[b for _, c in read for b in basis_of(question, c)], table=read[0][1].table,
                  row=read[0][1].row, column=read[0][1].column)


def _summed(text: str, vocab) -> tuple[list[str], int, int] | None:
    """The documents' terms the text adds up, two (水费和电费一共) or a list (“三公”经费、会议费、培训费加在一起): (the
    terms, the start and end of the span naming them), or None."""
    terms = set(vocab.terms)
    two = summed_terms(text, terms, vocab.columns, vocab.row_labels)
    return ([two[0], two[1]], two[2], two[3]) if two is not None else listed_terms(text, terms)


def _read_twice(first, second) -> bool:
    """One figure read for two of the things named: the same cell, or one row read for both in two tables (the unit's
    row, 工程管理中心, when neither figure was found)."""
    once = first.hit.chunk.id == second.hit.chunk.id and first.column == second.column
    same = norm(first.hit.chunk.label or "") == norm(second.hit.chunk.label or "") != ""
    return (once or same) and abs((first.value or 0.0) - (second.value or 0.0)) < 0.005


_CLAUSE_SPLIT = re.compile(r"[，,？?；;]")
# 多少 / 几 ask at the end of their clause (打算买几辆新车, 花多少钱); earlier they describe (几分钟一集的短剧), and so do
# they before 里/中 (列出的几大块里: where the question looks).
_ASKS = re.compile(r"(?:多少|多大|" + FEW + r"[" + MEASURES + r"]?)(?![^，,？?；;]*[里中内]$)[^，,？?；;]{0,5}$|"
                   r"是否|为什么|为何|为啥|什么原因|是什么|哪|占.*?比|how|"
                   r"what|which", re.I)


_ASKS_ANYWHERE = re.compile(r"多少|" + FEW + r"[" + MEASURES + r"]")
# (几大类, 几块: the kinds and parts a ranking chooses among, besides what a count counts)
_SET = re.compile(FEW + r"大?([" + MEASURES + r"类种块])[\u4e00-\u9fff]{0,8}$")


def _chosen_from(clause: str, after: str, own: set[str]) -> bool:
    """Whether a clause's 几 names the things the next clause chooses among ("局机关以外的几家下属单位，哪家收入
    最多": the units, not their number), within one sentence."""
    m = _SET.search(clause)
    # 的几个项 (这几项, 下面几个科目: where they are, no verb asking) describes whatever the next clause chooses by
    # (哪一项); 有几家 asks unless 哪家 chooses among them
    return bool(m) and clause not in own and re.search(r"哪" if clause[:m.start()].endswith(
        ("的", "这", "那", "下面", "下边", "里面", "之中", "当中")) else r"哪一?" + m.group(1), after) is not None


def follow_ups(question: str) -> list[str]:
    """Several questions in one ("X是多少，比上年少了多少？"): the first, then each later one completed by the
    first's subject (the first without its asking words)."""
    q = halfwidth(question).strip()
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(q) if c.strip()]
    # 较上年增加多少、增长百分之几: two asks in one clause, each its own question (a list of items names, it asks once)
    clauses = [p for c in clauses for p in (c.split("、") if all(_ASKS.search(x) for x in c.split("、")) else [c])]
    # A clause that is a sentence of its own (its question mark follows) asks wherever its 多少 / 几 sits
    # (设置了几个项目绩效目标？); within a sentence they ask only at its end.
    own = {c.strip() for c in re.findall(r"([^，,？?；;]+)[？?]", q)}
    asking = [i for i, c in enumerate(clauses) if (_ASKS.search(c) or c in own and _ASKS_ANYWHERE.search(c))
              and not _chosen_from(c, clauses[i + 1] if i + 1 < len(clauses) else "", own)]
    if len(asking) < 2:
        return [question]
    main = "，".join(clauses[:asking[0] + 1])
    # a clause of its own asks wherever its 多少 / 几 sits, so its head ends there
    ask = _ASKS.search(clauses[asking[0]]) or _ASKS_ANYWHERE.search(clauses[asking[0]])
    head = "，".join(clauses[:asking[0]] + [clauses[asking[0]][:ask.start()]])
    # (the first's asking verbs are not its subject: 换新公车准备花多少钱 → 换新公车)
    head = re.sub(r"(?:是|为|有|共有|一共|总共|合计|(?:准备|打算|计划|要|需要)?(?:花|用|投入|拿出|安排了?|预算了?))$", "",
                  head)
    out = [main]
    counted = asked_count(main)
    for i in asking[1:]:
        c = clauses[i]
        c = head + c if not c.startswith(head[:4]) else c
        if counted and asked_count(c) is None and re.search(r"(?:多少|几)[" + MEASURES + r"]$", c):
            c += counted[0]  # "一共有多少台车？其中应急用的几台？": the later count counts the same things (车)
        out.append(c)
    return out

