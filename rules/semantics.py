"""Table semantics: canonical table types, role rows/columns (合计, 基本支出, 类/款/项 codes) and 万元 values.

`Semantics` is built once per document and indexed (labels, codes, types), so rules look cells up in O(1)
instead of scanning every cell for every claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.document import Document, Row, Table
from index.numbers import halfwidth, parse_number
from rules.pack import RulePack, TableType

TOTAL_LABEL = re.compile(r"^(?:合\s*计|总\s*计|本年(?:收入|支出)合计|收入总计|支出总计|总合计)$")
TOTAL_WORD = re.compile(r"合计|总计|小计")
_ORDINAL = re.compile(r"^(?:[（(]?[一二三四五六七八九十百零\d]+[)）、.．]+|其中[：:]?|[\d]+[、.．])+")
_LEVEL_TAG = re.compile(r"[（(](?:类|款|项)[)）]")
_PUNCT = re.compile(r"[\s（）()“”\"‘’'：:、，,。*#【】\[\]《》<>]")
_CODE_HEADER = re.compile(r"编码|代码|编号|序号|栏次|^序$")
_UNIT_ROW = re.compile(r"(?:局|委|委员会|办|办公室|中心|院|所|站|队|街道|镇|乡|馆|学校|本级|部|厅|处|社|会)$")
_TITLE_TAIL = re.compile(r"(?:情况|预算|决算|明细|汇总|总体)*表$")


def norm_label(text: str) -> str:
    """Canonical form of a label or subject: no numbering, no (类)/(款)/(项) tags, no punctuation."""
    s = halfwidth(text or "").replace("（", "(").replace("）", ")")
    s = _LEVEL_TAG.sub("", s.replace("(", "（").replace(")", "）"))
    s = _ORDINAL.sub("", s.strip())
    s = _PUNCT.sub("", s)
    s = _ORDINAL.sub("", s)
    return s


def label_keys(text: str) -> list[str]:
    """The keys a label is indexed under: its canonical form, and without a trailing 支出/合计."""
    k = norm_label(text)
    keys = [k] if k else []
    if k.startswith("本年") and len(k) >= 6:
        keys.append(k[2:])  # 本年收入合计 is what the narrative calls 收入合计
    for tail in ("支出", "合计", "费用"):
        if k.endswith(tail) and len(k) > len(tail) + 1:
            keys.append(k[: -len(tail)])
    if "的" in k:  # 对个人和家庭的补助 is often written 对个人和家庭补助
        keys += [x.replace("的", "") for x in keys]
    return keys


def code_kind(code: str | None) -> str | None:
    """'functional' (2xx / 2xxxx / 2xxxxxx), 'economic' (3xx / 3xxxx, 5xx / 5xxxx), else None."""
    if not code or not code.isdigit():
        return None
    if code[0] == "2" and len(code) in (3, 5, 7):
        return "functional"
    if code[0] in "35" and len(code) in (3, 5):
        return "economic"
    return None


def decimals_of(text: str | None) -> int | None:
    n = parse_number(text)
    return n.decimals if n else None


@dataclass
class Cell:
    """One table value, normalised to 万元, with where it sits (for evidence)."""
    value: float          # in 万元
    raw: float            # as printed, in the table's unit
    table: Table
    row: Row
    col: int
    decimals: int
    # How the cell was found: "row" (its row's label), "column" (a column name read on a total row: the
    # table's whole quantity, e.g. 人员经费 of the 合计 row) or "title" (the table's own subject).
    via: str = "row"

    @property
    def page(self) -> int:
        return self.row.page

    def text(self) -> str:
        head = self.table.header_text(self.col)
        unit = self.table.unit or "万元"
        return f"{self.table.title or self.table.id}｜{self.row.label or self.row.code or '（首行）'}｜{head}：{fmt(self.raw)}{unit}"


def fmt(x: float, decimals: int = 2) -> str:
    s = f"{x:,.{decimals}f}"
    return s


@dataclass
class TableInfo:
    table: Table
    type: str | None
    scale: float
    decimals: int
    value_cols: list[int]          # columns that hold money (not codes, not percents)
    total_col: int | None
    total_rows: list[Row]
    has_unit_rows: bool = False
    # A piece that continues a table (same title) under a header of another width: its header was misread, so
    # which column is which cannot be trusted.
    header_mismatch: bool = False

    def cell(self, row: Row, col: int) -> Cell | None:
        v = row.value(col)
        if v is None or col in row.percent:
            return None
        raw_text = row.cells[col] if col < len(row.cells) else None
        d = decimals_of(raw_text)
        return Cell(v * self.scale, v, self.table, row, col, self.decimals if d is None else d)

    def half_unit(self) -> float:
        """Half a unit of the last printed digit, in 万元."""
        return 0.5 * 10 ** -self.decimals * self.scale


def table_type_of(text: str, pack: RulePack) -> TableType | None:
    """The table type a title (or a sentence about a table) names: its most specific alias.

    Every alias occurrence is a candidate. One that sits inside a longer alias (收支总 in 财政拨款收支总), or that
    a phrase starting further left overlaps (支出总 in 基本支出总表, 支出决算表 in …基本支出决算表), only names a part
    of that phrase: the longer phrase is the more specific name and the part is dropped, even when the phrase's
    own type does not apply (基本支出 without 一般公共预算: a table the pack has no type for, never 支出总表).
    Among the remaining candidates whose type's required words are present and excluded words absent, the
    pack's order decides (the pack lists its types most specific first)."""
    hits: list[tuple[int, int, int, TableType, bool]] = []  # start, end, pack order, type, applies
    for order, tt in enumerate(pack.table_types):
        applies = all(r in text for r in tt.require) and not any(x in text for x in tt.exclude)
        for a in tt.aliases:
            start = text.find(a)
            while start >= 0:
                hits.append((start, start + len(a), order, tt, applies))
                start = text.find(a, start + 1)

    def part_of_longer(h: tuple) -> bool:
        s, e = h[0], h[1]
        return any((o[0] <= s and e <= o[1] and o[1] - o[0] > e - s) or o[0] < s < o[1] < e for o in hits)

    live = [h for h in hits if h[4] and not part_of_longer(h)]
    return min(live, key=lambda h: h[2])[3] if live else None


