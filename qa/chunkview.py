"""The store's chunks as a question needs them: read one document at a time, when a passage of it is first asked
for. Reading all 48,000 chunks of a city's store costs a new process about a second and a half; a question is about
one or two documents (its scope), and search returns ids of those. Iterating the view still reads everything (the
few callers that need all of it go through the store's own caches instead)."""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from index.chunk import Chunk
from index.store import Store


class LazyChunks(Mapping):
    def __init__(self, store: Store) -> None:
        self.store = store
        self._doc_of: dict[str, str] = {}
        for key, entry in store.committed().documents.items():
            for cid in entry.chunk_ids:
                self._doc_of[cid] = key
        self._loaded: dict[str, dict[str, Chunk]] = {}

    def of_doc(self, key: str) -> dict[str, Chunk]:
        """Every chunk of one document (manifest key), read once."""
        if key not in self._loaded:
            self._loaded[key] = self.store.doc_chunks(key)
        return self._loaded[key]

    def doc_of(self, cid: str) -> str | None:
        return self._doc_of.get(cid)

    def __getitem__(self, cid: str) -> Chunk:
        key = self._doc_of.get(cid)
        if key is None:
            raise KeyError(cid)
        return self.of_doc(key)[cid]

    def __contains__(self, cid: object) -> bool:
        return cid in self._doc_of

    def __iter__(self) -> Iterator[str]:
        return iter(self._doc_of)

    def __len__(self) -> int:
        return len(self._doc_of)
