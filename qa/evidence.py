"""How strongly retrieved passages answer a question by their structure: the figures a table row states under the
names the question uses (a narrative sentence's are read by qa/narrative.py), the clauses that give a reason, the
sentence that defines a term. Retrieval reranks by it; answering reads the best of it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.entity import ORG_SUFFIX
from index.numbers import halfwidth
from qa.candidate import MIN_COVER, _Candidate
from qa.narrative import _PERCENT, _paragraph_candidates, _stated_numbers
from qa.weigh import column_group, corroborate, same_label_twice, zero_beside_same_item, zero_beside_value
from qa.phrase import (CARRIED, CHANGE_COLUMN, Query, clean, end_in, grams, head_term, is_unit, listed, lists, match,
                       norm, other_year_column, OTHER_COLUMN, PREVIOUS, says, years_in)
from qa.question import (ALL_FUNDS, ONE_FUND, POINTER, STATED_COUNT, intent, not_asked, thing_asked,
                         without_all_funds, without_examples)
from qa.reasons import definition_pattern, reason_candidates
from qa.unit_row import other_unit

if TYPE_CHECKING:
    from qa.retrieve import Hit


# Columns that carry the quantity a row names rather than a part of it.
_NEUTRAL = {"合计", "小计", "总计", "金额", "预算数", "决算数", "本年支出合计", "本年收入合计", "预算", "决算", "数额",
            "支出总计", "收入总计", "支出合计", "收入合计", "总额", "预算金额", "决算金额"}
_TOTAL_WORDS = re.compile(r"(?:合计|总计|小计)$")


def _qualifiers(q: Query, hits: list[Hit]) -> set[str]:
    """Row names the question carries before another row name it carries: the head of a noun phrase comes last,
    so "济源市社会医疗保险中心离休干部医疗费项目" asks for the project; the unit only qualifies it."""
    spans: dict[tuple[str, str | None], dict[str, tuple[int, int]]] = {}
    for h in hits:
        name = clean(_TOTAL_WORDS.sub("", norm(h.chunk.label or ""))) if h.chunk.kind == "row" else ""
        at = q.text.find(name) if len(name) >= 2 and name != clean(norm(h.chunk.table or "")) else -1
        if at >= 0:
            spans.setdefault((h.chunk.source, h.chunk.table), {})[name] = (at, at + len(name))
    # Only rows of one table qualify each other: a name said later that is a row of another table
    # (一般公共预算拨款 after 精准预报) is there a column of this one.
    return {n for table in spans.values() for n, (a, e) in table.items() if any(a2 >= e for a2, _ in table.values())}


def is_total_row(c) -> bool:
    """A table's total: 合计/总计, a row named like the table, or a row named exactly as the document's unit (a
    本级 document's tables print the unit's own line, which is the whole table; a 汇总 document's 本级 row is
    named otherwise than the department, so it stays a part)."""
    label = norm(c.label or "")
    return label in ("合计", "总计") or label == norm(c.table or "") or bool(c.entity) and label == norm(c.entity)


def column_parts(column: str | None) -> list[str]:
    """The parts of a column path that name something (not 合计/金额/预算数, with or without the year before)."""
    parts = [p for p in (column or "").split("/") if p]
    return [p for p in parts if norm(_WHEN.sub("", p)) not in _NEUTRAL | {""}]


def _leaf_neutral(column: str | None) -> bool:
    leaf = (column or "").split("/")[-1]
    return bool(leaf) and not column_parts(leaf)


_YEAR_LABEL = re.compile(r"20\d\d年?度?")
# the budget's funds: a column of them splits any figure, it names no item
_FUNDS = frozenset({"一般公共预算", "政府性基金预算", "国有资本经营预算", "财政拨款", "一般公共预算拨款", "政府性基金预算拨款",
                    "国有资本经营预算拨款", "总计", "合计", "小计"})
_WHEN = re.compile(r"^\s*(?:上一?年|本年|当年|去年|前一?年)?\s*(?:20\d\d\s*年度?)?")  # the year a column is of


# The share of a row's words a question must say to name it (as of its characters' pairs, above).
NAMED_SHARE = 0.75


def says_its_words(q: Query, row_name: str, chunk) -> bool:
    """The question says NAMED_SHARE of the row's words, as jieba cuts them (文明网建设和日常运营 says 文明, 网, 建设 and
    运营 of 西安文明网建设运营工作专项经费): pairs of characters across words (网建, 设运) are no words a question must
    say, and of three words or more one in four may go unsaid (工作), never the head that ends it. A word of the
    unit's own name (西安 of 中共西安市委宣传部) is said by naming the unit."""
    from index.bm25 import segmenter

    words = [w for w in segmenter().cut(clean(row_name)) if not w.isdigit()]
    if len(words) < 3:
        return False  # (教育支出 for 基本支出合计: two words, both needed)
    own = clean(norm(chunk.entity or ""))
    said = sum(1 for w in words if w in q.text or w in own)
    # (…its head, the last word, among them: 一般公共预算里交水电的钱 says 一般, 公共 and 预算 of 一般公共预算拨款, no 拨款)
    return words[-1] in q.text and said >= NAMED_SHARE * len(words)


