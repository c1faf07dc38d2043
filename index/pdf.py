"""Parse budget PDFs with pymupdf: text lines by baseline, paragraphs, and tables rebuilt from ruling lines.

The output is the same reading-order stream the text parser makes (index/assemble.py does the rest), so a
table means the same thing in both forms.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from index import captions
from index.assemble import _PAGE_FOOTER, GridBlock, TextLine, assemble
from index.document import Document, ParseError
from index.grid import GridRow
from index.rulings import SNAP, Seg, cluster, covered, near, segments, table_groups

MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_PAGES = 5000
_BASELINE_TOL = 2.5  # spans whose baselines differ by less than this are on one line
_HEADING = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


@dataclass(slots=True)
class _Char:
    x: float
    y: float  # baseline
    c: str
    size: float
    x0: float = 0.0
    x1: float = 0.0


def _chars(page_dict: dict) -> list[_Char]:
    """The page's characters. A span drawn again within a point of itself (bold faked by overprinting the text
    two to nine times with small offsets) is read once."""
    out = []
    seen: set[tuple[str, int, int]] = set()
    for b in page_dict["blocks"]:
        for line in b.get("lines", []):
            for span in line["spans"]:
                chars = span["chars"]
                if not chars:
                    continue
                text = "".join(ch["c"] for ch in chars)
                if text.strip():
                    kx, ky = round(chars[0]["bbox"][0]), round(chars[0]["origin"][1])
                    if any((text, kx + dx, ky + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
                        continue
                    seen.add((text, kx, ky))
                size = span["size"]
                add = out.append
                for ch in chars:
                    x0, _, x1, _ = ch["bbox"]
                    add(_Char((x0 + x1) / 2, ch["origin"][1], ch["c"], size, x0, x1))
    return out


def _lines_of(chars: list[_Char]) -> list[list[_Char]]:
    """Group characters into lines by baseline (a digit in another font keeps its sentence), left to right."""
    chars = sorted(chars, key=_by_y_x)
    lines: list[list[_Char]] = []
    last_y = None
    for ch in chars:
        tol = ch.size * 0.25
        if last_y is not None and abs(last_y - ch.y) <= (tol if tol > _BASELINE_TOL else _BASELINE_TOL):
            lines[-1].append(ch)
        else:
            lines.append([ch])
        last_y = ch.y
    for line in lines:
        if len(line) > 1:
            line.sort(key=_by_x)
    return lines


def _by_y_x(c: _Char) -> tuple[float, float]:
    return c.y, c.x


def _by_x(c: _Char) -> float:
    return c.x


def _line_text(line: list[_Char]) -> str:
    return "".join(c.c for c in line)


def _joins_without_space(a: str, b: str) -> bool:
    return not (a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha())


def _cell_text(lines: list[list[_Char]]) -> str:
    text = ""
    for line in lines:
        t = _line_text(line).strip()
        if not t:
            continue
        text = t if not text else (text + t if _joins_without_space(text, t) else text + " " + t)
    return text


def _grid(hs: list[Seg], vs: list[Seg], chars: list[_Char], page_no: int) -> tuple[GridBlock, tuple[float, float, float, float], set[int]]:
    xs = cluster([s.a for s in vs])
    ys = cluster([s.a for s in hs])
    # Column rulings that run on above the first row ruling (or below the last) bound a row whose border is not
    # drawn: a row broken over two pages, its end printed at the top of the next one.
    top, bottom = min(s.lo for s in vs), max(s.hi for s in vs)
    open_top = top < ys[0] - 4
    ys = ([top] if open_top else []) + ys + ([bottom] if bottom > ys[-1] + 4 else [])
    nrows, ncols = len(ys) - 1, len(xs) - 1
    # Union cells whose separating ruling is missing: that is a merged cell.
    owner = {(i, j): (i, j) for i in range(nrows) for j in range(ncols)}

    def find(c):
        while owner[c] != c:
            owner[c] = owner[owner[c]]
            c = owner[c]
        return c

    v_at = [near(vs, x) for x in xs]
    h_at = [near(hs, y) for y in ys]
    for i in range(nrows):
        for j in range(ncols):
            if j + 1 < ncols and not covered(v_at[j + 1], ys[i], ys[i + 1]):
                owner[find((i, j + 1))] = find((i, j))
            if i + 1 < nrows and not covered(h_at[i + 1], xs[j], xs[j + 1]):
                owner[find((i + 1, j))] = find((i, j))
    used: set[int] = set()
    by_cell: dict[tuple[int, int], list[_Char]] = {}
    x0, x1, y0, y1 = xs[0], xs[-1], ys[0], ys[-1]
    cell_of = {c: find(c) for c in owner}  # the merged cell each grid cell belongs to, resolved once
    last_i, last_j = nrows - 1, ncols - 1
    for k, ch in enumerate(chars):
        mid = ch.y - ch.size * 0.3
        if not (x0 - 1 <= ch.x <= x1 + 1 and y0 - 1 <= mid <= y1 + 1):
            continue
        used.add(k)
        i = bisect_right(ys, mid) - 1
        j = bisect_right(xs, ch.x) - 1
        key = cell_of[(0 if i < 0 else last_i if i > last_i else i, 0 if j < 0 else last_j if j > last_j else j)]
        cs = by_cell.get(key)
        if cs is None:
            by_cell[key] = [ch]
        else:
            cs.append(ch)
    _take_back_overflow(by_cell, find, xs)
    texts = {cell: _cell_text(_lines_of(cs)) for cell, cs in by_cell.items()}
    indent = _indents(by_cell, xs)
    rows: list[GridRow] = []
    for i in range(nrows):
        cells = [texts.get(find((i, j)), "") for j in range(ncols)]
        # A vertically merged cell's text belongs to its first row only; repeating it down would invent rows.
        cells = [t if find((i, j))[0] == i else "" for j, t in enumerate(cells)]
        if any(cells):
            rows.append(GridRow(cells=cells, page=page_no, indents=[indent.get(find((i, j)), 0.0) for j in range(ncols)],
                                broken=open_top and i == 0))
    return GridBlock(rows=rows, filled=True), (x0, y0, x1, y1), used, xs


_NUMBER_CHARS = set("0123456789.,-+%，．")


def _take_back_overflow(by_cell: dict[tuple[int, int], list[_Char]], find, xs: list[float]) -> None:
    """A label too long for its cell runs on over the ruling into the amount cell beside it (…中国城市”评|选 700000):
    the words that open an amount cell, touching the text on their left on its baseline, end that text."""
    for cell in sorted(by_cell):
        i, j = cell
        left = find((i, j - 1)) if j else cell
        if left == cell or left not in by_cell:
            continue
        cs = by_cell[cell]
        if not any(c.c in _NUMBER_CHARS for c in cs) or all(c.c in _NUMBER_CHARS or c.c.isspace() for c in cs):
            continue  # no amount, or nothing but one: nothing ran on into it
        mine = sorted(cs, key=lambda c: c.x0)
        k = 0
        while k < len(mine) and not mine[k].c.isspace() and mine[k].c not in _NUMBER_CHARS:
            k += 1
        rest = [c for c in mine[k:] if not c.c.isspace()]
        if not k or not rest or any(c.c not in _NUMBER_CHARS for c in rest):
            continue
        prev = [c for c in by_cell[left] if abs(c.y - mine[0].y) <= mine[0].size * 0.3 and c.x0 < mine[0].x0]
        if prev and mine[0].x0 - max(c.x1 for c in prev) <= mine[0].size * 0.3:
            by_cell[left].extend(mine[:k])
            by_cell[cell] = mine[k:]


def _gaps_in(cs: list[_Char], left: float, right: float) -> tuple[float, float]:
    """How far a cell's first line of text sits from its left and right edges, in widths of its characters
    (leading spaces count: they are not ink)."""
    ink = [c for c in cs if not c.c.isspace()]
    if not ink:
        return 0.0, 0.0
    size = max(c.size for c in ink) or 1.0
    top = min(c.y for c in ink)
    first = [c for c in ink if c.y - top <= size * 0.5]  # a wrapped label's second line may start anywhere
    return max(0.0, (min(c.x0 for c in first) - left) / size), max(0.0, (right - max(c.x1 for c in first)) / size)


def _indent(cs: list[_Char], left: float) -> float:
    """How far a cell's text starts right of its left edge, in widths of its characters."""
    return _gaps_in(cs, left, left)[0]


