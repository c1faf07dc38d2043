"""Who a document is about, and every way a reader may name it.

From the unit name a document prints on its cover (深圳市气象局（本级）) this derives its scope (本级: the unit's
own budget; 汇总: the department with its units), its place (深圳), its parent (深圳市规划和自然资源局 above
深圳市规划和自然资源局大鹏管理局), and its aliases: the name without the place (气象局), with the place shortened
(深圳气象局), with 市 only (市气象局), the usual Chinese abbreviations of a compound name (人力资源和社会保障局 →
人社局, 发展和改革委员会 → 发改委), and the short forms the document itself uses for its unit (以下简称市发展改革委;
any word of the text made of the name's characters in order). Nothing here is a list of names: every alias comes
from the document's own words by one of these rules.
"""
from __future__ import annotations

import re

from index.numbers import halfwidth

# Scope markers a cover prints after the name.
_SCOPE = re.compile(r"[（(]\s*(本级|汇总|部门汇总|本部|机关)\s*[）)]")
# The place a name starts with: a party committee prefix, then a province/city/county/district name.
_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,8}?|[\u4e00-\u9fff](?=县))(省|自治区|市|县|区|州|盟)")
_SUBPLACE = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(区|县)")
# Kinds of organisations: the last word of a unit's name.
ORG_SUFFIX = ("委员会", "办公厅", "办公室", "办事处", "管理局", "监管局", "局", "委", "厅", "办", "署", "部", "院",
              "中心", "所", "站", "队", "会", "处", "馆", "街道", "政府", "园", "社", "校")
# The short form of an organisation word in abbreviations (发展和改革委员会 → 发改委).
_SUFFIX_SHORT = {"委员会": "委", "办公厅": "办", "办公室": "办", "办事处": "办", "管理局": "局", "监管局": "局"}
# Generic words in a name that abbreviations drop.
_DROPPED = ("人民", "事务", "服务")
_CJK = re.compile(r"[\u4e00-\u9fff]+")


_HEADER_TAIL = re.compile(r"(?:(?:金额)?单位[：:]?(?:万元|元)?|金额|万元)+$")


def clean_name(name: str | None) -> tuple[str, str | None]:
    """The unit's name without a scope marker or anything printed after it, and the scope the marker says."""
    if not name:
        return "", None
    s = re.sub(r"\s+", "", halfwidth(name))
    m = _SCOPE.search(s)
    scope = None
    if m:
        scope = "本级" if m.group(1) in ("本级", "本部", "机关") else "汇总"
        s = s[:m.start()]
    elif s.endswith("本级"):
        scope, s = "本级", s[:-2]
    # A word of the table header printed on the unit's line (单位名称：西安市交通运输局 金额单位：元) is not its name.
    s = _HEADER_TAIL.sub("", s.strip("：:，, "))
    return s.strip("：:，, "), scope


def split_name(name: str) -> tuple[list[str], str, str]:
    """(places, level, body): 上海市普陀区人民政府万里街道办事处 → (["上海", "普陀区"], "区", "人民政府万里街道办事处");
    中共深圳市委宣传部 → (["深圳"], "市委", "宣传部"). The level is the word a local reader puts before the body
    (市气象局)."""
    rest, party = name, False
    for prefix in ("中国共产党", "中共"):
        if rest.startswith(prefix):
            rest, party = rest[len(prefix):], True
    places: list[str] = []
    level = ""
    m = _PLACE.match(rest)
    if m and len(rest) > m.end():
        places.append(m.group(1))
        level = m.group(2)
        rest = rest[m.end():]
        sub = _SUBPLACE.match(rest)
        if sub and len(rest) > sub.end() + 1:
            places.append(sub.group(0))
            level = sub.group(2)
            rest = rest[sub.end():]
    if party and rest.startswith("委") and len(rest) > 2:
        level, rest = level + "委", rest[1:]
    return places, level, rest


def place_of(name: str) -> tuple[str, str]:
    """(first place, the name after every place): 深圳市气象局 → (深圳, 气象局)."""
    places, _, rest = split_name(name)
    return (places[0] if places else ""), rest


def org_suffix(name: str) -> str:
    """The organisation word a name ends with (局, 中心, 支队's 队…), "" when none."""
    return next((s for s in ORG_SUFFIX if name.endswith(s)), "")


_PARENT_WORD = re.compile(r"委员会|局|厅|署")


def _parent_cut(body: str) -> int:
    """Where the organisation a unit's name starts with ends, when the name goes on past it (公安局|交通管理局)."""
    for m in _PARENT_WORD.finditer(body):
        tail = body[m.end():]
        if m.end() >= 2 and len(tail) >= 3 and org_suffix(tail):
            return m.end()
    return 0


def parent_of(name: str) -> str | None:
    """The organisation a unit's name starts with, when the name goes on past it (深圳市公安局交通管理局 →
    深圳市公安局)."""
    _, _, body = split_name(name)
    body = body[4:] if body.startswith("人民政府") and len(body) > 6 else body
    cut = _parent_cut(body)
    if not cut:
        return None
    return name[:name.rfind(body) + cut]


