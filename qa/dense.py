"""Dense search without the vector database in the process: the store's vectors as one numpy matrix, kept beside
the store (qa-vectors.npz, stamped with the manifest it reflects) and read in milliseconds, where opening the
embedded Chroma client costs a new process more than a second. The search is the one Chroma's was (cosine, the
best few hundred of the whole store, then those of the allowed documents); the file is made from Chroma's own
vectors the first time a store is searched after a change, so both give the same neighbours."""
from __future__ import annotations

import json
import os

import numpy as np

from index.store import Store

FILE = "qa-vectors.npz"


def _stamp(store: Store) -> str:
    docs = store.manifest().documents
    return json.dumps(sorted((k, v.hash, v.index_key, len(v.chunk_ids)) for k, v in docs.items()))


class DenseIndex:
    def __init__(self, ids: list[str], vectors: np.ndarray) -> None:
        self.ids = ids
        self.vectors = vectors

    @classmethod
    def of(cls, store: Store) -> "DenseIndex":
        path = store.root / FILE
        stamp = _stamp(store)
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["stamp"]) == stamp:
                    return cls(data["ids"].tolist(), data["vectors"])
        except (OSError, ValueError, KeyError):
            pass
        index = cls.export(store)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        try:
            np.savez(tmp, ids=np.array(index.ids), vectors=index.vectors, stamp=np.array(stamp))
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only store: searched from memory this time
        return index

    @classmethod
    def export(cls, store: Store) -> "DenseIndex":
        """The committed documents' vectors, read from the vector database."""
        ids = [cid for entry in store.manifest().documents.values() for cid in entry.chunk_ids]
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
        """As Store.dense: the best min(4k, 200) of the whole store by cosine, those allowed, the first k."""
        if not allowed or not self.ids:
            return []
        sims = self.vectors @ np.asarray(vector, dtype=np.float32)
        n = min(max(k * 4, k), 200, len(self.ids))
        top = np.argpartition(-sims, n - 1)[:n]
        top = top[np.argsort(-sims[top])]
        return [(self.ids[i], float(sims[i])) for i in top if self.ids[i] in allowed][:k]
