"""The `docqa` command line: one typer app, one module per command under docqa/commands/.

Every `DocQAError` (bad input, configuration, store, rule pack, LLM) ends as one line on stderr and exit 2, here
and only here; `--debug` (or DOCQA_DEBUG=1) shows the traceback instead."""
from __future__ import annotations

import os

import typer
from typer.core import TyperGroup

from core.errors import DocQAError
from docqa import __version__
from docqa.commands import ask, check, config, demo, evaluate, ingest, parse, rules
from docqa.commands import list as list_cmd
from docqa.commands import remove
from docqa.console import fail
from docqa.web import command as serve


class _Group(TyperGroup):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DocQAError as exc:
            if _debug(ctx):
                raise
            fail(str(exc), exc.exit_code)


def _debug(ctx) -> bool:
    return bool(ctx.meta.get("docqa.debug")) or os.environ.get("DOCQA_DEBUG", "") not in ("", "0")


app = typer.Typer(
    name="docqa",
    cls=_Group,
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
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of a failure instead of one line."),
) -> None:
    """DocQA."""
    ctx.meta["docqa.debug"] = debug


app.command("parse")(parse.command)
app.command("ingest")(ingest.command)
app.command("ask")(ask.command)
app.command("list")(list_cmd.command)
app.command("remove")(remove.command)
app.command("check")(check.command)
app.command("rules")(rules.command)
app.command("eval")(evaluate.command)
app.command("demo")(demo.command)
app.add_typer(config.app, name="config")
app.command("serve")(serve.command)
