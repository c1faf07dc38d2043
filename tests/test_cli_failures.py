"""Every failure a user can cause is one line on stderr and exit 2 (the traceback only with --debug)."""
from typer.testing import CliRunner

from docqa.cli import app


def _one_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_ingest_into_a_store_that_is_a_file(tmp_path):
    store = tmp_path / "afile"
    store.write_text("x")
    doc = tmp_path / "d.txt"
    doc.write_text("某某局2024年部门预算\n", encoding="utf-8")
    line = _one_line(CliRunner().invoke(app, ["ingest", str(doc), "--store", str(store), "--quiet"]))
    assert str(store) in line and "not a store folder" in line


def test_a_malformed_docqa_toml(tmp_path, monkeypatch):
    bad = tmp_path / "docqa.toml"
    bad.write_text("[llm\nbase_url = 1\n", encoding="utf-8")
    monkeypatch.setenv("DOCQA_CONFIG", str(bad))
    line = _one_line(CliRunner().invoke(app, ["check", str(bad)]))
    assert "not valid TOML" in line and str(bad) in line


def test_a_misspelt_key_in_docqa_toml(tmp_path, monkeypatch):
    bad = tmp_path / "docqa.toml"
    bad.write_text('[llm]\nbase_ulr = "http://x/v1"\n', encoding="utf-8")
    monkeypatch.setenv("DOCQA_CONFIG", str(bad))
    assert "base_ulr" in _one_line(CliRunner().invoke(app, ["ask", "三公经费是多少"]))


def test_a_timeout_that_is_not_a_number(monkeypatch):
    monkeypatch.setenv("DOCQA_LLM_TIMEOUT", "abc")
    line = _one_line(CliRunner().invoke(app, ["ask", "三公经费是多少"]))
    assert "DOCQA_LLM_TIMEOUT" in line and "abc" in line


def test_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setenv("DOCQA_LLM_TIMEOUT", "abc")
    result = CliRunner().invoke(app, ["--debug", "ask", "三公经费是多少"])
    assert result.exit_code != 0 and result.exception is not None


def test_check_out_without_format_and_a_missing_folder(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("某某局2024年部门预算\n", encoding="utf-8")
    assert "--format" in _one_line(CliRunner().invoke(app, ["check", str(doc), "--out", str(tmp_path / "r.md")]))
    line = _one_line(CliRunner().invoke(app, ["check", str(doc), "--format", "md", "--out",
                                              str(tmp_path / "nope" / "r.md")]))
    assert "no such folder" in line


def test_a_cluster_address_that_is_not_one(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("某某局2024年部门预算\n", encoding="utf-8")
    line = _one_line(CliRunner().invoke(app, ["check", str(doc), "--cluster", "http//nowhere", "--no-llm"]))
    assert "http//nowhere" in line and "tcp://host:port" in line
