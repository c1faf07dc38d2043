"""Write a Sample as text (tabs, form feeds between pages) and as a PDF with ruled tables and merged header cells."""
from __future__ import annotations

from pathlib import Path

import pymupdf

from eval.generate.spec import Cell, Sample, TableBlock

FONT = "china-s"
PAGE_W, PAGE_H, MARGIN = 595, 842, 50
ROW_H = 18


def header_grid(header: list[list[Cell]]) -> tuple[list[list[str]], list[tuple[int, int, int, int, str]]]:
    """Expand merged header cells: the text grid (text in a span's first cell) and each cell's (row, col, rows, cols)."""
    if not header:
        return [], []
    width = sum(c.colspan for c in header[0])
    taken = [[False] * width for _ in header]
    grid = [[""] * width for _ in header]
    cells = []
    for r, row in enumerate(header):
        col = 0
        for cell in row:
            while col < width and taken[r][col]:
                col += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[r + dr][col + dc] = True
            grid[r][col] = cell.text
            cells.append((r, col, cell.rowspan, cell.colspan, cell.text))
            col += cell.colspan
    return grid, cells


def _table_pages(t: TableBlock) -> list[list[list[str]]]:
    if t.split_at:
        return [t.rows[: t.split_at], t.rows[t.split_at:]]
    return [t.rows]


def render_text(sample: Sample) -> str:
    pages_out = []
    for page in sample.pages:
        parts: list[list[str]] = [[]]
        for block in page:
            if isinstance(block, TableBlock):
                grid, _ = header_grid(block.header)
                for k, body in enumerate(_table_pages(block)):
                    if k:
                        parts.append([])  # the continuation starts a new page, header repeated, no title
                    else:
                        parts[-1] += [block.title, f"单位：{block.unit}"]
                    parts[-1] += ["\t".join(r) for r in grid] + ["\t".join(r) for r in body]
                if block.note:
                    parts[-1].append(block.note)
            elif isinstance(block, tuple):
                parts[-1].append(block[1])
            else:
                parts[-1].append(block)
        pages_out += ["\n".join(p) for p in parts]
    return "\n\f".join(pages_out) + "\n"


class _Writer:
    def __init__(self) -> None:
        self.pdf = pymupdf.open()
        self.page = None
        self.y = 0.0

    def new_page(self) -> None:
        self.page = self.pdf.new_page(width=PAGE_W, height=PAGE_H)
        self.y = MARGIN
        n = self.pdf.page_count
        self.page.insert_text((PAGE_W / 2 - 5, PAGE_H - 25), str(n), fontname=FONT, fontsize=9)

    def text(self, line: str, size: float = 10.5, bold: bool = False, center: bool = False) -> None:
        if self.y > PAGE_H - MARGIN - 2 * size:
            self.new_page()
        per_line = int((PAGE_W - 2 * MARGIN) / size)
        chunks = [line[i:i + per_line] for i in range(0, len(line), per_line)] or [""]
        for k, chunk in enumerate(chunks):
            indent = 2 * size if k == 0 and not center and not bold else 0
            x = (PAGE_W - len(chunk) * size) / 2 if center else MARGIN + indent
            self.page.insert_text((x, self.y + size), chunk, fontname=FONT, fontsize=size)
            self.y += size * 1.7

    def table(self, header: list[list[Cell]], body: list[list[str]]) -> None:
        """Ruled table; rows that do not fit continue on a new page under a repeated header."""
        grid, cells = header_grid(header)
        width = max(len(r) for r in grid + body)
        lens = [max([len(r[j]) for r in grid + body if j < len(r)] + [2]) for j in range(width)]
        scale = (PAGE_W - 2 * MARGIN) / sum(max(4, n) for n in lens)
        xs = [MARGIN]
        for n in lens:
            xs.append(xs[-1] + max(4, n) * scale)
        size = min(8.0, scale * 0.95)

        def draw_header() -> float:
            top = self.y
            for r, c, rs, cs, text in cells:
                rect = pymupdf.Rect(xs[c], top + r * ROW_H, xs[c + cs], top + (r + rs) * ROW_H)
                self.page.draw_rect(rect, color=(0, 0, 0), width=0.6)
                self._cell_text(rect, text, size, center=True)
            return top + len(grid) * ROW_H

        y = draw_header()
        for row in body:
            if y + ROW_H > PAGE_H - MARGIN:
                self.new_page()
                y = draw_header()
            for j in range(width):
                rect = pymupdf.Rect(xs[j], y, xs[j + 1], y + ROW_H)
                self.page.draw_rect(rect, color=(0, 0, 0), width=0.6)
                self._cell_text(rect, row[j] if j < len(row) else "", size, center=False)
            y += ROW_H
        self.y = y + 10

    def _cell_text(self, rect: pymupdf.Rect, text: str, size: float, center: bool) -> None:
        if not text:
            return
        w = pymupdf.get_text_length(text, fontname=FONT, fontsize=size)
        if w > rect.width - 2:  # shrink to fit: text spilling into the next cell would change the grid
            size = size * (rect.width - 2) / w
            w = pymupdf.get_text_length(text, fontname=FONT, fontsize=size)
        x = rect.x0 + (rect.width - w) / 2 if center else (rect.x1 - w - 2 if text[:1].isdigit() else rect.x0 + 2)
        self.page.insert_text((max(rect.x0 + 1, x), rect.y0 + (rect.height + size) / 2 - 1), text,
                              fontname=FONT, fontsize=size)


def render_pdf(sample: Sample, path: Path) -> Path:
    w = _Writer()
    for page in sample.pages:
        w.new_page()
        for block in page:
            if isinstance(block, TableBlock):
                for k, body in enumerate(_table_pages(block)):
                    if k:
                        w.new_page()
                    else:
                        w.text(block.title, size=13, center=True)
                        w.text(f"单位：{block.unit}", size=9)
                    w.table(block.header, body)
                if block.note:
                    w.text(block.note, size=9)
            elif isinstance(block, tuple):
                w.text(block[1], size=12, bold=True)
            else:
                w.text(block)
    w.pdf.save(path, garbage=1, deflate=True)
    w.pdf.close()
    return path
