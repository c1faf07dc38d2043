"""`docqa rules [--json] [--rules PACK] [--select ...] [--ignore ...]`: the rules, their options and documentation."""
from __future__ import annotations

from pathlib import Path

import typer

from docqa.console import console, print_json


def command(
    as_json: bool = typer.Option(False, "--json", help="Print the catalogue as JSON."),
    rules: Path | None = typer.Option(None, "--rules", help="Show the options in force with this rule pack."),
    select: str | None = typer.Option(None, "--select", help="Only these rules: ids or kinds, comma-separated."),
    ignore: str | None = typer.Option(None, "--ignore", help="Leave out these rules: ids or kinds, comma-separated."),
) -> None:
    """List the consistency rules with kind, severity, options and documentation."""
    from rules.catalog import catalog, render
    from rules.pack import load_pack
    from rules.registry import RuleSet

    # A bad pack or an unknown rule raises PackError: the CLI prints it as one line and exits 2.
    infos = catalog(RuleSet.default().select(select, ignore), load_pack(rules))
    if as_json:
        print_json({"rules": [i.model_dump() for i in infos]})
    else:
        console.print(render(infos), markup=False, highlight=False, soft_wrap=True, end="")
