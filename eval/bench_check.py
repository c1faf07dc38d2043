"""Check speed: seconds per document for `docqa check` (parse + every rule, no LLM).

    python -m eval.bench_check [FILE...]     (default: ../shared/corpus/pdf/*.pdf and seeds/*.txt)

Prints, per document, the best of three in-process runs of `rules.engine.check_path` (the steady state a batch
sees), then the same for a generated 30-page PDF, and the wall time of one `docqa check --json --no-llm` process
on that PDF (interpreter start-up and imports included). Target: under 2 s for 30 pages.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

from rules.engine import check_path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TARGET_30_PAGES = 2.0


def best_of(path: Path, repeat: int = 3) -> tuple[float, int, int]:
    """(seconds, pages, findings) of the fastest run."""
    best, report = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        report = check_path(path)
        best = min(best, time.perf_counter() - start)
    if report.error:
        raise SystemExit(f"{path}: {report.error}")
    return best, report.pages, len(report.findings)


def generated_pdf(folder: Path, pages: int = 30) -> Path | None:
    """A `pages`-page disclosure: generated samples (our own text and numbers) joined until long enough."""
    try:
        from eval.generate import Spec, build, render_pdf
    except ImportError:
        return None
    out = pymupdf.open()
    seed = 7
    while out.page_count < pages:
        part = render_pdf(build(Spec(seed=seed, kind="final" if seed % 2 else "budget")), folder / f"part{seed}.pdf")
        with pymupdf.open(part) as src:
            out.insert_pdf(src, to_page=min(src.page_count, pages - out.page_count) - 1)
        seed += 1
    path = folder / f"generated-{pages}p.pdf"
    out.save(path)
    out.close()
    return path


def cli_seconds(path: Path) -> float:
    """Wall time of one `docqa check` process, as a user would run it."""
    env = dict(os.environ, DOCQA_LLM="none")
    cmd = [sys.executable, "-c", "from docqa.cli import app; app()", "check", str(path), "--json", "--no-llm"]
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"docqa check failed on {path}: {done.stderr.strip()[-300:]}")
    return seconds


def batch_figures(folder: Path, n: int = 50) -> tuple[int, int, float, bool]:
    """Check `n` generated documents with rules.batch and compare with checking them one by one."""
    from eval.generate import Spec, build, render_pdf, render_text
    from rules.batch import check_paths, resolve_workers

    paths = []
    for i in range(n):
        sample = build(Spec(seed=100 + i, kind="final" if i % 3 == 0 else "budget", unit="元" if i % 4 == 0 else "万元"))
        if i % 2:
            path = folder / f"batch{i:02d}.txt"
            path.write_text(render_text(sample), encoding="utf-8")
        else:
            path = render_pdf(sample, folder / f"batch{i:02d}.pdf")
        paths.append(path)
    workers = resolve_workers(0, 0, n)
    start = time.perf_counter()
    reports = check_paths(paths, workers=workers, doc_timeout=60)
    seconds = time.perf_counter() - start
    alone = [check_path(p) for p in paths]
    same = all(r.error is None and [f.id for f in r.findings] == [f.id for f in a.findings]
               for r, a in zip(reports, alone))
    return n, workers, seconds, same


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted((CORPUS / "pdf").glob("*.pdf")) + sorted((CORPUS / "seeds").glob("*.txt"))
    rows = []
    if paths:
        check_path(paths[0])  # warm imports and caches: the figures are the steady state
    for p in paths:
        seconds, pages, findings = best_of(p)
        rows.append((p.name, pages, findings, seconds))
    with tempfile.TemporaryDirectory() as tmp:
        gen = generated_pdf(Path(tmp))
        if gen:
            seconds, pages, findings = best_of(gen)
            rows.append((gen.name, pages, findings, seconds))
            wall = min(cli_seconds(gen) for _ in range(3))
            batch = batch_figures(Path(tmp))
    print(f"{'document':<52} {'pages':>5} {'findings':>8} {'s/doc':>7} {'s/page':>7}")
    for name, pages, findings, seconds in rows:
        per_page = seconds / pages if pages else 0.0
        print(f"{name[:52]:<52} {pages:>5} {findings:>8} {seconds:>7.3f} {per_page:>7.4f}")
    if gen:
        verdict = "meets" if rows[-1][3] < TARGET_30_PAGES else "MISSES"
        print(f"\n30-page PDF: {rows[-1][3]:.3f} s in process ({verdict} the < {TARGET_30_PAGES:.0f} s target); "
              f"`docqa check --json --no-llm` process wall time {wall:.2f} s (start-up and imports included)")
        n, workers, seconds, same = batch
        print(f"batch of {n} generated documents (half PDF, half text), {workers} workers: {seconds:.2f} s, "
              f"{n / seconds:.1f} docs/s; findings identical to one-by-one checks: {same}")
    else:
        print("\neval.generate is absent: no generated 30-page PDF measured")


if __name__ == "__main__":
    main(sys.argv[1:])
