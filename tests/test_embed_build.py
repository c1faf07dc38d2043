"""The default model is built once: concurrent first runs wait for one build, and a model folder appears whole."""
from __future__ import annotations

import threading
import time

import index.embed
from core.settings import IndexSettings


def test_concurrent_first_runs_build_the_model_once(tmp_path, monkeypatch):
    calls = []

    def fake_build(path, **_):
        calls.append(path)
        time.sleep(0.3)  # long enough for the other threads to queue on the lock
        path.mkdir(parents=True)
        (path / "modules.json").write_text("[]", encoding="utf-8")
        return "built"

    loaded = []
    monkeypatch.setattr(index.embed, "build_static_model", fake_build)
    monkeypatch.setattr("sentence_transformers.SentenceTransformer", lambda p, device: loaded.append(p) or "loaded")
    settings = IndexSettings(model_cache=tmp_path)
    results = []
    threads = [threading.Thread(target=lambda: results.append(index.embed.load_encoder(settings))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and calls[0].name.startswith(f"static-e5-v{index.embed.STATIC_VERSION}.building")  # built beside, then renamed
    assert sorted(results) == ["built", "loaded", "loaded"]
    assert (index.embed.static_path(settings) / "modules.json").exists()
    assert not list(tmp_path.glob("*.building*"))