def _row_candidates(q: Query, hit: Hit, rank: int, qualifiers: frozenset[str] = frozenset()) -> list[_Candidate]:
    """Cells of a row: the row's label and the column's path name the quantity, the table title frames it."""
    c = hit.chunk
    if not c.facts or not (c.label or "").strip():
        return []
    label = norm(c.label or "")
    title = norm(c.table or "")
    if other_year_column(label, c.year, q):
        return []  # a row of another year (a 三公 table printed with the years as rows: 2025年, 2026年)
    is_total = is_total_row(c)
    row_name = "" if is_total else _TOTAL_WORDS.sub("", label)
    # The question names the table's whole subject (一般公共预算支出 of 一般公共预算支出表): its total is asked, not
    # a row that shares some of the words (一般公共服务支出).
    subject = clean(re.sub(r"[（(].*$|表.*$", "", re.sub(r"^20\d\d年?度?", "", title)))
    whole_table = len(subject) >= 4 and subject in q.text and (not row_name or clean(row_name) not in q.text)
    # (a title quoted whole names the table only, no column: 三公 of “三公”经费、会议费、培训费表 asked for 培训费)
    titled = q.grams - grams(q.text.replace(subject, "|")) if len(subject) >= 8 and subject in q.text else set()
    if row_name and is_unit(row_name) and clean(row_name) not in q.text:
        # a unit's row named as people say it, without the places its label begins with (西安公路管理局 or
        # 公路管理局 for 陕西省西安公路管理局)
        whole_name = clean(row_name)
        tail = next((whole_name[cut:] for cut in range(1, len(whole_name) - 3)
                     if whole_name[cut:] in q.text and whole_name[cut:].endswith(ORG_SUFFIX)), None)
        row_name = tail or row_name
    l_hit, l_extra, l_whole = match(q, row_name)
    if row_name.endswith("本级") and q.own_office and is_unit(row_name[:-2]):
        # the department's own office's row (深圳市建筑工务署（本级）) when the question asks 本级: the unit's name
        # is gone from the question (it chose the document), its 本级 is what names the row
        l_hit, l_extra, l_whole = len(grams(clean(row_name))), 0, True
    if clean(row_name) in qualifiers:
        l_hit, l_whole = 0, False
    qualified = {g for n in qualifiers for g in grams(n)}  # said by the document, as qualifiers
    # A row the question does not name (教育支出 for "基本支出合计") is a part, not the quantity asked.
    unnamed = bool(row_name) and l_hit < NAMED_SHARE * len(grams(clean(row_name))) and \
        not says_its_words(q, row_name, c)
    # The head of a noun phrase comes last: of two names the question carries, the later is what it asks for
    # ("济源市社会医疗保险中心离休干部医疗费项目" asks for the project, not the unit).
    row_end = end_in(q, row_name) if l_whole else 0.0
    # the path above the row: its classes, or its half's heading, and the unit whose block it is printed in
    above = (c.parents or "") + (c.block or "") + (c.budget_unit or "")
    p_hit = len(q.grams & (grams(clean(above)) - grams(clean(row_name))))
    title_grams = grams(clean(title))
    out = []
    # The row prints its whole in a column that names nothing (合计, 金额, 2026年预算数): a column the question does
    # not name (项目支出, 政府性基金预算) is then a part of what it asks.
    prints_whole = any(not column_parts(f["column"]) for f in c.facts)
    # …and the same within a column group: 因公出国(境)费/政府性基金预算 beside 因公出国(境)费/小计.
    groups_whole = {column_group(f["column"]) for f in c.facts if _leaf_neutral(f["column"])}
    # …and a group's 小计 with the funds under it and under each of its parts (公务用车购置及运行维护费/小计/一般公共预算
    # beside …/公务用车运行维护费/一般公共预算): (the path above it, the path below it)
    subtotals = {(tuple(p[:i]), tuple(p[i + 1:])) for f in c.facts for p in [(f["column"] or "").split("/")]
                 for i in range(1, len(p) - 1) if _TOTAL_WORDS.fullmatch(norm(p[i]))}
    # A table of years as rows (三公经费表: 2025年, 2026年) names each figure by its column and its title: a question
    # saying neither the title's own words (三公) nor the column's item (因公出国(境)费) asks another table's figure,
    # whatever fund column it names (政府性基金预算 of 总计/政府性基金预算).
    year_row = bool(_YEAR_LABEL.fullmatch(clean(label)))
    if year_row and (other := q.beside_own(c.year)) and not years_in(label) & other and not OTHER_COLUMN.search(q.text):
        return []  # (the document's year names the document: another year said beside it is the row asked)
    title_own = grams(clean(_GENERIC.sub("", re.sub(r"表.*$", "", title)))) if year_row else set()
    # The row's own words do not name a column too (气象事业机构 says no 事业收入; 支出 of 卫生健康支出 names neither
    # 基本支出 nor 项目支出)
    row_grams = grams(clean(row_name))
    for i, fact in enumerate(c.facts):
        column = fact["column"] or ""
        if other_year_column(column, c.year, q) or q.change and not CHANGE_COLUMN.search(column):
            continue
        if q.change and ("+" if fact["value"] >= 0 else "-") not in q.ways:
            continue  # (a rise is no answer to 少了多少)
        if fact["unit"] == "元" and 0 < abs(fact["raw"]) < 100:
            continue  # (5.00 of a 元 table is no budget's amount: a count of a form read as a cell, 技术交易信用贷（笔）)
        if year_row and not q.grams & title_own and not any(
                match(q, p)[0] for p in column_parts(column) if p not in _FUNDS):
            continue
        named = column_parts(column)
        c_hit, c_extra, c_whole = match(q, "".join(named))
        c_hit -= len(q.grams & grams(clean("".join(named))) & (row_grams | titled))
        leaf_whole = bool(named) and match(q, named[-1])[2]
        head = max(row_end, end_in(q, named[-1]) if leaf_whole else 0.0)
        t_hit = len(q.grams & (title_grams - grams(clean(row_name + "".join(named)))))
        if l_hit + c_hit + t_hit + p_hit < 2 and not l_whole:
            continue  # (a row said whole is named, 奖金 or 电费 by their one bigram)
        said = grams(clean(label)) | grams(clean("".join(named) + above + title)) | qualified
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
        path = clean("".join(named))
        if q.previous and PREVIOUS.search(column):
            score += 3.0  # the year before, asked (上年 is an asking word to the bigrams, so said here)
        elif years_in(column) & q.beside_own(c.year):
            score += 3.0  # …or said by its year beside the document's (2026年预算里2025年的: the 2025年预算数 column)
        elif q.beside_own(c.year) and not q.change and not year_row and not PREVIOUS.search(column + label) and \
                not CARRIED.search(q.text):
            continue  # …and a cell of the document's own year is not the figure of another year said beside it
            # (unless the year is when money was carried over from: 2025年结转下来的 is this year's 上年结转)
        whole_bonus = (4.0 if is_total else -4.0) if whole_table else 0.0
        score += whole_bonus

        if not c.unit:
            score -= 3.0  # no unit line: a form (performance targets, codes), not a money table
        score -= 0.1 * rank
        raw = f"{fact['raw']:,.2f}{fact['unit'] or ''}"
        year = f"{c.year}年" if c.year and str(c.year) not in (c.table or "") else ""
        entity = c.entity if c.entity and c.entity not in (c.table or "") else ""
        # (a table of one line, its title printed in the label cell: the column names the figure)
        named_as = f"“{column}”" if column and clean(c.label or "") == clean(c.table or "") else \
            f"“{c.label}”{('（' + column + '）') if column else ''}"
        # (a line of a unit's block is that unit's: said, as the reader must know whose figure it is)
        block = c.budget_unit or ""
        whose = f"{block}的" if block and block not in (c.label or "") and block != c.entity else ""
        # (a change: the two years it is between, as the row prints them)
        text = (f"{entity}{year}{c.table}中{whose}{named_as}"
                f"为{fact['value']:,.2f}万元" + (f"（表中为{raw}）" if fact["unit"] != "万元" else "") +
                (_levels_beside(column, c.facts) if q.change else "") + "。")
        # (a change asked by its way, 减少了多少, is answered by its size)
        cand = _Candidate(score, abs(fact["value"]) if q.change else fact["value"], "万元", text, hit, c.table, c.label,
                          column, cover)
        cand.total_of = path if is_total and len(path) >= 4 and path in q.text else ""
        cand.part = not is_total and not l_whole and bool(row_name)
        part_column = bool(named) and ((prints_whole and not c_hit) or (
            column_group(column) in groups_whole and not _leaf_neutral(column) and not match(q, named[-1])[0]))
        heads = column.split("/")
        # (the group named whole, the part not: the group's 小计 is asked)
        part_column = part_column or any(
            (tuple(heads[:i]), tuple(heads[i + 1:])) in subtotals and not _TOTAL_WORDS.fullmatch(norm(heads[i]))
            and match(q, heads[i - 1])[2] and not match(q, heads[i])[2] for i in range(1, len(heads) - 1))
        cand.unnamed = (unnamed and not (q.codes and c.code in q.codes)) or part_column or (
            is_total and not named and not _says_every_listed(q, c.table or ""))
        cand.named_row, cand.whole_bonus = l_whole and not is_total, whole_bonus
        # (given the normalised title, lists() sees only 及: 、 is gone; the note of issue 15 says why it stays so)
        cand.said = clean(label + "".join(named) + above + (title if not lists(title) else ""))
        out.append(cand)
    zero_beside_value(out, q)
    wholes = [c.score for c in out if c.value and not column_parts(c.column)]
    if wholes:
        # a zero in a column the question does not say whole (人员经费支出 for 日常经费…差旅费), beside the row's whole
        # holding the amount: the part the item has no money in, never read before that whole
        for c in out:
            if not c.value and column_parts(c.column) and not match(q, column_parts(c.column)[-1])[2]:
                c.score = min(c.score, max(wholes) - 0.5)
    return out


