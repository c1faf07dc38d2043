"""Open any supported file as a Document, or fail with one clear line (ParseError)."""
from __future__ import annotations

from pathlib import Path

from index.document import Document, ParseError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | PDF_SUFFIXES


def load(path: Path | str) -> Document:
    path = Path(path)
    if not path.exists():
        raise ParseError(f"{path}: no such file")
    if path.is_dir():
        raise ParseError(f"{path}: is a directory")
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from index.pdf import parse_pdf

        return parse_pdf(path)
    if suffix in TEXT_SUFFIXES:
        from index.text import parse_text

        return parse_text(path)
    raise ParseError(f"{path}: unsupported file type '{suffix or 'none'}' (expected .pdf, .txt or .md)")


def expand(paths: list[Path | str]) -> list[Path]:
    """Files named directly, plus every supported file inside named folders (sorted, recursive)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED))
        else:
            out.append(p)
    return out
