"""English questions about the same facts, read as the Chinese question they ask: the units it names as
qa/english_named.py reads them (Shenzhen → 深圳, Meteorological Bureau → 气象局), the quantity by a Chinese term the
question quotes (机关运行经费) or else the nearest term of the documents' own vocabulary, the year as written. The Chinese pipeline then answers it; nothing here is a
dictionary of budget words."""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.english_asks import COMPARE, _DOWN, _LOWER, _OF_IT, _UP, _asked_parts, _of_first
from qa.budget_en import names as english_names
from qa.encoder_phrase import FUNDS
from qa.english_count import HOW_MANY, count_question, target_question
from qa.english_named import STOP as _STOP, documents_of, named
from qa.english_part import Part, part_named
from qa.english_term import code_said, coded_label, own_label, term_of
from qa.gloss import MIN_GLOSS, MIN_GLOSS_LEAD
from qa.meaning import MIN_MARGIN
from qa.reword import FUND_TERM

if TYPE_CHECKING:
    from qa.retrieve import Retriever

_CHINESE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff“”\"]+")
# Where a figure is read, said after the thing (in its general-budget basic expenditure, paid from appropriations)
# or first, up to a comma (In its 2026 general public budget basic expenditure, …).
# (…or how it is read, in a clause of its own: ", taking the retirement-pay line of its economic classification")
_WHERE_EN = (r"\b(?:in\s+(?:its|the|their)|paid\s+(?:from|out\s+of)|funded\s+(?:by|from)|financed\s+by|out\s+of)\b|"
             r",\s*(?:taking|counting|using|reading)\b")
# The part of the spending the where names (its basic expenditure, its project spending): the thing asked is read
# within that part (基本支出差旅费), as a Chinese question that says 基本支出 is.
_PART_WHERE = (("基本支出", re.compile(r"\bbasic(?:[\s,-]+[\w-]+){0,2}?[\s,-]+(?:expenditure|spending)\b", re.I)),
               ("项目支出", re.compile(r"\bproject[\s-]+(?:expenditure|spending)\b", re.I)))
# Both parts of the spending added up ("basic and project spending together", "counting both basic and project
# money"): the row's total, which the question asks anyway; no words of the thing (as qa.parts.without_summed_parts
# drops 基本支出和项目支出合起来 from a Chinese question)
_BOTH_PARTS = re.compile(r",?\s*\b(?:(?:counting|taking|including)\s+)?(?:both\s+)?(?:its\s+)?"
                         r"(?:basic|day-to-day|routine)\s+(?:(?:spending|expenditure|money|funds?)\s+)?(?:and|plus)\s+project"
                         r"(?:\s+(?:spending|expenditure|money|funds?))?(?:\s+(?:together|combined|alike))?\b", re.I)
# The parts of a row's spending by what it pays (人员经费, 公用经费: the basic expenditure's two columns), in English.
_PART_NAMED = (("人员经费", re.compile(r"\bpersonnel\s+(?:funding|funds|expenses|expenditure|costs|spending)\b", re.I)),
               ("公用经费", re.compile(r"\bpublic\s+operating\s+(?:funding|funds|expenses|costs)\b", re.I)))
# The classification an item is of, said beside it ("under the education spending function", "functional item
# 2010350"): where it is read, no word of the thing
_FUNCTION_SAID = re.compile(r"\b(?:(?:spending|expenditure)\s+function|function(?:al)?\s+(?:class(?:ification)?|item|"
                         r"category|heading|subject))\b", re.I)
_APPROPRIATION_FOR = re.compile(r"\b(?:fiscal|financial|budgetary|government)\s+(?:appropriations?|allocations?|"
                                r"funding|funds?)\s+(?:for|on|to|towards?)\b", re.I)
