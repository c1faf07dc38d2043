"""Scoring functions: retrieval hits, answer and citation correctness, finding matches, precision/recall.

Everything here is pure (no model, no store): the runner feeds it predictions, tests feed it hand-made inputs.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING

from index.numbers import halfwidth, parse_number

if TYPE_CHECKING:  # the labelled types are read here, made in eval.labels (which reads these metrics)
    from eval.labels import ExpectedFinding, Question

# A number as printed in running text: 6,536.40 / 91,016,775.35 / 12.5 / 4614 (a % sign is kept apart).
_NUMBER_IN_TEXT = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")
YUAN_PER_WANYUAN = 10_000.0


@dataclass
class Chunk:
    """One retrieved passage, as any system reports it."""
    source: str
    pages: list[int]
    text: str
    score: float = 0.0


@dataclass
class Prediction:
    """What a system returned for one question."""
    value: float | None = None
    unit: str | None = None
    text: str = ""
    citations: list[Chunk] = field(default_factory=list)
    retrieved: list[Chunk] = field(default_factory=list)
    seconds: float = 0.0


def numbers_in(text: str) -> list[float]:
    """Every number printed in a piece of text (thousands separators and full-width digits understood)."""
    out: list[float] = []
    for m in _NUMBER_IN_TEXT.finditer(halfwidth(text or "")):
        n = parse_number(m.group(0))
        if n is not None:
            out.append(n.value)
    return out


def same_source(a: str, b: str) -> bool:
    """Sources match by file name: stores keep absolute paths, labels keep corpus-relative ones."""
    return PurePath(a).name == PurePath(b).name


def value_printed(value: float, unit: str | None, text: str, tolerance: float = 0.01) -> bool:
    """Does the text print this value, in 万元 or (for money) in 元?"""
    found = numbers_in(text)
    if any(abs(x - value) <= tolerance + 1e-9 for x in found):
        return True
    if unit == "万元":
        # 元 figures are exact; the 万元 gold is rounded to 2 decimals, so allow half a cent of 万元 (50元).
        yuan = value * YUAN_PER_WANYUAN
        return any(abs(x - yuan) <= max(tolerance, 0.005) * YUAN_PER_WANYUAN for x in found)
    return False


def chunk_hits(question: Question, chunk: Chunk) -> bool:
    """A retrieved chunk counts when it comes from a gold source, covers a gold page and holds the answer."""
    if not any(same_source(chunk.source, g.source) and set(chunk.pages) & set(g.pages) for g in question.gold):
        return False
    if question.value is not None:
        return value_printed(question.value, question.unit, chunk.text, question.tolerance)
    return any(phrase in chunk.text for phrase in question.key_phrases)


def first_hit_rank(question: Question, retrieved: list[Chunk]) -> int | None:
    for rank, chunk in enumerate(retrieved, start=1):
        if chunk_hits(question, chunk):
            return rank
    return None


def retrieval_scores(ranks: list[int | None]) -> dict[str, float]:
    """recall@1, recall@5 and MRR from the rank of the first hit of each question (None = no hit)."""
    n = len(ranks)
    if n == 0:
        return {"recall@1": 0.0, "recall@5": 0.0, "mrr": 0.0}
    return {
        "recall@1": sum(1 for r in ranks if r is not None and r <= 1) / n,
        "recall@5": sum(1 for r in ranks if r is not None and r <= 5) / n,
        "mrr": sum(1.0 / r for r in ranks if r is not None) / n,
    }


def answer_correct(question: Question, prediction: Prediction) -> bool:
    """Numbers within tolerance (same unit family); text answers must contain every key phrase."""
    if question.value is not None:
        if prediction.value is None:
            return False
        value = prediction.value
        if question.unit == "万元" and prediction.unit == "元":
            value = value / YUAN_PER_WANYUAN
        return abs(value - question.value) <= question.tolerance + 1e-9
    text = prediction.text or ""
    return all(phrase in text for phrase in question.key_phrases)


def citation_correct(question: Question, prediction: Prediction) -> bool:
    """At least one cited page is among the gold pages of a gold source."""
    return any(
        same_source(c.source, g.source) and set(c.pages) & set(g.pages)
        for c in prediction.citations for g in question.gold
    )


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


# ---------------------------------------------------------------- findings


@dataclass
class ReportedFinding:
    """The parts of a rules Finding the scorer needs (kept small so tests can build them by hand)."""
    kind: str
    pages: list[int]
    numbers: list[float]
    severity: str = "error"
    key: str = ""

    @classmethod
    def from_finding(cls, finding) -> "ReportedFinding":
        nums: list[float] = []
        for v in (finding.expected, finding.actual):
            if isinstance(v, (int, float)):
                nums.append(float(v))
            elif isinstance(v, str):
                nums.extend(numbers_in(v))
        nums.extend(numbers_in(finding.message))
        nums.extend(numbers_in(getattr(finding, "computation", "") or ""))
        pages = sorted({e.page for e in finding.evidence})
        key = f"{finding.rule}|{finding.kind}|{pages}|{finding.expected}|{finding.actual}"
        return cls(kind=finding.kind, pages=pages, numbers=nums, severity=finding.severity, key=key)


def off_by(numbers: list[float], delta: float, rel: float = 0.002) -> bool:
    """True when two of the finding's numbers differ by `delta` (also as its 元/万元 counterpart): a changed cell
    carried into a total that no longer adds up."""
    d = abs(delta)
    if d == 0:
        return False
    for scale in (1.0, YUAN_PER_WANYUAN, 1 / YUAN_PER_WANYUAN):
        target = d * scale
        tol = max(0.021 * scale if scale >= 1 else 0.021, target * rel)
        if any(abs(abs(x - y) - target) <= tol for i, x in enumerate(numbers) for y in numbers[i + 1:]):
            return True
    return False


def involves(numbers: list[float], wanted: list[float], rel: float = 0.002) -> bool:
    """True when any wanted number appears among the finding's numbers, also as its 元/万元 counterpart."""
    if not wanted:
        return True
    for w in wanted:
        for x in numbers:
            for scale in (1.0, YUAN_PER_WANYUAN, 1 / YUAN_PER_WANYUAN):
                target = w * scale
                if abs(x - target) <= max(0.011 * scale if scale >= 1 else 0.011, abs(target) * rel):
                    return True
    return False


