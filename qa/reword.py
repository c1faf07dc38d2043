"""A question asked in other words, asked again in the documents' own term (qa/vocab.py): the unit and year it
names are kept, the rest is replaced by the term of the named documents that a multilingual encoder finds nearest
to it (the term read with its definition, where the documents define it), or else that its words abbreviate or
whose definition they say. Used only when no row, column or sentence answers the question as asked."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.numbers import halfwidth
from qa.asked_again import asked_again
from qa.encoder_phrase import FUNDS, PART_ASKED, POINTERS, WHERE_FIRST, for_encoder, named_phrase, names_a_thing
from qa.given_name import by_given_name
from qa.question import CLASSED_OUT, POINTER, WHERE_WORD, intent, not_asked
from qa.models import Basis
from qa.nearest_term import encoded as _encoded
from qa.parts import without_summed_parts
from qa.item_scope import scope
from qa.kept import PLAIN, bridged, keeps_a_morpheme, keeps_a_word, kept_words
from qa.phrase import grams
from qa.scope import without_names
from qa.vocab import PUNCT, Vocabulary, money_stem, norm

if TYPE_CHECKING:
    from qa.retrieve import Retriever
    from qa.scope import Scope

MIN_LEXICAL = 1.0  # a definition that says at least half of the question's words, or a full abbreviation


def _says_run(words: str, term: str, run: int = 4) -> bool:
    """The term prints the words, or a run of `run` characters of them, or their two words or more of two characters
    in any order (储备粮油 left out: 粮油储备 is that thing)."""
    from index.entity import _words

    if words in term or any(words[i:i + run] in term for i in range(len(words) - run + 1)):
        return True
    named = [w for w in _words(words) if len(w) >= 2]
    return len(named) >= 2 and all(w in term for w in named[-2:])


# A fund's own name as a term (一般公共预算, 政府性基金预算财政拨款): the whole of what the fund pays, or receives.
FUND_TERM = re.compile(rf"(?:{FUNDS}|政府性基金)(?:财政拨款|拨款|资金|支出|收入)*")
_FUND_SAID = re.compile(rf"{FUNDS}|政府性基金|基金")
def fund_read_for_thing(phrase: str, term: str, terms: list[str]) -> bool:
    """The encoder reads the question as a fund's own term (政府性基金预算) while the question names, in a word the
    documents' terms use, something paid from it (政府性基金那摊钱里，花在置办固定资产上的: 固定资产): the fund's
    total is not the thing. (How the fund changed, 一下子少了二十多亿, names nothing.)"""
    if not FUND_TERM.fullmatch(term):
        return False
    from index.bm25 import segmenter

    words = {w for w in segmenter().cut(_FUND_SAID.sub(" ", phrase))
             if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w) and set(w) - PLAIN - POINTERS}
    return any(w in t for w in words for t in terms)


def subject_phrase(question: str, docs: dict[str, dict], sc: Scope) -> str:
    """What the question asks about, without its unit's names, its year and its asking words."""
    return named_phrase(without_names(question, docs, sc, years=True))


def _vocabulary(retriever: Retriever) -> Vocabulary:
    return retriever.vocabulary()


def _terms(vocab: Vocabulary, sc: Scope, retriever: Retriever) -> list[str]:
    """The terms a reworded question may use: those of the shared vocabulary (defined, or used by several
    documents) that the named documents use in a row or their narrative, or every shared term when the question
    names none."""
    shared = [t for t in vocab.terms if vocab.common(t)]
    if not sc.named:
        return shared
    docs = retriever.documents()
    ids = {cid for k in sc.keys if k in docs for cid in docs[k].get("chunk_ids") or []}
    chunks = retriever.chunks()
    used = vocab.terms_of(ids, chunks)
    # …or that their narrative says (a 2019 budget states its 会议费 in prose, not in a table row); a term another
    # document defines only when these print it somewhere (上年结转 defined elsewhere, 上年结余、结转 printed here)
    prose = "".join(c.text for cid in ids if (c := chunks.get(cid)) is not None and c.kind == "paragraph")
    printed = PUNCT.sub("", halfwidth("".join(c.text for cid in ids if (c := chunks.get(cid)) is not None)))
    return [t for t in shared if t in used or t in prose or (t in vocab.gloss and t in printed)]


