"""End to end in a real browser: Debian's headless chromium driven by Playwright (no browser download) against
`docqa serve` on a free local port. Upload a generated PDF, wait for its findings, click one and check that the
highlighted rectangle sits over the cited number; ask a question and follow its citation; bad uploads get a
message while the server keeps serving. Screenshots go to the test's tmp folder (and to $DOCQA_WEB_SHOTS)."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pymupdf
import pytest

sync_api = pytest.importorskip("playwright.sync_api")
pytest.importorskip("fastapi")
CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

from tests.test_web_api import numbers  # noqa: E402
from tests.test_web_sample import encrypted_pdf, jpeg_named_pdf, sample_pdf  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = dict(os.environ, DOCQA_LLM="none", HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    env.pop("DOCQA_TOKEN", None)
    log = open(root / "server.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "docqa", "serve", "--port", str(port), "--data", str(root / "data"),
                             "--store", str(root / "store")], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(1200):
        try:
            urllib.request.urlopen(url + "/api/health", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                raise AssertionError((root / "server.log").read_text(errors="replace"))
            time.sleep(0.1)
    else:
        proc.kill()
        raise AssertionError("docqa serve did not answer within 120 s: " + (root / "server.log").read_text())
    yield url, root
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


def shot(page, tmp_path: Path, name: str) -> Path:
    out = tmp_path / f"{name}.png"
    page.screenshot(path=str(out), full_page=False)
    keep = os.environ.get("DOCQA_WEB_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(keep) / out.name)
    return out


def mark_points(page) -> list[list[float]]:
    """Each highlight's rectangle in PDF points, measured from where the browser drew it over the page image."""
    return page.evaluate("""() => {
      const wrap = document.querySelector('#page-wrap .page');
      const img = wrap.querySelector('img').getBoundingClientRect();
      return Array.from(wrap.querySelectorAll('.mark')).map(m => {
        const r = m.getBoundingClientRect();
        return [(r.left - img.left) / img.width, (r.top - img.top) / img.height,
                (r.right - img.left) / img.width, (r.bottom - img.top) / img.height];
      });
    }""")


def text_under(pdf: Path, page_no: int, fractions: list[list[float]]) -> str:
    with pymupdf.open(pdf) as doc:
        page = doc[page_no - 1]
        w, h = page.rect.width, page.rect.height
        return " ".join(page.get_textbox(pymupdf.Rect(a * w - 1, b * h - 1, c * w + 1, d * h + 1))
                        for a, b, c, d in fractions)


def test_upload_findings_highlight_and_cited_answer(server, browser, tmp_path):
    url, _root = server
    pdf, sample, injected = sample_pdf(tmp_path)
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(url + "/")
    page.set_input_files("#files", str(pdf))
    page.click("#upload-btn")
    link = page.locator("#upload-msg a", has_text="查看检查结果")
    link.wait_for(timeout=300_000)
    shot(page, tmp_path, "library")
    link.click()
    page.wait_for_selector("li.finding")
    # The finding about the share put in on purpose: click it, the page shows with the evidence marked.
    marks = json.loads(page.locator("#marks").text_content())
    target = next(fid for fid, ms in marks["marks"].items()
                  if any(m["page"] == injected["share"] and m["rects"] for m in ms))
    page.click(f'li.finding[data-id="{target}"]')
    page.wait_for_selector(f'#page-wrap .page[data-page="{injected["share"]}"] .mark')
    page.wait_for_function("() => document.querySelector('#page-wrap img').complete")
    assert page.locator(f'li.finding[data-id="{target}"]').get_attribute("class").endswith("active")
    under = text_under(pdf, injected["share"], mark_points(page))
    cited = set().union(*(numbers(e["text"]) for e in marks["evidence"][target]))
    assert numbers(under) & cited, (under, cited)
    shot(page, tmp_path, "finding")
    # Filters: errors only.
    page.uncheck('.f-sev[value="warning"]')
    page.uncheck('.f-sev[value="info"]')
    assert page.locator("li.finding.warning:visible, li.finding.info:visible").count() == 0
    # Ask this document; follow the first citation: its page opens with the passage marked.
    qa = next(q for q in sample.qa if "三公" not in q["question"])
    page.wait_for_selector("#ask-btn:enabled", timeout=600_000)  # findings come first, the index after
    page.fill("#ask-q", qa["question"])
    page.click("#ask-form button")
    page.wait_for_selector("#answer a.cite", timeout=60_000)
    assert "%.2f" % qa["value"] in page.locator("#answer .value").text_content().replace(",", "")
    page.click("#answer a.cite >> nth=0")
    page.wait_for_selector(f'#page-wrap .page[data-page="{qa["page"]}"] .mark')
    page.wait_for_function("() => document.querySelector('#page-wrap img').complete")
    under = text_under(pdf, qa["page"], mark_points(page))
    assert any(abs(v - qa["value"]) < 0.01 for v in numbers(under)), under
    shot(page, tmp_path, "web-app")
    # Across the store, from the library: the citation link opens the document page at the passage.
    page.goto(url + "/")
    page.fill("#ask-q", qa["question"])
    page.click("#ask-form button")
    page.wait_for_selector("#answer a.cite", timeout=60_000)
    page.click("#answer a.cite >> nth=0")
    page.wait_for_url("**/documents/**")
    page.wait_for_selector(f'#page-wrap .page[data-page="{qa["page"]}"] .mark')
    page.close()


def test_bad_uploads_show_a_message_and_the_server_keeps_serving(server, browser, tmp_path):
    url, _root = server
    (tmp_path / "empty.pdf").write_bytes(b"")
    big = tmp_path / "huge.pdf"
    with open(big, "wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(200 * 2**20)
    cases = [(tmp_path / "empty.pdf", "为空"), (jpeg_named_pdf(tmp_path / "photo.pdf"), "JPEG"),
             (encrypted_pdf(tmp_path / "locked.pdf"), "encrypted"), (big, "上限")]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "/")
    for path, words in cases:
        page.set_input_files("#files", str(path))
        page.click("#upload-btn")
        msg = page.locator("#upload-msg .msg.bad")
        msg.wait_for(timeout=30_000)
        assert words in msg.text_content(), (path.name, msg.text_content())
        assert urllib.request.urlopen(url + "/api/health", timeout=5).status == 200
    shot(page, tmp_path, "refused")
    page.close()
    # The API answers the 200 MB upload itself with 413 before reading it.
    req = urllib.request.Request(url + "/api/documents", method="POST", data=b"x" * 10,
                                 headers={"Content-Type": "multipart/form-data; boundary=b",
                                          "Content-Length": str(200 * 2**20)})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 413
    assert urllib.request.urlopen(url + "/api/health", timeout=5).status == 200
