"""Terminal output shared by every command: rich for people, plain JSON for scripts, one-line errors."""
from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

console = Console()
err_console = Console(stderr=True)

EXIT_BAD_INPUT = 2


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")
    sys.stdout.flush()


def _default(o: Any):
    if hasattr(o, "model_dump"):
        return o.model_dump()
    if hasattr(o, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def error_line(message: str) -> None:
    """One line on stderr, whatever the message holds (newlines would break log scrapers)."""
    # escape: file names and document text may hold "[...]", which rich would read as markup (or raise on).
    err_console.print(f"[bold red]error:[/] {escape(' '.join(str(message).split()))}", highlight=False,
                      soft_wrap=True)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    error_line(message)
    raise typer.Exit(code)
