"""`docqa ask QUESTION [--store DIR] [--k N] [--min-confidence X] [--json]`."""
from __future__ import annotations

from pathlib import Path

import typer

from docqa.console import QUIET, fail, note, print_json


def command(
    question: str = typer.Argument(..., help="A question in Chinese, e.g. 万里街道2024年三公经费预算是多少？"),
    store: Path | None = typer.Option(None, "--store", help="Store folder (default ./.docqa or $DOCQA_STORE)."),
    k: int = typer.Option(5, "--k", min=1, max=50, help="Number of passages to cite."),
    as_json: bool = typer.Option(False, "--json", help="Print the answer as JSON."),
    no_llm: bool = typer.Option(False, "--no-llm", help="Call no LLM, even when one is configured."),
    quiet: bool = QUIET,
    doc: str | None = typer.Option(None, "--doc", help="Search only this document (file name or part of its path)."),
    entity: str | None = typer.Option(None, "--entity", help="Search only this unit's documents (any of its names)."),
    year: int | None = typer.Option(None, "--year", help="Search only documents of this year."),
    min_confidence: float | None = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                                                help="Report answers below this confidence as not answered."),
) -> None:
    """Answer a question with cited passages (or say that the store does not hold the answer)."""
    from core.settings import load_settings
    from qa.answer import ask

    settings = load_settings({"index": {"store": store}, "llm": {"enabled": False if no_llm else None},
                              "qa": {"min_confidence": min_confidence}})
    if not question.strip():
        fail("empty question")
    only = None
    if doc or entity or year:
        from docqa.commands.list import entries
        from qa.scope import narrow

        only = narrow(entries(settings.index.store), doc=doc, entity=entity, year=year)
        if not only:
            fail("no document of the store matches --doc/--entity/--year (see `docqa list`)")
    answer = ask(question, settings.index.store, k, settings, only=only)
    if answer.llm_note:  # said once, on stderr: the answer below is DocQA's own, not the LLM's
        from qa.llm import endpoint_down

        down = endpoint_down(answer.llm_note)
        note(f"LLM {down} at {settings.llm.base_url} ({answer.llm_note}): deterministic answer used" if down
             else f"LLM answer not used ({answer.llm_note}): deterministic answer used", quiet)
    if as_json:
        data = answer.model_dump()
        print_json({key: data[key] for key in ("question", "answer", "value", "unit", "citations", "mode",
                                               "answered", "confidence", "basis")}
                   | {key: data[key] for key in ("table", "row", "column", "rows") if data[key]})
        return
    from rich.markup import escape
    from rich.panel import Panel

    from docqa.console import console

    sub = f"{answer.mode} · 置信度 {answer.confidence:.2f}" if answer.answered else f"{answer.mode} · 未作回答"
    console.print(Panel(answer.answer, title=f"[bold]{question}", subtitle=sub), highlight=False)
    for i, c in enumerate(answer.citations, 1):
        console.print(f"[cyan][{i}][/] {escape(c.source)} · {escape(_where(c))} · {c.score:.3f}", highlight=False)
        console.print(f"    {c.text}", highlight=False, style="dim")


def _where(c) -> str:
    """Page for a PDF; for a text file its section and line (its "page 1" says nothing), page where it marks them."""
    parts = [f"第 {c.page} 页"] if c.source.lower().endswith(".pdf") or c.line is None or c.page > 1 else []
    if c.section:
        parts.append(c.section)
    if c.line is not None:
        parts.append(f"第 {c.line} 行")
    return " · ".join(parts)
