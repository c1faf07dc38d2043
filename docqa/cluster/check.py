"""`docqa check PATH... --cluster ADDRESS`: one task per document, reports identical to `rules.batch.check_paths`
(same parser, same rules, same pack: the client's pack travels to the workers), in input order."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from docqa.cluster.connect import on_cluster, send_bytes
from docqa.cluster.items import make_item, settings_key, with_bytes
from docqa.cluster.journal import Journal
from docqa.cluster.stream import run_tasks
from docqa.cluster.tasks import check_item
from rules.findings import DocumentReport


def check_on_cluster(paths: list[Path], address: str, *, workers: int = 0, pack_path: str | None = None,
                     doc_timeout: float = 120.0, out: Path | None = None, send: str = "auto",
                     on_done: Callable[[DocumentReport], None] | None = None, window: int | None = None,
                     client=None) -> list[DocumentReport]:
    """One report per path, in input order; never raises for a document's sake.

    out: a JSON Lines journal, appended as documents finish; documents already in it (same content digest, same
    settings key) are not sent again. client: an open distributed Client to use instead of connecting."""
    from rules.pack import load_pack

    paths = [Path(p) for p in paths]
    pack = load_pack(pack_path)
    key = settings_key(task="check", pack=_pack_data(pack))
    journal = Journal(out, key) if out else None
    done = journal.done() if journal else {}
    reports: dict[int, DocumentReport] = {}
    positions: list[int] = []
    digests: list[str] = []

    def finish(i: int, report: DocumentReport) -> None:
        reports[i] = report
        if on_done:
            on_done(report)

    def on_result(k: int, value: dict | None, error: str | None) -> None:
        i = positions[k]
        if error:
            value = DocumentReport(source=str(paths[i]), kind="unknown", error=f"{paths[i]}: {error}").model_dump()
        if journal:
            journal.append(str(paths[i]), digests[k], value)
        finish(i, DocumentReport.model_validate(value))

    items = [make_item(p) for p in paths]
    for i, item in enumerate(items):
        if item.digest and item.digest in done:  # same bytes, same settings: reuse, under this name
            finish(i, DocumentReport.model_validate({**done[item.digest], "source": str(paths[i])}))
        else:
            positions.append(i)
            digests.append(item.digest)

    def run(client) -> None:
        as_bytes = send_bytes(send, address)
        # The pack (5 KB) travels with each task rather than scattered once: scattered data dies with the
        # workers holding it, and this run must survive dead workers.
        todo = (with_bytes(items[i]) if as_bytes else items[i] for i in positions)
        run_tasks(client, check_item, todo, (pack, doc_timeout), name="check", on_result=on_result,
                  window=window)

    try:
        if positions:  # else everything was done by an earlier run: no cluster needed
            on_cluster(address, workers, client, run)
    finally:
        if journal:
            journal.close()
    return [reports[i] for i in range(len(paths))]


def _pack_data(pack) -> dict:
    """The pack as plain data for the settings key (a pydantic model, or a dataclass in older packs)."""
    if hasattr(pack, "model_dump"):
        return pack.model_dump(mode="json")
    import dataclasses

    return dataclasses.asdict(pack)
