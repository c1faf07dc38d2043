"""Build a Document from a reading-order stream of text lines and table grids.

The PDF and the text parsers only produce that stream; captions, notes, headings, paragraphs, tables
continued over pages and the document facts are decided here, once, for both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from index import captions
from index.document import Document, Paragraph, Section, Table
from index.grid import GridRow, build_table, header_end, split_header
from index.meta import detect_entity, detect_kind, detect_year, title_lines
from index.numbers import join_cjk
from index.sections import SectionTracker, heading_level

_PAGE_FOOTER = re.compile(r"^(?:[-—\s]*\d{1,4}[-—\s]*|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_MAX_CAPTION_LINES = 6
_SENTENCE_END = "。！？!?；;：:）)”\""
_CAPTION_LINE = re.compile(r"表$|^[（(]20\d\d年度?[）)]$")  # a table's title or its year line: never a sentence's end
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+部分|-)")


@dataclass
class TextLine:
    text: str
    page: int
    markdown: bool = False  # the source marked it as a heading (``#``)


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


def assemble(source: str, pages: int, items: list[TextLine | GridBlock], page_texts: list[str]) -> Document:
    recs: list[_Rec | _PendingTable] = []
    last_table: _PendingTable | None = None
    since_table: list[_Rec] = []  # text lines after the last table, to tell a continuation from a new table
    for item in items:
        if isinstance(item, TextLine):
            if not item.text.strip():
                continue
            rec = _Rec(item)
            recs.append(rec)
            since_table.append(rec)
            if last_table is not None and captions.is_note(item.text) and len(since_table) <= 3:
                last_table.notes.append(join_cjk(item.text))
                rec.consumed = True
            continue
        title, unit = _take_caption(recs)
        filler = all(r.consumed or _PAGE_FOOTER.match(r.line.text.strip()) for r in since_table)
        if last_table is not None and not title and filler and _continues(last_table.grid, item):
            _extend(last_table.grid, item)
            for r in since_table:
                r.consumed = True
        else:
            last_table = _PendingTable(item, title, unit, index=len(recs))
            recs.append(last_table)
        since_table = []
    return _finish(source, pages, recs, page_texts)


def _take_caption(recs: list) -> tuple[str, str | None]:
    """Consume the title, unit and unit-name lines just above a grid."""
    title, unit = "", None
    seen = 0
    for rec in reversed(recs):
        if not isinstance(rec, _Rec) or seen >= _MAX_CAPTION_LINES:
            break
        if rec.consumed:
            continue
        seen += 1
        text = rec.line.text
        if captions.is_caption_meta(text):
            unit = unit or captions.unit_of(text)
            rec.consumed = True
            continue
        if captions.looks_like_title(text):
            title = captions.clean_title(text)
            rec.consumed = True
            # The unit line sometimes sits on the title's own line.
            unit = unit or captions.unit_of(text)
        break
    return title, unit


def _width(g: GridBlock) -> int:
    return max((len(r.cells) for r in g.rows), default=0)


def _cells(g: GridBlock) -> list[list[str]]:
    return [[join_cjk(c) for c in r.cells] for r in g.rows]


def _repeated_header(prev: GridBlock, nxt: GridBlock) -> int:
    """How many of nxt's first rows repeat prev's header (all of it, or its lower rows), else 0.

    The repeat must run to the end of the header: forms printed back to back share their first row (the
    form's title) but not the rows under it (the project's name), and each is a table of its own."""
    cells, first = _cells(prev), _cells(nxt)
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
    """An untitled grid continues the previous table when it has the same columns and either starts on a
    later page or repeats the previous header."""
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
    h = prev.header_rows if prev.header_rows is not None else split_header(_cells(prev))
    rows = nxt.rows
    pad = _width(prev) - _width(nxt)
    if pad > 0:  # align the amounts on the right; the label lands in a code column and is read from there
        rows = [GridRow(cells=[""] * pad + r.cells, page=r.page) for r in rows]
    k = _repeated_header(prev, nxt) if pad <= 0 else 0
    if k == 0 and nxt.header_rows:
        k = nxt.header_rows
    prev.rows.extend(rows[k:])
    prev.header_rows = h


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
                                        section=tracker.path, text=text))
    return doc


def _broken(prev: str, nxt: str) -> bool:
    """A long paragraph that stops mid-sentence, followed by a line that does not start an item of its own."""
    return len(prev) >= 30 and prev[-1] not in _SENTENCE_END and not _NUMBERED.match(nxt) \
        and not _CAPTION_LINE.search(nxt)
