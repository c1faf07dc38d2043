"""Grounding checks for LLM text: every number must come from the evidence, every quote must occur in it.

Numbers are compared unit-aware: an amount may be restated in 元, 万元 or 亿元 (factors of 10^4), a percent may be
written as a ratio, and a reply may round an evidence number to the precision it prints (71.0 for 70.96, never
70.96 for 71.0). Signs are ignored: "减少8.4" and "−8.4" state the same figure.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.numbers import halfwidth

# A number as written in prose: 1,234.56 / 1234 / 12.3% / 12.3万元. Digits glued to Latin letters (codes such as
# "A1") are not amounts; digits inside a longer digit run are taken whole.
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<pct>\s*%|\s*个百分点)?(?P<unit>\s*(?:亿元|万元|元|亿|万))?")
_SCALES = (1.0, 1e4, 1e-4, 1e8, 1e-8)
_SPACE = re.compile(r"\s+")
_QUOTE_MARKS = "\"'“”‘’「」『』《》"


@dataclass(frozen=True)
class Mention:
    """A number found in text, with the precision it was printed at."""
    value: float
    decimals: int
    percent: bool
    raw: str


def numbers_in(text: str) -> list[Mention]:
    out = []
    for m in _NUMBER.finditer(halfwidth(text or "")):
        digits = m.group("num").replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        value = float(digits)
        unit = (m.group("unit") or "").strip()
        # "12万" / "3亿" as written amounts: scale into the same space the evidence numbers are compared in.
        if unit == "万":
            value, decimals = value * 1e4, max(decimals - 4, 0)
        elif unit == "亿":
            value, decimals = value * 1e8, max(decimals - 8, 0)
        out.append(Mention(value, decimals, bool(m.group("pct")), m.group(0).strip()))
    return out


def normalise(text: str) -> str:
    """For quote matching: half-width, no whitespace (PDF line breaks and table tabs fall anywhere)."""
    return _SPACE.sub("", halfwidth(text or ""))


class Evidence:
    """The numbers and text a reply may draw on."""

    def __init__(self, texts: Iterable[str], numbers: Iterable[float] = ()):
        self.texts = [t for t in texts if t]
        self.joined = normalise("\n".join(self.texts))
        values = {abs(n.value) for t in self.texts for n in numbers_in(t)}
        values |= {abs(float(v)) for v in numbers}
        self.values = sorted(values)

    def has_number(self, m: Mention) -> bool:
        return any(_matches(m, v) for v in self.values)

    def has_quote(self, quote: str) -> bool:
        q = normalise(quote).strip(_QUOTE_MARKS)
        return bool(q) and q in self.joined


def _matches(m: Mention, value: float) -> bool:
    candidates = [value * s for s in _SCALES]
    if m.percent:  # 11.83% may restate a ratio 0.1183
        candidates += [value * 100]
    for c in candidates:
        # Rounded to the printed precision, and close in relative terms: "71.0" restates 70.96, but "1" does not
        # restate 0.6 although it is 0.6 rounded.
        if abs(round(c, m.decimals) - m.value) < 1e-9 and abs(c - m.value) <= 0.05 * abs(c) + 1e-12:
            return True
    return False


def ungrounded_numbers(text: str, evidence: Evidence) -> list[str]:
    return [m.raw for m in numbers_in(text) if not evidence.has_number(m)]


def check_reply(fields: Sequence[str], quotes: Sequence[str], evidence: Evidence,
                figures: Evidence | None = None) -> str | None:
    """None when grounded, else the first reason it is not ("number 12.3 not in evidence").

    Numbers are checked against ``figures`` when given (a finding's own computed figures: stricter, so a number
    planted in a document paragraph cannot be repeated even inside a quote) and otherwise against ``evidence``;
    quotes must occur verbatim in ``evidence``.
    """
    numbers = figures or evidence
    for text in fields:
        bad = ungrounded_numbers(text, numbers)
        if bad:
            return f"grounding failed: number {bad[0]} not in evidence"
    for q in quotes:
        if not evidence.has_quote(q):
            short = q if len(q) <= 30 else q[:30] + "…"
            return f"grounding failed: quote “{short}” not in evidence"
        bad = ungrounded_numbers(q, numbers)
        if bad:
            return f"grounding failed: number {bad[0]} not in evidence"
    return None


_CITE = re.compile(r"\[(\d+)\]")


def citations(text: str) -> list[int]:
    return [int(n) for n in _CITE.findall(halfwidth(text or ""))]


def check_answer(text: str, passages: Sequence[str]) -> str | None:
    """An answer is grounded when it cites only given passages ([1]..[n]) and its numbers occur in the cited ones."""
    cited = citations(text)
    if not cited:
        return "grounding failed: no [n] citation"
    out_of_range = [n for n in cited if not 1 <= n <= len(passages)]
    if out_of_range:
        return f"grounding failed: citation [{out_of_range[0]}] refers to no passage"
    evidence = Evidence([passages[n - 1] for n in sorted(set(cited))])
    bad = ungrounded_numbers(_CITE.sub(" ", halfwidth(text)), evidence)
    if bad:
        return f"grounding failed: number {bad[0]} not in cited passages"
    return None
