"""Models built once into the model cache. Concurrent first runs wait on a file lock for one build instead of each
building its own copy, and a model folder appears whole or not at all (built beside, then renamed)."""
from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def is_built(path: Path, last: str = "modules.json") -> bool:
    """A folder is whole once the file written last is there (a sentence-transformers folder's modules.json)."""
    return (path / last).exists()


def build_once(path: Path, build: Callable[[Path], T], last: str = "modules.json") -> T | None:
    """Run `build(folder)` into a folder beside `path`, then rename it to `path`; if another process built it
    while this one waited for the lock, build nothing. Returns what `build` returned, or None."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f".{path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_built(path, last):
            return None
        tmp = path.with_name(f"{path.name}.building{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        made = build(tmp)
        shutil.rmtree(path, ignore_errors=True)  # a partial folder of a build killed before the lock existed
        os.replace(tmp, path)
        return made