def finding_matches(expected: ExpectedFinding, found: ReportedFinding) -> bool:
    return (found.kind == expected.kind and expected.page in found.pages
            and involves(found.numbers, expected.numbers))


@dataclass
class MatchResult:
    matched: list[bool]  # per expected finding
    true_positives: int
    false_positives: int
    per_kind_fp: dict[str, int] = field(default_factory=dict)
    per_kind_tp: dict[str, int] = field(default_factory=dict)
    unexplained: list[ReportedFinding] = field(default_factory=list)


def match_findings(expected: list[ExpectedFinding], found: list[ReportedFinding],
                   ignore_kinds: tuple[str, ...] | list[str] = ()) -> MatchResult:
    """Pair expected with reported findings. A reported finding that explains no expected one is a false
    positive, unless its kind is ignored on this document; several findings may explain one expectation."""
    matched = [False] * len(expected)
    tp = fp = 0
    per_kind: dict[str, int] = {}
    per_kind_tp: dict[str, int] = {}
    unexplained: list[ReportedFinding] = []
    for f in found:
        hits = [i for i, e in enumerate(expected) if finding_matches(e, f)]
        if hits:
            tp += 1
            per_kind_tp[f.kind] = per_kind_tp.get(f.kind, 0) + 1
            for i in hits:
                matched[i] = True
        elif f.kind in ignore_kinds:
            continue
        else:
            fp += 1
            per_kind[f.kind] = per_kind.get(f.kind, 0) + 1
            unexplained.append(f)
    return MatchResult(matched, tp, fp, per_kind, per_kind_tp, unexplained)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1; an empty side scores 1.0 (nothing claimed wrongly / nothing to find)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
