"""Which table cells a narrative amount names (its subject bound to rows and columns)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rules.analysis.common import other_year
from rules.claims import amounts_in
from rules.semantics import Cell, column_name, norm_label

if TYPE_CHECKING:
    from rules.analysis.context import Analysis

_GENERIC = re.compile(r"^(?:20\d\d年度?)?(?:当年)?(?:年初)?(?:预算安排|预算为|支出决算为|决算为|决算数为|支出为|安排|为)$")


def _run_on(ctx: Analysis, claim) -> str:
    """The start of a subject printed at the end of the paragraph before, when the paragraph opens with the subject
    and the one before breaks off mid-clause at a page break (…其中一般公共预算 | 拨款政府采购11307.34万元): ""
    otherwise."""
    p = ctx.paragraph(claim.paragraph)
    if p is None or p.text[:claim.amount.start].strip(" “”\"*") != claim.amount.subject:
        return ""
    prev = ctx.previous(p.id)
    # Across a page break, or when the paragraph opens with the amount itself (no paragraph does): on one page a
    # paragraph that merely lacks punctuation is as often a heading (（一）“三公”经费).
    if prev is None or prev.page >= p.page and claim.amount.subject or re.search(r"[。！？：:；;，,、\d)）]\s*$", prev.text):
        return ""
    return re.split(r"[，,；;。：:、]", prev.text)[-1].strip()


# A subject that says only which year or basis the amount is (2026年预算数, 年初预算数为): the item is named before.
_BASIS_ONLY = re.compile(r"^(?:20\d\d年度?)?(?:当年|本年)?(?:年初)?(?:预算|决算)数?为?$")
_HEADING = re.compile(r"([^，。；：:,;！？!?]{2,30})[：:。]\s*$")


def heading(ctx: Analysis, claim) -> str | None:
    """The item a subject of bare basis words is about: the heading right before it in its paragraph, a short
    phrase without figures closed by a colon or a full stop (（二）支出预算：2026年年初预算数… ; 1.因公出国（境）费用。
    2026年预算数…). None when the amount does not follow such a heading."""
    p = ctx.paragraph(claim.paragraph)
    if p is None:
        return None
    before = p.text[:claim.amount.start].rstrip()
    if not before.endswith(claim.amount.subject):
        return None
    m = _HEADING.search(before[:len(before) - len(claim.amount.subject)])
    if not m or re.search(r"\d", norm_label(m.group(1))):
        return None
    return m.group(1).strip()


def subject_cells(ctx: Analysis, claim) -> tuple[str, list[Cell], bool] | None:
    """The table cells a narrative amount names: by its 类/款/项 path, else by the longest label ending its
    subject; a bare "预算安排/支出决算为" inherits the path the sentence is about. None when nothing maps."""
    a = claim.amount
    subject = _run_on(ctx, claim) + a.subject
    if a.bound or other_year(subject, ctx.doc.year):
        return None
    words = ctx.pack.other_basis_words + (["年初预算", "预算数", "预算为"] if ctx.doc.kind == "final" else [])
    plain = re.sub(r"上年结转|上年结余|年初结转|年末结转", "", subject)
    if any(w in plain for w in words):
        return None
    if claim.topic and ("（项）" in subject or "(项)" in subject or subject.endswith("”科目")
                        or _GENERIC.match(norm_label(subject) or "为")):
        cells = ctx.sem.code_path(claim.topic)
        return ("/".join(claim.topic), cells, True) if cells else None
    head = None
    if not norm_label(subject) or _GENERIC.match(norm_label(subject)) or _BASIS_ONLY.match(norm_label(subject)):
        head = heading(ctx, claim)
        if head is None:
            return None
        subject = head
    if claim.amount.bracketed:
        return None  # （其中，一般公共预算拨款安排…）: a side breakdown of something else
    hit = _by_code(ctx, subject) or ctx.sem.lookup(subject) or _total_in_scope(ctx, claim, head) or \
        _sangong_column(ctx, claim)
    if hit is None:
        return None
    key, cells = hit
    cells = _in_scope(ctx, claim, cells)
    if not cells:
        return None
    # A funding source named bare (一般公共预算拨款支出) in a clause about projects or 三公 is that part of the source;
    # a reason given after the amount (主要原因是…项目…) does not narrow it.
    said_before = claim.sentence[:max(0, claim.sentence.find(claim.amount.text))] or claim.sentence
    said_before = re.split(r"[；;]", said_before)[-1]  # a clause before a semicolon is a statement of its own
    if key in {norm_label(x) for x in ctx.pack.context_labels} and \
            any(w in said_before for w in ctx.pack.scope_words):
        return None
    if any(norm_label(w) in key for w in ctx.pack.sangong_items) and "三公" in claim.sentence + section(ctx, claim):
        # A 三公 item is read against the 三公 table: the economic tables count basic expenditure only.
        sangong = {id(i.table) for i in ctx.sem.types("sangong")}
        cells = [c for c in cells if id(c.table) in sangong]
        if not cells:  # the 三公 table may word it shorter: 公务用车运行费 for 公务用车运行维护费
            short = key.replace("维护", "")
            cells = [c for k, cs in ctx.sem.labels.items() if k.replace("维护", "") == short
                     for c in cs if id(c.table) in sangong]
        if not cells:
            return None
    return key, cells, False


_CODED = re.compile(r"^(.*?)[（(]\s*([235]\d{2}(?:\d{2}){0,2})\s*[)）]$")


def _by_code(ctx: Analysis, subject: str) -> tuple[str, list[Cell]] | None:
    """A subject that prints its classification code in brackets (行政运行（2010301）, 商品和服务支出（302）): the
    rows printed with that code and that name; else the rows of that name."""
    m = _CODED.match(subject.strip())
    if not m:
        return None
    name = _plain(m.group(1))
    cells = [c for info, row in ctx.sem.codes.get(m.group(2), []) if name and _plain(row.label) == name
             for c in (info.cell(row, i) for i in info.value_cols) if c]
    if cells:
        return norm_label(m.group(1)), cells
    # The code names no row of that name (a 政府经济分类 code 509 beside a table of 部门经济分类 303, or a 项
    # code beside its 款 name): the name is what a reader looks up.
    return ctx.sem.lookup(m.group(1))


def _plain(label: str) -> str:
    """A label compared without its particles and trailing 支出 (对个人和家庭补助支出 = 对个人和家庭的补助)."""
    return norm_label(label).replace("的", "").removesuffix("支出")


# A classification code in brackets or a 类/款/项 tag: the text before it is about one item, not the whole unit.
_ITEM = re.compile(r"[（(]\s*(?:[235]\d{2}(?:\d{2}){0,2}|类|款|项)\s*[)）]")
_LISTING = re.compile(r"包括|其中|具体|主要用于|用于")


def _in_scope(ctx: Analysis, claim, cells: list[Cell]) -> list[Cell]:
    """The cells whose scope the sentence can be about.

    - A table of one fund source (政府性基金, 国有资本经营) measures that source only: its cells are kept when the
      sentence or its section names the source.
    - A table's whole quantity (a column read on its 合计 row: 人员经费, 项目支出) is never what a sentence about
      one item means (…培训支出（2050803）… 具体为：人员经费…): an item never falls back to a grand total.
    - A cell larger than the amount the sentence lists it under (综合管理367.65万元，主要包括：…行政运行85.04万元)
      cannot be that part: the label names something narrower."""
    p = ctx.paragraph(claim.paragraph)
    before = (p.text[:claim.start] if p else "") + claim.sentence[:max(0, claim.sentence.find(claim.amount.text))]
    prev = ctx.previous(p.id) if p else None
    if prev and not re.search(r"[。！？：:；;]\s*$", prev.text):
        before = prev.text[-200:] + before  # the paragraph runs on from the one before (a page break mid-sentence)
    scope_text = claim.sentence + section(ctx, claim)
    narrowed = bool(qualifier(ctx, claim.amount.subject, key_of(ctx, claim)))
    out = []
    for c in cells:
        if not current_column(ctx, c):
            continue
        info = ctx.sem.info_of.get(c.table.id)
        if info and info.type in ("fund_expenditure", "state_capital"):
            aliases = [a for t in ctx.pack.table_types if t.type == info.type for a in t.aliases]
            if not any(a in scope_text for a in aliases):
                continue
        if c.via != "row" and (_ITEM.search(before) or narrowed):
            continue
        out.append(c)
    if out:
        heads = _heads(claim)
        out = [c for c in out if not any(c.value > h.value + 2 * h.half + 1e-9 for h in heads)]
    return out


_OTHER_COLUMN = re.compile(r"上年|去年|增减|变化|变动|差额|同比|比较|对比")
_GENERIC_WORDS = re.compile(r"20\d\d\s*年度?|当年|本年|本部门|本单位|部门|单位|我局|我委|我办|本级|全部|其中|主要|用于|共计|合计|总额|共|"
                            r"\d+|[一二三四五六七八九十]+")


def current_column(ctx: Analysis, c: Cell) -> bool:
    """The cell's column is this year's figure: not a prior-year, change or comparison column, and no other
    year named in its header."""
    head = c.table.header_text(c.col)
    if _OTHER_COLUMN.search(head):
        return False
    years = [int(y) for y in re.findall(r"(20\d\d)\s*年", head)]
    return not (ctx.doc.year and years and ctx.doc.year not in years)


def key_of(ctx: Analysis, claim) -> str:
    hit = ctx.sem.lookup(claim.amount.subject)
    return hit[0] if hit else ""


def qualifier(ctx: Analysis, subject: str, key: str) -> str:
    """Words that narrow the subject beyond the table label it matched (危化品 in 危化品应急管理 matched to 应急管理;
    a unit's name before 公用经费), after years, the entity's name and generic words are set aside; "" if none."""
    s = norm_label(subject)
    at = s.rfind(key) if key else -1
    if at <= 0:
        return ""
    rest = s[:at]
    if ctx.doc.entity:
        rest = rest.replace(norm_label(ctx.doc.entity), "")
    for w in sorted(ctx.pack.subject_noise, key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = _GENERIC_WORDS.sub("", rest)
    return rest if len(rest) >= 2 else ""


def _heads(claim) -> list:
    """Amounts the sentence states before this one and then lists it under (A万元，主要包括/其中：…本金额)."""
    text = claim.sentence
    at = text.find(claim.amount.text)
    if at <= 0:
        return []
    out = []
    for a in amounts_in(text[:at]):
        if a.change or a.bound:
            continue
        between = text[a.end:at]
        m = _LISTING.search(between)
        # The listing word follows this amount before any other: an amount several clauses before a 其中 is no
        # head of its list (政府性基金拨款收入0万元，…支出48054.42万元，其中一般公共预算拨款支出…).
        levels_before = [x for x in amounts_in(between[:m.start()]) if not x.change] if m else []
        if m and not levels_before and _lists_amounts(between[m.end():]):
            out.append(a)
    return out


def _lists_amounts(after: str) -> bool:
    """What follows a listing word names amounts in its first clause (主要包括：A万元；B万元…), or runs to this
    amount without a clause break. A purpose (主要用于保障…运转；项目支出…) lists none: the next clause is a
    sibling of the amount before, not its part."""
    first = re.split(r"[；;]", after)[0]
    return first == after or any(not x.change for x in amounts_in(first))


def _sangong_column(ctx: Analysis, claim) -> tuple[str, list[Cell]] | None:
    """A 三公 item named in full (公务用车购置费) where the 三公 table heads it short under its group
    (公务用车购置及运行费 / 购置费): the group's lead words and the column's own name both in the subject."""
    infos = ctx.sem.types("sangong")
    if not infos or "三公" not in claim.sentence + section(ctx, claim):
        return None
    s = norm_label(claim.amount.subject)
    for info in infos:
        t = info.table
        rows = info.total_rows[:1] or (t.rows[:1] if len(t.rows) == 1 else [])
        for i in info.value_cols:
            path = [norm_label(w) for w in t.header[i]] if i < len(t.header) else []
            leaf = column_name(t.header[i]) if path else ""
            group = next((w for w in reversed(path[:-1]) if "三公" not in w and not w.startswith("20")), "")
            if len(leaf) < 2 or not group or not s.endswith(leaf) or group[:4] not in s[:-len(leaf)]:
                continue
            cells = [c for c in (info.cell(r, i) for r in rows) if c]
            if cells:
                return group[:4] + leaf, cells
    return None


def section(ctx: Analysis, claim) -> str:
    """The section title of the paragraph a claim was read from."""
    p = ctx.paragraph(claim.paragraph)
    return (p.section or "") if p else ""


def _clause_before(claim) -> str:
    """The clause that leads to the amount, whole (the subject stops at 、 as in 收、支总计均为)."""
    at = claim.sentence.find(claim.amount.text)
    return re.split(r"[，,；;。：:]", claim.sentence[:at])[-1] if at > 0 else claim.amount.subject


def _source_scoped(ctx: Analysis, claim) -> bool:
    """The section, or the sentence before the subject, is about one funding source (七、政府性基金预算财政拨款收入支出
    决算情况说明 … 收入决算509,220.66万元): a bare 收入/支出 there is that source's, not the unit's total."""
    before = claim.sentence[:max(0, claim.sentence.find(claim.amount.text))]
    before = before[:max(0, len(before) - len(claim.amount.subject))]
    text = section(ctx, claim).split("/")[-1] + before
    sources = ("财政拨款", "一般公共预算", "政府性基金", "国有资本经营")
    return not any(w in claim.amount.subject for w in sources) and any(w in text for w in sources)


def _total_in_scope(ctx: Analysis, claim, head: str | None) -> tuple[str, list[Cell]] | None:
    """The total the subject names, unless it is a bare 收入/支出 in a section or clause about one funding source
    (that source's total, not the unit's); a total of its own tables (三公经费, 政府采购) is the same in any section."""
    hit = _grand_total(ctx, head or _clause_before(claim))
    if hit and hit[0] in ("收入", "支出", "收支") and _source_scoped(ctx, claim):
        return None
    return hit


_COUNT_HEADER = re.compile(r"数量|个数|人数|台数|辆数")  # a column of counts is never a total of money


def _grand_total(ctx: Analysis, subject: str) -> tuple[str, list[Cell]] | None:
    """收入预算 / 支出决算 / 收支总预算: the document's totals, whichever way the tables print them."""
    core = norm_label(re.sub(r"^.*?20\d\d\s*年度?", "", subject)).replace("收、支", "收支")
    if ctx.doc.entity:
        core = core.replace(norm_label(ctx.doc.entity), "")
    # 本部门 / 部门 / 单位 / 所属各预算单位 name the document's own unit(s), as the entity's name does; 部门预算收入
    # is 收入预算.
    core = re.sub(r"^(?:当年|本年)?(?:本|所属各?|各)?(?:预算)?(?:部门|单位)", "", core)
    core = re.sub(r"^(?:预算|决算)(?=收入|支出|收支)", "", core)
    noise = sorted(ctx.pack.subject_noise + ["总", "总额", "总体", "总计", "均为"], key=len, reverse=True)
    while core not in ctx.pack.total_subjects:  # peel noise until a named total (三公经费 keeps its 经费)
        w = next((w for w in noise if core.endswith(w) and len(core) > len(w)), None)
        if w is None:
            break
        core = core[: -len(w)]
    spec = ctx.pack.total_subjects.get(core)
    if not spec and core.endswith("收支") and norm_label(core[:-2]) in {norm_label(x) for x in ctx.pack.context_labels}:
        # 一般公共预算收支预算: income and expenditure of one funding source are the same figure, so the amount
        # must be that source's income (a carry-over folded into it shows as a difference).
        src = core[:-2]
        cells = [c for k in (src + "拨款收入", src + "拨款", src + "收入", src) for c in ctx.sem.labels.get(k, [])
                 if ctx.sem.info_of.get(c.table.id) and ctx.sem.info_of[c.table.id].type in ("income", "fiscal_overview")]
        return (core, cells) if cells and re.search(r"预算|决算", subject) else None
    if not spec or not re.search(r"预算|决算|总计|合计|总额", subject):  # a bare 支出 may be a cut-off item name
        return None
    # The unit's totals stand in the tables of all its funds; a 财政拨款 or 一般公共预算 table's 支出合计 is one
    # source's total, never the unit's (unless the spec names that table).
    whole = {"overview", "income", "expenditure", None, *spec.get("tables", [])}
    cells = [c for k in spec.get("rows", []) for c in ctx.sem.labels.get(k, [])
             if getattr(ctx.sem.info_of.get(c.table.id), "type", None) in whole]
    for info in ctx.sem.types(*spec.get("tables", [])):
        # The 合计 row of 收入总表 / 支出总表 (the only row of a one-row 三公 table), in its total column and in any
        # other 合计 column (a year's group: 2025年预算数/合计, 2026年预算数/合计; the current year's is kept later).
        cols = {info.total_col} | {i for i in info.value_cols if i < len(info.table.header) and info.table.header[i]
                                   and re.fullmatch(r"合计|总计", norm_label(info.table.header[i][-1]))}
        heads = {i: norm_label(info.table.header[i][-1]) if i < len(info.table.header) and info.table.header[i] else ""
                 for i in info.value_cols}
        cols = {i for i in cols if i is not None and not _COUNT_HEADER.search(heads.get(i, ""))}
        for r in ctx.sem.whole_rows(info):
            found = [c for i in sorted(cols) for c in [info.cell(r, i)] if c]
            if not found:
                # No total column holds a figure on this row (a procurement table headed 数量 … 预算金额): the
                # column that names money does.
                found = [c for i in info.value_cols if re.search(r"金额|预算数|决算数", heads[i])
                         for c in [info.cell(r, i)] if c]
            cells += found
    if "总计" in subject:  # 收、支总计 are the 总计 rows (with carry-overs) when the tables print them
        grand = [c for c in cells if norm_label(c.row.label).endswith("总计")]
        grand += [c for info in ctx.sem.types("overview", *spec.get("tables", [])) for r in info.table.rows
                  if norm_label(r.label) == "总计" for c in (info.cell(r, i) for i in info.value_cols) if c]
        cells = grand or cells
    return (core, cells) if cells else None
