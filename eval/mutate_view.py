"""The mutation benchmark's own reading of a document: a line view of a text file or a PDF's text layer, and
the captioned tables a reader sees in it. Kept apart from index/ on purpose: the benchmark's ground truth must not
come from the parser it measures.
"""
from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from index.numbers import halfwidth, parse_number
from rules.pack import load_pack
from rules.semantics import norm_label, table_type_of

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Line:
    page: int  # 1-based
    text: str
    bbox: tuple[float, float, float, float] | None = None  # PDF only
    size: float = 9.0


@dataclass
class Edit:
    line: int
    new_text: str | None  # None deletes the line
    part: int | None = None  # text documents: index of the tab-separated cell to replace


# ---------------------------------------------------------------- document views


class TextView:
    """A text document as lines; tables are tab-separated lines, pages are separated by form feeds."""

    def __init__(self, path: Path):
        self.path = Path(path)
        raw = self.path.read_text(encoding="utf-8")
        self.lines: list[Line] = []
        for page, chunk in enumerate(raw.split("\f"), start=1):
            for text in chunk.split("\n"):
                self.lines.append(Line(page, text))
        self._pages = raw.count("\f") + 1

    def cells(self, i: int) -> list[str]:
        return self.lines[i].text.split("\t")

    def is_table_line(self, i: int) -> bool:
        return "\t" in self.lines[i].text

    def rows(self) -> list[list[tuple[int, int | None, str]]]:
        """Table rows as (line, cell index, text) triples."""
        return [[(i, k, c) for k, c in enumerate(self.cells(i))] for i in range(len(self.lines))
                if self.is_table_line(i)]

    def write(self, edits: list[Edit], out: Path) -> Path:
        texts = [ln.text for ln in self.lines]
        pages = [ln.page for ln in self.lines]
        for e in edits:
            if e.new_text is None:
                texts[e.line] = None  # type: ignore[call-overload]
            elif e.part is not None:
                parts = texts[e.line].split("\t")
                parts[e.part] = e.new_text
                texts[e.line] = "\t".join(parts)
            else:
                texts[e.line] = e.new_text
        chunks: list[list[str]] = [[] for _ in range(self._pages)]
        for t, p in zip(texts, pages):
            if t is not None:
                chunks[p - 1].append(t)
        out.write_text("\f".join("\n".join(c) for c in chunks), encoding="utf-8")
        return out


