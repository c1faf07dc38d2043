"""Parse budget documents in text form (.txt/.md): tab-separated tables, numbered or ``#`` headings.

Pages are separated by form feeds when the text has them; otherwise the whole text is page 1.
"""
from __future__ import annotations

from pathlib import Path

from index.assemble import GridBlock, TextLine, assemble
from index.document import Document, ParseError
from index.grid import GridRow

MAX_TEXT_BYTES = 50 * 1024 * 1024
_ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes, name: str) -> str:
    """UTF-8 first, then GB18030 (a superset of GBK and GB2312, common in government exports)."""
    if b"\x00" in data[:4096]:
        raise ParseError(f"{name}: not a text file (binary content)")
    for enc in _ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ParseError(f"{name}: cannot decode text as UTF-8 or GBK")


def _indent(cell: str) -> float:
    """Leading spaces of a cell in character widths: a full-width space is one, an ASCII space half."""
    n = 0.0
    for ch in cell:
        if ch == "\u3000":
            n += 1
        elif ch == " ":
            n += 0.5
        else:
            break
    return n


def parse_text_string(text: str, source: str) -> Document:
    pages = text.split("\f")
    items: list[TextLine | GridBlock] = []
    for page_no, page in enumerate(pages, start=1):
        grid: list[GridRow] = []
        for raw in page.splitlines():
            line = raw.rstrip("\r\n")
            if "\t" in line:
                cells = line.split("\t")
                grid.append(GridRow(cells=cells, page=page_no, indents=[_indent(c) for c in cells]))
                continue
            if grid:
                items.append(GridBlock(rows=grid))
                grid = []
            stripped = line.strip()
            items.append(TextLine(text=stripped, page=page_no, markdown=stripped.startswith("#")))
        if grid:
            items.append(GridBlock(rows=grid))
    doc = assemble(source, len(pages), items, page_texts=pages)
    if not doc.paragraphs and not doc.tables:
        raise ParseError(f"{source}: empty document (no text)")
    return doc


def parse_text(path: Path) -> Document:
    size = path.stat().st_size
    if size == 0:
        raise ParseError(f"{path}: empty file")
    if size > MAX_TEXT_BYTES:
        raise ParseError(f"{path}: file too large ({size // (1024 * 1024)} MB > {MAX_TEXT_BYTES // (1024 * 1024)} MB)")
    return parse_text_string(decode(path.read_bytes(), str(path)), str(path))