def _kept_or_bridged(phrase: str, best: tuple[float, str, str], vocab: Vocabulary,
                     accounts: bool = True) -> tuple[bool, list[str]]:
    """Whether the term keeps a word of the phrase (not a broad one), else the phrase's words that bridge to it: by
    the term's own words, and (`accounts`) by what its definition or scope prints or the way in time both say."""
    kept = keeps_a_morpheme(phrase, best[1], best[0]) and not _broad(kept_words(phrase, best[1]), vocab)
    bridge = [] if kept else [w for w in bridged(phrase, best[1]) if not _broad(kept_words(w, w), vocab)]
    if not accounts:
        return kept, bridge
    if not kept and not bridge:
        # …or a word of the phrase that the term's own account prints (印文件、印资料: 印刷费 pays for 印刷、复印、
        # 装订资料), the documents' definition or the classification's scope, either of which the encoder read it by
        accounts = [a for a in (vocab.gloss.get(best[1]), scope(best[1])) if a]
        bridge = list(dict.fromkeys(w for a in accounts for w in vocab.said_by_definition(phrase, a)
                                    if set(w) - PLAIN and not _broad(kept_words(w, w), vocab)))
    if not kept and not bridge:
        # …or the way in time both say (往年没花完的钱: 上年结转): a carried-over amount named by the year it comes
        # from, in the asker's word for it
        bridge = [m.group() for way in (_BEFORE_YEAR, _NEXT_YEAR) if (m := way.search(phrase)) and way.search(best[1])]
    return kept, bridge


def not_remainders(terms: list[str], subject: str) -> list[str]:
    """The terms without the remainders (其他对个人和家庭的补助, 其他商品和服务支出: what is left once every named item
    is counted), unless the question says 其他: a question that describes something is about one of the named
    items, never the remainder (其余, 零星的, 归不进任何名目的 describe it)."""
    return terms if _REMAINDER.search(subject) else [t for t in terms if not t.startswith("其他")]


# The remainder described, not named: 其余, 零星的, 归不进任何具体名目的
_REMAINDER = re.compile(rf"其他|其它|其余|零星|零碎|杂项|{CLASSED_OUT}|不属于(?:任何|上述|前面)")


# Which way in time a carried-over amount goes: from the years before (上年结转, 年初结余) or into the next (结转下年,
# 年末结余). A question saying only one way is never read as a term saying the other.
# (…or into this year from before: 滚到今年, 挪到今年来花)
_BEFORE_YEAR = re.compile(r"上一?年|去年|往年|前些年|以前|以往|历年|年初|到(?:今|本|当)年")
_NEXT_YEAR = re.compile(r"下一?年|明年|来年|以后|年末|年底")


def other_way_in_time(subject: str, terms: list[str], earlier_year: bool = False) -> list[str]:
    """The terms without those going the other way in time than the question (往年剩下、挪到今年来花的 is no
    结转下年; nor is 2025年没花完 in a 2026 budget: `earlier_year`, the question names a year before the one its
    documents are of); all of them when it says both ways or neither."""
    before = earlier_year or bool(_BEFORE_YEAR.search(subject))
    after = bool(_NEXT_YEAR.search(subject))
    if before == after:
        return terms
    other = _NEXT_YEAR if before else _BEFORE_YEAR
    return [t for t in terms if not other.search(t)]


