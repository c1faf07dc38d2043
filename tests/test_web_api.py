"""The web app's JSON API through FastAPI's TestClient, over generated PDFs with contradictions put in (and a
real corpus document when ../shared is there): uploads, findings with their evidence located on the page, page
images, answers with citations, exports, refusals, the token, escaping."""
from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pymupdf
import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from core.settings import load_settings  # noqa: E402
from docqa.web.app import create_app  # noqa: E402
from tests.test_web_sample import encrypted_pdf, jpeg_named_pdf, sample_pdf, sample_text  # noqa: E402

NUM = re.compile(r"\d[\d,]*\.\d+|\d{2,}")


def make_client(root: Path, **serve) -> TestClient:
    settings = load_settings({"llm": {"enabled": False}, "serve": {"data_dir": root / "data", **serve}})
    app = create_app(settings, root / "store")
    return TestClient(app)


def wait(client: TestClient, doc_id: str, timeout: float = 600) -> dict:  # a first run builds the encoder
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        d = client.get(f"/api/documents/{doc_id}").json()
        if d["status"] in ("ready", "failed"):
            return d
        time.sleep(0.2)
    raise AssertionError(f"{doc_id} still {d['status']} after {timeout} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One server with the generated PDF uploaded and processed."""
    root = tmp_path_factory.mktemp("web")
    pdf, sample, injected = sample_pdf(root)
    with make_client(root) as client:
        r = client.post("/api/documents", files=[("files", (pdf.name, pdf.read_bytes(), "application/pdf"))])
        assert r.status_code == 202, r.text
        doc = r.json()["documents"][0]
        assert wait(client, doc["id"])["status"] == "ready"
        yield client, doc["id"], pdf, sample, injected


def numbers(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in NUM.findall(text)}


def test_upload_is_parsed_checked_and_indexed(served):
    client, doc_id, _pdf, sample, _ = served
    listed = {d["id"]: d for d in client.get("/api/documents").json()["documents"]}
    d = listed[doc_id]
    assert d["entity"] == sample.spec.entity and d["year"] == sample.spec.year and d["pages"] >= 5
    assert d["counts"]["error"] >= 1 and d["index_error"] is None and d["progress"] == 1.0
    assert "path" not in d  # the server's own file path is not part of the API


def test_findings_follow_the_check_contract_and_locate_their_evidence(served):
    client, doc_id, pdf, _sample, injected = served
    from rules.engine import check_path

    body = client.get(f"/api/documents/{doc_id}/findings").json()
    cli = check_path(pdf)
    assert [f["id"] for f in body["findings"]] == [f.id for f in cli.findings]  # the same code, the same findings
    assert body["source"] == pdf.name
    share = [f for f in body["findings"] if f["severity"] == "error" and any(
        e["page"] == injected["share"] for e in f["evidence"])]
    assert share
    placed = 0
    with pymupdf.open(pdf) as doc:
        for f in share:
            for mark in body["highlights"][f["id"]]:
                page = doc[mark["page"] - 1]
                assert mark["size"] == [round(page.rect.width, 1), round(page.rect.height, 1)]
                cited = set().union(*(numbers(e["text"]) for e in f["evidence"] if e["page"] == mark["page"]))
                for r in mark["rects"]:
                    under = page.get_textbox(pymupdf.Rect(r) + (-1, -1, 1, 1))
                    if numbers(under) & cited:
                        placed += 1
    assert placed, "a highlighted rectangle sits over a number the finding cites"


def test_page_images_are_pngs_at_the_configured_scale(served):
    client, doc_id, pdf, _s, _i = served
    r = client.get(f"/api/documents/{doc_id}/pages/1.png")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png" and r.content[:4] == b"\x89PNG"
    pix = pymupdf.Pixmap(r.content)
    with pymupdf.open(pdf) as doc:
        assert abs(pix.width - doc[0].rect.width * 1.5) <= 2
    assert client.get(f"/api/documents/{doc_id}/pages/999.png").status_code == 404
    assert client.get("/api/documents/nope/pages/1.png").status_code == 404


def test_answers_cite_pages_that_open_with_the_passage_marked(served):
    client, doc_id, pdf, sample, _ = served
    qa = next(q for q in sample.qa if "三公" not in q["question"])  # the 三公 narrative was changed on purpose
    for scope in (None, doc_id):
        r = client.post("/api/ask", json={"question": qa["question"], "document": scope})
        assert r.status_code == 200, r.text
        a = r.json()
        assert a["value"] == pytest.approx(qa["value"], abs=0.01), a
        c = a["citations"][0]
        assert c["document"] == doc_id and c["source"] == pdf.name and c["page"] == qa["page"]
        loc = client.get(f"/api/documents/{doc_id}/pages/{c['page']}/locate",
                         params={"text": c["text"], "column": a["column"] or ""}).json()
        assert loc["rects"]
        with pymupdf.open(pdf) as doc:
            under = " ".join(doc[c["page"] - 1].get_textbox(pymupdf.Rect(x) + (-1, -1, 1, 1)) for x in loc["rects"])
        assert any(abs(v - qa["value"]) < 0.01 or abs(v - qa["value"] * 10000) < 1 for v in numbers(under)), under


def test_exports_use_the_report_writers(served):
    client, doc_id, pdf, _s, _i = served
    types = {"json": "application/json", "md": "text/markdown", "html": "text/html",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf",
             "annotated-pdf": "application/pdf"}
    for fmt, media in types.items():
        r = client.get(f"/api/documents/{doc_id}/export/{fmt}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(media), fmt
        assert "attachment" in r.headers["content-disposition"]
    with pymupdf.open(stream=client.get(f"/api/documents/{doc_id}/export/annotated-pdf").content) as out:
        assert sum(1 for p in out for _ in p.annots()) >= 1
    with pymupdf.open(stream=client.get(f"/api/documents/{doc_id}/export/pdf").content) as out:
        assert out.page_count >= 2 and str(pdf.parent) not in "".join(p.get_text() for p in out)
    assert pdf.name in client.get(f"/api/documents/{doc_id}/export/md").text
    assert client.get(f"/api/documents/{doc_id}/export/exe").status_code == 404


def test_pages_render_and_filters_are_there(served):
    client, doc_id, pdf, _s, _i = served
    home = client.get("/")
    assert home.status_code == 200 and pdf.name in home.text and "/static/library.js" in home.text
    page = client.get(f"/documents/{doc_id}")
    assert page.status_code == 200 and 'class="finding error' in page.text and 'id="f-kind"' in page.text
    assert client.get("/static/document.js").status_code == 200
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/ask", "/api/documents/{doc_id}/findings",
            "/api/documents/{doc_id}/pages/{n}.png"} <= set(paths)


def test_bad_uploads_are_refused_with_a_reason_and_the_server_keeps_serving(tmp_path):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:  # 200 MB, sparse: a PDF header and then nothing
        fh.write(b"%PDF-1.7\n")
        fh.truncate(200 * 2**20)
    blank = pymupdf.open()
    blank.new_page()
    blank.save(tmp_path / "blank.pdf")
    with make_client(tmp_path) as client:
        cases = [("empty.pdf", b"", 400, "为空"),
                 ("photo.pdf", jpeg_named_pdf(tmp_path / "p.pdf").read_bytes(), 415, "JPEG"),
                 ("locked.pdf", encrypted_pdf(tmp_path / "e.pdf").read_bytes(), 422, "encrypted"),
                 ("broken.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50, 422, "PDF"),
                 ("binary.txt", bytes(range(256)) * 4, 415, "不是")]
        for name, data, status, words in cases:
            r = client.post("/api/documents", files=[("files", (name, data, "application/pdf"))])
            assert r.status_code == status, (name, r.text)
            assert words in r.json()["detail"] and name in r.json()["detail"], r.text
        with open(big, "rb") as fh:
            r = client.post("/api/documents", files=[("files", ("big.pdf", fh, "application/pdf"))])
        assert r.status_code == 413 and "上限" in r.json()["detail"]
        # Openable but unreadable (no text layer): accepted, then reported as the document's error.
        r = client.post("/api/documents", files=[("files", ("blank.pdf", (tmp_path / "blank.pdf").read_bytes()))])
        d = wait(client, r.json()["documents"][0]["id"])
        assert d["status"] == "failed" and "no text" in d["error"] and str(tmp_path) not in d["error"]
        page = client.get(f"/documents/{d['id']}")
        assert page.status_code == 200 and "无法处理此文件" in page.text and "no text" in page.text
        assert client.get(f"/api/documents/{d['id']}/findings").status_code == 422
        assert client.get("/api/health").json()["ok"]
        assert not list((tmp_path / "data" / "files").glob("*")) or all(
            re.fullmatch(r"[0-9a-f]{16}\.(pdf|txt)", p.name) for p in (tmp_path / "data" / "files").iterdir())


def test_a_zip_gives_one_document_per_good_member(tmp_path):
    txt, sample, _ = sample_text(tmp_path, seed=11)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.write(txt, "folder/a.txt")
        z.writestr("../../evil.txt", txt.read_text(encoding="utf-8").replace("示例", "另一", 1))
        z.writestr("photo.pdf", jpeg_named_pdf(tmp_path / "p.jpg").read_bytes())
    with make_client(tmp_path) as client:
        r = client.post("/api/documents", files=[("files", ("batch.zip", buf.getvalue(), "application/zip"))])
        assert r.status_code == 202, r.text
        body = r.json()
        assert sorted(d["name"] for d in body["documents"]) == ["a.txt", "evil.txt"]
        assert len(body["rejected"]) == 1 and "JPEG" in body["rejected"][0]["error"]
        for d in body["documents"]:
            assert wait(client, d["id"])["status"] == "ready"
        assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()
        # A text document: its page is text, the passage marked by character spans.
        doc_id = body["documents"][0]["id"]
        f = client.get(f"/api/documents/{doc_id}/findings").json()["findings"]
        ev = next(e for x in f for e in x["evidence"] if e["page"] > 0)
        loc = client.get(f"/api/documents/{doc_id}/pages/{ev['page']}/locate", params={"text": ev["text"]}).json()
        assert loc["spans"] and loc["text"]
        # A finding's stated figure inside its passage is what gets marked, not the whole sentence.
        f0, ev = next((x, e) for x in f for e in x["evidence"]
                      if isinstance(x["actual"], float) and e["page"] > 0 and f"{x['actual']:.2f}" in e["text"])
        loc = client.get(f"/api/documents/{doc_id}/pages/{ev['page']}/locate",
                         params={"text": ev["text"], "focus": str(f0["actual"])}).json()
        assert [float(loc["text"][a:b].replace(",", "")) for a, b in loc["spans"]] == [f0["actual"]] * len(loc["spans"])


def test_document_strings_are_escaped(tmp_path):
    evil = "<script>alert(1)</script>"
    txt, _sample, _ = sample_text(tmp_path, seed=5)
    text = txt.read_text(encoding="utf-8").replace("示例市数据管理局", f"示例市{evil}数据管理局")
    with make_client(tmp_path) as client:
        r = client.post("/api/documents", files=[("files", (f"{evil}.txt", text.encode("utf-8"), "text/plain"))])
        doc_id = r.json()["documents"][0]["id"]
        assert wait(client, doc_id)["status"] == "ready"
        for url in ("/", f"/documents/{doc_id}"):
            html = client.get(url).text
            assert evil not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert" not in client.get(f"/documents/{doc_id}").text.split('id="marks">')[-1].split("</script>")[0]


def test_the_token_guards_every_route(tmp_path):
    with make_client(tmp_path, token="s3cret") as client:
        for url in ("/", "/api/documents", "/docs", "/openapi.json", "/static/app.css", "/documents/x"):
            assert client.get(url).status_code == 401, url
        assert "令牌" in client.get("/").text
        assert client.get("/api/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert client.get("/api/documents", headers={"Authorization": "Bearer nope"}).status_code == 401
        r = client.get("/?token=s3cret", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/"
        assert client.get("/").status_code == 200  # the cookie set by the redirect


def test_real_corpus_document_matches_the_cli(tmp_path, corpus_dir):
    from rules.engine import check_path

    pdf = corpus_dir / "real" / "shenzhen-01.pdf"
    if not pdf.exists():
        pytest.skip("shenzhen-01.pdf is not in the corpus")
    with make_client(tmp_path) as client:
        r = client.post("/api/documents", files=[("files", (pdf.name, pdf.read_bytes(), "application/pdf"))])
        doc_id = r.json()["documents"][0]["id"]
        assert wait(client, doc_id, 300)["status"] == "ready"
        body = client.get(f"/api/documents/{doc_id}/findings").json()
        assert [f["id"] for f in body["findings"]] == [f.id for f in check_path(pdf).findings]
        assert client.get(f"/api/documents/{doc_id}/pages/2.png").status_code == 200


def test_serving_a_document_calls_no_other_host(served, monkeypatch):
    """Findings, page images, passages and answers: no connection leaves this machine (no LLM is configured)."""
    import socket

    client, doc_id, _pdf, sample, _ = served
    seen = []
    real = socket.socket.connect

    def connect(self, address):
        seen.append(address)
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    assert client.get(f"/api/documents/{doc_id}/findings").status_code == 200
    assert client.get(f"/api/documents/{doc_id}/pages/2.png").status_code == 200
    assert client.post("/api/ask", json={"question": sample.qa[0]["question"]}).status_code == 200
    assert client.get(f"/documents/{doc_id}").status_code == 200
    remote = [a for a in seen if isinstance(a, tuple) and a[0] not in ("127.0.0.1", "::1", "localhost")]
    assert not remote, remote


def test_a_stated_figure_beside_the_found_clause_is_boxed_too(tmp_path):
    from docqa.web.highlight import _Page, _with_figure

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "公务用车购置和运行维护费。2026年预算数", fontname="china-s", fontsize=11)
    page.insert_text((330, 100), "17.6", fontsize=11)
    page.insert_text((72, 300), "17.6", fontsize=11)  # the same figure further down: not this passage's
    p = _Page(page)
    clause = [[round(v, 1) for v in p.search_for("2026年预算数")[0]]]
    out = _with_figure(p, clause, 17.6)
    assert len(out) == 2 and out[1] == clause[0]
    assert "17.6" in p.get_textbox(pymupdf.Rect(out[0])) and out[0][1] < 150
    assert _with_figure(p, clause, 99.9) == clause
