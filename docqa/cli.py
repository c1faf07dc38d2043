"""The `docqa` command line: one typer app, one module per command under docqa/commands/.

Every `DocQAError` (bad input, configuration, store, rule pack, LLM) ends as one line on stderr and exit 2, here
and only here; `--debug` (or DOCQA_DEBUG=1) shows the traceback instead."""
from __future__ import annotations

import importlib
import os

import typer
from typer.core import TyperGroup

from core.errors import DocQAError
from docqa import __version__

# Each command's module, imported when that command runs (click's lazy loading of subcommands: list_commands and
# get_command), so that `docqa ask` loads neither the rules, the web app nor the evaluation; `docqa --help`
# imports them all. A module has `command` (one command) or `app` (a group of them).
COMMANDS = {"parse": "docqa.commands.parse", "ingest": "docqa.commands.ingest", "ask": "docqa.commands.ask",
            "list": "docqa.commands.list", "remove": "docqa.commands.remove", "check": "docqa.commands.check",
            "rules": "docqa.commands.rules", "eval": "docqa.commands.evaluate", "demo": "docqa.commands.demo",
            "serve": "docqa.web.command", "config": "docqa.commands.config"}


class _Group(TyperGroup):
    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name: str):
        if name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[name])
        one = typer.Typer(add_completion=False)
        if hasattr(module, "app"):
            one.add_typer(module.app, name=name)
            return typer.main.get_command(one).commands[name]
        one.command(name)(module.command)
        return typer.main.get_command(one)  # a Typer of one command is that command

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DocQAError as exc:
            if _debug(ctx):
                raise
            from docqa.console import fail

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