def classify(table: Table, pack: RulePack) -> str | None:
    tt = table_type_of(norm_label(table.title), pack) if norm_label(table.title) else None
    return tt.type if tt else None


def is_total_row(row: Row) -> bool:
    return bool(TOTAL_LABEL.match(norm_label(row.label) or "")) or (not row.label.strip() and not row.code)


def is_column_number_row(row: Row) -> bool:
    """The row of column numbers many templates print under the header (栏次 / ** / 1, 2, 3 …): part of the
    header, not amounts."""
    label = norm_label(row.label)
    if label in ("栏次", "行次") or re.fullmatch(r"[*＊]+", row.label.strip() or "-"):
        return True
    values = [v for v in row.values if v is not None]
    return len(values) >= 3 and not label and values == [float(i) for i in range(int(values[0]), int(values[0]) + len(values))] \
        and values[0] in (0.0, 1.0)


def _is_entity(label: str, entity: str | None) -> bool:
    return bool(entity) and bool(label) and (label in entity or entity in label)


def is_unit_name(text: str, entity: str | None = None) -> bool:
    """A label naming a unit (the entity, 本级, 某某中心, 某某局) rather than an item of money."""
    label = norm_label(text)
    return bool(label) and (_is_entity(label, entity) or bool(_UNIT_ROW.search(label)))


def names_unit(row: Row, entity: str | None) -> bool:
    """The row is named after a unit: a unit subtotal in a per-unit table."""
    return is_unit_name(row.label, entity)


def is_unit_row(row: Row, entity: str | None) -> bool:
    """A unit subtotal row by its code: a unit code (6 or 9 digits), or a code that classifies nothing beside a
    unit's name; or the entity's own name."""
    if row.code and row.code.isdigit() and len(row.code) in (6, 9):
        return True
    label = norm_label(row.label)
    return _is_entity(label, entity) or bool(row.code and code_kind(row.code) is None and _UNIT_ROW.search(label or ""))


def _value_cols(table: Table) -> list[int]:
    cols = []
    width = max([len(table.header)] + [len(r.values) for r in table.rows[:50]])
    for i in range(width):
        joined = "/".join(table.header[i]) if i < len(table.header) else ""
        if _CODE_HEADER.search(joined) or re.search(r"率|%|比例|名称|单位$|指标|分值|得分", joined):
            continue
        if _is_text_col(table, i):
            continue
        cols.append(i)
    return cols


def _is_text_col(table: Table, i: int) -> bool:
    """A column of words (支出科目, 项目类型), not amounts: most of its filled cells are not numbers."""
    filled = numeric = 0
    for r in table.rows[:200]:
        cell = r.cells[i].strip() if i < len(r.cells) else ""
        if cell and cell not in ("-", "—", "/"):
            filled += 1
            numeric += r.value(i) is not None
    return filled >= 2 and numeric * 2 < filled


def _total_col(table: Table, cols: list[int]) -> int | None:
    for i in cols:
        path = table.header[i] if i < len(table.header) else []
        if len(path) == 1 and re.search(r"^(?:合计|总计|本年(?:收入|支出)合计|.*合计)$", norm_label(path[0])):
            return i
    for i in cols:
        path = table.header[i] if i < len(table.header) else []
        if path and TOTAL_WORD.search(path[-1]) and len(path) <= 2:
            return i
    return cols[0] if cols else None