class PdfView:
    """A PDF's text layer as lines with their boxes; rows group the lines that share a baseline."""

    def __init__(self, path: Path):
        import pymupdf

        self.path = Path(path)
        self.lines: list[Line] = []
        with pymupdf.open(self.path) as doc:
            for pno, page in enumerate(doc, start=1):
                for block in page.get_text("dict")["blocks"]:
                    for ln in block.get("lines", []):
                        text = "".join(s["text"] for s in ln["spans"])
                        if text.strip():
                            size = ln["spans"][0]["size"] if ln["spans"] else 9.0
                            self.lines.append(Line(pno, text, tuple(ln["bbox"]), size))

    def is_table_line(self, i: int) -> bool:
        t = self.lines[i].text.strip()
        return len(CJK.findall(t)) < 12 and len(t) < 30

    def rows(self) -> list[list[tuple[int, int | None, str]]]:
        groups: dict[tuple[int, int], list[int]] = {}
        for i, ln in enumerate(self.lines):
            if ln.bbox and self.is_table_line(i):
                mid = (ln.bbox[1] + ln.bbox[3]) / 2
                groups.setdefault((ln.page, round(mid / 3)), []).append(i)
        rows = []
        for key in sorted(groups):
            idx = sorted(groups[key], key=lambda i: self.lines[i].bbox[0])
            rows.append([(i, None, self.lines[i].text.strip()) for i in idx])
        return rows

    def write(self, edits: list[Edit], out: Path) -> Path:
        import pymupdf

        with pymupdf.open(self.path) as doc:
            by_page: dict[int, list[Edit]] = {}
            for e in edits:
                by_page.setdefault(self.lines[e.line].page, []).append(e)
            for pno, page_edits in by_page.items():
                page = doc[pno - 1]
                for e in page_edits:
                    x0, y0, x1, y1 = self._redaction(e.line)
                    page.add_redact_annot(pymupdf.Rect(x0, y0, x1, y1))
                page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE)
                for e in page_edits:
                    if e.new_text is None:
                        continue
                    ln = self.lines[e.line]
                    x0, _, x1, y1 = ln.bbox
                    if e.new_text.isascii() and _num(ln.text) is not None and _num(e.new_text) is not None:
                        # A number alone in a table cell: keep it in its cell, right-aligned, in a Latin font (the
                        # CJK font prints digits twice as wide and pushes the number into the next column).
                        width = pymupdf.get_text_length(e.new_text, fontname="helv", fontsize=ln.size)
                        page.insert_text((x1 - width, y1 - ln.size * 0.22), e.new_text, fontname="helv",
                                         fontsize=ln.size)
                        continue
                    # A longer line (2999.75 -> 29997500.00) must not run off the page: shrink it to fit.
                    room = max(x1, page.rect.width - 36) - x0
                    width = pymupdf.get_text_length(e.new_text, fontname="china-s", fontsize=ln.size)
                    size = ln.size * min(1.0, room / width) if width else ln.size
                    page.insert_text((x0, y1 - ln.size * 0.22), e.new_text, fontname="china-s", fontsize=size)
            doc.save(out, garbage=3, deflate=True)
        return out


def _redact_box(self, i: int) -> tuple[float, float, float, float]:
    """The box to redact for line i: its middle 60 %, cut back to clear the boxes of the lines above and below
    (lines set close together have overlapping boxes, and a redaction removes every glyph it touches: the digits
    of the next line went with it)."""
    ln = self.lines[i]
    x0, y0, x1, y1 = ln.bbox
    pad = (y1 - y0) * 0.2
    top, bottom = y0 + pad, y1 - pad
    mid = (y0 + y1) / 2
    for j, o in enumerate(self.lines):
        if j == i or o.page != ln.page or not o.bbox or o.bbox[0] >= x1 or o.bbox[2] <= x0:
            continue
        if o.bbox[3] > top and o.bbox[1] < bottom:
            if (o.bbox[1] + o.bbox[3]) / 2 < mid:
                top = max(top, o.bbox[3])
            else:
                bottom = min(bottom, o.bbox[1])
    return x0, top, x1, max(bottom, top + 1)


PdfView._redaction = _redact_box


def view(path: Path) -> TextView | PdfView:
    return PdfView(path) if Path(path).suffix.lower() == ".pdf" else TextView(path)


# ---------------------------------------------------------------- helpers


def _num(text: str) -> float | None:
    n = parse_number(text)
    return n.value if n else None


def _fmt(value: float, like: str) -> str:
    """Print value the way `like` was printed (decimals, thousands separators)."""
    s = halfwidth(like).strip()
    decimals = len(s.split(".")[1]) if "." in s else 0
    text = f"{value:,.{decimals}f}" if "," in s else f"{value:.{decimals}f}"
    return text


def _bumped(value: float, like: str, rng: random.Random) -> float:
    """A clearly different value, far beyond rounding (5–25% away, at least 1 unit of the last digit × 50)."""
    decimals = len(halfwidth(like).split(".")[1]) if "." in like else 0
    step = 10 ** -decimals
    delta = max(abs(value) * rng.uniform(0.05, 0.25), 50 * step)
    return round(value + delta, decimals)


def _narrative_lines(v) -> list[int]:
    return [i for i, ln in enumerate(v.lines) if not v.is_table_line(i) and len(CJK.findall(ln.text)) >= 6]


