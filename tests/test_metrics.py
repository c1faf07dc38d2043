"""Scoring functions on small hand-made inputs: each assertion would fail under a plausible bug."""
from __future__ import annotations

import pytest

from eval.labels import ExpectedFinding, parse_set
from eval.metrics import (Chunk, Prediction, ReportedFinding, answer_correct, chunk_hits, citation_correct,
                          first_hit_rank, match_findings, numbers_in, off_by, percentile, prf, retrieval_scores,
                          value_printed)


def _q(**over):
    q = {"id": "q", "type": "table", "question": "收入总计是多少？",
         "gold": [{"source": "seeds/a.txt", "pages": [3]}], "value": 9101.68, "unit": "万元"}
    q.update(over)
    return parse_set({"name": "t", "questions": [q]}).questions[0]


def test_numbers_in_text_understand_separators_and_fullwidth():
    assert numbers_in("收入91,016,775.35元，占６７.２４%，共15个") == [91016775.35, 67.24, 15]


def test_value_printed_in_wanyuan_or_yuan_but_not_nearby():
    assert value_printed(9101.68, "万元", "合计 91,016,775.35")
    assert value_printed(9101.68, "万元", "收入预算9,101.68万元")
    assert not value_printed(9101.68, "万元", "收入预算9,101.86万元")
    assert not value_printed(67.24, "%", "占672,400")  # percentages have no 元 form


def test_chunk_hit_needs_source_page_and_value():
    q = _q()
    good = Chunk("/tmp/store/a.txt", [3], "合计\t91,016,775.35")
    assert chunk_hits(q, good)
    assert not chunk_hits(q, Chunk("/tmp/store/b.txt", [3], good.text))  # wrong document
    assert not chunk_hits(q, Chunk("/tmp/store/a.txt", [4], good.text))  # wrong page
    assert not chunk_hits(q, Chunk("/tmp/store/a.txt", [3], "合计 100"))  # right page, no answer
    assert first_hit_rank(q, [Chunk("x.txt", [3], "91,016,775.35"), good]) == 2


def test_retrieval_scores():
    scores = retrieval_scores([1, 2, None, 6])
    assert scores["recall@1"] == 0.25
    assert scores["recall@5"] == 0.5
    assert scores["mrr"] == pytest.approx((1 + 0.5 + 1 / 6) / 4)
    assert retrieval_scores([]) == {"recall@1": 0.0, "recall@5": 0.0, "mrr": 0.0}


def test_answer_correct_numeric_and_text():
    q = _q(tolerance=0.01)
    assert answer_correct(q, Prediction(value=9101.68, unit="万元"))
    assert answer_correct(q, Prediction(value=91016775.35, unit="元"))  # converted
    assert not answer_correct(q, Prediction(value=9101.7, unit="万元"))
    assert not answer_correct(q, Prediction(value=None, text="9101.68"))
    t = _q(value=None, unit=None, key_phrases=["退休人员增加", "在职人员减少"])
    assert answer_correct(t, Prediction(text="主要是退休人员增加、在职人员减少"))
    assert not answer_correct(t, Prediction(text="主要是退休人员增加"))


def test_citation_correct_needs_a_gold_page_of_a_gold_source():
    q = _q()
    assert citation_correct(q, Prediction(citations=[Chunk("b.txt", [3], ""), Chunk("/x/a.txt", [3], "")]))
    assert not citation_correct(q, Prediction(citations=[Chunk("/x/a.txt", [2], "")]))
    assert not citation_correct(q, Prediction())


def test_percentile():
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([1.0, 2.0], 95) == pytest.approx(1.95)
    assert percentile([], 50) == 0.0


def test_match_findings_kind_page_and_numbers():
    expected = [ExpectedFinding(kind="percentage", page=1, numbers=[34.59, 4.80]),
                ExpectedFinding(kind="cross_table", page=2, numbers=[34.81])]
    found = [
        ReportedFinding("percentage", [1], [34.59, 719.68, 4.81, 4.80]),
        ReportedFinding("cross_table", [2], [348100.0]),  # printed in 元 on the page: still the same number
        ReportedFinding("arithmetic", [1], [1.0]),  # nobody expected it
        ReportedFinding("wording", [5], []),  # ignored kind
    ]
    r = match_findings(expected, found, ignore_kinds=["wording"])
    assert r.matched == [True, True]
    assert (r.true_positives, r.false_positives) == (2, 1)
    assert r.per_kind_fp == {"arithmetic": 1}
    wrong_page = match_findings(expected, [ReportedFinding("percentage", [2], [4.80])])
    assert wrong_page.matched == [False, False] and wrong_page.false_positives == 1
    wrong_number = match_findings(expected[:1], [ReportedFinding("percentage", [1], [12.5])])
    assert wrong_number.matched == [False]


def test_prf():
    assert prf(9, 1, 1) == {"precision": 0.9, "recall": 0.9, "f1": pytest.approx(0.9)}
    assert prf(0, 0, 0)["precision"] == 1.0
    assert prf(0, 3, 2) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_off_by_finds_a_change_carried_into_a_total():
    assert off_by([3191.43, 3141.12], 547.29 - 496.98)
    assert off_by([91214244.61, 91016775.35], 19.746926)  # a total in 元, the change in 万元
    assert not off_by([3191.43, 3141.12], 12.0) and not off_by([5.0], 5.0)