def _decimals(table: Table) -> int:
    """The table's printed precision: the commonest decimals of its fractional amounts; a table that prints only
    whole numbers (150,000,000 元) is precise to the unit, not to 0.01."""
    seen: dict[int, int] = {}
    whole = 0
    for r in table.rows[:200]:
        for c in r.cells:
            n = parse_number(c)
            if n and not n.percent and n.value != int(n.value):
                seen[n.decimals] = seen.get(n.decimals, 0) + 1
            elif n and not n.percent and n.value and n.decimals == 0 and abs(n.value) >= 1000:
                whole += 1
    if seen:
        return max(seen, key=seen.get)
    return 0 if whole >= 3 else 2


# Header words that say which year or basis a column is (2026年预算数, 上年决算, 本年金额), not what it measures.
_BASIS_WORD = re.compile(r"(?:20\d\d年度?|本年度?|上年度?|当年)?(?:年初|全年|调整)?(?:预算|决算|执行)?(?:数|金额|额)?")


def column_name(path: list[str]) -> str:
    """What a value column measures: its last header word that is not 小计/合计/金额 or a year/basis word
    (2026年预算数)."""
    for word in reversed(path):
        w = norm_label(word)
        if w and not re.fullmatch(r"小计|合计|\d+|栏次", w) and not _BASIS_WORD.fullmatch(w):
            return w
    return ""


@dataclass
class Semantics:
    doc: Document
    pack: RulePack
    infos: list[TableInfo] = field(default_factory=list)
    by_type: dict[str, list[TableInfo]] = field(default_factory=dict)
    labels: dict[str, list[Cell]] = field(default_factory=dict)
    codes: dict[str, list[tuple[TableInfo, Row]]] = field(default_factory=dict)
    info_of: dict[str, TableInfo] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Document, pack: RulePack) -> "Semantics":
        sem = cls(doc, pack)
        prev = None
        for t in merge_continued(doc.tables):
            cols = _value_cols(t)
            info = TableInfo(t, classify(t, pack), t.scale(), _decimals(t), cols, _total_col(t, cols),
                             [r for r in t.rows if is_total_row(r)])
            info.has_unit_rows = any(is_unit_row(r, doc.entity) for r in t.rows)
            info.header_mismatch = bool(prev and t.title and norm_label(t.title) == norm_label(prev.title)
                                        and len(t.header) != len(prev.header))
            prev = t
            sem.infos.append(info)
            sem.info_of[t.id] = info
            if info.type:
                sem.by_type.setdefault(info.type, []).append(info)
            sem._index(info)
        return sem

    def _add(self, key: str, cell: Cell) -> None:
        if len(key) >= 2:
            self.labels.setdefault(key, []).append(cell)

    def _index(self, info: TableInfo) -> None:
        t = info.table
        if info.type == "performance":
            return  # targets and scores, not amounts of this year's accounts
        core = _TITLE_TAIL.sub("", norm_label(re.sub(r"^.*?20\d\d\s*年度?", "", t.title or "")))
        for r in t.rows:
            if r.code:
                self.codes.setdefault(r.code, []).append((info, r))
            keys = label_keys(r.label)
            if not keys or re.fullmatch(r"合计|总计|小计|总合计", keys[0]):
                continue
            if len(keys[0]) < self.pack.min_label_chars and len(core) >= 4:
                # A row named in a word or two (货物, 服务) is named in the text with the table's subject before it
                # (政府采购货物预算 for the 货物 row of 政府采购预算明细表).
                keys = keys + [core + keys[0]]
            cells = [c for c in (info.cell(r, i) for i in info.value_cols) if c]
            for k in keys:
                for c in cells:
                    self._add(k, c)
        # Column names read on the total rows (合计 / unlabeled first row / one-row tables): 基本支出, 人员经费…
        rows = self.whole_rows(info)
        sources = {norm_label(x) for x in self.pack.context_labels}
        for r in rows:
            for i in info.value_cols:
                c = info.cell(r, i)
                path = t.header[i] if i < len(t.header) else []
                name = column_name(path) if path else ""
                if name in sources and len(path) >= 2:
                    # 因公出国(境)费 / 一般公共预算: the item is the group, the leaf only says which fund pays it.
                    name = column_name(path[:-1]) or name
                if c and name:
                    c.via = "column"
                    for k in label_keys(name):
                        self._add(k, c)
            # The table's own subject (一般公共预算支出 from 一般公共预算支出情况表) names its grand total.
            if info.total_col is not None:
                c = info.cell(r, info.total_col)
                if c and len(core) >= 4:
                    c.via = "title"
                    for k in label_keys(core):
                        self._add(k, c)

    def whole_rows(self, info: TableInfo) -> list[Row]:
        """The rows that carry the table's whole quantities this year: the row of the document's year in a table
        listing years as rows, else its 合计/总计 rows, else its only row."""
        t = info.table
        return self._year_rows(info) or info.total_rows[:2] or (t.rows[:1] if len(t.rows) == 1 else [])

    def _year_rows(self, info: TableInfo) -> list[Row]:
        """In a table that lists years as rows (年度: 2025年 / 2026年 / 增减变化), the row of the document's year:
        its columns are this year's figures, as a 合计 row's are."""
        year = self.doc.year
        if not year:
            return []
        this = re.compile(rf"\s*{year}\s*年?度?\s*")
        text_cols = [i for i in range(len(info.table.header)) if i not in info.value_cols][:2]
        return [r for r in info.table.rows if this.fullmatch(r.label or "")
                or any(i < len(r.cells) and this.fullmatch(r.cells[i] or "") for i in text_cols)]

    def types(self, *names: str) -> list[TableInfo]:
        return [i for n in names for i in self.by_type.get(n, [])]

    def lookup(self, subject: str) -> tuple[str, list[Cell]] | None:
        """Longest indexed key that ends the subject (at least `min_label_chars` characters), with its cells.
        Trailing noise (预算为, 安排, 支出…) is peeled off one word at a time, trying the label at each step."""
        n = self.pack.min_label_chars
        noise = sorted(self.pack.subject_noise, key=len, reverse=True)
        qualifiers = [norm_label(q) for q in self.pack.context_labels + self.pack.scope_words]
        s = norm_label(subject)
        if s.endswith("费用"):  # 因公出国（境）费用 is the table's 因公出国（境）费
            hit = self.lookup(s[:-2] + "费")
            if hit:
                return hit
        tried = set()
        while s and s not in tried:
            tried.add(s)
            for start in range(0, max(0, len(s) - n + 1)):
                key = s[start:]
                if key in self.labels:
                    # "政府性基金拨款支出预算" is not the table's "支出预算": a funding source or scope word cut
                    # off the front narrows the quantity, so the shorter label names something else.
                    if any(q in s[:start] for q in qualifiers):
                        break
                    return key, self.labels[key]
            w = next((w for w in noise if s.endswith(w) and len(s) - len(w) >= n), None)
            if w is None:
                break
            s = s[: -len(w)]
        return None

    def code_path(self, names: list[str]) -> list[Cell]:
        """Cells of the 项 row named by a 类/款/项 path (its 款 parent must carry the 款 name)."""
        if not names:
            return []
        leaf = norm_label(names[-1])
        out: list[Cell] = []
        for cell in self.labels.get(leaf, []):
            info = self.info_of.get(cell.table.id)
            if info is not None and info.type in _LIST_TYPES and not code_kind(cell.row.code):
                continue  # a project or purchase of the same name is not the classification item the path names
            code = cell.row.code
            if len(names) >= 2 and code and len(code) == 7:
                parents = self.codes.get(code[:5], [])
                if parents and not any(_same(norm_label(p.label), norm_label(names[-2])) for _, p in parents):
                    continue
            out.append(cell)
        return out