def _unqualified(phrase: str, best: tuple[float, str, str], terms: list[str]) -> tuple[float, str, str]:
    """The term without a qualifier the question does not say: 对企业补助(基本建设) is the part of 对企业补助 spent on
    building works; a question about the money given to firms asks the whole, 对企业补助, when the vocabulary has it."""
    term = best[1]

    def stem(t: str) -> str:  # (办公费 qualified as 办公设备购置: its stem 办公 begins the longer term)
        return re.sub(r"(?:费用|支出|费)$", "", t)

    def unsaid(t: str) -> bool:
        # the rest the term adds is said by no word of the question; past a shorter term's stem, by no meaningful
        # character either (添置 says 购置 of 办公设备购置: no 办公费 asked)
        rest = term[len(t):] if term.startswith(t) else term[len(stem(t)):]
        return not grams(rest) & grams(phrase) and (term.startswith(t) or not (set(rest) - PLAIN) & set(phrase))

    # (a term going on from the stem with 收入 or 支出 is that stem's income or spending, no qualified form of a
    # whole: 经营收入 is not 经营支出 said with a qualifier)
    plain = [t for t in terms if len(t) >= 3 and t != term and not _same(t, term) and len(stem(t)) >= 2
             and term.startswith(stem(t)) and not term[len(stem(t)):].startswith(("收入", "支出")) and unsaid(t)]
    if not plain:
        return best
    whole = max(plain, key=lambda t: len(stem(t)))
    return best[0], whole, f"{best[2]}（问题未说“{term[len(stem(whole)):]}”：读作“{whole}”）"


def _same(label: str, term: str) -> bool:
    """One item named with or without its trailing 支出/费 (对个人和家庭的补助 and 对个人和家庭的补助支出)."""
    short, long = sorted((label, term), key=len)
    return bool(short) and long.startswith(short) and long[len(short):] in ("", "支出", "费", "费用")


def members(term: str, sc: Scope, retriever: Retriever) -> list[str]:
    """The items coded under the term's row in the named documents (对个人和家庭的补助 303 → 退休费 30302, 生活补助
    30305…): empty when the term is no class there."""
    docs = retriever.documents()
    chunks = retriever.chunks()
    rows = [c for k in sc.keys if k in docs for cid in docs[k].get("chunk_ids") or []
            if (c := chunks.get(cid)) is not None and c.kind == "row" and c.code]
    codes = {(c.source, c.table, c.code) for c in rows if _same(norm(c.label or ""), term)}
    return list(dict.fromkeys(norm(c.label or "") for c in rows
                              if any(c.source == s and c.table == t and c.code != code and c.code.startswith(code)
                                     for s, t, code in codes)))


def _class_item(phrase: str, ties: list[str], sc: Scope, retriever: Retriever,
                vocab: Vocabulary) -> tuple[float, str, str] | None:
    """Two terms the encoder found equally near, one a class and the other an item coded under it in the named
    documents (对个人和家庭的补助 and 医疗费补助): read as the encoder's class term is (`_narrowed`), an item of it the
    question keeps a word of; None when the class itself is what it reads (a tie still)."""
    for whole, part in (ties, ties[::-1]) if len(ties) == 2 else ():
        if part in members(whole, sc, retriever):
            if _says_class(phrase, whole):
                return 0.0, whole, f"近义（“{whole}”与其中的“{part}”同样相近，问题说的是前者）"
            found = _narrowed(phrase, (0.0, whole, f"近义（“{whole}”与其中的“{part}”同样相近）"), sc, retriever, vocab)
            return found if found is not None and found[1] != whole else None
    return None


def _told_apart(phrase: str, ties: list[str], vocab: Vocabulary) -> tuple[float, str, str] | None:
    """Two terms the encoder found equally near, of which only one keeps a word of the question or shares a sense
    with one (招待…吃住的钱: 公务接待费 by 招待 and 接待, 差旅费 by nothing): that one is read; None when both or
    neither do (a tie still)."""
    # (by the term's own words: a definition says too much, 外地 of 差旅费's, to tell two terms apart)
    said = [t for t in ties if any(_kept_or_bridged(phrase, (0.0, t, ""), vocab, accounts=False))] \
        if len(ties) == 2 else []
    if len(said) != 1:
        return None
    other = ties[1] if said[0] == ties[0] else ties[0]
    return 0.0, said[0], f"近义（与“{other}”同样相近，只有前者说到问题的词）"


