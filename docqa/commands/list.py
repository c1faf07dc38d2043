"""`docqa list [--store DIR] [--json]`: the documents a store holds, with their unit, scope, year and size."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table as RichTable

from docqa.console import console, fail, print_json


def store_of(store: Path | None) -> Path:
    """The store folder a command works on: --store, else the configured one."""
    if store is not None:
        return store
    from core.settings import load_settings

    return Path(load_settings().index.store)


def entries(store_dir: Path) -> dict[str, dict]:
    """The store's documents as dicts (whatever the manifest's format), each with its unit's account."""
    from index.store import Store
    from qa.scope import entry

    store = Store(store_dir)
    if not store.exists():
        fail(f"{store_dir}: no documents ingested here (run `docqa ingest PATH --store {store_dir}`)")
    m = store.manifest()
    raw = m.documents if hasattr(m, "documents") else m["documents"]
    return {k: entry(v.model_dump() if hasattr(v, "model_dump") else dict(v)) for k, v in raw.items()}


def command(
    store: Path | None = typer.Option(None, "--store", help="Store folder (default ./.docqa or $DOCQA_STORE)."),
    as_json: bool = typer.Option(False, "--json", help="Print the documents as JSON."),
) -> None:
    """List the documents in a store: unit (本级/汇总, parent), year, kind, pages, chunks."""
    store_dir = store_of(store)
    docs = entries(store_dir)
    rows = [{"source": d.get("source", k), "entity": d.get("name") or d.get("entity"), "scope": d.get("scope"),
             "parent": d.get("parent"), "place": d.get("place"), "year": d.get("year"), "kind": d.get("kind"),
             "pages": d.get("pages"), "chunks": len(d.get("chunk_ids") or []), "aliases": d.get("aliases", [])}
            for k, d in sorted(docs.items(), key=lambda kv: kv[1].get("source", kv[0]))]
    if as_json:
        print_json({"store": str(store_dir), "documents": rows})
        return
    t = RichTable(title=f"{store_dir}: {len(rows)} documents")
    for col in ("document", "unit", "scope", "parent", "year", "kind", "pages", "chunks"):
        t.add_column(col, justify="right" if col in ("year", "pages", "chunks") else "left")
    for r in rows:
        t.add_row(Path(r["source"]).name, r["entity"] or "—", r["scope"] or "—", r["parent"] or "—",
                  str(r["year"] or "—"), r["kind"] or "—", str(r["pages"] or "—"), str(r["chunks"]))
    console.print(t)