def merge_continued(tables: list[Table]) -> list[Table]:
    """Join a table with the pieces that continue it (same title, or untitled with the same header width):
    sums and hierarchies are only meaningful over the whole table."""
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        # The same title but for its year is the same table (a year mistyped on one page does not split it).
        same_title = prev is not None and t.title and (norm_label(t.title) == norm_label(prev.title) or (
            _yearless(t.title) == _yearless(prev.title) and min(t.pages or [0]) <= max(prev.pages or [0]) + 1))
        untitled = prev is not None and not t.title and prev.title and len(t.header) == len(prev.header) \
            and t.rows and not t.label_header.startswith("项目支出绩效")
        if prev is not None and (same_title or untitled) and len(t.header) == len(prev.header):
            out[-1] = Table(id=prev.id, title=prev.title, unit=prev.unit or t.unit,
                            pages=sorted(set(prev.pages + t.pages)), header=prev.header, rows=prev.rows + t.rows,
                            label_header=prev.label_header, notes=prev.notes + t.notes, section=prev.section,
                            grid=prev.grid + t.grid)
        else:
            out.append(t)
    return out


# Tables that list projects, purchases or targets by name, not classification items: a 类/款/项 path never names
# one of their rows (突发公共卫生事件应急处理（项） is not the project of that name in the 项目支出表).
_LIST_TYPES = {"project_expenditure", "procurement", "purchase_service", "performance"}


def _yearless(title: str) -> str:
    return re.sub(r"20\d\d年度?", "", norm_label(title))


def _same(a: str, b: str) -> bool:
    return a == b or a.removesuffix("支出") == b.removesuffix("支出")