_WHERE_FIRST = re.compile(r"^\s*(?:(?:in|within|under|from)\s+(?:its|the|their)|taking|counting)\b[^,?]*,", re.I)
# A target or an indicator asked (the performance forms' 目标, 指标), and the terms that name one.
_AIM = re.compile(r"\b(?:targets?|goals?|objectives?|aims?|indicators?|benchmarks?|KPIs?)\b", re.I)
_AIM_TERM = re.compile(r"(?:目标|指标)$")
# The money unit the answer is wanted in ("in ten-thousand yuan", "(in units of 10,000 RMB)", "in millions of
# yuan"): how to say the figure, no word of the thing (the dictionary reads 万元 as "ten thousand yuan", which a
# column header such as 资金金额（万元） says)
_MONEY_SIZE = (r"(?:(?:ten|hundred)[\s-]+thousands?|tens\s+of\s+thousands|thousands?|millions?|hundred[\s-]+millions?|"
               r"100\s+million|\d{1,3}(?:,\d{3})+|\d{5,}|10k|wan)")  # (an amount, never a year: in 2025 yuan)
_IN_MONEY_UNIT = re.compile(r",?\s*\(?\b(?:(?:expressed|given|measured|stated)\s+)?in\s+(?:units\s+of\s+)?"
                            rf"(?:(?:RMB|CNY)\s+{_MONEY_SIZE}|(?:{_MONEY_SIZE}(?:\s+of)?\s+)?(?:yuan|RMB|CNY))\b\s*\)?",
                            re.I)


def is_english(question: str) -> bool:
    letters = sum(ch.isascii() and ch.isalpha() for ch in question)
    return letters >= 0.5 * len(question.replace(" ", ""))


def _terms(units: list[str], docs: dict, retriever: Retriever) -> tuple[list[str], dict[str, int], list[str]]:
    """The terms the units' documents use: their row labels and the words their text says, of the shared
    vocabulary (a term only other units use is no reading of this unit's question). With how many documents use
    each, and the units' own row labels outside the shared vocabulary (肉类储备: see own_label)."""
    from qa.budget_en import GLOSSARY
    from qa.reword import _vocabulary
    from qa.vocab import norm

    vocab = _vocabulary(retriever)
    keys = documents_of(units, docs)
    ids = {cid for k in keys for cid in docs[k].get("chunk_ids") or []}
    chunks = retriever.chunks()
    own = vocab.terms_of(ids, chunks)
    labels = {t for t in own if vocab.common(t)}
    # …or that their text says (a 2019 budget states its 会议费 in prose, not in a table row)
    text = norm("".join(c.text for cid in ids if (c := chunks.get(cid)) is not None))
    said = labels | {t for t in vocab.terms if vocab.common(t) and t in text}
    # …and the standard quantities the disclosure rules name (qa/budget_en.py) that only their prose states, inside no
    # term of theirs: 政府采购 is no row's label (一般公共预算财政拨款 is read as the row it begins, 收入 or 支出)
    standard = {t for g in GLOSSARY if (t := norm(g)) in text and not any(t in x for x in said)}
    return sorted(said | standard), vocab.sources, sorted(own - said - standard)


def translate(question: str, retriever: Retriever) -> str | None:
    """The Chinese question an English one asks; None when it names no place or unit the store holds."""
    docs = retriever.documents()
    question = _IN_MONEY_UNIT.sub(" ", question)
    found = named(question, docs)
    if found is None:
        return None  # no unit of the store, or none clearly nearer than another
    question, units, orgs, own_office, place_words = found[:5]
    part = part_named(found, retriever)
    if part is False:
        return None  # a part of the unit none of its blocks is: not the department's figure
    if part:
        orgs = orgs + found.parts + [part.phrase]  # (its words and its unit's name the part, none the quantity)
    own_office = not part and (own_office or "本级" in question)
    parts = _asked_parts(question)
    if len(parts) > 1:
        # "What is X, and how much of it is project spending?": each ask read with the unit of the whole
        counted = HOW_MANY.search(parts[0])  # "…, and how many new ones": the things the first ask counts
        parts = [re.sub(r"\bones\b", counted.group(1).split()[-1], p) if counted and i else p
                 for i, p in enumerate(parts)]
        read = [_reading(p, question, units, orgs, own_office, place_words, docs, retriever, part) for p in parts]
        if not all(read):
            return None  # half an answer is no answer
        return _of_part(part, "？".join([read[0]] + [_of_first(r, read[0]) if _OF_IT.search(p) else r
                                     for p, r in zip(parts[1:], read[1:])]))
    return _of_part(part, _reading(question, question, units, orgs, own_office, place_words, docs, retriever, part))


