"""Documents for the web app's tests: generated budget disclosures (our own text and numbers, eval/generate) with
contradictions put in, as PDF and as text. The tests here check that the rules see what was put in."""
from __future__ import annotations

from pathlib import Path

import pymupdf
from eval.generate import Spec, build, render_pdf, render_text


def _replace_once(sample, old: str, new: str) -> int:
    """Replace `old` in the first paragraph that holds it; the page it is on (1-based), 0 when absent."""
    for n, page in enumerate(sample.pages, start=1):
        for i, block in enumerate(page):
            if isinstance(block, str) and old in block:
                page[i] = block.replace(old, new, 1)
                return n
    return 0


def broken_sample(seed: int = 7):
    """A sample whose narrative overstates the basic-expenditure share by 3 points and the 三公 total by 5万元."""
    sample = build(Spec(seed=seed))
    f = sample.facts
    share = f"占{f['basic'] / f['total'] * 100:.2f}%"
    injected = {}
    page = _replace_once(sample, share, f"占{f['basic'] / f['total'] * 100 + 3:.2f}%")
    if page:
        injected["share"] = page
    sg = f"“三公”经费预算{f['sangong']:.2f}万元"
    page = _replace_once(sample, sg, f"“三公”经费预算{f['sangong'] + 5:.2f}万元")
    if page:
        injected["sangong"] = page
    return sample, injected


def sample_pdf(folder: Path, seed: int = 7) -> tuple[Path, object, dict]:
    sample, injected = broken_sample(seed)
    return render_pdf(sample, folder / f"sample-{seed}.pdf"), sample, injected


def sample_text(folder: Path, seed: int = 7) -> tuple[Path, object, dict]:
    sample, injected = broken_sample(seed)
    path = folder / f"sample-{seed}.txt"
    path.write_text(render_text(sample), encoding="utf-8")
    return path, sample, injected


def encrypted_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret", fontsize=12)
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw="user")
    return path


def jpeg_named_pdf(path: Path) -> Path:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 8, 8), False)
    path.write_bytes(pix.tobytes("jpg"))
    return path


def test_the_injected_contradictions_are_findings(tmp_path):
    from rules.engine import check_path

    pdf, _sample, injected = sample_pdf(tmp_path)
    assert set(injected) == {"share", "sangong"}
    report = check_path(pdf)
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors, "the generated document with contradictions must give errors"
    pages = {e.page for f in errors for e in f.evidence}
    assert injected["share"] in pages


def test_helpers_make_what_they_say(tmp_path):
    assert jpeg_named_pdf(tmp_path / "x.pdf").read_bytes()[:3] == b"\xff\xd8\xff"
    with pymupdf.open(encrypted_pdf(tmp_path / "e.pdf")) as d:
        assert d.needs_pass
