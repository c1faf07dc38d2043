"""A word table in SQLite answers as the dictionary it was written from, values kept as given, and a table of the
model cache is built once."""
from __future__ import annotations

import pytest

from index.wordtable import WordTable, cached


def test_it_answers_as_the_dictionary_it_was_written_from(tmp_path):
    words = {"预算": 12, "预": 0, "三公经费": "12", "公车": "official car/vehicle"}
    WordTable.write(tmp_path / "t.sqlite", words.items(), {"total": 99})
    table = WordTable(tmp_path / "t.sqlite")
    for w, v in words.items():
        assert w in table and table[w] == v and table.get(w) == v and type(table[w]) is type(v)
    assert "支出" not in table and table.get("支出") is None and table.get("支出", 5) == 5 and 3 not in table
    with pytest.raises(KeyError):
        table["支出"]
    assert table.meta("total") == 99
    split = WordTable(tmp_path / "t.sqlite", decode=lambda v: v.split("/") if isinstance(v, str) else v)
    assert split["公车"] == ["official car", "vehicle"]


def test_a_table_of_the_model_cache_is_built_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return [("局", 3)], {"total": 3}

    assert cached("t", build)["局"] == 3 and cached("t", build).meta("total") == 3
    assert len(calls) == 1 and (tmp_path / "docqa" / "models" / "t").is_dir()
    monkeypatch.setenv("XDG_CACHE_HOME", "/proc/no-such-cache")
    assert cached("t", build) is None  # nowhere to write it: the caller loads its dictionary itself


def test_a_forked_child_reads_through_its_own_connection(tmp_path):
    import multiprocessing

    WordTable.write(tmp_path / "t.sqlite", [("局", 3), ("预算", 7)])
    table = WordTable(tmp_path / "t.sqlite")
    assert table["局"] == 3
    fork = multiprocessing.get_context("fork")
    out = fork.Queue()

    def child():
        parent = table._connection
        out.put((table["预算"], table._db() is not parent))

    proc = fork.Process(target=child)
    proc.start()
    proc.join(60)
    assert out.get(timeout=10) == (7, True)