def _prose_prints(said: str, ids: set[str], retriever: Retriever) -> bool:
    """Whether a paragraph among these chunks prints the text (half-width)."""
    chunks = retriever.chunks()
    return any(c.kind == "paragraph" and said in halfwidth(c.text) for i in ids if (c := chunks.get(i)) is not None)


def _of_part(part: Part | None, chinese: str | None) -> str | None:
    """The Chinese question with the part of the unit asked named after the unit (深圳市水务局深圳市东部水源管理中心)."""
    return chinese.replace(part.unit, part.unit + part.name, 1) if part and chinese else chinese


# The part asked of a whole: how it goes to it, then the part (…is project spending rather than basic)
_PART_ASKED = (r"(?:is|are|was|were|goes|go|went)\s+(?:spent\s+|allocated\s+|earmarked\s+)?(?:(?:for|on|to)\s+)?"
               r"(?P<part>(?:(?!\brather\s+than\b)[^?])+)")
_PART_OF = re.compile(r"\bhow much of\b(?P<whole>.+?)\b" + _PART_ASKED, re.I)
# …or the whole said first ("Of the government procurement in its 2026 budget, how much is for goods?")
_PART_OF_FRONTED = re.compile(r"^\s*(?:of|out\s+of)\s+(?P<whole>[^,?]+?),\s*how much\b(?:\s+of\s+(?:it|that|this))?\s+"
                              + _PART_ASKED, re.I)
# The general public budget named (general-budget, general public budget), and its appropriations named (a term).
_GENERAL_BUDGET = re.compile(r"\bgeneral(?:[\s-]+public)?[\s-]+budget", re.I)
_GENERAL_BUDGET_MONEY = re.compile(_GENERAL_BUDGET.pattern + r"\s+(?:appropriation|allocation|fund)", re.I)
# …which, as where the money comes from ("basic expenditure paid from general public budget appropriations"), is the
# general budget's part of the thing asked, not the appropriations themselves
_PAID_FROM = re.compile(r"\b(?:paid|funded|financed|covered|met)\s+(?:from|by|out\s+of)\s+(?:the\s+|its\s+)?" +
                        _GENERAL_BUDGET_MONEY.pattern, re.I)
_RATE = re.compile(r"\b(?:rate|percentage|percent|per\s+cent|proportion|ratio|share\s+of)\b|%|"
                   r"\bgrowth\s+(?:target|goal)\b", re.I)  # (a growth target is a rate: 增长7%以上)
_AREA = re.compile(r"\bwhat\s+(?:\w+\s+){0,2}area\b|\bhow (?:large|big|wide) (?:an?\s+)?area\b", re.I)
# A fund or a part of the spending, or both (一般公共预算项目支出): where a thing is read, read as the thing only when
# nothing else is (not so 人员经费 or 公用经费, which are asked as things)
_PART_OR_FUND = re.compile(rf"(?:{FUNDS})?(?:拨款)?(?:基本支出|项目支出)?")
# How a figure is entered in the accounts (charged to, booked under): where it is, no word of the thing
_BOOKED = r"\b(?:charged|booked|recorded|entered|classified|accounted\s+for)\s+(?:to|under|as|in|against)\b"
_LEAVES_OUT = re.compile(r"\b(?:neither|nor|not|excluding|except|without|other than|besides|rather than|instead of)\b",
                         re.I)
# Where the thing is placed, said beside it: how it is booked, and the parts of the spending (basic, project, personnel)
_PLACED = re.compile("|".join([_BOOKED] + [p.pattern for _, p in _PART_WHERE + _PART_NAMED]), re.I)
_EXAMPLES = re.compile(r"\b(?:such\s+as|e\.?g\.?|including|for\s+example|like)\b", re.I)
_YEARS = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_PRONOUN = re.compile(r"\b(?:it|that|this|those|these|them|they)\b")


