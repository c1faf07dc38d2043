"""On-disk cache of raw LLM replies, one JSON file per key.

The key covers everything that shapes the reply (the finding's id *and* content, the model, the prompt version),
so a changed finding, model or prompt never gets a stale reply. Raw replies are cached, not verdicts: the
grounding check runs again on every use, so a stricter check applies to old replies too. Transport failures
(timeouts, refused connections) are never cached.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path


def cache_key(*parts: object) -> str:
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class LLMCache:
    def __init__(self, directory: str | Path | None):
        self.dir = Path(directory) if directory else None

    def _path(self, key: str) -> Path:
        assert self.dir is not None
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> str | None:
        entry = self.entry(key)
        return entry["reply"] if entry else None

    def entry(self, key: str) -> dict | None:
        """The stored record: ``reply`` plus whatever was stored beside it (``truncated``, model, prompt…)."""
        if self.dir is None:
            return None
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent or damaged entry: ask again
        return entry if isinstance(entry, dict) and isinstance(entry.get("reply"), str) else None

    def put(self, key: str, reply: str, **meta: object) -> None:
        if self.dir is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename: a killed run leaves either the old entry or the new one, never half a file.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"reply": reply, **meta}, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full disk costs a cache entry, never the run