def _words(text: str) -> list[str]:
    """A name cut into words: jieba's, with 和/与/及 kept apart."""
    from index.bm25 import segmenter

    return [w for w in segmenter().lcut(text) if w]


def _halves(word: str) -> list[str]:
    return [word[i:i + 2] for i in range(0, len(word), 2)] if len(word) >= 4 and len(word) % 2 == 0 else [word]


def abbreviations(rest: str) -> set[str]:
    """The usual Chinese short forms of a compound organisation name: the first character of each part joined by
    和/与/及 (经济和信息化委员会 → 经信委), or of each word (文化广电旅游体育局 → 文广旅体局), with its kind shortened
    (委员会 → 委); and the name with generic words dropped (退役军人事务局 → 退役军人局)."""
    suffix = org_suffix(rest)
    if not suffix or len(rest) <= len(suffix) + 1:
        return set()
    body = rest[:-len(suffix)]
    short = _SUFFIX_SHORT.get(suffix, suffix[-1] if suffix in ("局", "委", "厅", "办", "署", "部") else suffix)
    out: set[str] = set()
    parts = [p for p in re.split(r"[和与及]", body) if p]
    # Four-character words abbreviate by their two halves (国有资产 → 国资, 自然资源 → 自然|资源).
    words = [[h for w in _words(p) if w not in _DROPPED for h in _halves(w)] for p in parts]
    if len(parts) >= 2:
        out.add("".join(p[0] for p in parts) + short)  # 人力资源和社会保障 → 人社
        out.add("".join(w[-1][0] for w in words if w) + short)  # 住房和城乡建设 → 住建, 规划和自然资源 → 规资
        out.add("".join(p for p in parts[:1]) + short)  # 城市管理和综合执法局 → 城市管理局
    flat = [w for ws in words for w in ws]
    whole = [w for p in parts for w in _words(p) if w not in _DROPPED]
    if len(whole) >= 2 and all(len(w) >= 2 for w in whole):
        out.add("".join(w[0] for w in whole) + short)  # 食品|药品|监督管理局 → 食药监局
    if len(whole) >= 3 and all(len(w) >= 2 for w in whole):
        out.add(whole[0][0] + whole[-1][0] + short)  # 安全|生产|监督管理局 → 安监局, 文化|广电|旅游|体育局 → 文体局
    if len(flat) >= 2 and len(flat[0]) == 2:
        out.add(flat[0] + short)  # 交通运输局 → 交通局
    if short in ("局", "委", "厅"):
        out.add(body + "部门")  # 气象局 → 气象部门
    if len(flat) >= 2 and all(len(w) >= 2 for w in flat):
        out.add("".join(w[0] for w in flat) + short)  # 文化广电旅游体育 → 文广旅体
        out.add("".join(w[0] for w in flat[:2]) + short)  # 国有资产监督管理 → 国资
    dropped = "".join(w for ws in words for w in ws)
    if dropped != body:
        out.add(dropped + suffix)  # 退役军人事务局 → 退役军人局
        out.add(dropped + short)
    out.add(body + short)  # 发展和改革委员会 → 发展和改革委
    if "和" in body:
        out.add(body.replace("和", "") + short)  # 发展改革委
    return {a for a in out if len(a) >= 3 and a != rest}


def in_order(short: str, name: str) -> bool:
    """Every character of `short` in `name`, in order (公车 in 公务用车, 审批局 in 行政审批服务局)."""
    it = iter(name)
    return all(ch in it for ch in short)


def text_aliases(rest: str, texts: list[str], head: str = "") -> set[str]:
    """Short forms of the unit the document itself uses: what follows 简称 in 以下简称…, and words of the text
    ending in an organisation word whose characters are the name's, in order, starting with its first
    (发展改革委 in 市发展改革委 for 发展和改革委员会); at least twice, at least three characters."""
    if len(rest) < 3:
        return set()
    counts: dict[str, int] = {}
    first = rest[0]
    for text in texts:
        t = halfwidth(text)
        for m in re.finditer(r"简称[“\"]?([\u4e00-\u9fff]{2,12})", t):
            s = m.group(1)
            s = s[1:] if s[0] in "市省县区" else s
            if len(s) >= 3 and in_order(s, rest):
                counts[s] = counts.get(s, 0) + 2
        for run in _CJK.findall(t):
            start = 0
            while True:
                at = run.find(first, start)
                if at < 0:
                    break
                start = at + 1
                for end in range(at + 3, min(len(run), at + len(rest)) + 1):
                    s = run[at:end]
                    if s[-1] in "局委办厅署部心会" and s != rest and in_order(s, rest) and \
                            org_suffix(s) and s[-1] == (_SUFFIX_SHORT.get(org_suffix(rest)) or rest[-1]):
                        counts[s] = counts.get(s, 0) + 1
    # A unit under a parent (公安局|交通管理局): a short form of the parent alone names the parent, not the unit.
    return {s for s, n in counts.items() if n >= 2 and not (head and in_order(s, head))}


