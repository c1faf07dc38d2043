"""Progress moves: on a terminal the live display names the document and its stage and lists finished documents;
on a pipe, or with --quiet, nothing is drawn."""
import io

from rich.console import Console

import docqa.console as console_module
from docqa.console import Stages


def run_stages(monkeypatch, terminal: bool, quiet: bool = False) -> str:
    buffer = io.StringIO()
    fake = Console(file=buffer, force_terminal=terminal, width=100)
    monkeypatch.setattr(console_module, "err_console", fake)
    with Stages("ingesting", 2, quiet) as stages:
        for name in ("a.pdf", "b.pdf"):
            for stage in ("parse", "chunk", "embed", "write"):
                stages.stage(name, stage)
                stages.progress.refresh()
            stages.advance()
            stages.done_line(f"✓ {name} · 12 chunks")
        stages.sub("building embedding model (one time)", 5, 10)
        stages.progress.refresh()
    return buffer.getvalue()


def test_a_terminal_sees_the_document_and_its_stage(monkeypatch):
    out = run_stages(monkeypatch, terminal=True)
    for words in ("ingesting a.pdf · parse", "ingesting b.pdf · write", "✓ a.pdf · 12 chunks", "building embedding"):
        assert words in out, words


def test_a_pipe_or_quiet_sees_nothing(monkeypatch):
    assert run_stages(monkeypatch, terminal=False) == ""
    assert run_stages(monkeypatch, terminal=True, quiet=True) == ""
