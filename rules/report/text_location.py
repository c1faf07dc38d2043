"""Locations a reader can use in a text document: the line of the file a passage starts on, the heading of its
section, and the page when the text marks its pages (a line such as "- 3 -", "—3—" or "第3页", or a form feed).

A text file is one "page" to the parser, so "page 1" says nothing in a 60 KB file; the line and the section do."""
from __future__ import annotations

import re
from pathlib import Path

from rules.findings import DocumentReport, Evidence

_HEADING = re.compile(r"^\s*#*\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_PAGE_MARK = re.compile(r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*/?\s*共\s*\d+\s*页)?)\s*$")
_CLAUSE = re.compile(r"[，。；：、！？,;:\s]+")
_SPACE = re.compile(r"\s+")


def read_lines(path: str) -> list[str] | None:
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc).splitlines()
        except UnicodeDecodeError:
            continue
    return None


def _flat(s: str) -> str:
    return _SPACE.sub("", s)


class TextIndex:
    """Lines of one text file, whitespace removed, with the headings and page marks found in them."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.flat = [_flat(x.replace("\f", "")) for x in lines]
        self.marks = [i for i, x in enumerate(lines) if _PAGE_MARK.match(x) or "\f" in x]

    def find(self, ev: Evidence) -> int | None:
        """0-based line of the passage (a table cell: the row's line; a sentence: where most of its clauses are)."""
        if ev.table and "｜" in ev.text:
            head, _, value = ev.text.rpartition("：")
            parts = head.split("｜")
            label = _flat(parts[1]) if len(parts) > 1 else ""
            number = re.sub(r"[^\d.,]", "", value.split("万元")[0].split("元")[0])
            rows = [i for i, x in enumerate(self.flat) if label and label in x]
            with_value = [i for i in rows if number and number in self.flat[i].replace("\t", "")]
            title = self._title_line(ev.table)
            for pool in (with_value, rows):
                after = [i for i in pool if title is None or i >= title]
                if after or pool:
                    return (after or pool)[0]
            return title
        text = _flat(ev.text)
        hit = next((i for i, x in enumerate(self.flat) if text and text in x), None)
        if hit is not None:
            return hit
        clauses = [c for c in (_flat(c) for c in _CLAUSE.split(ev.text)) if len(c) >= 6]
        best, score = None, 0
        for c in sorted(clauses, key=len, reverse=True)[:6]:
            for i, x in enumerate(self.flat):
                if c in x:
                    near = sum(any(o in y for y in self.flat[max(0, i - 3): i + 4]) for o in clauses)
                    if near > score:
                        best, score = i, near
        return best

    def _title_line(self, title: str | None) -> int | None:
        if not title:
            return None
        flat = _flat(title)
        hits = [i for i, x in enumerate(self.flat) if flat in x and len(x) <= len(flat) + 12]
        return hits[-1] if hits else None  # the last: the table's own title, after the 目录 that lists it

    def section(self, line: int) -> str | None:
        for i in range(line, -1, -1):
            text = self.lines[i]
            if "\t" in text or not _HEADING.match(text):  # a table row numbered 三、… is not a heading
                continue
            if i != line or len(self.flat[i]) <= 40:
                return text.strip().lstrip("#").strip()[:40]
        return None

    def page(self, line: int) -> int | None:
        if not self.marks:
            return None
        return sum(1 for m in self.marks if m < line) + 1


def locate_report(report: DocumentReport) -> None:
    """Fill `line` and `section` (and `page` where the text marks pages) of every evidence passage in place."""
    lines = read_lines(report.source)
    if not lines:
        return
    index = TextIndex(lines)
    for f in report.findings:
        for e in f.evidence:
            if e.page <= 0 or e.line is not None:
                continue
            line = index.find(e)
            if line is None:
                continue
            e.line = line + 1
            # A table cell's place is its table (already named in the evidence); a sentence's is its heading.
            e.section = e.section or (None if e.table and "｜" in e.text else index.section(line))
            page = index.page(line)
            if page and e.page == 1:
                e.page = page
