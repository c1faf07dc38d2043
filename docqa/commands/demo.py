"""`docqa demo`: generate a sample disclosure and run the whole pipeline on it (no network, no LLM).

The first line is printed before anything heavy is imported. On a first run the default embedding model is built
in a background thread while the sample is generated, parsed and checked (the builder spends its time in C, so the
two overlap on two cores), and the wait that remains is shown as a bar. The files go to a temporary folder that is
removed at the end, unless `--out` names a folder to keep them in."""
from __future__ import annotations

import shutil
import tempfile
import threading
import time
from pathlib import Path

import typer
from rich.table import Table as RichTable

from docqa.console import QUIET, Stages, console, note, print_json


def _inject(text: str, facts: dict) -> tuple[str, list[str]]:
    """Three contradictions a reviewer should catch: a share, a narrative amount and a table total."""
    injected = []
    total, basic = facts["total"], facts["basic"]
    share = f"占{basic / total * 100:.2f}%"
    if share in text:
        text = text.replace(share, f"占{basic / total * 100 + 3:.2f}%", 1)
        injected.append(f"基本支出占比 {share} → 多写3个百分点")
    sg = f"“三公”经费预算{facts['sangong']:.2f}万元"
    if sg in text:
        text = text.replace(sg, f"“三公”经费预算{facts['sangong'] + 5:.2f}万元", 1)
        injected.append("“三公”经费叙述金额多写5万元")
    marker = f"\t合计\t{facts['total']:,.2f}\t{facts['basic']:,.2f}\t"
    if marker in text:
        text = text.replace(marker, f"\t合计\t{facts['total'] + 100:,.2f}\t{facts['basic']:,.2f}\t", 1)
        injected.append("支出总表合计行多写100万元")
    return text, injected


