"""A read-only word -> value table in SQLite, read a word at a time and remembered. A new process that needs a few
hundred words of a large dictionary (jieba's 500,000 prefixes, CC-CEDICT's 120,000 entries, a BM25 index's
vocabulary) reads those, where loading the whole costs it up to a second. The mapping operations dictionaries are
read with (in, [], get) work on it, so it stands in for one."""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

FILE = "words.sqlite"


class WordTable:
    def __init__(self, path: Path, decode: Callable | None = None) -> None:
        self._uri = f"{path.resolve().as_uri()}?mode=ro"
        self._decode = decode
        self._seen: dict[str, object] = {}
        self._pid = -1
        self._db()  # fails now, not at the first word, when the file cannot be opened

    def _db(self) -> sqlite3.Connection:
        # A forked child opens its own connection (SQLite's rule: none is used across fork()); check_same_thread:
        # the web app's threads share one, which SQLite serialises.
        if self._pid != os.getpid():
            self._connection = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    @staticmethod
    def write(path: Path, items: Iterable[tuple[str, object]], meta: dict[str, object] | None = None) -> None:
        """A new file of `items` (word, value: an integer or a text) and `meta`, renamed into place whole."""
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        try:
            # No declared type: a value is kept as given (a column typed INTEGER would turn the text "12" into 12).
            db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, value) WITHOUT ROWID")
            db.executemany("INSERT INTO words VALUES (?, ?)", items)
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value)")
            db.executemany("INSERT INTO meta VALUES (?, ?)", (meta or {}).items())
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)

    def meta(self, key: str):
        return self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0]

    def get(self, word: str, default=None):
        try:
            value = self._seen[word]
        except KeyError:
            row = self._db().execute("SELECT value FROM words WHERE word = ?", (word,)).fetchone()
            value = None if row is None else self._decode(row[0]) if self._decode else row[0]
            self._seen[word] = value
        return default if value is None else value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str):
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value


def cached(name: str, build: Callable[[], tuple[Iterable[tuple[str, object]], dict]],
           decode: Callable | None = None) -> WordTable | None:
    """The table `name` of the model cache, written once from `build()` (items and meta); None when the cache
    cannot be written or read (the caller then loads its dictionary the usual way)."""
    from core.settings import IndexSettings
    from index.modelcache import build_once, is_built

    folder = IndexSettings().model_cache / name

    def write(tmp: Path) -> None:
        tmp.mkdir(parents=True, exist_ok=True)
        items, meta = build()
        WordTable.write(tmp / FILE, items, meta)

    try:
        if not is_built(folder, FILE):
            build_once(folder, write, last=FILE)
        return WordTable(folder / FILE, decode)
    except (OSError, sqlite3.Error):
        return None
