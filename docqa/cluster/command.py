"""The --cluster branch of `docqa check` and `docqa ingest` (the commands keep one `if cluster:` each)."""
from __future__ import annotations

from pathlib import Path

from docqa.console import err_console


def run_check(paths: list[Path], address: str, workers: int, pack: str | None, settings, out: Path | None):
    """Reports in input order; the progress bar advances as the cluster completes each document."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from docqa.cluster.check import check_on_cluster

    # A ClusterError (bad address, no scheduler, no Dask) is a DocQAError: the CLI prints its one line, exit 2.
    with Progress(TextColumn(f"checking on {address}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as progress:
        task = progress.add_task("check", total=len(paths))
        return check_on_cluster(paths, address, workers=workers, pack_path=pack,
                                doc_timeout=settings.check.doc_timeout, out=out, send=settings.cluster.send,
                                window=settings.cluster.window or None, on_done=lambda _r: progress.advance(task))


def run_ingest(files: list[Path], settings, address: str, on_file, reindex: bool = False):
    from docqa.cluster.ingest import ingest_on_cluster

    return ingest_on_cluster(files, settings.index.store, settings.index, address, workers=settings.check.workers,
                             send=settings.cluster.send, on_file=on_file, doc_timeout=settings.check.doc_timeout,
                             group=settings.cluster.commit_group, window=settings.cluster.window or None,
                             reindex=reindex)
