"""Labelled sets: gold questions, expected findings and clean documents, read from YAML and validated.

A set names its documents by path relative to a root (the corpus folder for the real set, a generated folder for
the synthetic set). Money is always recorded in 万元, whatever unit the document prints (91,016,775.35元 is
9101.68万元), so one tolerance works for every document.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from core.errors import LabelError
from rules.findings import FindingKind

QuestionType = Literal["table", "narrative", "reason", "definition", "cross_document"]


class GoldSource(BaseModel):
    """Where the answer is printed: one document and the page(s) that prove it."""
    source: str
    pages: list[int] = Field(min_length=1)


class PartValue(BaseModel):
    """One of several figures behind an answer: a second value asked for, a cell a ranking or sum used, or one
    document's figure in a question across documents."""
    label: str = Field(description="What the figure is (a row label, a department name)")
    value: float = Field(description="The figure (money in 万元)")
    unit: str = Field(description="Its unit: 万元, %, 辆, 人 ...")
    source: str | None = Field(default=None, description="Document that prints it, when not the question's only one")
    pages: list[int] = Field(default_factory=list, description="Pages of that document that print it")


QuestionKind = Literal["lookup", "paraphrase", "short_name", "cross_doc", "ranking", "english", "not_in_store"]


class Question(BaseModel):
    id: str
    question: str
    type: QuestionType
    # Where the answer is printed; empty only for a question the documents cannot answer (answerable: false).
    gold: list[GoldSource] = Field(default_factory=list)
    # Numeric answers: the value (万元 for money), its unit and the accepted absolute tolerance in that unit.
    value: float | None = None
    unit: str | None = None
    tolerance: float = 0.01
    # Text answers (reasons, definitions, lists of units): every phrase must appear in the answer.
    key_phrases: list[str] = Field(default_factory=list)
    # Optional descriptors (eval/sets/real_qa.yaml; sets without them load as before).
    kind: QuestionKind | None = Field(default=None, description="How the question is asked")
    split: Literal["dev", "untouched"] | None = Field(default=None, description="dev, or untouched (measure only)")
    answerable: bool = Field(default=True, description="False: the store does not hold the answer; the right "
                             "response is answered: false")
    printed: str | None = Field(default=None, description="The figure as the page prints it, when it differs")
    values: list[PartValue] = Field(default_factory=list, description="Every figure behind the answer")
    cells: list[str] = Field(default_factory=list, description="Table cells a ranking or sum used")
    note: str = ""

    @model_validator(mode="after")
    def _answerable(self) -> "Question":
        if not self.answerable:
            return self
        if not self.gold:
            raise ValueError(f"question {self.id}: needs gold (where the answer is printed)")
        if self.value is None and not self.key_phrases:
            raise ValueError(f"question {self.id}: needs a value or key_phrases")
        if self.value is not None and self.unit is None:
            raise ValueError(f"question {self.id}: a value needs its unit")
        if self.tolerance < 0:
            raise ValueError(f"question {self.id}: tolerance must be >= 0")
        return self

    @property
    def sources(self) -> list[str]:
        return [g.source for g in self.gold]


class ExpectedFinding(BaseModel):
    """A contradiction a careful reader finds: its kind, the page that shows it and the numbers involved."""
    kind: FindingKind
    page: int
    numbers: list[float] = Field(default_factory=list)
    judgement: str = ""


class DocumentLabels(BaseModel):
    """Expected findings of one document; anything else it reports counts against precision."""
    source: str
    findings: list[ExpectedFinding] = Field(default_factory=list)
    # How many findings nobody expected are tolerated before the document fails its own bar.
    max_false_errors: int = 0
    # Kinds that are neither right nor wrong on this document (e.g. placeholders in an official template).
    ignore_kinds: list[FindingKind] = Field(default_factory=list)
    note: str = ""


class LabelSet(BaseModel):
    name: str
    description: str = ""
    # Folder the documents' paths are relative to; None = the corpus folder given at run time.
    root: str | None = None
    questions: list[Question] = Field(default_factory=list)
    documents: list[DocumentLabels] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> "LabelSet":
        seen: set[str] = set()
        for q in self.questions:
            if q.id in seen:
                raise ValueError(f"duplicate question id {q.id}")
            seen.add(q.id)
        return self

    def sources(self) -> list[str]:
        """Every document the set mentions, in first-seen order."""
        out: list[str] = []
        for s in [s for q in self.questions for s in q.sources] + [d.source for d in self.documents]:
            if s not in out:
                out.append(s)
        return out

    def resolve(self, source: str, root: Path | None = None) -> Path:
        base = Path(root) if root is not None else Path(self.root or ".")
        return base / source