def _says_every_listed(q: Query, title: str) -> bool:
    """A table whose title lists several quantities (“三公”经费、会议费、培训费表) totals them all in its 合计 column:
    that cell answers only a question naming every one of them (the first one carries the title's preamble)."""
    return all(not i or i in q.text for i in listed(title)[1:])


def _fits(c: _Candidate) -> bool:
    """Enough of the question said, by a row the question names (or a table's total), and the term the question
    asks for said by the figure's own names: otherwise the figure is another quantity, however close its words."""
    return c.cover >= MIN_COVER and not c.unnamed and c.fits_head


def _best(cands: list[_Candidate]) -> _Candidate | None:
    """The best-named figure among those that fit the question."""
    fit = [c for c in cands if _fits(c)]
    return max(fit, key=lambda c: c.score) if fit else None


def candidates(question: str, hits: list[Hit], terms=()) -> list[_Candidate]:
    """Every figure in the hits that could answer a numeric question, scored by how well it is named. `terms`:
    the documents' vocabulary (cleaned), to find the term the question asks for (phrase.head_term)."""
    all_funds = ALL_FUNDS.search(halfwidth(question)) is not None
    # (含…等: the thing's members, not its name; 各类资金合计: which tables, not its name either)
    question = without_all_funds(without_examples(question))
    q = Query.of(question, hits)
    kind = intent(question)
    cands = _candidates(q, question, hits, kind)
    head = head_term(q.text, terms) if kind in ("amount", "change") else None
    # The question's own words, less those every budget figure is named with (经费, 预算, 支出…): the figure
    # must say one of them ("出国（境）经费预算" is not the 三公经费预算 sentence, which says none).
    own = {g for g in grams(_GENERIC.sub("|", q.text)) if "|" not in g}
    long_terms = [t for t in terms if len(t) >= 3]
    m = _WITHIN.search(halfwidth(question)) if kind in ("amount", "change") else None
    # (那一行, 这一项, 这个科目: words pointing at the row, not its name)
    x = _ASKED_VERBS.sub("", POINTER.sub("", clean(m.group("x")))) if m else ""
    within = x if len(set(x) - set("的了是")) >= 2 else ""
    # "Y里，X是多少" however long X is (一般公共预算基本支出里，按考核结果发的那块绩效性工资): Y says where to look, X what
    # is asked; a figure named by Y's words alone (the fund's total) is not X's
    # (…or a term of the documents said with 里 and no pause, “三公”经费里买新公车的钱: the thing follows it)
    thing = thing_asked(halfwidth(question), long_terms) if kind in ("amount", "change") else ""
    thing = POINTER.sub("", thing)  # (那部分, 那块: pointing, no words of the thing)
    thing_own = {g for g in Query.of(thing, hits).grams if not _GENERIC.search(g)} \
        if thing and thing != halfwidth(question) else set()
    # what the question says it does not ask (既不是财政拨款、也不是事业收入的那块): a figure named so is not it
    unasked = [x for w in not_asked(halfwidth(question)) if len(x := clean(w)) >= 2]
    # the one flow the question asks (收入 or 支出): a cell under the other side's heading is the other flow's
    flows = {w for w in ("收入", "支出") if w in q.text}
    for c in cands:
        coded = bool(q.codes) and getattr(c.hit.chunk, "code", None) in q.codes  # a code names it outright
        c.fits_head = head is None or says(head, c.said)
        label = clean(_TOTAL_WORDS.sub("", norm(c.row or ""))) if c.hit.chunk.kind == "row" else ""
        label = _GENERIC_END.sub("", re.sub(r"^\d+[、.．]", "", label))
        if head and len(label) >= 2 and label != _GENERIC_END.sub("", head) and label in head and not coded:
            # 应急管理 inside 灾害防治及应急管理支出: the question names the longer item (its parent), not this row.
            c.unnamed = True
        own_said = c.said.replace(c.heading, "") if c.heading else c.said
        if any(x in clean(c.row or "") or x in clean((c.column or "").split("/")[-1]) or
               (c.hit.chunk.kind == "paragraph" and x in own_said) for x in unasked):
            c.fits_head = False
        if head and c.fits_head and c.heading and not says(head, own_said):
            # Said only by the heading (三公经费及会议费培训费情况说明) while the sentence names another term
            # (公务接待费…较上年减少): the heading frames several figures, the sentence says whose this one is.
            c.fits_head = not any(t in own_said and t not in head and head not in t for t in long_terms)
        if within and not coded and not says(within, c.said) and within not in c.said:
            # "政府采购项目中，服务类项目是多少": what follows 中 is asked, what precedes it frames it (the 共有775.86
            # of every project is not the 服务类 one)
            c.fits_head = False
        if c.hit.chunk.kind == "row" and re.search(r"基本支出|项目支出", c.table or "") and \
                not re.search(r"基本|项目|人员|公用|日常", q.text):
            # a cell of the basic (or project) expenditure table is that part's figure: a question that names no
            # part asks the whole (财政拨款会议费支出决算 is not the 基本支出 table's 会议费)
            c.score -= 2.0
        if c.hit.chunk.kind == "row" and re.search(r"政府性基金|国有资本经营", c.table or "") and \
                not re.search(r"基金|国有资本|国资", q.text):
            # …and a cell of one fund's table (政府性基金预算支出表) is that fund's part: a question that names no
            # fund asks the whole (文化旅游体育与传媒 of every fund, not the 380 of the fund's table)
            c.score -= 2.0
        if own and c.said and kind in ("amount", "change") and not coded and not own & grams(c.said):
            c.fits_head = False
        if thing_own and c.said and not coded and not thing_own & grams(c.said):
            c.fits_head = False
        side = (c.column or "").split("/")[0]
        if len(flows) == 1 and side in ("收入", "支出") and side not in flows:
            c.fits_head = False  # 一般公共预算财政拨款收入 is not the 支出/一般公共预算财政拨款 cell of the same table
        if all_funds and c.hit.chunk.kind == "row" and ONE_FUND.search(c.table or ""):
            c.fits_head = False  # (every source asked: one fund's table holds only its part)
        if c.hit.chunk.kind == "row" and other_unit(c.hit.chunk, question):
            c.fits_head = False  # another unit's line of the department's table: not the figure asked
    return cands


