"""`docqa check FILE... [--json] [--format md|html|xlsx|pdf --out PATH] [--no-llm]`."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from core.settings import load_settings
from docqa.console import EXIT_BAD_INPUT, console, err_console, error_line, fail, print_json
from index.load import expand
from rules.batch import check_paths, resolve_workers
from rules.findings import DocumentReport


class Format(str, Enum):
    md = "md"
    html = "html"
    xlsx = "xlsx"
    pdf = "pdf"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"


# --fail-on warning also fails on errors: the threshold is "this severe or worse".
_FAILS = {FailOn.error: {"error"}, FailOn.warning: {"error", "warning"}}


def command(
    files: list[Path] = typer.Argument(..., help="PDF or text files, or folders of them."),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON."),
    fmt: Format | None = typer.Option(None, "--format", help="Write a report: md, html, xlsx or pdf."),
    out: Path | None = typer.Option(None, "--out", help="Report path (a folder for pdf with several inputs)."),
    no_llm: bool = typer.Option(False, "--no-llm", help="Call no LLM, even when one is configured "
                                "(findings keep their template explanations)."),
    workers: int = typer.Option(0, "--workers", help="Parallel processes (0 = one per core)."),
    rules: Path | None = typer.Option(None, "--rules", help="A YAML rule pack instead of the shipped one."),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help="Exit 1 when a finding this severe exists."),
    cluster: str | None = typer.Option(None, "--cluster", help="Run on Dask: tcp://host:8786, local or local:N "
                                       "(with --out PATH and no --format: JSON Lines as documents finish; a re-run "
                                       "skips those done)."),
    select: str | None = typer.Option(None, "--select", help="Run only these rules: ids or kinds, comma-separated."),
    ignore: str | None = typer.Option(None, "--ignore", help="Leave out these rules: ids or kinds, comma-separated."),
) -> None:
    """Flag numeric contradictions between narrative and tables."""
    settings = load_settings({"llm": {"enabled": False if no_llm else None},
                              "check": {"rule_pack": rules, "workers": workers or None}})
    if fmt and not out:
        fail("--format needs --out PATH")
    if out and not fmt and not cluster:
        fail("--out needs --format md|html|xlsx|pdf")
    if workers < 0:
        fail("--workers must be 0 (one per core) or more")
    if out and not out.parent.exists():
        fail(f"{out.parent}: no such folder for --out")
    pack = str(settings.check.rule_pack) if settings.check.rule_pack else None
    if pack:
        from rules.pack import load_pack

        try:  # a bad pack is the user's input error: one line, before any document is read
            load_pack(pack)
        except ValueError as exc:
            fail(str(exc))
    if select or ignore:
        from rules.registry import RuleSet

        if cluster:
            fail("--select/--ignore do not work with --cluster yet")
        RuleSet.default().select(select, ignore)  # an unknown rule id or kind: PackError, one line and exit 2
    paths = expand(files)
    if not paths:
        fail("no supported files found (.pdf, .txt, .md)")
    if cluster:
        from docqa.cluster.command import run_check

        reports = run_check(paths, cluster, workers or settings.check.workers, pack, settings, out if not fmt else None)
    else:
        reports = _run(paths, resolve_workers(workers, settings.check.workers, len(paths)), pack,
                       settings.check.doc_timeout, show_progress=len(paths) > 1, select=select, ignore=ignore)
    for r in reports:
        if r.error:
            error_line(r.error if r.error.startswith(r.source) else f"{r.source}: {r.error}")
    if settings.llm.configured:
        _explain(reports, settings)
    unwritten = False
    if fmt:
        try:
            _write(fmt, reports, out)
        except OSError as exc:  # the findings are still printed below; only the file is lost
            error_line(f"{out}: cannot write the report ({exc.strerror or exc})")
            unwritten = True
    if as_json:
        print_json({"documents": [r.model_dump() for r in reports]})
    else:
        from rules.report.terminal import show

        show(console, reports)
    if unwritten or any(r.error for r in reports):
        raise typer.Exit(EXIT_BAD_INPUT)
    if fail_on and any(f.severity in _FAILS[fail_on] for r in reports for f in r.findings):
        raise typer.Exit(1)


def _explain(reports: list[DocumentReport], settings) -> None:
    """LLM explanations replace the templates when the explain module is present; otherwise templates stay."""
    try:
        from qa.explain import explain_reports
    except ImportError:
        _note("LLM explanations unavailable (qa.explain missing); template explanations kept")
        return
    try:
        explain_reports(reports, settings)
    except Exception as exc:  # explanations are an extra: a failure must not cost the findings
        _note(f"LLM explanations failed ({exc.__class__.__name__}); template explanations kept")


def _run(paths: list[Path], workers: int, pack: str | None, timeout: float, show_progress: bool,
         select: str | None = None, ignore: str | None = None) -> list[DocumentReport]:
    if not show_progress:
        return check_paths(paths, workers=workers, pack_path=pack, doc_timeout=timeout, select=select, ignore=ignore)
    with Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as progress:
        task = progress.add_task("check", total=len(paths))
        return check_paths(paths, workers=workers, pack_path=pack, doc_timeout=timeout, select=select, ignore=ignore,
                           on_done=lambda _r: progress.advance(task))


def _write(fmt: Format, reports: list[DocumentReport], out: Path) -> None:
    good = [r for r in reports if not r.error]
    if fmt is Format.md:
        from rules.report.markdown import render

        out.write_text(render(reports), encoding="utf-8")
    elif fmt is Format.html:
        from rules.report.html import render

        out.write_text(render(reports), encoding="utf-8")
    elif fmt is Format.xlsx:
        from rules.report.xlsx import write

        write(reports, out)
    else:
        from rules.report.pdf import safe_name, write

        pdfs = [r for r in good if r.source.lower().endswith(".pdf")]
        for r in good:
            if r not in pdfs:
                _note(f"{r.source} is not a PDF, so it cannot be highlighted (use --format html, xlsx or md for it)")
        if len(pdfs) == 1 and out.suffix.lower() == ".pdf":
            targets = [(pdfs[0], out)]
        else:  # one copy per source, under names we make, in the --out folder
            out.mkdir(exist_ok=True)
            targets = [(r, out / safe_name(r.source, i)) for i, r in enumerate(pdfs, start=1)]
        for r, path in targets:
            w = write(r, path)
            missed = f", {w.missed} passage(s) not found on their page" if w.missed else ""
            _note(f"{path}: {w.highlights} highlight(s), {w.notes} document-level note(s){missed}")
    _note(f"report written: {out}")


def _note(message: str) -> None:
    """Information for the person at the terminal, on stderr so --json output stays clean."""
    err_console.print(f"note: {message}", highlight=False, soft_wrap=True, markup=False)
