"""The `docqa` command line: one typer app, one module per command under docqa/commands/."""
from __future__ import annotations

import typer

from docqa import __version__
from docqa.commands import ask, check, demo, ingest, parse
from docqa.commands import evaluate

app = typer.Typer(
    name="docqa",
    help="Cited answers and consistency checks for Chinese public budget disclosures (部门预算/决算公开).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"docqa {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """DocQA."""


app.command("parse")(parse.command)
app.command("ingest")(ingest.command)
app.command("ask")(ask.command)
app.command("check")(check.command)
app.command("eval")(evaluate.command)
app.command("demo")(demo.command)
