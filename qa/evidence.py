"""How strongly retrieved passages answer a question by their structure: the figures a table row or a narrative
sentence states under the names the question uses, the clauses that give a reason, the sentence that defines a
term. Retrieval reranks by it; answering reads the best of it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.question import definition_term, intent

if TYPE_CHECKING:
    from qa.retrieve import Hit

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])\s*")
_PUNCT = re.compile(r"[“”\"'（）()、，,。：:；;？?！!\s]")
SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
MIN_MATCH = 3  # characters a label or subject must share with the question to be trusted


@dataclass
class _Candidate:
    score: float
    value: float
    unit: str
    text: str
    hit: Hit
    table: str | None = None
    row: str | None = None
    column: str | None = None
    cover: float = 1.0  # share of the question's bigrams the candidate's name and context say
    total_of: str = ""  # a total row whose column path the question says whole (一般公共预算基本支出/合计)
    part: bool = False  # a row the question names only in part (一般公共服务支出 for 一般公共预算…支出)


def _norm(text: str) -> str:
    return _PUNCT.sub("", halfwidth(_NUMBERING.sub("", text or "")))


def _overlap(a: str, b: str) -> int:
    """Length of the longest common substring (short strings: a simple scan is fast enough)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _bigrams(text: str) -> set[str]:
    t = _norm(text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


# Words that shape a question but name nothing in the document.
_ASKING = re.compile(r"是多少万元|是多少|为多少|有多少|多少万元|多少钱|多少百分比|百分之多少|百分比|百分之|多少|是什么|请问|"
                     r"一共|分别|万元|元|上一?年度?(?!结)|去年")
_FILLER = re.compile(r"[的了吗呢为是有]")
# Columns that carry the quantity a row names rather than a part of it.
_NEUTRAL = {"合计", "小计", "总计", "金额", "预算数", "决算数", "本年支出合计", "本年收入合计", "预算", "决算", "数额"}
_CODE = re.compile(r"(?<!\d)(\d{3}(?:\d{2}){0,2})(?!\d)")


def _clean(text: str) -> str:
    """A phrase reduced to what it names: no numbering, punctuation, asking words or filler characters."""
    t = _norm(text)
    t = _ASKING.sub("", t)
    return _FILLER.sub("", t)


def _grams(text: str) -> set[str]:
    """Character bigrams, numbers left out (as they are from the question)."""
    t = re.sub(r"\d+(?:\.\d+)?", "", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


@dataclass
class _Query:
    text: str  # the question without unit names, years and asking words
    grams: set[str]
    codes: set[str]

    @classmethod
    def of(cls, question: str, hits: list[Hit]) -> "_Query":
        q = _strip_names(_COMPARED.sub("", _norm(question)), hits)
        codes = set(_CODE.findall(q))
        text = _clean(re.sub(r"\d+", "", q))
        return cls(text, _grams(text), codes)


def _match(q: _Query, name: str) -> tuple[int, int, bool]:
    """Bigrams of the question a name says, bigrams of the name the question does not ask about, and whether
    the question carries the whole name."""
    own = _grams(_clean(name))
    whole = bool(_clean(name)) and len(_clean(name)) >= 2 and _clean(name) in q.text
    return len(q.grams & own), len(own - q.grams), whole


def _end_in(q: _Query, name: str) -> float:
    """Where a name the question carries ends, as a share of the question (1.0: at its end)."""
    at = q.text.rfind(_clean(name))
    return (at + len(_clean(name))) / max(len(q.text), 1) if at >= 0 else 0.0


_TOTAL_WORDS = re.compile(r"(?:合计|总计|小计)$")


def _qualifiers(q: _Query, hits: list[Hit]) -> set[str]:
    """Row names the question carries before another row name it carries: the head of a noun phrase comes last,
    so "济源市社会医疗保险中心离休干部医疗费项目" asks for the project; the unit only qualifies it."""
    spans = {}
    for h in hits:
        name = _clean(_TOTAL_WORDS.sub("", _norm(h.chunk.label or ""))) if h.chunk.kind == "row" else ""
        at = q.text.find(name) if len(name) >= 2 and name != _clean(_norm(h.chunk.table or "")) else -1
        if at >= 0:
            spans[name] = (at, at + len(name))
    return {n for n, (a, e) in spans.items() if any(a2 >= e for a2, _ in spans.values())}


def _row_candidates(q: _Query, hit: Hit, rank: int, qualifiers: frozenset[str] = frozenset()) -> list[_Candidate]:
    """Cells of a row: the row's label and the column's path name the quantity, the table title frames it."""
    c = hit.chunk
    if not c.facts or not (c.label or "").strip():
        return []
    label = _norm(c.label or "")
    title = _norm(c.table or "")
    is_total = label in ("合计", "总计") or label == title
    row_name = "" if is_total else _TOTAL_WORDS.sub("", label)
    # The question names the table's whole subject (一般公共预算支出 of 一般公共预算支出表): its total is asked, not
    # a row that shares some of the words (一般公共服务支出).
    subject = _clean(re.sub(r"[（(].*$|表.*$", "", re.sub(r"^20\d\d年?度?", "", title)))
    whole_table = len(subject) >= 4 and subject in q.text and (not row_name or _clean(row_name) not in q.text)
    l_hit, l_extra, l_whole = _match(q, row_name)
    if _clean(row_name) in qualifiers:
        l_hit, l_whole = 0, False
    qualified = {g for n in qualifiers for g in _grams(n)}  # said by the document, as qualifiers
    # A row the question does not name (教育支出 for "基本支出合计") is a part, not the quantity asked.
    unnamed = bool(row_name) and l_hit < 0.5 * len(_grams(_clean(row_name)))
    # The head of a noun phrase comes last: of two names the question carries, the later is what it asks for
    # ("济源市社会医疗保险中心离休干部医疗费项目" asks for the project, not the unit).
    row_end = _end_in(q, row_name) if l_whole else 0.0
    p_hit = len(q.grams & (_grams(_clean(c.parents or "")) - _grams(_clean(row_name))))
    title_grams = _grams(_clean(title))
    out = []
    for i, fact in enumerate(c.facts):
        column = fact["column"] or ""
        named = [p for p in column.split("/") if p and _norm(p) not in _NEUTRAL]
        c_hit, c_extra, c_whole = _match(q, "".join(named))
        leaf_whole = bool(named) and _match(q, named[-1])[2]
        head = max(row_end, _end_in(q, named[-1]) if leaf_whole else 0.0)
        t_hit = len(q.grams & (title_grams - _grams(_clean(row_name + "".join(named)))))
        if l_hit + c_hit + t_hit + p_hit < 2:
            continue
        said = _grams(_clean(label)) | _grams(_clean("".join(named) + (c.parents or "") + title)) | qualified
        cover = len(q.grams & said) / max(len(q.grams), 1)
        score = (2.0 * (l_hit + c_hit + p_hit) + 1.0 * t_hit - 1.0 * l_extra - 0.5 * c_extra
                 + 2.0 * l_whole + 2.0 * head + 2.0 * leaf_whole + (0.5 if not named or i == 0 else 0.0)
                 - (3.0 if unnamed else 0.0))
        if q.codes:
            if c.code and c.code in q.codes:
                score += 8.0
            elif c.code:
                score -= 4.0
        # The column path says the whole quantity (一般公共预算基本支出/合计): likewise its total row is asked.
        path = _clean("".join(named))
        if whole_table:
            score += 4.0 if is_total else -4.0

        if not c.unit:
            score -= 3.0  # no unit line: a form (performance targets, codes), not a money table
        score -= 0.1 * rank
        raw = f"{fact['raw']:,.2f}{fact['unit'] or ''}"
        year = f"{c.year}年" if c.year and str(c.year) not in (c.table or "") else ""
        entity = c.entity if c.entity and c.entity not in (c.table or "") else ""
        text = (f"{entity}{year}{c.table}中“{c.label}”{('（' + column + '）') if column else ''}"
                f"为{fact['value']:,.2f}万元" + (f"（表中为{raw}）" if fact["unit"] != "万元" else "") + "。")
        cand = _Candidate(score, fact["value"], "万元", text, hit, c.table, c.label, column, cover)
        cand.total_of = path if is_total and len(path) >= 4 and path in q.text else ""
        cand.part = not is_total and not l_whole and bool(row_name)
        out.append(cand)
    return out


def _narrative_score(q: _Query, named: str, context: str, rank: int) -> tuple[float, float] | None:
    """Score and coverage of a number stated in the narrative, named by the phrase before it."""
    n_hit, n_extra, n_whole = _match(q, named)
    ctx = len(q.grams & (_grams(_clean(context)) - _grams(_clean(named))))
    if n_hit + ctx < 2:
        return None
    cover = (n_hit + ctx) / max(len(q.grams), 1)
    own = len(_grams(_clean(named)))
    if own >= 4:  # a long name the question says almost whole, whatever else the question qualifies it by
        cover = max(cover, n_hit / own)
    return 2.0 * n_hit + 1.0 * ctx - 0.5 * n_extra + 2.0 * n_whole - 0.1 * rank, cover


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text)]


