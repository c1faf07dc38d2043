"""The real-corpus harness (eval/real_corpus.py): how a finding meets its hand-judged label, and how precision,
false errors per document and unjudged errors are counted. Hand-made findings, so each test reads as an example;
the last tests read ../shared/corpus/real and skip when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.real_corpus import (DEFAULT_REAL, SETS_FILE, Label, best_label, city_of, finding_numbers, label_matches,
                              load_labels, score)


def finding(kind="narrative_vs_table", pages=(6, 41), expected=0.0, actual=144177.88, severity="error",
            rule="narrative.amount_vs_table", message="whatever the rule says today"):
    return {"kind": kind, "rule": rule, "severity": severity, "expected": expected, "actual": actual,
            "message": message, "evidence": [{"page": p, "text": ""} for p in pages]}


def label(**kw):
    base = dict(doc="shenzhen-01.pdf", pages=[6, 41], kind="narrative_vs_table", numbers=[0.0, 144177.88],
                verdict="false", cause="wrong-table-binding", reason="empty fund table")
    base.update(kw)
    return Label(**base)


def test_match_needs_page_kind_family_and_the_same_amounts():
    lab = label()
    assert label_matches(lab, finding())
    assert label_matches(lab, finding(message="a reworded message", rule="renamed.rule"))  # ids/messages ignored
    assert label_matches(lab, finding(kind="cross_table"))  # same family: amounts compared
    assert not label_matches(lab, finding(kind="percentage"))
    assert not label_matches(lab, finding(pages=(9,)))
    assert not label_matches(lab, finding(actual=144177.00))  # another amount is another finding
    assert not label_matches(lab, finding(expected=5418.22))  # bound to another row: judge it again


def test_amounts_match_in_yuan_or_wanyuan_and_in_text():
    lab = label(kind="arithmetic", pages=[24], numbers=[217.4966, 219.0777])
    assert label_matches(lab, finding(kind="arithmetic", pages=(24,), expected=2174966.44, actual=2190776.93))
    assert finding_numbers(finding(expected="12.5%", actual=None)) == [12.5]


def test_best_label_prefers_more_shared_pages():
    a, b = label(pages=[6, 41], reason="a"), label(pages=[7, 41], reason="b")
    assert best_label([a, b], finding(pages=(7, 41))).reason == "b"


def _reports(*docs):
    return {f"/corpus/real/{name}": {"findings": fs} for name, fs in docs}


def test_precision_false_per_document_and_unjudged_are_counted_apart():
    labels = [label(), label(doc="xian-06.pdf", pages=[30], kind="arithmetic", numbers=[182066.56, 182157.13],
                             verdict="real", cause=None, reason="unit rows omit carry-over")]
    reports = _reports(
        ("shenzhen-01.pdf", [finding(), finding(pages=(7, 41)), finding(severity="warning")]),
        ("xian-06.pdf", [finding(kind="arithmetic", pages=(30,), expected=182066.56, actual=182157.13),
                         finding(kind="percentage", pages=(3,), expected=4.81, actual=4.8)]),  # nobody judged it
        ("chongqing-02.pdf", []))
    s = score(labels, reports)
    dev = s["dev"]
    # [6,41] and [7,41] share page 41 with the label and carry its amounts: both are the judged false finding
    assert (dev["errors"], dev["real"], dev["false"], dev["unjudged"]) == (4, 1, 2, 1)
    assert dev["precision"] == pytest.approx(1 / 3, abs=1e-3)  # unjudged errors are not in it, but listed
    assert dev["false_per_document"] == pytest.approx(2 / 3, abs=1e-3)
    assert dev["documents_over_one_false"] == ["shenzhen-01.pdf"]
    assert dev["unjudged_list"] and "xian-06.pdf p[3] percentage" in dev["unjudged_list"][0]
    assert s["by_city"]["xian"]["precision"] == 1.0 and s["by_city"]["shenzhen"]["precision"] == 0.0
    assert dev["recall_of_real"] == 1.0 and dev["false_causes"] == {"wrong-table-binding": 2}


def test_held_out_documents_are_scored_apart_and_never_listed():
    reports = _reports(("quanzhou-01.pdf", [finding(pages=(2,))]), ("xian-01.pdf", []))
    s = score([], reports)
    assert s["untouched"]["unjudged"] == 1 and "unjudged_list" not in s["untouched"]
    assert s["untouched"]["unjudged_by_document"] == {"quanzhou-01.pdf": 1}
    assert s["dev"]["documents"] == 1 and s["dev"]["precision"] == 1.0  # nothing judged: no claim made


def test_a_missed_real_inconsistency_lowers_recall():
    missed = label(doc="xian-12.pdf", pages=[46], kind="percentage", numbers=[100.0, 35.0], verdict="real",
                   detected=False, severity=None, cause=None, reason="35% stated for a full execution")
    s = score([missed], _reports(("xian-12.pdf", [])))
    assert s["dev"]["recall_of_real"] == 0.0 and s["dev"]["real_labels"] == 1
    s = score([missed], _reports(("xian-12.pdf", [finding(kind="percentage", pages=(46,), expected=100.0,
                                                          actual=35.0, severity="warning")])))
    assert s["dev"]["recall_of_real"] == 1.0


def test_the_shipped_labels_are_facts_about_real_documents():
    labels = load_labels(SETS_FILE)
    assert len(labels) >= 100
    for lab in labels:
        assert city_of(lab.doc) in ("shenzhen", "xian", "chongqing", "quanzhou", "huzhou"), lab.doc
        assert lab.split == ("untouched" if city_of(lab.doc) in ("quanzhou", "huzhou") else "dev"), lab.doc
        assert lab.pages and lab.reason and len(lab.reason) < 300, lab.doc
        assert lab.verdict == "real" or lab.cause, f"{lab.doc} p{lab.pages}: a false finding needs its cause"
    for city in ("shenzhen", "xian", "chongqing"):
        assert sum(1 for lab in labels if lab.city == city and lab.severity == "warning") >= 5, city


REAL = DEFAULT_REAL


@pytest.mark.corpus
@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real not present")
def test_every_labelled_page_exists_in_its_document():
    import pymupdf

    pages: dict[str, int] = {}
    for lab in load_labels(SETS_FILE):
        path = REAL / lab.doc
        assert path.exists(), lab.doc
        if lab.doc not in pages:
            with pymupdf.open(path) as doc:
                pages[lab.doc] = doc.page_count
        # page 0 = the document as a whole (a table reported missing has no page)
        assert all(1 <= p <= pages[lab.doc] or p == 0 and lab.kind == "completeness" for p in lab.pages), \
            f"{lab.doc} {lab.pages}"


@pytest.mark.corpus
@pytest.mark.skipif(not (REAL / "xian-06.pdf").exists(), reason="../shared/corpus/real not present")
def test_a_labelled_real_inconsistency_is_on_its_page():
    """xian-06's 收入总表: the unit rows' 合计 add to 182066.56 while the 合计 row prints 182157.13."""
    import pymupdf

    lab = next(lb for lb in load_labels(SETS_FILE) if lb.doc == "xian-06.pdf" and lb.verdict == "real"
               and 182157.13 in lb.numbers)
    with pymupdf.open(REAL / "xian-06.pdf") as doc:
        text = "".join(doc[p - 1].get_text() for p in lab.pages)
    assert "182157.13" in text


def test_a_missed_inconsistency_is_met_by_a_finding_reporting_two_of_its_amounts():
    """A missed label lists every amount involved (current, change, recomputed and stated rate); a finding later
    reporting the recomputed and the stated rate is that inconsistency, one reporting another rate is not."""
    missed = label(doc="xian-01.pdf", pages=[26], kind="percentage", numbers=[8.6, 1.5, 21.13, 1.21], verdict="real",
                   detected=False, cause=None, reason="rate against the current amount")
    assert label_matches(missed, finding(kind="percentage", pages=(26,), expected=21.126760563, actual=1.21))
    assert not label_matches(missed, finding(kind="percentage", pages=(26,), expected=9.09, actual=1.1))
    assert not label_matches(missed, finding(kind="percentage", pages=(26,), expected=None, actual=1.5))


@pytest.mark.corpus
@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real not present")
def test_the_block_of_a_quick_run_has_its_contract(tmp_path, monkeypatch):
    """The smoke run behind `docqa eval --quick`: one document per dev city, no mutations, every error counted."""
    from eval.real_corpus import real_corpus_block

    monkeypatch.setenv("DOCQA_EVAL_CACHE", str(tmp_path))
    block = real_corpus_block(REAL, workers=1, quick=True)
    dev = block["dev"]
    assert dev["documents"] == 3 and "mutations" not in block
    assert dev["errors"] == dev["real"] + dev["false"] + dev["unjudged"]
    assert set(block["by_city"]) == {"shenzhen", "xian", "chongqing"}
    assert block["untouched"]["documents"] == 0


def test_a_finding_about_an_amount_the_mutation_took_away_is_explained():
    from eval.metrics import ReportedFinding
    from eval.real_corpus import _explained

    f = ReportedFinding(kind="narrative_vs_table", pages=[3, 12],
                        numbers=[148941.8, 161781.8], key="k")
    assert _explained(f, [161781.8, 20.0])
    assert _explained(f, [1_617_818_000.0])  # the same amount in 元
    assert not _explained(f, [20.0]) and not _explained(f, [])


def test_a_changed_item_is_found_on_the_sum_it_breaks():
    from eval.mutate import Case, Mutation
    from eval.real_corpus import score_cases

    m = Mutation("hierarchy_item", "arithmetic", 3, [888.67, 1004.68], "item row", [])
    case = Case("d.hierarchy_item.0", Path("d.pdf"), Path("m.pdf"), m)
    parent = {"rule": "arithmetic.hierarchy", "kind": "arithmetic", "severity": "error", "message": "m",
              "expected": 6088.35, "actual": 5972.33, "evidence": [{"page": 3, "text": "t"}], "computation": "c",
              "id": "x", "unit": "万元"}
    other = dict(parent, expected=6100.0, id="y")
    assert score_cases([case], {"d.pdf": {"findings": []}}, {"m.pdf": {"findings": [parent]}})["recall"] == 1.0
    assert score_cases([case], {"d.pdf": {"findings": []}}, {"m.pdf": {"findings": [other]}})["recall"] == 0.0