def _table_numbers(v) -> set[float]:
    out: set[float] = set()
    for row in v.rows():
        for _, _, cell in row:
            x = _num(cell)
            if x is not None:
                out.add(round(x, 2))
                out.add(round(x / 10_000, 2))
    return out


def _sub(text: str, m: re.Match, group: int, new: str) -> str:
    return text[: m.start(group)] + new + text[m.end(group):]


# ---------------------------------------------------------------- tables as a reader sees them

TOTAL_ROW = re.compile(r"^(?:合计|总计)$")
MONEY = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d.,])")
SENTENCE = re.compile(r"[，。；,;]|^\s*(?:注|说明)\s*[：:]")


@dataclass
class Segment:
    """A captioned table: its title line, its type (by the rule pack's aliases), its rows over every page it spans."""
    title: int
    type: str | None
    rows: list[list[tuple[int, int | None, str]]] = field(default_factory=list)
    skip: list[tuple[int | None, tuple[float, float] | None]] = field(default_factory=list)  # 行次/栏次 columns

    @property
    def last_line(self) -> int:
        return max(i for row in self.rows for i, _, _ in row)


def title_type(text: str) -> str | None:
    """The canonical type of a table title (rules/pack.yaml aliases), "untyped" for another title ending in 表,
    None when the line is not a table title."""
    t = re.sub(r"[（(]\s*续\s*[)）]\s*$", "", text.strip().strip("#* ")).strip()
    if not t.endswith("表") or len(t) > 40 or "\t" in t or re.search(r"说明|情况表的", t[-6:-1]):
        return None
    tt = table_type_of(norm_label(t), load_pack()) if norm_label(t) else None
    return tt.type if tt else "untyped"


def _position(v, i: int) -> tuple:
    ln = v.lines[i]
    return (ln.page, (ln.bbox[1] + ln.bbox[3]) / 2, ln.bbox[0]) if ln.bbox else (ln.page, i, 0)


def _segments(v) -> list[Segment]:
    """Every captioned table of the document. A table runs from its title to the next title or narrative sentence,
    so the pages that continue it (header repeated, no title) belong to it, and a title repeated on the next page
    joins the piece before it."""
    events = []
    for i, ln in enumerate(v.lines):
        text = ln.text.strip()
        if not text or isinstance(v, TextView) and v.is_table_line(i):
            continue
        kind = title_type(text)
        if kind == "untyped" and len(CJK.findall(text)) < 4:
            continue  # a form number (公开01表) printed beside the real title
        if kind:
            events.append((_position(v, i), i, kind))
        elif _sentence(text):
            events.append((_position(v, i), i, None))
    events.sort()
    keys = [e[0] for e in events]
    segs: dict[int, Segment] = {}
    order: list[Segment] = []
    for row in (v.rows() if isinstance(v, TextView) else _pdf_rows(v)):
        k = bisect.bisect_left(keys, min(_position(v, i) for i, _, _ in row))
        if not k or events[k - 1][2] is None:
            continue
        _, line, kind = events[k - 1]
        if line not in segs:
            segs[line] = Segment(line, None if kind == "untyped" else kind)
            order.append(segs[line])
        segs[line].rows.append(row)
    merged: list[Segment] = []
    for seg in order:
        prev = merged[-1] if merged else None
        if prev and _norm_title(v.lines[prev.title].text) == _norm_title(v.lines[seg.title].text):
            prev.rows += seg.rows
        else:
            merged.append(seg)
    for seg in merged:
        for row in seg.rows:
            if not any(_amount_text(c) for _, _, c in row):
                for i, part, cell in row:
                    if re.sub(r"\s", "", cell) in ("行次", "栏次"):
                        bbox = v.lines[i].bbox
                        seg.skip.append((part, (bbox[0], bbox[2]) if bbox and part is None else None))
    return merged