def _says_class(phrase: str, term: str) -> bool:
    """The phrase says the class term's own words, all but one of three or more (直接补到个人和家庭头上的钱 says 个人
    and 家庭 of 对个人和家庭的补助): the class is named, not one of its items described."""
    from index.bm25 import segmenter

    words = [w for w in segmenter().cut(money_stem(term)) if len(w) >= 2]  # (支出 of …补助支出: no word of the thing)
    said = sum(1 for w in words if w in phrase)
    return len(words) >= 3 and said >= len(words) - 1 or 0 < len(words) == said


_LISTS = re.compile(r"[\u4e00-\u9fff]{2,}、[\u4e00-\u9fff]{2,}")  # things listed one after another
_CLASS_ASKED = re.compile(r"[那这]一?大?类(?:的?钱|的?经费|支出)?\)?\s*$")


def _narrowed(phrase: str, best: tuple[float, str, str], sc: Scope, retriever: Retriever,
              vocab: Vocabulary) -> tuple[float, str, str] | None:
    """The encoder's nearest term is a class (its row has items coded under it): a question in everyday words
    describes one thing, so it reads the class's item nearest to it that keeps a word of the question, or nothing —
    the class's total sums things the question did not ask (发给退休人员的钱 is 退休费, not 对个人和家庭的补助)."""
    avoided = not_asked(phrase)  # (…之外的那一份: no item saying what the brackets leave out)
    items = not_remainders([t for t in members(best[1], sc, retriever)
                            if t and not any(_says_run(a, t) for a in avoided)], phrase)
    if not items or len(_named_members(phrase, items)) >= 2 or _CLASS_ASKED.search(phrase) or _LISTS.search(phrase) \
            or _says_class(phrase, best[1]):
        # (发工资奖金、交社保和公积金的那一大类: the class described by several of its items, named or listed — 买办公用品、
        # 交水电、出差这类; 主要是离退休费那类: the class an item is the main part of; or named in its own words)
        return best
    found = _encoded(for_encoder(phrase), items, vocab)
    if found is None or not keeps_a_word(phrase, found[1]):
        return None  # among look-alike siblings only a word of the question tells the item (退休人员 → 退休费)
    return found[0], found[1], f"{best[2]}，其中{found[2]}"


def _named_members(phrase: str, items: list[str]) -> set[int]:
    """The things the phrase lists (parts between 、 和 及 与 or commas) that items of a class say, by a
    two-character word each: 发工资奖金、交社保和公积金 lists three, of which 基本工资, 奖金 and 住房公积金 say two; 海洋管理
    is one thing, whichever items say 海洋 or 管理."""
    parts = [p for p in re.split(r"[、，,和及与\s]", phrase) if p]
    return {i for i, part in enumerate(parts) for t in items if keeps_a_word(part, t)}


# A word this share of the documents' terms print (业务, 管理, 服务, 支出) names a kind of thing, not the thing: a term
# that keeps only such words of the question keeps nothing of it. Read off one case, so said plainly: over the city
# store's 3000 terms 业务 is in 5.4 %, 管理 11.8 %, 服务 6.6 %, while 办公 (3.1 %) and 企业 (2.0 %) stay words of a thing.
BROAD = 0.05
MIN_TERMS = 200  # below this many terms, how many print a word tells nothing: none is broad


def _broad(words: set[str], vocab: Vocabulary) -> bool:
    """Every one of the two-character words is broad (see BROAD); none given, none is."""
    terms = vocab.terms
    return bool(words) and len(terms) >= MIN_TERMS and all(sum(w in t for t in terms) > BROAD * len(terms)
                                                           for w in words)


# …with or without the clause mark after it; or a clause that asks which part of it (财政拨款，有多少是没花完的)
_LOOKED_IN_ANY = re.compile(WHERE_WORD + r"([，,：:]?)|[，,]\s*有?多少(?:钱)?是")


