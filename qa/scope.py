"""Which documents of a store a question is about: the unit it names (by full name, short name, name without the
place, abbreviation: the aliases the manifest derived from each document), the place and the year; and what it
names that the store does not hold (another unit, another city, another year), so that the answer can say so
instead of answering from a look-alike."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from index.entity import ORG_SUFFIX, clean_name, describe, in_order, place_of, split_name
from index.numbers import halfwidth
from qa.gloss import is_place
from qa.question import OUT_BEFORE

_YEAR = re.compile(r"(20\d{2})\s*年")
# A year that dates something else than the document: a comparison base (比2025年), a date (截至2025年10月), the
# end of a year (2021年底: what a 2022 budget states of the units it opens with).
_OTHER_YEAR = re.compile(r"(?:比|较|与|同|截至|截止|至|到|上)\s*(20\d{2})\s*年|"
                         r"(20\d{2})\s*年\s*(?:\d{1,2}\s*月|年?底|年?末)")
# A unit named in a question: a few characters ending in a word that only names organisations.
_STRONG = ("委员会", "办公厅", "办公室", "办事处", "局", "委", "厅", "署", "街道", "政府")
_ORG = re.compile(r"(?:中共)?[\u4e00-\u9fff]{2,16}?(?:" + "|".join(_STRONG) + ")(?![\u4e00-\u9fff]{0,1}(?:员|会议|务))")
# A place named in a question: a city word at the start or after a year, punctuation or a conjunction.
_NOT_PLACE = re.compile(r"[全本各该上下年月和与及的在开比较城门超地三两几]")
_JOINS = "年的在和与及、是"
# Words that say "every unit" (of a place): the question is about all of them.
_ALL = re.compile(r"各(?:个)?(?:部门|单位)|所有(?:的)?(?:部门|单位)|全部(?:部门|单位)|哪(?:个|些|一个|家)(?:部门|单位)|"
                  r"(?:部门|单位)中|各部门|\b(?:all|every|which)\b.{0,20}?(?:department|unit|bureau|agenc)", re.I)
# Units counted, not named (十个分局, 三家管理局, 个分局 of 十个分局): how many, of a kind.
_COUNTED = re.compile(r"^[一二两三四五六七八九十百几多\d]*[个家所座]")
_BUDGET_ASKED = re.compile(r"(?<!一般公共)(?<!政府性基金)(?<!国有资本经营)预算")  # (一般公共预算 names a fund)
_WHOLE_ASKED = re.compile(r"汇总|整个部门|全部门|部门整体")  # the whole department asked, its units with it
# A district or county named by its own name (龙岗区, 大鹏新区, 蓝田县), not a word that ends in 区 (社区, 辖区, 园区).
_DISTRICT = re.compile(r"(?![全本各该辖社园景片城市山库校小灾矿林牧新])[\u4e00-\u9fff]{2,3}?(?:新区|区|县)")


@dataclass
class Scope:
    keys: set[str]  # documents the question is about (all of the store when it names none)
    named: dict[str, str] = field(default_factory=dict)  # manifest key -> the alias the question said
    unknown: list[str] = field(default_factory=list)  # units or places the question names that no document is about
    years: list[int] = field(default_factory=list)  # years asked
    held: list[int] = field(default_factory=list)  # years the named units' documents are of, when none asked is held
    every: bool = False  # "各部门 / 哪个部门": every document of the place(s) named

    @property
    def missing(self) -> bool:
        """The question is about something the store does not hold."""
        return bool(self.unknown) or bool(self.held)


def said_with_own_office(question: str, said: str) -> bool:
    """The unit, as the question says it, is followed by 本级 (深圳工务署本级, X（本级）): its own office is asked."""
    return bool(said) and bool(re.search(re.escape(said) + r"\s*[（(]?\s*本级", halfwidth(question)))


def shown_name(key: str, docs: dict[str, dict]) -> str:
    """The unit's name as an answer's row shows it: with （本级） when the store prints the same unit as a department
    too (the two rows, and their citations, are then never one)."""
    name = docs[key].get("name") or docs[key].get("entity") or key
    twin = any(k != key and (d.get("name") or d.get("entity")) == name and d.get("scope") != "本级"
               for k, d in docs.items())
    return f"{name}（本级）" if twin and docs[key].get("scope") == "本级" else name


def own_office_asked(question: str, sc: Scope, docs: dict[str, dict]) -> bool:
    """The question asks a department's own office (深圳工务署本级, X（本级）) of which the store holds the
    department's document (汇总) only."""
    return bool(sc.named) and all(docs[k].get("scope") == "汇总" for k in sc.keys if k in docs) and any(
        said_with_own_office(question, said) for said in sc.named.values())


