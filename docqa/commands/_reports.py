"""What `docqa check` writes and says besides its findings: report files (--format/--out), the baseline, the
text locations, and the one note that the LLM could not be reached."""
from __future__ import annotations

from pathlib import Path

from docqa.console import fail, note
from rules.findings import DocumentReport
from rules.report import Options

FORMATS = ("md", "html", "xlsx", "pdf", "annotated-pdf")
_PER_DOCUMENT = ("pdf", "annotated-pdf")  # one file per input document


def check_out(fmt: str | None, out: Path | None, documents: int) -> None:
    """Refuse, before any document is read, an --out that cannot take what --format writes."""
    if not fmt or not out:
        return
    if fmt in _PER_DOCUMENT and documents > 1 and not out.is_dir():
        fail(f"--out {out}: {documents} documents give {documents} {fmt} files; --out must be an existing folder "
             f"(mkdir it first), or check one document at a time")
    if out.is_dir() and fmt not in _PER_DOCUMENT:
        fail(f"--out {out} is a folder; {fmt} writes one file: give a file name such as {out / ('report.' + fmt)}")


def rule_count() -> int:
    try:
        from rules.registry import RuleSet

        return len(RuleSet.default())
    except Exception:  # the cover then says what kinds were checked, without the count
        return 0


def write(fmt: str, reports: list[DocumentReport], out: Path, options: Options, quiet: bool) -> None:
    if fmt == "md":
        from rules.report.markdown import render

        out.write_text(render(reports, options), encoding="utf-8")
    elif fmt == "html":
        from rules.report.html import render

        out.write_text(render(reports, options), encoding="utf-8")
    elif fmt == "xlsx":
        from rules.report.xlsx import write as write_xlsx

        write_xlsx(reports, out, options)
    else:
        _write_pdfs(fmt, reports, out, options, quiet)
        return
    note(f"report written: {out}", quiet)


def _write_pdfs(fmt: str, reports: list[DocumentReport], out: Path, options: Options, quiet: bool) -> None:
    from rules.report.annotated import safe_name, write as write_annotated
    from rules.report.pdf import write as write_report

    good = [r for r in reports if not r.error]
    if fmt == "annotated-pdf":
        for r in [r for r in good if not r.source.lower().endswith(".pdf")]:
            note(f"{r.source} is not a PDF, so it has no annotated copy (use --format pdf, html, xlsx or md)", quiet)
        good = [r for r in good if r.source.lower().endswith(".pdf")]
    suffix = "annotated" if fmt == "annotated-pdf" else "report"
    if out.is_dir():
        targets = [(r, out / safe_name(r.source, i, suffix)) for i, r in enumerate(good, start=1)]
    else:
        targets = [(r, out) for r in good[:1]]
    rules = rule_count()
    for r, path in targets:
        if fmt == "annotated-pdf":
            w = write_annotated(r, path, options)
        else:
            w = write_report(r, path, options, rules)
        missed = f", {w.missed} passage(s) not found on their page" if w.missed else ""
        note(f"report written: {path} ({w.highlights} evidence box(es){missed})", quiet)


def llm_fallback(reports: list[DocumentReport], base_url: str | None, quiet: bool) -> None:
    """Say once, in the terminal, that the LLM was not reached and the deterministic explanations stand."""
    from qa.llm import endpoint_down

    notes = [f.llm_note for r in reports for f in r.findings if f.llm_note]
    down = [n for n in notes if endpoint_down(n)]
    if down:
        reason = next((n for n in down if not n.startswith("skipped")), down[0])
        note(f"LLM {endpoint_down(reason)} at {base_url} ({reason}): deterministic explanations used", quiet)
    rejected = len(notes) - len(down)
    if rejected:
        note(f"{rejected} LLM explanation(s) failed the grounding check or the reply format: template "
             "explanations kept for those (see llm_note)", quiet)


def locate(reports: list[DocumentReport]) -> None:
    """Text documents: each evidence passage gets the line of the file it is on and its section."""
    from rules.report.text_location import locate_report

    for r in reports:
        if not r.error and not r.source.lower().endswith(".pdf"):
            locate_report(r)