def parse_set(data: dict, origin: str = "<memory>") -> LabelSet:
    if not isinstance(data, dict):
        raise LabelError(f"{origin}: expected a mapping with 'name', 'questions' and/or 'documents'")
    try:
        return LabelSet.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise LabelError(f"{origin}: {where or 'set'}: {first['msg']}") from None


def load_set(path: Path | str) -> LabelSet:
    """Read one YAML labelled set; one clear LabelError for a missing file, bad YAML or a bad field."""
    path = Path(path)
    if not path.is_file():
        raise LabelError(f"{path}: no such labelled set")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LabelError(f"{path}: not valid YAML ({' '.join(str(exc).split())[:120]})") from None
    return parse_set(data, str(path))


def merge(sets: list[LabelSet], name: str = "merged") -> LabelSet:
    """Several sets over the same root as one (question ids must stay unique)."""
    return parse_set({
        "name": name,
        "root": sets[0].root if sets else None,
        "questions": [q.model_dump() for s in sets for q in s.questions],
        "documents": [d.model_dump() for s in sets for d in s.documents],
    })


SETS_DIR = Path(__file__).resolve().parent / "sets"

# Distinct unit names for generated documents whose spec names none: with one name for every document, a
# question ("示例市数据管理局2025年公务接待费是多少？") would have as many right answers as documents.
_PLACES = ("东江", "西岭", "南湖", "北川", "青山", "白河", "临海", "云阳", "长宁", "安平", "清源", "华亭")


def synthetic_entity(spec: dict, index: int) -> str:
    """The unit a generated document is about: the spec's own, else one of its own per document."""
    if spec.get("entity"):
        return str(spec["entity"])
    place = _PLACES[index % len(_PLACES)] + ("" if index < len(_PLACES) else str(index // len(_PLACES) + 1))
    return f"示例{place}市数据管理局"


def printed_on(path: Path, value: float, unit: str | None) -> set[int]:
    """Pages of a document (PDF pages, or form-feed pages of a text file) that print the value."""
    from eval.baselines import page_texts
    from eval.metrics import value_printed

    return {n for n, text in enumerate(page_texts(path), start=1) if value_printed(value, unit, text)}


def materialise_synthetic(out_dir: Path, quick: bool = False, spec_path: Path | None = None) -> LabelSet:
    """Generate the synthetic documents of `synthetic.yaml` into out_dir and return their labelled set: the
    generator's gold QA as questions, each document clean (no finding allowed).

    Expects `eval.generate.generate(spec) -> sample` with `sample.text` (str), `sample.write_pdf(path)` and
    `sample.qa` (items with question, value in 万元, unit, page); see eval/generate.
    """
    spec_path = spec_path or SETS_DIR / "synthetic.yaml"
    data = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    try:
        from eval.generate import generate
    except ImportError as exc:
        raise LabelError(f"synthetic set: the generator is not available ({exc}); use --no-synthetic") from None
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    specs = data["documents"][:2] if quick else data["documents"]
    per_doc = int(data.get("questions_per_document", 6))
    questions, documents = [], []
    for index, spec in enumerate(specs):
        sample = generate({**spec, "entity": synthetic_entity(spec, index)})
        name = f"synthetic-{spec['seed']}-{spec['kind']}-{'yuan' if spec['unit'] == '元' else 'wan'}.{spec['format']}"
        if spec["format"] == "pdf":
            sample.write_pdf(out_dir / name)
        else:
            (out_dir / name).write_text(sample.text, encoding="utf-8")
        for n, qa in enumerate(list(sample.qa)[:per_doc]):
            get = qa.get if isinstance(qa, dict) else (lambda k, d=None, _q=qa: getattr(_q, k, d))
            pages = get("pages") or [get("page") or 1]
            if spec["format"] != "pdf":
                pages = [1 + sample.text[: get("offset", 0)].count("\f")] if get("offset") is not None else pages
            if get("value") is not None:
                # Every page that prints the figure proves it, as in the corpus set (a total is printed in the
                # overview, in its own table and in the narrative).
                pages = sorted(set(pages) | printed_on(out_dir / name, get("value"), get("unit", "万元")))
            questions.append({"id": f"{name}#{n}", "type": get("type", "table"), "question": get("question"),
                              "gold": [{"source": name, "pages": list(pages)}], "value": get("value"),
                              "unit": get("unit", "万元"), "key_phrases": list(get("key_phrases", []) or [])})
        documents.append({"source": name, "findings": [], "max_false_errors": int(data.get("max_false_errors", 0))})
    return parse_set({"name": "synthetic", "root": str(out_dir), "questions": questions, "documents": documents},
                     str(spec_path))
