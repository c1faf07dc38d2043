"""Render a parsed Document (from the text parser) as a PDF with real ruled tables, so the PDF parser can be
measured cell by cell against the text it came from."""
from __future__ import annotations

from pathlib import Path

from eval.generate.render import _Writer
from eval.generate.spec import Cell
from index.document import Document, Table
from index.grid import fill_spans, realign_header, split_header


def header_cells(head: list[list[str]]) -> list[list[Cell]]:
    """Merged header cells: a blank that continues the span on its left (as the text parser reads it) is drawn
    as part of that cell."""
    head = realign_header(head)
    filled = fill_spans(head)
    out = []
    for raw, full in zip(head, filled):
        row: list[Cell] = []
        for j, text in enumerate(full):
            if j and not raw[j] and text and text == full[j - 1]:
                row[-1].colspan += 1
            else:
                row.append(Cell(raw[j] if j < len(raw) else ""))
        out.append(row)
    return out


def _parts(table: Table) -> tuple[list[list[str]], list[list[str]]]:
    h = split_header(table.grid)
    width = max((len(r) for r in table.grid), default=0)
    rows = [r + [""] * (width - len(r)) for r in table.grid]
    return rows[:h], rows[h:]


def render_document(doc: Document, path: Path) -> Path:
    w = _Writer()
    w.new_page()
    # Paragraphs and tables in the source's reading order.
    items: list[tuple[str, object]] = []
    tables = sorted(doc.tables, key=lambda t: t.position)
    for n, p in enumerate(doc.paragraphs + [None]):
        while tables and tables[0].position <= n:
            items.append(("t", tables.pop(0)))
        if p is not None:
            items.append(("p", p))
    for kind, obj in items:
        if kind == "p":
            w.text(obj.text)
            continue
        t: Table = obj
        head, body = _parts(t)
        if not head and not body:
            continue
        # A titled table starts a page; an untitled one follows on the same page, so it is not read as the
        # continuation of the table before it. A headerless one stays put: at the top of a new page it would
        # read as the rest of the table above.
        if t.title or (head and w.y > 600):
            w.new_page()
        if t.title:
            w.text(t.title, size=11, center=True)
        if t.unit:
            w.text(f"单位：{t.unit}", size=9)
        w.table(header_cells(head), body)
        for note in t.notes:
            w.text(note, size=9)
    w.pdf.save(path, garbage=1, deflate=True)
    w.pdf.close()
    return path
