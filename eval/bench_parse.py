"""Parse speed: DocQA's parser vs pymupdf's page.find_tables(), same pages, one process.

    python -m eval.bench_parse [--every N] [--llm] [PDF...]   (default: ../shared/corpus/real/*.pdf)

Every PDF is parsed once (CPU and wall time per document); find_tables() runs on every N-th page of the same
PDFs (N=1 runs it on all of them; it reads about 4 pages a second, so the default samples every 10th page) and
its pages/s is shown beside ours. --llm adds pymupdf4llm.to_markdown on the sampled documents.
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import pymupdf

from index.pdf import parse_pdf

DEFAULT = Path(os.environ.get("DOCQA_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")) / "real"


def _find_tables(paths: list[Path], every: int) -> tuple[int, float, float]:
    pages = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for p in paths:
        with pymupdf.open(p) as doc:
            for i in range(0, doc.page_count, every):
                doc[i].find_tables()
                pages += 1
    return pages, time.process_time() - cpu, time.perf_counter() - wall


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--every", type=int, default=10, help="run find_tables() on every N-th page (1: all pages)")
    ap.add_argument("--llm", action="store_true", help="also time pymupdf4llm.to_markdown")
    args = ap.parse_args(argv)
    paths = args.pdfs or sorted(DEFAULT.glob("*.pdf"))
    if not paths:
        print("no PDFs given and ../shared/corpus/real is absent")
        return {}
    parse_pdf(paths[0])  # warm imports and caches: the steady state is what a batch sees
    per_doc = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for p in paths:
        c, w = time.process_time(), time.perf_counter()
        doc = parse_pdf(p)
        per_doc.append((p.stem, doc.pages, time.process_time() - c, time.perf_counter() - w))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    pages = sum(n for _, n, _, _ in per_doc)
    ft_pages, ft_cpu, ft_wall = _find_tables(paths, max(1, args.every))
    print(f"{len(paths)} PDFs, {pages} pages; find_tables() on {ft_pages} of them (every {args.every}th page)")
    print(f"{'method':<24}{'pages':>7}{'cpu s':>9}{'pages/cpu s':>13}{'wall s':>9}{'pages/wall s':>14}")
    print(f"{'docqa parse':<24}{pages:>7}{cpu:>9.1f}{pages / cpu:>13.1f}{wall:>9.1f}{pages / wall:>14.1f}")
    print(f"{'page.find_tables()':<24}{ft_pages:>7}{ft_cpu:>9.1f}{ft_pages / ft_cpu:>13.1f}{ft_wall:>9.1f}"
          f"{ft_pages / ft_wall:>14.1f}")
    if args.llm:
        import pymupdf4llm  # noqa: PLC0415

        c = time.process_time()
        sample = paths[:: max(1, args.every)]
        for p in sample:
            pymupdf4llm.to_markdown(str(p), show_progress=False)
        n = sum(pymupdf.open(p).page_count for p in sample)
        print(f"{'pymupdf4llm (sample)':<24}{n:>7}{time.process_time() - c:>9.1f}{n / (time.process_time() - c):>13.1f}")
    slow = sorted(per_doc, key=lambda d: d[1] / d[2])[:5]
    print("slowest documents (pages/cpu s): " + ", ".join(f"{n} {pg / c:.0f}" for n, pg, c, _ in slow))
    return {"pages": pages, "cpu_s": cpu, "wall_s": wall, "find_tables": {"pages": ft_pages, "cpu_s": ft_cpu},
            "slowest": [(n, round(pg / c, 1)) for n, pg, c, _ in slow]}


if __name__ == "__main__":
    main()
