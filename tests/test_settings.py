"""One settings tree: defaults < docqa.toml < DOCQA_* variables < flags; a bad key or value is one line, exit 2."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from core.errors import ConfigError
from core.settings import describe, load_settings
from docqa.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    """No docqa.toml, no DOCQA_* variable but those a test sets."""
    monkeypatch.chdir(tmp_path)
    import os

    for name in list(os.environ):
        if name.startswith("DOCQA_"):
            monkeypatch.delenv(name)


def toml(tmp_path, monkeypatch, text: str):
    path = tmp_path / "docqa.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_precedence_flag_over_env_over_toml_over_default(tmp_path, monkeypatch):
    toml(tmp_path, monkeypatch, "[llm]\ntimeout = 5\nmax_tokens = 100\nmodel = 'from-toml'\n")
    monkeypatch.setenv("DOCQA_LLM__MAX_TOKENS", "200")
    s = load_settings({"llm": {"model": "from-flag"}})
    assert (s.llm.timeout, s.llm.max_tokens, s.llm.model, s.llm.concurrency) == (5.0, 200, "from-flag", 4)
    sources = {r["key"]: r["source"] for r in describe(s, {"llm": {"model": "from-flag"}})}
    assert sources["llm.timeout"].endswith("docqa.toml [llm] timeout")
    assert sources["llm.max_tokens"] == "DOCQA_LLM__MAX_TOKENS"
    assert sources["llm.model"] == "flag llm.model"
    assert sources["llm.concurrency"] == "default"


def test_short_variable_names_and_the_off_switch(monkeypatch):
    monkeypatch.setenv("DOCQA_LLM_BASE_URL", "http://localhost:11434/v1")
    monkeypatch.setenv("DOCQA_LLM_MODEL", "qwen2.5:7b")
    monkeypatch.setenv("DOCQA_STORE", "/data/store")
    s = load_settings()
    assert s.llm.configured and str(s.index.store) == "/data/store"
    monkeypatch.setenv("DOCQA_LLM", "none")
    assert not load_settings().llm.configured


def test_a_flag_left_unset_does_not_hide_the_environment(monkeypatch):
    monkeypatch.setenv("DOCQA_STORE", "/data/store")
    assert str(load_settings({"index": {"store": None}}).index.store) == "/data/store"


@pytest.mark.parametrize("env, words", [
    ({"DOCQA_LLM_TIMEOUT": "abc"}, ["DOCQA_LLM_TIMEOUT", "'abc'", "llm.timeout"]),
    ({"DOCQA_LLM__TIMOUT": "3"}, ["DOCQA_LLM__TIMOUT", "timout"]),
    ({"DOCQA_CHECK__WORKERS": "-1"}, ["DOCQA_CHECK__WORKERS", "check.workers"]),
    ({"DOCQA_SERVE__PORT": "99999"}, ["DOCQA_SERVE__PORT"]),
])
def test_bad_environment_values_name_the_variable(monkeypatch, env, words):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(ConfigError) as exc:
        load_settings()
    assert all(w in str(exc.value) for w in words), str(exc.value)


def test_a_toml_typo_is_refused_not_ignored(tmp_path, monkeypatch):
    toml(tmp_path, monkeypatch, "[llm]\nbase_ulr = 'http://localhost:11434/v1'\nmodel = 'm'\n")
    with pytest.raises(ConfigError, match=r"docqa.toml \[llm\] base_ulr: unknown setting 'base_ulr'"):
        load_settings()


def test_malformed_toml_and_unknown_section(tmp_path, monkeypatch):
    toml(tmp_path, monkeypatch, "[llm\nmodel = 1\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings()
    toml(tmp_path, monkeypatch, "[lmm]\nmodel = 'x'\n")
    with pytest.raises(ConfigError, match=r"unknown section \[lmm\]"):
        load_settings()


def test_docqa_config_names_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCQA_CONFIG", str(tmp_path / "absent.toml"))
    with pytest.raises(ConfigError, match="absent.toml: configuration file not found"):
        load_settings()


@pytest.mark.parametrize("setup", ["env", "toml"])
def test_every_command_turns_bad_settings_into_one_line_and_exit_2(tmp_path, monkeypatch, setup):
    if setup == "env":
        monkeypatch.setenv("DOCQA_LLM_TIMEOUT", "abc")
    else:
        toml(tmp_path, monkeypatch, "[llm]\nbase_ulr = 'x'\n")
    doc = tmp_path / "a.txt"
    doc.write_text("示例局2024年部门预算\n", encoding="utf-8")
    for args in (["ask", "三公经费是多少"], ["check", str(doc)], ["ingest", str(doc)], ["config", "show"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error:"), (args, result.stderr)
        assert "Traceback" not in result.output


def test_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setenv("DOCQA_LLM_TIMEOUT", "abc")
    result = runner.invoke(app, ["--debug", "config", "show"])
    assert result.exit_code != 0 and isinstance(result.exception, ConfigError)


def test_config_show_lists_values_and_sources(tmp_path, monkeypatch):
    toml(tmp_path, monkeypatch, "[check]\nworkers = 3\n")
    monkeypatch.setenv("DOCQA_LLM_API_KEY", "sk-secret-123456")
    import json

    result = runner.invoke(app, ["config", "show", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["key"]: r for r in json.loads(result.stdout)["settings"]}
    assert rows["check.workers"]["value"] == 3 and "docqa.toml" in rows["check.workers"]["source"]
    assert rows["llm.api_key"]["value"] == "********" and "sk-secret" not in result.stdout
    assert rows["llm.timeout"]["source"] == "default" and rows["llm.timeout"]["description"]
