"""Reliability: nothing stored is lost when ingest is killed, writers are serialised, readers run concurrently,
no socket is opened, and big or broken PDFs fail or pass cleanly within bounds."""
import os

import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pymupdf
import pytest

from eval.generate import Spec, build, render_text
from index.document import ParseError
from index.ingest import ingest_paths
from index.load import load
from index.store import Store
from qa.answer import ask
from rules.engine import check_path

REPO = Path(__file__).resolve().parents[1]


def sample_files(folder: Path, n: int) -> list[Path]:
    files = []
    for seed in range(n):
        sample = build(Spec(entity=f"示例第{seed + 1}测试局", seed=seed + 1))
        f = folder / f"unit{seed}.txt"
        f.write_text(render_text(sample), encoding="utf-8")
        files.append(f)
    return files


def docqa(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "docqa", *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_sigkill_during_ingest_leaves_a_store_that_opens_answers_and_completes(tmp_path):
    files = sample_files(tmp_path, 16)  # enough that the kill lands mid-run on a busy machine
    store = tmp_path / "store"
    ingest_paths(files[:1], store)  # one committed document before the crash
    proc = docqa("ingest", *map(str, files), "--store", str(store), "--json")
    deadline = time.time() + 120
    while time.time() < deadline and len(Store(store).manifest().documents) < 3 and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    committed = Store(store).manifest().documents
    assert 1 <= len(committed) < 16
    answer = ask("示例第1测试局三公经费预算是多少", store)
    assert answer.value is not None and answer.citations
    report = ingest_paths(files, store)
    assert not report.errors and len(Store(store).manifest().documents) == 16


def test_concurrent_ingests_are_serialised(tmp_path):
    files = sample_files(tmp_path, 4)
    store = tmp_path / "store"
    a = docqa("ingest", *map(str, files[:2]), "--store", str(store), "--json")
    b = docqa("ingest", *map(str, files[2:]), "--store", str(store), "--json")
    assert a.wait(300) == 0 and b.wait(300) == 0, (a.stderr.read(), b.stderr.read())
    manifest = Store(store).manifest().documents
    assert len(manifest) == 4
    assert len(Store(store).chunks()) == sum(len(d.chunk_ids) for d in manifest.values())


def test_eight_concurrent_questions_get_correct_answers(tmp_path):
    files = sample_files(tmp_path, 2)
    store = tmp_path / "store"
    ingest_paths(files, store)
    expected = {i: build(Spec(entity=f"示例第{i + 1}测试局", seed=i + 1)).facts["sangong"] for i in range(2)}
    questions = [(i % 2, f"示例第{i % 2 + 1}测试局三公经费预算是多少") for i in range(8)]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda q: ask(q[1], store), questions))
    for (i, _), a in zip(questions, answers):
        assert a.value == pytest.approx(expected[i], abs=0.01)


def test_no_socket_is_opened_by_ingest_check_and_ask(tmp_path, monkeypatch):
    files = sample_files(tmp_path, 1)
    opened = []

    def refuse(self, address, *args):
        opened.append(address)
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a[0]))
    ingest_paths(files, tmp_path / "store")
    assert check_path(files[0]).error is None
    assert ask("示例第1测试局三公经费预算是多少", tmp_path / "store").value is not None
    assert opened == []


def test_thousand_page_pdf_parses(tmp_path):
    pdf = pymupdf.open()
    for n in range(1000):
        page = pdf.new_page()
        page.insert_text((72, 72), f"第{n + 1}页：本页说明支出预算{n}.00万元。", fontname="china-s", fontsize=10)
    path = tmp_path / "long.pdf"
    pdf.save(path)
    start = time.perf_counter()
    doc = load(path)
    assert doc.pages == 1000 and len(doc.paragraphs) >= 1000
    assert time.perf_counter() - start < 60


@pytest.mark.parametrize("mutate", ["truncate", "garble"])
def test_damaged_pdf_bytes_fail_with_one_line(tmp_path, mutate):
    sample = build(Spec(seed=3))
    from eval.generate import render_pdf

    good = render_pdf(sample, tmp_path / "good.pdf").read_bytes()
    bad = good[: len(good) // 3] if mutate == "truncate" else good[:400] + bytes(reversed(good[400:4000])) + good[4000:]
    path = tmp_path / "bad.pdf"
    path.write_bytes(bad)
    try:
        doc = load(path)
    except ParseError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)
    else:
        assert doc.pages >= 1  # pymupdf repaired it: parsing what survives is fine


def test_encrypted_and_scanned_pdfs_are_refused(tmp_path):
    enc = pymupdf.open()
    enc.new_page().insert_text((72, 72), "secret", fontsize=10)
    enc.save(tmp_path / "enc.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    with pytest.raises(ParseError, match="encrypted"):
        load(tmp_path / "enc.pdf")
    scan = pymupdf.open()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 50, 50), 0)
    pix.clear_with(200)
    scan.new_page().insert_image(pymupdf.Rect(0, 0, 200, 200), pixmap=pix)
    scan.save(tmp_path / "scan.pdf")
    with pytest.raises(ParseError, match="scanned"):
        load(tmp_path / "scan.pdf")


def test_five_hundred_page_document_checks_in_bounded_memory(tmp_path):
    """Measured in a child process: peak RSS of parsing and checking a generated 500-page text document."""
    sample = render_text(build(Spec(seed=5)))
    pages = sample.split("\f")
    big = "\f".join(pages * (500 // len(pages) + 1))
    path = tmp_path / "big.txt"
    path.write_text(big, encoding="utf-8")
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a large pytest process would report
    # the parent's size; VmHWM belongs to the child's own address space.
    code = ("import re,sys;from rules.engine import check_path;r=check_path(sys.argv[1]);"
            "print(r.pages, re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], cwd=REPO, capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    pages_seen, rss_kb = map(int, out.stdout.split())
    assert pages_seen >= 500
    assert rss_kb < 1_500_000, f"peak RSS {rss_kb / 1024:.0f} MB"
    print(f"500-page check: peak RSS {rss_kb / 1024:.0f} MB")




def test_zero_page_pdf_is_refused(tmp_path):
    path = tmp_path / "zero.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                     b"2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
    with pytest.raises(ParseError) as exc:
        load(path)
    assert "\n" not in str(exc.value)


def test_huge_single_line_and_number_free_tables(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("示例局2025年部门预算\n" + "支出预算100.00万元，" * 200_000 + "\n表头\t表头二\n甲\t乙\n", encoding="utf-8")
    start = time.process_time()  # (CPU seconds: a guard against a quadratic reading, not a timing of a shared machine)
    report = check_path(path)
    assert report.error is None and report.rule_failures == []
    assert time.process_time() - start < 60