def _reading(part: str, question: str, units: list[str], orgs: list[str], own_office: bool, place_words: set[str],
             docs: dict, retriever: Retriever, of: Part | None = None) -> str | None:
    """The Chinese question one ask of the English question asks, of the units the whole question names (`of`: the
    part of the unit it names)."""
    if part == "why":
        return "原因是什么"
    years = _YEARS.findall(part) or _YEARS.findall(question)  # FY2024, 2024's
    if part is not question:
        part = _PRONOUN.sub(" ", part)  # (of it, that year: the unit and year the whole question names)
    # (both parts added up are the row's total, no word of the thing; said again in Chinese after it, so that the
    # answer shows the two parts it adds up, as a Chinese question's 基本支出和项目支出合计 does)
    both = bool(_BOTH_PARTS.search(part))
    question = _FUNCTION_SAID.sub(" ", _BOTH_PARTS.sub(" ", part))
    # (a scope said in Chinese, 本级, is no quantity)
    quoted = [c for c in (c.strip("“”\"") for c in _CHINESE.findall(question)) if c not in ("本级", "汇总")]
    rest = question
    for org in sorted(orgs, key=len, reverse=True):
        rest = re.sub(rf"\b{re.escape(org)}\b", " ", rest)
    rest = " ".join(w for w in rest.split() if re.sub(r"[^a-z]", "", w.lower()) not in place_words)
    rest = re.sub(r"\bby\s+(?:what|how\s+many)\s+(?:percentage|percent|per\s+cent)(?:\s+points?)?\b", " ", rest,
                  flags=re.I)  # (the measure of a change asked, no word of the thing)
    # (a pronoun names nothing of the thing: "and by how much is that below last year"; nor the appropriation the
    # thing is paid from, said before it: "its fiscal appropriation for agency operating costs" asks the costs)
    rest = _APPROPRIATION_FOR.sub(" ", rest)

    def cleaned(text: str) -> str:
        text = _STOP.sub(" ", re.sub(r"\b20\d\d\b|\([^)]*\)|[\"“”?.,'’]", " ", _PRONOUN.sub(" ", _LOWER.sub(" ", text))))
        return re.sub(r"\b(?:more|less|higher|lower|bigger|smaller|larger)\b|\byear before\b", " ", text,
                      flags=re.I)  # (a change's)

    # (the fund and the part of the spending named beside the thing, general-public-budget travel expenses booked
    # under project spending rather than basic: where it is read, said again before the term below, and what it
    # leaves out; no words of the thing, when something else is named)
    unplaced = cleaned(re.sub("|".join([_GENERAL_BUDGET.pattern, r"\bgeneral[\s-]+public\b-?",
                                        _LEAVES_OUT.pattern + r"[^,;?]*", _PLACED.pattern]), " ",
                              re.sub(r"\([^)]*\)", " ", rest), flags=re.I))
    rest = cleaned(rest)
    vocabulary = functools.cache(lambda: _terms(units, docs, retriever))  # (read once, by whichever reading needs it)
    term, general, where = (quoted[0] if quoted else None), False, ""
    if term is None and re.search(r"\bbudget\b", question, re.I) and not _STOP.sub(" ", re.sub(
            r"\b(?:expenditure|spending|revenue|income|whole|entire|overall|departmental|absolute|terms)\b", " ", rest,
            flags=re.I)).strip():
        term = "预算"  # the unit's budget, or its spending budget, said whole: its total (qa/whole.py)
    # a classification code said (economic item 30101) names the row printing it in the units' own documents
    # (基本工资), over any reading that is not that row's; said again in the Chinese question, whose rows it weighs. A
    # code none prints reads nothing.
    code = code_said(part)
    ids = {i for k in documents_of(units, docs) for i in docs[k].get("chunk_ids") or []} if code else set()
    coded = code and coded_label(code, ids, retriever.chunks())
    if term is None and rest.strip():
        terms, sources, own = vocabulary()
        if not _AIM.search(question):
            # a target (政府采购总体目标, 年度绩效指标) is a statement, no amount: a question that never says one asks
            # none ("total government procurement" is the money, though CC-CEDICT reads 总体 as "total")
            terms = [t for t in terms if not _AIM_TERM.search(t)]
        # "total" frames most questions (the total budget for X is X), but of a flow it names the row (total
        # expenditure: 支出总计, not 本年支出): read with it first
        said_total = re.search(r"\btotal\b", question, re.I)
        # "project spending" names an expenditure (项目支出), though spending frames most questions: read so first
        def read(words: list[str], pool: list[str] = terms) -> tuple[str | None, bool]:
            spent = bool(words) and bool(re.search(rf"\b{re.escape(words[-1])}\s+(?:spending|expenditure)\b",
                                                   question, re.I))
            return own_label(" ".join(words), pool, own) or \
                (said_total and term_of("total " + " ".join(words), pool, sources)) or \
                (spent and term_of(" ".join(words) + " expenditure", pool, sources)) or \
                term_of(" ".join(words), pool, sources), spent

        words = rest.split()
        # what is asked, said before where it is read ("project spending in its general-budget appropriation",
        # "electricity bills in its general-budget basic expenditure", "basic expenditure paid from general
        # public budget appropriations") or after it ("In its basic expenditure, how much…"): read alone first
        head = re.split(_WHERE_EN, _WHERE_FIRST.sub("", question), maxsplit=1, flags=re.I)[0]
        # ("How much of its procurement budget is for construction works?": the part, not the whole, is asked)
        part = _PART_OF.search(question) or _PART_OF_FRONTED.search(question)
        if part and part.re is _PART_OF_FRONTED and _GENERAL_BUDGET.search(part.group("part")):
            part = None  # (…, how much is paid from general public budget appropriations: the fund, read below)
        if part and re.search(_BOOKED, part.group("part"), re.I) and \
                not re.search(r"[a-z]{3,}", _STOP.sub(" ", _PLACED.sub(" ", part.group("part")))):
            # (…is charged to personnel funds, …is booked under project spending: a column of the whole, read within
            # it below, no part of its own; "…is project spending", "…is personnel funding" ask the part)
            part = None
        head = part.group("part") if part else head
        where = question.replace(head, " ") if head.strip() and not part else ""
        first = [w for w in words if re.search(rf"(?<![A-Za-z]){re.escape(w.strip('-'))}(?![A-Za-z])", head)]
        whole, first, beside = _whole_of_part(part, words, first, terms, sources, units, docs, retriever) \
            if part else (None, first, [])
        # (…and when that reads nothing, not the where's words in its place: "basic" of the basic expenditure read
        # in is no 基础绩效奖)
        term, spent = read(first if first else words)
        if whole and term not in beside:
            term, spent = read(first, beside)  # (a reading the whole's passages do not print beside it: 劳务费)
        if whole and term and whole not in term and term not in whole:
            term = whole + term  # the part within its whole: 政府采购 + 服务 (the procurement budget's services)
        if term is not None and _GENERAL_BUDGET.search(question):
            # the general budget named is where the thing is paid from, its words none of the thing's ("general
            # public budget spending on housing security": 住房保障支出, not 公共安全 for "public … security"): the thing
            # is read without them, unless that reads a fund's own term (财政拨款本年支出: the fund is the thing, as
            # in reword.fund_read_for_thing) or the first reading and more (…确权登记 + 物业管理费 for "property")
            thing = (_qualified(head, " ".join(first), terms, sources) if first else
                     _qualified(question, rest, terms, sources))[0]
            term = thing if thing is not None and not FUND_TERM.match(thing) and term not in thing else term
            # (…nor a term read by the budget's own words, "general public budget … commissioned services": no
            # 一般公共服务支出; read without them, or by what follows when they read nothing)
            if term is not None and not FUND_TERM.match(term) and any(
                    re.search(r"\bgeneral\s+public\b", n, re.I) for n in english_names(term)):
                said = first or words
                left = _without_budget_words(said, len(_GENERAL_BUDGET.findall(question)))
                term = read(left)[0] if left != said else term
        if part and term is None and part.re is _PART_OF:
            return None  # the part reads as no term: the whole it is part of is not what is asked
        # (a whole said first whose part reads no term may name an item: "Of the vehicle purchases, how much is for
        # the confidential-communications car", read below as the question whole)
        if term is None:
            term, general = _qualified(head, " ".join(first), terms, sources) if first else \
                _qualified(question, rest, terms, sources)
        if term is None:
            # the asker's own name for the thing, in brackets ("operating costs of the organ"): read alone, as a
            # bracketed name is in a Chinese question (not what it leaves out: neither…, not…, other than…)
            named = [p for p in re.findall(r"\(([^()]*)\)", question)
                     if not _CHINESE.search(p) and not _LEAVES_OUT.search(p)]
            # (two words at least: "unit funds" less its framing word is "funds", which half the terms say)
            # (…and no code: "item 30302" is one word, item, that names nothing)
            words = [w for w in _STOP.sub(" ", named[0]).split() if not w.isdigit()] if len(named) == 1 else []
            term = term_of(" ".join(words), terms, sources) if len(words) >= 2 else None
        elif _GENERAL_BUDGET.search(question) and \
                (not _GENERAL_BUDGET_MONEY.search(question) or _PAID_FROM.search(question)):
            # general-budget project spending, general public budget money put into X: 一般公共预算项目支出, the
            # X of the general public budget (not its appropriations, a term of their own)
            general = "一般公共预算" not in term and not re.search(r"基金|国有资本", term)
        elif _GENERAL_BUDGET_MONEY.search(question) and term.startswith("财政拨款"):
            # (its appropriations asked, read as all funds' appropriations, 财政拨款收入: those of the general budget)
            general = True
    if coded and coded not in (term or ""):
        term, general = coded, bool(_GENERAL_BUDGET.search(question))  # (the code over any reading that is not its row)
    if (term is None or _PART_OR_FUND.fullmatch(term)) and unplaced.split() and unplaced.split() != rest.split():
        # no thing read but a fund or a part (…general-public-budget travel expenses booked under project spending:
        # 项目支出): the thing read without them, the fund and the part said again before it below
        things, sources, _ = vocabulary()
        other = term_of(" ".join(unplaced.split()), things, sources)
        if other is not None and not _PART_OR_FUND.fullmatch(other):
            term, general = other, bool(_GENERAL_BUDGET.search(question)) and "一般公共预算" not in other
    if re.search(r"\bhow many\b", question, re.I):
        # "How many vehicles…" asks a count, which no term of the money tables reads: the thing counted is read
        # among the words the unit's own documents count (车辆 6辆, 设备4台), else the question is declined.
        return count_question(question, units, years, docs, retriever, described=rest)
    if term is None and rest.strip() and len(set(units)) == 1:
        # what the money is for, then its examples ("materials-reserve work, such as spot checks of stockpiles"):
        # the head names the item, the examples illustrate it; read whole when the head alone reads nothing
        head = _EXAMPLES.split(rest)[0]
        term = (head.strip() != rest.strip() and _item(" ".join(head.split()), units, docs, retriever, of)) or \
            _item(" ".join(rest.split()), units, docs, retriever, of)
    # a rate or an area asked (the tap-water coverage rate aimed for, the mining area kept under watch)
    measure = "%" if _RATE.search(question) else "面积" if _AREA.search(question) else None
    if term is None:
        # …that a target states, asked by its statement's name
        return target_question(question, rest, units, years, docs, retriever, measure=measure) if measure else None
    within = next((p for p, said in _PART_WHERE if where and said.search(where)), None)
    kept = re.sub(_LEAVES_OUT.pattern + r"[^,;?]*", " ", question, flags=re.I)
    # (…or said anywhere but in what it leaves out, of a thing that is no part: booked under project spending)
    parts_said = [p for p, said in _PART_WHERE if said.search(kept) and not _BOTH_PARTS.search(kept)]
    within = within or (parts_said[0] if len(parts_said) == 1 else None)
    # (…or a part of a row's spending the question names anywhere, not in what it leaves out: the personnel funding
    # of 行政运行, its 人员经费 column)
    # (…within the basic expenditure named too: 基本支出人员经费, the column under it)
    named_part = next((p for p, said in _PART_NAMED if said.search(kept) and not term.endswith("费")), None)
    within = within + named_part if within == "基本支出" and named_part else within or named_part
    if within and not re.search(r"基本|项目|人员经费|公用经费|预算$", term):
        term = within + term  # "staff travel in its basic, day-to-day expenditure": 基本支出差旅费
    change = _LOWER.search(question)
    compare = re.search(COMPARE, question, re.I)
    change = change if change and (compare or re.search(r"\b(?:" + _UP + "|" + _DOWN + r")\b", change.group(0) + question,
                                                         re.I)) else None
    # "By what percentage did X grow": the rate of X's change (增长百分之几), which the documents state beside it
    rate_of_change = bool(change) and measure == "%"
    if measure == "%" and not rate_of_change and not re.search(r"率|比例|比重|占比|%", term):
        # a rate asked (an availability rate, a share), a term of money read: another quantity, unless a target states it
        return target_question(question, rest, units, years, docs, retriever, measure="%")
    term = f"一般公共预算{term}" if general else term
    if term != "预算" and re.search(r"\b(?:spend|spends|spent|spending|expenditure)\b", question, re.I) and \
            re.search(r"(?:拨款|预算|资金)$", term):
        term += "支出"  # what was spent out of a fund or appropriation: its 支出, not the money received
        # (预算 alone is the budget said whole, qa/whole.py)
    # (…or the narrative prints beside a name, 机关商品和服务支出（502）, though no row does: it tells the item from
    # its namesake of the other classification, 商品和服务支出（302）)
    printed = bool(code) and not coded and _prose_prints(f"({code})", ids, retriever)
    term = f"{term}（{code}）" if (coded or printed) and code not in term else term
    several = "和".join(dict.fromkeys(f"{u}（本级）" if own_office else u for u in units))
    # "than in 2021" names the year compared with: the year asked is the later one
    year = f"{max(years)}年" if change and len(set(years)) > 1 else "".join(f"{y}年" for y in dict.fromkeys(years))
    total = "合计" if len(set(units)) > 1 else ""
    if not change:
        return f"{several}{year}{term}{'（基本支出和项目支出合计）' if both else ''}{total}是多少"
    up, down = (re.search(rf"\b(?:{words})\b", question, re.I) for words in (_UP, _DOWN))
    way = "增加" if up and not down else "减少" if down and not up else "变化多大" if up and down or compare else "减少"
    if rate_of_change:  # (by what percentage: 增长 / 下降 百分之几)
        way = {"增加": "增长", "减少": "下降"}.get(way, "增减")
        return f"{several}{year}{term}{total}比上年{way}百分之几"
    way = way if way == "变化多大" else f"{way}多少"
    # "How much less … than …" and "By how much did … grow" ask the change; "What is …, and how much higher" the
    # figure, then its change; "…, and to what total?" after a change, the figure too
    # (the first of its asks: "For the X, by how much does …" asks the change as much as "By how much …")
    first_ask = re.search(r"\b(?:by\s+)?how much\b(?:\s+(?:lower|less|more|higher|smaller|bigger|larger)\b)?|"
                          r"\bwhat\b", question, re.I)
    change_first = first_ask and re.fullmatch(r"by\s+how much|how much\s+\w+", first_ask.group(0), re.I)
    level_too = re.search(r"\bto what (?:total|level|amount)\b|\bwhat is (?:its|the)(?:\s+20\d\d)? (?:whole|total|new)\b",
                          question, re.I)
    asked = f"{several}{year}{term}{total}"
    if not change_first:
        return f"{asked}是多少，比上年{way}"
    return f"{asked}比上年{way}？{asked}是多少" if level_too else f"{asked}比上年{way}"


