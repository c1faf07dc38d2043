"""Numbers and text normalisation as they appear in budget documents (full-width, thousands separators, %)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Full-width ASCII block (！ to ～) maps onto ASCII by a fixed offset; the ideographic space onto a space.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

_CELL_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}（）“”、：，])\s+(?=[{_CJK}（）“”、：，])")
_EMPTY_MARKS = {"", "-", "--", "—", "——", "/", "－", "…", "*"}


@dataclass(frozen=True)
class Number:
    value: float
    percent: bool = False
    decimals: int = 0


def halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII (for parsing, not for display)."""
    return text.translate(_FULLWIDTH)


def join_cjk(text: str) -> str:
    """Remove the spaces a line break left between Chinese characters ("政府 性基 金" -> "政府性基金")."""
    return _SPACE_IN_CJK.sub("", text.strip())


def parse_number(text: str | None) -> Number | None:
    """Parse one table cell: ``6,536.40`` -> 6536.4, ``12.3%`` -> 12.3 (percent), blank -> None.

    Anything that is not a single number (a label, a code with letters, "≤63.5万元") returns None.
    """
    if text is None:
        return None
    s = halfwidth(text).strip().replace(" ", "")
    if s in _EMPTY_MARKS:
        return None
    negative = False
    if s.startswith("(") and s.endswith(")"):  # accounting negatives
        s, negative = s[1:-1], True
    if not _CELL_NUMBER.match(s):
        return None
    percent = s.endswith("%")
    digits = s.rstrip("%").replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = float(digits)
    return Number(-value if negative else value, percent, decimals)


def cell_value(text: str | None) -> float | None:
    n = parse_number(text)
    return n.value if n else None


def is_blank(text: str | None) -> bool:
    return text is None or halfwidth(text).strip() in _EMPTY_MARKS


# A number a PDF printed letter-spaced (总额 9 4 7 万元, 5 7 9 . 8 9 万元): before a unit, or of three digits and more
_SPACED_AMOUNT = r"(?<![\d.])\d(?: \d)+(?: \. \d(?: \d)*)?(?=\s*(?:万元|亿元|元|%))"
_SPACED = re.compile(_SPACED_AMOUNT)
_SPACED_ANY = re.compile(_SPACED_AMOUNT + r"|(?<![\d.])\d(?: \d){2,}(?: \. \d(?: \d)*)?(?![\d.])")


def joined_digits(text: str, bare: bool = False) -> str:
    """Letter-spaced numbers read as one: those before a unit, and with `bare` any run of three spaced digits."""
    return (_SPACED_ANY if bare else _SPACED).sub(lambda m: m.group(0).replace(" ", ""), text)

