"""The `serve` settings: a small pydantic model until core/settings.py carries a `serve` section.

Order: defaults < `[serve]` in the TOML file < `DOCQA_SERVE_*` / `DOCQA_TOKEN` environment variables < flags.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, Field

from docqa.config import config_path

MB = 1024 * 1024


class ServeSettings(BaseModel):
    host: str = Field("127.0.0.1", description="Address to bind; 127.0.0.1 keeps the app on this machine.")
    port: int = Field(8000, ge=0, le=65535, description="TCP port (0 = any free port).")
    data_dir: str = Field(".docqa-web", description="The server's data folder: uploads by content hash, "
                                                   "reports, page images and the search store.")
    token: str | None = Field(None, description="When set, every route needs it (header, cookie or ?token=).")
    max_upload_mb: int = Field(50, ge=1, description="Largest upload accepted, in MB (a zip counts whole).")
    max_zip_files: int = Field(200, ge=1, description="Most documents taken from one zip.")
    max_unzipped_mb: int = Field(500, ge=1, description="Most bytes a zip may expand to, in MB.")
    doc_timeout: float = Field(300.0, gt=0, description="Seconds one document may take to parse and check.")
    zoom: float = Field(1.5, gt=0.2, le=4.0, description="Page image scale (1.0 = 72 dpi).")

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * MB


_ENV = {"host": "DOCQA_SERVE_HOST", "port": "DOCQA_SERVE_PORT", "data_dir": "DOCQA_SERVE_DATA",
        "token": "DOCQA_TOKEN", "max_upload_mb": "DOCQA_SERVE_MAX_UPLOAD_MB",
        "doc_timeout": "DOCQA_SERVE_DOC_TIMEOUT", "zoom": "DOCQA_SERVE_ZOOM"}


def load_serve_settings(path: Path | None = None, **flags) -> ServeSettings:
    values: dict = {}
    path = path or config_path()
    if path and path.exists():
        section = tomllib.loads(path.read_text(encoding="utf-8")).get("serve") or {}
        values.update({k: v for k, v in section.items() if k in ServeSettings.model_fields})
    for key, env in _ENV.items():
        if os.environ.get(env):
            values[key] = os.environ[env]
    values.update({k: v for k, v in flags.items() if v is not None})
    return ServeSettings.model_validate(values)