def entry(doc: dict) -> dict:
    """A manifest entry's account of its unit, derived now when the store predates it (or when its name was
    recorded with a header word that the naming rules now leave out); a stored entry also gets the aliases today's
    naming rules give its name (a store ingested before 市府办 was one answers to it without a re-ingest)."""
    if doc.get("aliases") and clean_name(doc.get("name"))[0] == (doc.get("name") or ""):
        derived = _described(doc.get("entity"), doc.get("title") or "")["aliases"]
        return doc if set(derived) <= set(doc["aliases"]) else {**doc, "aliases": sorted({*doc["aliases"], *derived})}
    return {**doc, **_described(doc.get("entity"), doc.get("title") or "")}


@functools.lru_cache(maxsize=4096)
def _described(entity: str | None, title: str) -> dict:
    return describe(entity, title)


def _spans(q: str, alias: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while True:
        at = q.find(alias, start)
        if at < 0:
            return out
        out.append((at, at + len(alias)))
        start = at + 1


def _abbreviated(name: str, described: dict[str, dict], places: set[str]) -> set[str]:
    """深圳工务署 for 深圳市建筑工务署, 西安审批局 for 西安市行政审批服务局: a unit said by some of its name's
    characters, in order, ending in its kind, read as that unit when it is the only one of its place (or of the
    store, when no place is said) whose name holds them so; several such units, or none, and it names none."""
    place = next((p for p in sorted(places, key=len, reverse=True) if name.startswith(p)), "")
    rest = re.sub(r"^[市省县区]", "", name[len(place):])
    if len(rest) < 3:
        return set()
    found: dict[str, set[str]] = {}
    for k, d in described.items():
        unit = d.get("name") or ""
        body = place_of(unit)[1]
        if body.startswith(rest) and len(body) > len(rest):
            continue  # the whole name of its parent (市场监督管理局 of 市场监督管理局深汕监管局), not its abbreviation
        if (not place or d.get("place") == place) and body and body[-1] == rest[-1] and \
                any(in_order(rest, b) for b in _either_order(body)):
            found.setdefault(unit, set()).add(k)
    return next(iter(found.values())) if len(found) == 1 else set()


def _either_order(body: str) -> list[str]:
    """The name, and its two fields joined by 和 said the other way round: cities name one bureau 自然资源和规划局 or
    规划和自然资源局, and its short name (规资局) follows the order its own city says."""
    m = re.fullmatch(r"([\u4e00-\u9fff]{2,8})和([\u4e00-\u9fff]{2,8}?)([局委办厅署部处院会站中心]+)", body)
    return [body] + ([f"{m.group(2)}和{m.group(1)}{m.group(3)}"] if m else [])


def _any_of(words: set[str]) -> str:
    """A regex alternation of the words, the longest first (深圳市 before 深圳)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _said_before(text: str, places: set[str]) -> str:
    """The word said just before a name: after the last place, 市, year, comma or joining word."""
    return re.split(r"[，,。、？?的在和与及年市省那这]" + (f"|{_any_of(places)}" if places else ""), text)[-1]


def _placed_alone(q: str, span: tuple[int, int], aliases: list[str], places: set[str]) -> bool:
    """The name at `span` says its place, and that place ends no list of places (深圳、西安、重庆市政府办公厅 names each
    city's office; 重庆市委宣传部、深圳市气象局 names 重庆's 宣传部 only)."""
    if not any(p in a for a in aliases for p in places):
        return False
    return not re.search(r"(?:" + _any_of(places) + r")[、，,和与及]$", q[:span[0]])


# (the words a question leaves a thing out with, qa.question.OUT_BEFORE, said just before a unit's name)
_NEGATED = re.compile(rf"(?:{OUT_BEFORE}|并非|而非|除)$")


def scope(question: str, docs: dict[str, dict]) -> Scope:
    q = re.sub(r"\s+", "", halfwidth(question))
    dated = {int(a or b) for a, b in _OTHER_YEAR.findall(q)}
    years = sorted({int(y) for y in _YEAR.findall(q)} - dated)
    described = {k: entry(d) for k, d in docs.items()}
    places = {d.get("place") for d in described.values() if d.get("place")}
    said_places = {p for p in places if p in q}
    # The longest alias of each document the question says.
    best: dict[str, tuple[int, str, tuple[int, int]]] = {}
    # Several places said ("深圳、西安、重庆三地市政府办公厅"): the names are also read with the places taken out
    # (same length, so spans keep their places), for the units of those places.
    texts = [(q, set(described))]
    if len(said_places) >= 2:
        plain = q
        for p in said_places:
            plain = plain.replace(p, "\u3000" * len(p))
        texts.append((plain, {k for k, d in described.items() if d.get("place") in said_places}))
    for text, keys in texts:
        for k in keys:
            for alias in described[k].get("aliases", []):
                if len(alias) < 2 or (best.get(k) and len(alias) <= best[k][0]):
                    continue
                spans = _spans(text, alias)
                if spans:
                    best[k] = (len(alias), alias, spans[0])
    for k, d in described.items():
        # A unit under a parent named in a list of its siblings (大鹏、宝安、盐田三个管理局): its own part, with its
        # kind said after the list.
        stem, kind = d.get("stem"), d.get("kind_word")
        at = q.find(stem) if stem and k not in best else -1
        if at >= 0 and kind in q[at:at + 24]:
            best[k] = (len(stem), stem, (at, at + len(stem)))
    # A place the question says rules out the documents of other places.
    if said_places:
        best = {k: v for k, v in best.items() if described[k].get("place") in said_places}
    covered = [v[2] for v in best.values()]
    out = Scope(keys=set(docs), years=years)
    # Units named: the document(s) with the longest alias per span of the question (深圳市气象局 beats 气象局).
    by_span: dict[tuple[int, int], list[str]] = {}
    for k, (n, alias, span) in best.items():
        by_span.setdefault(span, []).append(k)
    chosen: set[str] = set()
    spans = sorted(by_span, key=lambda s: (s[0], -(s[1] - s[0])))
    for s in spans:
        mine = {described[k].get("place") for k in by_span[s]}
        # the alias says no place, and the question none of its units' (深圳、西安、重庆市政府办公厅 says them)
        bare = not any(p and p in best[k][1] for k in by_span[s] for p in places) and not mine & said_places
        if any(o != s and o[0] <= s[0] and s[1] <= o[1] and (bare or mine & {described[k].get("place")
                                                                              for k in by_span[o]} or
                                                             _placed_alone(q, o, [best[k][1] for k in by_span[o]],
                                                                           places))
               for o in by_span):
            continue  # inside a longer name of the same place (气象局 in 深圳市气象局), or of any when it says none
            # (重庆's 规资局 in 深圳's 盐田规资局), or inside a name that says its own place (宣传部 of 重庆市委宣传部 is
            # not 深圳's, though the question says 深圳 elsewhere)
        chosen |= set(by_span[s])
    # A unit the question says it does not mean, beside one it does (深圳公安局本级（不是交警局）): not asked.
    negated = {k for k in chosen if _NEGATED.search(q[:best[k][2][0]])}
    if chosen - negated:
        chosen -= negated
    # A district or county said just before the name (深圳市龙岗区民政局) makes it that district's body, not the
    # city's look-alike, unless the document's own name says that district (宝安管理局 of 宝安区).
    unknown = []
    for k in sorted(chosen):
        said = _said_before(q[:best[k][2][0]], places)
        own = " ".join([described[k].get("name") or "", *(described[k].get("aliases") or [])])
        if _DISTRICT.fullmatch(said) and re.sub(r"新?区$|县$", "", said) not in own:
            chosen.discard(k)
            unknown.append(said + best[k][1])
    out.named = {k: best[k][1] for k in chosen}
    # Units the question names that no document is about.
    names = [n for k in chosen for n in [described[k].get("name") or ""] + list(described[k].get("aliases") or [])]
    text = re.sub(r"部门|单位|各|哪|每|所有", "，", q)
    # (a 院, 中心, 站, 所 or 队 names a unit only with a place of the store before it: alone, 中心 and 院 are
    # words of projects and items: 指挥中心运行, 医院)
    placed = re.compile(r"(?:" + _any_of(places) + r")市?(?:(?!的)[\u4e00-\u9fff]){2,14}?"
                        r"(?:研究院|设计院|医院|学院|中心|站|所|队|馆|学校|(?<!平)台)(?![\u4e00-\u9fff]{0,1}(?:员|务|建设|运行))") if places else None
    found = [*_ORG.finditer(text), *(placed.finditer(text) if placed else [])]
    for m in found:
        a, b = m.span()
        if any(not (b <= s or a >= e) for s, e in covered):
            continue
        name = m.group(0)
        # (给政府起草文稿: what follows 给/向/为 is who a thing is for, named by the question's own unit)
        name = re.sub(r"^.*?(?:年度?|的|是|和|与|及|、|请问|比较|对比|在)", "", name)
        name = re.sub(r"^(?:给|向|为|替|帮)", "", name)
        # (…keeping the place said before the cut: 西安市城市管理和综合执法局 is cut at its 和, and 综合执法局 alone would
        # read as another city's look-alike)
        lead = next((p for p in sorted(places, key=len, reverse=True) if m.group(0).startswith(p)), "")
        if lead and name != m.group(0) and not any(name.startswith(p) for p in places):
            name = lead + name
        if len(name) < 3 or name in ORG_SUFFIX or any(name in n for n in names) or _COUNTED.match(name):
            continue
        place, rank, _ = split_name(name)
        if rank == "市" and place and place[0] not in places and not is_place(place[0]):
            continue  # (完成市政府值班工作: 完成 is no city; a city the store lacks is one the dictionary knows)
        # a second unit said with its place but no 市 (深圳工务署) is read when it abbreviates one unit; else it may
        # be a unit inside the named one's tables (西安公路管理局 of 西安交通局), not one the store lacks
        placed_bare = chosen and not place and any(name.startswith(p) for p in places)
        # Beside a unit the store holds, another is named only with its place (深圳市教育局).
        if placed_bare or not chosen or (place and (place[0] in places or not _NOT_PLACE.search(place[0]))):
            short = _abbreviated(name, described, places)
            if short:
                chosen |= short
                out.named.update({k: name for k in short})
                covered.append((a, b))
            elif not placed_bare:
                unknown.append(name)
    for i, ch in enumerate(q):
        # (a province is no place of the store's cities, unless the question says one of them too: 广东省深圳市)
        if ch != "市" and (ch != "省" or said_places):
            continue
        for n in (2, 3):
            word = q[max(0, i - n):i]
            before = q[i - n - 1] if i - n - 1 >= 0 else ""
            if len(word) < n or (before and "\u4e00" <= before <= "\u9fff" and before not in _JOINS):
                continue
            if any(word.endswith(p) or p.endswith(word) or p.startswith(word) for p in places) \
                    or _NOT_PLACE.search(word):
                break
            # (a place the dictionary knows: 建设市场 and 打算把市里 name no city 建设市, 打算把市)
            if not any(word in u for u in unknown) and not any(word in a for a in out.named.values()) and \
                    is_place(word):
                unknown.append(word + ch)
            break
    out.unknown = unknown
    out.every = bool(_ALL.search(q))
    if said_places and not chosen and not unknown and not out.every:
        # a body named right after its city that is none of the city's units (深圳市科协): its name is said, so an
        # answer from whichever document of the city the words find would be another body's figure
        body = re.search(r"(?:" + _any_of(said_places) + r")市?([\u4e00-\u9fff]{2,8}?)(?=20\d\d|[，,？?]|$)", q)
        if body and not _NOT_PLACE.match(body.group(1)) and not re.match(r"[那这哪一今明去本]", body.group(1)):
            unknown.append(body.group(0))
    if said_places and chosen and _WHOLE_ASKED.search(q) and \
            {described[k].get("scope") for k in chosen} == {"本级"}:
        # the whole department asked (汇总) of a unit whose only document is its own office's (本级): the office's
        # figures are a part of the department's, not its total
        unknown.append("、".join(sorted({described[k].get("name") or "" for k in chosen})) + "（汇总）")
    if chosen:
        keys = chosen
    elif said_places:
        keys = {k for k, d in described.items() if d.get("place") in said_places}
    else:
        keys = set(docs)
    if chosen and len(keys) > 1 and not out.every:
        # A unit printed twice, as a department (汇总) and as its own office (本级): the question's word decides,
        # else the department — for each unit it names (two departments compared are never four documents summed)
        printings: dict[str, set[str]] = {}
        for k in keys:
            printings.setdefault(described[k].get("name") or k, set()).add(k)
        kept = set()
        for printed in printings.values():
            said = [out.named[k] for k in printed if out.named.get(k)]
            own = re.search(r"本级|机关", q) if len(printings) == 1 else \
                any(said_with_own_office(q, n) for n in said)
            kept |= {k for k in printed if described[k].get("scope") == ("本级" if own else "汇总")} or printed
        keys = kept
        # (the other printing is not named: one unit asked is no question across two documents)
        out.named = {k: v for k, v in out.named.items() if k in keys}
    if years:
        by_year = {k for k in keys if docs[k].get("year") in years}
        if by_year:
            keys = by_year
        elif chosen or said_places:
            out.held = sorted({docs[k].get("year") for k in keys if docs[k].get("year")})
    kinds = {docs[k].get("kind") for k in keys}
    if chosen and years and not out.held and "决算" in q and not _BUDGET_ASKED.search(q) and kinds == {"budget"}:
        # the final accounts of a year asked (2026年度决算中…), and the unit's documents of that year are budgets: a
        # budget's figure is a plan, not what the accounts report (a 决算 asked with no year may be one a budget states)
        out.unknown.append("".join(f"{y}年" for y in years) + "决算")
    out.keys = keys
    return out


def narrow(docs: dict[str, dict], doc: str | None = None, entity: str | None = None,
           year: int | None = None) -> set[str]:
    """Keys of the documents `docqa ask --doc/--entity/--year` leave: a file name (or part of its path), a unit
    (any of its aliases, or part of its name) and a year."""
    keys = set(docs)
    if doc:
        keys = {k for k in keys if doc in k or doc in str(docs[k].get("source", ""))}
    if entity:
        e = re.sub(r"\s+", "", halfwidth(entity))
        keys = {k for k in keys if e in (entry(docs[k]).get("aliases") or []) or e in (docs[k].get("entity") or "")}
    if year:
        keys = {k for k in keys if docs[k].get("year") == year}
    return keys


# Words that point at a unit the question then names (大鹏那个规划和自然资源管理局): no part of what it asks.
_POINTING = re.compile(r"(?:那个|这个|那家|这家|那边的?|这边的?)$")


def _rest_of_names(q: str, names: list[str]) -> str:
    """The question without the other words it names its unit by, said apart from the alias that chose it (深汕
    那个市场监管局: 市场监管局 is the parent's name, in order in 市场监督管理局深汕监管局): left in, 自然资源 or
    市场 would be read as the figure's words."""
    names = [n for n in names if n]
    if not names:
        return q
    out, at = [], 0
    for m in _ORG.finditer(q):
        text = m.group(0)
        # the longest ending of the match that is the unit's name in order (the match may start with other words)
        cut = next((i for i in range(len(text) - 2) if any(in_order(text[i:], n) for n in names)), None)
        if cut is None:
            continue
        start = m.start() + cut
        pointing = _POINTING.search(q, at, start)
        out.append(q[at:pointing.start() if pointing else start] + " ")
        at = m.end()
    return "".join(out) + q[at:]


def without_names(question: str, docs: dict[str, dict], sc: Scope, years: bool = False) -> str:
    """The question without the unit names, places and years it says: once the documents are chosen, those
    words only pull retrieval towards every passage that repeats the unit's name."""
    q = re.sub(r"\s+", "", halfwidth(question))
    names = set(sc.named.values()) | {entry(docs[k]).get("name") or "" for k in sc.named}
    for name in sorted((n for n in names if n), key=len, reverse=True):
        q = q.replace(name, " ")
    q = _rest_of_names(q, [entry(docs[k]).get("name") or "" for k in sc.named])
    for place in sorted({entry(d).get("place") for d in docs.values() if entry(d).get("place")}, key=len, reverse=True):
        q = re.sub(re.escape(place) + "[市省县区]?", " ", q)
    if not years:  # (kept for reading figures: 比2025年 dates a change)
        q = _YEAR.sub(" ", q)
    return q if len(q.strip()) >= 2 else question