def _pdf_rows(v) -> list[list[tuple[int, int | None, str]]]:
    """Rows of a PDF's tables: the lines sharing a baseline, long labels and runs of numbers included (the line
    view keeps only short lines), sentences left out."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, ln in enumerate(v.lines):
        t = ln.text.strip()
        if ln.bbox and t and not _sentence(t) and len(CJK.findall(t)) < 30:
            groups.setdefault((ln.page, round((ln.bbox[1] + ln.bbox[3]) / 6)), []).append(i)
    return [[(i, None, v.lines[i].text.strip()) for i in sorted(idx, key=lambda i: v.lines[i].bbox[0])]
            for _, idx in sorted(groups.items())]


def _sentence(text: str) -> bool:
    return bool(SENTENCE.search(MONEY.sub("", text))) and len(CJK.findall(text)) >= 6


def _numbers(cell: str) -> list[float] | None:
    """The amounts of a cell: one number, or several printed in one PDF line (3,197,100.00 5,381,100.00)."""
    parts = halfwidth(cell).split()
    values = [_num(p) for p in parts]
    return values if parts and all(x is not None and re.search(r"\d", p) for x, p in zip(values, parts)) else None


def _norm_title(text: str) -> str:
    return re.sub(r"[（(]\s*续\s*[)）]|\s|^[\d.、一二三四五六七八九十]+", "", text.strip("#* "))


def _amount_text(cell: str) -> bool:
    return _num(cell) is not None


def split_row(v, seg: Segment, row) -> tuple[str, str, list[tuple[int, int | None, str, float]]]:
    """(code, label, amounts) of a table row: leading digit cells are classification codes (210|15|04 or 2101504
    or a unit code 036), word cells make the label, the numbers after them are amounts (行次/栏次 columns skipped)."""
    codes: list[str] = []
    label: list[str] = []
    amounts = []
    for i, part, cell in row:
        c = halfwidth(cell).strip()
        if not c:
            continue
        lead = re.match(r"(\d{2,7})\s+(\D.*)$", c)
        if lead and CJK.search(lead.group(2)) and not label and not amounts:
            codes.append(lead.group(1))  # a code printed in the label's cell (01 行政运行)
            c = lead.group(2)
        if re.fullmatch(r"\d{2,9}", c) and not label and not amounts and (
                not codes or len(codes) < 3 and len(c) == 2 and len(codes[0]) == 3):
            codes.append(c)
            continue
        xs = _numbers(c)
        if xs is None:
            if isinstance(v, PdfView) and MONEY.search(c):
                amounts.append((i, part, cell, None))  # a PDF line running an amount into the next label
            elif CJK.search(c) and not amounts:
                label.append(c)
            continue
        if _skipped(v, seg, i, part):
            continue
        amounts.append((i, part, cell, xs[0] if len(xs) == 1 else None))  # None: several numbers in one line
    label_text = re.sub(r"\s", "", "".join(label))
    if label_text in ("栏次", "行次"):
        amounts = []  # column numbers, not amounts
    return "".join(codes), label_text, amounts


def _skipped(v, seg: Segment, i: int, part: int | None) -> bool:
    for spart, span in seg.skip:
        if part is not None and spart == part:
            return True
        if span and v.lines[i].bbox:
            x0, x1 = v.lines[i].bbox[0], v.lines[i].bbox[2]
            if min(x1, span[1]) - max(x0, span[0]) > 0.5 * min(x1 - x0, span[1] - span[0]):
                return True
    return False


def _table_blocks(v) -> list[tuple[int, int, int]]:
    """(title line, first row line, last row line + 1) of each typed table, continuation pages included."""
    return [(s.title, min(i for r in s.rows for i, _, _ in r), s.last_line + 1) for s in _segments(v)
            if s.type and s.type != "performance"]


def _doc_kind(v) -> str:
    from index.load import load

    try:
        return load(v.path).kind
    except Exception:  # noqa: BLE001 - a document the parser rejects has no kind to mutate against
        return "unknown"
