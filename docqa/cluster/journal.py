"""`--out results.jsonl` with --cluster: one line per document, appended the moment it completes, so a run that
is stopped (Ctrl-C, a lost scheduler, a killed client) loses nothing finished, and a re-run with the same --out
skips every document already done with the same content and the same settings key.

A line: {"source", "digest", "settings", "report"}. A truncated last line (the client killed mid-write) is ignored,
and a document whose report carries an error (time-out, dead worker, unreadable) is not done: a re-run tries it
again."""
from __future__ import annotations

import json
from pathlib import Path


class Journal:
    def __init__(self, path: Path, settings: str) -> None:
        self.path, self.settings = Path(path), settings
        self._fh = None

    def done(self) -> dict[str, dict]:
        """Report dicts of finished documents by content digest (the last line for a digest wins)."""
        out: dict[str, dict] = {}
        if not self.path.exists():
            return out
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if not isinstance(rec, dict) or rec.get("settings") != self.settings or not rec.get("digest"):
                    continue
                report = rec.get("report") or {}
                if report.get("error"):
                    out.pop(rec["digest"], None)
                else:
                    out[rec["digest"]] = report
        return out

    def append(self, source: str, digest: str, report: dict) -> None:
        if self._fh is None:
            self._fh = open(self.path, "a", encoding="utf-8")
            if self._fh.tell() and not self._ends_with_newline():
                self._fh.write("\n")  # after a truncated line: start clean
        self._fh.write(json.dumps({"source": source, "digest": digest, "settings": self.settings, "report": report},
                                  ensure_ascii=False) + "\n")
        self._fh.flush()

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as fh:
            fh.seek(-1, 2)
            return fh.read(1) == b"\n"

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
