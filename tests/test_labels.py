"""Labelled sets: the loader rejects bad sets with one clear line, and the shipped sets agree with the corpus."""
from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from eval.labels import SETS_DIR, LabelError, load_set, parse_set
from eval.metrics import value_printed


def _question(**over):
    q = {"id": "q1", "type": "table", "question": "某单位2024年收入总计是多少？",
         "gold": [{"source": "a.txt", "pages": [1]}], "value": 12.5, "unit": "万元"}
    q.update(over)
    return q


def test_a_valid_set_loads_with_defaults():
    s = parse_set({"name": "t", "questions": [_question()],
                   "documents": [{"source": "a.txt", "findings": [{"kind": "percentage", "page": 1}]}]})
    assert s.questions[0].tolerance == 0.01
    assert s.documents[0].max_false_errors == 0
    assert s.sources() == ["a.txt"]


@pytest.mark.parametrize("bad, words", [
    ({"value": None}, "needs a value or key_phrases"),
    ({"unit": None}, "needs its unit"),
    ({"type": "guess"}, "type"),
    ({"gold": []}, "gold"),
    ({"gold": [{"source": "a.txt", "pages": []}]}, "pages"),
    ({"tolerance": -1}, "tolerance"),
])
def test_bad_questions_are_rejected_with_the_field_named(bad, words):
    with pytest.raises(LabelError) as err:
        parse_set({"name": "t", "questions": [_question(**bad)]}, "x.yaml")
    assert "x.yaml" in str(err.value) and words in str(err.value)
    assert "\n" not in str(err.value)


def test_unknown_finding_kind_and_duplicate_ids_are_rejected():
    with pytest.raises(LabelError, match="kind"):
        parse_set({"name": "t", "documents": [{"source": "a", "findings": [{"kind": "typo", "page": 1}]}]})
    with pytest.raises(LabelError, match="duplicate"):
        parse_set({"name": "t", "questions": [_question(), _question()]})


def test_missing_file_and_bad_yaml(tmp_path: Path):
    with pytest.raises(LabelError, match="no such labelled set"):
        load_set(tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(LabelError, match="not valid YAML"):
        load_set(bad)
    listy = tmp_path / "list.yaml"
    listy.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(LabelError, match="mapping"):
        load_set(listy)


def test_shipped_sets_load_and_are_large_enough():
    qa = load_set(SETS_DIR / "corpus_qa.yaml")
    assert len(qa.questions) >= 60
    assert {q.type for q in qa.questions} == {"table", "narrative", "reason", "definition", "cross_document"}
    assert len(qa.sources()) == 7
    findings = load_set(SETS_DIR / "corpus_findings.yaml")
    assert sum(len(d.findings) for d in findings.documents) >= 5


def _page_texts(path: Path) -> list[str]:
    if path.suffix == ".pdf":
        with pymupdf.open(path) as doc:
            return [p.get_text() for p in doc]
    return path.read_text(encoding="utf-8").split("\f")


def test_every_gold_answer_is_printed_on_a_gold_page(corpus_dir: Path):
    """The labels were written by hand: check each value / key phrase really is on one of its pages."""
    qa = load_set(SETS_DIR / "corpus_qa.yaml")
    texts = {s: _page_texts(corpus_dir / s) for s in qa.sources()}
    wrong = []
    for q in qa.questions:
        ok_sources = 0
        for g in q.gold:
            pages = texts[g.source]
            body = "\n".join(pages[p - 1] for p in g.pages if p <= len(pages))
            if q.value is not None:
                ok_sources += value_printed(q.value, q.unit, body, q.tolerance)
            else:
                ok_sources += any(k in body for k in q.key_phrases)
        if ok_sources < len(q.gold):
            wrong.append(q.id)
    assert wrong == []


def test_expected_findings_point_at_existing_pages(corpus_dir: Path):
    findings = load_set(SETS_DIR / "corpus_findings.yaml")
    for d in findings.documents:
        pages = _page_texts(corpus_dir / d.source)
        for f in d.findings:
            if f.page == 0:  # the document as a whole (a missing table has no page): nothing to print
                assert f.kind == "completeness" and not f.numbers, (d.source, f)
                continue
            assert 1 <= f.page <= len(pages), (d.source, f)
            body = pages[f.page - 1]
            for n in f.numbers:
                assert value_printed(n, "万元", body), (d.source, f.kind, n)


def test_synthetic_documents_each_name_their_own_unit_and_gold_pages_cover_every_printing_page(tmp_path: Path):
    from eval.baselines import page_texts
    from eval.labels import materialise_synthetic

    s = materialise_synthetic(tmp_path, quick=True)
    units = {q.question.split("2025年")[0] for q in s.questions}
    assert len(units) == len(s.documents) == 2  # one unit per document: each question has one right answer
    for q in s.questions:
        texts = page_texts(tmp_path / q.gold[0].source)
        printing = {n for n, t in enumerate(texts, start=1) if value_printed(q.value, q.unit, t)}
        assert printing and set(q.gold[0].pages) == printing
