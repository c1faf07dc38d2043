"""`docqa serve [--store DIR] [--data DIR] [--host 127.0.0.1] [--port 8000]`."""
from __future__ import annotations

from pathlib import Path

import typer

from docqa.console import err_console, fail


def command(
    store: Path | None = typer.Option(None, "--store", help="Search store (default ./.docqa or $DOCQA_STORE)."),
    data: Path | None = typer.Option(None, "--data", help="The server's data folder (default .docqa-web)."),
    host: str | None = typer.Option(None, "--host", help="Address to bind (default 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", help="Port (default 8000; 0 = any free port)."),
) -> None:
    """Serve the reviewer's web app: upload, findings on the page, questions with citations."""
    try:
        import uvicorn

        from docqa.web.app import create_app
    except ImportError as exc:
        fail(f"the web app needs its extra: pip install -e '.[web]' ({exc.name} is missing)")
    from docqa.config import load_settings
    from docqa.web.settings import load_serve_settings

    settings = load_settings()
    try:
        serve = load_serve_settings(host=host, port=port, data_dir=str(data) if data else None)
    except ValueError as exc:
        fail(f"bad serve settings: {' '.join(str(exc).split())}")
    store_dir = store or Path(settings.index.store)
    if serve.host not in ("127.0.0.1", "localhost", "::1") and not serve.token:
        err_console.print(f"note: serving on {serve.host} without DOCQA_TOKEN: anyone who reaches it can use it",
                          highlight=False, markup=False)
    app = create_app(serve, store_dir, settings)
    err_console.print(f"DocQA on http://{serve.host}:{serve.port}  (data {Path(serve.data_dir).resolve()}, "
                      f"store {Path(store_dir).resolve()})", highlight=False, markup=False)
    uvicorn.run(app, host=serve.host, port=serve.port, log_level="warning")
