"""`docqa serve [--store DIR] [--data DIR] [--host 127.0.0.1] [--port 8000]`."""
from __future__ import annotations

from pathlib import Path

import typer

from docqa.console import err_console, fail


def command(
    store: Path | None = typer.Option(None, "--store", help="Search store (default ./.docqa or $DOCQA_STORE)."),
    data: Path | None = typer.Option(None, "--data", help="The server's data folder (default .docqa-serve)."),
    host: str | None = typer.Option(None, "--host", help="Address to bind (default 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", help="Port (default 8000)."),
) -> None:
    """Serve the reviewer's web app: upload, findings on the page, questions with citations."""
    try:
        import uvicorn

        from docqa.web.app import create_app
    except ImportError as exc:
        fail(f"the web app needs its extra: pip install -e '.[web]' ({exc.name} is missing)")
    from core.settings import load_settings

    # A bad setting is a ConfigError: the CLI prints its one line and exits 2.
    settings = load_settings({"index": {"store": store},
                              "serve": {"host": host, "port": port, "data_dir": data}})
    serve = settings.serve
    if settings.check.rule_pack:
        from rules.pack import load_pack

        load_pack(settings.check.rule_pack)  # a bad pack: one line now, not an error on every upload
    if serve.host not in ("127.0.0.1", "localhost", "::1") and not serve.token:
        err_console.print(f"note: serving on {serve.host} without DOCQA_TOKEN: anyone who reaches it can use it",
                          highlight=False, markup=False)
    app = create_app(settings)
    err_console.print(f"DocQA on http://{serve.host}:{serve.port}  (data {Path(serve.data_dir).resolve()}, "
                      f"store {Path(settings.index.store).resolve()})", highlight=False, markup=False)
    uvicorn.run(app, host=serve.host, port=serve.port, log_level="warning")