def _past_where(subject: str, vocab: Vocabulary) -> str:
    """The subject after the clauses that say where to look (一般公共预算里，机关商品和服务支出中，…): each names a
    column or term of the documents (less its year and a word or two: 2022年的预算收入). A clause naming no such
    thing ("公路水路运输"下面的各个科目中，) is part of what is asked."""
    known = vocab.columns | set(vocab.terms)

    def names_a_place(clause: str) -> bool:
        # (pointed at in the asker's words, 政府性基金那摊钱: the fund it points at)
        clause = re.sub(rf"(?:{POINTER.pattern})(?:钱|资金|经费)?$", "", clause.strip(" ，,"))
        t = norm(re.sub(r"20\d\d\s*年度?|的", "", clause)).strip(" ，,")
        # (or in brackets, saying the same in the documents' words: 日常经费（基本支出）里)
        said = [t, *map(norm, re.findall(r"[(（]([^()（）]+)[)）]\s*$", clause))]
        # (…or a fund of the documents with the asker's own word for a part of it: 一般公共预算的日常经费)
        fund, of, own = clause.strip(" ，,").partition("的")
        # (…or the money of a thing the documents name, said after what it pays: 给职工交住房公积金的钱里，有多少是
        # 事业单位经营收入出的: the row, its source asked)
        money_of = t[:-1] if re.search(r"的钱$", clause.strip(" ，,")) else ""
        return any(len(x) - i >= 2 and x[i:] in known for x in said for i in range(3)) or \
            len(t) >= 4 and any(t in title for title in vocab.tables) or \
            bool(of) and bool(re.fullmatch(FUNDS, norm(fund))) and 2 <= len(own) <= 4 or \
            bool(money_of) and any(len(k) >= 4 and money_of.endswith(k) for k in vocab.terms)

    start = 0
    for mark in _LOOKED_IN_ANY.finditer(subject):
        # the where is the clause before 里 / 中 (下面那支队伍，2019年一般公共预算里花在…: 一般公共预算)
        clause = re.split(r"[，,]", subject[start:mark.start()])[-1]
        if not (names_a_place(clause) or WHERE_FIRST.fullmatch(clause.strip() + "里")):
            if mark.group(1):
                break  # (a 中 inside a word, 中小企业, ends nothing: read on)
            continue
        start = mark.end()
    # (a where said after the thing, 给获奖的人发奖，预算里留了多少钱: nothing of the thing follows it)
    return subject[start:] if len(set(named_phrase(subject[start:])) - PLAIN) >= 2 else subject


def _subject(question: str, sc: Scope, retriever: Retriever) -> tuple[str, str]:
    """The question without the units' names and the parts it adds up, and its words after where it says to look."""
    vocab = _vocabulary(retriever)
    subject = without_summed_parts(without_names(question, retriever.documents(), sc), vocab.columns)
    # the thing asked, after where to look (一般公共预算里，…): the fund's words are no words of the thing
    return subject, _past_where(subject, vocab)


def asked_as(question: str, sc: Scope, retriever: Retriever, term: str) -> str:
    """The question asked again in the term (one of two the encoder found equally near, read each in turn)."""
    return asked_again(question, sc, retriever, term, *_subject(question, sc, retriever))


def reword(question: str, sc: Scope, retriever: Retriever) -> tuple[str, list[Basis]] | None:
    """The question asked again in the documents' term, with the term's basis; None when no term reads it."""
    return reading(question, sc, retriever)[0]


