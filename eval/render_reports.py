"""The reports of the seven corpus documents as a reviewer sees them, rendered to pictures (issue 16).

    python -m eval.render_reports [--out docs/reports] [--corpus ../shared/corpus]

For each document: `docqa check --no-llm --format pdf` and `--format html` (the real command lines), then page 2 of
the PDF report (its first finding: computation, evidence and the boxed page region; the cover when there is no
finding) rendered with pdftoppm, and the top of the HTML report with headless chromium. Writes
OUT/<document>.pdf.png and OUT/<document>.html.png, and prints one line per document with its counts.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def documents(corpus: Path) -> list[Path]:
    return sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "pdf").glob("*.pdf"))


def _docqa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "docqa", *args], capture_output=True, text=True, cwd=REPO)


def render(doc: Path, out: Path, work: Path) -> dict:
    pdf, html = work / f"{doc.stem}.pdf", work / f"{doc.stem}.html"
    for fmt, path in (("pdf", pdf), ("html", html)):
        done = _docqa("check", str(doc), "--no-llm", "--quiet", "--format", fmt, "--out", str(path))
        if done.returncode != 0:
            raise SystemExit(f"{doc.name}: docqa check --format {fmt} failed: {done.stderr.strip()}")
    import pymupdf

    pages = pymupdf.open(pdf).page_count
    first = 2 if pages > 1 else 1
    stem = out / f"{doc.stem}.pdf"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(first), "-l", str(first), str(pdf),
                    str(stem)], check=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={out / f'{doc.stem}.html.png'}", "--window-size=900,1200",
                        html.as_uri()], capture_output=True, timeout=120, check=True)
    summary = json.loads(_docqa("check", str(doc), "--no-llm", "--json").stdout)["documents"][0]
    severities = [f["severity"] for f in summary["findings"]]
    return {"document": doc.name, "report_pages": pages, "errors": severities.count("error"),
            "warnings": severities.count("warning"), "info": severities.count("info"),
            "pdf_bytes": pdf.stat().st_size}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "reports")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    docs = documents(args.corpus)
    if not docs:
        raise SystemExit(f"no corpus documents under {args.corpus}")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for doc in docs:
            print(json.dumps(render(doc, args.out, Path(work)), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
