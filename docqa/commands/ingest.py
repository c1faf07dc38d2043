"""`docqa ingest PATH... [--store DIR] [--json]`."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from core.settings import load_settings
from docqa.console import EXIT_BAD_INPUT, QUIET, Stages, console, ensure_embedding_model, error_line, fail, \
    print_json
from index.load import expand


def command(
    paths: list[Path] = typer.Argument(..., help="PDF or text files, or folders of them."),
    store: Path | None = typer.Option(None, "--store", help="Store folder (default ./.docqa or $DOCQA_STORE)."),
    as_json: bool = typer.Option(False, "--json", help="Print what was ingested as JSON."),
    reindex: bool = typer.Option(False, "--reindex", help="Re-embed the whole store (after changing the "
                                 "embedding model)."),
    cluster: str | None = typer.Option(None, "--cluster", help="Parse and embed on Dask workers (tcp://host:8786, "
                                       "local or local:N); this process commits to the store."),
    quiet: bool = QUIET,
) -> None:
    """Chunk, embed and index documents into a persistent store."""
    from index.ingest import ingest_paths

    settings = load_settings({"index": {"store": store}})
    store_dir = settings.index.store
    files = expand(paths)
    if not files:
        fail("no supported files found (.pdf, .txt, .md)")
    with Stages("ingesting", len(files), quiet or as_json) as stages:
        stages.stage(None, "opening the store")

        def stage(path, name: str) -> None:
            stages.stage(path, name)
            if name == "embed":  # the first document to embed builds the default model on a first run
                ensure_embedding_model(settings.index, quiet, stages)

        def done(path, chunks) -> None:
            stages.advance()
            if chunks is not None:
                stages.done_line(f"[dim]✓ {escape(Path(path).name)} · {chunks} chunks[/]")

        if cluster:
            from docqa.cluster.command import run_ingest

            ensure_embedding_model(settings.index, quiet, stages)  # built here once, not on every worker
            report = run_ingest(files, settings, cluster, on_file=done, reindex=reindex)
        else:
            report = ingest_paths(files, store_dir, settings.index, on_file=done, on_stage=stage, reindex=reindex)
        stages.stage(None, "preparing the store for questions")
        _prepare(store_dir, settings)
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


def _prepare(store_dir: Path, settings) -> None:
    """Write what a question reads beside the store now (the vectors as one matrix, the documents' vocabulary), so
    that the first `docqa ask` after an ingest does not spend seconds on it; nothing to do when they are current."""
    from core.errors import StoreError
    from qa.retrieve import Retriever

    try:
        retriever = Retriever(store_dir, index=settings.index)
    except StoreError:
        return  # nothing committed
    if not settings.index.chroma_url:  # a Chroma server is searched where it is
        retriever.dense_index()
    retriever.vocabulary()
