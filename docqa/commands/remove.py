"""`docqa remove DOC... [--store DIR] [--json]`: take documents out of a store (their chunks, vectors and BM25
entries); the others are not re-embedded."""
from __future__ import annotations

from pathlib import Path

import typer

from docqa.console import console, fail, print_json


def command(
    docs: list[str] = typer.Argument(..., help="Documents to remove: a file name, a path, or a unit's name."),
    store: Path | None = typer.Option(None, "--store", help="Store folder (default ./.docqa or $DOCQA_STORE)."),
    as_json: bool = typer.Option(False, "--json", help="Print what was removed as JSON."),
) -> None:
    """Remove documents from a store."""
    from docqa.commands.list import entries, store_of
    from index.store import Store
    from qa.scope import narrow

    store_dir = store_of(store)
    described = entries(store_dir)
    keys: set[str] = set()
    for name in docs:
        hit = narrow(described, doc=name) or narrow(described, entity=name)
        if not hit:
            fail(f"{name}: no such document in {store_dir} (see `docqa list`)")
        keys |= hit
    s = Store(store_dir)
    with s.lock():
        manifest = s.manifest()
        table = manifest.documents if hasattr(manifest, "documents") else manifest["documents"]
        removed = []
        for key in sorted(keys):
            entry = table.pop(key, None)
            if entry is None:
                continue
            ids = entry.chunk_ids if hasattr(entry, "chunk_ids") else entry["chunk_ids"]
            # Commit first (the manifest no longer names it: invisible to search), then clean up.
            s.save_manifest(manifest)
            s.delete(list(ids))
            s.doc_file(key).unlink(missing_ok=True)
            s.doc_file(key).with_suffix(".tokens.json").unlink(missing_ok=True)
            removed.append({"source": described[key].get("source", key), "chunks": len(ids)})
        s.rebuild_bm25()
    if as_json:
        print_json({"store": str(store_dir), "removed": removed})
        return
    for r in removed:
        console.print(f"[red]removed[/] {r['source']}  {r['chunks']} chunks", highlight=False)