def reading(question: str, sc: Scope, retriever: Retriever) -> tuple[tuple[str, list[Basis]] | None, list[str]]:
    """`reword`'s result, and the two terms the encoder found equally near when that is why there is none (a decline
    names them); else no terms."""
    ties: list[str] = []
    docs = retriever.documents()
    vocab = _vocabulary(retriever)
    subject, past = _subject(question, sc, retriever)
    phrase = named_phrase(past) or named_phrase(subject)
    if past != subject and not names_a_thing([PART_ASKED.sub(" ", phrase)]):
        phrase = named_phrase(subject)  # (…的钱里，通过项目安排的部分: the part of the thing, said after it, is no thing)
    terms = _terms(vocab, sc, retriever)
    # (a year named before the latest one asked, unless a change from it is asked: the money of the years before)
    earlier = len(sc.years) >= 2 and intent(question) != "change"
    terms = other_way_in_time(subject, not_remainders(terms, subject), earlier)
    if not phrase or not terms:
        return None, []
    best = by_given_name(phrase, terms, vocab)
    if best is None:
        # (补充养老金（基本养老保险之外的那一份）, 不是事业收入的那块: no term saying 基本养老保险, 事业收入)
        # (…or left out in a clause before the thing: 养老、医疗保险和年金以外，其余那点社保费)
        avoided = list(dict.fromkeys(not_asked(phrase) + not_asked(subject)))
        best = _encoded(for_encoder(phrase), [t for t in terms if not any(_says_run(a, t) for a in avoided)], vocab,
                        ties)
        if best is None and sc.named and (item := _class_item(phrase, ties, sc, retriever, vocab)) is not None:
            best, ties = item, []
        if best is None and (told := _told_apart(phrase, ties, vocab)) is not None:
            best, ties = told, []
    if best is not None and fund_read_for_thing(phrase, best[1], vocab.terms):
        return None, []
    if best is not None and FUND_TERM.fullmatch(best[1]) and names_a_thing([rest := FUND_TERM.sub(" ", phrase)]):
        # the fund is where the thing is paid from (一般公共预算给开会…): the thing is read alone, or not at all
        best = _encoded(for_encoder(rest.strip()), [t for t in terms if not FUND_TERM.fullmatch(t)], vocab, ties)
    if best is not None:
        best = _unqualified(phrase, best, terms)
    kept, bridge = _kept_or_bridged(phrase, best, vocab) if best is not None else (False, [])
    if bridge:
        best = (best[0], best[1], f"{best[2]}（{'、'.join(bridge)}与之释义相同）")
    if (kept or bridge) and sc.named:
        best = _narrowed(phrase, best, sc, retriever, vocab)
    elif not kept and not bridge:
        # (a term the unit's own name holds is the unit said in short: 科技 of 科技大市场, asked of 西安科技局, abbreviates
        # 科学技术 of 西安市科学技术局, and read as a quantity it is the unit's whole row)
        names = [docs[k].get("name") or docs[k].get("entity") or "" for k in sc.keys if k in docs]
        allowed = {t for t in terms if not any(len(t) >= 2 and t in n for n in names)}
        # an abbreviation ("X→term") keeps two characters at least: one shared character is no reading (外出
        # abbreviates no 外交支出); a definition that says the question's words is read as before
        found = [f for f in vocab.lexical(subject) if f[1] in allowed and
                 keeps_a_morpheme(phrase, f[1], 0.0 if "→" in f[2] else 1.0)]
        best = found[0] if found and found[0][0] >= MIN_LEXICAL else None
    if best is None:
        return None, ties
    _, term, why = best
    return (asked_again(question, sc, retriever, term, subject, past), [Basis(part="term", text=term, words=[why])]), []


# How many more of the question's words the reworded term must say than an item's sentence holding a rare word of it
# (one more is a coincidence of wording; the case that set it: four against one).
TERM_MARGIN = 2


def term_says_more(question: str, sc: Scope, retriever: Retriever, sentence: str,
                   mapped: tuple[str, list[Basis]] | None) -> bool:
    """The documents' term the question rewords to says TERM_MARGIN more of its words than the sentence of the item
    holding its rare word (买软件、更新信息系统和网络设备: 信息网络及软件购置更新 says four, a sentence about 办公网络设备
    one): the item shares a word, the term is the thing. `mapped`: the question's rewording (`reword`)."""
    from index.bm25 import segmenter

    if mapped is None:
        return False
    words = [w for w in dict.fromkeys(segmenter().cut(subject_phrase(question, retriever.documents(), sc)))
             if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    term = mapped[1][0].text
    return (sum(keeps_a_word(w, term) for w in words)
            >= sum(keeps_a_word(w, sentence) for w in words) + TERM_MARGIN)
