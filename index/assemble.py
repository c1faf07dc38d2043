"""Build a Document from a reading-order stream of text lines and table grids.

The PDF and the text parsers only produce that stream; captions, notes, headings, paragraphs, tables
continued over pages and the document facts are decided here, once, for both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index import captions, contents
from index.document import Document, Paragraph, Section, Table
from index.grid import GridRow, build_table, header_end, split_header
from index.meta import detect_entity, detect_kind, detect_year, title_lines
from index.numbers import join_cjk, joined_digits
from index.sections import SectionTracker, heading_level

# A page number line: 12, — 12 —, — 1 2 — (letter-spaced digits), 第12页, 第12页，共40页, 12/40.
_PAGE_FOOTER = re.compile(r"^(?:[-—\s]*\d(?:\s?\d){0,3}[-—\s]*|第\s*\d+\s*页(?:[\s,，、]*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_MAX_CAPTION_LINES = 6
_SENTENCE_END = "。！？!?；;：:）)”\""
_CAPTION_LINE = re.compile(r"表$|^[（(]20\d\d年度?[）)]$")  # a table's title or its year line: never a sentence's end
# (an amount or a rate opens no item, its decimal point or sign no ordinal: "17.89%，下降的主要原因…" goes on the
# sentence the line before cut)
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|(?![-\d,]*\.\d+\s*(?:%|％|万元|亿元|元))(?:\d+[.、．]|-)|第[一二三四五六七八九十]+部分)")


@dataclass
class TextLine:
    text: str
    page: int
    markdown: bool = False  # the source marked it as a heading (``#``)
    x0: float | None = None  # left and right end of the line on its page (PDF only)
    x1: float | None = None


@dataclass
class GridBlock:
    rows: list[GridRow]
    filled: bool = False  # merged header cells already repeated across their span
    header_rows: int | None = None
    fresh: bool = False  # drawn below another grid on its page (PDF): a table of its own, never a continuation


@dataclass
class _Rec:
    line: TextLine
    consumed: bool = False


@dataclass
class _PendingTable:
    grid: GridBlock
    title: str
    unit: str | None
    notes: list[str] = field(default_factory=list)
    index: int = 0  # position in the stream, for section paths
    number: str | None = None


def assemble(source: str, pages: int, items: list[TextLine | GridBlock], page_texts: list[str]) -> Document:
    running = _running_lines(items)
    recs: list[_Rec | _PendingTable] = []
    last_table: _PendingTable | None = None
    since_table: list[_Rec] = []  # text lines after the last table, to tell a continuation from a new table
    for item in items:
        if isinstance(item, TextLine):
            if not item.text.strip():
                continue
            # A running page header (the document's title on every page) is never a caption nor a paragraph.
            rec = _Rec(item, consumed=_key(item.text) in running)
            recs.append(rec)
            since_table.append(rec)
            if last_table is not None and captions.is_note(item.text) and len(since_table) <= 3:
                last_table.notes.append(join_cjk(item.text))
                rec.consumed = True
            continue
        title, unit, number = _take_caption(recs)
        filler = all(r.consumed or _PAGE_FOOTER.match(r.line.text.strip()) for r in since_table)
        repeated = bool(title) and last_table is not None and _key(title) == _key(last_table.title)
        if last_table is not None and (not title or repeated) and filler and _continues(last_table.grid, item):
            # Continued on this page, whether or not the page repeats the title and header.
            _extend(last_table.grid, item)
            last_table.unit = last_table.unit or unit
            for r in since_table:
                r.consumed = True
        else:
            last_table = _PendingTable(item, title, unit, index=len(recs), number=number)
            recs.append(last_table)
        since_table = []
    return _finish(source, pages, recs, page_texts)


def _key(text: str) -> str:
    return join_cjk(text).replace(" ", "")


def _running_lines(items: list) -> set[str]:
    """Lines printed on most pages (a running header naming the document): on at least half of the pages that
    have text, and at least four."""
    on: dict[str, set[int]] = {}
    pages: set[int] = set()
    for item in items:
        if isinstance(item, TextLine) and item.text.strip():
            pages.add(item.page)
            k = _key(item.text)
            if 4 <= len(k) <= 60 and not captions.is_caption_meta(k):  # 单位：万元 is each table's own
                on.setdefault(k, set()).add(item.page)
    need = max(4, len(pages) // 2)
    return {k for k, ps in on.items() if len(ps) >= need}


def _take_caption(recs: list) -> tuple[str, str | None, str | None]:
    """Consume the title, table number, year, unit and unit-name lines just above a grid. A title wrapped
    over two lines is joined; a line that is a sentence, or a second unexplained line, ends the search."""
    title, unit, number = "", None, None
    seen = 0
    tail: _Rec | None = None  # a short line under the title: maybe its wrapped end
    for k in range(len(recs) - 1, -1, -1):
        rec = recs[k]
        if not isinstance(rec, _Rec) or seen >= _MAX_CAPTION_LINES:
            break
        if rec.consumed:
            continue
        seen += 1
        text = rec.line.text
        if captions.is_caption_meta(text):
            unit = unit or captions.unit_of(text)
            number = number or captions.table_number(text)
            rec.consumed = True
            continue
        if captions.looks_like_title(text):
            joined = text if tail is None else text.strip() + tail.line.text.strip()
            # The first part of a title wrapped over two lines sits just above (same page, not a title itself).
            head = recs[k - 1] if k and tail is None else None
            if isinstance(head, _Rec) and not head.consumed and head.line.page == rec.line.page \
                    and captions.starts_title(head.line.text) and len(head.line.text.strip()) + len(text.strip()) <= 70:
                joined = head.line.text.strip() + text.strip()
                head.consumed = True
                number = number or captions.table_number(head.line.text)
            title = captions.clean_title(joined)
            number = number or captions.table_number(text)
            rec.consumed = True
            if tail is not None:
                tail.consumed = True
            # The unit line sometimes sits on the title's own line.
            unit = unit or captions.unit_of(text)
            # A table number printed on its own line above the title belongs to it.
            above = next((recs[i] for i in range(k - 1, max(-1, k - 4), -1)
                          if not (isinstance(recs[i], _Rec) and recs[i].consumed)), None)
            if isinstance(above, _Rec) and captions.is_table_number(above.line.text):
                number = number or captions.table_number(above.line.text)
                above.consumed = True
            break
        if tail is not None or not captions.continues_title(text):
            break
        tail = rec
    return title, unit, number


def _width(g: GridBlock) -> int:
    return max((len(r.cells) for r in g.rows), default=0)


_HEAD_ROWS = 10  # a header is read from a grid's first rows: never all of a long table, once per page


def _cells(g: GridBlock, rows: int | None = None) -> list[list[str]]:
    return [[join_cjk(c) for c in r.cells] for r in g.rows[:rows]]


def _repeated_header(prev: GridBlock, nxt: GridBlock) -> int:
    """How many of nxt's first rows repeat prev's header (all of it, or its lower rows), else 0.

    The repeat must run to the end of the header: forms printed back to back share their first row (the
    form's title) but not the rows under it (the project's name), and each is a table of its own."""
    cells, first = _cells(prev, _HEAD_ROWS), _cells(nxt, _HEAD_ROWS)
    h = prev.header_rows if prev.header_rows is not None else header_end(cells)
    guessed = h is None  # no data rows bound the header: a repeat of any of its first rows will do
    head = cells[:3] if guessed else cells[:h]
    for i, row in enumerate(head):
        if first[0] == row:
            k = 1
            while k < len(first) and i + k < len(head) and first[k] == head[i + k]:
                k += 1
            return k if guessed or i + k == len(head) else 0
    return 0


def _continues(prev: GridBlock, nxt: GridBlock) -> bool:
    """An untitled grid (or one under a repeat of the previous title) continues the previous table when it has
    the same columns and either starts on a later page or repeats the previous header. Forms printed one per
    page under one title share only their first row, so each stays a table of its own."""
    if not prev.rows or not nxt.rows or nxt.fresh:
        return False
    later_page = nxt.rows[0].page > prev.rows[-1].page
    if _width(prev) != _width(nxt):
        # A last page holding only the 合计 row has fewer ruled columns (合计 spans the code columns).
        return later_page and _width(nxt) < _width(prev) and len(nxt.rows) <= 2
    if later_page and nxt.header_rows == 0:
        return True  # the PDF parser saw the page open with the same ruled columns and no header
    if _repeated_header(prev, nxt):
        return True
    # Without a repeated header, a later page continues the table only if it starts straight with data rows;
    # a grid with a header of its own is another (untitled) table.
    return later_page and split_header(_cells(nxt)) == 0


def _extend(prev: GridBlock, nxt: GridBlock) -> None:
    """Append a page's grid to the table it continues, dropping its repeated header rows."""
    h = prev.header_rows if prev.header_rows is not None else split_header(_cells(prev, _HEAD_ROWS))
    rows = nxt.rows
    pad = _width(prev) - _width(nxt)
    if pad > 0:  # align the amounts on the right; the label lands in a code column and is read from there
        rows = [GridRow(cells=[""] * pad + r.cells, page=r.page) for r in rows]
    k = _repeated_header(prev, nxt) if pad <= 0 else 0
    if k == 0 and nxt.header_rows:
        k = nxt.header_rows
    rows = rows[k:]
    if rows and prev.rows and pad == 0 and rows[0].broken and _row_tail(rows[0].cells):
        # The end of the last row, broken over the page: its text joins that row's cells.
        last = prev.rows[-1]
        last.cells = [a + b for a, b in zip(last.cells, rows[0].cells)]
        rows = rows[1:]
    prev.rows.extend(rows)
    prev.header_rows = h


