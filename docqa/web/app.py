"""`docqa serve`: the FastAPI app. JSON API under /api (OpenAPI at /docs), pages rendered with Jinja2 on the server
(autoescaped), static assets from the package. Every route is behind the token when one is configured."""
from __future__ import annotations

import hmac
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, File, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from core.settings import Settings
from docqa.web.library import Library
from docqa.web.reading import Reader
from docqa.web.uploads import UploadError, accept

HERE = Path(__file__).resolve().parent
EXPORTS = ("json", "md", "html", "xlsx", "pdf", "annotated-pdf")
COOKIE = "docqa_token"


class AskRequest(BaseModel):
    question: str = Field(..., min_length=1, max_length=500, description="A question in Chinese.")
    document: str | None = Field(None, description="A document id: answer from this document only.")
    k: int = Field(5, ge=1, le=50, description="Number of passages to cite.")


def create_app(settings: Settings, store_dir: Path | None = None) -> FastAPI:
    """The app over `store_dir` (default: settings.index.store), configured by `settings.serve`."""
    serve = settings.serve
    token = serve.token.get_secret_value() if serve.token else None
    library = Library(settings, Path(store_dir or settings.index.store))
    reader = Reader(library)

    @asynccontextmanager
    async def lifespan(_app):
        library.start()
        threading.Thread(target=reader.warm, name="docqa-warm-ask", daemon=True).start()
        yield
        library.stop()

    app = FastAPI(title="DocQA", version="1", lifespan=lifespan,
                  description="Budget disclosures: upload, findings with their evidence on the page, cited answers.")
    app.state.library, app.state.reader = library, reader
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # .html: autoescaped
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if token and not _authorised(request, token):
            given = request.query_params.get("token")
            if given and hmac.compare_digest(given.encode(), token.encode()):
                rest = {k: v for k, v in request.query_params.items() if k != "token"}
                resp = RedirectResponse(request.url.path + ("?" + urlencode(rest) if rest else ""), status_code=303)
                resp.set_cookie(COOKIE, token, httponly=True, samesite="strict")
                return resp
            if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
                return JSONResponse({"detail": "access token required (DOCQA_TOKEN)"}, status_code=401)
            return templates.TemplateResponse(request, "login.html", {"wrong": bool(given)}, status_code=401)
        length = request.headers.get("content-length")
        if request.method == "POST" and request.url.path == "/api/documents" and length and length.isdigit() \
                and int(length) > serve.max_upload_bytes + 2**20:
            return JSONResponse({"detail": f"上传太大（{int(length) / 2**20:.0f} MB），上限 {serve.max_upload_mb} MB。"},
                                status_code=413)
        return await call_next(request)

    def entry_or_404(doc_id: str):
        e = library.get(doc_id)
        if e is None:
            raise HTTPException(404, f"no document {doc_id}")
        return e

    # -- API ---------------------------------------------------------------------------------------------
    @app.post("/api/documents", status_code=202, summary="Upload PDFs, text files or a zip")
    async def upload(files: list[UploadFile] = File(..., description="PDF, .txt/.md or .zip files")):
        added, rejected = [], []
        for f in files:
            data = await f.read(serve.max_upload_bytes + 1)  # one byte over the limit is enough to refuse
            try:
                items = await run_in_threadpool(accept, f.filename, data, limit=serve.max_upload_bytes,
                                                zip_files=serve.max_zip_files, unzipped=serve.max_unzipped_mb * 2**20)
            except UploadError as exc:
                rejected.append(exc)
                continue
            for item in items:
                if isinstance(item, UploadError):
                    rejected.append(item)
                    continue
                try:
                    entry, new = await run_in_threadpool(library.add, item)
                    added.append(entry.public() | {"new": new})
                except UploadError as exc:
                    rejected.append(exc)
        bad = [{"error": r.message, "status": r.status} for r in rejected]
        if not added:
            status = rejected[0].status if rejected else 400
            return JSONResponse({"detail": " ".join(r.message for r in rejected) or "没有文件。", "rejected": bad},
                                status_code=status)
        return {"documents": added, "rejected": bad}

    @app.get("/api/documents", summary="Documents with their status and findings by severity")
    def documents():
        return {"documents": [e.public() for e in library.entries()]}

    @app.get("/api/documents/{doc_id}", summary="One document's status")
    def document(doc_id: str):
        return entry_or_404(doc_id).public()

    @app.get("/api/documents/{doc_id}/findings", summary="The `docqa check --json` report of one document")
    def findings(doc_id: str):
        e = entry_or_404(doc_id)
        if e.status == "failed":
            raise HTTPException(422, e.error or "the document could not be checked")
        data = library.report(doc_id) if e.has_findings else None
        if data is None:
            return JSONResponse({"detail": "still being checked", "status": e.status}, status_code=409)
        return data["report"] | {"highlights": data["highlights"]}

    @app.get("/api/documents/{doc_id}/pages/{n}.png", summary="A page image (PDF documents)",
             response_class=FileResponse)
    def page_png(doc_id: str, n: int):
        e = entry_or_404(doc_id)
        if e.format != "pdf" or e.status == "failed":
            raise HTTPException(404, "no page images for this document")
        try:
            path = reader.page_png(e, n)
        except IndexError:
            raise HTTPException(404, f"no page {n}") from None
        return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})

    @app.get("/api/documents/{doc_id}/pages/{n}/locate", summary="Where a passage sits on a page")
    def locate(doc_id: str, n: int, text: str, table: str | None = None, column: str | None = None,
               focus: str | None = None):
        e = entry_or_404(doc_id)
        if e.status == "failed":
            raise HTTPException(422, e.error)
        try:
            return reader.locate(e, n, text[:2000], table, column, (focus or "")[:100] or None)
        except IndexError:
            raise HTTPException(404, f"no page {n}") from None

    @app.get("/api/documents/{doc_id}/export/{fmt}",
             summary="Findings as json, md, html, xlsx, pdf (report) or annotated-pdf (the source, boxed)")
    def export(doc_id: str, fmt: str):
        e = entry_or_404(doc_id)
        if fmt not in EXPORTS or (fmt == "annotated-pdf" and e.format != "pdf"):
            raise HTTPException(404, f"no {fmt} export for this document")
        if not e.has_findings:
            raise HTTPException(409, "still being checked" if e.status != "failed" else e.error)
        body, media, name = reader.export(e, fmt)
        from urllib.parse import quote

        return Response(body, media_type=media,
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    @app.post("/api/ask", summary="Answer a question with citations (the `docqa ask --json` contract)")
    def ask(req: AskRequest):
        from index.store import StoreError

        if req.document is not None:
            e = entry_or_404(req.document)
            if e.status != "ready" or e.index_error:
                raise HTTPException(409, "this document is not indexed yet" if not e.index_error else e.index_error)
        try:
            return reader.ask(req.question.strip(), req.document, req.k)
        except StoreError as exc:
            raise HTTPException(409, f"no documents indexed yet ({exc})") from None

    @app.get("/api/health", include_in_schema=False)
    def health():
        return {"ok": True, "documents": len(library.entries()), "warm": reader.warmed.is_set()}

    # -- pages -------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def library_page(request: Request):
        return templates.TemplateResponse(request, "library.html", {
            "entries": library.entries(), "limit_mb": serve.max_upload_mb})

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        e = entry_or_404(doc_id)
        data = library.report(doc_id) if e.has_findings else None
        report = data["report"] if data else None
        kinds = sorted({f["kind"] for f in report["findings"]}) if report else []
        evidence = {f["id"]: f["evidence"] for f in report["findings"]} if report else {}
        return templates.TemplateResponse(request, "document.html", {
            "e": e, "report": report, "highlights": data["highlights"] if data else {}, "kinds": kinds, "evidence": evidence,
            "exports": [f for f in EXPORTS if f != "annotated-pdf" or e.format == "pdf"]})

    return app


def _authorised(request: Request, token: str) -> bool:
    want = token.encode()
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer ") and hmac.compare_digest(header[7:].strip().encode(), want):
        return True
    cookie = request.cookies.get(COOKIE)
    return bool(cookie) and hmac.compare_digest(cookie.encode(), want)
