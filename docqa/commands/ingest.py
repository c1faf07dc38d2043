"""`docqa ingest PATH... [--store DIR] [--json]`."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from core.settings import load_settings
from docqa.console import EXIT_BAD_INPUT, console, err_console, error_line, fail, print_json
from index.load import expand


def command(
    paths: list[Path] = typer.Argument(..., help="PDF or text files, or folders of them."),
    store: Path | None = typer.Option(None, "--store", help="Store folder (default ./.docqa or $DOCQA_STORE)."),
    as_json: bool = typer.Option(False, "--json", help="Print what was ingested as JSON."),
    reindex: bool = typer.Option(False, "--reindex", help="Re-embed the whole store (after changing the "
                                 "embedding model)."),
    cluster: str | None = typer.Option(None, "--cluster", help="Parse and embed on Dask workers (tcp://host:8786, "
                                       "local or local:N); this process commits to the store."),
) -> None:
    """Chunk, embed and index documents into a persistent store."""
    from index.ingest import ingest_paths

    settings = load_settings({"index": {"store": store}})
    store_dir = settings.index.store
    files = expand(paths)
    if not files:
        fail("no supported files found (.pdf, .txt, .md)")
    with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=as_json) as progress:
        task = progress.add_task("ingest", total=len(files))
        if cluster:
            from docqa.cluster.command import run_ingest

            report = run_ingest(files, settings, cluster, on_file=lambda _p, _n: progress.advance(task),
                                reindex=reindex)
        else:
            report = ingest_paths(files, store_dir, settings.index, on_file=lambda _p, _n: progress.advance(task),
                                  reindex=reindex)
    for e in report.errors:
        error_line(e.error)
    if as_json:
        print_json(report.to_json())
    else:
        for a in report.added:
            verb = "re-indexed" if a.reindexed else "added"
            console.print(f"[green]{verb}[/] {a.source}  {a.pages} pages, {a.chunks} chunks", highlight=False)
        for u in report.unchanged:
            console.print(f"[dim]unchanged[/] {u}", highlight=False)
        if report.stale:
            console.print(f"[yellow]note[/] {len(report.stale)} document(s) of the store were indexed by older code; "
                          "ingest them again to refresh: " + ", ".join(report.stale[:5]), highlight=False)
        console.print(f"store {store_dir}: {report.chunks_total} chunks · {report.seconds:.1f} s", highlight=False)
    if report.errors:
        raise typer.Exit(EXIT_BAD_INPUT)
