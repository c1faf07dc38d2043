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


def test_a_fresh_process_with_quiet_prints_nothing_of_its_libraries(tmp_path):
    # jieba sets its logger to DEBUG when imported and announces its dictionary on stderr; a new process shows it
    # unless the one place that loads jieba quiets it after the import.
    import subprocess
    import sys

    doc = tmp_path / "d.txt"
    doc.write_text("某某市气象局2024年部门预算\n一、收支预算总体情况\n本年收入预算100.00万元。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "docqa", "ingest", str(doc), "--store", str(tmp_path / "st"),
                           "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and "prefix dict" not in done.stdout
