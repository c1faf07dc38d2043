"""`docqa check FILE... [--json] [--format md|html|xlsx|pdf|annotated-pdf --out PATH] [--lang zh|en]
[--baseline FILE] [--no-llm] [--quiet]`."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer
from rich.markup import escape

from core.settings import load_settings
from docqa.commands import _reports
from docqa.console import EXIT_BAD_INPUT, QUIET, Stages, console, error_line, fail, note, print_json
from index.load import expand
from rules.batch import check_paths, resolve_workers
from rules.findings import DocumentReport
from rules.report import Options, apply_baseline, load_baseline


class Format(str, Enum):
    md = "md"
    html = "html"
    xlsx = "xlsx"
    pdf = "pdf"
    annotated_pdf = "annotated-pdf"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"


# --fail-on warning also fails on errors: the threshold is "this severe or worse".
_FAILS = {FailOn.error: {"error"}, FailOn.warning: {"error", "warning"}}


def command(
    files: list[Path] = typer.Argument(..., help="PDF or text files, or folders of them."),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON."),
    fmt: Format | None = typer.Option(None, "--format", help="Write a report: md, html, xlsx, pdf (a report with a "
                                      "cover page and page pictures) or annotated-pdf (a copy of each source PDF "
                                      "with the evidence boxed)."),
    out: Path | None = typer.Option(None, "--out", help="Report file; for pdf/annotated-pdf with several inputs an "
                                    "existing folder (one file per document)."),
    lang: Lang = typer.Option(Lang.zh, "--lang", help="Language of the report's labels: zh or en."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Findings already accepted (a saved --json "
                                         "output or one finding id per line): hidden, only new ones shown."),
    quiet: bool = QUIET,
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
        fail("--out needs --format md|html|xlsx|pdf|annotated-pdf")
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
    if baseline is not None and not baseline.is_file():
        fail(f"--baseline {baseline}: no such file")
    paths = expand(files)
    if not paths:
        fail("no supported files found (.pdf, .txt, .md)")
    _reports.check_out(fmt.value if fmt else None, out, len(paths))
    if cluster:
        from docqa.cluster.command import run_check

        reports = run_check(paths, cluster, workers or settings.check.workers, pack, settings, out if not fmt else None)
    else:
        reports = _run(paths, resolve_workers(workers, settings.check.workers, len(paths)), pack,
                       settings.check.doc_timeout, quiet or as_json, select=select, ignore=ignore)
    for r in reports:
        if r.error:
            error_line(r.error if r.error.startswith(r.source) else f"{r.source}: {r.error}")
    _reports.locate(reports)
    options = Options(lang=lang.value)
    if baseline is not None:
        options.hidden = apply_baseline(reports, load_baseline(baseline))
    if settings.llm.configured:
        _explain(reports, settings, quiet)
        _reports.llm_fallback(reports, settings.llm.base_url, quiet)
    unwritten = False
    if fmt:
        try:
            _reports.write(fmt.value, reports, out, options, quiet)
        except OSError as exc:  # the findings are still printed below; only the file is lost
            error_line(f"{out}: cannot write the report ({exc.strerror or exc})")
            unwritten = True
    if as_json:
        print_json({"documents": [r.model_dump() for r in reports]})
    else:
        from rules.report.terminal import show

        show(console, reports, options)
    if unwritten or any(r.error for r in reports):
        raise typer.Exit(EXIT_BAD_INPUT)
    if fail_on and any(f.severity in _FAILS[fail_on] for r in reports for f in r.findings):
        raise typer.Exit(1)


def _explain(reports: list[DocumentReport], settings, quiet: bool) -> None:
    """LLM explanations replace the templates when the explain module is present; otherwise templates stay."""
    try:
        from qa.explain import explain_reports
    except ImportError:
        note("LLM explanations unavailable (qa.explain missing); template explanations kept", quiet)
        return
    try:
        with Stages("explaining", 1, quiet) as stages:
            stages.stage(None, f"LLM at {settings.llm.base_url}")
            explain_reports(reports, settings)
    except Exception as exc:  # explanations are an extra: a failure must not cost the findings
        note(f"LLM explanations failed ({exc.__class__.__name__}); template explanations kept", quiet)


def _run(paths: list[Path], workers: int, pack: str | None, timeout: float, quiet: bool,
         select: str | None = None, ignore: str | None = None) -> list[DocumentReport]:
    """Check the documents, showing which one is being read and each one as it finishes (terminal only)."""
    with Stages("checking", len(paths), quiet) as stages:
        stages.stage(paths[0] if len(paths) == 1 else None, "parse and rules" if len(paths) == 1
                     else f"{workers} worker(s)")

        def done(r: DocumentReport) -> None:
            stages.advance()
            n = len(r.findings)
            state = f"[red]{escape(r.error)}[/]" if r.error else f"{n} finding(s), {r.seconds:.1f} s"
            stages.done_line(f"[dim]✓ {escape(Path(r.source).name)} · {state}[/]")

        return check_paths(paths, workers=workers, pack_path=pack, doc_timeout=timeout, select=select, ignore=ignore,
                           on_done=done)