# "Y中(，)X是多少": the X a question asks for within Y
_WITHIN = re.compile(r"(?:中|里)[，,：:]\s*(?P<x>[^，,。？?中里]{2,12}?)(?:是|为|有|共|一共)?(?:多少|几)")
# the verbs that ask, after X (差旅费一共安排了), and the words around the thing (买…的部分): no words of it
_ASKED_VERBS = re.compile(r"(?:一共|总共|共计)?(?:安排|准备|打算|列支)了?$|(?:一共|总共|共计)$|"
                          r"^(?:买|购买|花在|用在)|(?:部分|钱)$")
_GENERIC_END = re.compile(r"(?:支出|收入|经费|费用|预算)$")  # 灾害防治及应急管理 is the row of …支出
_GENERIC = re.compile("经费|预算|支出|费用|资金|金额|收入|合计|总计|部门|单位|本年|年度|项目|科目|安排|财政拨款")


def within_where(q: Query, cands: list[_Candidate]) -> list[_Candidate]:
    """The candidates read where the question says to look (政府采购预算里: the procurement table's cells, not the
    收入预算 sentence's item of the same name), when some are: the words of the where said, at least half of them,
    by the figure's document title, section, table, or its row or sentence. A where said in words no candidate
    says (日常开支里) rules out none."""
    if not q.looked_in:
        return cands

    def inside(c: _Candidate) -> bool:
        chunk = c.hit.chunk
        said = grams(clean(norm(f"{chunk.doc_title}{chunk.section or ''}{chunk.table or ''}{c.text}")))
        return 2 * len(q.looked_in & said) >= len(q.looked_in)
    kept = [c for c in cands if inside(c)]
    return kept or cands