def _whole_of_part(part: re.Match, words: list[str], first: list[str], terms: list[str], sources: dict[str, int],
                   units: list[str], docs: dict, retriever: Retriever) -> tuple[str | None, list[str], list[str]]:
    """The term of the whole a part is asked of ("How much of its government procurement budget is for purchasing
    services?": 政府采购); the part's words without those the whole's term says ("purchasing", which 采购 says); and
    the terms the units' passages print beside the whole (服务, 货物 of the procurement sentence), among which the
    part is read. (None, the words, []) when the whole reads no term."""
    from qa.gloss import senses, stems, words as cut
    from qa.vocab import norm

    said = [w for w in words if re.search(rf"(?<![A-Za-z]){re.escape(w.strip('-'))}(?![A-Za-z])", part.group("whole"))
            and not re.fullmatch(r"budgets?|funds?|money", w, re.I)]
    whole = term_of(" ".join(said), terms, sources) if said else None
    if whole is None:
        return None, first, []
    chunks = retriever.chunks()
    texts = [t for k in documents_of(units, docs) for cid in docs[k].get("chunk_ids") or []
             if whole in (t := norm(chunks[cid].text))]
    beside = [t for t in terms if t != whole and whole not in t and any(t in x for x in texts)]
    meant = set().union(*(senses(w) for w in cut(whole)))
    return whole, [w for w in first if not stems(w) <= meant] or first, beside


