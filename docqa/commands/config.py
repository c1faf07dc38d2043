"""`docqa config show [--json]`: the effective settings and where each value came from."""
from __future__ import annotations

import typer
from rich.table import Table as RichTable

from core.settings import config_path, describe, load_settings
from docqa.console import console, print_json

app = typer.Typer(help="Inspect the settings (defaults < docqa.toml < DOCQA_* variables < flags).",
                  no_args_is_help=True)


@app.command("show")
def show(as_json: bool = typer.Option(False, "--json", help="Print the settings as JSON.")) -> None:
    """Print every setting with its value, its source and what it does."""
    rows = describe(load_settings())
    if as_json:
        print_json({"config_file": str(config_path() or ""), "settings": rows})
        return
    table = RichTable(title=f"settings (file: {config_path() or 'none'})")
    for col in ("key", "value", "source", "description"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["key"], "" if r["value"] is None else str(r["value"]), r["source"], r["description"],
                      style=None if r["source"] == "default" else "bold")
    console.print(table)