def _indents(by_cell: dict[tuple[int, int], list[_Char]], xs: list[float]) -> dict[tuple[int, int], float]:
    """Each cell's indent; none in a column whose text is centred (nearly every cell as far from the right edge
    as from the left, at three or more offsets spanning two characters or more: texts of many lengths centred
    alike, not a centred header over one indented list): there the offset only says how short the text is."""
    # Amounts nest nothing: only cells with words are measured.
    gaps = {cell: _gaps_in(cs, xs[cell[1]], xs[cell[1] + 1]) for cell, cs in by_cell.items()
            if any(c.c not in _NUMBER_CHARS and not c.c.isspace() for c in cs)}
    by_col: dict[int, list[tuple[float, float]]] = {}
    for cell, g in gaps.items():
        by_col.setdefault(cell[1], []).append(g)
    centred = set()
    for j, col in by_col.items():
        balanced = [lg for lg, rg in col if lg > 0.5 and abs(lg - rg) < 1.0]
        if len(col) >= 3 and len(balanced) >= 0.8 * len(col) and max(balanced) - min(balanced) >= 2 \
                and len({round(lg) for lg in balanced}) >= 3:
            centred.add(j)
    return {cell: 0.0 if cell[1] in centred else g[0] for cell, g in gaps.items()}


