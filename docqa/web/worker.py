"""Parse and check one document in a child process, so a PDF that crashes or hangs the parser costs that
document only, never the server. The child tells its progress over a pipe: parsed, then the report.

Children fork from a forkserver that imported the parser and the rules once, so a job starts in milliseconds.
"""
from __future__ import annotations

import multiprocessing
import time
from typing import Callable

_PRELOAD = ["index.pdf", "index.text", "rules.engine", "docqa.web.highlight"]


def analyse(path: str, kind: str, pack_path: str | None, conn) -> None:
    """Child: load, tell the page count, check, find the evidence on the pages, send the report."""
    try:
        from index.document import ParseError
        from index.load import load

        try:
            doc = load(path)
        except ParseError as exc:
            conn.send(("error", str(exc)))
            return
        conn.send(("parsed", {"pages": doc.pages, "tables": len(doc.tables), "paragraphs": len(doc.paragraphs)}))
        from rules.engine import check_document
        from rules.pack import load_pack

        start = time.perf_counter()
        report = check_document(doc, load_pack(pack_path) if pack_path else None).model_dump()
        marks = {}
        if kind == "pdf":
            from docqa.web.highlight import finding_highlights

            marks = finding_highlights(path, report["findings"])
        report["seconds"] = round(time.perf_counter() - start, 3)
        conn.send(("done", report, marks))
    except Exception as exc:  # a parser or rule bug: this document's error, reported on its page
        conn.send(("error", f"check failed: {exc.__class__.__name__}: {exc}"))
    finally:
        conn.close()


def _noop() -> None:
    return None


class Analyser:
    def __init__(self, timeout: float, pack_path: str | None = None) -> None:
        self.timeout = timeout
        self.pack_path = pack_path  # the rule pack `docqa check` uses (settings.check.rule_pack)
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            self.ctx.set_forkserver_preload(_PRELOAD)

    def warm(self) -> None:
        """Start the forkserver (imports the parser and rules) before the first upload needs it."""
        p = self.ctx.Process(target=_noop, daemon=True)
        p.start()
        p.join(60)

    def run(self, path: str, kind: str, on_parsed: Callable[[dict], None]) -> tuple:
        """("done", report, highlights) or ("error", message)."""
        recv, send = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=analyse, args=(path, kind, self.pack_path, send), daemon=True)
        proc.start()
        send.close()
        deadline = time.monotonic() + self.timeout
        result = None
        try:
            while result is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    result = ("error", f"timed out after {self.timeout:g} s")
                    break
                if recv.poll(min(left, 0.25)):
                    try:
                        msg = recv.recv()
                    except EOFError:  # the child died before it could answer
                        break
                    if msg[0] == "parsed":
                        on_parsed(msg[1])
                    else:
                        result = msg
                elif not proc.is_alive() and not recv.poll(0):
                    break
        finally:
            recv.close()
            proc.join(2 if result and result[0] == "done" else 0.1)
            if proc.is_alive():
                proc.kill()
                proc.join(5)
        if result is None:
            code = proc.exitcode
            return ("error", f"the checking process died (exit code {code}: a crash or out of memory)")
        return result
