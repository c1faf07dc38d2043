"""`docqa eval [LABELS...] [--corpus DIR] [--json] [--plot PNG] [--quick]`: score DocQA and the baselines."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table as RichTable

from core.settings import load_settings
from docqa.console import QUIET, Stages, console, ensure_embedding_model, fail, print_json


def command(
    labels: list[Path] = typer.Argument(None, help="Labelled sets (YAML). Default: the shipped sets."),
    corpus: Path = typer.Option(None, "--corpus", help="Folder the real-corpus sets point into "
                                "(default ../shared/corpus when present)."),
    as_json: bool = typer.Option(False, "--json", help="Print {\"systems\": {...}} as JSON."),
    plot_png: Path = typer.Option(None, "--plot", help="Write a bar chart of the figures to this PNG."),
    quick: bool = typer.Option(False, "--quick", help="A small synthetic set and few mutations (a smoke run)."),
    no_synthetic: bool = typer.Option(False, "--no-synthetic", help="Skip the generated synthetic set."),
    details: bool = typer.Option(False, "--details", help="Per question and per expected finding: verdict, answer, "
                                 "citation (failures first; in the JSON as \"details\")."),
    failures: bool = typer.Option(False, "--failures", help="With --details: list only what failed."),
    quiet: bool = QUIET,
) -> None:
    """Evaluate answers, citations, retrieval and rules on labelled sets, DocQA beside three baselines."""
    from eval.labels import load_set  # imported here: `docqa --help` and other commands need not load eval/
    from eval.run import DEFAULT_CORPUS, default_sets, run

    if corpus is not None and not corpus.is_dir():
        fail(f"{corpus}: corpus folder not found")
    corpus_dir = corpus or (DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None)
    sets = [load_set(p) for p in labels] if labels else ([] if quick and corpus is None
                                                         else default_sets(corpus_dir))
    if any(s.root is None for s in sets) and corpus_dir is None:
        fail("these labelled sets point into a corpus folder: pass --corpus DIR")
    settings = load_settings({"llm": {"enabled": False}})  # the evaluation scores the deterministic pipeline

    try:
        with Stages("evaluating", 1, quiet or as_json) as stages:
            ensure_embedding_model(settings.index, quiet, stages)  # a first run: said, with a bar, not hidden
            result = run(sets, corpus_dir, settings, quick=quick, synthetic=not no_synthetic,
                         progress=lambda msg: stages.stage(None, msg))
    except FileNotFoundError as exc:
        fail(str(exc))
    except ImportError as exc:  # a part of the product this evaluation scores is not built
        fail(f"cannot evaluate: {exc}")
    data = result.to_json()
    if details:
        from eval.details import details as details_block

        data["details"] = details_block(result)
        from eval.real_qa import details as real_details

        for name, (_, rs) in result.real.items():
            data["details"][name] = real_details(rs)
    if plot_png is not None:
        from eval.plot import plot

        plot(data, plot_png)
    if as_json:
        print_json(data)
        return
    _print(data, result)
    if details:
        from eval.details import show

        show(console, data["details"], failures_only=failures)
    if result.real:
        from eval.real_qa import print_summary

        for name, (summary, rs) in result.real.items():
            print_summary(console, name, summary, rs if details and not failures else None)
    if plot_png is not None:
        console.print(f"chart written to {plot_png}")


def _f(x: float) -> str:
    return f"{x:.3f}"


def _print(data: dict, result) -> None:
    from eval.run import SYSTEMS

    c = result.counts
    console.print(f"[bold]DocQA evaluation[/]: {c['questions']} questions over {c['documents']} documents, "
                  f"{c['labelled']} labelled documents, {c['cases']} mutation cases, {result.seconds:.0f} s")
    t = RichTable(title="Question answering")
    for col in ("system", "recall@1", "recall@5", "MRR", "answer acc.", "citation page acc.", "p50 s", "p95 s"):
        t.add_column(col, justify="right" if col != "system" else "left")
    for name in SYSTEMS:
        m = data["systems"][name]
        t.add_row(name, _f(m["retrieval"]["recall@1"]), _f(m["retrieval"]["recall@5"]), _f(m["retrieval"]["mrr"]),
                  _f(m["answer"]["accuracy"]), _f(m["citation"]["page_accuracy"]),
                  f"{m['latency']['ask_p50_s']:.2f}", f"{m['latency']['ask_p95_s']:.2f}")
    console.print(t)
    rules = data["systems"]["docqa"]["rules"]
    if rules:
        r = RichTable(title=f"Rules: precision {_f(rules['precision'])}  recall {_f(rules['recall'])}  "
                            f"F1 {_f(rules['f1'])}")
        for col in ("kind", "cases", "recall", "precision", "false positives"):
            r.add_column(col, justify="right" if col != "kind" else "left")
        real = rules.get("real_documents") or {"per_kind": {}}
        if real["per_kind"]:
            r.add_column("recall, real documents", justify="right")
        for kind, m in rules["per_kind"].items():
            cells = [kind, str(m["cases"]), _f(m["recall"]), _f(m["precision"]), str(m["false_positives"])]
            if real["per_kind"]:
                k = real["per_kind"].get(kind)
                cells.append(f"{_f(k['recall'])} ({k['cases']})" if k and k["cases"] else "—")
            r.add_row(*cells)
        if real["per_kind"]:
            r.caption = (f"real documents alone: precision {_f(real['precision'])}  recall {_f(real['recall'])}  "
                         f"F1 {_f(real['f1'])}")
        console.print(r)
