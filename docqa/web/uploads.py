"""What an upload holds, decided by its content (never by its name), and every way it can be refused.

A refusal is an `Upload error` with the HTTP status the API answers and a message a reviewer can act on.
Accepted files are kept by content hash under the server's data folder: no name the user sent becomes a path.
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from index.document import ParseError
from index.text import decode

# Magic numbers of the formats people drop by mistake: named so the message says what the file really is.
_IMAGES = [(b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
           (b"BM", "BMP"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF")]
_OTHER = [(b"\xd0\xcf\x11\xe0", "Office 97-2003 (doc/xls)"), (b"Rar!", "RAR"), (b"7z\xbc\xaf", "7z"),
          (b"\x1f\x8b", "gzip")]


class UploadError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Accepted:
    id: str  # content hash (the document's id everywhere: URLs, files, store)
    name: str  # the name the user gave, for display only
    kind: str  # "pdf" | "text"
    data: bytes

    @property
    def suffix(self) -> str:
        return ".pdf" if self.kind == "pdf" else ".txt"


def content_id(data: bytes) -> str:
    # sha1, as the store's manifest hashes files (index.ingest.file_hash): one id for one content.
    return hashlib.sha1(data).hexdigest()[:16]


def display_name(name: str | None) -> str:
    """The last part of the name the browser sent, without control characters; only ever displayed."""
    raw = name or "upload"
    base = PureWindowsPath(PurePosixPath(raw).name).name
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip()
    return base[:120] or "upload"


def _what(data: bytes) -> str | None:
    for magic, label in _IMAGES + _OTHER:
        if data.startswith(magic):
            return label
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    return None


def sniff(name: str, data: bytes, limit: int) -> str:
    """"pdf", "zip" or "text", or an UploadError saying why not."""
    if not data:
        raise UploadError(400, f"{name}：文件为空（0 字节）。")
    if len(data) > limit:
        raise UploadError(413, f"{name}：文件太大（{len(data) / 2**20:.1f} MB），上限 {limit // 2**20} MB。")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    label = _what(data)
    if label:
        raise UploadError(415, f"{name}：内容是 {label} 文件，不是 PDF、文本或 zip（按内容判断，与文件名无关）。")
    try:
        text = decode(data, name)
    except ParseError:
        raise UploadError(415, f"{name}：不是 PDF、文本或 zip 文件（二进制内容，无法识别）。") from None
    if not text.strip():
        raise UploadError(400, f"{name}：文本为空。")
    return "text"


def check_pdf(name: str, path: Path) -> None:
    """Open the PDF the way the parser will (encrypted, damaged, no pages): refuse it now, with the reason."""
    from index.pdf import _check_openable  # the parser's own gate, so the two never disagree

    try:
        _check_openable(path).close()
    except ParseError as exc:
        reason = str(exc).replace(str(path), "").lstrip(": ")
        raise UploadError(422, f"{name}：无法打开此 PDF（{reason}）。") from None


def accept(name: str | None, data: bytes, *, limit: int, zip_files: int, unzipped: int) -> list[Accepted | UploadError]:
    """One upload as documents: a PDF or a text file is one; a zip gives one per member (each sniffed).
    Raises UploadError when the upload itself is refused; a zip's bad members come back as errors in the list."""
    name = display_name(name)
    kind = sniff(name, data, limit)
    if kind != "zip":
        return [Accepted(content_id(data), name, kind, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX/")]
    except (zipfile.BadZipFile, ValueError) as exc:
        raise UploadError(422, f"{name}：损坏的 zip 文件（{exc}）。") from None
    if not members:
        raise UploadError(400, f"{name}：zip 中没有文件。")
    if len(members) > zip_files:
        raise UploadError(413, f"{name}：zip 中有 {len(members)} 个文件，上限 {zip_files} 个。")
    if sum(m.file_size for m in members) > unzipped:
        raise UploadError(413, f"{name}：zip 解压后超过 {unzipped // 2**20} MB。")
    out: list[Accepted | UploadError] = []
    budget = unzipped
    for m in members:
        inner = f"{name}/{display_name(m.filename)}"
        try:
            if m.flag_bits & 0x1:
                raise UploadError(422, f"{inner}：加密的 zip 成员，无法读取。")
            with archive.open(m) as fh:
                body = fh.read(min(limit, budget) + 1)  # never trust the declared size
            budget -= len(body)
            kind = sniff(inner, body, limit)
            if kind == "zip":
                raise UploadError(415, f"{inner}：zip 中的 zip 不予展开。")
            out.append(Accepted(content_id(body), display_name(m.filename), kind, body))
        except UploadError as exc:
            out.append(exc)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
            out.append(UploadError(422, f"{inner}：无法解压（{exc.__class__.__name__}）。"))
    return out