_ROW_OF_ITS_OWN = re.compile(r"^(?:其中|合计|总计|小计)|[:：]$")  # a 其中 line, a total: lines of their own


def _row_tail(cells: list[str]) -> bool:
    """A line that prints only words, none of them an amount, a code or an item's number: the end of a row
    whose start is on the page before."""
    texts = [join_cjk(c).strip() for c in cells if c and c.strip()]
    return bool(texts) and not any(any(ch.isdigit() for ch in t) or _NUMBERED.match(t) or _ROW_OF_ITS_OWN.search(t)
                                   for t in texts)


def _finish(source: str, pages: int, recs: list, page_texts: list[str]) -> Document:
    all_lines = [r.line.text for r in recs if isinstance(r, _Rec)]
    heads = title_lines(all_lines)
    head_text = " ".join(heads)
    body_text = "\n".join(all_lines)
    doc = Document(source=source, pages=pages, page_texts=page_texts, title=head_text)
    doc.kind = detect_kind(head_text) if detect_kind(head_text) != "unknown" else detect_kind(body_text[:3000])
    doc.year = detect_year(head_text, body_text)
    doc.entity = detect_entity(heads, all_lines)

    tracker = SectionTracker()
    joinable = False  # the last thing placed was a paragraph a following line may continue
    for rec in recs:
        if isinstance(rec, _PendingTable):
            joinable = False
            n = len(doc.tables) + 1
            g = rec.grid
            table: Table = build_table(
                table_id=f"t{n}", title=rec.title, unit=rec.unit, grid=g.rows, header_rows=g.header_rows,
                filled=g.filled, notes=rec.notes, section=tracker.path,
            )
            table.number = rec.number
            table.unit_source = "printed" if rec.unit else None
            table.position = len(doc.paragraphs)
            doc.tables.append(table)
            continue
        if rec.consumed:
            continue
        text = join_cjk(rec.line.text.strip().lstrip("#").strip().strip("*").strip())
        if not text or _PAGE_FOOTER.match(text):
            continue
        level = heading_level(text, markdown=rec.line.markdown)
        prev = doc.paragraphs[-1] if doc.paragraphs and joinable and level is None else None
        if prev and _broken(prev.text, text) and prev.page == rec.line.page:
            # A sentence broken over two paragraphs by a line break in the source ("…纳入预算绩效管理的项目支" +
            # "出216.20万元…"): one paragraph again, so claims and passages read it whole.
            prev.text += text
            continue
        joinable = level is None
        if level is not None:
            path = tracker.push(level, text)
            doc.sections.append(Section(title=text, level=level, page=rec.line.page, path=path))
            if not any(ch.isdigit() for ch in text):
                continue
        doc.paragraphs.append(Paragraph(id=f"p{len(doc.paragraphs) + 1}", page=rec.line.page,
                                        section=tracker.path, text=joined_digits(text)))
    contents.name_tables(doc.tables, all_lines)
    _settle_units(doc.tables)
    _infer_units(doc.tables, doc.paragraphs)
    return doc


