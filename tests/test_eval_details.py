"""`docqa eval --details`: each question and each expected finding with its verdict, DocQA's answer and citation;
the plot's legends sit outside the bars."""
import json
from types import SimpleNamespace

from typer.testing import CliRunner

import eval.run
from docqa.cli import app
from eval.details import details, record_expected
from eval.labels import GoldSource, Question
from eval.metrics import Chunk, Prediction
from eval.run import EvalResult, QAResult, RulesTally
from rules.findings import Evidence, Finding


def result() -> EvalResult:
    q1 = Question(id="q1", question="三公经费是多少？", type="table", value=12.0, unit="万元",
                  gold=[GoldSource(source="a.pdf", pages=[3])])
    q2 = Question(id="q2", question="项目支出是多少？", type="table", value=40.0, unit="万元",
                  gold=[GoldSource(source="a.pdf", pages=[5])])
    cite = Chunk(source="/x/a.pdf", pages=[3], text="三公经费12万元")
    qa = [QAResult(q1, Prediction(value=12.0, text="12.00万元", citations=[cite]), 1, True, True),
          QAResult(q2, Prediction(value=4.0, text="4.00万元", citations=[cite]), None, False, False)]
    tally = RulesTally()
    report = SimpleNamespace(findings=[Finding(id="f", rule="percentage.share", kind="percentage", severity="error",
                                               message="占比应为4.81%，文中为4.80%", evidence=[Evidence(page=2, text="x")])])
    record_expected(tally.items, "003.txt", 2, "percentage", [4.8], True, report, "住房保障占比")
    record_expected(tally.items, "003.txt", 9, "count", [1], False, report, "车辆数")
    systems = {name: {"retrieval": {"recall@1": 0.5, "recall@5": 0.5, "mrr": 0.5}, "answer": {"accuracy": 0.5},
                      "citation": {"page_accuracy": 0.5}, "rules": None, "latency": {"ask_p50_s": 0.1, "ask_p95_s": 0.2}}
               for name in eval.run.SYSTEMS}
    return EvalResult(systems, {"docqa": qa}, tally, 1.0, {"questions": 2, "documents": 1, "labelled": 1, "cases": 0})


def test_details_give_the_verdict_answer_and_citation_of_each_item():
    block = details(result())
    q = {r["id"]: r for r in block["questions"]}
    assert q["q1"]["verdict"] == "right" and q["q1"]["citation"] == "a.pdf p3"
    assert q["q2"]["verdict"] == "wrong" and q["q2"]["answer"] == "4.00万元" and q["q2"]["expected_pages"] == [5]
    f = block["findings"]
    assert [x["verdict"] for x in f] == ["found", "missed"]
    assert f[0]["reported"] == "占比应为4.81%，文中为4.80%" and f[1]["reported"] is None


def test_eval_details_on_the_command_line(monkeypatch, tmp_path):
    monkeypatch.setattr(eval.run, "run", lambda *a, **k: result())
    monkeypatch.setenv("DOCQA_EMBEDDING_MODEL", "not-the-default")  # nothing to build for the faked run
    out = CliRunner().invoke(app, ["eval", "--quick", "--details", "--failures", "--corpus", str(tmp_path)])
    assert out.exit_code == 0, out.output
    text = out.stdout
    assert "Questions (1 of 2 not right)" in text and "项目支出是多少" in text and "三公经费是多少" not in text
    assert "Expected findings (1 of 2 missed)" in text and "车辆数" in text
    data = json.loads(CliRunner().invoke(app, ["eval", "--quick", "--details", "--json", "--corpus",
                                               str(tmp_path)]).stdout)
    assert len(data["details"]["questions"]) == 2 and len(data["details"]["findings"]) == 2


def test_plot_legends_do_not_cover_the_bars(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from eval.plot import plot

    data = result().to_json()
    data["systems"]["docqa"]["rules"] = {"per_kind": {"percentage": {"recall": 1.0, "precision": 1.0}}}
    captured = {}
    real_close = plt.close
    monkey = lambda fig=None: captured.setdefault("fig", fig) and real_close(fig)  # noqa: E731
    plt.close = monkey
    try:
        plot(data, tmp_path / "chart.png")
    finally:
        plt.close = real_close
    fig = captured["fig"]
    fig.canvas.draw()
    for ax in fig.axes:
        legend = ax.get_legend()
        box = legend.get_window_extent()
        for bar in ax.patches:
            assert not box.overlaps(bar.get_window_extent()), "legend covers a bar"
    assert (tmp_path / "chart.png").stat().st_size > 1000