def _forms(body: str) -> set[str]:
    """A unit's name without its place, as readers say it: itself, its abbreviations; an office of the people's
    government also as 政府办公厅 (市府办); the police's traffic bureau as 交警局; a name ending in two organisation
    words also without the last (万里街道办事处 → 万里街道)."""
    out = {body}
    core = body
    if body.startswith("人民政府") and len(body) > 6:
        core = body[4:]
        out.add("政府" + core)
        if core not in ORG_SUFFIX:
            out.add(core)
        elif core in ("办公厅", "办公室"):
            out |= {"政府办", "府办"}  # the government's office as everyone says it: 市政府办, 市府办
    if re.fullmatch(r"公安(?:局)?交通(?:管理|警察)局", core):
        out |= {"交警局", "交警支队", "交警"}  # the police's traffic bureau as everyone says it: 深圳交警局
    cut = _parent_cut(core)
    if cut:  # 规划和自然资源局|大鹏管理局: the unit's own part is what tells it from its parent's other units
        head, child = core[:cut], core[cut:]
        # (the child's own abbreviations alone would name a sibling unit of another parent: 交通管理局 → 交通局)
        out |= {child} | {a + child for a in abbreviations(head)} | {head + c for c in abbreviations(child)}
        # …and its own word before its parent's name, as people say a district office (盐田管理局 of 规划和自然资源局:
        # 盐田规资局, 盐田规划和自然资源局)
        own = child[:-len(org_suffix(child))] if org_suffix(child) else ""
        if len(own) >= 2:
            out |= {own + h for h in {head} | abbreviations(head)}
    elif core not in ORG_SUFFIX:
        out |= abbreviations(core)
    for f in list(out):
        suffix = org_suffix(f)
        rest = f[:-len(suffix)] if suffix else ""
        if org_suffix(rest) and len(rest) >= 3 and rest not in ORG_SUFFIX and not rest.endswith("政府"):
            out.add(rest)  # 万里街道办事处 → 万里街道
    return {f for f in out if len(f) >= 2}


def describe(entity: str | None, title: str = "", texts: list[str] | None = None) -> dict:
    """The manifest's account of who a document is about: name, scope, place, parent and aliases."""
    name, scope = clean_name(entity)
    if title:
        head = re.sub(r"\s+", "", halfwidth(title))
        _, title_scope = clean_name(head)
        scope = scope or title_scope
        # A name cut where the cover wraps a line (…综合监测 / 与技术保障中心): the title carries it whole.
        if name and name in head and not split_name(name)[0]:
            before = re.sub(r"^.*?20\d\d年度?", "", head[:head.find(name)])
            if split_name(before + name)[0]:
                name = before + name
        if scope is None and re.search(r"单位(?:预算|决算)", head):
            scope = "本级"
        if scope is None and re.search(r"部门(?:综合)?(?:预算|决算)", head):
            scope = "汇总"
    places, level, body = split_name(name)
    aliases: set[str] = {name} if name else set()
    if name and body:
        core = body[4:] if body.startswith("人民政府") and len(body) > 6 else body
        forms = _forms(body) | text_aliases(body, texts or [], core[:_parent_cut(core)])
        if level.endswith("委"):  # 市委宣传部: the party committee's department, also plain 宣传部
            forms |= {level + f for f in set(forms)}
        stems = [""] + ["".join(places[:i + 1]) for i in range(len(places))] + places[1:]
        for f in forms:
            for stem in stems:
                aliases.add(stem + f)
            if level and not f.startswith(level[0]):
                aliases.add(level[0] + f)  # 市气象局
                if len(places) == 1:
                    aliases.add(places[0] + level[0] + f)
        # The name without its kind only with the place before it (深圳公安, 西安财政): alone it is a common
        # word (财政 in 财政拨款).
        suffix = org_suffix(core)
        bare = core[:-len(suffix)] if suffix and len(core) - len(suffix) >= 2 else ""
        if bare and not _parent_cut(core):
            aliases |= {stem + bare for stem in stems if stem}
    out = {"name": name, "scope": scope, "place": places[0] if places else "", "parent": parent_of(name),
           "aliases": sorted(a for a in aliases if len(a) >= 2)}
    cut = _parent_cut(body[4:] if body.startswith("人民政府") and len(body) > 6 else body) if name else 0
    if cut:
        # A unit under a parent is also named in a list of its siblings: 大鹏、宝安、盐田三个管理局.
        child = (body[4:] if body.startswith("人民政府") and len(body) > 6 else body)[cut:]
        kind = org_suffix(child)
        if kind and len(child) - len(kind) >= 2:
            out["stem"], out["kind_word"] = child[:-len(kind)], kind
    return out


def describe_entry(doc) -> dict:
    """The manifest fields of a parsed document (its cover title and first paragraphs say who it is about)."""
    return describe(doc.entity, doc.title, [p.text for p in doc.paragraphs[:80]])