def _open_grid(hs: list[Seg], chars: list[_Char], page_no: int):
    """A table ruled only horizontally (a 三线表, or a box without inner verticals): rows are the text lines
    between the rulings, column boundaries the gaps that every numeric row leaves between its words."""
    x0, x1 = min(s.lo for s in hs), max(s.hi for s in hs)
    ys = cluster([s.a for s in hs])
    y0, y1 = ys[0], ys[-1]
    inside = [k for k, ch in enumerate(chars) if x0 - 1 <= ch.x <= x1 + 1 and y0 < ch.y - ch.size * 0.3 < y1]
    lines = [_words(line) for line in _lines_of([chars[k] for k in inside])]
    if len(lines) < 2:
        return None
    numeric = [ws for ws in lines if any(_is_amount(_line_text(w)) for w in ws)]
    bounds = _gaps(numeric or lines, x0, x1)
    if len(bounds) < 3 or not numeric:
        return None
    rows = []
    for ws in lines:
        cells = [""] * (len(bounds) - 1)
        indents = [0.0] * len(cells)
        for w in ws:
            j = max(0, min(len(cells) - 1, _bisect(bounds, (w[0].x0 + w[-1].x1) / 2)))
            if not cells[j]:
                indents[j] = _indent(w, bounds[j])
            cells[j] = _cell_text([w]) if not cells[j] else cells[j] + _line_text(w)
        rows.append(GridRow(cells=cells, page=page_no, indents=indents))
    return GridBlock(rows=rows, filled=False), (x0, y0, x1, y1), set(inside), bounds


def _words(line: list[_Char]) -> list[list[_Char]]:
    """Runs of characters with no gap wider than a space."""
    out: list[list[_Char]] = []
    for ch in line:
        if ch.c.isspace():
            continue
        if out and ch.x0 - out[-1][-1].x1 < ch.size * 0.6:
            out[-1].append(ch)
        else:
            out.append([ch])
    return out


def _is_amount(text: str) -> bool:
    return bool(re.fullmatch(r"-?[\d,，]+(?:\.\d+)?%?", text)) and any(c.isdigit() for c in text)


def _gaps(lines: list[list[list[_Char]]], x0: float, x1: float) -> list[float]:
    """Column boundaries: the middles of x-ranges that no word of these lines covers."""
    spans = sorted((w[0].x0, w[-1].x1) for ws in lines for w in ws)
    bounds = [x0]
    reach = spans[0][1] if spans else x0
    for lo, hi in spans[1:]:
        if lo > reach:
            bounds.append((reach + lo) / 2)
        reach = max(reach, hi)
    return bounds + [x1]


def _same_columns(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= SNAP * 2 for x, y in zip(a, b))


def _bisect(edges: list[float], v: float) -> int:
    """Index of the interval of `edges` that holds v (clamped to the first and last interval)."""
    return min(max(bisect_right(edges, v) - 1, 0), max(len(edges) - 2, 0))


def _paragraphs(lines: list[list[_Char]], page_no: int, left: float, right: float) -> list[tuple[float, TextLine]]:
    """Merge wrapped lines: a line that reaches the right margin continues into the next one unless that one is
    indented or numbered like a heading."""
    out: list[tuple[float, TextLine]] = []
    prev_full = False
    prev_y = -1e9
    for line in lines:
        text = _line_text(line)
        if not text.strip():
            continue
        size = max(c.size for c in line)
        starts_new = text.startswith((" ", "\u3000")) or line[0].x - size * 0.6 > left + size * 0.8 \
            or bool(_HEADING.match(text)) or line[0].y - prev_y > size * 2.4 \
            or captions.is_caption_meta(text.strip())  # a gap (or a table) between; a 单位： line
        prev_y = line[0].y
        if out and prev_full and not starts_new:
            y, tl = out[-1]
            tl.x0, tl.x1 = min(tl.x0, line[0].x0), max(tl.x1, line[-1].x1)
            tl.text = tl.text + text.strip() if _joins_without_space(tl.text, text.strip()) else tl.text + " " + text.strip()
        else:
            out.append((line[0].y, TextLine(text=text.strip(), page=page_no, x0=line[0].x0, x1=line[-1].x1)))
        prev_full = line[-1].x + size * 2.5 >= right
    return out