def _paragraph_candidates(q: _Query, hit: Hit, rank: int, change: bool = False) -> list[_Candidate]:
    """Amounts stated in the narrative: levels (收入总计659.94万元) or, for a change question, changes
    (比上年减少69.47万元). The phrase before the number names it; the sentence up to it is its context."""
    from rules.claims import amounts_in

    text = hit.chunk.text
    out = []
    spans = _sentence_spans(text)
    for a in amounts_in(text):
        if a.bound or bool(a.change) != change:
            continue
        lo, hi = next(((s, e) for s, e in spans if s <= a.start < e), (0, len(text)))
        prefix = text[lo:a.start]
        named = a.subject if not change else prefix[-40:]
        scored = _narrative_score(q, _strip_entity(named, hit), _strip_entity(prefix, hit), rank)
        if scored is None:
            continue
        out.append(_Candidate(scored[0], a.value, "万元", text[lo:hi].strip(), hit, cover=scored[1]))
    return out


# The base of a comparison ("比2023年预算", "与上年相比"): it dates the change, it does not name the quantity.
_COMPARED = re.compile(r"(?:与|较|比|同)\s*(?:20\d\d\s*年度?|上一?年度?(?!结)|去年)(?:预算数?|决算数?)?(?:相比)?")


def _strip_entity(text: str, hit: Hit) -> str:
    """Text without the document's unit name, comparison bases and years (they name the document or date the
    figure, not the quantity)."""
    entity = hit.chunk.entity or ""
    if entity:
        text = text.replace(entity, "")
    return re.sub(r"20\d\d\s*年度?", "", _COMPARED.sub("", text))


