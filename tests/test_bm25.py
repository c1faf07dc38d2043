"""BM25 as a new process reads it: the question cut by jieba with its dictionary read a word at a time from SQLite
(the same tokens as jieba's own, whole dictionary), the index's saved arrays memory-mapped and summed (the same
scores as bm25s's own search), with or without the vocabulary's SQLite copy."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import index.bm25 as bm25
from index.bm25 import VOCAB_FILE, BM25Index, add_vocab_table, segmenter, tokens
from index.wordtable import WordTable

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = ["万里街道2024年三公经费预算是多少？", "给退休职工做体检要花多少钱", "那辆公车一年的养车费用",
             "深圳市规划和自然资源局大鹏管理局2026年会议费", "人社局和发改委的机关运行经费加起来是多少",
             "西安市审计局2026年会议费预算是多少？", "What is the 三公经费 of 深圳市气象局 in 2026"]


@pytest.fixture(scope="module")
def question_jieba(tmp_path_factory):
    """The word-at-a-time tokenizer, its table built into a model cache of its own (whatever this process did
    before)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    mp.setattr(bm25, "_question_jieba", None)
    jieba = segmenter(whole=True)
    mp.setattr(jieba.dt, "initialized", False)  # as in a new process
    try:
        tok = segmenter()
    finally:
        mp.undo()
    assert tok is not jieba and isinstance(tok.FREQ, WordTable)  # it reads SQLite, not jieba's dictionary
    return tok


def _lines(n: int) -> list[str]:
    """Chinese lines of the repository: the labelled sets' questions and answers, the README's prose."""
    files = sorted((REPO / "eval" / "sets").glob("*.yaml")) + [REPO / "README.md"]
    lines = [ln.strip() for f in files for ln in f.read_text(encoding="utf-8").splitlines()
             if re.search(r"[\u4e00-\u9fff]{4}", ln)]
    return lines[:: max(1, len(lines) // n)]


def test_the_question_tokenizer_cuts_as_jieba_with_its_whole_dictionary(question_jieba):
    whole = segmenter(whole=True)
    texts = QUESTIONS + _lines(1500)
    assert len(texts) > 1000
    for text in texts:
        assert question_jieba.lcut_for_search(text) == whole.lcut_for_search(text), text
        assert question_jieba.lcut(text) == whole.lcut(text), text
    assert question_jieba.total == whole.dt.total


def test_a_new_process_cuts_a_question_without_loading_jiebas_dictionary(tmp_path):
    code = ("import jieba, json\nfrom index.bm25 import tokens, segmenter\n"
            f"out = [tokens(q) for q in {QUESTIONS!r}]\n"
            "print(json.dumps({'loaded': jieba.dt.initialized, 'table': type(segmenter().FREQ).__name__, 'out': out}))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    run = [sys.executable, "-c", code]
    first = json.loads(subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout)
    again = json.loads(subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout)
    assert not first["loaded"] and not again["loaded"] and again["table"] == "WordTable"
    assert first["out"] == again["out"] == [tokens(q, whole=True) for q in QUESTIONS]
    assert (tmp_path / "docqa" / "models").is_dir()  # built once, in the model cache


def test_an_unwritable_cache_falls_back_to_jiebas_own_dictionary(monkeypatch):
    monkeypatch.setattr(bm25, "_question_jieba", None)
    monkeypatch.setenv("XDG_CACHE_HOME", "/proc/no-such-cache")
    jieba = segmenter(whole=True)
    monkeypatch.setattr(jieba.dt, "initialized", False)  # as in a new process
    assert segmenter() is jieba


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    texts = _lines(600)
    folder = tmp_path_factory.mktemp("bm25") / "bm25"
    built = BM25Index.build([f"c{i}" for i in range(len(texts))], texts)
    built.save(folder)
    return built, folder


def test_the_saved_index_scores_as_bm25s_and_as_the_built_one(saved):
    import bm25s

    built, folder = saved
    loaded = BM25Index.load(folder)
    assert isinstance(loaded.vocab, WordTable) and isinstance(loaded.scores["data"], np.memmap)
    reference = bm25s.BM25.load(str(folder))
    for q in QUESTIONS + ["预算 预算 支出", "一般公共预算财政拨款支出"]:
        toks = [t for t in tokens(q) if t in reference.vocab_dict]
        if not toks:
            continue
        want = reference.get_scores(toks)
        assert np.array_equal(loaded.get_scores(toks), want), q
        assert np.array_equal(built.get_scores(toks), want), q
        assert loaded.search(q, 10) == built.search(q, 10)
    assert any(loaded.search(q, 10) for q in QUESTIONS)


def test_an_index_saved_without_the_vocabulary_table_reads_its_json_then_gains_the_table(saved, tmp_path):
    import shutil

    built, folder = saved
    old = tmp_path / "old"
    shutil.copytree(folder, old)
    (old / VOCAB_FILE).unlink()
    before = BM25Index.load(old)
    assert isinstance(before.vocab, dict)
    add_vocab_table(old)
    after = BM25Index.load(old)
    assert isinstance(after.vocab, WordTable)
    for q in QUESTIONS:
        assert before.search(q, 10) == after.search(q, 10) == built.search(q, 10)


def test_an_empty_index_finds_nothing(tmp_path):
    empty = BM25Index.build([], [])
    empty.save(tmp_path / "e")
    assert BM25Index.load(tmp_path / "e").search("三公经费", 5) == []
