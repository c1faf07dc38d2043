"""Terminal output shared by every command: rich for people, plain JSON for scripts, one-line errors.

Progress goes to stderr and only to a terminal: a live display with one line per stage of the document in hand
(parse, chunk, embed, write …) and a bar over the documents; on a pipe, or with ``--quiet``, nothing. Third-party
progress bars (sentence-transformers' ``Batches:``, tqdm, the Hugging Face hub) are switched off here, once, before
any of them is imported by a command."""
from __future__ import annotations

import json
import logging
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, NoReturn

import typer

if TYPE_CHECKING:
    from rich.progress import TaskID

EXIT_BAD_INPUT = 2


def __getattr__(name: str):
    """`console` (stdout) and `err_console` (stderr), rich consoles made when first used: a command that prints
    JSON (`docqa ask --json`) does not import rich."""
    if name not in ("console", "err_console"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from rich.console import Console

    made = globals()
    made.setdefault("console", Console())
    made.setdefault("err_console", Console(stderr=True))
    return made[name]


def _stderr():
    return globals()["err_console"] if "err_console" in globals() else __getattr__("err_console")


def silence_third_party() -> None:
    """No stray `Batches: 100%|…|` lines: the libraries we call draw no bars of their own."""
    for name, value in (("TQDM_DISABLE", "1"), ("HF_HUB_DISABLE_PROGRESS_BARS", "1"),
                        ("TRANSFORMERS_VERBOSITY", "error"), ("TOKENIZERS_PARALLELISM", "false"),
                        ("HF_HUB_DISABLE_TELEMETRY", "1")):
        os.environ.setdefault(name, value)
    for name in ("sentence_transformers", "transformers", "huggingface_hub", "chromadb", "jieba"):
        logging.getLogger(name).setLevel(logging.ERROR)


silence_third_party()

QUIET = typer.Option(False, "--quiet", "-q", help="No progress and no notes on stderr (results and errors only).")


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
    from rich.markup import escape

    # escape: file names and document text may hold "[...]", which rich would read as markup (or raise on).
    _stderr().print(f"[bold red]error:[/] {escape(' '.join(str(message).split()))}", highlight=False,
                      soft_wrap=True)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    error_line(message)
    raise typer.Exit(code)


def note(message: str, quiet: bool = False) -> None:
    """Information for the person at the terminal, on stderr so --json output stays clean."""
    if not quiet:
        _stderr().print(f"note: {message}", highlight=False, soft_wrap=True, markup=False)


class Stages:
    """A live display: the document in hand and its stage, a bar over the documents, elapsed time.

    Disabled (every call a no-op) with ``quiet`` or when stderr is not a terminal."""

    def __init__(self, verb: str, total: int, quiet: bool = False) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, \
            TimeElapsedColumn

        err = _stderr()
        self.enabled = not quiet and err.is_terminal
        self.verb = verb
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True,
                                 disable=not self.enabled)
        self.task: TaskID = self.progress.add_task(verb, total=total)
        self.extra: TaskID | None = None

    def __enter__(self) -> "Stages":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def stage(self, document: str | Path | None, stage: str) -> None:
        from rich.markup import escape

        name = Path(document).name if document else ""
        self.progress.update(self.task, description=escape(f"{self.verb} {name} · {stage}".strip()))

    def advance(self, n: int = 1) -> None:
        self.progress.advance(self.task, n)

    def done_line(self, text: str) -> None:
        """A line above the live display (kept when it ends): a document finished."""
        if self.enabled:
            self.progress.console.print(text, highlight=False)

    def sub(self, description: str, done: int, total: int) -> None:
        """A second bar under the first one (the model build)."""
        if self.extra is None:
            from rich.markup import escape

            self.extra = self.progress.add_task(escape(description), total=total)
        self.progress.update(self.extra, completed=done, total=total)

    def end_sub(self) -> None:
        if self.extra is not None:
            self.progress.remove_task(self.extra)
            self.extra = None


def ensure_embedding_model(index, quiet: bool = False, stages: Stages | None = None) -> float:
    """Build the default embedding model now if this is the first run, saying so and how long it takes once;
    returns the seconds spent (0 when it was already there). Any other configured model is left alone."""
    from index.embed import STATIC_NAME, build_once, needs_build, static_path

    if not needs_build(index):
        return 0.0
    path = static_path(index)
    note(f"first run: building the embedding model {STATIC_NAME} once (about 2 CPU-minutes: about 70 s on an idle "
         f"2-core machine; kept in {path.parent}, later runs start at once)", quiet)
    start = time.perf_counter()
    with _bar(stages, quiet) as show:
        build_once(path, progress=show)
    seconds = time.perf_counter() - start
    note(f"embedding model built in {seconds:.0f} s", quiet)
    return seconds


@contextmanager
def _bar(stages: Stages | None, quiet: bool) -> Iterator:
    label = "building embedding model (one time)"
    if stages is not None:
        try:
            yield lambda done, total: stages.sub(label, done, total)
        finally:
            stages.end_sub()
        return
    with Stages(label, 1, quiet) as own:
        def show(done: int, total: int) -> None:
            own.progress.update(own.task, completed=done, total=total)

        yield show