def _strip_names(q: str, hits: list[Hit]) -> str:
    """The question without the unit's name and the year: they choose the document, not the row
    ("普陀区人民政府办公室" must not match the row "政府办公厅（室）事务")."""
    from qa.question import _core

    from qa.question import _GENERIC_PHRASES

    for entity in {h.chunk.entity for h in hits if h.chunk.entity}:
        named = [p for p in [_norm(entity)] + _core(_norm(entity)) if p in q]
        for piece in sorted(named, key=len, reverse=True):
            q = q.replace(piece, "")
        if named:  # the leftovers of a name the question carries ("万里街道" + "办事处")
            for word in _GENERIC_PHRASES:
                if word in entity:
                    q = q.replace(word, "")
    return re.sub(r"20\d\d年度?", "", q)


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_COUNT = re.compile(r"(\d+)\s*(个|家|辆|人|项)")
# What a percentage is: the word printed just before it.
_RATE_KINDS = {"up": r"增长|增加|上升|提高|增幅", "down": r"下降|减少|降低|降幅|下降了", "share": r"占|比重|比例|占比",
               "completion": r"完成"}


def _rate_kind(text: str) -> str | None:
    for kind, rx in _RATE_KINDS.items():
        if re.search(f"(?:{rx})", text):
            return kind
    return None


