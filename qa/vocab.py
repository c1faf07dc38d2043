"""The documents' own vocabulary, to read a question asked in other words: every row label of every table and
every term the 名词解释 define (with its definition). A colloquial phrase is mapped to the document term that
(a) it abbreviates — its characters are the term's, in order, from the first (公车 → 公务用车运行维护费);
(b) whose definition says it (出国、接待和公车 → "三公"经费, defined as 因公出国(境)费、公务用车…和公务接待费);
(c) an encoder places nearest to it (dense similarity between the phrase and the term with its definition).
Nothing here lists words of any question: the terms and definitions come from the store."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import numpy as np

from index.numbers import halfwidth

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|其中[：:])\s*")
PUNCT = re.compile(r"[“”\"'‘’（）()、，,。：:；;？?！!\s\[\]【】《》]")
# (指 that means "refers to", not the first character of a verb: …工作，指导… and …，指定… list duties, define nothing)
_DEFINED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])?\s*"
                      r"([^：:，,。]{2,24}?)\s*[：:，,]\s*(?:是)?指(?![导定出挥标引示令南])(.+?)(?:[。；]|$)")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
# Words of a question that ask, or name a document, a year or a sum of money: no term is mapped from them.
_FUNCTION = re.compile(r"[这那几每各该其此][\u4e00-\u9fff]?|加起来|起来|一共|总共|多少|大概|大约|请问|什么|哪些|哪个|"
                       r"[一二两三四五六七八九十]+[个项辆台次年]|准备|打算|用来|用于|需要|可以|应该")
_ASKING = re.compile(r"多少钱|多少|是多少|一共|总共|大概|大约|请问|今年|明年|去年|预算|决算|安排|花|用|钱|费用|"
                     r"给|了|的|是|有|在|为|要|呢|吗|个|年|一|年度")


# A table's title read as a row label (表3, 财政拨款三公经费支出情况表, …绩效目标表（一级项目）): no quantity's name,
# nor an item's (qa/items.py).
TITLE = re.compile(r"^表\d+$|(?:目标|情况|明细|总|预算|决算|支出|收入|绩效|经费|资金|项目|统计|一览)表(?:[一二]级项目|\d*)$")

COMMON = 3  # documents using a term as a row label that make it the shared vocabulary's, not one unit's name
COMMON_IN_DEFINITIONS = 0.1  # share of the documents' definitions a word may appear in and still tell them apart


def norm(label: str) -> str:
    t = _NUMBERING.sub("", halfwidth(label or "").strip())
    t = re.sub(r"^\d{3,7}\s*", "", t)
    t = re.sub(r"^[—\-－_.．\d\s]+", "", t)  # dashes and stray numbers before a label (——工资福利支出, 1公务…)
    return PUNCT.sub("", t)


# Two terms one of which holds the other and a character or two more (费, 费用, 支出) are wordings of one quantity.
WORDING = 2


_MONEY_END = re.compile(r"(?:费用|经费|支出|资金|费)$")


def money_stem(term: str) -> str:
    """The term without the money word that ends it (培训费, 培训支出: 培训; 经营收入资金: 经营收入)."""
    return _MONEY_END.sub("", norm(term))


def wordings(a: str, b: str) -> bool:
    """Whether two terms are wordings of one quantity (因公出国（境）费用 and 因公出国（境）费; 培训费 and 培训支出, one
    stem); 公务用车购置及运行维护费, which holds 公务用车购置 and more, is another term."""
    short, long = sorted((norm(a), norm(b)), key=len)
    if short.replace("的", "") == long.replace("的", ""):
        return True  # (对个人和家庭补助, with or without its 的)
    if len(money_stem(short)) >= 2 and money_stem(short) == money_stem(long):
        return True
    return bool(short) and short in long and len(long) - len(short) <= WORDING


@dataclass
class Vocabulary:
    terms: list[str] = field(default_factory=list)
    gloss: dict[str, str] = field(default_factory=dict)  # term -> its definition, when the documents define it
    sources: dict[str, int] = field(default_factory=dict)  # term -> how many documents use it
    columns: set[str] = field(default_factory=set)  # column names (each part of a header path): 基本支出, 项目支出…
    tables: set[str] = field(default_factory=set)  # table titles (2026年政府采购预算明细表…), as where to look
    _vectors: np.ndarray | None = None

    @classmethod
    def of(cls, chunks) -> "Vocabulary":
        seen: dict[str, None] = {}
        gloss: dict[str, str] = {}
        used: dict[str, set[str]] = {}
        columns: set[str] = set()
        tables: set[str] = set()
        for c in chunks:
            if c.kind == "table" and c.table:
                tables.add(norm(c.table))
            if c.kind == "row":
                columns.update(f.get("column") or "" for f in c.facts or ())  # raw paths: few distinct ones
            if c.kind == "row" and c.label:
                t = norm(c.label)
                if 2 <= len(t) <= 24 and _CJK.search(t) and t not in ("合计", "总计", "小计") and \
                        not TITLE.search(t) and not (len(t) >= 6 and t in norm(c.table or "")):
                    seen.setdefault(t, None)
                    used.setdefault(t, set()).add(c.source)
            elif c.kind == "paragraph":
                for sentence in re.split(r"(?<=[。；])", halfwidth(c.text)):
                    m = _DEFINED.match(sentence.strip())
                    if m:
                        # (the level of the classification it is, 中小企业发展专项（项）: no part of its name)
                        t = norm(re.sub(r"[（(][类款项目][）)]\s*$", "", m.group(1)))
                        if 2 <= len(t) <= 20 and t not in gloss:
                            gloss[t] = m.group(2)
                            seen.setdefault(t, None)
        columns = {norm(p) for path in columns for p in path.split("/")}
        columns = {p for p in columns if 2 <= len(p) <= 24 and _CJK.search(p) and not re.search(r"\d", p)}
        return cls(list(seen), gloss, {t: len(s) for t, s in used.items()}, columns, tables)

    def to_json(self) -> dict:
        return {"terms": self.terms, "gloss": self.gloss, "sources": self.sources, "columns": sorted(self.columns),
                "tables": sorted(self.tables)}

    @classmethod
    def from_json(cls, data: dict) -> "Vocabulary":
        return cls(list(data["terms"]), dict(data["gloss"]), dict(data["sources"]), set(data["columns"]),
                   set(data["tables"]))

    @functools.cached_property
    def row_labels(self) -> set[str]:
        """The terms several documents print as row labels (会议费: a row of 59 documents' tables)."""
        return {t for t, n in self.sources.items() if n >= COMMON}

    def common(self, term: str, least: int = COMMON) -> bool:
        """A term of the shared vocabulary (defined, or used by several documents), not one unit's project name."""
        return term in self.gloss or self.sources.get(term, 0) >= least

    def terms_of(self, ids: set[str], chunks: dict) -> set[str]:
        """The terms the given chunks use (row labels of some documents)."""
        out = set()
        for cid in ids:
            c = chunks.get(cid)
            if c is not None and c.kind == "row" and c.label:
                t = norm(c.label)
                if t in self._index:
                    out.add(t)
        return out

    @property
    def _index(self) -> set[str]:
        return set(self.terms)

    # -- (a) and (b): lexical ------------------------------------------------------------------------------
    @staticmethod
    def _words(text: str) -> list[str]:
        """The question's own words that could name a quantity: its Chinese words (jieba), without asking and
        function words."""
        from index.entity import _words

        out = []
        for run in _CJK.findall(_ASKING.sub(" ", halfwidth(text))):
            out += [w for w in _words(run) if len(w) >= 2 and not _FUNCTION.fullmatch(w)]
        return out

    @staticmethod
    def _said(word: str, text: str) -> bool:
        """The text says the word: whole, or its characters in order within a few characters (公车 in 公务用车)."""
        if word in text:
            return True
        at = text.find(word[0])
        while at >= 0:
            rest = iter(text[at:at + 3 * len(word)])
            if all(ch in rest for ch in word):
                return True
            at = text.find(word[0], at + 1)
        return False

    @staticmethod
    def _abbreviates(word: str, term: str) -> float:
        """How well a short word abbreviates a term: one character from each of the term's first words, in order
        (公车 → 公务|用车|…); the share of the term's words it covers (0: not an abbreviation)."""
        if len(word) < 2 or word in term or word[0] != term[0]:
            return 0.0
        from index.entity import _words

        parts = [w[i:i + 2] if len(w) % 2 == 0 and len(w) >= 4 else w
                 for w in _words(term) for i in (range(0, len(w), 2) if len(w) % 2 == 0 and len(w) >= 4 else [0])]
        if len(parts) < len(word):
            return 0.0
        if all(ch in part for ch, part in zip(word, parts)):
            return len(word) / len(parts)
        return 0.0

    def _telling(self, words: list[str]) -> list[str]:
        """The words few definitions say: a word most of them say (基本, 支出) tells no definition apart, it never
        makes one "say" the question."""
        glosses = list(self.gloss.values())
        return [w for w in words if sum(self._said(w, g) for g in glosses) <= COMMON_IN_DEFINITIONS * len(glosses)]

    def said_by_definition(self, text: str, definition: str) -> list[str]:
        """The text's telling words that a definition prints whole (印资料: 资料 of 印刷、复印、装订资料…)."""
        return [w for w in self._telling(self._words(text)) if w in definition]

    def lexical(self, text: str) -> list[tuple[float, str, str]]:
        """(score, term, why) of terms the text abbreviates (公车 → 公务用车…) or whose definition says its telling
        words, one of them said by the term's own name too (退休、离休 of 离退休's definition). A definition saying the
        words alone lists what a class holds (公用经费: …设施、设备…), and a question describing one of those things
        asks that thing, not the class (on the real sets such readings were right once in eight)."""
        words = self._words(text)
        telling = self._telling(words)
        out = []
        for term in self.terms:
            if any(term in w for w in words):
                continue  # said already: nothing to map
            abbrev = [(self._abbreviates(w[s:s + n], term), w[s:s + n]) for w in words
                      for n in range(2, min(len(w), 4) + 1) for s in range(len(w) - n + 1)]
            score, why = 0.0, ""
            best = max(abbrev, default=(0.0, ""))
            if best[0] > 0:
                score, why = best[0], f"{best[1]}→{term}"
            definition = self.gloss.get(term)
            if definition and len(words) >= 2:
                said = [w for w in telling if self._said(w, definition)]
                share = len(said) / len(words)
                if len(said) >= 2 and share >= 0.5 and 2 * share > score and any(self._said(w, term) for w in said):
                    score, why = 2.0 * share, f"{term}的定义说了{'、'.join(said)}"
            if score:
                out.append((score, term, why))
        return sorted(out, reverse=True)

    # -- (c): dense ----------------------------------------------------------------------------------------
    def dense(self, text: str, encoder, k: int = 3) -> list[tuple[float, str, str]]:
        from index.embed import encode

        if not self.terms:
            return []
        if self._vectors is None:
            self._vectors = encode(encoder, [t + ("：" + self.gloss[t] if t in self.gloss else "")
                                             for t in self.terms])
        q = encode(encoder, [" ".join(self._words(text)) or text])[0]
        sims = self._vectors @ q
        top = np.argsort(-sims)[:k]
        return [(float(sims[i]), self.terms[i], f"近义（{sims[i]:.2f}）→{self.terms[i]}") for i in top]