def _overflow_lines(body: list, columns: dict[int, list[float]], last_columns: list[float] | None) -> list:
    """The short fragments that open a page above a grid ruled like the one that closed the previous page,
    inside its columns: the end of a row broken over the page (its bottom part printed above the first ruling
    of the page). They belong to that row, not to the narrative, and must not part the table from its
    continuation. Captions (a title, 单位：元, 表3) are never fragments."""
    k = next((i for i, item in enumerate(body) if isinstance(item, GridBlock)), 0)
    if not k or last_columns is None or not _same_columns(columns[id(body[k])], last_columns):
        return []
    lo, hi = last_columns[0] - 1, last_columns[-1] + 1
    head = body[:k]
    if all(isinstance(t, TextLine) and t.x0 is not None and lo <= t.x0 and t.x1 <= hi and len(t.text) <= 20
           and not (captions.is_caption_meta(t.text) or captions.looks_like_title(t.text)
                    or captions.is_table_number(t.text)) for t in head):
        return head
    return []


def _check_openable(path: Path) -> pymupdf.Document:
    size = path.stat().st_size
    if size == 0:
        raise ParseError(f"{path}: empty file")
    if size > MAX_PDF_BYTES:
        raise ParseError(f"{path}: file too large ({size // (1024 * 1024)} MB > {MAX_PDF_BYTES // (1024 * 1024)} MB)")
    with open(path, "rb") as fh:
        if b"%PDF" not in fh.read(1024):
            raise ParseError(f"{path}: not a PDF file (no %PDF header)")
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # pymupdf raises several types for damaged files
        raise ParseError(f"{path}: corrupt PDF ({' '.join(str(exc).split())[:120]})") from None
    if doc.needs_pass or doc.is_encrypted:
        raise ParseError(f"{path}: encrypted PDF (password required)")
    if doc.page_count == 0:
        raise ParseError(f"{path}: PDF has no pages")
    if doc.page_count > MAX_PAGES:
        raise ParseError(f"{path}: too many pages ({doc.page_count} > {MAX_PAGES})")
    return doc


def parse_pdf(path: Path | str) -> Document:
    path = Path(path)
    pdf = _check_openable(path)
    items: list[TextLine | GridBlock] = []
    page_texts: list[str] = []
    images = 0
    last_grid: GridBlock | None = None  # the grid that closes the previous page, and its column rulings
    last_columns: list[float] | None = None
    try:
        for page_no, page in enumerate(pdf, start=1):
            page_dict = page.get_text("rawdict", flags=pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP)
            chars = _chars(page_dict)
            if not any(not c.c.isspace() for c in chars):
                images += len(page.get_images(full=False))
                page_texts.append("")
                last_grid = last_columns = None
                continue
            hs, vs = segments(page)
            placed: list[tuple[float, TextLine | GridBlock]] = []
            used: set[int] = set()
            columns: dict[int, list[float]] = {}
            for ghs, gvs in table_groups(hs, vs):
                inner = len(cluster([v.a for v in gvs])) >= 3
                found = _grid(ghs, gvs, chars, page_no) if inner else _open_grid(ghs, chars, page_no)
                if found is None:
                    continue
                block, bbox, took, xs = found
                used |= took
                if block.rows:
                    placed.append((bbox[1], block))
                    columns[id(block)] = xs
            free = [c for k, c in enumerate(chars) if k not in used]
            lines = _lines_of(free)
            if lines:
                left = min(line[0].x for line in lines)
                right = max(line[-1].x for line in lines)
                placed.extend(_paragraphs(lines, page_no, left, right))
            placed.sort(key=lambda p: p[0])
            body = [item for _, item in placed if not (isinstance(item, TextLine) and _PAGE_FOOTER.match(item.text))]
            spill = _overflow_lines(body, columns, last_columns)
            if spill:
                body = body[len(spill):]
                placed = [p for p in placed if all(p[1] is not line for line in spill)]
            if body and isinstance(body[0], GridBlock) and last_columns is not None \
                    and _same_columns(columns[id(body[0])], last_columns) and last_grid is not None \
                    and body[0].rows[0].cells not in [r.cells for r in last_grid.rows[:4]]:
                # The page opens straight with a grid ruled like the one that closed the previous page, and does
                # not repeat its header: its rows are body rows of that table, even when they hold no numbers yet.
                body[0].header_rows = 0
            grids = [item for item in body if isinstance(item, GridBlock)]
            for g in grids[1:]:
                g.fresh = True  # a table does not resume below another grid on the same page
            last_grid = body[-1] if body and isinstance(body[-1], GridBlock) else None
            last_columns = columns[id(last_grid)] if last_grid is not None else None
            items.extend(item for _, item in placed)
            page_texts.append("\n".join(_line_text(line) for line in _lines_of(chars)))
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(f"{path}: cannot read PDF content ({' '.join(str(exc).split())[:120]})") from None
    finally:
        pages = pdf.page_count
        pdf.close()
    if not any(t.strip() for t in page_texts):
        if images:
            raise ParseError(f"{path}: scanned PDF (no text layer; OCR it first)")
        raise ParseError(f"{path}: PDF has no text")
    return assemble(str(path), pages, items, page_texts)