def _settle_units(tables: list[Table]) -> None:
    """Every table gets a unit and says where it came from: a 单位 line on its pages (printed), else a unit named
    in its cells (金额（万元）, printed), else the unit line of its nearest sibling table, the one before it first
    (inherited). Never a silent default: a document that prints no unit anywhere leaves it None."""
    lined = [t.unit if t.unit_source == "printed" else None for t in tables]
    for t in tables:
        if t.unit is None:
            found = captions.units_in_cells([c for row in t.grid for c in row])
            if len(found) == 1:
                t.unit, t.unit_source = found.pop(), "printed"
    for i, t in enumerate(tables):
        if t.unit is None:
            before = next((u for u in reversed(lined[:i]) if u), None)
            sibling = before or next((u for u in lined[i + 1:] if u), None)
            if sibling:
                t.unit, t.unit_source = sibling, "inherited"


_WAN = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*万元")


def _infer_units(tables: list[Table], paragraphs: list[Paragraph]) -> None:
    """A table whose unit was not printed (inherited, or none) is checked against the narrative's 万元 amounts:
    when its 合计/总计 is a narrative amount only after dividing by 10,000 it is in 元, when it is one as it
    stands (and not after dividing) it is in 万元; the unit is then `inferred`."""
    said = {round(float(m.group(1).replace(",", "")), 2) for p in paragraphs for m in _WAN.finditer(p.text)}
    if not said:
        return
    for t in tables:
        if t.unit_source == "printed":
            continue
        total = next((r for r in t.rows if r.level == 0 and r.values and r.values[0]), None)
        if total is not None and total.values[0] is not None:
            v = total.values[0]
            as_wan, as_yuan = round(v, 2) in said, round(v / 10000, 2) in said
        else:
            # (no total row, a small table of years by part, 年度｜总收入支出｜基本支出: its amounts the narrative
            # states, two at least, none of them the other way; whole numbers may be years or counts)
            amounts = {v for r in t.rows for i, v in enumerate(r.values) if v and i not in r.percent and v != int(v)}
            wan = sum(round(v, 2) in said for v in amounts)
            # (…in 元 only amounts of a 万元 at least: the narrative's 0.04万元 are chance matches of small ones)
            yuan = sum(round(v / 10000, 2) in said for v in amounts if abs(v) >= 10000)
            v = max(amounts, default=0.0)
            as_wan, as_yuan = wan >= 2 and not yuan, yuan >= 2 and not wan
        if as_yuan and not as_wan and t.unit != "元":
            t.unit, t.unit_source = "元", "inferred"
        elif as_wan and not as_yuan and t.unit != "万元" and v < 1e7:
            t.unit, t.unit_source = "万元", "inferred"


def _broken(prev: str, nxt: str) -> bool:
    """A long paragraph that stops mid-sentence, followed by a line that does not start an item of its own."""
    return len(prev) >= 30 and prev[-1] not in _SENTENCE_END and not _NUMBERED.match(nxt) \
        and not _CAPTION_LINE.search(nxt)
