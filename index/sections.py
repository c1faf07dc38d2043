"""Heading detection and section paths (第一部分 / 一、/ （一）/ 1.)."""
from __future__ import annotations

import re

from index.numbers import join_cjk

_CN = "一二三四五六七八九十百零〇"
_LEVELS = [
    (1, re.compile(rf"^第[{_CN}\d]+部分")),
    (2, re.compile(rf"^[{_CN}]+\s*[、.．]")),
    (3, re.compile(rf"^[（(][{_CN}]+[）)]")),
    (4, re.compile(r"^\d{1,2}\s*[、.．](?!\d)")),
    (5, re.compile(r"^[（(]\d{1,2}[）)]")),
]
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|元|亿元|%|个|辆|人)")


def heading_level(line: str, markdown: bool = False) -> int | None:
    """The level of a heading line, or None for body text. Long or number-laden lines are body text even
    when numbered ("1.因公出国（境）费0万元。" is a sentence, not a heading)."""
    s = join_cjk(line.strip().strip("*").strip())
    if markdown:
        for level, rx in _LEVELS:
            if rx.match(s):
                return level
        return 2
    if not s or len(s) > 40 or _AMOUNT.search(s) or s.count("。") > 1:
        return None
    if "：" in s[:-1] or (s.endswith("。") and len(s) > 20):
        return None
    for level, rx in _LEVELS:
        if rx.match(s):
            return level
    return None


class SectionTracker:
    """Keeps the current heading path as headings arrive in reading order."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []

    def push(self, level: int, title: str) -> str:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, title))
        return self.path or title

    @property
    def path(self) -> str | None:
        return SEPARATOR.join(t for _, t in self.stack) or None


SEPARATOR = " / "  # between the headings of a section path


def last_heading(section: str | None) -> str:
    """The innermost heading of a section path ("" when there is none)."""
    return (section or "").split(SEPARATOR)[-1]