def _wanted_rate(question: str) -> str | None:
    """The kind of percentage a question asks for."""
    if re.search(r"占|比重|所占", question):
        return "share"
    if "完成" in question:
        return "completion"
    return _rate_kind(question)


def _stated_numbers(q: _Query, question: str, hits: list[Hit], rx: re.Pattern, unit: str) -> list[_Candidate]:
    """Percentages or counts stated in the narrative, named by the sentence before them; a percentage must be
    of the kind the question asks (a growth rate, a share, a completion rate)."""
    wanted = _wanted_rate(question) if unit == "%" else None
    asked = re.search(r"(?:多少|几)(个|家|辆|人|项)", question) if unit != "%" else None
    measure = asked.group(1) if asked else None
    out = []
    for rank, h in enumerate(hits):
        if h.chunk.kind != "paragraph":
            continue
        text = h.chunk.text
        for lo, hi in _sentence_spans(text):
            for m in rx.finditer(text, lo, hi):
                prefix = text[lo:m.start()]
                just_before = prefix[-8:]
                named = re.split(r"[，,；;：:]", prefix)[-1] or prefix
                # A share's whole is often named by the sentence before (其中：基本支出…，占70.74%).
                context = text[max(0, m.start() - 120):m.start()]
                scored = _narrative_score(q, _strip_entity(named, h), _strip_entity(context, h), rank)
                if scored is None:
                    continue
                score, cover = scored
                if wanted:
                    score += 6.0 if _rate_kind(just_before) == wanted else -6.0
                if measure and m.group(2) == measure:
                    # The measure word asked for (多少辆 … 7辆) says what is counted as much as a name does.
                    score, cover = score + 4.0, max(cover, MIN_COVER)
                out.append(_Candidate(score, float(m.group(1)), unit, text[lo:hi].strip(), h, cover=cover))
    return out


MIN_COVER = 0.5  # below this share of the question said, the evidence is too weak to answer from


def _best(cands: list[_Candidate]) -> _Candidate | None:
    """The best-named figure among those that say enough of the question."""
    fit = [c for c in cands if c.cover >= MIN_COVER]
    return max(fit, key=lambda c: c.score) if fit else None


def candidates(question: str, hits: list[Hit]) -> list[_Candidate]:
    """Every figure in the hits that could answer a numeric question, scored by how well it is named."""
    q = _Query.of(question, hits)
    kind = intent(question)
    if kind == "percent":
        return _stated_numbers(q, question, hits, _PERCENT, "%")
    if kind == "count":
        return _stated_numbers(q, question, hits, _COUNT, "个")
    cands: list[_Candidate] = []
    qualifiers = frozenset(_qualifiers(q, hits))
    for rank, h in enumerate(hits):
        if h.chunk.kind == "row" and kind != "change":
            cands += _row_candidates(q, h, rank, qualifiers)
        elif h.chunk.kind == "paragraph":
            cands += _paragraph_candidates(q, h, rank, change=kind == "change")
    _corroborate(cands)
    if any(c.total_of for c in cands):
        # The question says a quantity whole that a table's total row carries: rows sharing only some of its
        # words are parts of it, not what is asked.
        for c in cands:
            if c.part:
                c.score -= 4.0
    return cands


def structured(question: str, hits: list[Hit]) -> _Candidate | None:
    return _best(candidates(question, hits))


def evidence(question: str, hits: list[Hit]) -> dict[str, float]:
    """How strongly each hit answers the question by its structure (the row and column, the narrative subject,
    the reason clause or the definition it holds); hits that hold no answer are absent."""
    kind = intent(question)
    out: dict[str, float] = {}
    if kind in ("percent", "count", "change", "amount"):
        for c in candidates(question, hits):
            if c.cover >= MIN_COVER:
                out[c.hit.chunk.id] = max(out.get(c.hit.chunk.id, float("-inf")), c.score)
    elif kind == "reason":
        for score, _, h in reason_candidates(question, hits):
            out[h.chunk.id] = max(out.get(h.chunk.id, float("-inf")), score)
    elif kind == "definition":
        rx = definition_pattern(question, hits)
        for h in hits:
            if rx is not None and h.chunk.kind == "paragraph" and rx.search(halfwidth(h.chunk.text).strip()):
                out[h.chunk.id] = 100.0
    return out


