"""A document as a task sees it, and the key that says whether a run already did it.

Workers need no shared filesystem: with `send="bytes"` the file's bytes travel with the task and the worker
parses a private copy; reports and chunks still name the path the user gave, so the results are the ones a
single-process run gives."""
from __future__ import annotations

import hashlib
import json
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel, Field

from index.ingest import file_hash


class DocItem(BaseModel):
    """One document of a run, as sent to a worker."""

    source: str = Field(description="The path as the user gave it; reports and chunks name this.")
    key: str = Field(description="The absolute path on the client: what workers read by path, the store's key.")
    digest: str = Field(description="sha1 of the file's bytes, '' when the client cannot read it.")
    size: int = Field(0, description="File size in bytes.")
    data: bytes | None = Field(None, description="The file's bytes, sent when workers do not share the filesystem.")


def make_item(path: Path) -> DocItem:
    """Hash the file. An unreadable file still becomes an item (digest ''): the worker's parser reports it with
    the message a local run gives ("no such file", "is a directory")."""
    key = str(path.resolve())
    try:
        return DocItem(source=str(path), key=key, digest=file_hash(path), size=path.stat().st_size)
    except OSError:
        return DocItem(source=str(path), key=key, digest="")


def with_bytes(item: DocItem) -> DocItem:
    """The item carrying its file's bytes, read just before it is sent (so only documents in flight are held)."""
    try:
        return item.model_copy(update={"data": Path(item.key).read_bytes()})
    except OSError:
        return item


@contextmanager
def materialize(item: DocItem) -> Iterator[Path]:
    """A local path to parse: the original one, or a private copy of the bytes under the same file name."""
    if item.data is None:
        yield Path(item.key)
        return
    with tempfile.TemporaryDirectory(prefix="docqa-task-") as tmp:
        copy = Path(tmp) / (Path(item.source).name or "document")
        copy.write_bytes(item.data)
        yield copy


def renamed(message: str, read_path: Path, item: DocItem) -> str:
    """A parser message about the path read, told about the path the user gave."""
    return message.replace(str(read_path), item.source)


def code_fingerprint() -> str:
    """Hash of the parser and rules code and data: a new DocQA version invalidates earlier results."""
    import index
    import rules

    h = hashlib.sha1()
    for pkg in (index, rules):
        root = Path(pkg.__file__).parent
        for f in sorted(root.rglob("*")):
            if f.suffix in (".py", ".yaml") and f.is_file():
                h.update(str(f.relative_to(root.parent)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def settings_key(**parts) -> str:
    """What a result depends on besides the document: the code, and the options the caller names."""
    blob = json.dumps({"code": code_fingerprint(), **parts}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]