class _Build:
    """The default embedding model built in a background thread on a first run (nothing to do otherwise)."""

    def __init__(self, index) -> None:
        from index.embed import needs_build, static_path

        self.index = index
        self.needed = needs_build(index)
        self.path = static_path(index)
        self.done, self.total = 0, 1
        self.error: BaseException | None = None
        self.seconds = 0.0
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.needed:
            self.thread = threading.Thread(target=self._run, name="docqa-model-build", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        from index.embed import build_once

        start = time.perf_counter()
        try:
            build_once(self.path, progress=self._progress)
        except BaseException as exc:  # re-raised in the main thread by wait()
            self.error = exc
        self.seconds = time.perf_counter() - start

    def _progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def wait(self, stages: Stages) -> None:
        if self.thread is None:
            return
        while self.thread.is_alive():
            stages.sub("building embedding model (one time)", self.done, self.total)
            self.thread.join(0.2)
        stages.end_sub()
        if self.error is not None:
            raise self.error


def command(
    out: Path | None = typer.Option(None, "--out", help="Keep the generated files in this folder."),
    seed: int = typer.Option(7, "--seed", help="Seed of the generated sample."),
    as_json: bool = typer.Option(False, "--json", help="Print the demo's results as JSON."),
    quiet: bool = QUIET,
) -> None:
    """Generate a sample budget disclosure, then parse, check, ingest and ask."""
    show = not as_json
    if show:
        console.print("[bold]DocQA demo[/]: a generated budget disclosure is parsed, checked for contradictions, "
                      "indexed and asked three questions (no network, no LLM).", highlight=False)
    from core.settings import load_settings

    settings = load_settings({"llm": {"enabled": False}})  # the demo never calls an LLM
    build = _Build(settings.index)
    if build.needed:
        note(f"first run: building the embedding model once in the background (about 2 CPU-minutes: about 70 s "
             f"on an idle 2-core machine; kept in {build.path.parent})", quiet)
    build.start()
    folder = out or Path(tempfile.mkdtemp(prefix="docqa-demo-"))
    try:
        result = _run(folder, seed, settings, build, show, quiet)
    finally:
        if out is None:
            shutil.rmtree(folder, ignore_errors=True)
    if build.needed:
        result["model_build_s"] = round(build.seconds, 1)
        note(f"embedding model built in {build.seconds:.0f} s; later runs reuse it", quiet)
    if as_json:
        print_json(result)
    elif out is not None:
        console.print(f"[dim]files kept in {out}", highlight=False)


def _run(folder: Path, seed: int, settings, build: _Build, show: bool, quiet: bool) -> dict:
    from eval.generate import Spec, build as build_sample, render_pdf, render_text
    from index.pdf import parse_pdf
    from index.text import parse_text_string
    from rules.engine import check_document

    folder.mkdir(parents=True, exist_ok=True)
    result: dict = {"folder": str(folder)}
    with Stages("demo", 3, quiet or not show) as stages:
        stages.stage(None, "generating the sample")
        sample = build_sample(Spec(seed=seed))
        text = render_text(sample)
        (folder / "sample.txt").write_text(text, encoding="utf-8")
        pdf = render_pdf(sample, folder / "sample.pdf")
        stages.stage("sample.pdf", "parse")
        doc = parse_pdf(pdf)
        result["parse"] = {"pages": doc.pages, "tables": len(doc.tables), "paragraphs": len(doc.paragraphs),
                           "kind": doc.kind, "year": doc.year, "entity": doc.entity}
        stages.advance()
        if show:
            _show_parse(result["parse"], doc)
        stages.stage("sample.pdf", "check")
        clean = check_document(doc)
        broken_text, injected = _inject(text, sample.facts)
        (folder / "sample-with-errors.txt").write_text(broken_text, encoding="utf-8")
        broken = check_document(parse_text_string(broken_text, str(folder / "sample-with-errors.txt")))
        result["check"] = {
            "clean_errors": sum(f.severity == "error" for f in clean.findings),
            "injected": injected,
            "found": [{"rule": f.rule, "message": f.message, "computation": f.computation}
                      for f in broken.findings if f.severity == "error"],
        }
        stages.advance()
        if show:
            _show_check(result["check"])
        stages.stage("sample.pdf", "waiting for the embedding model" if build.thread else "ingest")
        build.wait(stages)
        result["ask"] = _ingest_and_ask(pdf, folder / "store", sample.qa, settings, stages)
        stages.advance()
    if show:
        _show_ask(result["ask"])
    return result


def _ingest_and_ask(pdf: Path, store: Path, qa: list[dict], settings, stages: Stages) -> list[dict]:
    from index.ingest import ingest_paths
    from qa.answer import ask

    ingest_paths([pdf], store, settings.index, on_stage=stages.stage)
    stages.stage("sample.pdf", "ask")
    answers = [ask(q["question"], store, 5, settings) for q in qa]
    return [{"question": a.question, "answer": a.answer, "value": a.value, "expected": q["value"],
             "page": a.citations[0].page if a.citations else None, "expected_page": q["page"]}
            for a, q in zip(answers, qa)]


def _show_parse(p: dict, doc) -> None:
    console.rule("[bold]1. parse")
    kind = {"budget": "部门预算", "final": "部门决算"}.get(p["kind"], p["kind"])
    console.print(f"{p['entity']} · {p['year']} · {kind} · {p['pages']} 页 · {p['tables']} 张表 · "
                  f"{p['paragraphs']} 段", highlight=False)
    t = RichTable()
    for col in ("表", "单位", "页", "行"):
        t.add_column(col)
    for tb in doc.tables:
        t.add_row(tb.title, tb.unit or "-", ",".join(map(str, tb.pages)), str(len(tb.rows)))
    console.print(t)


def _show_check(c: dict) -> None:
    console.rule("[bold]2. check")
    console.print(f"干净样本的错误数：{c['clean_errors']}", highlight=False)
    console.print("注入的矛盾：" + "；".join(c["injected"]), highlight=False)
    for f in c["found"]:
        console.print(f"[red]发现[/] {f['message']}  [dim]{f['computation']}", highlight=False)


def _show_ask(answers: list[dict]) -> None:
    console.rule("[bold]3. ask")
    for a in answers:
        ok = "[green]✓" if a["value"] is not None and abs(a["value"] - a["expected"]) < 0.01 else "[red]✗"
        console.print(f"{ok}[/] {a['question']}\n   {a['answer']}  [dim](第 {a['page']} 页)", highlight=False)
    console.print("[dim]next: docqa check YOUR.pdf --format html --out report.html · docqa ingest FOLDER · "
                  "docqa ask \"…\"", highlight=False)