def quoted_rows(question: str, cands: list[_Candidate]) -> list[_Candidate]:
    """A row the question names in quotes (绩效目标表中，“人工影响天气”这项任务): of its table, that row only, not
    its 合计 nor a row sharing more of the question's other words."""
    quoted = {clean(x) for x in re.findall(r"[“\"]([^”\"]{2,30})[”\"]", question)}
    tables = {c.table for c in cands if c.hit.chunk.kind == "row" and clean(c.row or "") in quoted}
    cands = [c for c in cands if c.hit.chunk.kind != "row" or c.table not in tables or clean(c.row or "") in quoted]
    # (…and a name it quotes whole, four characters or more, that a candidate's row, column or sentence prints: the
    # thing named, not a row that shares some of its words, 普法宣传与依法治理培训 for “普法与依法治理经费”)
    names = [x for x in quoted if len(x) >= 4]
    saying = [c for c in cands if any(x in clean(f"{c.row or ''}{c.column or ''}{c.text}") for x in names)]
    return saying or cands


def _candidates(q: Query, question: str, hits: list[Hit], kind: str) -> list[_Candidate]:
    if kind == "percent":
        return _stated_numbers(q, question, hits, _PERCENT, "%")
    if kind == "count":
        return _stated_numbers(q, question, hits, STATED_COUNT, "个")
    cands: list[_Candidate] = []
    qualifiers = frozenset(_qualifiers(q, hits))
    for rank, h in enumerate(hits):
        if h.chunk.kind == "row" and (kind != "change" or any(CHANGE_COLUMN.search(f["column"] or "")
                                                               for f in h.chunk.facts or [])):
            # (a change asked is read from a row only in its 增减变化 column: its levels are no change)
            cands += _row_candidates(q, h, rank, qualifiers)
        elif h.chunk.kind == "paragraph":
            cands += _paragraph_candidates(q, h, rank, change=kind == "change")
    cands = quoted_rows(question, within_where(q, cands))
    corroborate(cands)
    same_label_twice(cands, q)
    zero_beside_same_item(cands, q)
    # A row of a unit's block the question names whole (电费 under 工程管理中心): the unit's own line, whose words the
    # question says too, is that unit's total, not the item asked of it.
    items_of = {norm(c.hit.chunk.budget_unit) for c in cands if c.named_row and c.hit.chunk.kind == "row"
                and c.hit.chunk.budget_unit and norm(c.hit.chunk.label or "") != norm(c.hit.chunk.budget_unit)}
    for c in cands:
        if c.hit.chunk.kind == "row" and norm(c.hit.chunk.label or "") in items_of:
            c.unnamed = True
    if any(c.named_row for c in cands):
        # The question names a row of the table whole ("项目支出总表中精准预报"): the table's subject frames it.
        for c in cands:
            c.score -= c.whole_bonus
    if any(c.total_of for c in cands):
        # The question says a quantity whole that a table's total row carries: rows sharing only some of its
        # words are parts of it, not what is asked.
        for c in cands:
            if c.part:
                c.score -= 4.0
    return cands