def _without_budget_words(words: list[str], times: int) -> list[str]:
    """The words without the general public budget's name (its general and public, as many times as it is said)."""
    out, dropped = [], {"general": times, "public": times}
    for w in words:
        if dropped.get(w.lower(), 0):
            dropped[w.lower()] -= 1
            continue
        out.append(w)
    return out


def _qualified(question: str, rest: str, terms: list[str], sources: dict[str, int]) -> tuple[str | None, bool]:
    """A quantity no term reads as said, read again as English compounds it: "general(-)budget project spending" is
    the project expenditure (spending framed nothing there) of the general public budget (the qualifier, asked of
    the term found). (term, whether the general public budget qualifies it)."""
    general = bool(_GENERAL_BUDGET.search(question))
    phrase = re.sub(r"\bgeneral(?:\s+public)?\b|-", " ", rest, flags=re.I) if general else rest
    phrase = " ".join(phrase.split())
    if not phrase:
        return None, False
    spent = re.search(r"\b(?:spending|expenditure)\b", question, re.I)
    term = (general and term_of(phrase, terms, sources)) or (spent and term_of(f"{phrase} expenditure", terms, sources))
    return term or None, bool(term) and general and not term.startswith("一般公共预算")


def _item(phrase: str, units: list[str], docs: dict, retriever: Retriever, of: Part | None = None) -> str | None:
    """A money item the unit's narrative lists (市级高层次人才经费 for "bringing in high-level medical talent"),
    when the dictionary and the encoder both read the phrase as that item, each clearly ahead of the next one:
    items are many and alike, and a guessed item is a wrong answer."""
    from qa.gloss import best, stems
    from qa.item_names import item_names
    from qa.meaning import nearest

    # (of a part of the unit asked, its own items: its siblings print lines of the same names)
    names = item_names(documents_of(units, docs), retriever, frozenset([of.name]) if of else frozenset())
    read = [m for m in best(stems(phrase), names) if not m.chance]
    if not read or read[0].word_share < MIN_GLOSS or len(read) > 1 and read[0].score - read[1].score < MIN_GLOSS_LEAD:
        return None
    # the encoder agreeing is the check: its nearest item is the dictionary's, or ties with it (within MIN_MARGIN:
    # its margins among short names are too thin to overrule a clear dictionary reading)
    ranked = nearest(phrase.replace("-", " "), names, len(names))
    mine = next(sim for sim, text in ranked if text == read[0].text)
    return read[0].text if ranked[0][0] - mine < MIN_MARGIN else None
