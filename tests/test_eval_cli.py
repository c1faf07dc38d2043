"""`docqa eval`: bad inputs fail with one line and exit 2; `--quick --json` prints the systems contract."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docqa.cli import app

runner = CliRunner()


def test_missing_labels_file_is_one_line_and_exit_2(tmp_path: Path):
    result = runner.invoke(app, ["eval", str(tmp_path / "none.yaml"), "--no-synthetic"])
    assert result.exit_code == 2
    assert "no such labelled set" in result.output


def test_invalid_labels_file_names_the_field(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nquestions:\n  - {id: a, type: table, question: q, gold: []}\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(bad), "--no-synthetic"])
    assert result.exit_code == 2
    assert "gold" in result.output


def test_missing_corpus_folder(tmp_path: Path):
    result = runner.invoke(app, ["eval", "--corpus", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "corpus folder not found" in result.output


def test_quick_json_has_the_contract_shape(tmp_path: Path):
    for module in ("eval.generate", "index.ingest", "qa.answer", "qa.retrieve", "rules.engine", "index.embed"):
        pytest.importorskip(module)
    result = runner.invoke(app, ["eval", "--quick", "--json", "--plot", str(tmp_path / "chart.png")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["systems"]
    assert list(data["systems"]) == ["docqa", "bm25", "dense", "naive"]
    for name, m in data["systems"].items():
        assert set(m) == {"retrieval", "answer", "citation", "rules", "latency"}
        assert set(m["retrieval"]) == {"recall@1", "recall@5", "mrr"}
        assert 0 <= m["answer"]["accuracy"] <= 1 and 0 <= m["citation"]["page_accuracy"] <= 1
        assert set(m["latency"]) == {"ask_p50_s", "ask_p95_s"}
        if name == "docqa":
            assert {"precision", "recall", "f1", "per_kind"} <= set(m["rules"])
            real = m["rules"]["real_documents"]  # the same scores on the corpus documents alone
            assert all(real["per_kind"][k]["cases"] <= m["rules"]["per_kind"][k]["cases"] for k in real["per_kind"])
        else:
            assert m["rules"] is None
    assert (tmp_path / "chart.png").stat().st_size > 1000


def _finding(kind, page, expected=None, actual=None, rule="r", severity="error"):
    from rules.findings import Evidence, Finding

    return Finding(id=f"{rule}-{page}", rule=rule, kind=kind, severity=severity, message=f"{expected} vs {actual}",
                   expected=expected, actual=actual, evidence=[Evidence(page=page, text="")])


def test_mutation_scoring_uses_the_baseline_diff(tmp_path: Path):
    from eval.mutate import Case, Mutation
    from eval.run import RulesTally, score_case
    from rules.findings import DocumentReport

    known = _finding("percentage", 1, 4.81, 4.80, rule="share")
    base = DocumentReport(source="a", kind="final", findings=[known])
    m = Mutation("narrative_amount", "narrative_vs_table", 2, [80.0, 95.5], "80.00 -> 95.50",
                 also=["percentage"])
    case = Case("a.narrative_amount.0", tmp_path / "a.txt", tmp_path / "b.txt", m)
    mutated = DocumentReport(source="b", kind="final", findings=[
        known,  # present before the mutation: not counted at all
        _finding("narrative_vs_table", 2, 80.0, 95.5, rule="amount"),  # the detection
        _finding("percentage", 2, 60.0, 71.6, rule="share2"),  # a consequence on the same page: explained
        _finding("percentage", 7, 300.0, 315.5, rule="total"),  # the change carried into a total elsewhere: explained
        _finding("arithmetic", 5, 10.0, 11.0, rule="sum"),  # unrelated: a false positive
        _finding("count", 2, 3, 4, severity="info"),  # info is not counted
    ])
    tally = RulesTally()
    assert score_case(tally, case, base, mutated)
    s = tally.summary()
    assert s["recall"] == 1.0
    assert s["precision"] == pytest.approx(3 / 4)
    assert s["per_kind"]["arithmetic"]["false_positives"] == 1
    missed = RulesTally()
    assert not score_case(missed, case, base, DocumentReport(source="b", kind="final", findings=[known]))
    assert missed.summary()["recall"] == 0.0 and missed.misses


def test_plot_writes_a_png(tmp_path: Path):
    from eval.plot import plot

    m = {"retrieval": {"recall@1": 0.5, "recall@5": 0.9, "mrr": 0.6}, "answer": {"accuracy": 0.8},
         "citation": {"page_accuracy": 0.7}, "latency": {"ask_p50_s": 0.1, "ask_p95_s": 0.2}}
    rules = {"precision": 1.0, "recall": 0.9, "f1": 0.95,
             "per_kind": {"percentage": {"precision": 1.0, "recall": 0.9, "f1": 0.95, "cases": 10,
                                         "false_positives": 0}}}
    rules["real_documents"] = {**rules, "per_kind": {"percentage": {**rules["per_kind"]["percentage"], "recall": 0.8}}}
    data = {"systems": {"docqa": {**m, "rules": rules}, "bm25": {**m, "rules": None}}}
    out = plot(data, tmp_path / "c.png")
    assert out.read_bytes()[:4] == b"\x89PNG"
