"""Dense search without the vector database in the process: the store's vectors as one numpy matrix, kept beside
the store (a .npy file, with qa-vectors.json naming it, its rows and the manifest it reflects) and memory-mapped, where
opening the embedded Chroma client costs a new process more than a second and reading the matrix into memory a
quarter of one. The search is Store.dense's (cosine, the best of the allowed documents); the file is made from
Chroma's own vectors the first time a store is searched after a change, so both give the same neighbours."""
from __future__ import annotations

import hashlib
import json
import os

import numpy as np

from index.store import Store

ROWS = "qa-vectors.json"  # {"stamp": the manifest's, "ids": the chunk of each row, "matrix": its file}
OLD_FILE = "qa-vectors.npz"  # the matrix read whole, by earlier code


class DenseIndex:
    def __init__(self, ids: list[str], vectors: np.ndarray) -> None:
        self.ids = ids
        self.vectors = vectors

    @classmethod
    def of(cls, store: Store) -> "DenseIndex":
        stamp = store.stamp()
        try:
            rows = json.loads((store.root / ROWS).read_text(encoding="utf-8"))
            if rows["stamp"] == stamp:
                return cls(rows["ids"], np.load(store.root / rows["matrix"], mmap_mode="r"))
        except (OSError, ValueError, KeyError):
            pass
        index = cls.export(store)
        # A matrix file is named by the manifest it reflects and never rewritten, so a reader holding the rows
        # file of one manifest cannot read another's matrix; the rows file is written last.
        matrix = f"qa-vectors-{hashlib.sha1(stamp.encode()).hexdigest()[:16]}.npy"
        try:
            tmp = store.root / f"{matrix}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                np.save(fh, index.vectors)
            os.replace(tmp, store.root / matrix)
            tmp = store.root / f"{ROWS}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps({"stamp": stamp, "ids": index.ids, "matrix": matrix}), encoding="utf-8")
            os.replace(tmp, store.root / ROWS)
            for old in [*store.root.glob("qa-vectors-*.npy"), store.root / OLD_FILE]:
                if old.name != matrix:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only store: searched from memory this time
        return index

    @classmethod
    def export(cls, store: Store) -> "DenseIndex":
        """The committed documents' vectors, read from the vector database."""
        ids = [cid for entry in store.committed().documents.values() for cid in entry.chunk_ids]
        col = store.collection()
        vectors: dict[str, np.ndarray] = {}
        for start in range(0, len(ids), 5000):
            got = col.get(ids=ids[start:start + 5000], include=["embeddings"])
            vectors.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32)))
        kept = [cid for cid in ids if cid in vectors]
        dim = next(iter(vectors.values())).shape[0] if vectors else 0
        matrix = np.stack([vectors[cid] for cid in kept]) if kept else np.zeros((0, dim), np.float32)
        return cls(kept, matrix)

    def search(self, vector: np.ndarray, k: int, allowed: set[str]) -> list[tuple[str, float]]:
        """As Store.dense: the best min(4k, 200) of the allowed chunks by cosine, the first k. The documents are
        chosen before the neighbours: in a store of look-alike budgets, a short question's best few hundred of the
        whole store can all be other departments' passages."""
        if not allowed or not self.ids:
            return []
        rows = np.fromiter((cid in allowed for cid in self.ids), dtype=bool, count=len(self.ids))
        if not rows.any():
            return []
        sims = np.where(rows, self.vectors @ np.asarray(vector, dtype=np.float32), -np.inf)
        n = min(max(k * 4, k), 200, int(rows.sum()))
        top = np.argpartition(-sims, n - 1)[:n]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(self.ids[i], float(sims[i])) for i in top][:k]
