"""`docqa parse FILE... [--json]`: the document model of each file."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table as RichTable

from docqa.console import EXIT_BAD_INPUT, console, error_line, print_json
from core.errors import ParseError
from index.document import Document
from index.load import expand, load


def command(
    files: list[Path] = typer.Argument(..., help="PDF or text files, or folders of them."),
    as_json: bool = typer.Option(False, "--json", help="Print the document model as JSON."),
) -> None:
    """Parse documents into pages, sections, paragraphs and tables."""
    paths = expand(files)
    docs: list[Document] = []
    errors: list[dict] = []
    for path in paths:
        try:
            docs.append(load(path))
        except ParseError as exc:
            error_line(str(exc))
            errors.append({"source": str(path), "error": str(exc)})
    if not paths:
        error_line("no supported files found (.pdf, .txt, .md)")
        errors.append({"source": "", "error": "no files"})
    if as_json:
        if len(files) == 1 and len(paths) == 1 and docs:
            print_json(docs[0].to_json())
        elif docs or len(paths) > 1:
            print_json({"documents": [d.to_json() for d in docs], "errors": errors})
    else:
        for doc in docs:
            _summary(doc)
    if errors:
        raise typer.Exit(EXIT_BAD_INPUT)


def _summary(doc: Document) -> None:
    console.rule(f"[bold]{doc.source}")
    console.print(f"kind [cyan]{doc.kind}[/]  year [cyan]{doc.year}[/]  entity [cyan]{doc.entity}[/]  "
                  f"pages {doc.pages}  paragraphs {len(doc.paragraphs)}  sections {len(doc.sections)}")
    table = RichTable(show_lines=False)
    for col in ("id", "title", "unit", "pages", "columns", "rows", "first total"):
        table.add_column(col)
    for t in doc.tables:
        total = next((r for r in t.rows if "合计" in r.label or "总计" in r.label), None)
        first = next((v for v in total.values if v is not None), None) if total else None
        table.add_row(t.id, t.title or "[dim](untitled)", t.unit or "-", ",".join(map(str, t.pages)),
                      str(len(t.header)), str(len(t.rows)), "" if first is None else f"{first:,.2f}")
    console.print(table)