def _corroborate(cands: list[_Candidate], bonus: float = 1.5) -> None:
    """A figure the narrative and a table both state is more likely the one asked for. (The same item repeated
    across tables says nothing: every table of a document repeats its 项 rows.)"""
    kinds: dict[float, set[str]] = {}
    for c in cands:
        kinds.setdefault(round(c.value, 2), set()).add(c.hit.chunk.kind)
    for c in cands:
        if {"row", "paragraph"} <= kinds[round(c.value, 2)]:
            c.score += bonus


def extractive(question: str, hits: list[Hit]) -> tuple[str, Hit | None, int]:
    """The sentence sharing the most bigrams with the question (less the unit's name), and how many it shares."""
    qb = _bigrams(_without_names(question, hits))
    best = ("", None, 0)
    # Sentences come from the narrative first; table rows only when no paragraph was retrieved.
    prose = [h for h in hits if h.chunk.kind == "paragraph"] or hits
    for rank, h in enumerate(prose):
        for s in SENTENCE.findall(h.chunk.text):
            shared = len(qb & _bigrams(s))
            if shared > best[2] or (shared == best[2] and best[1] is None):
                best = (s.strip(), h, shared)
    return best


_REASON_MARK = re.compile(r"主要原因|原因是|原因：|原因:|原因主要|由于|因为|是因")
_CLAUSE = re.compile(r"[^。！？；\n]+[。！？；]?")


def reason_candidates(question: str, hits: list[Hit]) -> list[tuple[float, str, Hit]]:
    """Clauses that give a reason (主要原因…/由于…) for what the question names, with the clause before them when
    the reason stands alone; scored by how well that names the question's subject."""
    q = _Query.of(re.sub(r"为什么|为何|的?主要原因是什么|的?原因是什么|什么原因", "", question), hits)
    direction = _rate_kind(question) if re.search(r"增|减|降|升|提高", question) else None
    out = []
    for rank, h in enumerate(hits):
        if h.chunk.kind != "paragraph":
            continue
        clauses = [m.group(0).strip() for m in _CLAUSE.finditer(h.chunk.text) if m.group(0).strip()]
        for i, clause in enumerate(clauses):
            mark = _REASON_MARK.search(clause)
            if not mark:
                continue
            about = clause[:mark.start()] or (clauses[i - 1] if i else "")
            lead = "" if clause[:mark.start()].strip("，, ") else (clauses[i - 1] if i else "")
            # The clause a reason follows is long and says much else: count what it says of the question only.
            own = _grams(_clean(_strip_entity(lead + about, h)))
            said = len(q.grams & own)
            if said < 2:
                continue
            # The paragraph's first clause often names the item the whole paragraph is about ("(二)公务接待费…").
            head = len(q.grams & (_grams(_clean(_strip_entity(clauses[0], h))) - own)) if i > 1 else 0
            score = 2.0 * said + 1.0 * head - 0.1 * rank
            if direction and _rate_kind(about) not in (None, direction):
                score -= 4.0
            out.append((score, lead + clause, h))
    return out


_DEFINED = r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])?\s*[“\"]?{term}[”\"]?\s*[：:]\s*(?:是)?指"


def _without_names(question: str, hits: list[Hit]) -> str:
    """The question as asked, less the names of the units the hits come from."""
    from qa.question import _core

    for entity in sorted({h.chunk.entity for h in hits if h.chunk.entity}, key=len, reverse=True):
        for piece in sorted([entity] + _core(entity), key=len, reverse=True):
            question = question.replace(piece, "")
    return question


def definition_pattern(question: str, hits: list[Hit]) -> re.Pattern | None:
    term = definition_term(_without_names(question, hits))
    return re.compile(_DEFINED.format(term=re.escape(term))) if term else None