def _levels_beside(column: str, facts: list[dict]) -> str:
    """The levels a change column's row prints for the same item (增减变化情况/会议费 beside 2018年/会议费 and
    2019年/会议费), said after the change; empty when it prints none."""
    tail = column.split("/", 1)[1] if "/" in column else ""
    said = [f"{head}{f['value']:,.2f}万元" for f in facts if tail and (f["column"] or "").endswith("/" + tail)
            and not CHANGE_COLUMN.search(head := (f["column"] or "").split("/", 1)[0])]
    return f"（{'，'.join(said)}）" if said else ""


def structured(question: str, hits: list[Hit], terms=(), keep=None) -> _Candidate | None:
    """The best-named figure that fits the question, among those `keep` accepts (all by default)."""
    return _best([c for c in candidates(question, hits, terms) if keep is None or keep(c)])


def corroborating(question: str, hits: list[Hit], best: _Candidate, terms=()) -> _Candidate | None:
    """Another place that states the answer's figure under the question's words (the narrative for a table's
    cell, a table for the narrative's amount), on another page: cited beside it, both pages prove it."""
    page = best.hit.chunk.page
    same = [c for c in candidates(question, hits, terms)
            if abs(c.value - best.value) < 0.005 and c.hit.chunk.page != page and c.cover >= MIN_COVER
            and not c.unnamed]
    return max(same, key=lambda c: c.score) if same else None


def evidence(question: str, hits: list[Hit], terms=()) -> dict[str, float]:
    """How strongly each hit answers the question by its structure (the row and column, the narrative subject,
    the reason clause or the definition it holds); hits that hold no answer are absent."""
    kind = intent(question)
    out: dict[str, float] = {}
    if kind in ("percent", "count", "change", "amount"):
        for c in candidates(question, hits, terms):
            if _fits(c):
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


